"""Review flags where two readings on one page that must agree do not (issue 14 item 9, tenth round).

Why: the values left wrong and unflagged on the bench were read with the engine sure of every mark
(``22/2069/QĐ-UBND`` at 0.95, ``2008-10-24`` at 0.92), so no confidence catches them. The page itself
often says the same thing twice, and where the two disagree one of them was misread:

- a number and symbol with a year in it (``22/2009/QĐ-UBND``, Decree 30's form of a legal document's
  number) carries the year the document was issued: a year no record can carry there (``2069``) is a
  misread digit, and a year that is not the date's (read back through the digit confusions when it is
  impossible) says the number or the date was misread. A person can tell which; the code cannot, so both
  are flagged.
- a place is the name of the commune the text names again (``… xã Đông Sơn, huyện Thủy Nguyên``): where the
  two spell it with different marks and both spellings are real units (``Đồng Sơn``, ``Đông Sơn``), one
  was misread and only a person can tell which (eleventh round; the issuer's twin is crosscheck.commune_doubt).
- a signer is the representative the text names for the issuing party (``BÊN A: ỦY BAN NHÂN DÂN XÃ …`` /
  ``Đại diện: Bà …``); a signer that the text names as another party's representative was taken from that
  party's signature block (an agreement signed side by side).
- a digit of the number where the engine, on the same line (the same typeface and ink), weighed that digit
  for another (``2010`` with ``9`` close behind its ``0``): the number's ``9`` may be such a ``0`` too,
  though the engine weighed nothing there (``219/BC-UBND`` for ``210/BC-UBND``, typewriter, 0.95).
- on a faint page, a date on the number's line whose year no document has (``2995``): a faded ``0`` read
  as ``9``; the number's ``6`` or ``9`` may be such a ``0`` (fourteenth round: :func:`faded_zero_doubt`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from difflib import SequenceMatcher
from itertools import pairwise
from typing import Any

from .chardoubt import DIGIT_MARGIN, digit_reason
from .crosscheck import name_key, possible_year, unit_name, unit_names, unmarked_key
from .dates import digit_variants, iso_date
from .faintflags import FAINT_NOTE, value_words, word_tuples
from .fields import Field
from .levelwords import COMMUNE, LEVELS, SHORT, level_opening
from .numsym import is_known_part
from .signerflags import capitals_name_doubt, lost_word_doubt, mixed_case_doubt, office_doubt, position_mark_doubt
from .subjectyear import repeat_year_doubt
from .tokens import SEPARATORS
from .unittail import cut_unit_doubt

#: ``22/2009/QĐ-UBND``: the number, the year, the symbol (the form the record stores)
_NUMBER_YEAR = re.compile(r"^[^/]+/(?P<y>\d{4})/")


def _year_of(f: Field | None) -> int | None:
    d = iso_date(f.value) if f is not None else None
    return d.year if d is not None else None


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
    _mark(number, ns, found.get("number"), found.get("symbol"), filled=True)
    _mark(date_why, found.get("date"), filled=True)


def _mark(why: str | None, *fields: Field | None, filled: bool = False) -> None:
    """Give ``why`` as the review reason of each field that has none yet (``filled``: only of those holding a
    value: a year disagreement says nothing of a field left empty)."""
    for f in fields:
        if f is not None and why and not f.review and not (filled and f.value in (None, "", [])):
            f.review = why


#: a year as a subject writes it: ``công tác 9 tháng đầu năm 2910``
SUBJECT_YEAR = re.compile(r"\bn[aăâ]\S?m\s+(\d{4})\b", re.I)


def subject_year_doubt(subject: str, year: int | None) -> str | None:
    """Why the document's date of ``year`` is doubtful given its subject: the subject names a year no record can
    carry (``năm 2910``, digits misread on the page), read back one digit to possible years (``2010``) that
    are not the date's (``2019``). Thirteenth round: a faded invitation dated ``2019`` for ``2010`` at 0.93,
    whose subject and body read the year ``2910``/``2610``; a subject year that cannot be read back in one
    digit (``2965``) says nothing of which year it was."""
    if year is None:
        return None
    for m in SUBJECT_YEAR.finditer(subject):
        y = m.group(1)
        back = set() if possible_year(y) else {v for v in digit_variants(y) if possible_year(v)}
        if back and str(year) not in back:
            return f"the subject's year {y} (read back: {', '.join(sorted(back))}) is not the date's {year}"
    return None


def _slipped_years(subject: str, year: int | None) -> Iterator[str]:
    """The possible years the subject names that are the date's ``year`` with one digit read for one Tesseract
    confuses it with, more than a year away from it (a plan for the next year, a report on the last, name a year
    one away): one of the two readings slipped; the text says which (:func:`subject_year_slip`,
    :func:`date_year_slip`)."""
    if year is None:
        return
    for m in SUBJECT_YEAR.finditer(subject):
        y = m.group(1)
        if possible_year(y) and abs(int(y) - year) > 1 and y in digit_variants(str(year)):
            yield y


def _units_slipped_years(subject: str, year: int | None) -> Iterator[str]:
    """The possible years the subject names that are the date's ``year`` with its units digit read for any other
    (``2015`` for ``2013``), more than a year away from it. Wider than :func:`_slipped_years` (whose pairs
    Tesseract is known to confuse) for :func:`date_year_slip` alone, where the text writing the subject's year
    again and the date's nowhere else is the evidence, not the pair (thirty-eighth round: HG45 tb-188's ``2013``
    for ``2015``, a speckled page's 5 read 3). Not the tens: a plan to ``năm 2020`` is made in 2010."""
    if year is None:
        return
    for m in SUBJECT_YEAR.finditer(subject):
        y = m.group(1)
        if possible_year(y) and y[:3] == str(year)[:3] and abs(int(y) - year) > 1:
            yield y


