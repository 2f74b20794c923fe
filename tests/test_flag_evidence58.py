"""Review flags, fifty-eighth round (issue 14 item 9), sealed seed 68's two slips: a subject holding a mark no
subject is written with (HG68's ``Họp? Ban Chỉ đạo …``, a speck read as ``?``), and an archive copy's office code
read with a small letter (HG68's ``Lưu VT, Đc`` for ``Lưu VT, ĐC``). Flagged, never changed."""

from __future__ import annotations

from archivist.structflags import copy_code_doubt
from archivist.subjectmarks import stray_doubt, subject_mark_doubt
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page


def test_a_subject_with_a_mark_no_subject_is_written_with_is_doubted() -> None:
    assert "'?'" in (stray_doubt("Họp? Ban Chỉ đạo công tác phòng, chống dịch năm 2016") or "")
    for value in ('Về việc tại!" ngừng cấp nước', "năm 2©6@9", "giao ban | tháng 3", "đất ~ tại", "sử dụng ˆ đất"):
        assert stray_doubt(value), value
    assert subject_mark_doubt("Họp? Ban Chỉ đạo") is not None


def test_the_marks_a_subject_is_written_with_are_not_doubted() -> None:
    for value in ("V/v rà soát, cập nhật dữ liệu hộ tịch năm 2007",
                  "Tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội 9 tháng đầu năm 2006",
                  'Hưởng ứng "Ngày hội Đại đoàn kết toàn dân tộc" (sửa đổi): giảm 5% hộ nghèo & cận nghèo',
                  "Về việc hỗ trợ kinh phí cho các hộ gia đình bị thiệt hại do mưa lũ…"):
        assert stray_doubt(value) is None, value


def _subject(subject: str) -> list[list[tuple[int, str]]]:
    return [*HEAD[:5], [(400, subject)], HEAD[6], *FOOT]


def test_the_subject_is_flagged_and_stored_as_read_through_extract() -> None:
    meta = _extract(_page(_subject("Họp? Ban Chỉ đạo phòng, chống dịch bệnh năm 2016")))
    assert meta.subject.value.startswith("Họp? Ban Chỉ đạo") and "subject" in meta.needs_review
    assert "'?'" in (meta.subject.review or "")
    right = _extract(_page(_subject("Họp Ban Chỉ đạo phòng, chống dịch bệnh năm 2016")))
    assert right.subject.value.startswith("Họp Ban Chỉ đạo") and right.subject.review is None


def test_an_archive_code_read_with_a_small_letter_is_doubted() -> None:
    why = copy_code_doubt(["Như trên", "TT Đảng ủy, HĐND xã", "Lưu VT, Đc"])
    assert why is not None and "'Đc'" in why
    assert copy_code_doubt(["Lưu: Vĩ, TP"]) and copy_code_doubt(["Lưu VT, TP. sự"])  # debris read as letters


def test_archive_codes_in_capitals_or_other_items_are_not_doubted() -> None:
    assert copy_code_doubt(["Như trên", "Lưu: VT, ĐC."]) is None and copy_code_doubt([]) is None
    assert copy_code_doubt(["Lưu VT; VP"]) is None and copy_code_doubt(["Lưu: VT, TCCB, NVA (5b)"]) is None
    assert copy_code_doubt(["UBND huyện Quỳnh Lưu", "Phòng Tư pháp (b/c)"]) is None  # no archive copy's item


def _foot(copy: str) -> list[list[tuple[int, str]]]:
    return [*FOOT[:3], [(100, f"- {copy}.")], FOOT[4]]


def test_the_recipients_are_flagged_and_stored_as_read_through_extract() -> None:
    meta = _extract(_page(HEAD + _foot("Lưu: VT, Đc")))
    assert "Lưu: VT, Đc" in meta.recipients.value and "recipients" in meta.needs_review
    assert "'Đc'" in (meta.recipients.review or "")
    right = _extract(_page(HEAD + _foot("Lưu: VT, ĐC")))
    assert "Lưu: VT, ĐC" in right.recipients.value and right.needs_review == []
