"""Review flags, ninety-fourth round (issue 14 item 9): a colon between two words in small letters inside a subject
(HG118 speckle-24 cv-066: ``V/v tăng cường công tác quản lý: đất đai, trật tự xây dựng trên địa bàn`` at 0.868, a
speck read as a colon; the stop rule looked for full stops only). Flagged, never changed."""

from __future__ import annotations

import pytest

from archivist.subjectmarks import colon_doubt, subject_mark_doubt
from tests.test_flag_evidence import _subject_rule_through_extract

TARGET = "V/v tăng cường công tác quản lý: đất đai, trật tự xây dựng trên địa bàn"


@pytest.mark.parametrize("subject", [TARGET, "Về việc: đề nghị bổ sung kinh phí hỗ trợ hộ nghèo năm 2007",
                                     "Về việc đề nghị phê duyệt dự toán kinh: phí sửa chữa kênh mương"])
def test_a_colon_between_small_words_inside_a_subject_is_doubted(subject: str) -> None:
    why = subject_mark_doubt(subject)
    assert why is not None and "colon inside the phrase" in why, subject


@pytest.mark.parametrize("subject", [
    "V/v tăng cường công tác quản lý đất đai, trật tự xây dựng trên địa bàn", "Kế hoạch: Tết Nguyên đán năm 2006",
    "Về việc tổ chức hội nghị lúc 8:30 ngày 5/3", "Quyết định: Ban hành Quy chế", "V/v số 12: thu chi"])
def test_a_colon_before_a_capital_or_in_a_number_is_not(subject: str) -> None:
    assert colon_doubt(subject) is None, subject


def test_the_subject_through_extract_is_flagged_and_kept() -> None:
    _subject_rule_through_extract(TARGET, TARGET.replace(":", ""), "'lý: đất'")
