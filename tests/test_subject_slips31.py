"""Review flags for a subject's slips a thicker typed stroke leaves without a non-word (thick31, session 31): a
colon read inside the subject's sentence (HG63 typewriter-10 ttr-181's ``chứng nhận: quyền``) and a unit's name
whose first capital was read small (HG44 typewriter-12 ttr-166's ``tại thôn cầu Đá``). Flagged, never changed."""

from __future__ import annotations

from archivist.slipflags import inner_colon_doubt, name_case_doubt
from archivist.wordpairs import entries
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page

COLON = "Về việc đề nghị cấn giấy chứng nhận: quyền sử dụng đất cho các hộ gia đình tại ấp Bình Hòa"
SMALL = "Về việc đề nghị cấp giấy chứng nhận quyền sử dụng đất cho các hộ gia đình tại thôn cầu Đá"


def test_a_colon_inside_the_sentence_is_doubted() -> None:
    assert "'nhận: quyền'" in (inner_colon_doubt(COLON) or "")
    assert inner_colon_doubt("Phòng, chống dịch bệnh trên đàn gia súc, gia cầm năm: 2007") is None  # no word after
    for subject in ("V/v: triển khai kế hoạch tiêm chủng", "Về việc: tổ chức lễ mít tinh", "Lịch trực lúc 8:30 sáng",
                    "Kế hoạch năm 2024: Triển khai", COLON.replace(":", "")):
        assert inner_colon_doubt(subject) is None, subject


def test_a_units_name_with_a_small_first_letter_is_doubted() -> None:
    assert "'thôn cầu Đá'" in (name_case_doubt(SMALL) or "")
    assert "'xã nòa Bình'" in (name_case_doubt("Ủy ban nhân dân xã nòa Bình trân trọng kính mời") or "")
    for subject in (SMALL.replace("cầu", "Cầu"), "Xây dựng xã Đông Sơn đạt chuẩn nông thôn mới nâng cao",
                    "Về việc tổ chức thu gom rác thải sinh hoạt tại các thôn, ấp"):
        assert name_case_doubt(subject) is None, subject
    if entries():  # a level word's own compound (``xã hội``) before a name is no unit's name
        assert name_case_doubt("Chính sách an sinh xã hội Tết Nguyên đán năm 2024") is None


def test_the_subjects_are_flagged_and_kept_through_extract() -> None:
    for subject, why in ((COLON, "a colon inside"), (SMALL, "its first capital read small")):
        meta = _extract(_page([*HEAD[:5], [(400, subject)], HEAD[6]] + FOOT))
        assert meta.subject.value == subject and "subject" in meta.needs_review, subject
        assert why in (meta.subject.review or ""), meta.subject.review
    right = SMALL.replace("cầu", "Cầu")
    meta = _extract(_page([*HEAD[:5], [(400, right)], HEAD[6]] + FOOT))
    assert meta.subject.value == right and not meta.subject.review
