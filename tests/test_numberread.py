"""The number's second reading (numbers39, issue 14 item 9): the header's number box read again on the image the
OCR read (psm 7, digits only) and on the upright scan (psm 8); the number is flagged, never changed, when both give
digits and neither is the stored number's (numbers38's pair, bench/RESULTS.md "A second reading of the number")."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from archivist.numberread import header_number_box, number_of, read_number, slash_digit_doubt
from archivist.ocrtext import PageText
from archivist.restore import Prepared
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page

SERIF = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"
NUMBER = "118/TB-UBND"


def _read_as(text: str, reading: dict | None) -> PageText:
    """The test page with its number's word read as ``text`` and the second readings ``reading`` kept with it."""
    page = _page(HEAD + FOOT)
    words = [(text, *w[1:]) if w[0] == NUMBER else w for w in page.words or []]
    return PageText(1, page.text.replace(NUMBER, text), words, (), page.rivals, reading)


def test_a_reading_gives_the_digits_before_the_slash() -> None:
    assert number_of(":835/") == "835"
    assert number_of('"Số: 89/BC-UBND.') == "89"
    assert number_of("Số 2388") == "2388"  # no slash: its last run of digits
    assert number_of("Số: /BC") == ""


def test_the_number_is_flagged_only_when_both_readings_give_other_digits() -> None:
    box = header_number_box(1, _page(HEAD + FOOT).words or [])
    assert box == [100, 220, 308, 250]  # the piece ``Số: 118/TB-UBND``, as extract's field holds it
    wrong = _extract(_read_as("178/TB-UBND", {"box": box, "read": ":118/", "scan": "Số: 118/TB-UBND"}))
    assert wrong.number.value == "178" and wrong.number_symbol.value == "178/TB-UBND"  # never changed
    assert wrong.number.review == "the number's box read again gave 118 and 118, not 178"
    assert wrong.number_symbol.review == wrong.number.review and wrong.symbol.review is None
    assert {"number", "number_symbol"} <= set(wrong.needs_review)
    for reading in ({"box": box, "read": ":178/", "scan": "Số: 118/TB-UBND"},  # one reading agrees
                    {"box": box, "read": ":0178/", "scan": "Số: 118"},  # leading zeros are the same number
                    {"box": box, "read": "", "scan": "Số: 118/TB-UBND"},  # no digits: no evidence
                    {"box": [100, 220, 300, 250], "read": ":118/", "scan": "118"},  # another box
                    None):
        meta = _extract(_read_as("178/TB-UBND", reading))
        assert meta.number.value == "178" and meta.number.review is None, reading


@pytest.fixture(scope="module")
def drawn() -> np.ndarray:
    """The test page's number line drawn where its words stand (Liberation Serif, 28 px)."""
    im = Image.new("L", (1600, 700), 255)
    ImageDraw.Draw(im).text((94, 216), "Số: 118/TB-UBND", font=ImageFont.truetype(SERIF, 28), fill=0)
    return np.asarray(im)


def test_the_drawn_number_read_again_flags_a_planted_wrong_value(drawn: np.ndarray) -> None:
    words = _page(HEAD + FOOT).words or []
    reading = read_number(1, words, drawn, 300.0, Prepared(drawn, 300.0))
    assert reading is not None and reading["box"] == [100, 220, 308, 250]
    assert number_of(reading["read"]) == "118" and number_of(reading["scan"]) == "118"
    right = _extract(_read_as(NUMBER, reading))
    assert right.number.value == "118" and right.number.review is None
    planted = _extract(_read_as("178/TB-UBND", reading))  # the stored reading misread a digit
    assert planted.number.value == "178" and planted.number.review is not None
    assert "number" in planted.needs_review


def test_a_page_without_a_number_in_its_header_is_not_read_again(drawn: np.ndarray) -> None:
    words = [w for w in _page(HEAD + FOOT).words or [] if w[0] not in ("Số:", NUMBER)]
    assert header_number_box(1, words) is None
    assert read_number(1, words, drawn, 300.0, Prepared(drawn, 300.0)) is None


