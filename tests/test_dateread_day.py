"""The date's day read a second time (dayread34, issue 14 item 9): on a page restored as typed the page stage reads
the word writing the day of the place-and-date line's date again, digits only, one word (psm 8), on the image the
OCR read and on the upright scan, as it reads the year's; extract flags the date, never changing it, when both
readings give another day of as many digits (no ``0`` of it read as another digit), or when the day's word holds
more than its digits (``Z8``) and one reading gives another day (bench/RESULTS.md, "The date's day read again
(session 34, dayread34)")."""

from __future__ import annotations

import numpy as np

from archivist.dateread import day_doubt, is_day_word, read_date, reread_doubt
from archivist.ocrtext import PageText
from archivist.restore import Prepared
from tests.test_dateread import BOX, drawn  # noqa: F401  (the drawn page fixture)
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page

YEAR = {"text": "2016", "box": [1420, 220, 1476, 250], "read": "2016", "scan": "2016"}


def _got(day: str, read: str, scan: str) -> dict:
    """The date line's readings: the day's word ``day`` read ``read`` and ``scan``, the year's read as written."""
    return {"box": BOX, "words": [{"text": day, "box": [1290, 220, 1318, 250], "read": read, "scan": scan}, YEAR]}


def _day_read_as(day: str, reading: dict | None) -> PageText:
    """The test page (``ngày 21 tháng 3 năm 2016``) with its date's day read as ``day`` and the second readings."""
    page = _page(HEAD + FOOT)
    words = [(day, *w[1:]) if w[0] == "21" and w[3] == 3 else w for w in page.words or []]
    return PageText(1, page.text.replace("ngày 21 ", f"ngày {day} ", 1), words, (), page.rivals, None, [], reading)


def test_the_day_word_is_the_one_writing_the_day_alone() -> None:
    assert is_day_word("10", 10) and is_day_word("08", 8) and is_day_word("Z8", 8) and is_day_word("ngày.14", 14)
    assert not is_day_word("18", 8) and not is_day_word("2010", 10) and not is_day_word("10/3/2010", 10)
    assert not is_day_word("tháng", 3)


def test_both_readings_giving_another_day_doubt_it() -> None:
    # HG100's typed 10 read 19 at 0.848 and HG86's 10 read 16 at 0.926: both second readings 18
    assert day_doubt(_got("19", "18", "18"), 19) == "the date's day '19' read again gave 18 and 18"
    assert day_doubt(_got("16", "18", "18"), 16) == "the date's day '16' read again gave 18 and 18"
    assert day_doubt(_got("3", "8", "8"), 3) == "the date's day '3' read again gave 8 and 8"
    assert reread_doubt(_got("19", "18", "18"), "2010-01-19") == "the date's day '19' read again gave 18 and 18"


def test_readings_that_are_no_evidence_leave_the_day() -> None:
    for day, read, scan in (("13", "13", "18"),  # one reading agrees (a loop digit read as another: flags91)
                            ("19", "", "18"),  # one read nothing
                            ("19", "1", "1"),  # a digit lost
                            ("19", "18:", "18"),  # a mark of the crop taken in: no clean reading
                            ("18", "48", "48"),  # no day
                            ("10", "16", "16"),  # the word's 0 read 6: a faded or filled 0
                            ("10", "19", "18")):  # the word's 0 read 9 and 8
        assert day_doubt(_got(day, read, scan), int(day)) is None, (day, read, scan)
    assert day_doubt({"box": BOX, "words": [YEAR]}, 21) is None  # the day's word not read


def test_a_day_word_holding_more_than_digits_is_doubted_on_one_reading() -> None:
    """HG86: the typed ``28`` read ``Z8`` at 0.791 and stored as the 8th; read again ``28`` and ``8``."""
    assert day_doubt(_got("Z8", "28", "8"), 8) == (
        "the date's day 'Z8' holds more than digits and read again gave 28 and 8")
    assert day_doubt(_got("Z8", "8", "8"), 8) is None  # both readings agree with the stored day
    assert day_doubt(_got("Z8", "28:", ""), 8) is None  # no clean reading
    assert day_doubt(_got("18", "28", "18"), 18) is None  # a clean word needs both readings


def test_the_year_is_still_judged_first() -> None:
    got = _got("19", "18", "18")
    got["words"][1] = {**YEAR, "text": "2019", "read": "2016", "scan": "2016"}
    assert reread_doubt(got, "2019-03-19") == "the date's '2019' read again gave 2016 and 2016"


def test_through_extract_the_date_is_flagged_and_kept() -> None:
    wrong = _extract(_day_read_as("24", _got("24", "21", "21")))
    assert wrong.date.value == "2016-03-24"  # never changed
    assert wrong.date.review == "the date's day '24' read again gave 21 and 21"
    assert "date" in wrong.needs_review
    right = _extract(_day_read_as("21", _got("21", "21", "21")))
    assert right.date.value == "2016-03-21" and right.date.review is None


def _typed(image: np.ndarray) -> Prepared:
    """The drawn page as the page stage prepares a page it restored as typed (its ``plain`` image kept)."""
    return Prepared(image, 300.0, plain=image, restored=(0, image.shape[0]))


def test_the_drawn_day_read_again_flags_a_planted_wrong_day(drawn: tuple[np.ndarray, list]) -> None:  # noqa: F811
    """Real Tesseract on the drawn line, a page restored as typed: the OCR's words say ``27``, the pixels ``21``."""
    image, words = drawn
    planted = [("27", *w[1:]) if w[0] == "21" and w[3] == 3 else w for w in words]
    got = read_date(1, planted, image, 300.0, _typed(image))
    assert got is not None and [(w["text"], w["read"], w["scan"]) for w in got["words"]] == [
        ("27", "21", "21"), ("3", "3", "3"), ("2016", "2016", "2016")]  # the month's word: flags116 (session 40)
    page = _page(HEAD + FOOT)
    meta = _extract(PageText(1, page.text.replace("ngày 21 ", "ngày 27 ", 1), planted, (), {}, None, [], got))
    assert meta.date.value == "2016-03-27" and meta.date.review == "the date's day '27' read again gave 21 and 21"
    assert "date" in meta.needs_review


def test_a_printed_page_reads_its_year_alone(drawn: tuple[np.ndarray, list]) -> None:  # noqa: F811
    """On printed pages the day's psm 8 readings are noise (``19`` read ``18`` twice on 30 of 938 right dates of
    the AT sets): the day is read on pages restored as typed only, where the misread days were."""
    image, words = drawn
    planted = [("27", *w[1:]) if w[0] == "21" and w[3] == 3 else w for w in words]
    got = read_date(1, planted, image, 300.0, Prepared(image, 300.0))
    assert got is not None and [w["text"] for w in got["words"]] == ["2016"]
    page = _page(HEAD + FOOT)
    meta = _extract(PageText(1, page.text.replace("ngày 21 ", "ngày 27 ", 1), planted, (), {}, None, [], got))
    assert meta.date.value == "2016-03-27" and meta.date.review is None
