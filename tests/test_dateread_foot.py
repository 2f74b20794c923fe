"""A civil extract's place-and-date line at its foot is read again like a letter's header date (dates46, issue 14
item 9). Session 46's one wrong value stored unflagged on the sealed pair was a faded birth extract's foot date
(``Bình Minh, ngày 5 tháng 1 năm 2003`` stored for 2009); these tests pin that the page stage finds that line's box,
the box extract's date field takes, so the year's and the day's second readings judge it (bench/RESULTS.md, "The
date read again at a civil extract's foot (session 46, dates46)")."""

from __future__ import annotations

from archivist.dateread import date_box
from archivist.ocrtext import PageText
from tests.test_flag_evidence import _extract, _page

#: a birth extract (Bản sao) as the generator lays it out, its place-and-date line at the foot with no ``Xã``
EXTRACT = [[(100, "UBND HUYỆN VŨNG LIÊM"), (1000, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")],
           [(100, "ỦY BAN NHÂN DÂN"), (1000, "Độc lập - Tự do - Hạnh phúc")], [(100, "XÃ BÌNH MINH")],
           [(100, "Số: 12/TLKS-BS")], [(600, "TRÍCH LỤC KHAI SINH")], [(650, "(BẢN SAO)")],
           [(100, "Họ, chữ đệm, tên: NGUYỄN VĂN AN")],
           [(100, "Ngày, tháng, năm sinh: 13/09/2001; ghi bằng chữ: Ngày mười ba, tháng chín,")],
           [(100, "Ngày, tháng, năm đăng ký: 09/10/2001")], [(100, "Quyển số: 02/2001")], [(100, "Số: 53")],
           [(1000, "Bình Minh, ngày 5 tháng 1 năm 2003")], [(1000, "NGƯỜI KÝ TRÍCH LỤC")],
           [(1000, "Lâm Thành Huy")]]
#: the foot line's date (``ngày 5 tháng 1 năm 2003``) as the test page's word boxes give it
FOOT_BOX = [1150, 540, 1462, 570]


def _reading(read: str, scan: str) -> dict:
    return {"box": FOOT_BOX, "words": [{"text": "2003", "box": [1406, 540, 1462, 570], "read": read, "scan": scan}]}


def test_the_page_stage_finds_the_extracts_foot_date_as_extract_does() -> None:
    page = _page(EXTRACT)
    assert date_box(1, page.words or []) == FOOT_BOX
    assert _extract(page).date.bbox == tuple(FOOT_BOX)


def test_the_foot_date_read_again_as_another_year_is_flagged_and_kept() -> None:
    base = _page(EXTRACT)
    wrong = _extract(PageText(1, base.text, base.words, (), base.rivals, None, [], _reading("2009", "2009")))
    assert wrong.date.value == "2003-01-05"  # never changed
    assert wrong.date.review == "the date's '2003' read again gave 2009 and 2009"
    for read, scan in (("2003", "2009"), ("2009:", "2009:")):  # one agrees; a mark taken in is no clean reading
        meta = _extract(PageText(1, base.text, base.words, (), base.rivals, None, [], _reading(read, scan)))
        assert meta.date.value == "2003-01-05" and meta.date.review is None, (read, scan)
