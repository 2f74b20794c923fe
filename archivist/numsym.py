"""Number and symbol of a document (``Số: 45/QĐ-UBND``), read robustly from OCR text.

Decree 30 writes ``<number>/<type code>-<issuer code>`` (``45/QĐ-UBND``), a letter ``<number>/<issuer>-
<unit>`` (``102/UBND-VP``), a legal normative document ``<number>/<year>/<type>-<issuer>``
(``12/2019/QĐ-UBND``); Party committees write ``<number>-<type>/<issuer>`` (``60-NQ/TW``). OCR gives
``QD`` or ``Q.Đ`` for ``QĐ``, ``S6:``/``Sô:`` for ``Số:``, ``O`` for ``0`` in the number and ``0`` for
``O`` in the codes; each code is mapped back to the known code it reads as (see
:meth:`archivist.doctypes.TypeTable.canonical_code`), unknown codes are kept as written.

The grammar reads by position: the number and the year are digits (``I``/``l`` are ``1``, ``O`` is ``0``),
the codes are letters, and a legislature's number follows its body (``UBTVQHI5`` is ``UBTVQH15``); the
type part must agree with the document's heading (``HĐ`` under ``NGHỊ ĐỊNH`` is ``NĐ`` misread). Every
change is kept with what was read and why (:class:`Change`), and one the grammar decided rather than
the pixels (another character than the one read) is marked so, for a person to confirm.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .doctypes import load_table
from .ocrtext import _fold, clean_ocr

#: marks Tesseract reads for a number's slash on a speckled or faded page (a quote, a closing bracket)
SLASH_MARKS = r"['`´)]"
_NUM = r"(?P<num>[0-9OoIlS]{1,7})"
_PART = r"[^\W_][^\W_.]*(?:\.[^\W_]+)*\.?"
_SYM = rf"{_PART}(?:\s?-\s?{_PART}){{0,4}}"
_LABEL = r"(?P<label>(?<![^\W_])[Ss][^\W\d_]?[0-9]?\s?[:;.]?\s*)?"
_STATE = re.compile(
    rf"{_LABEL}(?<![\w/-]){_NUM}\s?[/\\]\s?(?:(?P<year>[12][0-9OoIl]{{3}})\s?/\s?)?(?P<sym>{_SYM})(?![^\W_])")
_PARTY = re.compile(
    rf"{_LABEL}(?<![\w/-]){_NUM}\s?-\s?(?P<ptype>{_PART})\s?/\s?(?P<pissuer>{_SYM})(?![^\W_])")
#: ``Số: 185DA-UBND``: the slash lost, or read as a quote or a bracket (``44'TLKS-BS``: HG102, a speckled 200 dpi
#: extract; ``241)UBND-TC``: HG92); only after ``Số`` and before a known code
_NOSLASH = re.compile(
    rf"(?P<label>(?<![^\W_])S[^\W\d_]?[0-9]?\s?[:;.]\s*)(?P<num>[0-9]{{1,6}})\s?(?P<mark>{SLASH_MARKS}\s?)?"
    rf"(?P<sym>{_SYM})(?![^\W_])")
_NUM_FIX = str.maketrans("OoIlS|", "001151")
_LETTER_FIX = str.maketrans("0158", "OISB")
#: Letters Tesseract reads for one another in capitals (one substitution is tried per symbol part).
_MISREAD = {"I": "TL1", "T": "I", "l": "IT", "1": "IT", "O": "QD", "Q": "O", "E": "FB", "F": "E", "U": "VĐ",
            "V": "U", "H": "N", "N": "H", "B": "P", "P": "B", "G": "C", "C": "G"}


@dataclass(frozen=True)
class NumberSymbol:
    """``number`` as written (leading zeros kept), ``symbol`` (``QĐ-UBND``; party style ``NQ/TW``),
    ``year`` for legal normative documents (``12/2019/QĐ-UBND``)."""

    number: str
    symbol: str
    year: str | None = None
    party: bool = False

    @property
    def parts(self) -> list[str]:
        return re.split(r"[-/]", self.symbol)

    @property
    def type_code(self) -> str | None:
        """The type abbreviation in the symbol, or None (a letter: its first part is the issuer)."""
        first = self.parts[0]
        return first if load_table().types_for_code(first) else None

    def __str__(self) -> str:
        return format_number_symbol(self)


@dataclass(frozen=True)
class Change:
    """One thing the reading changed in a number/symbol: ``read`` became ``written`` because ``why``.
    ``grammar``: another character than the one read was chosen by position or by the heading (a
    person should confirm); otherwise only marks, case or punctuation the OCR lost were put back."""

    read: str
    written: str
    why: str
    grammar: bool

    def __str__(self) -> str:
        return f"{self.read} -> {self.written}: {self.why}"


@dataclass(frozen=True)
class NumberSymbolMatch:
    value: NumberSymbol
    start: int
    end: int
    labelled: bool  # preceded by ``Số:`` (or an OCR reading of it)
    repaired: bool  # OCR noise was undone (a code, a digit or a separator)
    read: str = ""  # the number and symbol as the OCR gave them, spaces dropped
    changes: tuple[Change, ...] = ()

    @property
    def grammar(self) -> bool:
        """Whether the grammar, not the pixels, decided some character of the value."""
        return any(c.grammar for c in self.changes)


#: Thin strokes the OCR inserts into a code (a serif, a speck of the rule under the header).
_STRAY = "Il1i|"


def misreadings(part: str) -> set[str]:
    """The known codes ``part`` reads as with one letter misread (``HĐ`` -> ``NĐ``, ``TIr`` -> ``TTr``)."""
    table = load_table()
    return {c for i, ch in enumerate(part) for alt in _MISREAD.get(ch, "")
            if (c := table.canonical_code(part[:i] + alt + part[i + 1:]))}


def read_part(part: str) -> tuple[str, Change | None]:
    """One symbol part as the known code it reads as (unknown codes unchanged, dots removed), and
    what was changed to make it so."""
    table = load_table()
    bare = part.replace(".", "")

    def change(written: str, why: str, grammar: bool = True) -> tuple[str, Change | None]:
        return written, (Change(part, written, why, grammar) if written != part else None)

    if (found := table.canonical_code(bare)) is not None:
        return change(found, "marks or case the OCR lost", grammar=False)
    if (found := table.canonical_code(bare.translate(_LETTER_FIX))) is not None:
        return change(found, "a code is letters: digits read as letters")
    misread = misreadings(bare)
    if len(misread) == 1:  # one letter misread, and only one known code it can be: TIr -> TTr
        return change(misread.pop(), "one letter misread; the only known code it can be")
    stray = {c for i, ch in enumerate(bare) if ch in _STRAY and len(bare) > 2
             and (c := table.canonical_code(bare[:i] + bare[i + 1:]))}
    if len(stray) == 1:  # a stroke read as a letter: TTIr -> TTr
        return change(stray.pop(), "a stray stroke read as a letter")
    for i in range(1, len(bare)):  # a lost hyphen: QĐUBND -> QĐ-UBND
        a, b = table.canonical_code(bare[:i]), table.canonical_code(bare[i:])
        if a and b and table.types_for_code(a) and table.is_issuer_code(b):
            return change(f"{a}-{b}", "a lost hyphen", grammar=False)
    for code in table.numbered:  # a legislature's number after its body: UBTVQHI5 -> UBTVQH15
        head, tail = bare[:len(code)], bare[len(code):]
        digits = tail.translate(_NUM_FIX)
        if 1 <= len(tail) <= 2 and digits.isdigit() and code in (head, table.canonical_code(head)):
            return change(code + digits, "a legislature's number is digits", grammar=digits != tail)
    return bare, (Change(part, bare, "dots dropped", False) if bare != part else None)


def is_known_part(part: str) -> bool:
    """``part`` is a known code as written (``QĐ``, ``UBND``), or a legislature's body with its number (``QH15``)."""
    table = load_table()
    return part in table.known_codes or any(part.startswith(c) and part[len(c):].isdigit() for c in table.numbered)


