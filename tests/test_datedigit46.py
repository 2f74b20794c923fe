"""A written date whose day or month lost a digit is flagged (session 46, coordinator;
:func:`archivist.datefield.lost_digit`). Sealed HG328 typewriter-07's ``ngày 2 tháng 7 năm 2007`` for ``ngày 20``:
the typed ``0`` worn away, the OCR's box for the ``2`` still two digits wide (65 px against the year's 32 a digit),
the date stored ``2007-07-02`` unflagged at 0.84. Flagged, never changed: which digit was lost is not on the page."""

from __future__ import annotations

from archivist.datefield import lost_digit
from archivist.dates import find_dates
from archivist.ocrtext import Line
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page


def _line(words: list[tuple[str, int]]) -> Line:
    """A date line from ``(word, width)``, 10 px apart, as the OCR boxes it."""
    text, spans, x = "", [], 1500
    for word, width in words:
        text += " " if text else ""
        spans.append((len(text), len(text) + len(word), (x, 610, x + width, 660), 95.0))
        text, x = text + word, x + width + 10
    return Line(1, 3, text, spans)


def test_a_one_digit_day_in_a_two_digit_box_is_doubted() -> None:
    wide = _line([("ngày", 129), ("2", 65), ("tháng", 155), ("7", 26), ("năm", 96), ("2007", 128)])
    why = lost_digit(wide, find_dates(wide.text)[0])
    assert why is not None and "day" in why and "'2'" in why
    month = _line([("ngày", 129), ("20", 62), ("tháng", 155), ("1", 60), ("năm", 96), ("2007", 128)])
    assert "month" in (lost_digit(month, find_dates(month.text)[0]) or "")


def test_one_digit_as_wide_as_one_digit_or_a_numeric_date_is_left_alone() -> None:
    narrow = _line([("ngày", 129), ("2", 33), ("tháng", 155), ("7", 26), ("năm", 96), ("2007", 128)])
    assert lost_digit(narrow, find_dates(narrow.text)[0]) is None  # old layouts write ngày 2: right
    two = _line([("ngày", 129), ("20", 62), ("tháng", 155), ("7", 26), ("năm", 96), ("2007", 128)])
    assert lost_digit(two, find_dates(two.text)[0]) is None
    numeric = _line([("ngày", 129), ("2/7/2007", 200)])
    assert lost_digit(numeric, find_dates(numeric.text)[0]) is None
    no_year = Line(1, 3, "ngày 2 tháng 7 năm 2007")  # plain text, no boxes
    assert lost_digit(no_year, find_dates(no_year.text)[0]) is None


def test_through_extract_the_date_is_flagged_and_kept() -> None:
    rows = [*HEAD[:3], [(100, "Số: 118/TB-UBND"), (1000, "Quỳnh Hậu, ngày 2 tháng 3 năm 2016")], *HEAD[4:]] + FOOT
    page = _page(rows)
    assert _extract(page).date.review is None and "date" not in _extract(page).needs_review
    wide = [(w, c, (b[0], b[1], b[0] + 28, b[3]) if w == "2" and i == 3 else b, i) for w, c, b, i in page.words]
    meta = _extract(page.__class__(page.number, page.text, wide, page.notes, page.rivals))
    assert meta.date.value == "2016-03-02" and "date" in meta.needs_review
    assert "a digit may be lost" in (meta.date.review or "")
