"""Review flags, ninety-first round (issue 14 item 9): a typed day whose loop digit a second reading gives as another
(HG113 typewriter-09 kh-008, printed ``ngày 20``: the OCR's ``26`` at 0.853, the day's word read again ``28`` and
``26``). A typed ``0``, faded or filled, and the loop digits ``6``, ``8``, ``9`` are the glyphs the engine reads as each
other; the day rule before asked both readings to give another day. Flagged, never changed."""

from __future__ import annotations

from archivist.dateread import day_doubt, loop_swap
from tests.test_dateread_day import _day_read_as, _got
from tests.test_flag_evidence import _extract


def test_a_loop_digit_read_again_as_another_is_doubted() -> None:
    why = day_doubt(_got("26", "28", "26"), 26)
    assert why is not None and "read again gave 28 and 26" in why and "its '6' read '8'" in why
    assert day_doubt(_got("19", "19", "18"), 19) is not None  # either reading, either loop digit
    assert "its '8' read '0'" in (day_doubt(_got("18", "18", "10"), 18) or "")  # or as a 0
    assert loop_swap("26", "20") == 1 and loop_swap("9", "6") == 0


def test_other_digits_or_readings_are_no_evidence() -> None:
    assert day_doubt(_got("26", "26", "26"), 26) is None  # both agree
    assert day_doubt(_got("26", "", "28"), 26) is None  # one read nothing: both must give a day
    assert day_doubt(_got("26", "26", "28:"), 26) is None  # a mark of the crop taken in: no clean reading
    assert day_doubt(_got("13", "13", "18"), 13) is None  # a 3 is no loop digit
    assert day_doubt(_got("20", "20", "26"), 20) is None  # a stored 0 read 6: the faded 0 the year's rule sets aside
    assert day_doubt(_got("26", "26", "18"), 26) is None  # two digits other
    assert loop_swap("26", "268") is None and loop_swap("26", "36") is None


def test_through_extract_the_date_is_flagged_and_kept() -> None:
    flagged = _extract(_day_read_as("26", _got("26", "28", "26")))
    assert flagged.date.value == "2016-03-26" and "its '6' read '8'" in (flagged.date.review or "")
    assert "date" in flagged.needs_review
    kept = _extract(_day_read_as("26", _got("26", "26", "26")))
    assert kept.date.value == "2016-03-26" and kept.date.review is None
