"""Review flags, eighty-ninth round (issue 14 item 9): a full stop after a word in small letters inside a subject,
before a capital (HG109 speckle-19 tb-194: ``Về việc lịch trực. Tết Nguyên đán năm 2006`` at 0.883, a speck read as
a stop; the stop rule looked only for a small letter after it). Flagged, never changed; list items are not judged
so (a recipient may end a sentence there)."""

from __future__ import annotations

import pytest

from archivist.slipflags import back_stop_doubt
from archivist.subjectmarks import subject_mark_doubt
from tests.test_flag_evidence import _subject_rule_through_extract

TARGET = "Về việc lịch trực. Tết Nguyên đán năm 2006"


@pytest.mark.parametrize("subject", [TARGET, "Kết quả công tác cải. Cách hành chính", "V/v sửa. chữa cầu"])
def test_a_stop_after_a_small_word_inside_a_subject_is_doubted(subject: str) -> None:
    why = subject_mark_doubt(subject)
    assert why is not None and "full stop inside the phrase" in why, subject


@pytest.mark.parametrize("subject", [
    "Về việc lịch trực Tết Nguyên đán năm 2006", "Tổ chức Hội nghị tại TP. Hồ Chí Minh",
    "Báo cáo kết quả năm 2020. Phương hướng năm 2021", "Về việc tổ chức tại tp. Vinh", "Kế hoạch số 12/KH-UBND"])
def test_an_abbreviations_or_a_numbers_stop_is_not(subject: str) -> None:
    assert subject_mark_doubt(subject) is None, subject


def test_a_list_item_may_end_a_sentence_before_a_capital() -> None:
    assert back_stop_doubt("Như trên. Trưởng các thôn") is None
    assert back_stop_doubt("Như trên. các thôn") is not None  # a small letter after it: a speck, as before


def test_the_subject_through_extract_is_flagged_and_kept() -> None:
    _subject_rule_through_extract("Về việc lịch trực. Tết Nguyên đán năm 2016", "Về việc lịch trực Tết Nguyên đán "
                                  "năm 2016", "'trực. Tết'")