def canonical_part(part: str) -> str:
    """One symbol part as the known code it reads as, or unchanged (dots removed) when unknown."""
    return read_part(part)[0]


def _symbol(raw: str) -> tuple[str, list[Change]] | None:
    parts = [p for p in re.split(r"\s?-\s?", raw) if p]
    out, changes = [], []
    for p in parts:
        letters = [c for c in p if c.isalpha()]
        if not letters or sum(c.isupper() for c in letters) * 2 < len(letters):
            return None
        written, ch = read_part(p)
        out.append(written)
        changes += [ch] if ch else []
    return "-".join(out), changes


def _digits(raw: str, what: str) -> tuple[str, list[Change]] | None:
    """A number or a year: digits by position, letters that look like digits read as those."""
    if not any(c.isdigit() for c in raw):
        return None
    fixed = raw.translate(_NUM_FIX)
    if not fixed.isdigit():
        return None
    return fixed, [Change(raw, fixed, f"the {what} is digits", True)] if fixed != raw else []


def _known_code(part: str) -> bool:
    return load_table().canonical_code(canonical_part(part)) is not None


def find_number_symbols(s: str) -> list[NumberSymbolMatch]:
    """Every number/symbol in ``s`` in order of position; never raises."""
    if not isinstance(s, str):
        return []
    found: list[NumberSymbolMatch] = []
    for rx, party in ((_PARTY, True), (_STATE, False), (_NOSLASH, False)):
        for m in rx.finditer(s):
            if rx is _NOSLASH and not _known_code(re.split(r"\s?-\s?", m["sym"])[0]):
                continue  # without its slash, only a known code tells a symbol from any word
            num = _digits(m.group("num"), "number")
            if party:
                typ, iss = _symbol(m.group("ptype")), _symbol(m.group("pissuer"))
                sym = (f"{typ[0]}/{iss[0]}", typ[1] + iss[1]) if typ and iss else None
                year = None
            else:
                sym, year = _symbol(m.group("sym")), m.groupdict().get("year")
                year = _digits(year, "year") if year is not None else None
            if not num or not sym:
                continue
            start = m.start("num") if not m.group("label") else m.start()
            if any(f.start < m.end() and start < f.end for f in found):
                continue
            label = m.group("label") or ""
            changes = tuple(num[1] + (year[1] if year else []) + sym[1])
            if rx is _NOSLASH and m.group("mark"):  # another character than the one read: a person confirms
                mark = m.group("mark").strip()
                changes += (Change(m.group("num") + mark, m.group("num") + "/", f"the slash read as {mark}", True),)
            elif rx is _NOSLASH:
                changes += (Change(m.group("num"), m.group("num") + "/", "the slash lost", False),)
            found.append(NumberSymbolMatch(NumberSymbol(num[0], sym[0], year[0] if year else None, party), start,
                                           m.end(), labelled=label[:1] == "S", repaired=bool(changes),
                                           read=re.sub(r"\s", "", s[m.start("num"):m.end()]), changes=changes))
    return sorted(found, key=lambda f: f.start)


