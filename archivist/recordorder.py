"""A civil-status form's own date set before a date the form records, as a review flag (issue 14 item 9, session 47).

Why: on session 46's sealed HG329 faded-13-khai-sinh-158 the extract's date was stored ``2003-01-05`` for
``2009-01-05`` (0.807, unflagged): a faded ``9`` read ``3``, the engine sure of it, the box read again gave ``2003``
twice, and the year is written once. No confidence and no second reading can catch such a slip; the form's order
can when the slip moves the date back past what the form records. A civil-status extract or certificate is issued
from its register: the birth or death it records (``Ngày, tháng, năm sinh: …``), the registration (``Ngày, tháng,
năm đăng ký: …``) and the register book's year (``Quyển số: 01/2009``, Circular 04/2020/TT-BTP numbers each book by
its year) all come on or before the day the paper is signed. A date before any of them is one of the two misread;
both are sent to review (the date, and the event date or book when the record stores them), the values kept.

A register's leaf is dated by its first entry, and its later entries are registered (and may be born) after that
day: a form with more than one registration date, or under a register's heading (``SỔ ĐĂNG KÝ KHAI SINH``), is left
to :mod:`archivist.bookyear`. A date a form names ahead (``có giá trị sử dụng 6 tháng``) carries none of these labels.
"""

from __future__ import annotations

import re
from datetime import date

from .dates import find_dates, iso_date
from .fields import Field
from .ocrtext import _fold

#: how far before a date its label is looked for (``Ngày, tháng, năm sinh: ``, ``năm đăng ký: ``)
WINDOW = 40
#: the labels of what a form records, on folded text just before the date; the group names what it is
_LABELS = (("born", re.compile(r"(?:nam\s*sinh|sinh\s*ngay|ngay\s*sinh)\W{0,4}$")),
           ("died", re.compile(r"(?:nam\s*chet|ngay\s*chet|chet\s*vao\s*luc|ngay\s*mat)\W{0,4}$")),
           ("registered", re.compile(r"dang\s*ky\W{0,4}$")))
_REGISTER_HEADING = re.compile(r"\bso\s*dang\s*ky\s*(?:khai|ket|nhan|giam|thay)")
_BOOK_YEAR = re.compile(r"^\s*\d{1,3}/(\d{4})\s*$")
_WHAT = {"born": "a birth", "died": "a death", "registered": "a registration"}


def recorded_dates(text: str, today: date | None = None) -> list[tuple[str, date]] | None:
    """The dates a civil form's ``text`` records, each with what it is (``born``, ``died``, ``registered``), in
    order; None for a register's leaf (its heading, or more than one registration), whose entries follow its date.
    Dates after ``today`` are misreads of their own and left out."""
    today = today or date.today()
    joined = " ".join(text.split())
    folded = _fold(joined)
    if _REGISTER_HEADING.search(folded):
        return None
    out: list[tuple[str, date]] = []
    for m in find_dates(joined):
        before = folded[max(0, m.start - WINDOW):m.start]
        what = next((name for name, label in _LABELS if label.search(before)), None)
        if what is not None and m.value <= today:
            out.append((what, m.value))
    if sum(what == "registered" for what, _ in out) > 1:
        return None
    return out


def order_doubt(value: date, text: str, book: str | None = None,
                today: date | None = None) -> tuple[str, str | None] | None:
    """Why a civil form's date ``value`` is in doubt: the form records a birth, death or registration after it, or
    its register book (``book``, ``NN/YYYY``) is of a later year. The reason, and which other stored field
    (``event_date``, ``book``) the slip may be in, if any. ``today``: as :func:`recorded_dates` takes it (the
    caller's day, for a test or a re-run to give the same answer whenever it runs; the clock's when None)."""
    for what, when in recorded_dates(text, today) or []:
        if when > value:
            field = "event_date" if what in ("born", "died") else None
            return (f"the form records {_WHAT[what]} on {when:%d/%m/%Y}, after its own date: one of the two is "
                    "misread", field)
    if book and (m := _BOOK_YEAR.match(book)) and int(m.group(1)) > value.year:
        return (f"the register book {book.strip()} is of a later year than the form's own date: one of the two is "
                "misread", "book")
    return None


def flag_recorded_order(found: dict[str, Field], text: str, today: date | None = None) -> None:
    """Mark for review a civil-status form's date set before what it records (:func:`order_doubt`, ``today`` as it
    takes it), and the stored field it disagrees with; only where ``found`` holds a civil record's fields (a book, an
    entry or an event)."""
    day = found.get("date")
    if day is None or day.review or (value := iso_date(day.value)) is None:
        return
    if not any(found.get(name) is not None and found[name].value for name in ("book", "entry", "event_date")):
        return
    book = found.get("book")
    got = order_doubt(value, text, book.value if book is not None and isinstance(book.value, str) else None, today)
    if got is None:
        return
    day.review, other = got
    twin = found.get(other) if other else None
    if twin is not None and twin.value and not twin.review and twin.value != day.value:
        twin.review = got[0]
