"""The document's date field: which line holds it (the place-and-date line, in the header or, on petitions and
certificates, the last one; else the first date of the text), the year read back through the OCR's digit
confusions when it cannot be a record's, and why a person should look (the header's date line unread, a
form's labelled date taken for the document's).

Kept apart from :mod:`archivist.extract` because choosing the date is a step of its own, with its own
candidates and confidences; extract calls :func:`placedate` once (the issuer's place shares that line) and
:func:`date_field`, and then runs the date's flags (:mod:`archivist.datecheck`, :mod:`archivist.agreement`).
"""

from __future__ import annotations

import re
from datetime import date

from .dates import DateMatch, digit_variants, find_dates
from .fields import Field, make_field, missing
from .layout import DocLayout, Line, Seg, split_line
from .ocrtext import _fold

#: a register's first entry date in its book's year: as sure as a place-and-date line outside the header
REGISTER_DATE_BASE = 0.85

MIN_YEAR = 1900


def _plausible(d: date) -> bool:
    return MIN_YEAR <= d.year <= date.today().year + 1


def _repair_year(d: date, years: set[int]) -> tuple[date, float] | None:
    """An implausible year read back through Tesseract's digit confusions (``2066`` for ``2006``): the
    one plausible reading, surer when the document writes that year elsewhere. Either way for review."""
    cands = {int(y) for y in digit_variants(str(d.year))}
    good = sorted(y for y in cands if MIN_YEAR <= y <= date.today().year + 1)
    seen = [y for y in good if y in years]
    pick, conf = (seen[0], 0.6) if len(seen) == 1 else (good[0], 0.45) if len(good) == 1 else (None, 0.0)
    if pick is None:
        return None
    try:
        return d.replace(year=pick), conf
    except ValueError:
        return None


def placedate(doc: DocLayout) -> Seg | None:
    """The ``<place>, ngày …`` line: in the header, or (petitions, certificates) the last one in the document."""
    if doc.header.placedate is not None:
        return doc.header.placedate
    for page in reversed(doc.pages):
        for ln in reversed(page):
            if "ngay" in ln.folded:
                segs = [s for s in split_line(ln) if s.role == "placedate" and s.place]
                if segs:
                    return segs[0]
    return None


#: the word before a date that is a form's labelled field (``năm sinh: 05/06/1995``, ``đăng ký: 14/07/1995``), not
#: a place-and-date line's ``ngày``: a date after a label's colon, with no place before it, is the form's field
#: (a birth extract's header run on into its fields on a skewed page took the birth date: HG28, at 0.95)
_LABEL_LEAD = re.compile(r"^(?!ng\S{0,3}:)\w{2,}:$")

#: a date in the header's lines, however misread: ``ngày 03``, ``ngày.2ỗ`` (a speck for the space), ``tháng 01-năm``
_HEADER_DATE = re.compile(r"\bngay\W{0,2}\d|\bthang\s*\d{1,2}\W{0,2}nam\b")


#: a day or month read as one digit in a box this many of the year's digits wide lost a digit: over the stored
#: date lines of session 46's runs (70 one-digit days), every right one was 0.83-1.03 digits wide, the two wrong
#: ones (``ngày 2`` for ``ngày 20``, ``ngày 1`` for ``ngày 11``, typed, unflagged) 2.03 and 1.88
WIDE_DIGIT = 1.5


def lost_digit(line: Line, dm: DateMatch) -> str | None:
    """Why a written date (``ngày 2 tháng 7 năm 2007``) may have lost a digit: its day or month reads as one digit
    in a box about two of its year's digits wide (a worn typed ``0`` of ``20`` the OCR left out, the box kept)."""
    if dm.style != "text":
        return None
    spans = [(line.text[a:b], bx) for a, b, bx, _ in line.spans if a < dm.end and b > dm.start]
    year = next((bx for t, bx in reversed(spans) if re.fullmatch(r"\d{4}\W?", t)), None)
    digit = (year[2] - year[0]) / 4 if year is not None else 0
    if digit <= 0:
        return None
    for (t, bx), (nxt, _) in zip(spans, spans[1:], strict=False):
        if re.fullmatch(r"\d", t) and (bx[2] - bx[0]) >= WIDE_DIGIT * digit:
            part = "day" if _fold(nxt).startswith("th") else "month"
            return f"the {part} reads one digit ('{t}') in a box two digits wide: a digit may be lost"
    return None


def date_field(doc: DocLayout, pd: Seg | None, years: set[int], book: int | None) -> Field:
    """The document's date: its place-and-date line's, else the first date of its text (``book``: a register's
    year, :func:`archivist.confirmations.register_year`, whose first entry's date is the register's)."""
    cands: list[tuple[float, Line, DateMatch]] = []
    if pd is not None and pd.date is not None:
        cands.append((0.95 if pd is doc.header.placedate else 0.85, pd.line, pd.date))
    else:
        for ln in doc.pages[0][doc.header.end:] if doc.pages else []:
            f = ln.folded.strip()
            if f.startswith("can cu") or re.search(r"\bso\s*\d", f):
                continue
            if found := find_dates(ln.text):
                base = 0.8 if f.startswith(("hom nay", "thoi gian", "vao hoi")) else \
                    REGISTER_DATE_BASE if found[0].value.year == book else 0.55  # a register's first entry
                cands.append((base, ln, found[0]))
                break
    for base, line, dm in cands[:1]:
        d, repaired = dm.value, dm.repaired
        if not _plausible(d):
            fixed = _repair_year(d, years)
            d, base, repaired = (fixed[0], fixed[1], True) if fixed else (d, 0.3, repaired)
        f = make_field(d.isoformat(), base, line, dm.start, dm.end, repaired)
        unread = pd is not None and line is not pd.line or pd is None and any(
            _HEADER_DATE.search(ln.folded) for ln in doc.pages[0][:doc.header.end])
        f.review = "the header's date line was not read; this date is from the text" if unread else None
        if f.review is None:
            f.review = dm.guessed or lost_digit(line, dm)
        if pd is not None and line is pd.line and pd.place is None and _LABEL_LEAD.search(pd.lead):
            f.review = f"the date follows a form's label ('{pd.lead}'), not a place and 'ngày': a field of the form"
        return f
    return missing()