def subject_year_slip(subject: str, year: int | None, text: str) -> str | None:
    """Why the subject is doubtful given the document's date of ``year`` and its ``text``: the subject names a
    possible year (``năm 2019``) that is the date's (``2010``) with one digit read for one Tesseract confuses it
    with, more than a year away from it (a plan for the next year, a report on the last, name a year one away),
    and the text writes that year nowhere but in the subject (a year a document is about, its body repeats).
    Twenty-first round: a typed plan dated 2010 whose subject read ``năm 2019`` for ``năm 2010`` at 0.72; on
    seeds 22-28 every subject naming a year one confused digit from its date's was wrong (16, none right)."""
    for y in _slipped_years(subject, year):
        if text.count(y) <= subject.count(y):
            return f"the subject's year {y} is the date's {year} with a digit misread; the text has it nowhere else"
    return None


def date_year_slip(subject: str, year: int | None, text: str) -> str | None:
    """Why the document's date of ``year`` is doubtful given its subject and ``text``: the mirror of
    :func:`subject_year_slip`. The subject names a possible year (``năm 2010``) that is the date's (``2019``)
    with one digit read for one Tesseract confuses it with, more than a year away, and the text writes the
    subject's year again outside the subject while writing the date's year nowhere but in the date: the year
    the document is about is read twice, the date's once, so the date's digit is the likelier slip.
    Twenty-fourth round: a typed plan dated ``2019`` for ``2010`` at 0.93 whose subject and body read ``2010``."""
    mine = str(year)
    for y in dict.fromkeys([*_slipped_years(subject, year), *_units_slipped_years(subject, year)]):
        if text.count(y) > subject.count(y) and text.count(mine) <= 1 + subject.count(mine):
            return f"the subject's year {y}, which the text writes again, is the date's {year} with a digit misread"
    return None


