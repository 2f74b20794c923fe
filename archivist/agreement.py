"""Review flags where two readings on one page that must agree do not (issue 14 item 9, tenth round).

Why: the values left wrong and unflagged on the bench were read with the engine sure of every mark
(``22/2069/QĐ-UBND`` at 0.95, ``2008-10-24`` at 0.92), so no confidence catches them. The page itself
often says the same thing twice, and where the two disagree one of them was misread:

- a number and symbol with a year in it (``22/2009/QĐ-UBND``, Decree 30's form of a legal document's
  number) carries the year the document was issued: a year no record can carry there (``2069``) is a
  misread digit, and a year that is not the date's (read back through the digit confusions when it is
  impossible) says the number or the date was misread. A person can tell which; the code cannot, so both
  are flagged.
"""

from __future__ import annotations

import re
from datetime import date

from .crosscheck import possible_year
from .dates import digit_variants
from .fields import Field

#: ``22/2009/QĐ-UBND``: the number, the year, the symbol (the form the record stores)
_NUMBER_YEAR = re.compile(r"^[^/]+/(?P<y>\d{4})/")


def _year_of(f: Field | None) -> int | None:
    if f is None or not isinstance(f.value, str):
        return None
    try:
        return date.fromisoformat(f.value).year
    except ValueError:
        return None


def number_year_doubt(number_symbol: str, year: int | None) -> tuple[str | None, str | None]:
    """Why the number and symbol, and why the document's date of ``year``, are doubtful given the year
    inside the number (None, None when it holds none or both agree)."""
    m = _NUMBER_YEAR.match(number_symbol)
    if m is None:
        return None, None
    y = m.group("y")
    possible = possible_year(y)
    number = None if possible else f"the year {y} inside the number is not possible"
    if year is None:
        return number, None
    years = {y} if possible else {v for v in digit_variants(y) if possible_year(v)}
    if str(year) in years:
        return number, None
    said = y if possible else f"{y} (read back: {', '.join(sorted(years)) or 'none'})"
    why = f"the number's year {said} is not the date's {year}: one of the two was misread"
    return number or why, why


def flag_number_year(found: dict[str, Field]) -> None:
    """Mark the number and the date for review when the year inside the number disagrees (:func:`number_year_doubt`)."""
    ns = found.get("number_symbol")
    if ns is None or not isinstance(ns.value, str):
        return
    number, date_why = number_year_doubt(ns.value, _year_of(found.get("date")))
    for f, why in ((ns, number), (found.get("number"), number), (found.get("symbol"), number),
                   (found.get("date"), date_why)):
        if f is not None and why and f.value not in (None, "", []) and not f.review:
            f.review = why

