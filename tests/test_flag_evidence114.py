"""Review flags, hundred-and-fourteenth round (issue 14 item 9, session 39, fitted on the opened sealed seed 133;
nothing held out behind it): a lexicon phrase's word misread into another syllable that still makes a word of
the list with the phrase's other word (HG133 faded-16-bc-087: ``… đăng ký và quản lý bộ tịch năm 2017`` for
``hộ tịch``, ``bộ`` at 95, stored at 0.733 unflagged). ``bộ tịch`` is in Viet74K, so the pair rule passes it,
and the phrase-slip rule wants the word in no word of the list. It stands in one made only of the phrase's place:
flagged, kept."""

from __future__ import annotations

from archivist.itemslips import subject_phrase_doubt
from archivist.subjectlexicon import phrase_word_doubt
from tests.test_flag_evidence import FOOT, _extract, _page

SUBJECT = "Kết quả công tác đăng ký và quản lý bộ tịch năm 2017"
REASON = "'bộ tịch' stands where commune records write 'hộ tịch', one letter or mark off: a syllable misread"


def test_a_word_of_the_list_in_a_phrase_s_place_one_letter_off_is_doubted() -> None:
    assert phrase_word_doubt(SUBJECT) == REASON
    assert phrase_word_doubt("V/v rà soát, cập nhật dữ liệu bộ tịch năm 2006") is not None
    assert subject_phrase_doubt(SUBJECT) is None  # 'bộ' stands in a word of the list: the older rule is silent


def test_the_phrase_itself_a_word_reaching_past_it_or_no_word_at_all_say_nothing() -> None:
    assert phrase_word_doubt(SUBJECT.replace("bộ", "hộ")) is None  # as printed
    assert phrase_word_doubt("Về việc tăng cường công tác quản lý trật tự xây dựng năm 2006") is None  # 'tăng cường'
    assert phrase_word_doubt("V/v chuẩn bị các điều kiện phòng, chống tụt bão năm 2008") is None  # 'tụt': no word
    assert phrase_word_doubt("Kết quả kiểm tra công tác chi bộ năm 2017") is None  # a phrase as written
    assert phrase_word_doubt("Kế hoạch tổ chức Đại hội thể dục thể thao năm 2017") is None  # no phrase near


HEAD = [[(100, "UBND HUYỆN YÊN PHONG")], [(100, "ỦY BAN NHÂN DÂN")], [(100, "XÃ TRUNG NGHĨA")],
        [(100, "Số: 87/BC-UBND"), (1000, "Trung Nghĩa, ngày 24 tháng 7 năm 2017")], [(700, "BÁO CÁO")],
        [(500, "Kết quả công tác đăng ký và quản lý {word} tịch năm 2017")],
        [(500, "Kính gửi: Ủy ban nhân dân huyện Yên Phong.")],
        [(100, "Thực hiện Kế hoạch số 49/KH-UBND của Ủy ban nhân dân huyện, Ủy ban nhân dân xã báo cáo như sau:")],
        [(100, "Trên đây là báo cáo của Ủy ban nhân dân xã Trung Nghĩa.")]]


def _report(word: str) -> object:
    return _extract(_page([[(x, t.format(word=word)) for x, t in row] for row in HEAD] + FOOT))


def test_the_subject_is_flagged_and_kept_through_extract() -> None:
    slip = _report("bộ")
    assert slip.subject.value == SUBJECT and "subject" in slip.needs_review
    assert slip.subject.review == REASON, slip.subject.review
    assert "subject" not in _report("hộ").needs_review
