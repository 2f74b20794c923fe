"""Review flags, thirty-second round (issue 14 item 9): seed 40's two subjects stored wrong without a flag on
speckled pages (HG40 ``quý HI I`` for ``quý III``, ``sửa. chữa`` for ``sửa chữa``), a subject holding a list's
semicolon (HG38), and a subject's rival letter the list of Vietnamese words answers (``vi phạm``, never ``vỉ
phạm``), which flagged right subjects alone."""

from __future__ import annotations

from archivist.chardoubt import unsettled
from archivist.subjectmarks import list_doubt, quarter_doubt, stop_doubt, subject_mark_doubt
from archivist.wordpairs import rival_settled
from tests.test_flag_evidence import _extract, _page, _with_subject


def test_a_full_stop_before_a_small_letter_word_is_doubted() -> None:
    assert "'sửa. chữa'" in (stop_doubt("Về việc đề nghị phê duyệt dự toán kinh phí sửa. chữa cầu dân sinh") or "")
    assert stop_doubt("Dự buối đối thoại với nhân. dân về công") is not None
    for right in ("Về việc lịch trực Tết Nguyên đán năm 2016.", "Hỗ trợ v.v. và", "TP. Hồ Chí Minh",
                  "Kế hoạch năm 2021. Năm 2022", "Chờ... xem", "thửa đất số 721, tờ bản đồ số 13"):
        assert stop_doubt(right) is None, right


def test_a_quarter_needs_one_numeral() -> None:
    for wrong in ("Tình hình kinh tế - xã hội quý HI I năm 2013", "Dự hội nghị sơ kết công tác quý ï năm 2008",
                  "Dự hội nghị sơ kết công tác quý HI năm 2014", "quý I I năm 2013", "Báo cáo quý T1/2013"):
        assert quarter_doubt(wrong) is not None, wrong
    for right in ("Dự hội nghị sơ kết công tác quý III năm 2018", "quý I năm 2013", "quý IV/2013", "quý 2 năm 2020",
                  "Về việc tiếp đón quý khách", "ông Quý Long", "Báo cáo quý", "quý III, năm 2013"):
        assert quarter_doubt(right) is None, right


def test_a_semicolon_is_a_list_run_into_the_subject() -> None:
    assert list_doubt("V/v tổ chức thu gom rác thải tại các thôn, ấp - Trưởng các thôn; - Công chức") is not None
    assert list_doubt("V/v tổ chức thu gom rác thải sinh hoạt tại các thôn, ấp") is None
    assert subject_mark_doubt("Về việc lịch trực Tết Nguyên đán năm 2016") is None


def test_a_rival_the_word_list_answers_is_settled() -> None:
    value = "Về quyết định xử phạt vi phạm hành chính trong lĩnh vực xây dựng"
    assert rival_settled(value, "vi", "vỉ")
    assert rival_settled("Về việc đề nghị bổ sung kinh phí", "bổ", "bố")
    assert not rival_settled("Về việc công nhận đan hiệu", "đan", "dan")  # 'đan' stands in no word: unanswered
    assert not rival_settled(value, "Về", "Và")  # capitals are never judged
    assert not rival_settled("Về việc giao đất", "vi", "vỉ")  # not in the value
    rivals = ((1, "ỉ", 80.0, 70.0),)
    assert unsettled("vi", rivals, value) == []
    assert unsettled("vi", rivals, "Về việc vi") == list(rivals)  # alone, 'vi' stands in no word


def test_seed_40_s_slips_are_flagged_through_extract() -> None:
    for subject, why in (("Về việc sửa. chữa cầu dân sinh năm 2016", "full stop"),
                         ("Về việc báo cáo quý HI I năm 2013", "quarter")):
        meta = _extract(_page(_with_subject(subject)))
        assert meta.subject.value == subject and why in (meta.subject.review or ""), meta.subject.review
    for subject in ("Về việc sửa chữa cầu dân sinh năm 2016", "Về việc báo cáo quý III năm 2013"):
        assert _extract(_page(_with_subject(subject))).subject.review is None


def test_a_rival_letter_the_list_answers_no_longer_flags_through_extract() -> None:
    choices = {"Nguyên": ((0, "N", 90.0, 60.0),), "bổ": ((1, "ố", 80.0, 70.0),)}
    answered = _extract(_page(_with_subject("Về việc bổ sung kinh phí"), rivals=choices))
    assert answered.subject.review is None  # 'bổ sung' is a word, 'bố sung' none
    alone = _extract(_page(_with_subject("Về việc bổ kinh phí"), rivals=choices))
    assert "nearly read 'ố'" in (alone.subject.review or "")  # 'bổ' stands in no word here: unanswered


def test_a_rival_for_the_opening_ve_is_answered() -> None:
    rivals = ((1, "à", 80.0, 70.0),)
    assert unsettled("Về", rivals, "Về việc sửa chữa điểm trường") == []
    assert unsettled(".Về", rivals, ".Về việc sửa chữa điểm trường") == list(rivals)  # a speck glued: unanswered
    assert unsettled("Về", rivals, "Kết quả Về") == list(rivals)  # not the subject's opening
