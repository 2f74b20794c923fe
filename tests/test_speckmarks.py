"""Marks a speck added that the line says no word carries (session 41, archivist/speckmarks.py and the joins and
strokes speckread.py takes since): an unclosed quote, a stop after a word in capitals, a doubled stop, a dash glued
inside a listed word, a word joined by a quote, star or degree sign, an item number glued to its heading; and a
generated speckled page end to end through ``archivist process``."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from archivist.models import Word
from archivist.ocr import OcrResult
from archivist.speckmarks import added_marks, capital_stop, glued_in_word, unclosed_quotes, undoubled
from archivist.speckread import EDGES, late_stops, lone_stroke, reread_specks, speck_join, stray_marks
from tests.pdfcheck import assert_valid_pdfa
from tests.pdfpages import pdftotext

SEED = 199  # a fit seed of the session; its one generated speckled document is read ``toán;.`` and ``“Đề``
MARKED = ("toán;.", "“Đề")  # as its page is read without the step (truth ``toán;``, ``Đề``)


def _words(*texts: str, line: int = 0) -> list[Word]:
    return [Word(t, 70.0, (100 * i, 0, 100 * i + 90, 30), line) for i, t in enumerate(texts)]


def test_a_quote_no_later_word_closes_is_a_speck() -> None:
    assert unclosed_quotes(_words("“Thực", "hiện", "Công", "văn"), EDGES) == {0}
    assert unclosed_quotes(_words('"kinh', "phí", '"Nguyên', "nhân"), EDGES) == {0, 2}
    assert unclosed_quotes(_words("Về", "việc", "“Tháng", "hành", "động”", "năm"), EDGES) == set()
    assert unclosed_quotes(_words('"Ngày', "hội", 'đoàn"', "kết"), EDGES) == set()
    assert unclosed_quotes(_words("“Ngày", "hội", "”"), EDGES) == set()  # closed by a quote standing alone
    ws = _words("“Thực", "hiện") + _words("theo", "”", line=1)
    assert unclosed_quotes(ws, EDGES) == set()  # closed on a later line


def test_a_stop_after_a_word_in_capitals_is_a_speck_an_abbreviation_s_stays() -> None:
    assert capital_stop("BÌNH", ".") and capital_stop("THẢO", ".") and capital_stop("LỘC", ".")
    assert not capital_stop("VT", ".") and not capital_stop("TM", ".") and not capital_stop("I", ".")
    assert not capital_stop("Phú", ".") and not capital_stop("BÌNH", ",") and not capital_stop("BÌNH", "./.")


def test_a_stop_read_after_a_mark_goes_an_ellipsis_stays() -> None:
    assert [undoubled(t) for t in ("..", ",.", ";.", ":.")] == [".", ",", ";", ":"]
    assert [undoubled(t) for t in ("...", "./.", ".", ",")] == ["...", "./.", ".", ","]


def test_a_dash_glued_inside_a_word_of_the_list_is_a_speck() -> None:
    ws = _words("thông-", "báo", "toàn-", "thể", "hóa-", "xã", "tế-", "Xã")
    assert [glued_in_word(ws, k, EDGES) for k in (0, 2, 4, 6)] == [True, True, False, False]
    assert not glued_in_word(_words("thông:", "báo"), 0, EDGES)  # a colon is a label's: ``Nơi chết: tại``
    assert not glued_in_word(_words("thông-") + _words("báo", line=1), 0, EDGES)  # the line's end


def test_added_marks_takes_only_the_mark() -> None:
    ws = _words("“UBND", "HUYỆN", "CAN", "LỘC.", "năm", "sinh:.", "08/06/1992", "thông-", "báo", "hội;.", "2005...")
    assert added_marks(ws, EDGES) == {0: "UBND", 3: "LỘC", 5: "sinh:", 7: "thông", 9: "hội;"}


def test_more_joins_a_speck_made_come_apart() -> None:
    assert speck_join('có"lúc') == ("có", "lúc")
    assert speck_join("sản*Hồ") == ("sản", "Hồ")
    assert speck_join("được,°vẫn") == ("được,", "vẫn")
    assert speck_join("các“cơ") == ("các", "cơ")
    assert speck_join("53.800.000-đồng") == ("53.800.000", "đồng")
    assert speck_join("Ủy-ban") == ("Ủy", "ban")  # a word of the list; names with a dash are in none
    assert speck_join("ấp-Tân") == ("ấp", "Tân")


def test_an_item_number_or_short_abbreviation_glued_to_a_capital_syllable() -> None:
    """``TM.`` and ``KT.`` (thay mặt, ký thay) and an item's number are followed by a space (``TM. ỦY BAN``)."""
    assert speck_join("TM.ỦY") == ("TM.", "ỦY")
    assert speck_join("KT.,CHỦ") == ("KT.", "CHỦ")
    assert speck_join("I..SỰ") == ("I.", "SỰ")
    assert speck_join("2..Bố") == ("2.", "Bố")
    for token in ("TP.HCM", "PCT.UBND", "1.200", "2019-2020", "Gia-rai", "QĐ-UBND", "KT.CHỦTỊCH"):
        assert speck_join(token) is None, token


