"""Dates as Vietnamese records write them, read robustly from OCR text.

Forms accepted: ``ngày 05 tháng 3 năm 2020`` (Decree 30; also without marks, ``ngay 5 thang 3 nam 2020``),
months in words (``tháng Ba``, ``tháng Giêng`` = 1, ``tháng Chạp`` = 12), the numeric forms of older
and handwritten records (``5/3/2020``, ``05-3-2020``, ``5.3.2020``) and ISO ``2020-03-05``. OCR reads
``O`` and ``l`` for ``0`` and ``1`` in digits; those are read back. Matching runs on folded text
(see :func:`archivist.ocrtext._fold`), so spans index the caller's NFC string.

The parser is syntactic: any real calendar date with a four-digit year 1000-2999; an impossible day or
month (``tháng 19``, day ``38``) is read back through Tesseract's digit confusions when exactly one
reading is a real date (the match says ``repaired``); a merely wrong one (``31/2``) is no date.
Whether a year is *plausible* for an archive document is the extractor's judgement, not the parser's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .ocrtext import _fold

#: Month names, longest first so ``mười hai`` wins over ``mười`` (folded forms).
_MONTH_WORDS = {
    "muoi mot": 11, "muoi hai": 12, "muoi": 10, "gieng": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4,
    "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "chap": 12, "mot": 1,
}
_MONTH_NAMES = {1: "Giêng", 2: "Hai", 3: "Ba", 4: "Tư", 5: "Năm", 6: "Sáu", 7: "Bảy", 8: "Tám", 9: "Chín",
                10: "Mười", 11: "Mười một", 12: "Mười hai"}
_MW = "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+") for k in _MONTH_WORDS), key=len, reverse=True))
_D = r"[0-9ol]"  # a digit as OCR may give it (folded: O -> o)

_TEXT = re.compile(
    rf"(?:\bngay\s*[:.,]?\s*)?(?<![0-9ol])(?P<d>{_D}{{1,2}})\s*[,.]?\s*thang\s*[:.,]?\s*"
    rf"(?:(?P<m>{_D}{{1,2}})|(?P<mw>{_MW})\b)\s*[,.]?\s*nam\s*[:.,]?\s*(?P<y>{_D}{{4}})(?![0-9])")
_NUMERIC = re.compile(
    rf"(?<![0-9ol/.-])(?P<d>{_D}{{1,2}})\s?(?P<s>[/.-])\s?(?P<m>{_D}{{1,2}})\s?(?P=s)\s?(?P<y>{_D}{{4}})(?![0-9/])")
_ISO = re.compile(r"(?<![0-9])(?P<y>[12][0-9]{3})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})(?![0-9])")
_OCR_DIGITS = str.maketrans("ol", "01")
#: Digits Tesseract reads for one another on degraded or typewritten pages (``10`` -> ``19``, ``2006`` -> ``2066``).
CONFUSED_DIGITS = {"0": "689", "6": "058", "8": "0369", "3": "8", "9": "08", "1": "7", "7": "1", "5": "6", "2": "7"}


def digit_variants(digits: str) -> set[str]:
    """``digits`` with one digit replaced by one it is confused with."""
    return {digits[:i] + c + digits[i + 1:] for i, ch in enumerate(digits) for c in CONFUSED_DIGITS.get(ch, "")}


@dataclass(frozen=True)
class DateMatch:
    """A date found in a string: the date, where it is (offsets into the NFC string) and how it was written."""

    value: date
    start: int
    end: int
    style: str  # "text" | "words" | "numeric" | "iso"
    repaired: bool  # OCR letters read as digits
    #: Why the date is a guess: the day or month as read was one no calendar has (``37``), and the value is the
    #: one reading of it through the digit confusions that is a date; the engine's own best other glyph may be
    #: another (``37`` for ``27``: the table turns it into ``31``), so the grammar, not the pixels, chose it.
    guessed: str | None = None


def _num(s: str) -> tuple[int, bool] | None:
    digits = s.translate(_OCR_DIGITS)
    if not digits.isdigit() or not any(c.isdigit() for c in s):
        return None
    return int(digits), digits != s


def _make(m: re.Match[str], style: str) -> DateMatch | None:
    parts = [_num(m.group("d")), _num(m.group("y"))]
    mw = m.groupdict().get("mw")
    month = (_MONTH_WORDS[re.sub(r"\s+", " ", mw)], False) if mw else _num(m.group("m"))
    if month is None or None in parts:
        return None
    (day, r1), (year, r2) = parts  # type: ignore[misc]
    if not 1000 <= year <= 2999:
        return None
    value = _valid(year, month[0], day)
    repaired, guessed = r1 or r2 or month[1], None
    if value is None and (month[0] > 12 or day > 31):  # one digit misread (``tháng 19`` for ``tháng 10``)?
        fixes = {v for mo in digit_variants(str(month[0])) if month[0] > 12 and (v := _valid(year, int(mo), day))}
        fixes |= {v for d in digit_variants(str(day)) if day > 31 and (v := _valid(year, month[0], int(d)))}
        if len(fixes) == 1:
            value, repaired = fixes.pop(), True
            part, read, now = ("day", day, value.day) if day > 31 else ("month", month[0], value.month)
            guessed = (f"the {part} was read as {read}, which no calendar has; {now} is a guess from digits the "
                       "engine confuses")
    if value is None:
        return None
    return DateMatch(value, m.start(), m.end(), "words" if mw else style, repaired, guessed)


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_dates(s: str) -> list[DateMatch]:
    """Every date in ``s``, in order of position; never raises."""
    folded = _fold(s)
    found: list[DateMatch] = []
    for rx, style in ((_TEXT, "text"), (_NUMERIC, "numeric"), (_ISO, "iso")):
        for m in rx.finditer(folded):
            dm = _make(m, style)
            if dm and not any(f.start < dm.end and dm.start < f.end for f in found):
                found.append(dm)
    return sorted(found, key=lambda f: f.start)


def parse_date(s: str) -> date | None:
    """The first date written in ``s`` (see the module docstring for the forms), or None."""
    if not isinstance(s, str):
        return None
    found = find_dates(s)
    return found[0].value if found else None


def iso_date(value: object) -> date | None:
    """``value`` as the date a record stores (``2021-04-09``), or None where it holds none (not found, not a
    string, not a date): what the review flags that judge a stored date read it as."""
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def format_date(d: date, style: str = "text") -> str:
    """Write ``d`` the way a record would: ``text`` is Decree 30's ``ngày 05 tháng 3 năm 2020`` (days
    below 10 and months 1-2 with a leading zero), ``words`` spells the month (``tháng Ba``),
    ``numeric`` is ``05/3/2020``, ``dash`` ``05-3-2020``, ``dot`` ``05.3.2020``, ``iso`` ISO 8601."""
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    if style == "text":
        return f"ngày {d.day:02d} tháng {month} năm {d.year}"
    if style == "words":
        return f"ngày {d.day:02d} tháng {_MONTH_NAMES[d.month]} năm {d.year}"
    if style in ("numeric", "dash", "dot"):
        sep = {"numeric": "/", "dash": "-", "dot": "."}[style]
        return f"{d.day:02d}{sep}{month}{sep}{d.year}"
    if style == "iso":
        return d.isoformat()
    raise ValueError(f"unknown date style {style!r}")


DATE_STYLES = ("text", "words", "numeric", "dash", "dot", "iso")
