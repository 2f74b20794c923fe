"""Review flags, twentieth round (issue 14 item 9): right values flagged only for their words' low OCR confidence,
where a second reading on another line confirms them (archivist/confirmations.py). The issuer named alike by
the place line, the authority Decree 30 puts above the position read below it, a register's date (its first
entry's, in its book's year), each against the same page where the second reading disagrees or is itself weak."""

from __future__ import annotations

from datetime import date

from archivist.confirmations import authority_agrees, register_year
from archivist.datecheck import date_doubt
from tests.test_flag_evidence import FOOT, _extract, _page

HEAD = [[(100, "UBND HUYỆN QUỲNH LƯU")], [(100, "ỦY BAN NHÂN DÂN XÃ QUỲNH HẬU")],
        [(100, "Số: 118/TB-UBND"), (1000, "{place}, ngày 21 tháng 3 năm 2016")], [(600, "THÔNG BÁO")],
        [(400, "Về việc lịch trực Tết Nguyên đán năm 2016")],
        [(100, "Ủy ban nhân dân xã thông báo để các cơ quan, đơn vị được biết.")]]


def _notice(place: str = "Quỳnh Hậu", conf: dict[str, float] | None = None, foot=FOOT):
    rows = [[(x, t.format(place=place)) for x, t in row] for row in HEAD] + foot
    return _extract(_page(rows, conf=conf))


def test_an_issuer_the_place_line_names_alike_is_confirmed():
    # HG27 typewriter-11: the issuer's words at 30-60 on a typed page, the place line read surely: 0.673 before
    weak = {"NHÂN": 20.0}
    m = _notice(conf=weak)
    iss = m.fields()["issuer"]
    assert iss.value == "ỦY BAN NHÂN DÂN XÃ QUỲNH HẬU" and iss.confidence == 0.9 and "issuer" not in m.needs_review
    other = _notice(place="Quỳnh Hưng", conf=weak)  # the place names another commune: no confirmation
    assert "issuer" in other.needs_review
    unsure = _notice(conf=weak | {"Hậu,": 20.0})  # the place line read as weakly: no second reading to lean on
    assert "issuer" in unsure.needs_review


def test_an_issuer_with_a_mark_the_place_line_lacks_is_not_confirmed():
    m = _notice(place="Quỳnh Hâu", conf={"NHÂN": 20.0})
    assert "issuer" in m.needs_review


def test_an_authority_is_confirmed_by_the_position_it_signs_with():
    # HG27 typewriter-07: ``KT. GHỦ TỊCH`` read weakly above ``PHÓ CHỦ TỊCH``
    assert authority_agrees("KT.", "PHÓ CHỦ TỊCH") and authority_agrees("TM.", "CHỦ TỊCH")
    assert not authority_agrees("TM.", "PHÓ CHỦ TỊCH") and not authority_agrees("KT.", "CHỦ TỊCH")
    m = _notice(conf={"TM.": 20.0})
    assert m.fields()["authority"].value == "TM." and "authority" not in m.needs_review
    foot = [[(100, "Nơi nhận:"), (1000, "TM. ỦY BAN NHÂN DÂN")], [(100, "- Như trên;"), (1000, "PHÓ CHỦ TỊCH")],
            [(100, "- Lưu: VT, TC.")], [(1000, "Hà Hữu Thắng")]]
    deputy = _notice(conf={"TM.": 20.0}, foot=foot)  # a deputy under TM.: not the pair Decree 30 prints
    assert "authority" in deputy.needs_review


