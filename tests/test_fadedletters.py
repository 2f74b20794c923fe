"""A faded page's letters read as others (session 40): :mod:`archivist.typedletters`' rule, with the faded pages'
own pairs (``archivist.fadedread.LETTER_AS``: ``t`` for ``l``, ``T`` for ``I``, ``M`` for ``N``, ``n`` for ``m``),
run by ``reread_faded`` on the words that make no word or hold such a letter, a reading taken only where it changes
that one glyph into a word in use."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from archivist import fadedglyphs, fadedmotto, fadedread, restore, typedletters
from archivist.models import Word
from archivist.ocr import OcrResult, TesserocrEngine
from tests.pdfcheck import assert_valid_pdfa
from tests.pdfpages import pdftotext
from tests.test_fadedread import _strip, _word


def test_which_faded_words_are_asked_for_their_letters() -> None:
    def asked(text: str) -> bool:
        return fadedread._doubtful(_word(text), False)

    assert asked("tập") and asked("tý") and asked("HỘT") and asked("tại")  # ``lập``, ``lý``, ``HỘI``, ``lại``
    assert asked("MAM") and asked("năn") and asked("niên")  # ``NAM``, ``năm``, ``niêm``
    assert asked("THẠ%H")  # no word at all
    assert not asked("công") and not asked("thành") and not asked("UBND") and not asked("Lập") and not asked("17")
    # the typed pages' ``r`` for ``n`` is not a faded page's slip: ``rào`` (``nào``) is not asked there
    assert typedletters.asked("rào") and not asked("rào")


def test_judge_takes_a_letter_only_that_way_round_and_to_a_word_in_use() -> None:
    judge = fadedread._judge
    assert judge(_word("tập"), ["lập", "tập", "lập"], None, None) == "lập"
    assert judge(_word("HỘT,"), ["HỘI,"], None, None) == "HỘI,"
    assert judge(_word("MAM"), ["NAM", "MAM"], None, None) == "NAM"
    assert judge(_word("năn"), ["năm"], None, None) == "năm"
    assert judge(_word("NAM"), ["MAM"], None, None) is None and judge(_word("năm"), ["năn"], None, None) is None
    assert judge(_word("tại"), ["tại", "tai"], None, None) is None  # no reading changes the letter
    assert judge(_word("lập"), ["tập"], None, None) is None  # an ``l`` read again ``t`` is the engine's slip
    assert judge(_word("tập"), ["lấp"], None, None) is None  # two glyphs changed
    assert judge(_word("rào"), ["nào"], None, None) is None  # not a faded pair, and ``rào`` is a word


@pytest.mark.parametrize(("printed", "read", "kept"), [("lập", "tập", "lập"), ("lúc", "túc", "lúc"),
                                                       ("HỘI", "HỘT", "HỘI"), ("NAM", "MAM", "NAM"),
                                                       ("năm", "năn", "năm"), ("tập", "tập", "tập"),
                                                       ("tên", "tên", "tên"), ("niên", "niên", "niên"),
                                                       ("THÔN", "THÔN", "THÔN")])
def test_reread_faded_reads_the_letter_again_from_the_page(printed: str, read: str, kept: str) -> None:
    """Tesseract itself reads the crops (Liberation Serif, the faded pages' face, at 300 dpi): an ``l``, ``I``, ``N``
    or ``m`` printed and first read ``t``, ``T``, ``M`` or ``n`` comes back; a ``t`` or ``n`` printed stays, though
    ``lập``, ``lên``, ``niêm`` and ``THÔM`` are words."""
    img, box = _strip(printed)
    first = OcrResult([Word(read, 90.0, box, 0)], read, 90.0)
    prep = restore.Prepared(img, 300.0, steps=["flatten", "clahe"], before_contrast=img)
    out = fadedread.reread_faded(TesserocrEngine(), first, prep)
    assert [w.text for w in out.words] == [kept] and out.words[0].bbox == box
    assert prep.rereads == ([(read, kept)] if kept != read else [])


@pytest.mark.slow
def test_generated_faded_document_reads_its_letters_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A generated faded document (``generate(..., groups=["faded"])``, seed 164: the first document of the fit set
    it was measured on) through ``archivist process``: its ``là`` read ``tà`` and its ``TỊCH`` read ``TTCH``
    without the letters' reading come back right in the record and in the PDF/A's text layer, the document loses
    fewer words, and the PDF/A-1b passes Preflight. (The reading without it is made in this process, where it can
    be switched off: the command reads pages in a fork server's workers. Since session 43 the ``l``'s glyph
    (:func:`archivist.fadedglyphs.small_l`) sets the same ``là`` back, and since session 47 the position's words
    (:func:`archivist.fadedmotto.seat_words`) the same ``TỊCH``: both are switched off there too.)"""
    from click.testing import CliRunner

    from archivist.cli import main
    from archivist.metrics import bag_of_words_error, words
    from archivist.pipeline import Settings, process
    from samples.generate import generate

    pages = generate(tmp_path / "set", seed=164, n_docs=1, groups=["faded"])[0]["pages"]
    truth = "\n".join(p["text"] for p in pages)
    res = CliRunner().invoke(main, ["process", str(tmp_path / "set" / "scans"), "--archive", str(tmp_path / "with"),
                                    "--workers", "1"])
    assert res.exit_code == 0, res.output
    monkeypatch.setattr(fadedread, "letters_asked", lambda text, letters: False)
    monkeypatch.setattr(fadedglyphs, "small_l", lambda ocr, image: ocr)  # session 43: it sets the same ``là`` back
    monkeypatch.setattr(fadedmotto, "seat_words", lambda ws: [None] * len(ws))  # session 47: and the same ``TỊCH``
    process([tmp_path / "set" / "scans"], tmp_path / "without", Settings(workers=1, page_timeout=0))
    texts = {name: "\n".join(p["text"] for p in json.loads(next((tmp_path / name / "documents").glob(
        "*.json")).read_text(encoding="utf-8"))["pages"]) for name in ("with", "without")}
    read = {name: Counter(words(text)) for name, text in texts.items()}
    wanted = Counter(words(truth))
    assert not wanted["tà"] and not wanted["TTCH"] and wanted["là"] and wanted["TỊCH"]
    assert read["without"]["tà"] and read["without"]["TTCH"] and not read["with"]["tà"] and not read["with"]["TTCH"]
    assert read["with"]["là"] == read["without"]["là"] + read["without"]["tà"] <= wanted["là"]
    assert read["with"]["TỊCH"] == read["without"]["TỊCH"] + read["without"]["TTCH"] <= wanted["TỊCH"]
    assert bag_of_words_error(truth, texts["with"]) < bag_of_words_error(truth, texts["without"])
    (pdf,) = (tmp_path / "with" / "documents").glob("*.pdf")
    layer = Counter(words("".join(pdftotext(pdf, k + 1) for k in range(len(pages)))))
    assert layer["là"] == read["with"]["là"] and not layer["tà"] and not layer["TTCH"]
    assert_valid_pdfa(tmp_path / "with")