def flag_subject_year(found: dict[str, Field], text: str = "") -> None:
    """Mark the date for review when the subject's misread year reads back to another (:func:`subject_year_doubt`)
    or its own year is the subject's misread (:func:`date_year_slip`), and the subject when its possible year is
    the date's misread (:func:`subject_year_slip`) or the text repeats its words with another year
    (:func:`archivist.subjectyear.repeat_year_doubt`)."""
    d, subj = found.get("date"), found.get("subject")
    if d is None or subj is None or not isinstance(subj.value, str):
        return
    if not d.review:
        d.review = subject_year_doubt(subj.value, _year_of(d)) or date_year_slip(subj.value, _year_of(d), text)
    _mark(subject_year_slip(subj.value, _year_of(d), text) or repeat_year_doubt(subj.value, text), subj, filled=True)


#: the place-date line under the national motto: ``Xã Vĩnh Thạnh, ngày 04 tháng 5 năm 2021`` (a mark or two of
#: noise allowed between its words; its year is left out: a misread ``năm`` is why a date falls back elsewhere)
_PLACE_DATE = re.compile(r",\s*ngày\W{0,2}\s*(\d{1,2})\W{0,2}\s*tháng\W{0,2}\s*(\d{1,2})")


def date_line_doubt(value: object, text: str) -> str | None:
    """Why the date ``value`` is doubtful given the first page's header ``text`` (its lines down to the title):
    its place-date line (``…, ngày D tháng M``) names another day or month. The date is read from that line
    when its ``năm`` is read; when it is not (``hänw``), a date from the body (a meeting's) can be stored with
    nothing to say so. Twenty-fifth round: a letter of ``ngày 04 tháng 5`` stored as its meeting's
    ``2021-04-09`` at 0.85. Only the header is searched (twenty-sixth round): the page's first ``, ngày D tháng
    M`` was a body date where the line has no comma (``Xã Tân Thạnh Đông. ngày 24``) or no place-date line
    stands in the header (minutes: ``… 60 phút, ngày 16 tháng 12``), and two right dates were flagged so."""
    if (d := iso_date(value)) is None or (m := _PLACE_DATE.search(text)) is None:
        return None
    day, month = int(m.group(1)), int(m.group(2))
    if (d.day, d.month) == (day, month):
        return None
    return f"the place-date line reads 'ngày {day} tháng {month}', not the date's {d.day}/{d.month}"


def flag_date_line(found: dict[str, Field], first_page: str) -> None:
    """Mark the date for review when the place-date line of the first page's header (``first_page``: its lines
    down to the title) disagrees with it (:func:`date_line_doubt`)."""
    d = found.get("date")
    if d is not None and not d.review:
        d.review = date_line_doubt(d.value, first_page)


def place_twin_doubt(place: str, texts: Sequence[str]) -> str | None:
    """Why the place is doubtful: a line of the text names a unit (after ``xã``, ``phường`` …) with the
    place's letters but other marks, and the unit lists know both spellings (a spelling no unit has is the
    misread one, and :func:`archivist.crosscheck.unit_doubt` judges the place's)."""
    own = unit_name(re.split(r"[,;(]", place)[0], whole=True)
    twin = _twin(own, texts)
    return f"the place '{own}' and the text's '{twin}' spell one name two ways" if twin else None


def issuer_twin_doubt(issuer: str, texts: Sequence[str]) -> str | None:
    """Why the issuer is doubtful: a line of the text names its unit with its letters but other marks, both
    spellings a unit's (as :func:`place_twin_doubt` for the place). The issuer and the place are restored by one
    vote among the document's spellings, so when the body misreads the name as often as the header reads it
    (AT36: ``XÃ TIÊN PHONG`` read twice at 96, ``TIỀN PHONG`` twice in the parties' lines), both take the
    body's marks, agree with each other, and the issuer-place comparison sees nothing; the header's own reading
    is still in the text."""
    own = unit_name(re.split(r"[,;(]", issuer)[0])
    twin = _twin(own, texts)
    return f"the issuer's '{own}' and the text's '{twin}' spell one name two ways" if twin else None


