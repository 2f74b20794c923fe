"""The date's month read again on pages restored as faded carbon copies (faded37b, issue 14 item 9): HG120's faded
``3`` was read ``5`` at 0.955 with no rival and stored ``2010-05-19`` unflagged; its word read again alone gave ``3``
twice. The page stage keeps the month's word's readings on faded pages (``part`` ``month``); extract flags the date
when both give another month of as many digits, none of them an ``8`` (a faded glyph's psm 8 reading: a right ``9``
read ``8`` twice on HG91), and never changes the value (bench/RESULTS.md, "Faded pages, again (session 37)")."""

from __future__ import annotations

from archivist.dateread import FADED_STEP, MONTH, month_doubt, read_date, reread_doubt
from archivist.ocrtext import PageText
from archivist.restore import Prepared
from tests.test_dateread import draw_date_line
from tests.test_dateread_day import YEAR
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page

DAY = {"text": "19", "box": [1290, 220, 1318, 250], "read": "19", "scan": "19"}


def _got(month: str, read: str, scan: str, faded: bool = True) -> dict:
    """A faded page's date line readings: the day and year read as written, the month's word ``month`` read
    ``read`` and ``scan``."""
    word = {"text": month, "box": [1400, 220, 1412, 250], "part": MONTH, "read": read, "scan": scan}
    return {"box": [1191, 218, 1589, 251], "words": [DAY, word, YEAR], **({"faded": True} if faded else {})}


def test_both_readings_giving_another_month_doubt_it() -> None:
    assert month_doubt(_got("5", "3", "3"), 5) == "the date's month '5' read again gave 3 and 3"  # HG120 faded-15
    assert reread_doubt(_got("5", "3", "3"), "2016-05-19") == "the date's month '5' read again gave 3 and 3"
    assert month_doubt(_got("11", "12", "12"), 11) is not None


def test_readings_that_are_no_evidence_leave_the_month() -> None:
    for month, read, scan in (("5", "5", "5"),
                              ("5", "3", ""),  # one reading only (a faded single digit's scan is often empty)
                              ("5", "3", "5"),  # one reading agrees
                              ("9", "8", "8"),  # HG91 faded-17, right: a faded 9 read 8 twice
                              ("5", "3", "6"),  # the readings disagree with each other: still both another month
                              ("12", "42", "42"),  # no month
                              ("10", "16", "16"),  # the word's 0 read 6
                              ("1", "12", "12"),  # a digit gained
                              ("5", "3:", "3")):  # no clean reading
        want_doubt = (month, read, scan) == ("5", "3", "6")
        assert (month_doubt(_got(month, read, scan), int(month)) is not None) == want_doubt, (month, read, scan)
    assert month_doubt(_got("5", "3", "3", faded=False), 5) is None  # read and judged on faded pages only
    assert month_doubt({"box": [0, 0, 1, 1], "words": [DAY, YEAR], "faded": True}, 3) is None


def test_the_month_word_is_not_taken_for_the_day() -> None:
    """A date whose day and month are one number: the day's rule judges the day's word, not the month's."""
    got = _got("5", "3", "3")
    got["words"][0] = {**DAY, "text": "5", "read": "5", "scan": "5"}
    assert reread_doubt(got, "2016-05-05") == "the date's month '5' read again gave 3 and 3"


def test_a_drawn_faded_month_is_read_again_and_a_planted_misreading_flagged() -> None:
    """Real Tesseract on the drawn faded line ``ngày 21 tháng 3 năm 2016``, the OCR's words giving its month as
    ``5``: the month's word is read again on the faded page only, and extract flags the date, its value kept."""
    image, words = draw_date_line("21", 110)
    planted = [("5", *w[1:]) if w[0] == "3" and w[3] == 3 and w[2][0] >= 1000 else w for w in words]
    got = read_date(1, planted, image, 300.0, Prepared(image, 300.0, steps=["flatten", "rules", FADED_STEP]))
    assert got is not None and got["faded"] is True
    assert [(w["text"], w.get("part"), w["read"], w["scan"]) for w in got["words"]] == [
        ("21", None, "21", "21"), ("5", MONTH, "3", "3"), ("2016", None, "2016", "2016")]
    page = _page(HEAD + FOOT)
    meta = _extract(PageText(1, page.text.replace("tháng 3 năm 2016", "tháng 5 năm 2016", 1), planted, (), {},
                             None, [], got))
    assert meta.date.value == "2016-05-21"
    assert meta.date.review == "the date's month '5' read again gave 3 and 3"
    assert "date" in meta.needs_review
    plain = read_date(1, planted, image, 300.0, Prepared(image, 300.0, steps=["flatten", "rules", "thicken"]))
    assert plain is not None and [w["text"] for w in plain["words"]] == ["2016"]  # not faded: no month read
