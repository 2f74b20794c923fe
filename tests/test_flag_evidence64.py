"""Review flags, sixty-fourth round (issue 14 item 9): sealed seed 76's slips the engine was sure of. HG76
typewriter-12 cv-221's issuer ``ỦY BAN NHÂN DÂN XẾ YÊN THỊNH`` for ``XÃ`` (a level word that is none, at 0.769),
faded-13 khai-sinh-140's register book ``92/1994`` for ``02/1994`` (a faded ``0`` read ``9``, at 0.828) and
typewriter-11 qd-123's subject ``thành Lập Ban chỉ đạo`` (a word capitalised from its second syllable, at 0.868).
Flagged, never changed."""

from __future__ import annotations

import pytest

from archivist.civil import book_count_doubt, book_doubt, register_book_doubt
from archivist.slipflags import inner_capital_doubt
from archivist.structflags import body_doubt, level_word_doubt
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page, _with_subject
from tests.test_flag_evidence20 import _register


@pytest.mark.parametrize("value", ["ỦY BAN NHÂN DÂN XẾ YÊN THỊNH", "ỦY BAN NHÂN DÂN XA QUỲNH HẬU",
                                   "HỘI ĐỒNG NHÂN DÂN XỂ MỸ LỘC", "UBND HUYỀN QUỲNH LƯU"])
def test_a_head_written_whole_before_no_level_word_is_doubted(value: str) -> None:
    reason = level_word_doubt(value)
    assert reason is not None and "level word" in reason, value
    assert body_doubt(value) == reason, value  # the other body checks pass these


@pytest.mark.parametrize("value", ["ỦY BAN NHÂN DÂN XÃ YÊN THỊNH", "ỦY BAN NHÂN DÂN PHƯỜNG ĐÚC",
                                   "ỦY BAN NHÂN DÂN THỊ TRẤN CẦU GIÁT", "HỘI ĐỒNG NHÂN DÂN XÃ MỸ LỘC",
                                   "UBND HUYỆN QUỲNH LƯU", "UBND THỊ XÃ HOÀNG MAI", "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN",
                                   "UBND THÀNH PHỐ VINH", "ỦY BAN NHÂN DÂN", "ĐẢNG ỦY XÃ QUỲNH HẬU",
                                   "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM XÃ QUỲNH HẬU"])
def test_a_level_word_or_another_body_is_not_doubted(value: str) -> None:
    assert level_word_doubt(value) is None, value


def test_the_targets_issuer_is_flagged_through_extract_and_kept() -> None:
    head = [HEAD[0], HEAD[1], [(100, "XẾ QUỲNH HẬU")], *HEAD[3:]]
    meta = _extract(_page(head + FOOT))
    assert meta.issuer.value == "ỦY BAN NHÂN DÂN XẾ QUỲNH HẬU" and "issuer" in meta.needs_review
    assert "'XẾ'" in (meta.issuer.review or "")
    plain = _extract(_page(HEAD + FOOT))
    assert plain.issuer.value == "ỦY BAN NHÂN DÂN XÃ QUỲNH HẬU" and plain.issuer.review is None


@pytest.mark.parametrize("book", ["92/1994", "63/1998", "50/2024", "125/2020"])
def test_a_book_numbered_fifty_or_more_in_its_year_is_doubted(book: str) -> None:
    assert book_doubt(book) is None  # the shape is right: the number is what is doubted
    assert "0 misread" in (book_count_doubt(book) or "") and register_book_doubt(book) == book_count_doubt(book)


@pytest.mark.parametrize("book", ["02/1994", "1/2009", "49/2020", "02/201", "9"])
def test_a_book_numbered_under_fifty_or_of_no_shape_is_not_doubted_for_its_count(book: str) -> None:
    assert book_count_doubt(book) is None
    assert register_book_doubt(book) == book_doubt(book)


def test_the_targets_book_is_flagged_through_extract_and_kept() -> None:
    faded = _register("92/2024")
    assert faded.fields()["book"].value == "92/2024" and "book" in faded.needs_review
    assert "0 misread" in (faded.fields()["book"].review or "")
    whole = _register("02/2024")
    assert whole.fields()["book"].value == "02/2024" and whole.fields()["book"].review is None


@pytest.mark.parametrize("subject", ["Về việc thành Lập Ban chỉ đạo phòng, chống thiên tai năm 2005",
                                     "V/v tăng cường công tác quản Lý đất đai",
                                     "Phòng, chống dịch Bệnh trên đàn gia súc"])
def test_a_word_capitalised_from_its_second_syllable_is_doubted(subject: str) -> None:
    assert "second syllable capitalised" in (inner_capital_doubt(subject) or ""), subject


@pytest.mark.parametrize("subject", ["Về việc thành lập Ban Chỉ đạo phòng, chống thiên tai năm 2005",
                                     "Tình hình phát triển kinh tế - xã Hội An năm 2020",  # a commune's name
                                     "Về việc chuyển đơn của bà Hoàng Thị Lan", "Về việc lịch trực Tết Nguyên đán",
                                     "Dự hội nghị tổng kết tại xã Kim Sơn", "Về việc Thành Lập tổ công tác"])
def test_a_name_or_a_word_in_one_case_is_not_doubted(subject: str) -> None:
    assert inner_capital_doubt(subject) is None, subject


def test_the_targets_subject_is_flagged_through_extract_and_kept() -> None:
    subject = "Về việc thành Lập Ban chỉ đạo phòng, chống thiên tai năm 2016"
    meta = _extract(_page(_with_subject(subject)))
    assert meta.subject.value == subject and "subject" in meta.needs_review
    assert "'thành Lập'" in (meta.subject.review or ""), meta.subject.review
    plain = _extract(_page(_with_subject("Về việc thành lập Ban Chỉ đạo phòng, chống thiên tai năm 2016")))
    assert "subject" not in plain.needs_review
