"""Review flags, eighty-first round (issue 14 item 9): sealed seed 103's subject ``… kỷ niệm Ngày Quốc khánh 62/9
năm 2008`` for ``02/9`` (HG103 typewriter-07 kh-165, 0.736), a typed ``0`` read ``6``: a day no calendar has.
Flagged, never changed."""

from __future__ import annotations

import pytest

from archivist.fields import Field
from archivist.subjectday import flag_subject_day, impossible_day
from tests.test_flag_evidence import HEAD, _extract, _page, _subject_rule_through_extract

TARGET = "Tổ chức các hoạt động kỷ niệm Ngày Quốc khánh 62/9 năm 2008"


@pytest.mark.parametrize(("value", "day"), [
    (TARGET, "62/9"), ("Kỷ niệm ngày 30/14", "30/14"), ("Lịch trực ngày 31/4/2021", "31/4"),
    ("Tổ chức lễ 30/2", "30/2"), ("Hội nghị ngày 00/5", "00/5"), ("họp ngày 35 tháng 3 năm 2020", "ngày 35 tháng 3"),
    ("Báo cáo ngày 12 tháng 13", "ngày 12 tháng 13")])
def test_a_day_or_month_no_calendar_has_is_named(value: str, day: str) -> None:
    assert impossible_day(value) == day, value


@pytest.mark.parametrize("value", [
    "Tổ chức các hoạt động kỷ niệm Ngày Quốc khánh 02/9 năm 2008", "Kỷ niệm 30/4 và 1/5", "Trực Tết 29/2/2020",
    "Thực hiện Nghị quyết số 45/2019/NQ-HĐND", "Triển khai Quyết định 12/15/QĐ-UBND", "Kế hoạch 35/KH-UBND",
    "ngày 31 tháng 12 năm 2020", "V/v tăng cường công tác quản lý", "Tỷ lệ 95/100 hộ", "Đợt 1, năm 2021"])
def test_real_days_and_numbers_with_their_year_or_symbol_are_not(value: str) -> None:
    assert impossible_day(value) is None, value


def test_only_an_unflagged_subject_gets_the_reason_and_no_value_changes() -> None:
    found = {"subject": Field(TARGET, 0.736), "date": Field("2008-08-25", 0.9)}
    flag_subject_day(found)
    assert "'62/9'" in (found["subject"].review or "") and found["subject"].value == TARGET
    assert found["subject"].confidence == 0.736 and found["date"].review is None
    earlier = {"subject": Field(TARGET, 0.7, review="an earlier reason")}
    flag_subject_day(earlier)
    assert earlier["subject"].review == "an earlier reason"
    flag_subject_day({"subject": Field(None, 0.0)})  # no subject: nothing to judge, no error


def test_the_targets_subject_through_extract_is_flagged_and_kept() -> None:
    _subject_rule_through_extract(TARGET, TARGET.replace("62/9", "02/9"), "'62/9'")
    assert _extract(_page(HEAD)).subject.review is None
