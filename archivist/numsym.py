"""Number and symbol of a document (``Số: 45/QĐ-UBND``), read robustly from OCR text.

Decree 30 writes ``<number>/<type code>-<issuer code>`` (``45/QĐ-UBND``), a letter ``<number>/<issuer>-
<unit>`` (``102/UBND-VP``), a legal normative document ``<number>/<year>/<type>-<issuer>``
(``12/2019/QĐ-UBND``); Party committees write ``<number>-<type>/<issuer>`` (``60-NQ/TW``). OCR gives
``QD`` or ``Q.Đ`` for ``QĐ``, ``S6:``/``Sô:`` for ``Số:``, ``O`` for ``0`` in the number and ``0`` for
``O`` in the codes; each code is mapped back to the known code it reads as (see
:meth:`archivist.doctypes.TypeTable.canonical_code`), unknown codes are kept as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .doctypes import load_table
from .ocrtext import clean_ocr

_NUM = r"(?P<num>[0-9OoIlS]{1,7})"
_PART = r"[^\W_][^\W_.]*(?:\.[^\W_]+)*\.?"
_SYM = rf"{_PART}(?:\s?-\s?{_PART}){{0,4}}"
_LABEL = r"(?P<label>(?<![^\W_])[Ss][^\W\d_]?[0-9]?\s?[:;.]?\s*)?"
_STATE = re.compile(
    rf"{_LABEL}(?<![\w/-]){_NUM}\s?[/\\]\s?(?:(?P<year>[12][0-9OoIl]{{3}})\s?/\s?)?(?P<sym>{_SYM})(?![^\W_])")
_PARTY = re.compile(
    rf"{_LABEL}(?<![\w/-]){_NUM}\s?-\s?(?P<ptype>{_PART})\s?/\s?(?P<pissuer>{_SYM})(?![^\W_])")
_NOSLASH = re.compile(  # ``Số: 185DA-UBND``: the slash lost; only after ``Số`` and before a known code
    rf"(?P<label>(?<![^\W_])S[^\W\d_]?[0-9]?\s?[:;.]\s*)(?P<num>[0-9]{{1,6}})\s?(?P<sym>{_SYM})(?![^\W_])")
_NUM_FIX = str.maketrans("OoIlS", "00115")
_LETTER_FIX = str.maketrans("0158", "OISB")
#: Letters Tesseract reads for one another in capitals (one substitution is tried per symbol part).
_MISREAD = {"I": "TL1", "T": "I", "l": "IT", "1": "IT", "O": "QD", "Q": "O", "E": "FB", "F": "E", "U": "VĐ",
            "V": "U", "H": "N", "N": "H"}


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
class NumberSymbolMatch:
    value: NumberSymbol
    start: int
    end: int
    labelled: bool  # preceded by ``Số:`` (or an OCR reading of it)
    repaired: bool  # OCR noise was undone (a code, a digit or a separator)


#: Thin strokes the OCR inserts into a code (a serif, a speck of the rule under the header).
_STRAY = "Il1i|"


def canonical_part(part: str) -> str:
    """One symbol part as the known code it reads as, or unchanged (dots removed) when unknown."""
    table = load_table()
    bare = part.replace(".", "")
    found = table.canonical_code(bare) or table.canonical_code(bare.translate(_LETTER_FIX))
    if found:
        return found
    misread = {c for i, ch in enumerate(bare) for alt in _MISREAD.get(ch, "")
               if (c := table.canonical_code(bare[:i] + alt + bare[i + 1:]))}
    if len(misread) == 1:  # one letter misread, and only one known code it can be: TIr -> TTr
        return misread.pop()
    stray = {c for i, ch in enumerate(bare) if ch in _STRAY and len(bare) > 2
             and (c := table.canonical_code(bare[:i] + bare[i + 1:]))}
    if len(stray) == 1 and not table.canonical_code(bare):  # a stroke read as a letter: TTIr -> TTr
        return stray.pop()
    for i in range(1, len(bare)):  # a lost hyphen: QĐUBND -> QĐ-UBND
        a, b = table.canonical_code(bare[:i]), table.canonical_code(bare[i:])
        if a and b and table.types_for_code(a) and table.is_issuer_code(b):
            return f"{a}-{b}"
    return bare


def _symbol(raw: str) -> tuple[str, bool] | None:
    parts = [p for p in re.split(r"\s?-\s?", raw) if p]
    out = []
    for p in parts:
        letters = [c for c in p if c.isalpha()]
        if not letters or sum(c.isupper() for c in letters) * 2 < len(letters):
            return None
        out.append(canonical_part(p))
    joined = "-".join(out)
    return joined, joined != re.sub(r"\s", "", raw)


def _number(raw: str) -> tuple[str, bool] | None:
    if not any(c.isdigit() for c in raw):
        return None
    fixed = raw.translate(_NUM_FIX)
    return (fixed, fixed != raw) if fixed.isdigit() else None


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
            num = _number(m.group("num"))
            if party:
                typ, iss = _symbol(m.group("ptype")), _symbol(m.group("pissuer"))
                sym = (f"{typ[0]}/{iss[0]}", typ[1] or iss[1]) if typ and iss else None
                year = None
            else:
                sym, year = _symbol(m.group("sym")), m.groupdict().get("year")
            if not num or not sym:
                continue
            if year is not None:
                year = year.translate(_NUM_FIX)
            start = m.start("num") if not m.group("label") else m.start()
            if any(f.start < m.end() and start < f.end for f in found):
                continue
            label = m.group("label") or ""
            found.append(NumberSymbolMatch(NumberSymbol(num[0], sym[0], year, party), start, m.end(),
                                           labelled=label[:1] == "S", repaired=num[1] or sym[1] or rx is _NOSLASH))
    return sorted(found, key=lambda f: f.start)


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
