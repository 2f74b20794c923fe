"""A subject's name opened with a capital mid-sentence and going on in a small ``b`` where ``Đ`` makes a syllable in
use (typewriter46b, issue 14 items 4 and 9): the sealed set of session 45 stored ``… vụ Thu bông năm 2007`` for
``vụ Thu Đông`` at 0.882 unflagged (a typed ``Đ`` worn past its top stroke reads ``b``, and ``bông`` is a word).
The rule flags only (bench/RESULTS.md, "Typewritten pages, digits, capitals and symbols in values (session 46)")."""

from __future__ import annotations

import pytest

from archivist.slipflags import name_cross_doubt
from tests.test_flag_evidence import _subject_rule_through_extract


@pytest.mark.parametrize("subject", ["Về việc tổng kết sản xuất vụ Thu bông năm 2007",
                                     "Kế hoạch gieo trồng vụ Đông bông",  # the same slip after another season
                                     "Về việc khen thưởng hợp tác xã Tân bình"])  # a commune's name
def test_a_small_b_after_a_name_opened_mid_sentence_is_doubted(subject: str) -> None:
    assert "worn to a 'b'" in (name_cross_doubt(subject) or ""), subject


@pytest.mark.parametrize("subject", ["Về việc tổng kết sản xuất vụ Thu Đông năm 2007",  # read right
                                     "Về việc kiện toàn Ủy ban bầu cử xã",  # 'ủy ban': a word of the list
                                     "Lãnh đạo Đảng bộ xã thực hiện nghị quyết",  # 'đảng bộ' too
                                     "UBND xã Kim Sơn báo cáo kết quả",  # a name's end before a verb: after a capital
                                     "thiệt hại tại thôn Trung bị ngập",  # 'đị' is no syllable
                                     "Về việc kiện toàn Ban bảo vệ dân phố",  # a body's name: its first letter alone
                                     "Thu bông năm 2007",  # the value's first word: no name opened mid-sentence
                                     "tổ chức ĐOÀN bông"])  # a word in capitals is no name's first syllable
def test_a_name_read_right_a_listed_word_or_no_name_is_not_doubted(subject: str) -> None:
    assert name_cross_doubt(subject) is None, subject


def test_the_targets_subject_is_flagged_through_extract_and_kept() -> None:
    # the season's own rule (seasonflags, fields46) speaks first for ``vụ Thu bông``: a name outside a season here
    _subject_rule_through_extract("Về việc tổ chức lễ hội Hoa bào năm 2016",
                                  "Về việc tổ chức lễ hội Hoa Đào năm 2016", "'Hoa bào' opens a name")