def agree_with_heading(m: NumberSymbolMatch, codes: set[str], heading: str) -> NumberSymbolMatch:
    """``m`` with its type part made to agree with the heading's type codes ``codes`` when it is a
    misreading of one of them (``HĐ`` under ``NGHỊ ĐỊNH`` is ``NĐ``; ``HD`` under ``HỢP ĐỒNG`` is ``HĐ``).
    A type part that cannot be a misreading of the heading's code is left as read: the symbol then
    disagrees with the heading, which lowers its confidence (:mod:`archivist.extract`), never the type."""
    ns = m.value
    first = ns.parts[0]
    if not codes or first in codes or not (load_table().types_for_code(first) or misreadings(first)):
        return m
    near = {c for c in codes if _fold(c) == _fold(first)} or codes & misreadings(first)
    if len(near) != 1:
        return m
    code = near.pop()
    fixed = replace(ns, symbol=code + ns.symbol[len(first):])
    change = Change(first, code, f"the heading is {heading}", True)
    return replace(m, value=fixed, repaired=True, changes=m.changes + (change,))


def parse_number_symbol(s: str) -> NumberSymbol | None:
    """The number/symbol written in ``s``: the first one labelled ``Số``, else the first one; or None.
    ``s`` may be raw OCR text (glyph confusions such as the fraction slash are undone first)."""
    found = find_number_symbols(clean_ocr(s)) if isinstance(s, str) else []
    if not found:
        return None
    return next((f for f in found if f.labelled), found[0]).value


def format_number_symbol(ns: NumberSymbol) -> str:
    """``45/QĐ-UBND``, ``12/2019/QĐ-UBND`` or, Party style, ``60-NQ/TW``."""
    if ns.party:
        return f"{ns.number}-{ns.symbol}"
    return f"{ns.number}/{ns.year}/{ns.symbol}" if ns.year else f"{ns.number}/{ns.symbol}"
