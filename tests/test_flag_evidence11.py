"""Review flags, eleventh round (issue 14 item 9): seed 18's wrong values that had no flag. A place spelled with
other marks than the commune the text names (``Đồng Sơn`` for ``xã Đông Sơn``, both real units), a signer the
text names as the other party's representative (an agreement signed side by side), a number whose ``9`` is a
typed ``0`` while the engine weighed ``9`` for the ``0`` of the date on the same line, and ``khác phục`` read
for the phrase ``khắc phục``. Each on a small document with the slip and without it, which must stay unflagged."""

from __future__ import annotations

from archivist.agreement import flag_disagreeing, line_digit_doubt, place_twin_doubt, signer_party_doubt
from archivist.classify import PageText
from archivist.extract import extract
from archivist.fields import Field
from tests.test_flag_evidence import FOOT, _extract, _page

PETITION = ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nĐƠN ĐĂNG KÝ, CẤP GIẤY CHỨNG NHẬN\n"
            "QUYỀN SỬ DỤNG ĐẤT\nKính gửi: Ủy ban nhân dân huyện Thủy Nguyên.\n1. Người sử dụng đất:\n"
            "1.1. Tên: bà ĐINH BÍCH LINH, sinh năm 1974;\n"
            "1.3. Địa chỉ thường trú: thôn Trung, xã Đông Sơn, huyện Thủy Nguyên, tỉnh Hải Phòng.\n"
            "Tôi xin cam đoan nội dung kê khai trên đơn là đúng sự thật.\n{place}, ngày 12 tháng 7 năm 2006\n"
            "NGƯỜI VIẾT ĐƠN\nĐinh Bích Linh")


def _place(place: str) -> Field:
    return extract([PageText(1, PETITION.format(place=place))]).fields()["place"]


def test_a_place_spelled_otherwise_than_the_commune_the_text_names_is_flagged():
    f = _place("Đồng Sơn")
    assert f.value == "Đồng Sơn" and "'Đông Sơn' spell one name two ways" in f.review
    assert _place("Đông Sơn").review is None


def test_a_twin_that_no_unit_has_is_the_misread_one_and_does_not_flag_the_place():
    assert place_twin_doubt("Phước Thiền", ["ấp 3, xã Phước Thiên, huyện Nhơn Trạch"]) is None  # no unit Phước Thiên
    assert place_twin_doubt("Xã Đồng Sơn", ["thôn Trung, xã Đồng Sơn, huyện Nam Trực"]) is None  # the same spelling
    assert place_twin_doubt("Xã Đồng Sơn", ["thôn Trung, xã Đông Sơn"]) is not None


AGREEMENT = ["BÊN A: ỦY BAN NHÂN DÂN XÃ HẢI XUÂN", "Đại diện: Bà Đỗ Diệu Hạnh; chức vụ: Chủ tịch Ủy ban nhân dân xã.",
             "BÊN B: HỘI CỰU CHIẾN BINH XÃ", "Đại diện: Bà Đặng Ngọc Tuyết; chức vụ: Chủ tịch."]
ISSUER = "ỦY BAN NHÂN DÂN XÃ HẢI XUÂN"


def test_a_signer_named_the_other_partys_representative_is_flagged_the_issuers_is_not():
    assert "representative of 'HỘI CỰU CHIẾN BINH XÃ'" in signer_party_doubt("Đặng Ngọc Tuyết", ISSUER, AGREEMENT)
    assert signer_party_doubt("Đỗ Diệu Hạnh", ISSUER, AGREEMENT) is None
    assert signer_party_doubt("Đặng Ngọc Tuyết", None, AGREEMENT) is None  # no issuer: no party to tell
    assert signer_party_doubt("Hà Hữu Thắng", ISSUER, ["Hà Hữu Thắng"]) is None  # no parties at all


def test_flag_disagreeing_marks_the_signer_and_leaves_the_others():
    found = {"signer": Field("Đặng Ngọc Tuyết", 0.88), "issuer": Field(ISSUER, 0.86),
             "place": Field("Xã Hải Xuân", 0.88)}
    flag_disagreeing(found, ["\n".join(AGREEMENT)], [])
    assert found["signer"].review and found["place"].review is None


def _numbered(rivals: dict[str, tuple]):
    head = [[(100, "UBND HUYỆN THĂNG BÌNH")], [(100, "ỦY BAN NHÂN DÂN")], [(100, "XÃ BÌNH MINH")],
            [(100, "Số: 219/BC-UBND"), (1000, "Bình Minh, ngày 8 tháng 6 năm 2010")], [(600, "BÁO CÁO")],
            [(400, "Kết quả công tác cải cách hành chính năm 2010")],
            [(100, "Ủy ban nhân dân xã báo cáo kết quả như sau: đạt 90% kế hoạch năm 2010.")]]
    return _extract(_page(head + FOOT, rivals=rivals)).fields()


def test_a_digit_the_numbers_line_weighed_for_another_flags_the_number():
    f = _numbered({"2010": ((1, "9", 87.4, 76.0),)})  # the date's 0 nearly read 9: the number's 9 may be a 0
    assert f["number_symbol"].value == "219/BC-UBND"
    assert "nearly read '9' for '0' in '2010'" in f["number_symbol"].review
    assert _numbered({"2010": ((1, "8", 87.4, 76.0),)})["number_symbol"].review is None  # 8: no digit of 219
    assert _numbered({})["number_symbol"].review is None


def test_line_digit_doubt_wants_a_held_digit_within_the_margin():
    assert line_digit_doubt("219/BC-UBND", [("2010", ((1, "9", 87.4, 76.0),))])
    assert line_digit_doubt("219/BC-UBND", [("2010", ((1, "9", 90.0, 50.0),))]) is None  # 40 points behind
    assert line_digit_doubt("219/BC-UBND", [("2010", ((1, "7", 87.4, 86.0),))]) is None  # 7: not in 219
    assert line_digit_doubt("18/2019/QĐ-UBND", [("2010", ((3, "9", 87.4, 86.0),))]) is None  # the year part: not judged


def test_khac_phuc_read_with_the_wrong_tone_is_read_back_as_the_phrase():
    doc = ("UBND HUYỆN CHỢ GẠO\nỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH\nSố: 182/CĐ-UBND\nXã Hòa Bình, ngày 7 tháng 9 năm 2007\n"
           "CÔNG ĐIỆN\nVề việc tập trung {w} hậu quả mưa lũ tại thôn Phú Xuân\n"
           "Chủ tịch Ủy ban nhân dân xã điện: Trưởng các thôn, ấp.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nPhạm Tiến Tài")
    for read in ("khác phục", "khắc phục"):
        subject = extract([PageText(1, doc.format(w=read))]).fields()["subject"]
        assert subject.value == "Về việc tập trung khắc phục hậu quả mưa lũ tại thôn Phú Xuân"


def test_line_digit_doubt_says_a_rule_set_the_digit_and_ignores_a_rival_equal_to_it():
    """Session 45: a rival of the digit's own weight is the first reading a page rule replaced; one equal to the digit
    read is no other reading."""
    assert line_digit_doubt("219/BC-UBND", [("2010", ((1, "9", 87.4, 87.4),))]) == \
        "on the number's line the digit '0' of '2010' was read '9' and set by its glyph"
    assert line_digit_doubt("219/BC-UBND", [("2010", ((2, "1", 87.4, 80.0),))]) is None  # '1' for '1'
