"""A date whose day or month was read as one no calendar has is flagged when it is repaired (session 47,
coordinator; :attr:`archivist.dates.DateMatch.guessed`). Sealed AT398's civil extract ``ngày 37 tháng 7 năm 2009``
(truth ``27``): the digit table turns ``37`` into ``31`` (``7`` for ``1``), the one real date among its
readings, and the date and the event date were stored ``2009-07-31`` at 0.735 unflagged, while the engine's own
second glyph for the ``3`` was a ``2``. faded47's held-out 418 birth extract ``26/97/1996`` (truth 1986-07-26) was
stored ``1996-07-26`` unflagged the same way. The repair is kept (it is often right: a typed ``tháng 16`` for
``10``), but the grammar chose it, not the pixels, so a person confirms it."""

from __future__ import annotations

from datetime import date

from archivist.dates import find_dates
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page


def test_an_impossible_day_or_month_repaired_says_it_is_a_guess() -> None:
    day = find_dates("ngày 37 tháng 7 năm 2009")[0]
    assert day.value == date(2009, 7, 31) and day.repaired
    assert day.guessed is not None and "day was read as 37" in day.guessed and "31" in day.guessed
    month = find_dates("ngày 9 tháng 16 năm 2010")[0]
    assert month.value == date(2010, 10, 9) and "month was read as 16" in (month.guessed or "")
    assert find_dates("26/97/1996")[0].guessed is not None


def test_a_date_read_as_written_or_with_letters_for_digits_is_no_guess() -> None:
    assert find_dates("ngày 27 tháng 7 năm 2009")[0].guessed is None
    letters = find_dates("ngày 2O tháng 7 năm 2009")[0]  # O for 0: the shape, not the calendar, decides
    assert letters.repaired and letters.guessed is None and letters.value == date(2009, 7, 20)
    assert find_dates("ngày 55 tháng 7 năm 2009") == []  # no reading a date: no date at all


def _xnhn(date_line: str, birth: str):
    rows = [[(100, "UBND HUYỆN PHỔ YÊN"), (900, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")],
            [(100, "UBND XÃ TIÊN PHONG"), (900, "Độc lập - Tự do - Hạnh phúc")],
            [(100, "Số: 210/TLKS-BS"), (900, f"Tiên Phong, {date_line}")], [(500, "TRÍCH LỤC KHAI SINH")],
            [(100, "Họ, chữ đệm, tên: TẠ MỸ MAI")], [(100, f"Ngày, tháng, năm sinh: {birth}")],
            [(100, "Nơi sinh: xã Tiên Phong, huyện Phổ Yên")],
            [(1000, "TM. ỦY BAN NHÂN DÂN")], [(1000, "CHỦ TỊCH")], [(1000, "Vũ Văn Đạt")]]
    return _extract(_page(rows))


def test_through_extract_the_repaired_date_and_event_date_are_flagged_and_kept() -> None:
    meta = _xnhn("ngày 37 tháng 7 năm 2009", "26/97/1996")
    fields = meta.fields()
    assert fields["date"].value == "2009-07-31" and "date" in meta.needs_review
    assert "no calendar has" in (fields["date"].review or "")
    assert fields["event_date"].value == "1996-07-26" and "event_date" in meta.needs_review
    plain = _xnhn("ngày 27 tháng 7 năm 2009", "26/07/1986")
    assert plain.fields()["date"].value == "2009-07-27" and "date" not in plain.needs_review
    assert plain.fields()["event_date"].value == "1986-07-26" and "event_date" not in plain.needs_review


def test_the_header_date_of_a_decision_is_flagged_too() -> None:
    rows = [*HEAD[:3], [(100, "Số: 118/TB-UBND"), (1000, "Quỳnh Hậu, ngày 2 tháng 16 năm 2016")], *HEAD[4:]] + FOOT
    meta = _extract(_page(rows))
    assert meta.date.value == "2016-10-02" and "date" in meta.needs_review
