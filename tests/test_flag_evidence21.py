"""Review flags, twenty-first round (issue 14 item 9): seed 28's wrong values stored without a flag, each with
what on the page says it is wrong: a date that is a form's labelled field (not a place-and-date line), a
secretary's block taken while a second signer's name stands beside it, a subject's year that is the date's with
one digit misread. Each against the same page where that evidence is absent."""

from __future__ import annotations

from archivist.agreement import subject_year_slip
from tests.test_flag_evidence import _extract, _page

HEAD = [[(100, "UBND HUYỆN ĐÔNG TRIỀU")], [(100, "ỦY BAN NHÂN DÂN XÃ KIM SƠN")],
        [(100, "Số: 95/KH-UBND"), (1000, "Kim Sơn, ngày 12 tháng 4 năm 2010")], [(600, "KẾ HOẠCH")],
        [(400, "Triển khai công tác chuyển đổi số trên địa bàn xã năm {year}")],
        [(100, "Thực hiện Kế hoạch số 45/KH-UBND ngày 07 tháng 4 năm 2010 của Ủy ban nhân dân huyện.")],
        [(100, "{body}")]]
FOOT = [[(100, "Nơi nhận:"), (1000, "TM. ỦY BAN NHÂN DÂN")], [(100, "- Như trên;"), (1000, "CHỦ TỊCH")],
        [(100, "- Lưu: VT, VP.")], [(1000, "Phạm Đức Dũng")]]


def _plan(year: str, body: str = "Báo cáo kết quả về Ủy ban nhân dân xã."):
    return _extract(_page([[(x, t.format(year=year, body=body)) for x, t in row] for row in HEAD] + FOOT))


def test_a_subjects_year_one_misread_digit_from_the_dates_is_flagged():
    # HG28 typewriter-07: ``năm 2019`` for ``năm 2010`` on a typed plan dated 2010, at 0.72 and unflagged
    m = _plan("2019")
    assert m.subject.value.endswith("năm 2019") and "subject" in m.needs_review
    assert "digit misread" in (m.subject.review or "")
    assert "subject" not in _plan("2010").needs_review
    repeated = _plan("2019", "Kế hoạch thực hiện trong năm 2019 trên địa bàn xã.")  # the body names the year too
    assert "subject" not in repeated.needs_review


def test_a_year_next_to_the_dates_or_no_confusion_of_it_says_nothing():
    text = "Triển khai … năm {y}"
    assert subject_year_slip("Kế hoạch tuyển quân năm 2019", 2018, text.format(y=2019)) is None  # next year's plan
    assert subject_year_slip("Báo cáo tổng kết năm 2018", 2019, text.format(y=2018)) is None  # last year's report
    assert subject_year_slip("Quy hoạch đến năm 2020", 2010, text.format(y=2020)) is None  # 2 is no misread 1
    assert subject_year_slip("Kế hoạch năm 2019", 2010, text.format(y=2019)) is not None
    assert subject_year_slip("Kế hoạch năm 2919", 2010, text.format(y=2919)) is None  # impossible: the date's rule


MINUTES = [[(100, "UBND HUYỆN NHƠN TRẠCH")], [(100, "ỦY BAN NHÂN DÂN XÃ PHƯỚC THIỀN")],
           [(100, "Số: 195/BB-UBND"), (1000, "Phước Thiền, ngày 11 tháng 8 năm 2008")], [(600, "BIÊN BẢN")],
           [(400, "Họp Ban Chỉ đạo phòng, chống thiên tai xã")],
           [(100, "Chủ trì: bà Vũ Thanh Phượng, Chủ tịch Ủy ban nhân dân xã.")],
           [(100, "Thư ký: ông Võ Quang Tâm, công chức Tư pháp - Hộ tịch.")],
           [(100, "Biên bản đã được đọc lại cho các thành viên dự họp cùng nghe và nhất trí thông qua./.")],
           [(300, "THƯ KÝ"), (1200, "CHỦ TỌA")], [], [(260, "Võ Quang Tâm"), (1150, "Vũ Thanh Phượng")]]


def test_a_secretarys_block_with_a_second_signers_name_beside_it_is_flagged():
    # HG28 typewriter-09: the chair's ``CHỦ TỌA`` read at 93 and 0, dropped as a seal's specks; ``THƯ KÝ`` taken
    m = _extract(_page(MINUTES, conf={"TỌA": 0.0}))
    assert m.signer.value == "Võ Quang Tâm" and m.signer_position.value == "THƯ KÝ"
    assert {"signer", "signer_position"} <= set(m.needs_review)
    assert "second signer's name" in (m.signer.review or "")
    read = _extract(_page(MINUTES))  # the chair's position read: the chair's block is taken, no doubt
    assert read.signer.value == "Vũ Thanh Phượng" and read.signer_position.value == "CHỦ TỌA"
    assert "second signer's name" not in (read.signer.review or "")
    alone = _extract(_page(MINUTES[:-3] + [[(300, "THƯ KÝ")], [], [(260, "Võ Quang Tâm")]]))
    assert "second signer's name" not in (alone.signer.review or "")  # no second column: nothing says so


EXTRACT = [[(100, "UBND HUYỆN CHÂU THÀNH"), (900, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")],
           [(100, "ỦY BAN NHÂN DÂN"), (900, "Độc lập - Tự do - Hạnh phúc")], [(100, "XÃ LONG HƯNG")],
           [(100, "Số: 02/TLKS-BS")], [(500, "TRÍCH LỤC KHAI SINH:")], [(500, "(BẢN SAO)")],
           [(100, "-Họ, chữ đệm, tên: LÊ NGỌC THẢO")],  # a speck before it: no body line
           [(100, "Ngày, tháng, năm sinh: 05/06/1995; ghi bằng chữ: Ngày năm, tháng sáu")],
           [(100, "Giới tính: Nữ; Dân tộc: Kinh; Quốc tịch: Việt Nam")],
           [(100, "Ngày, tháng, năm đăng ký: 14/07/1995")], [(100, "Quyển số: 03/1995")],
           [(700, "Long Hưng, ngày 22 tháng 01 năm 2019")], [(700, "NGƯỜI KÝ TRÍCH LỤC")], [(700, "Trần Thị Yến")]]


def test_a_date_after_a_forms_label_is_no_place_and_date_line():
    # HG28 speckle-20: a skewed extract's header ran on into its fields and took the birth date, at 0.95
    m = _extract(_page(EXTRACT))
    # the birth date, as sure as the header's (0.95, by its words read at 95: the date's own words since flags38)
    assert m.date.value == "1995-06-05" and m.date.confidence == round(0.95 * (0.5 + 0.5 * 0.95), 3)
    assert "date" in m.needs_review and "form's label" in (m.date.review or "")
    placed = [row if "sinh:" not in row[0][1] else [(100, "Long Hưng, ngày 22 tháng 01 năm 2019")]
              for row in EXTRACT]  # the place-and-date line where the birth date's stood: no doubt
    p = _extract(_page(placed))
    assert p.date.value == "2019-01-22" and "form's label" not in (p.date.review or "")