def _twin(own: str | None, texts: Sequence[str]) -> str | None:
    """A unit named in ``texts`` (after a level word) with ``own``'s letters but other marks, both spellings
    known to the unit lists; None when there is none or ``own`` is no unit's name."""
    known = unit_names()
    if not own or name_key(own) not in known:
        return None
    for line in texts:
        for m in _LEVEL_WORD.finditer(line):
            name = unit_name(re.split(r"[,;(]", line[m.start():])[0])
            if name and unmarked_key(name) == unmarked_key(own) and name_key(name) != name_key(own) \
                    and name_key(name) in known:
                return name
    return None


#: a commune's level word that starts its name in running text
_LEVEL_WORD = level_opening(COMMUNE)
#: every level word and short form, unmarked: a place that opens with one, or a word before the place that is one
_LEVELS = tuple(unmarked_key(w) for w in (*LEVELS, *SHORT))


def place_glue_doubt(place: str, before: str | None) -> str | None:
    """Why a place read without its level word (``Thạnh Lợi``) is doubtful, given the word just before it on its
    line (``before``): that word is no clean number (``104/2096/QĐ-UBNWấã``: the number's code with the
    place's ``Xã`` glued on) nor a level word (``về Hòa Bình``: the ``Xã`` misread), so the place's first word
    may be in it. A clean number before the place (``Số: 227/QĐ-UBND  Hòa Bình``) says nothing."""
    if before is None or unmarked_key(place).startswith(_LEVELS):
        return None
    if "/" in before:
        tail = re.split(r"[-/]", before.rstrip(SEPARATORS))[-1]
        if is_known_part(tail) or not any(c.islower() for c in tail):
            return None
    elif unmarked_key(before).rstrip(".,:") in _LEVELS or not any(c.isalpha() for c in before):
        return None
    return f"the word before the place, '{before}', may hold its first word (the level word not read)"


def _word_before(place: Field, pages: Sequence[Any]) -> str | None:
    """The word on the place's line just left of its first word, a word's space from it (None when the place
    opens its line or stands in a column of its own, the other column's words a gap away)."""
    page = next((p for p in pages if p.number == place.page and p.words), None)
    mine = value_words(page.words, place) if page is not None else []
    if not mine:
        return None
    first = min(mine, key=lambda w: w[2][0])
    space = 1.5 * (first[2][3] - first[2][1])
    left = [w for w in word_tuples(page.words) if w[3] == first[3] and 0 <= first[2][0] - w[2][2] <= space]
    return max(left, key=lambda w: w[2][2])[0] if left else None
#: ``BÊN A: ỦY BAN NHÂN DÂN XÃ …`` then ``Đại diện: Bà Đỗ Diệu Hạnh; chức vụ: …``
_PARTY = re.compile(r"^\W*BÊN\s+\w{1,2}\s*:\s*(?P<party>.+?)\s*$")
_AGENT = re.compile(r"^\W*Đại diện\s*:?\s*(?:Ông|Bà)?\s*(?P<name>[^;,.]+)")
#: how alike (difflib ratio, folded) a party's name must be to the issuer's to be the issuer
PARTY_LIKE = 0.8


def signer_party_doubt(signer: str, issuer: str | None, texts: Sequence[str]) -> str | None:
    """Why the signer is doubtful: the text names them the representative of a party that is not the
    issuer (the party's name unlike the issuer's), so the name was taken from that party's block."""
    if not issuer:
        return None
    lines = [ln for text in texts for ln in text.splitlines()]
    for party, agent in pairwise(lines):
        p, a = _PARTY.match(party), _AGENT.match(agent)
        if p and a and unmarked_key(a.group("name")) == unmarked_key(signer) and \
                SequenceMatcher(None, unmarked_key(p.group("party")), unmarked_key(issuer)).ratio() < PARTY_LIKE:
            return f"the text names '{signer}' the representative of '{p.group('party')}', not of the issuer"
    return None


