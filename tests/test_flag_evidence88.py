"""Review flags, eighty-eighth round (issue 14 item 9): a subject naming a month of a year far from the document's
date (HG101 typewriter-07 tb-212, dated 4 May 2009: ``Về việc tổ chức tiếp công dân định kỳ tháng 5 năm 2008`` for
``… năm 2009`` at 0.881, a typed ``9`` read ``8``). Flagged, never changed."""

from __future__ import annotations

import pytest

from archivist.fields import Field
from archivist.subjectday import far_month, flag_subject_day
from tests.test_flag_evidence import _subject_rule_through_extract

TARGET = "Về việc tổ chức tiếp công dân định kỳ tháng 5 năm 2008"


@pytest.mark.parametrize(("subject", "date", "far"), [
    (TARGET, "2009-05-04", "tháng 5 năm 2008"), ("Báo cáo tình hình tháng 4/2916", "2010-04-27", "tháng 4/2916"),
    ("Kế hoạch tháng 11 năm 2008", "2009-05-04", "tháng 11 năm 2008")])
def test_a_month_six_or_more_from_the_date_is_named(subject: str, date: str, far: str) -> None:
    assert far_month(subject, Field(date, 0.9)) == far


@pytest.mark.parametrize(("subject", "date"), [
    ("Báo cáo tình hình tháng 12 năm 2008", "2009-01-05"),  # last month's report, early in the next year
    ("Kế hoạch tháng 3 năm 2010", "2009-11-20"),  # the coming months' plan
    ("Về việc tổ chức tiếp công dân định kỳ tháng 5 năm 2009", "2009-05-04"),
    ("Báo cáo kết quả năm 2008", "2009-05-04"),  # a year, no month: not judged
    ("Lịch trực tháng 13 năm 2008", "2009-05-04"),  # no month: impossible_day's, not this rule's
])
def test_a_month_near_the_date_or_no_month_is_not(subject: str, date: str) -> None:
    assert far_month(subject, Field(date, 0.9)) is None
    assert far_month(TARGET, Field(None, 0.0)) is None and far_month(TARGET, None) is None


def test_the_reason_is_given_and_no_value_changes() -> None:
    found = {"subject": Field(TARGET, 0.881), "date": Field("2009-05-04", 0.9)}
    flag_subject_day(found)
    assert "'tháng 5 năm 2008'" in (found["subject"].review or "") and found["subject"].value == TARGET
    assert found["date"].review is None


def test_the_subject_through_extract_is_flagged_and_kept() -> None:  # the page is dated 21 March 2016
    _subject_rule_through_extract("Về việc tiếp công dân định kỳ tháng 3 năm 2015",
                                  "Về việc tiếp công dân định kỳ tháng 3 năm 2016", "'tháng 3 năm 2015'")
