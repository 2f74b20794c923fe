"""The date's day read again on pages restored as faded carbon copies (fadedday35, issue 14 item 9): the page stage
reads the day's word there too and marks the reading ``faded``; extract doubts such a day only when a loop digit
(``0``, ``6``, ``8``, ``9``) of it is read as another, as HG115's faded ``20`` stored ``29`` (read again ``26`` and
``2``), and not on both readings giving another day, which on faded pages flagged right days (``23`` read ``28``
twice; bench/RESULTS.md "The date's day read again on faded pages (session 35, fadedday35)")."""

from __future__ import annotations

import numpy as np

from archivist.dateread import FADED_STEP, day_doubt, read_date
from archivist.ocrtext import PageText
from archivist.restore import Prepared
from tests.test_dateread import draw_date_line
from tests.test_dateread_day import _got
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page

LOOP = ("the date's day '29' read again gave 26 and 2: its '9' read '6', and a 0 and the loop digits are read as "
        "each other")


def _faded(got: dict) -> dict:
    return {**got, "faded": True}


def test_a_faded_day_is_doubted_by_its_loop_digit_alone() -> None:
    assert day_doubt(_faded(_got("29", "26", "2")), 29) == LOOP  # HG115 faded-15: 20 stored 29
    assert day_doubt(_faded(_got("29", "20", "29")), 29) is not None  # HG93 faded-15: one reading 20
    for day, read, scan in (("23", "28", "28"),  # HG88 faded-15, right: both another day, no loop digit
                            ("24", "22", "22"),  # HG96 faded-14, right
                            ("29", "29", "29")):
        assert day_doubt(_faded(_got(day, read, scan)), int(day)) is None, day
    assert day_doubt(_faded(_got("Z8", "28", "8")), 8) is None  # more than digits: not judged on faded pages
    # the same readings on a typed page's reading are doubted as before
    assert day_doubt(_got("23", "28", "28"), 23) == "the date's day '23' read again gave 28 and 28"


def _drawn_day(day: str) -> tuple[np.ndarray, list]:
    """The test page's place-and-date line drawn with the day ``day``, faded grey."""
    return draw_date_line(day, 110)


def test_the_drawn_faded_day_read_again_flags_a_planted_loop_digit() -> None:
    """Real Tesseract on a drawn faded ``26`` the OCR's words give as ``28``: the reading is kept, marked faded,
    and extract flags the date, its value kept."""
    image, words = _drawn_day("26")
    planted = [("28", *w[1:]) if w[0] == "26" and w[3] == 3 else w for w in words]
    prep = Prepared(image, 300.0, steps=["flatten", "rules", FADED_STEP])
    got = read_date(1, planted, image, 300.0, prep)
    assert got is not None and got.get("faded") is True
    assert [(w["text"], w["read"], w["scan"]) for w in got["words"]] == [("28", "26", "26"), ("3", "3", "3"),
                                                                         ("2016", "2016", "2016")]  # month: faded37b
    page = _page(HEAD + FOOT)
    meta = _extract(PageText(1, page.text.replace("ngày 21 ", "ngày 28 ", 1), planted, (), {}, None, [], got))
    assert meta.date.value == "2016-03-28"
    assert meta.date.review == ("the date's day '28' read again gave 26 and 26: its '8' read '6', and a 0 and the "
                                "loop digits are read as each other")
    assert "date" in meta.needs_review


def test_a_faded_day_read_otherwise_without_a_loop_digit_is_not_flagged() -> None:
    """The drawn ``21`` given as ``27`` (flagged on a typed page) is read again on a faded page but not doubted."""
    image, words = _drawn_day("21")
    planted = [("27", *w[1:]) if w[0] == "21" and w[3] == 3 else w for w in words]
    got = read_date(1, planted, image, 300.0, Prepared(image, 300.0, steps=["flatten", FADED_STEP]))
    assert got is not None and got["faded"] and [w["text"] for w in got["words"]] == ["27", "3", "2016"]
    page = _page(HEAD + FOOT)
    meta = _extract(PageText(1, page.text.replace("ngày 21 ", "ngày 27 ", 1), planted, (), {}, None, [], got))
    assert meta.date.value == "2016-03-27" and meta.date.review is None


def test_a_page_neither_typed_nor_faded_keeps_no_day_reading() -> None:
    image, words = _drawn_day("26")
    got = read_date(1, words, image, 300.0, Prepared(image, 300.0, steps=["flatten", "rules", "thicken"]))
    assert got is not None and "faded" not in got and [w["text"] for w in got["words"]] == ["2016"]
