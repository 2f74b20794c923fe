"""Review flags, fifteenth round (issue 14 item 9): right values flagged for no reason a wrong one shares. A
certificate of marital status (``GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN``) was flagged twice on every page: its event
date, the issue date discounted as a stand-in for a registration date, and its number ``N/XNTTHN``, read as a
number that lost its issuer part. Its event is its issue, and the commune numbers it without an issuer part."""

from __future__ import annotations

from archivist.civil import BARE_CODES, ISSUE_IS_EVENT
from tests.test_flag_evidence import _extract, _page


def _xnhn(code: str = "XNTTHN", title: str = "GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN"):
    rows = [[(100, "UBND HUYỆN HẢI HẬU"), (900, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")],
            [(100, "UBND XÃ HẢI XUÂN"), (900, "Độc lập - Tự do - Hạnh phúc")],
            [(100, f"Số: 43/{code}"), (900, "Hải Xuân, ngày 01 tháng 11 năm 2009")], [(500, title)],
            [(100, "Họ, chữ đệm, tên người được xác nhận: NGUYỄN VĂN BÌNH")],
            [(100, "Ngày, tháng, năm sinh: 12/05/1985")], [(100, "Nơi cư trú: xã Hải Xuân, huyện Hải Hậu")],
            [(100, "Tình trạng hôn nhân: Chưa đăng ký kết hôn với ai.")],
            [(1000, "TM. ỦY BAN NHÂN DÂN")], [(1000, "CHỦ TỊCH")], [(1000, "Phạm Thanh Phong")]]
    return _extract(_page(rows))


def test_a_marital_status_certificates_event_date_is_its_issue_date_as_sure_as_it():
    m = _xnhn()
    assert m.classification.type in ISSUE_IS_EVENT
    f = m.fields()
    assert f["event_date"].value == f["date"].value == "2009-11-01"
    assert f["event_date"].confidence == f["date"].confidence  # not the stand-in's 0.55 of it
    assert "event_date" not in m.needs_review


def test_its_number_written_without_an_issuer_part_is_complete():
    assert "XNTTHN" in BARE_CODES and "TLKS" not in BARE_CODES  # an extract is written TLKS-BS
    m = _xnhn()
    assert m.fields()["number_symbol"].value == "43/XNTTHN"
    assert "number_symbol" not in m.needs_review


def test_an_extracts_code_alone_still_lost_its_part():
    m = _xnhn("TLKS", "TRÍCH LỤC KHAI SINH")
    assert m.fields()["number_symbol"].value == "43/TLKS"
    assert "number_symbol" in m.needs_review


# --- phrases of the lexicon: a wrong mark that still makes a syllable ---------------------------------------

def _subject(text: str) -> str:
    rows = [[(100, "UBND HUYỆN HẢI HẬU"), (900, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")], [(100, "ỦY BAN NHÂN DÂN")],
            [(100, "XÃ HẢI XUÂN"), (900, "Độc lập - Tự do - Hạnh phúc")],
            [(100, "Số: 234/UBND-TC"), (900, "Hải Xuân, ngày 8 tháng 3 năm 2012")], [(100, text)],
            [(300, "Kính gửi: Trưởng các thôn, ấp trên địa bàn xã.")],
            [(100, "Ủy ban nhân dân xã đề nghị các thôn triển khai thực hiện.")],
            [(1000, "TM. ỦY BAN NHÂN DÂN")], [(1000, "CHỦ TỊCH")], [(1000, "Phạm Thanh Phong")]]
    return _extract(_page(rows)).fields()["subject"].value


def test_phi_nong_nghiep_and_dan_van_are_read_back():
    assert _subject("V/v đôn đốc thu nộp thuế sử dụng đất phí nông nghiệp năm 2012").endswith(
        "đất phi nông nghiệp năm 2012")  # HG22: the statutory tax's name
    assert _subject("V/v tăng cường công tác dần vận trên địa bàn xã").startswith("V/v tăng cường công tác dân vận")