def test_a_list_number_s_stray_stroke_goes_a_dash_stays() -> None:
    ws = _words("_1.", "†1.", "._3.", "-3.", "NAM°", "°C")
    assert [stray_marks(ws, k) for k in range(len(ws))] == ["1.", "1.", "3.", None, "NAM", None]


def test_a_lone_stroke_is_a_speck_read_as_a_token_of_its_own() -> None:
    assert all(lone_stroke(t) for t in ("_", "__", "'", "`", "‹", "†"))
    assert not any(lone_stroke(t) for t in ("-", ":", ".", ",", "(", "___", "_a", "”", "/"))
    assert not lone_stroke("~")  # a list's dash read so: ``~ TT Đảng ủy xã`` (seed 196), a bullet to the recipients
    first = OcrResult(_words("_", "Nơi", "nhận:"), "_ Nơi nhận:", 70.0)
    img = np.full((60, 400), 255, np.uint8)
    assert [w.text for w in reread_specks(None, first, img, img, 300.0).words] == ["Nơi", "nhận:"]


def test_reread_specks_takes_the_new_marks_without_an_engine() -> None:
    first = OcrResult(_words("“Thực", "hiện", "sản*Hồ", "LỘC."), "“Thực hiện sản*Hồ LỘC.", 70.0)
    img = np.full((60, 500), 255, np.uint8)
    out = reread_specks(None, first, img, img, 300.0)
    assert [w.text for w in out.words] == ["Thực", "hiện", "sản", "Hồ", "LỘC"]
    assert reread_specks(None, first, None, img, 300.0) is first  # not a speckled page


def test_a_stop_left_in_mid_sentence_or_on_a_date_s_number_goes_after_the_rereads() -> None:
    """Session 48: ``công. theo dõi`` (seed 446) and ``ngày 28. tháng`` (seed 445) came back from the steps that read
    words again; a sentence's end, an abbreviation, a number of a list and a stop at a line's end stay."""
    ws = _words("phân", "công.", "theo", "dõi,", "ngày", "28.", "tháng", "01.", "năm", "2017.")
    cleaned = late_stops(OcrResult(ws, "", 80.0), np.zeros((1, 1), np.uint8))
    assert [w.text for w in cleaned.words] == ["phân", "công", "theo", "dõi,", "ngày", "28", "tháng", "01", "năm",
                                               "2017."]
    assert cleaned.text == "phân công theo dõi, ngày 28 tháng 01 năm 2017."
    kept = [_words("xã.", "Long", "Hưng"), _words("Lưu:", "VT.", "thôn"), _words("Điều", "28.", "tháng"),
            _words("ngày", "28.") + _words("tháng", "01", line=1), _words("xã.") + _words("thôn", line=1),
            _words("ngày", "128.", "tháng"), _words("ngày", "28.,", "tháng")]
    for ws in kept:
        first = OcrResult(ws, "", 80.0)
        assert late_stops(first, np.zeros((1, 1), np.uint8)) is first, [w.text for w in ws]
    ws = _words("phân", "công.", "theo")
    assert late_stops(OcrResult(ws, "", 80.0), None).words[1].text == "công."  # not a speckled page


