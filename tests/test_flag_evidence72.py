"""Review flags, seventy-second round (issue 14 item 9): sealed seed 90's register ``SỔ ĐĂNG KÝ KHAI SINH``,
``Quyển số: 02/2008``, its first entry's birth date read ``23/08/2006`` for ``2008`` (AT90 16-2 so-khai-sinh
tan-phu, 0.853). A register book holds one year's events (a December birth registered in January: the year
before); an event date out of that window is flagged, never changed."""

from __future__ import annotations

import pytest

from archivist.bookyear import book_year_doubt, flag_book_year
from archivist.fields import Field
from tests.test_flag_evidence import _extract, _page


@pytest.mark.parametrize(("event", "book"), [(2006, 2008), (2009, 2008), (2663, 2003), (1998, 2008)])
def test_an_event_out_of_its_books_year_is_doubted(event: int, book: int) -> None:
    assert f"event year {event}" in (book_year_doubt(event, book) or "")


@pytest.mark.parametrize(("event", "book"), [(2008, 2008), (2007, 2008)])  # 17 right ones the year before
def test_an_event_of_its_books_year_or_the_one_before_is_not(event: int, book: int) -> None:
    assert book_year_doubt(event, book) is None


def test_only_a_register_is_judged_and_nothing_changes() -> None:
    f = Field("2006-08-23", 0.853)
    flag_book_year(f, None)  # an extract, or no book read: no year to hold it to
    assert f.review is None
    flag_book_year(f, 2008)
    assert "register book of 2008" in (f.review or "") and f.value == "2006-08-23" and f.confidence == 0.853
    earlier = Field("2006-08-23", 0.853, review="an earlier reason")
    flag_book_year(earlier, 2008)
    assert earlier.review == "an earlier reason"
    flag_book_year(Field(None, 0.0), 2008)  # no date stored: nothing to judge
    flag_book_year(None, 2008)


REGISTER = [[(100, "UBND HUYỆN ĐỊNH QUÁN"), (900, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")],
            [(100, "ỦY BAN NHÂN DÂN"), (900, "Độc lập - Tự do - Hạnh phúc")], [(100, "XÃ TÂN PHÚ")],
            [(500, "SỔ ĐĂNG KÝ KHAI SINH")], [(500, "Quyển số: 02/2008")],
            [(100, "Số: 60")], [(100, "Ngày, tháng, năm đăng ký: 04/10/2008")],
            [(100, "Họ, chữ đệm, tên: ĐÀO ĐỨC TÙNG; Giới tính: Nam")],
            [(100, "Ngày, tháng, năm sinh: {born}")]]


def _register(born: str):
    return _extract(_page([[(x, t.format(born=born)) for x, t in row] for row in REGISTER]))


def test_the_targets_register_through_extract_is_flagged_and_kept() -> None:
    meta = _register("23/08/2006")
    ev = meta.fields()["event_date"]
    assert ev.value == "2006-08-23" and "event_date" in meta.needs_review
    assert "register book of 2008" in (ev.review or ""), ev.review
    right = _register("23/08/2008")
    assert right.fields()["event_date"].value == "2008-08-23" and right.fields()["event_date"].review is None
    december = _register("28/12/2007")
    assert december.fields()["event_date"].review is None
