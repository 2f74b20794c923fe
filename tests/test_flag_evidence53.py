"""Review flags, fifty-third round (issue 14 item 9): a date of 2011 or later on a page spelled as Circular 55/2005
wrote (HG56 typewriter-09 tb-183's ``2019`` for ``2010`` under ``TM. UỶ BAN``), and a subject's slips the engine was
sure of: a hyphen glued between two words (HG58 ``và-tìm``), a capital after ``Về việc`` (HG62 ``Lịch trực``), an
``m`` read as ``n`` (HG58 ``thực phấn``), a pair the body writes otherwise (AT58 ``chuyến đơn``). Flagged, never
changed."""

from __future__ import annotations

from archivist.slipflags import era_doubt, glued_hyphen_doubt, opening_capital_doubt
from archivist.wordpairs import entries, stroke_doubt, text_twin_doubt
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page

OLD_FOOT = [[(100, "Nơi nhận:"), (1000, "TM. UỶ BAN NHÂN DÂN")], *FOOT[1:]]


def _dated(year: int) -> list[list[tuple[int, str]]]:
    return [*HEAD[:3], [(100, "Số: 118/TB-UBND"), (1000, f"Quỳnh Hậu, ngày 21 tháng 3 năm {year}")],
            HEAD[4], [(400, "Về việc lịch trực tại trụ sở")], HEAD[6]]


def test_a_date_of_2011_or_later_in_circular_55s_spelling_is_doubted() -> None:
    assert "UỶ" in (era_doubt("2019-08-17", ["TM. UỶ BAN NHÂN DÂN"]) or "")
    assert "HOÀ" in (era_doubt("2011-01-02", ["CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"]) or "")
    assert era_doubt("2010-08-17", ["TM. UỶ BAN NHÂN DÂN"]) is None  # typed under Circular 55
    assert era_doubt("2019-08-17", ["TM. ỦY BAN NHÂN DÂN", "CỘNG HÒA"]) is None  # the new spelling
    assert era_doubt(None, ["TM. UỶ BAN"]) is None


def test_the_date_is_flagged_and_kept_through_extract() -> None:
    meta = _extract(_page(_dated(2019) + OLD_FOOT))
    assert meta.date.value == "2019-03-21" and "date" in meta.needs_review
    assert "Circular 55" in (meta.date.review or "")
    assert "Circular 55" not in (_extract(_page(_dated(2010) + OLD_FOOT)).date.review or "")
    assert "Circular 55" not in (_extract(_page(_dated(2019) + FOOT)).date.review or "")


def test_a_hyphen_glued_between_two_small_letter_words_is_doubted() -> None:
    assert glued_hyphen_doubt("phòng, chống thiên tai và-tìm kiếm cứu nạn năm 2005") is not None
    assert glued_hyphen_doubt("Kết quả công tác cải cách-hành chính quý III") is not None
    for subject in ("Tình hình phát triển kinh tế - xã hội năm 2013", "Về việc hỗ trợ tỉnh Bà Rịa-Vũng Tàu",
                    "Báo cáo quý I-II năm 2020", "Về việc đo đạc thửa 12-3"):
        assert glued_hyphen_doubt(subject) is None, subject


def test_a_capital_after_the_opening_before_a_small_letter_word_is_doubted() -> None:
    assert "'Lịch'" in (opening_capital_doubt("Về việc Lịch trực Yết Nguyên đán năm 2010") or "")
    for subject in ("Về việc lịch trực Tết Nguyên đán năm 2010", "Về việc Ban Chỉ đạo phòng, chống thiên tai",
                    "Về việc UBND xã tiếp công dân", "Lịch trực Tết Nguyên đán"):
        assert opening_capital_doubt(subject) is None, subject


def test_an_m_read_as_n_is_doubted_only_that_way_round() -> None:
    if not entries():  # without underthesea's word list no pair is judged
        return
    assert "'thực phẩm'" in (stroke_doubt("Kiểm tra vệ sinh an toàn thực phấn tại chợ xã") or "")
    assert stroke_doubt("Kiểm tra vệ sinh an toàn thực phẩm tại chợ xã") is None
    assert stroke_doubt("Về việc sửa chữa điểm trường thôn Đông") is None  # 'điện trường' is the m-for-n way


def test_the_subjects_are_flagged_and_kept_through_extract() -> None:
    for subject, why in (("Về việc Lịch trực Tết Nguyên đán năm 2016", "'Lịch' is capitalised"),
                         ("Về việc phòng, chống thiên tai và-tìm kiếm cứu nạn", "'và-tìm'")):
        head = [*HEAD[:5], [(400, subject)], HEAD[6]]
        meta = _extract(_page(head + FOOT))
        assert meta.subject.value == subject and "subject" in meta.needs_review, subject
        assert why in (meta.subject.review or ""), meta.subject.review
    assert "subject" not in _extract(_page(HEAD + FOOT)).needs_review


def test_a_pair_the_document_writes_otherwise_elsewhere_is_doubted() -> None:
    if not entries():
        return
    body = "PHIẾU CHUYỂN\nVề việc chuyến đơn của công dân\nỦy ban nhân dân xã chuyển đơn đến các trường học"
    assert "'chuyển đơn'" in (text_twin_doubt("Về việc chuyến đơn của công dân", body) or "")
    right = body.replace("chuyến", "chuyển")
    assert text_twin_doubt("Về việc chuyển đơn của công dân", right) is None
    # the body's reading lost its tone: no evidence against the subject's
    assert text_twin_doubt("Về việc chuyến đơn của công dân", body.replace("xã chuyển", "xã chuyên")) is None


def test_the_pair_is_flagged_and_kept_through_extract() -> None:
    head = [*HEAD[:5], [(400, "Về việc chuyến đơn của công dân")],
            [(100, "Ủy ban nhân dân xã chuyển đơn đến các trường học để giải quyết.")]]
    meta = _extract(_page(head + FOOT))
    assert meta.subject.value == "Về việc chuyến đơn của công dân" and "subject" in meta.needs_review
    assert "written 'chuyển đơn' elsewhere" in (meta.subject.review or "")
