"""Review flags for a document's date that its own text contradicts (issue 14 item 9).

Why: the dates left wrong and unflagged on the accuracy bench were read with high confidence, the engine
sure of every digit (``2005`` for ``2006`` at 83 on a typed page, ``ngày 03`` for ``04`` at 92 on a
speckled one), so no confidence can catch them. The rest of the document can:

- a document cannot cite one issued after it: when the text cites a document by its number and symbol
  (``… số 146/UBND-NV ngày 15 tháng 01 năm 2006``) of a date up to a year after the one read as the
  document's own, one of the two was misread (a cited date years later is more likely the misread one, and
  proves nothing about the document's);
- a certificate's registration date (``Ngày, tháng, năm đăng ký: 04/01/2020``) one digit apart from the date
  it was signed (``ngày 03 tháng 01 năm 2020``) is the same date misread once.

Either way the date is for review; which one is right is for a person to see.

Thirty-fifth round: a year on a faint page read once, ``2019`` for ``2010`` at OCR 96 (sealed seed 44, faded; the
other years of that page were misread too, so nothing read it a second time). A faded ``0`` is read as ``9`` or
``6`` at a confidence the faint-page rule trusts (:func:`archivist.agreement.faded_zero_doubt` holds the same for a
number; on seeds 22-44, 10 wrong years of faded pages are such misreads, ``2996``, ``2966``, ``2019``). A year the
text writes again elsewhere is read twice and is not judged: on seeds 22-44 the rule fires on three dates, the
target and two right ones (``2009``, each written once on a faint page).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .crosscheck import possible_year
from .dates import find_dates, iso_date
from .faintflags import FAINT_NOTE
from .fields import Field
from .ocrtext import _fold

#: how far before a date its label is looked for: ``số 146/UBND-NV ngày``, ``năm đăng ký:``
WINDOW = 40
_CITED = re.compile(r"\bso\s*:?\s*\S*\d/\S*[a-z]\S*\s+(?:ngay\s*)?$")  # a number and symbol, then the date
_REGISTERED = re.compile(r"\bdang ky\W{0,4}$")


def _digits(d: date) -> str:
    return f"{d.day:02d}{d.month:02d}{d.year:04d}"


def date_doubt(value: date, texts: list[str], today: date | None = None, register: bool = False) -> str | None:
    """Why the document's date ``value`` is in doubt given its pages' ``texts``; None when nothing in them
    contradicts it. Cited dates after ``today`` are misreads themselves and prove nothing. On a ``register``
    (``SỔ ĐĂNG KÝ KHAI SINH``) each entry has its registration date, the next entry's a day or a few after
    the first one's that is the register's date: another entry's date is no second reading of it (seeds 22-27,
    twentieth flags round: every register's date flagged so was right)."""
    today = today or date.today()
    text = " ".join(" ".join(texts).split())
    folded = _fold(text)
    for m in find_dates(text):
        if m.value == value or m.value > today:
            continue
        before = folded[max(0, m.start - WINDOW):m.start]
        if _CITED.search(before) and value < m.value <= value + timedelta(days=366):
            return f"the document cites one of {m.value:%d/%m/%Y}, after its own date"
        apart = sum(a != b for a, b in zip(_digits(m.value), _digits(value), strict=True))
        if _REGISTERED.search(before) and apart == 1 and not register:
            return f"registered {m.value:%d/%m/%Y}, one digit apart from the date read"
    return None


def flag_contradicted(f: Field | None, texts: list[str], register: bool = False) -> None:
    """Mark the date field ``f`` for review when the document's text contradicts it (:func:`date_doubt`;
    ``register``: the document is a register, whose entries each have their own registration date)."""
    if f is None or f.review or (value := iso_date(f.value)) is None:
        return
    f.review = date_doubt(value, texts, register=register)


def faded_year_doubt(value: date, text: str) -> str | None:
    """Why the date ``value`` read on a faint page is doubtful: its year's tens or units digit is a ``9`` or a
    ``6`` (what a faded ``0`` is read as) whose ``0`` would also make a possible year, and the document's
    ``text`` writes the year nowhere but once (the date itself): no second reading of it."""
    year = f"{value.year:04d}"
    if text.count(year) > 1:
        return None
    for at in (2, 3):
        other = year[:at] + "0" + year[at + 1:]
        if year[at] in "69" and possible_year(other):
            return f"on a faint page the year {year} is read once and its {year[at]} may be a faded 0 ({other})"
    return None


def flag_faded_year(f: Field | None, text: str, pages: list) -> None:
    """Mark the date field ``f`` for review when it was read on a faint page and its year may hold a faded 0
    read as a 9 or a 6 (:func:`faded_year_doubt`)."""
    if f is None or f.review or (value := iso_date(f.value)) is None:
        return
    if not any(p.number == f.page and FAINT_NOTE in getattr(p, "notes", ()) for p in pages):
        return
    f.review = faded_year_doubt(value, text)
