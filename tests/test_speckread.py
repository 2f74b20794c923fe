"""Specks a speckled page's reading took for marks (session 39, archivist/speckread.py): a stop or stroke glued to a
word where the line says none can stand, two words joined by a speck, and a tone mark the word list and a second
reading undo; and a generated speckled page end to end through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from archivist.models import Word
from archivist.ocr import OcrResult
from archivist.speckread import reread_specks, speck_join, stray_marks
from tests.pdfcheck import assert_valid_pdfa
from tests.pdfpages import pdftotext

SEED = 2  # a generated speckled document whose page a speck marks (found by trying seeds 1-3)
MARKED = (".PHÓ", "Kim.Sơn;")  # as its page is read without the step


def _words(*texts: str, line: int = 0) -> list[Word]:
    return [Word(t, 70.0, (100 * i, 0, 100 * i + 90, 30), line) for i, t in enumerate(texts)]


def _stray(*texts: str) -> list[str | None]:
    ws = _words(*texts)
    return [stray_marks(ws, k) for k in range(len(ws))]


def test_a_stop_before_a_small_letter_of_the_line_is_a_speck() -> None:
    assert _stray("Ủy", "ban.", "nhân", "dân") == [None, "ban", None, None]
    assert _stray("chỉ", "đạo..", "sản") == [None, "đạo", None]
    assert _stray("Đảng.", "ủy,") == ["Đảng", None]


def test_a_stop_that_ends_a_sentence_or_a_line_stays() -> None:
    assert _stray("này.", "Quyết", "định") == [None, None, None]  # a capital follows: a sentence's end
    assert _stray("an", "ninh.") == [None, None]  # the line's last word
    ws = [Word("ninh.", 80.0, (0, 0, 90, 30), 0), Word("công", 80.0, (0, 40, 90, 70), 1)]
    assert stray_marks(ws, 0) is None  # the next word is on the next line
    assert _stray("KT.", "CHỦ", "TỊCH") == [None, None, None]
    assert _stray("VT.", "ơ") == [None, None]  # an abbreviation's stop, a speck read as a letter after it (HG120)
    assert _stray("huyện.", "v3") == [None, None]  # a speck read as letters after the line's last word (HG117)
    assert _stray("2020...", "và") == [None, None]  # not a word of letters alone


def test_a_stroke_no_vietnamese_word_carries_is_taken_off_either_edge() -> None:
    assert _stray("'hóa", "_UBND", "hoạch'", "~UBND", "‹cơ", ".UBND") == ["hóa", "UBND", "hoạch", "UBND", "cơ", "UBND"]
    assert _stray(".KT.", "Quỳnh'") == ["KT.", "Quỳnh"]


def test_real_marks_are_kept() -> None:
    assert _stray("“Về", "việc”", "(b/c);", "Số:", "xã,", "sau:", "-", "°C", "trú:") == [None] * 9


def test_two_words_a_speck_joined_come_apart() -> None:
    assert speck_join("vướng:mắc") == ("vướng", "mắc")
    assert speck_join("THĂNG'BÌNH") == ("THĂNG", "BÌNH")
    assert speck_join("Cẩm:Xuyên") == ("Cẩm", "Xuyên")
    assert speck_join("Ông.Đào") == ("Ông", "Đào")
    assert speck_join("Nơi'nhận") == ("Nơi", "nhận")
    assert speck_join("năm-2022") == ("năm", "2022")
    assert speck_join("thôn.5") == ("thôn", "5")
    assert speck_join("2011-của") == ("2011", "của")


def test_a_real_mark_between_joined_words_stays_with_the_first() -> None:
    assert speck_join("đất,-góp") == ("đất,", "góp")
    assert speck_join("hợp,.nhất") == ("hợp,", "nhất")
    assert speck_join("này.Quyết") == ("này.", "Quyết")  # a sentence's end, its space lost
    assert speck_join("tộc:-Kinh") == ("tộc:", "Kinh")  # a label's colon
    assert speck_join("số:042902348247") == ("số:", "042902348247")


@pytest.mark.parametrize("token", ["QĐ-UBND", "TP.HCM", "COVID-19", "2019-2020", "PCT.UBND", "vắc-xin",
                                   "Gia-rai", "CHỦ-NGHĨA", "KT.CHỦTỊCH", "15/QĐ-UBND", "thông-báo"])
def test_what_vietnamese_prints_joined_stays_joined(token: str) -> None:
    """Abbreviations and numbers are no syllables; a dash in capitals or after a capital is a name's (``Gia-rai``);
    two small syllables at a dash are archivist/ocrfix.py's (``thông-báo``, session 29), read before this."""
    assert speck_join(token) is None or token == "thông-báo"


def test_a_list_s_dash_glued_to_its_item_is_split_off_not_dropped() -> None:
    """``-TT Đảng ủy``: the dash is the recipients list's (HG118 ``speckle-24``: dropped, the item ran into the one
    before it); apart, both words read as printed (``- TT``)."""
    first = OcrResult([Word("-TT", 70.0, (0, 5, 90, 35), 1), Word("Đảng", 80.0, (100, 5, 160, 35), 1)], "-TT Đảng",
                      75.0)
    img = np.full((60, 240), 255, np.uint8)
    out = reread_specks(None, first, img, img, 300.0)
    assert [w.text for w in out.words] == ["-", "TT", "Đảng"]
    assert out.words[0].bbox == (0, 5, 30, 35) and out.words[1].bbox == (30, 5, 90, 35)


