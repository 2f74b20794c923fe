"""A register's event date outside its book's year (seventy-second round of issue 14 item 9).

Why: a register book (``SỔ ĐĂNG KÝ KHAI SINH``, ``Quyển số: 02/2008``) holds one year's registrations, and an
event registered in it happened that year or, a birth late in December registered in January, the year before.
AT90's register read its first entry's birth date ``23/08/2006`` for ``2008`` at 0.853: the digit read surely,
nothing else on the page doubting it. On the fit basis (seeds 22-80, 87-90, HG47) registers' event dates read
right lay in the book's year or the year before (17 the year before), none further; the one further (two years
before) is that misread. Extracts citing a book are left alone: their right dates too kept to the window (21 the
year before), but an extract of a late registration may cite an event years before its book, and the 6 misread ones
out of it there were flagged already. A book's own year read wrong: 16 wrong books, all flagged already.

A late registration (đăng ký khai sinh quá hạn) in a real register would be sent to review by this: a flag, no
value changed; the generated sets hold none.
"""

from __future__ import annotations

from .dates import iso_date
from .fields import Field


def book_year_doubt(event_year: int, book_year: int) -> str | None:
    """Why a register's event date of ``event_year`` is doubtful in a book of ``book_year``: it is neither that
    year nor the year before (a year digit misread in one of the two)."""
    if event_year in (book_year, book_year - 1):
        return None
    return f"event year {event_year} in a register book of {book_year}: its events are of that year or the one before"


def flag_book_year(event: Field | None, book_year: int | None) -> None:
    """Mark a register's event date for review when its year is out of its book's (:func:`book_year_doubt`);
    ``book_year``: the register's book year (:func:`archivist.confirmations.register_year`), None on any other
    document. Flags only: the value and its confidence are kept."""
    day = iso_date(event.value) if event is not None else None
    if event is None or day is None or book_year is None or event.review:
        return
    event.review = book_year_doubt(day.year, book_year)
