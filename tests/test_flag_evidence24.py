"""Review flags, twenty-fourth round (issue 14 item 9): seed 31's wrong value stored without a flag, a date whose
year is the subject's with one digit misread, while the subject's year is written again in the body and the
date's nowhere else. Against the same page where that evidence is absent."""

from __future__ import annotations

from archivist.agreement import date_year_slip
from tests.test_flag_evidence import _extract, _page

HEAD = [[(100, "UBND HUYỆN CHỢ GẠO")], [(100, "ỦY BAN NHÂN DÂN XÃ HÒA BÌNH")],
        [(100, "Số: 116/KH-UBND"), (1000, "Xã Hòa Bình, ngày 15 tháng 3 năm {date}")], [(600, "KẾ HOẠCH")],
        [(400, "Phòng, chống dịch bệnh trên đàn gia súc, gia cầm năm {subject}")],
        [(100, "Thực hiện Kế hoạch số 153/KH-UBND ngày 13 tháng 3 năm {body} của Ủy ban nhân dân huyện.")]]
FOOT = [[(100, "Nơi nhận:"), (1000, "TM. ỦY BAN NHÂN DÂN")], [(100, "- Như trên;"), (1000, "CHỦ TỊCH")],
        [(100, "- Lưu: VT, VP.")], [(1000, "Mai Phương Loan")]]


def _plan(date: str, subject: str, body: str):
    rows = [[(x, t.format(date=date, subject=subject, body=body)) for x, t in row] for row in HEAD]
    return _extract(_page(rows + FOOT))


def test_a_dates_year_one_misread_digit_from_the_subjects_read_twice_is_flagged():
    # HG31 typewriter-09: ``năm 2019`` for a typed ``2010`` on the date line at 0.93; subject and body read 2010
    m = _plan("2019", "2010", "2010")
    assert m.date.value == "2019-03-15" and "date" in m.needs_review
    assert "digit misread" in (m.date.review or "")
    assert "date" not in _plan("2010", "2010", "2010").needs_review


def test_the_subjects_year_read_once_or_the_dates_read_again_says_nothing_of_the_date():
    assert "date" not in _plan("2019", "2010", "2009").needs_review  # the subject's year nowhere else
    assert "date" not in _plan("2010", "2019", "2010").needs_review  # the date's year written again: the subject's slip
    text = "Xã Hòa Bình, ngày 15 tháng 3 năm {d}\nKế hoạch năm {s}\nThực hiện … năm {s}"
    assert date_year_slip("Kế hoạch năm 2019", 2018, text.format(d=2018, s=2019)) is None  # next year's plan
    assert date_year_slip("Quy hoạch đến năm 2020", 2010, text.format(d=2010, s=2020)) is None  # 2 is no misread 1
    assert date_year_slip("Kế hoạch năm 2010", 2019, text.format(d=2019, s=2010)) is not None
