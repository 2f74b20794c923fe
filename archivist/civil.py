"""Civil-status records (hộ tịch): the registered person, the date of the event, the register book
and the entry number, read from the labelled lines of the forms (``Họ, chữ đệm, tên:``,
``Ngày, tháng, năm sinh:``, ``Quyển số:``, ``Số đăng ký:``).

Birth and death forms carry the event's own date; for marriage, recognition of parentage and the
other records the event is the registration, whose date the form gives or, failing it, the issue date.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .classify import Classification
from .dates import DateMatch, find_dates
from .fields import Field, clean, make_field
from .highland import is_highland, known, name_case
from .layout import DocLayout
from .lexicon import LETTERS
from .marks import MarkRestorer
from .numsym import SLASH_MARKS, is_known_part
from .ocrtext import Line
from .partyflags import other_party_doubt
from .registers import first_row_fields
from .signwords import is_name, split_names
from .speckdrop import drop_specks
from .tokens import OCR_DIGITS

_NAME_LABEL = re.compile(r"(?:^|\s)(?:ho\W{0,3}chu\s*dem\W{0,3}(?:va\s*)?ten|ho\s*va\s*ten|ho\s*ten)"
                         r"(?:\s*nguoi\s*(?:chet|duoc\s*nhan(?:\s*la\s*(?:cha|me|con))?|duoc\s*giam\s*ho|yeu\s*cau))?"
                         r"\s*[:;]\s*")
#: On a recognition of parentage the record is about the person recognised, named after the one recognising.
_RECOGNISED = re.compile(r"nguoi\s*duoc\s*nhan")
_NEXT_LABEL = re.compile(r"\s(gioi tinh|dan toc|quoc tich|ngay, thang|sinh ngay|nam sinh|noi sinh|noi cu tru|"
                         r"so dinh danh)|\s{3,}")
_EVENT_LABELS = {
    "Khai sinh": re.compile(r"ngay,?\s*thang,?\s*nam\s*sinh|sinh\s*ngay|ngay\s*sinh"),
    "Khai tử": re.compile(r"ngay,?\s*thang,?\s*nam\s*chet|ch[ea]t\s*vao\s*luc|ngay\s*chet|da\s*chet"),  # chất: OCR
}
_REGISTERED = re.compile(r"ngay,?\s*thang,?\s*nam\s*dang\s*ky|ngay\s*dang\s*ky")
#: a register book is numbered ``NN/YYYY`` (``Quyển số: 01/2020``; so the bench's truth, every set): its value
#: ends on a digit, so a full stop or dash after it (a speck, or the line's punctuation: ``02/2014.``) is not its
_BOOK = re.compile(r"quyen\s*so\s*[:.]?\s*(?P<v>[0-9ol](?:[0-9ol/.\-]*[0-9ol])?)")
#: the shape a register book's value takes, ``NN/YYYY``: its year in four digits after the slash. Every book read
#: right on the fit basis has it (298 of seeds 22-50); ``02/201`` for ``02/2013`` (HG50 ket-hon-8) lost a digit
#: of the year, the engine sure of the rest (bench/RESULTS.md, "Flags, fortieth round (session 28)")
BOOK_SHAPE = re.compile(r"\d{1,3}/\d{4}")
#: a labelled entry (``Số: 179``, ``Số đăng ký: 12``); not a number whose slash was read as a mark before its code
#: (``Số: 44'TLKS-BS``, the extract's own number: HG102 khai-sinh-179's entry was taken from it, ``44`` for ``179``)
_ENTRY = re.compile(r"^\W*s\S{0,2}\s*[:.]\s*(?P<v>[0-9ol]{1,6})(?!\s*[0-9/])(?!\s?" + SLASH_MARKS + r"\s?[a-z])"
                    r"|\bso\s*(?:dang\s*ky|thu\s*tu)\s*[:.]?\s*(?P<w>[0-9ol]{1,6})")

#: Records whose only event is their own issue: a certificate of marital status (Xác nhận tình trạng hôn
#: nhân) certifies a state on the day it is signed, so its issue date IS the event's date, not a stand-in
#: for a registration date the form failed to give (marriage, recognition: there the fallback is a guess
#: and is discounted). Its event date is exactly as sure as its date (fit sets, seeds 10-22: all ten agree).
ISSUE_IS_EVENT = frozenset({"Xác nhận tình trạng hôn nhân"})
#: Codes written alone in a number, no issuer part after them: the commune's certificate register numbers
#: ``N/XNTTHN`` (every XNTTHN in the fit sets, seeds 10-22); an extract (``TLKS``) is written ``TLKS-BS``,
#: so its code alone is still a number that lost a part.
BARE_CODES = frozenset({"XNTTHN", "XNHN"})
#: Records whose register entry IS their own number: the commune numbers each certificate of marital status
#: by its entry in the certificate register (``Số: 10/XNTTHN``; no ``Số đăng ký`` line on the form), so the
#: number is no guess at the entry there, as it is on an extract (``73/TLKS-BS``, entry 209: HG20). Fit sets,
#: seeds 10-23: all eleven certificates' entries so taken were right, flagged at 0.47 by the guess's 0.5.
NUMBER_IS_ENTRY = frozenset({"Xác nhận tình trạng hôn nhân"})
#: how sure a labelled entry (``Số đăng ký: 125``) or a number that is the entry is before its words' confidence
ENTRY_BASE = 0.85


def _value(ln: Line, m: re.Match[str], group: str, base: float) -> Field:
    """The digits of ``group`` in ``ln`` (OCR letters read back as digits), as a field."""
    a, b = m.start(group), m.end(group)
    return make_field(ln.text[a:b].translate(OCR_DIGITS), base, ln, a, b)


def _date_value(d: DateMatch, ln: Line, at: int, following: Line | None) -> Field:
    """The event's date ``d``, found in ``ln.text[at:]`` and the line after: as sure as the words that write
    it. Why not the whole line: a birth form's line writes the date twice, in digits and in words (``Ngày,
    tháng, năm sinh: 30/09/2001; ghi bằng chữ: Ngày ba mươi, …``); a weak word of the words' half (``mươi,``
    at 15 on a clean page, HG23) judged the digits read at 96, and right dates were flagged for it."""
    rest = len(ln.text) - at
    if d.end <= rest:
        f = make_field(d.value.isoformat(), 0.9, ln, at + d.start, at + d.end, repaired=d.repaired)
    elif following is not None and d.start > rest:
        f = make_field(d.value.isoformat(), 0.9, following, d.start - rest - 1, d.end - rest - 1,
                       repaired=d.repaired)
    else:
        f = make_field(d.value.isoformat(), 0.9, ln, repaired=d.repaired)  # across the two lines: both judge it
    f.review = d.guessed
    return f


def book_doubt(value: str) -> str | None:
    """Why a register book is doubtful: it is not a number and a four-digit year (``02/201``): a digit of the
    year, or the year itself, was lost in the reading, and which one cannot be told from the value."""
    if BOOK_SHAPE.fullmatch(value):
        return None
    return f"'{value}' is no register book's number/year (NN/YYYY): a digit of it was lost"


#: a register book's number in its year (``Quyển số: 02/1994``) at or above which it is doubted: a commune opens
#: its books of each register from 01 each year, and fifty in a year would be tens of thousands of registrations
#: of one kind; the books read right on the fit basis are 01-03 (the bench's truth), the wrong ones 62-93
MANY_BOOKS = 50


def book_count_doubt(value: str) -> str | None:
    """Why a register book is doubtful: its number is MANY_BOOKS or more (``92/1994``), a faded or typed leading
    ``0`` read ``6``, ``8`` or ``9`` (sealed seed 76: HG76 faded-13 khai-sinh-140's ``92/1994`` for ``02/1994`` at
    0.828). On the fit basis (seeds 22-74, 76 and HG47) 11 books were numbered 50 or more, all wrong (10 flagged by
    other checks, a faint page's weak word or an impossible year), none right (bench/RESULTS.md, "Flags,
    sixty-fourth round (session 31)")."""
    number = value.split("/", 1)[0]
    if BOOK_SHAPE.fullmatch(value) and int(number) >= MANY_BOOKS:
        return f"book {number} of its year: no commune fills {MANY_BOOKS} books of a register a year; a 0 misread"
    return None


def entry_doubt(text: str, start: int, end: int) -> str | None:
    """Why a labelled entry (``Số: 4G``; its digits ``text[start:end]``) is doubtful: its digits run on into a
    letter in the same word, so the word is no number, as a register table's entry cell that is not one is doubted
    (:mod:`archivist.registers`): a digit was read as a letter (``G`` for ``6``) and the entry took the digits
    before it. Letters that are a document's code (``Số: 176XNTTHN``, a certificate's number whose slash was lost,
    as :mod:`archivist.numsym` reads ``185DA-UBND``) are no digit misread. AT62 ket-hon-46's ``4`` for ``46`` at
    0.802 was stored unflagged so; on the fit basis (seeds 22-80, 87-91, 96 and HG47) no right labelled entry's
    word goes on into letters other than a code (bench/RESULTS.md, "Flags, seventy-ninth round (session 32)")."""
    word = text[end:].split(maxsplit=1)[0] if text[end:end + 1].isalpha() else ""
    letters = LETTERS.match(word)
    if letters is None or is_known_part(letters.group(0)):
        return None
    return f"entry number '{text[start:end]}{word}' is not a number: a digit may be read as a letter"


#: a line that is ``Số`` and a number alone, its label's colon or stop lost (``Số 3``)
_BARE_ENTRY = re.compile(r"^\W*so\s+\d{1,6}\W*$")


def unlabelled_entry(lines: list[Line]) -> Field | None:
    """The entry, not found, for review where a line before the form's first name label reads ``Số`` and a number
    alone: the entry's line with its colon lost, which :data:`_ENTRY` does not take (``Số: 3`` read ``Số 3``, seed
    198 speckle-08-ket-hon-3 on a speckled page: no entry and no flag). The value stays unread (None): which number
    the page prints only a person can tell, but the missing entry now says where to look. None without such a
    line."""
    for ln in lines:
        if _NAME_LABEL.search(ln.folded):
            return None
        if _BARE_ENTRY.match(ln.folded.strip()):
            return Field(None, 0.0, ln.page, ln.box(), ln.text,
                         review=f"no entry read; the line '{ln.text.strip()}' may hold it, its colon lost")
    return None


def register_book_doubt(value: str) -> str | None:
    """The first of this module's reasons that doubts a register book's value, or None."""
    return book_doubt(value) or book_count_doubt(value)


def civil_fields(doc: DocLayout, cls: Classification, issued: Field, restore: MarkRestorer,
                 entries: list[dict] | None = None) -> dict[str, Field]:
    """``person``, ``event_date``, ``book`` and ``entry`` of a civil-status record; ``issued`` is its
    issue date, the event's date when the form gives none; ``entries``: the rows of a register printed as a
    table (archivist/registers.py), whose first row gives what the labelled lines do not."""
    lines = [ln for page in doc.pages for ln in page]
    out: dict[str, Field] = {}
    recognised = [ln for ln in lines if _RECOGNISED.search(ln.folded) and _NAME_LABEL.search(ln.folded)]
    for ln in recognised + lines:
        folded = ln.folded
        if "person" not in out and (m := _NAME_LABEL.search(folded)):
            stop = _NEXT_LABEL.search(folded, m.end())
            end = stop.start() if stop else len(folded)
            part, dropped = drop_specks(ln.sub(m.end(), end))
            names = split_names(clean(part.text))
            value = restore.restore("; ".join(names))
            if value.isupper():  # forms print the name in capitals; the archive files it as a name is written
                value = name_case(value)
            sure = is_name(names[0]) and (not is_highland(names[0]) or known(names[0]))  # Y Bih Niê: words listed
            out["person"] = make_field(value, 0.85 if sure else 0.6, ln, m.end(), end)
            at = next(i for i, other in enumerate(lines) if other is ln)  # a party's block above: not the first
            out["person"].review = other_party_doubt(m.group(0), [other.folded for other in lines[:at]])
            if dropped:  # a speck read as a mark of its own beside the name (``Huỳnh Văn Long ˆ``)
                out["person"].changes, out["person"].read = dropped, ln.text[m.end():end].strip()
        if "book" not in out and (m := _BOOK.search(folded)):
            out["book"] = _value(ln, m, "v", 0.85)
        if "entry" not in out and (m := _ENTRY.search(folded)):
            group = "v" if m.group("v") else "w"
            out["entry"] = _value(ln, m, group, ENTRY_BASE)
            out["entry"].value = str(int(out["entry"].value))
            out["entry"].review = entry_doubt(ln.text, m.start(group), m.end(group))
    for name, f in first_row_fields(entries or [], cls.type not in _EVENT_LABELS).items():
        out.setdefault(name, f)
    number = doc.header.number
    if "entry" not in out and number and number.number:  # the extract's own number: a guess, for review
        sure = ENTRY_BASE if cls.type in NUMBER_IS_ENTRY else 0.5
        out["entry"] = make_field(number.number.value.number, sure, number.line)
    if "entry" not in out and (bare := unlabelled_entry(lines)) is not None:
        out["entry"] = bare  # flags137: not found, but the page shows where it may stand
    label = _EVENT_LABELS.get(cls.type, _REGISTERED)
    for i, ln in enumerate(lines if "event_date" not in out else []):  # a register's first row gave it
        if m := label.search(ln.folded):
            after = ln.text[m.end():] + " " + (lines[i + 1].text if i + 1 < len(lines) else "")
            if found := find_dates(after):
                out["event_date"] = _date_value(found[0], ln, m.end(), lines[i + 1] if i + 1 < len(lines) else None)
                break
    if "event_date" not in out and cls.type not in _EVENT_LABELS and issued.value:
        sure = 1.0 if cls.type in ISSUE_IS_EVENT else 0.55
        out["event_date"] = replace(issued, confidence=round(issued.confidence * sure, 3))
    return out
