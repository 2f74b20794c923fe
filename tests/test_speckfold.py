"""A speckled page's word whose marks make no syllable in use, given the marks the list's one word there wants
(archivist/speckfold.py); and the strokes session 43 added to the specks (archivist/speckread.py's STRAY)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from archivist.models import Word
from archivist.ocr import OcrResult
from archivist.spanread import reread_spans
from archivist.speckfold import same_letters, unused_syllables
from archivist.speckread import lone_stroke, reread_specks
from archivist.syllables import attested
from tests.steprun import first_page_with_and_without, gain_and_layer


def _words(text: str) -> list[Word]:
    return [Word(t, 70.0, (100 * i, 0, 100 * i + 90, 30), 0, 28) for i, t in enumerate(text.split())]


def _changed(text: str) -> dict[str, str]:
    words = _words(text)
    return {words[k].text: new for k, new in unused_syllables(words).items()}


def test_same_letters_are_the_syllables_in_use_with_other_marks() -> None:
    assert same_letters("chuấn") == ("chuẩn",)
    assert {"khai", "khải"} <= set(same_letters("KHẠI")) and "khại" not in same_letters("KHẠI")
    assert {"dân", "đàn"} <= set(same_letters("Đận"))  # the stroke of ``đ`` is a mark too
    assert "nghĩa" in same_letters("ÑGHĨA")  # a tilde Vietnamese does not write over ``N``
    assert "chuấn" not in attested()


def test_a_word_whose_marks_make_no_syllable_takes_the_one_that_makes_a_word() -> None:
    assert _changed("an toàn xã hội; chuấn bị tốt") == {"chuấn": "chuẩn"}  # seeds 224, 256
    assert _changed("TRÍCH LỤC KHẠI SINH") == {"KHẠI": "KHAI"}  # a title in capitals (seed 224)
    assert _changed("Đận tộc: Kinh;") == {"Đận": "Dân"}  # a label's capital (seed 259)
    assert _changed("nội đững này") == {"đững": "dung"}  # hook and stroke (seed 259)
    assert _changed("chuấn,") == {}  # alone between marks: in no run with a neighbour, no word says which


def test_what_the_step_leaves() -> None:
    assert _changed("Ủy bản nhân dân") == {}  # ``bản`` is in use: only the image may change it (speckread)
    assert _changed("Hội Nông dẩn xã") == {}  # a run opening with a family name (``Nông``) is a name's
    assert _changed("Tân Thạnh Đồng") == {}  # names: each capital cuts the run
    assert _changed("số 12/KH-UBÑD ngày") == {}  # a code
    assert "phư" not in attested()
    assert _changed("thu phư phí") == {}  # ``phù phí`` and ``phụ phí``: two words, the letters do not settle it


def test_reread_spans_gives_the_marks_after_the_image_is_read() -> None:
    def Reads(text: str) -> SimpleNamespace:  # noqa: N802 (an engine that reads every crop as ``text``)
        return SimpleNamespace(read_alone=lambda crop, dpi, psm: text)

    img = np.full((60, 800), 255, np.uint8)
    first = OcrResult(_words("xã hội; chuấn bị tốt"), "xã hội; chuấn bị tốt", 70.0)
    assert reread_spans(Reads("chuấn"), first, img, img, 200.0).text == "xã hội; chuẩn bị tốt"
    assert reread_spans(Reads("chuấn"), first, None, img, 200.0) is first  # not a speckled page


def test_the_new_strokes_are_specks() -> None:
    def tokens(text: str) -> list[str]:
        out = reread_specks(object(), OcrResult(_words(text), text, 70.0), np.zeros((1, 1), np.uint8),
                            np.zeros((1, 1), np.uint8), 200.0)
        return [w.text for w in out.words]

    assert tokens("của „nhân dân") == ["của", "nhân", "dân"]  # seed 256
    assert tokens("Họ„chữ đệm") == ["Họ", "chữ", "đệm"]  # seed 256: the comma read so is lost, the word kept
    assert tokens("CHỦ NGHĨA'ˆVIỆT NAM") == ["CHỦ", "NGHĨA", "VIỆT", "NAM"]  # seed 259
    assert tokens("©); «Chủ tịch") == ["©);", "Chủ", "tịch"]
    assert tokens("công ©hức") == ["công", "©hức"]  # ``©`` is read for a ``c`` too (held-out seed 260): kept
    assert lone_stroke("¬") and not lone_stroke("©") and not lone_stroke("-") and not lone_stroke("—")
    assert tokens("Ông Lê „Văn") == ["Ông", "Lê", "Văn"]


def test_marks_after_a_mark_and_slashes_read_as_another_character() -> None:
    def tokens(text: str) -> list[str]:
        out = reread_specks(object(), OcrResult(_words(text), text, 70.0), np.zeros((1, 1), np.uint8),
                            np.zeros((1, 1), np.uint8), 200.0)
        return [w.text for w in out.words]

    assert tokens("theo dõi,` tổng hợp") == ["theo", "dõi,", "tổng", "hợp"]  # seed 257
    assert tokens("Quốc tịch:: Việt Nam") == ["Quốc", "tịch:", "Việt", "Nam"]  # seed 257
    assert tokens("Lưu: VT, TC...") == ["Lưu:", "VT,", "TC."]  # seed 258: an abbreviation keeps its stop
    assert tokens("TRÍCH LỤC KHAI SINH...") == ["TRÍCH", "LỤC", "KHAI", "SINH"]  # seed 256: a heading, none
    assert tokens("-'UBND huyện") == ["-", "UBND", "huyện"] and tokens("-.Các ban") == ["-", "Các", "ban"]
    assert tokens("số 09/06/2016 ... và") == ["số", "09/06/2016", "...", "và"]  # stops standing alone: left


@pytest.mark.slow
def test_generated_speckled_page_reads_its_marks_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A generated speckled page (seed 225, a fit seed: its first document, a marriage extract, 200 dpi, JPEG)
    through ``archivist process``: the label ``Dân tộc:``, read ``Đân tộc:`` without the step (a speck on the
    ``D``'s stem), is right in the record and in the PDF/A's text layer; the page loses fewer words, and the PDF/A-1b
    passes Preflight."""
    from archivist import spanread
    from samples.generate import generate

    doc = generate(tmp_path / "set", seed=225, n_docs=1, groups=["speckle"])[0]
    truth = doc["pages"][0]["text"]
    assert "Dân tộc:" in truth
    texts = first_page_with_and_without(tmp_path / "set" / "scans", tmp_path, lambda: monkeypatch.setattr(
        spanread, "unused_syllables", lambda words: {}))
    assert "Đân" in texts["without"].split()
    assert "Đân" not in texts["with"].split() and "Dân tộc:" in texts["with"]
    layer = gain_and_layer(truth, texts, tmp_path / "with")
    assert "Đân" not in layer and "Dân" in layer
