"""A typed page's month read weakly and not given again by a second reading (typewriter46b, issue 14 item 9): seed
336's typed ``3`` read ``4`` at 67 with no rival, both psm 8 readings of its lone glyph empty, stored ``2008-04-23``
unflagged. Extract flags the date when the month's word was read under ``WEAK_MONTH`` on a typed page and neither
second reading gives the month; the value is never changed (bench/RESULTS.md, "Typewritten pages, digits, capitals
and symbols in values (session 46)")."""

from __future__ import annotations

from archivist.dateread import MONTH, WEAK_MONTH, weak_month_doubt
from archivist.ocrtext import PageText
from tests.test_dateread import BOX
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page


def _box(page: PageText, text: str) -> list[int]:
    """The box of the test page's date-line word ``text`` (line 3: ``Quỳnh Hậu, ngày 21 tháng 3 năm 2016``)."""
    return next(list(w[2]) for w in page.words or [] if w[0] == text and w[3] == 3)


def _reading(page: PageText, read: str, scan: str, faded: bool = False) -> dict:
    """The date line's second readings as the page stage keeps them: day and year read as written, the month's
    word read ``read`` and ``scan``."""
    words = [{"text": "21", "box": _box(page, "21"), "read": "21", "scan": "21"},
             {"text": "3", "box": _box(page, "3"), "part": MONTH, "read": read, "scan": scan},
             {"text": "2016", "box": _box(page, "2016"), "read": "2016", "scan": "2016"}]
    return {"box": BOX, "words": words, **({"faded": True} if faded else {})}


def _confs(page: PageText) -> dict[tuple[int, ...], float]:
    return {tuple(w[2]): w[1] for w in page.words or []}


def test_a_weak_month_no_reading_gives_is_doubted() -> None:
    page = _page(HEAD + FOOT, conf={"3": 67.2})
    assert weak_month_doubt(_reading(page, "", ""), "2016-03-21", _confs(page)) == (
        "the date's month '3' was read at 67 on a typewritten page and read again gave no clean digits")
    assert weak_month_doubt(_reading(page, "4", ""), "2016-03-21", _confs(page)) is not None  # another digit


def test_a_sure_or_confirmed_month_or_a_faded_page_is_left() -> None:
    weak, sure = _page(HEAD + FOOT, conf={"3": 67.2}), _page(HEAD + FOOT, conf={"3": WEAK_MONTH})
    assert weak_month_doubt(_reading(sure, "", ""), "2016-03-21", _confs(sure)) is None  # read at 75: sure enough
    assert weak_month_doubt(_reading(weak, "3", ""), "2016-03-21", _confs(weak)) is None  # a reading gives it
    assert weak_month_doubt(_reading(weak, "", "", faded=True), "2016-03-21", _confs(weak)) is None  # month_doubt's
    assert weak_month_doubt(_reading(weak, "", ""), "2016-04-21", _confs(weak)) is None  # no word writes the month
    assert weak_month_doubt(_reading(weak, "", ""), "not a date", _confs(weak)) is None
    assert weak_month_doubt(_reading(weak, "", ""), "2016-03-21", {}) is None  # its confidence unknown


def test_through_extract_the_date_is_flagged_and_kept() -> None:
    weak = _page(HEAD + FOOT, conf={"3": 67.2})
    meta = _extract(PageText(1, weak.text, weak.words, (), weak.rivals, None, [], _reading(weak, "", "")))
    assert meta.date.value == "2016-03-21"  # never changed
    assert meta.date.review is not None and meta.date.review.startswith("the date's month '3' was read at 67")
    assert "date" in meta.needs_review
    sure = _page(HEAD + FOOT)
    meta = _extract(PageText(1, sure.text, sure.words, (), sure.rivals, None, [], _reading(sure, "", "")))
    assert meta.date.value == "2016-03-21" and meta.date.review is None
