"""The words of a written date read back: ``ngày 20 tháng 3 năm 2005`` is how every record dates itself, and worn
type makes Tesseract read their marks as another tone (``nằm 2005``, ``thắng 3``), a valid syllable that the
syllable correction cannot see. Before a number a date word can take, such a word is the date word. A capitalised
word is a name (``Nam``) and is left alone, as is a word before a number outside the range (``nằm 5 ngày``).
Also a party committee's ``Ủy`` in running text (``Đảng Ủy``), as :func:`archivist.recipients.committee_case`."""

from __future__ import annotations

import re
from dataclasses import replace

from .models import Word
from .ocrtext import _fold
from .tokens import CORRECTOR_EDGE as _EDGE

_RANGES = {"ngay": ("ngày", 1, 31), "thang": ("tháng", 1, 12), "nam": ("năm", 1900, 2100)}


def _number(text: str) -> int | None:
    core = text.strip(_EDGE)
    return int(core) if re.fullmatch(r"\d{1,4}", core) else None


def correct_date_words(words: list[Word]) -> list[Word]:
    """``words`` with the date words before their numbers spelled as dates spell them (see the module docstring)."""
    from .recipients import committee_case

    out = list(words)
    for i, w in enumerate(words):
        core = w.text.strip(_EDGE)
        nxt = words[i + 1] if i + 1 < len(words) else None
        if core.islower() and (want := _RANGES.get(_fold(core))) and core != want[0] and nxt is not None \
                and nxt.line == w.line and (n := _number(nxt.text)) is not None and want[1] <= n <= want[2]:
            out[i] = replace(w, text=w.text.replace(core, want[0], 1))
        elif core in ("Ủy", "Uỷ") and i and committee_case(f"{words[i - 1].text} {w.text} {nxt.text if nxt else ''}") \
                != f"{words[i - 1].text} {w.text} {nxt.text if nxt else ''}":
            out[i] = replace(w, text=w.text.replace(core, core.lower(), 1))
    return out
