"""A document symbol, a date or a sum a speck broke in two on a speckled page (``135/KH- UBND``, ``72/NQ- - HĐND``,
``30/ 12/2006,``, ``1. 300.000``), put back as one token where the grammar of these numbers allows no other reading.

Why: on the speckled 200 dpi pages a speck beside a number's mark widens the gap the engine sees, and it reads the
number as two tokens: both truth words are lost to search (``135/KH-UBND`` is found by its whole symbol), and a
number the fields read from the text is stored short. Session 46 counted 4 on its fit seeds 362-364 and left them,
since the record's boxes do not prove the join: the two parts stood 3-4 px apart, as close as other words on the same
line, or overlapped (bench/RESULTS.md, "Speckled pages, tenth round (session 46)"). The grammar proves it where the
first part cannot end a token the page prints:

- a symbol (number, ``/``, kind, ``-``) ends with its issuer, never with the hyphen: ``135/KH-`` followed on its line
  by a word of capitals (``UBND``, ``HĐND``) is one symbol, a lone ``-`` between them (a speck read as a second
  hyphen) dropped; a number and its slash (``135/``) followed by a kind and issuer (``KH-UBND``), or a number and
  kind (``135/KH``) followed by ``-UBND``, likewise;
- a date ``dd/mm/yyyy`` is printed whole: a day and its slash (``30/``) followed by ``mm/yyyy``, or a day and month
  (``30/12/``) followed by the year, is one date where day and month are a calendar's;
- a sum's thousands point is followed by three digits: ``1.`` followed by ``300.000`` is ``1.300.000`` where the
  first part is not the first word of its line (a list's ``1.`` opens its line) nor a heading's number (``Điều 1.``);
  a sum grouped by points followed by three digits is the sum with its last point lost (``251.800 000``, fit seed
  412: ``251.800.000``).

The header's symbol, the token after the label ``Số:``, ends its line: a mark a speck left after it
(``114/GM-UBND,``, ``89/KH-HBND_.``) is taken off (2 of the 16 fit documents of seeds 410-411; the truth prints none).

Only consecutive tokens of one line, the second to the right of the first, on a speckled page; the joined token takes
both boxes and the lower confidence. No Tesseract call.
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np

from .models import Word
from .ocr import OcrResult, nfc
from .ocrfix import text_of

_CAPS = r"[A-ZĐ][A-Za-zĐđ]*"
#: What may close a symbol, a date or a sum in a sentence: a stop, a comma, a closing bracket.
_END = r"[.,;:)\]]*"
#: A symbol's head, its issuer missing: ``135/KH-``, ``/QĐ-``, ``95/UBND-``, ``(111/KH-``; an issuer: capitals
#: (``UBND``, ``HĐND``, ``TLKS``).
_SYMBOL_HEAD, _ISSUER = re.compile(rf"[(\[]?\d*/{_CAPS}(?:-{_CAPS})*-"), re.compile(rf"[A-ZĐ]{{2,}}{_END}")
#: A symbol broken at its slash or at its hyphen (``135/`` + ``KH-UBND``, ``135/KH`` + ``-UBND``): head and rest.
_SYMBOL_PARTS = tuple((re.compile(head), re.compile(rest)) for head, rest in (
    (r"[(\[]?\d+/", rf"{_CAPS}(?:-{_CAPS})+{_END}"),
    (rf"[(\[]?\d+/{_CAPS}", rf"(?:-[A-ZĐ]{{2,}})+{_END}"),
))
#: The header's symbol after its label, a speck's mark after it: ``Số:`` + ``114/GM-UBND,``.
_LABEL, _MARKED_SYMBOL = re.compile(r"Số:", re.IGNORECASE), re.compile(rf"(\d+/{_CAPS}(?:-{_CAPS})+)[.,;_]+")
#: A date's head (``30/``, ``30/12/``) and the date it makes with its rest (``30/12/2006,``).
_DATE_HEAD, _DATE = re.compile(r"\d{1,2}/(?:\d{1,2}/)?"), re.compile(rf"(\d{{1,2}})/(\d{{1,2}})/\d{{4}}{_END}")
#: A sum's head (``1.``, ``1.214.``), a sum grouped by points its next point lost (``251.800``), and the
#: thousands after either (``300.000``, ``200.000,``, ``000``).
_SUM_HEAD, _GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})*\."), re.compile(r"\d{1,3}(?:\.\d{3})+")
_THOUSANDS = re.compile(rf"\d{{3}}(?:\.\d{{3}})*{_END}")
#: Words a section's number follows (``Điều 1.``, ``Mục 2.``): that number ends its token.
_HEADINGS = frozenset({"điều", "khoản", "mục", "phần", "chương", "bước"})


def _date(day: str, month: str) -> bool:
    """Whether ``day`` and ``month`` are a calendar's."""
    return 1 <= int(day) <= 31 and 1 <= int(month) <= 12


