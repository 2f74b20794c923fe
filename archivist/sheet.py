"""Reading back a sheet a person edited in a spreadsheet program, whatever it saved.

``archivist review export`` writes UTF-8 CSV with a BOM, but what comes back depends on the
program and the PC's locale: Excel's plain "CSV" on a Vietnamese Windows is Windows-1258 (where a
toned letter may be a base letter plus a combining mark), its "Unicode Text" is UTF-16 with a BOM
and tabs, a PC whose list separator is ``;`` writes semicolons, LibreOffice may drop the BOM. All
of these are read. Anything else is refused with one line that says what to save instead: a
sheet read in the wrong encoding would write garbled names into records that are legal evidence,
so guessing is worse than asking.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from functools import cache
from pathlib import Path

from .errors import UsageProblem

#: What to tell a person whose file cannot be read: the two save dialogs they will meet.
SAVE_AS = ("save it again as 'CSV UTF-8 (Comma delimited)' in Excel, or as 'Text CSV' with the character set "
           "'Unicode (UTF-8)' in LibreOffice, and import that file")
BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", None), (b"\x00\x00\xfe\xff", None),
        (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
SEPARATORS = (",", ";", "\t")
#: Non-letters a Vietnamese sheet in Windows-1258 plausibly holds; the other Latin-1 signs (¸ µ ¨ © ®)
#: and foreign letters (ñ ö ü) are what text in an old font encoding (TCVN3, VNI) turns into.
PUNCTUATION_1258 = set("–—…‘’“”•°²³€₫±×÷§\u00a0")


#: How a cell Excel and LibreOffice read as a formula begins, in a CSV they open (OWASP's "CSV injection" list).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def as_cell(value: object) -> object:
    """``value`` as a CSV cell a spreadsheet shows as written: a text that begins like a formula gets an
    apostrophe in front, which both programs take for "this is text". An OCR'd recipients list begins ``- UBND
    huyện``, which Excel shows as ``#NAME?`` and, saved back, keeps as a broken formula; a value read as ``=…``
    or ``@…`` it would compute. ``review import`` reads only the cells a person types, which carry none."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


class SheetError(UsageProblem):
    """A sheet that cannot be read; the message is one line naming the file and what to change (exit 2)."""


@cache
def vietnamese_letters() -> frozenset[str]:
    """Every letter of the Vietnamese alphabet, both cases, precomposed (NFC)."""
    tones = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
    vowels = ["a", "a\u0306", "a\u0302", "e", "e\u0302", "i", "o", "o\u0302", "o\u031b", "u", "u\u031b", "y"]
    out = {unicodedata.normalize("NFC", v + t) for v in vowels for t in tones} | {"đ"}
    return frozenset(out | {c.upper() for c in out})


def _plausible_1258(text: str) -> bool:
    """Windows-1258 decodes any bytes; Vietnamese text decoded so holds only Vietnamese letters, no
    leftover combining mark (one that followed no vowel) and a few common signs."""
    letters = vietnamese_letters()
    return all(c.isascii() or c in letters or c in PUNCTUATION_1258 for c in text)


def decode(path: Path, data: bytes) -> str:
    """The sheet's text (NFC); raises SheetError when it is none of the encodings named above."""
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise SheetError(f"{path} is a workbook (.xlsx, .xls or .ods), not a CSV file: {SAVE_AS}")
    for bom, codec in BOMS:
        if data.startswith(bom):
            if codec is None:
                raise SheetError(f"{path} is in UTF-32: {SAVE_AS}")
            try:
                return unicodedata.normalize("NFC", data[len(bom):].decode(codec))
            except UnicodeDecodeError:
                raise SheetError(f"{path} is damaged: it starts as {codec.upper()} but is not; {SAVE_AS}") from None
    if b"\x00" in data:
        raise SheetError(f"{path} looks like UTF-16 without its byte-order mark: {SAVE_AS}")
    try:
        return unicodedata.normalize("NFC", data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    try:
        text = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        text = None
    if text is None or not _plausible_1258(text):
        raise SheetError(f"{path} is not in UTF-8, UTF-16 or Windows-1258 (perhaps an old font encoding such as "
                         f"TCVN3 or VNI): {SAVE_AS}")
    return text


def _separator(header: str, required: set[str]) -> str | None:
    for sep in SEPARATORS:
        names = next(csv.reader([header], delimiter=sep), [])
        if required <= {n.strip() for n in names}:
            return sep
    return None


def read_sheet(path: Path, required: set[str], what: str = "sheet") -> list[dict[str, str]]:
    """The rows of a CSV or tab-separated sheet as dicts keyed by its header (names stripped).

    The separator is the one of ``,`` ``;`` and tab that makes the first line hold every ``required``
    column, so a comma inside a quoted value or a Vietnamese subject cannot mislead it.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise SheetError(f"{path} cannot be read ({e.strerror or e})") from None
    text = decode(path, data)
    header = text.splitlines()[0] if text else ""
    sep = _separator(header, required)
    if sep is None:
        missing = sorted(required - {n.strip() for s in SEPARATORS for n in header.split(s)})
        raise SheetError(f"{path} is not a {what}: its first line has no column {', '.join(missing)} (columns "
                         "separated by commas, semicolons or tabs); keep the header row as it was exported")
    try:
        rows = [r for r in csv.reader(io.StringIO(text, newline=""), delimiter=sep) if r]
    except csv.Error as e:
        raise SheetError(f"{path} is not a readable CSV file ({e}): {SAVE_AS}") from None
    names = [n.strip() for n in rows[0]]
    return [dict(zip(names, r + [""] * (len(names) - len(r)), strict=False)) for r in rows[1:]]