@pytest.mark.slow
def test_generated_speckled_page_loses_the_marks_specks_added_end_to_end(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A generated speckled document (seed :data:`SEED`, one document: 200 dpi, JPEG) through ``archivist process``:
    the tokens a speck marked without the step (:data:`MARKED`: a stop after a semicolon, a quote no word closes)
    are gone from the record and the PDF/A's text layer, the page loses fewer words, and the PDF/A-1b passes
    Preflight. (The reading without the step is made in this process, where it can be switched off: the command
    reads pages in a fork server's workers.)"""
    from click.testing import CliRunner

    from archivist import speckread
    from archivist.cli import main
    from archivist.metrics import bag_of_words_error
    from archivist.pipeline import Settings, process
    from samples.generate import generate

    truth = generate(tmp_path / "set", seed=SEED, n_docs=1, groups=["speckle"])[0]["pages"][0]["text"]
    res = CliRunner().invoke(main, ["process", str(tmp_path / "set" / "scans"), "--archive", str(tmp_path / "with"),
                                    "--workers", "1"])
    assert res.exit_code == 0, res.output
    monkeypatch.setattr(speckread, "added_marks", lambda words, edges: {})
    process([tmp_path / "set" / "scans"], tmp_path / "without", Settings(workers=1, page_timeout=0))
    texts = {name: json.loads(next((tmp_path / name / "documents").glob("*.json")).read_text(encoding="utf-8"))
             ["pages"][0]["text"] for name in ("with", "without")}
    for token in MARKED:
        assert token not in truth.split() and token in texts["without"].split() and token not in texts["with"].split()
    assert "toán;" in texts["with"].split() and "Đề" in texts["with"].split()
    errors = {name: bag_of_words_error(truth, text) for name, text in texts.items()}
    assert errors["with"] < errors["without"], errors
    (pdf,) = (tmp_path / "with" / "documents").glob("*.pdf")
    layer = pdftotext(pdf, 1).split()
    assert not any(token in layer for token in MARKED) and "Đề" in layer
    assert_valid_pdfa(tmp_path / "with")


@pytest.mark.slow
def test_generated_speckled_page_loses_a_stop_a_reread_left_end_to_end(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A generated speckled page (seed 446, a fit seed of session 48: the fifth document, one page, 200 dpi, JPEG)
    through ``archivist process``: ``phân công theo dõi``, read ``công. theo`` without :func:`late_stops`, is right in
    the record and the PDF/A's text layer, the page loses fewer words, and the PDF/A-1b passes Preflight."""
    from archivist import pagework
    from samples.generate import generate
    from tests.steprun import first_page_with_and_without, gain_and_layer

    (doc,) = generate(tmp_path / "set", seed=446, n_docs=8, groups=["speckle"], only=[4])
    truth = doc["pages"][0]["text"]
    assert "công theo" in truth and len(doc["pages"]) == 1
    def switch_off() -> None:
        monkeypatch.setattr(pagework, "late_stops", lambda ocr, unsmoothed: ocr)

    texts = first_page_with_and_without(tmp_path / "set" / "scans", tmp_path, switch_off)
    assert "công. theo" in texts["without"] and "công theo" in texts["with"]
    layer = " ".join(gain_and_layer(truth, texts, tmp_path / "with"))
    assert "công theo" in layer and "công. theo" not in layer
