"""flags119-120 (session 40, issue 14 item 9): the date's day read from a word the grammar took apart. TW144
typewriter-08-gm-226: ``ngày 27`` read ``øgày Z7``, stored ``2009-06-07`` (0.859) unflagged (flags119: a letter
beside the day's digits); SP156 speckle-08-gm-144: ``ngày 17`` read ``hgày 1 7``, stored ``2006-11-07`` (0.928)
unflagged (flags120: a lone digit before the day). Flagged, never changed."""

from __future__ import annotations

from archivist.dayword import day_word_doubt
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page


def test_a_letter_in_the_days_word_or_a_lone_digit_before_it_is_doubted() -> None:
    assert day_word_doubt("øgày", "Z7", 7) == ("the date's day word 'Z7' holds a letter beside its digits: a digit "
                                               "read as a letter and dropped (the day stored 7)")
    assert day_word_doubt("ngày", "1O", 1) is not None
    assert day_word_doubt("1", "7", 7) == ("the date's day '7' follows a lone '1' on its line: one number read "
                                              "in two (the day stored 7)")


def test_a_days_word_of_digits_after_ngay_or_a_comma_is_not() -> None:
    for before, word, day in (("ngày", "27", 27), ("ngày", "07", 7), ("Nội,", "7", 7), ("ngày", "7,", 7),
                              ("5,", "7", 7),  # a ward's number and its comma: the place, not the day
                              ("ngày", "Z7", 27),  # the digits are not the stored day
                              ("", "ngày7", 7),  # a longer word: the date's words glued, not a digit read a letter
                              ("123", "7", 7)):  # three digits: no day cut in two
        assert day_word_doubt(before, word, day) is None, (before, word, day)


def _date_line(text: str) -> list[list[tuple[int, str]]]:
    return [r if not r[0][1].startswith("Số:") else [r[0], (1000, text)] for r in HEAD] + FOOT


def test_the_cut_and_the_glued_day_are_flagged_and_kept_through_extract() -> None:
    glued = _extract(_page(_date_line("Quỳnh Hậu, ngày Z7 tháng 3 năm 2016")))
    assert glued.date.value == "2016-03-07" and "date" in glued.needs_review
    assert "'Z7' holds a letter" in (glued.date.review or ""), glued.date.review
    cut = _extract(_page(_date_line("Quỳnh Hậu, ngày 1 7 tháng 3 năm 2016")))
    assert cut.date.value == "2016-03-07" and "date" in cut.needs_review
    assert "follows a lone '1'" in (cut.date.review or ""), cut.date.review
    right = _extract(_page(_date_line("Quỳnh Hậu, ngày 17 tháng 3 năm 2016")))
    assert right.date.value == "2016-03-17" and right.date.review is None and "date" not in right.needs_review