def joined_text(words: list[Word], k: int) -> tuple[str, int] | None:
    """The one token words ``k`` and after it spell where a speck broke a symbol, date or sum (the module's
    grammar), and how many words it takes (2, or 3 with a speck's lone hyphen between a symbol's parts); None where
    the grammar allows the words apart."""
    first, rest = words[k], words[k + 1:k + 3]
    if not rest:
        return None
    a, b = first.text, rest[0].text
    if _SYMBOL_HEAD.fullmatch(a):
        if b == "-" and len(rest) > 1:
            return (a + rest[1].text, 3) if _ISSUER.fullmatch(rest[1].text) else None
        return (a + b, 2) if _ISSUER.fullmatch(b) else None
    if any(head.fullmatch(a) and rest.fullmatch(b) for head, rest in _SYMBOL_PARTS):
        return a + b, 2
    if _DATE_HEAD.fullmatch(a) and (d := _DATE.fullmatch(a + b)) and _date(d[1], d[2]):
        return a + b, 2
    if _SUM_HEAD.fullmatch(a) and _THOUSANDS.fullmatch(b):
        opens = k == 0 or words[k - 1].line != first.line
        heading = not opens and words[k - 1].text.lower() in _HEADINGS
        return None if opens or heading else (a + b, 2)
    if _GROUPED.fullmatch(a) and _THOUSANDS.fullmatch(b):
        return f"{a}.{b}", 2
    return None


def _one_line(words: list[Word]) -> bool:
    """Whether ``words`` stand on one line, each to the right of the one before."""
    return all(w.line == words[0].line and w.bbox[0] > v.bbox[0] for v, w in zip(words, words[1:], strict=False))


def join_speck_numbers(ocr: OcrResult, unsmoothed: np.ndarray | None) -> OcrResult:
    """``ocr`` (a speckled page's reading; ``unsmoothed`` None on any other page) with the symbols, dates and sums a
    speck broke in two made one token again (:func:`joined_text`). Unchanged on any page but a speckled one."""
    if unsmoothed is None or not ocr.words:
        return ocr
    words, out, k = ocr.words, [], 0
    while k < len(words):
        found = joined_text(words, k)
        if found is None or not _one_line(words[k:k + found[1]]):
            out.append(words[k])
            k += 1
            continue
        parts = words[k:k + found[1]]
        box = (min(w.bbox[0] for w in parts), min(w.bbox[1] for w in parts),
               max(w.bbox[2] for w in parts), max(w.bbox[3] for w in parts))
        shift = len(found[0]) - len(parts[-1].text)  # the last part's doubted characters, where the token holds them
        rivals = parts[0].rivals + tuple((i + shift, *r) for i, *r in parts[-1].rivals)
        out.append(replace(parts[0], text=found[0], bbox=box, conf=min(w.conf for w in parts), rivals=rivals))
        k += found[1]
    out = [_unmarked(out, k) for k in range(len(out))]
    if out == words:
        return ocr
    return replace(ocr, words=out, text=nfc(text_of(out)).strip())


def _unmarked(words: list[Word], k: int) -> Word:
    """Word ``k``, the header's symbol without the marks a speck left after it (the module's last rule)."""
    word = words[k]
    m = _MARKED_SYMBOL.fullmatch(word.text)
    if m is None or k == 0 or not _LABEL.fullmatch(words[k - 1].text) or words[k - 1].line != word.line:
        return word
    return replace(word, text=m[1], rivals=tuple(r for r in word.rivals if r[0] < len(m[1])))