def test_reread_specks_splits_boxes_and_leaves_other_pages_alone() -> None:
    first = OcrResult([Word("vướng:mắc", 70.0, (0, 5, 90, 35), 2), Word("ban.", 80.0, (100, 5, 140, 35), 2),
                       Word("nhân", 80.0, (150, 5, 200, 35), 2)], "vướng:mắc ban. nhân", 76.7)
    img = np.full((60, 240), 255, np.uint8)
    out = reread_specks(None, first, img, img, 300.0)  # no engine: the marks and joins need none
    assert [w.text for w in out.words] == ["vướng", "mắc", "ban", "nhân"]
    assert out.text == "vướng mắc ban nhân"
    a, b = out.words[:2]
    assert a.bbox == (0, 5, 50, 35) and b.bbox == (60, 5, 90, 35)  # 5 letters, the speck, 3 letters
    assert (a.line, b.line) == (2, 2)
    assert reread_specks(None, first, None, img, 300.0) is first  # not a speckled page


def test_a_stroke_dropped_and_a_pair_split_on_one_page_both_stand() -> None:
    """HG162 (sealed, session 41): a lone `_` dropped and `tháng,.năm` split left the page's count of words as it
    was, and the step, judging by that count, returned the page as read: `tháng,.năm` stayed joined."""
    first = OcrResult([Word("_", 20.0, (0, 5, 10, 35), 1), Word("Ngày,", 90.0, (20, 5, 80, 35), 1),
                       Word("tháng,.năm", 80.0, (90, 5, 200, 35), 1), Word("sinh:", 90.0, (210, 5, 260, 35), 1)],
                      "_ Ngày, tháng,.năm sinh:", 70.0)
    img = np.full((60, 280), 255, np.uint8)
    out = reread_specks(None, first, img, img, 300.0)
    assert [w.text for w in out.words] == ["Ngày,", "tháng,", "năm", "sinh:"]
    assert out.text == "Ngày, tháng, năm sinh:"


def test_an_odd_tone_is_taken_only_when_a_second_reading_gives_the_list_s_syllable() -> None:
    """``quạn lý``: the list wants ``quản`` (``quản lý``); the engine's second reading decides."""
    first = OcrResult(_words("quạn", "lý"), "quạn lý", 70.0)
    img = np.full((60, 240), 255, np.uint8)

    class Engine:
        def __init__(self, answer: str) -> None:
            self.answer = answer

        def read_alone(self, crop: np.ndarray, dpi: float, psm: int) -> str:
            return self.answer

    assert [w.text for w in reread_specks(Engine("quản"), first, img, img, 300.0).words] == ["quản", "lý"]
    assert reread_specks(Engine("quạn"), first, img, img, 300.0) is first  # the image says what was read
    assert reread_specks(Engine("quán"), first, img, img, 300.0) is first  # not the list's syllable
    # ``lớn kẻo dài từ``: the list wants ``kéo`` and also ``đài`` (``đài từ``); a reading ``đài`` changes a letter
    other = OcrResult(_words("lớn", "kẻo", "dài", "từ"), "lớn kẻo dài từ", 70.0)
    assert reread_specks(Engine("đài"), other, img, img, 300.0) is other
    assert [w.text for w in reread_specks(Engine("kéo"), other, img, img, 300.0).words] == ["lớn", "kéo", "dài", "từ"]


@pytest.mark.slow
def test_generated_speckled_page_loses_its_specks_marks_end_to_end(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A generated speckled document (seed :data:`SEED`: 200 dpi, JPEG q60) through ``archivist process``: the tokens a
    speck marked without this step (:data:`MARKED`, a speck's tone) are gone from the record and from the PDF/A's text
    layer, the page loses fewer words, and the PDF/A-1b passes Preflight. (The reading without it is made in this
    process, where the step can be switched off: the command reads pages in a fork server's workers.)"""
    from click.testing import CliRunner

    from archivist import pagework
    from archivist.cli import main
    from archivist.metrics import bag_of_words_error
    from archivist.pipeline import Settings, process
    from samples.generate import generate

    truth = generate(tmp_path / "set", seed=SEED, n_docs=1, groups=["speckle"])[0]["pages"][0]["text"]
    res = CliRunner().invoke(main, ["process", str(tmp_path / "set" / "scans"), "--archive", str(tmp_path / "with"),
                                    "--workers", "1"])
    assert res.exit_code == 0, res.output
    monkeypatch.setattr(pagework, "reread_specks", lambda engine, ocr, unsmoothed, image, dpi: ocr)
    # and without archivist/specksplit.py, which splits a join like ``Kim.Sơn;`` by its gap too (session 45)
    monkeypatch.setattr(pagework, "split_speck_joins", lambda ocr, unsmoothed, image: ocr)
    process([tmp_path / "set" / "scans"], tmp_path / "without", Settings(workers=1, page_timeout=0))
    texts = {name: json.loads(next((tmp_path / name / "documents").glob("*.json")).read_text(encoding="utf-8"))
             ["pages"][0]["text"] for name in ("with", "without")}
    errors = {name: bag_of_words_error(truth, text) for name, text in texts.items()}
    for token in MARKED:
        assert token not in truth.split() and token in texts["without"].split() and token not in texts["with"].split()
    # ``sắp`` read ``sáp`` (a speck for the tone): ``sáp`` makes no word with its neighbours, read again ``sắp``
    assert "sáp" not in truth.split() and "sáp" in texts["without"].split() and "sáp" not in texts["with"].split()
    assert errors["with"] < errors["without"], errors
    (pdf,) = (tmp_path / "with" / "documents").glob("*.pdf")
    layer = pdftotext(pdf, 1).split()
    assert not any(token in layer for token in MARKED)
    assert_valid_pdfa(tmp_path / "with")
