"""Review flags, twenty-sixth round (issue 14 item 9): seed 33's two wrong values stored without a flag. A plan
whose signer was read ``CHỦ TÌ`` (the position's words, ``Chu`` a family name) has its signer flagged for being in
capitals; a contract whose office line under ``ĐẠI DIỆN BÊN A`` was lost has its position flagged by the body's
``chức vụ``. The same pages read whole are left alone."""

from __future__ import annotations

from archivist.signerflags import capitals_name_doubt, office_doubt
from tests.test_flag_evidence import HEAD, _extract, _page


def test_a_name_in_capitals_is_doubted_a_title_case_one_not():
    assert capitals_name_doubt("CHỦ TÌ") is not None
    assert capitals_name_doubt("Dương Diệu Hoa") is None
    assert capitals_name_doubt("TT") is None  # too short to tell a case


def _plan(name: str):
    foot = [[(100, "Nơi nhận:"), (1000, "TM. ỦY BAN NHÂN DÂN")], [(100, "- Như trên;"), (1000, name)],
            [(100, "- Lưu: VT, TC.")]]
    return _extract(_page(HEAD + foot))


def test_a_signer_read_from_the_position_line_is_flagged():
    m = _plan("CHỦ TÌ")  # HG33 seals-36: the position's words taken, the name under it lost to the seal
    assert m.signer.value == "CHỦ TÌ"
    assert "signer" in m.needs_review
    assert "capitals" in (m.signer.review or "")
    ok = _plan("Dương Diệu Hoa")
    assert ok.signer.value == "Dương Diệu Hoa"
    assert "capitals" not in (ok.signer.review or "")


BODY = ["BÊN A: ỦY BAN NHÂN DÂN XÃ QUỲNH HẬU", "Đại diện: Ông Lê Ngọc Quý; chức vụ: Chủ tịch Ủy ban nhân dân xã.",
        "BÊN B: CÔNG TY TNHH XÂY DỰNG LÊ VIỆT", "Đại diện: Ông Hoàng Minh Khánh; chức vụ: Giám đốc."]


def test_a_position_the_body_names_otherwise_is_doubted():
    assert office_doubt("ĐẠI DIỆN BÊN A", "Lê Ngọc Quý", BODY) is not None
    assert office_doubt("CHỦ TỊCH", "Lê Ngọc Quý", BODY) is None
    assert office_doubt("CHỦ TỊCH", "Hoàng Minh Khánh", BODY) is not None
    assert office_doubt("ĐẠI DIỆN BÊN A", "Trần Văn Bình", BODY) is None  # the body names no office for them
    # the office run onto the next line, the marks lost
    assert office_doubt("CHU TICH", "Lê Ngọc Quý", ["Đại diện: Ông Lê Ngọc Quý; chức vụ:", "Chủ tịch UBND xã."]) \
        is None


def _contract(office_line: bool):
    rows = [[(100, "UBND HUYỆN QUỲNH LƯU")], [(100, "ỦY BAN NHÂN DÂN")], [(100, "XÃ QUỲNH HẬU")],
            [(100, "Số: 57/HĐ-UBND"), (1000, "Xã Quỳnh Hậu, ngày 11 tháng 9 năm 2006")], [(600, "HỢP ĐỒNG")],
            [(400, "Về việc thi công xây dựng sân thể thao xã")]] + [[(100, t)] for t in BODY] + \
        [[(100, "Hai bên thống nhất ký kết hợp đồng với các điều khoản sau:")],
         [(100, "ĐẠI DIỆN BÊN B"), (1000, "ĐẠI DIỆN BÊN A")]] + ([[(1000, "CHỦ TỊCH")]] if office_line else []) + \
        [[(100, "Hoàng Minh Khánh"), (1000, "Lê Ngọc Quý")]]
    return _extract(_page(rows))


def test_a_contract_whose_office_line_was_lost_has_its_position_flagged():
    m = _contract(office_line=False)  # AT33 hd-057: the party's heading taken for the position, at 0.83
    assert (m.signer.value, m.signer_position.value) == ("Lê Ngọc Quý", "ĐẠI DIỆN BÊN A")
    assert "signer_position" in m.needs_review
    assert "Chủ tịch" in (m.signer_position.review or "")
    ok = _contract(office_line=True)
    assert (ok.signer.value, ok.signer_position.value) == ("Lê Ngọc Quý", "CHỦ TỊCH")
    assert "Chủ tịch Ủy ban" not in (ok.signer_position.review or "")


def _signed(rivals: dict[str, tuple]):
    foot = [[(100, "Nơi nhận:"), (1000, "TM. ỦY BAN NHÂN DÂN")], [(100, "- Như trên;"), (1000, "CHỦ TỊCH")],
            [(100, "- Lưu: VT, TC.")], [(1000, "Ngô Thùy Vần")]]
    return _extract(_page(HEAD + foot, rivals=rivals))


def test_a_name_whose_letter_the_engine_nearly_read_otherwise_is_flagged():
    # AT26 ggt-112: ``Vần`` for ``Vân``, the engine's ``â`` 29.7 points behind, the name written once
    m = _signed({"Vần": ((1, "â", 84.3, 54.6),)})
    assert m.signer.value == "Ngô Thùy Vần"
    assert "signer" in m.needs_review
    assert "'â' for 'ầ'" in (m.signer.review or "")
    # ``Vần`` is no name, whatever the rivals (flags85, archivist.namerival.spelling_doubt): the cases below check only
    # that the rival is not what flags it
    far = _signed({"Vần": ((1, "â", 94.3, 44.6),)})  # 50 points behind: no doubt from the rival
    assert "'â' for" not in (far.signer.review or "") and "'Vần' is no name" in (far.signer.review or "")
    look_alike = _signed({"Vần": ((1, "ä", 84.3, 80.0),)})  # no Vietnamese letter: a look-alike, no reading
    assert "'ä'" not in (look_alike.signer.review or "") and "'Vần' is no name" in (look_alike.signer.review or "")


def _minutes():
    rows = [[(100, "UBND HUYỆN TIÊN LỮ")], [(100, "ỦY BAN NHÂN DÂN"), (900, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")],
            [(100, "XÃ TIÊN PHONG"), (900, "Độc lập - Tự do - Hạnh phúc")],
            [(100, "Số: 08/BB-UBND"), (1000, "Tiên Phong. ngày 10 tháng 12 năm 2008")], [(600, "BIÊN BẢN")],
            [(400, "Họp xét duyệt hộ nghèo năm 2008")],
            [(100, "Hôm nay, vào lúc 8 giờ 00 phút, ngày 16 tháng 12 năm 2008, tại hội trường Ủy ban nhân dân xã.")]]
    return _extract(_page(rows + [[(1000, "CHỦ TỌA")], [(1000, "Tạ Thanh Lan")]]))


def test_a_body_date_after_a_comma_is_not_taken_for_the_place_date_line():
    # HG23 faded-16 and HG33 typewriter-11: the header's line read with a stop for its comma (or absent), the
    # page's first ``, ngày D tháng M`` a meeting's time in the body; the right date is not flagged for it
    m = _minutes()
    assert m.date.value == "2008-12-10"
    assert "place-date line" not in (m.date.review or "")
