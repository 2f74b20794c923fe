"""Review flags, eighty-second round (issue 14 item 9): sealed seed 103's subject ``V/v tăng cường sông tác quản lý
đất đai …`` for ``công tác`` (HG103 typewriter-11 cv-238, 0.70): a typed ``c`` read ``s``, which makes a real
syllable (``sông``) standing in no word with ``tác``, while ``công tác`` is a word of the list (Viet74K). The pair
check (:func:`archivist.wordpairs.pair_doubt`) now also tries ``c`` for a read ``s``. Flagged, never changed."""

from __future__ import annotations

import pytest

from archivist.wordpairs import entries, pair_doubt
from tests.test_flag_evidence import _subject_rule_through_extract

TARGET = "V/v tăng cường sông tác quản lý đất đai, trật tự xây dựng trên địa bàn"

pytestmark = pytest.mark.skipif(not entries(), reason="underthesea's word list (a pinned dependency) is not installed")


@pytest.mark.parametrize(("value", "pair"), [
    (TARGET, "'sông tác' is no word; 'công tác'"), ("Về việc kiểm tra sông trình xây dựng", "'sông trình'"),
    ("Báo cáo kết quả sông việc năm 2020", "'sông việc'")])
def test_a_read_s_that_a_c_makes_a_word_of_is_doubted(value: str, pair: str) -> None:
    assert pair in (pair_doubt(value) or ""), value


@pytest.mark.parametrize("value", [
    "V/v tăng cường công tác quản lý đất đai, trật tự xây dựng trên địa bàn", "Về việc nạo vét lòng sông Cầu",
    "Kế hoạch sửa chữa cầu qua sông", "Báo cáo tình hình sản xuất nông nghiệp", "Về việc cấp giấy chứng nhận",
    "Về việc hỗ trợ kinh phí sửa chữa trường học", "Quyết định về việc thành lập tổ công tác"])
def test_right_words_with_s_are_not(value: str) -> None:
    assert pair_doubt(value) is None, value


def test_the_targets_subject_through_extract_is_flagged_and_kept() -> None:
    _subject_rule_through_extract(TARGET, TARGET.replace("sông", "công"), "'sông tác'")
