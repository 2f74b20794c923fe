"""Review flags, twenty-fifth round (issue 14 item 9): seed 32's wrong date stored without a flag, a letter whose
place-date line lost its ``năm`` to the OCR (``hänw``) stored with its meeting's date from the body. The
place-date line's day and month say otherwise; a date that agrees with them is left alone."""

from __future__ import annotations

from archivist.agreement import date_line_doubt
from archivist.chardoubt import phrase_read_otherwise
from tests.test_flag_evidence import _extract, _page

FOOT = [[(100, "Nơi nhận:"), (1000, "TM. ỦY BAN NHÂN DÂN")], [(100, "- Như trên;"), (1000, "CHỦ TỊCH")],
        [(100, "- Lưu: VT, VP.")], [(1000, "Tạ Thanh Lan")]]


def _invitation(year_word: str):
    rows = [[(100, "UBND HUYỆN LẤP VÒ")], [(100, "ỦY BAN NHÂN DÂN XÃ VĨNH THẠNH")],
            [(100, "Số: 57/GM-UBND"), (1000, f"Xã Vĩnh Thạnh, ngày 04 tháng 5 {year_word} 2021")],
            [(600, "GIẤY MỜI")], [(400, "Dự hội nghị tổng kết phong trào năm 2021")],
            [(100, "Thời gian: 01 buổi, bắt đầu từ 07 giờ 00 phút, ngày 09 tháng 4 năm 2021.")]]
    return _extract(_page(rows + FOOT))


def test_a_date_the_place_date_line_contradicts_is_flagged():
    assert date_line_doubt("2021-04-09", "Xã Vĩnh Thạnh, ngày 04 tháng 5 hänw 2021\nngày 09 tháng 4") is not None
    assert date_line_doubt("2021-05-04", "Xã Vĩnh Thạnh, ngày 04 tháng 5 năm 2021\nngày 09 tháng 4") is None
    assert date_line_doubt("2021-05-04", "no place-date line here") is None


def test_the_invitation_whose_year_word_is_misread_has_its_date_flagged_or_agrees():
    m = _invitation("hänw")
    if m.date.value not in (None, "2021-05-04"):  # here the header's unread date line already says so
        assert "date" in m.needs_review
    ok = _invitation("năm")
    assert ok.date.value == "2021-05-04"
    assert "place-date line" not in (ok.date.review or "")


class _Text:
    """A page as phrase_read_otherwise reads it: its text."""

    def __init__(self, text: str) -> None:
        self.text = text


def test_a_phrase_written_again_with_another_word_keeps_the_letter_doubt():
    # HG32 speckle-23: ``vụ Đồng Xuân`` (rival ``ô`` 18 points behind) while ``đồng`` is read in ``Hội đồng``
    # and the body writes the season again as ``Pönh Xuân``: the word read elsewhere does not answer the doubt
    subject = "Về việc giao chỉ tiêu sản xuất nông nghiệp vụ Đồng Xuân năm 2014"
    page = [_Text(f"{subject}\nHội đồng nhân dân xã\nĐiều 1. Giao chỉ tiêu vụ Pönh Xuân năm 2014")]
    assert phrase_read_otherwise("Đồng", subject, page)
    same = [_Text(f"{subject}\nHội đồng nhân dân xã\nĐiều 1. Giao chỉ tiêu vụ Đồng Xuân năm 2014")]
    assert not phrase_read_otherwise("Đồng", subject, same)
    assert not phrase_read_otherwise("Đồng", subject, [_Text(f"{subject}\nHội đồng nhân dân xã")])