REGISTER = [[(100, "UBND HUYỆN THỌ XUÂN"), (900, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")],
            [(100, "ỦY BAN NHÂN DÂN"), (900, "Độc lập - Tự do - Hạnh phúc")], [(100, "XÃ XUÂN TRƯỜNG")],
            [(500, "SỔ ĐĂNG KÝ KHAI SINH")], [(500, "Quyển số: {book}")],
            [(100, "Số: 175")], [(100, "Ngày, tháng, năm đăng ký: 16/01/2024")],
            [(100, "Họ, chữ đệm, tên: PHẠM THỊ TUYẾT; Giới tính: Nữ")], [(100, "Số: 176")],
            [(100, "Ngày, tháng, năm đăng ký: 18/01/2024")],
            [(100, "Họ, chữ đệm, tên: CHÂU ĐỨC PHONG; Giới tính: Nam")]]


def _register(book: str):
    return _extract(_page([[(x, t.format(book=book)) for x, t in row] for row in REGISTER]))


def test_a_registers_date_in_its_books_year_is_its_first_entrys():
    # HG22-HG27 tables: the first entry's date at 0.54 (a date from the text), every one right
    m = _register("02/2024")
    d = m.fields()["date"]
    assert d.value == "2024-01-16" and d.confidence > 0.8 and "date" not in m.needs_review
    other = _register("02/2023")  # a book of another year: the date is no entry of it, so still a guess
    assert other.fields()["date"].value == "2024-01-16" and "date" in other.needs_review


def test_a_register_is_told_by_its_title():
    lines = ["quyen so: 02/2024"]
    assert register_year("SỔ ĐĂNG KÝ KHAI SINH", lines) == 2024
    assert register_year("TRÍCH LỤC KHAI SINH", lines) is None  # HG27 speckle-22: an extract's date is its own
    assert register_year("SỔ ĐĂNG KÝ KHAI SINH", ["so: 175"]) is None


def test_another_entrys_registration_date_does_not_contradict_a_registers():
    # AT22 07-so-khai-sinh: entry 194 registered 16/06/2009, the register's (entry 193's) date 13/06/2009
    texts = ["Ngày, tháng, năm đăng ký: 13/06/2009", "Số: 194", "Ngày, tháng, năm đăng ký: 16/06/2009"]
    today = date(2026, 1, 1)
    assert date_doubt(date(2009, 6, 13), texts, today)  # on a certificate: one digit apart, for review
    assert date_doubt(date(2009, 6, 13), texts, today, register=True) is None


def test_a_subject_the_body_restates_is_confirmed():
    # HG27 twocol-38: an invitation's subject over two lines at 0.608, restated whole in its body
    from archivist.confirmations import restated
    text = ("GIẤY MỜI\nDự hội nghị tổng kết phong trào Toàn dân\nđoàn kết xây dựng đời sống văn hóa năm 2008\n"
            "Ủy ban nhân dân xã Cẩm Thạch trân trọng kính mời:\nTới dự hội nghị tổng kết phong trào Toàn dân đoàn kết "
            "xây dựng đời sống văn\nhóa năm 2008.\n")
    assert restated("Dự hội nghị tổng kết phong trào Toàn dân đoàn kết xây dựng đời sống văn hóa năm 2008", text)
    assert not restated("Dự hội nghị tổng kết phong trào Toàn dân", text)  # its second line lost: a piece
    assert not restated("đoàn kết xây dựng đời sống văn hóa năm 2008", text)  # its first line lost
    assert not restated("Dự hội nghị tổng kết phong trào Toàn dân đoàn kết xây dựng đời sống văn hóa năm 2006", text)
    assert not restated("Giấy mời", "GIẤY MỜI\nGiấy mời.")  # too short to tell


INVITATION = [[(100, "UBND HUYỆN CẨM XUYÊN")], [(100, "ỦY BAN NHÂN DÂN XÃ CẨM THẠCH")],
              [(100, "Số: 82/GM-UBND"), (1000, "Cẩm Thạch, ngày 22 tháng 1 năm 2008")], [(600, "GIẤY MỜI")],
              [(400, "Dự hội nghị sơ kết công tác quý III năm 2008")],
              [(100, "Ủy ban nhân dân xã Cẩm Thạch trân trọng kính mời:")],
              [(100, "- Đại diện lãnh đạo Công an xã;")], [(100, "{body}")]] + FOOT


def test_an_invitations_subject_restated_in_its_body_is_not_flagged_for_a_weak_word():
    # HG23 clean-01: the subject at 0.689 (a plain opening, 0.75, and 'III' at 80), restated in the body
    weak = {"III": 40.0}
    said = _extract(_page([[(x, t.format(body="Tới dự hội nghị sơ kết công tác quý III năm 2008."))
                            for x, t in row] for row in INVITATION], conf=weak))
    assert said.fields()["subject"].value == "Dự hội nghị sơ kết công tác quý III năm 2008"
    assert "subject" not in said.needs_review
    unsaid = _extract(_page([[(x, t.format(body="Thời gian: 01 buổi, ngày 02 tháng 01 năm 2008."))
                              for x, t in row] for row in INVITATION], conf=weak))
    assert "subject" in unsaid.needs_review