def line_digit_doubt(number: str, line_rivals: Sequence[tuple[str, Sequence[Any]]]) -> str | None:
    """Why the number's digits are doubtful: another word of its line (``line_rivals``: each word's text and
    rivals) had a digit for which the engine weighed a digit the number holds, within DIGIT_MARGIN points, or which a
    page rule set from such a digit (the reason says which); a rival equal to the digit read is none."""
    held = {c for c in number.split("/")[0] if c.isdigit()}
    for text, rivals in line_rivals:
        for at, rival, mine, theirs in rivals:
            if 0 <= at < len(text) and text[at].isdigit() and rival in held and rival != text[at] \
                    and theirs >= mine - DIGIT_MARGIN:
                return f"on the number's line {digit_reason(text, (at, rival, mine, theirs))}"
    return None


def faded_zero_doubt(number: str, year: int | None) -> str | None:
    """Why the number's digits are doubtful on a faint page: the date on its line has a year no document has
    (``2995``: a faded ``0`` read as ``9``), and the number holds a ``6`` or a ``9``, what a faded ``0`` is read
    as at a confidence the faint-page rule trusts (HG21: ``64/TTr-UBND`` for ``04/...`` at 92)."""
    held = {c for c in number.split("/")[0] if c in "69"}
    if year is None or possible_year(str(year)) or not held:
        return None
    return f"on a faint page the date on the number's line reads {year} (a faded 0 read as a 9 or a 6): " \
        f"the number's {' and '.join(sorted(held))} may be such a 0"


def flag_disagreeing(found: dict[str, Field], texts: Sequence[str], pages: Sequence[Any]) -> None:
    """Mark the place, the issuer, the signer, the position and the number for review when the page reads them
    otherwise elsewhere (:func:`place_twin_doubt`, :func:`issuer_twin_doubt`, :func:`signer_party_doubt`,
    :func:`line_digit_doubt`; the signer's case, the body's office and the position's marks for them:
    :mod:`archivist.signerflags`)."""
    place, signer, issuer = found.get("place"), found.get("signer"), found.get("issuer")
    if place is not None and isinstance(place.value, str) and not place.review:
        place.review = place_twin_doubt(place.value, texts) or place_glue_doubt(place.value, _word_before(place, pages))
    if issuer is not None and isinstance(issuer.value, str) and not issuer.review:
        issuer.review = issuer_twin_doubt(issuer.value, texts) or cut_unit_doubt(issuer, place)
    if signer is not None and isinstance(signer.value, str) and not signer.review:
        signer.review = signer_party_doubt(signer.value, issuer.value if issuer else None, texts) \
            or capitals_name_doubt(signer.value) or mixed_case_doubt(signer.value) \
            or lost_word_doubt(signer, found.get("signer_position"), pages)
    pos = found.get("signer_position")
    if pos is not None and isinstance(pos.value, str) and not pos.review:
        pos.review = (office_doubt(pos.value, signer.value, texts) if signer is not None
                      and isinstance(signer.value, str) else None) or position_mark_doubt(pos.value)
    ns = found.get("number_symbol")
    page = next((p for p in pages if ns is not None and p.number == ns.page and p.words), None)
    if page is None or not isinstance(ns.value, str) or ns.review or ns.bbox is None:
        return
    y0, y1 = ns.bbox[1], ns.bbox[3]
    dt = found.get("date")
    same_line = dt is not None and dt.bbox is not None and dt.page == ns.page and dt.bbox[1] < y1 and y0 < dt.bbox[3]
    if same_line and FAINT_NOTE in getattr(page, "notes", ()) and (why := faded_zero_doubt(ns.value, _year_of(dt))):
        _mark(why, ns, found.get("number"))
        return
    words = word_tuples(page.words)
    own = {w[3] for w in words if w[2][1] >= y0 - 3 and w[2][3] <= y1 + 3 and "/" in w[0]}
    others = [page.rivals.get(tuple(w[2]), (w[0], ())) for w in words if w[3] in own and "/" not in w[0]]
    _mark(line_digit_doubt(ns.value, others), ns, found.get("number"))