def test_the_page_engine_reads_the_crops_as_a_tesseract_of_their_own_and_keeps_its_settings(drawn: np.ndarray) -> None:
    """Session 29: the crops are read on the page engine's model (no second model in every fork server), with
    Tesseract's own settings for the reading and archivist's put back after it, so that the page reads as before."""
    from archivist import numberread
    from archivist.ocr import TESS_VARIABLES, TesserocrEngine

    engine = TesserocrEngine()
    words = _page(HEAD + FOOT).words or []
    page_before = [(w.text, w.bbox, w.rivals) for w in engine.recognize(drawn, 300.0).words]
    own = read_number(1, words, drawn, 300.0, Prepared(drawn, 300.0))  # numberread's own Tesseract
    lent = read_number(1, words, drawn, 300.0, Prepared(drawn, 300.0), engine)
    assert numberread.reads_crops(engine) and lent == own and number_of(lent["read"]) == "118"
    assert {k: engine.api.GetVariableAsString(k) for k in TESS_VARIABLES} == TESS_VARIABLES
    assert engine.api.GetVariableAsString("tessedit_char_whitelist") == ""
    assert [(w.text, w.bbox, w.rivals) for w in engine.recognize(drawn, 300.0).words] == page_before
    box = header_number_box(1, words)
    assert box is not None
    for psm, digits in ((7, True), (8, False), (7, False)):  # each way alike, a whitelist or none
        crop = numberread.crop_box(drawn, box, 1.0)
        assert numberread.read_crop(crop, 300.0, psm, digits, engine) == numberread.read_crop(crop, 300.0, psm, digits)


def _slash_reading(box: list[int], scan: str, last: float) -> dict:
    """The second readings of ``Số: 1188TB-UBND`` (the slash read as an ``8``): ``scan`` and the number word's
    digits judged against the page's, its last at ``last``."""
    digits = [[0, 0.97, "7", 0.41], [1, 0.96, "7", 0.43], [2, 0.95, "6", 0.52], [3, last, "9", 0.494]]
    return {"box": box, "read": ":1188", "scan": scan, "glyphs": [{"text": "1188TB-UBND", "box": box,
                                                                    "digits": digits}]}


def test_a_last_digit_that_may_be_the_lost_slash_is_flagged() -> None:
    """HG500 speckle-21-tb-067 (session 49, fields49b): ``677TB-UBND`` stored ``677/TB-UBND`` for ``67/TB-UBND``,
    the scan read ``67/TB-UBND`` and the last ``7`` looked like the page's at 0.222."""
    box = header_number_box(1, _page(HEAD + FOOT).words or [])
    meta = _extract(_read_as("1188TB-UBND", _slash_reading(box, "Số: 118/TB-UBND", 0.222)))
    assert meta.number_symbol.value == "1188/TB-UBND"  # never changed
    assert "1188 -> 1188/: the slash lost" in meta.number_symbol.changes
    assert meta.number_symbol.review == ("the slash after 1188 was lost and its box read again gave 118: the last '8' "
                                         "looks little like the page's (0.222) and may be the slash read as a digit")
    assert meta.number.review == meta.number_symbol.review and {"number", "number_symbol"} <= set(meta.needs_review)


def test_the_slash_digit_needs_all_three() -> None:
    box = header_number_box(1, _page(HEAD + FOOT).words or [])
    for text, reading in (("1188TB-UBND", _slash_reading(box, "Số: 118/TB-UBND", 0.97)),  # the digit looks its own
                          ("1188TB-UBND", _slash_reading(box, "Số: 1188/TB-UBND", 0.222)),  # no reading without it
                          ("1188/TB-UBND", _slash_reading(box, "Số: 118/TB-UBND", 0.222))):  # the slash was read
        meta = _extract(_read_as(text, reading))
        assert meta.number_symbol.value == "1188/TB-UBND" and meta.number_symbol.review is None, (text, reading)
    assert slash_digit_doubt({"box": box, "read": "", "scan": "1"}, "1", ["1 -> 1/: the slash lost"]) is None
