"""The words of a written date read back: ``ngày 20 tháng 3 năm 2005`` is how every record dates itself, and worn
type makes Tesseract read their marks as another tone (``nằm 2005``, ``thắng 3``), a valid syllable that the
syllable correction cannot see. Before a number a date word can take, such a word is the date word. A capitalised
word is a name (``Nam``) and is left alone, as is a word before a number outside the range (``nằm 5 ngày``).
Also a party committee's ``Ủy`` in running text (``Đảng Ủy``), as :func:`archivist.recipients.committee_case`.

Between a month and its year (``tháng 3 năng 2025``, a speckled sealed page of session 46) the slot holds ``năm``
and nothing else, so a small word a letter from it there (``nan``), or two with its ``n`` (``năng``, ``nàng``), is
``năm`` too: its neighbours, not the word, say what it is; no other word stands between ``tháng 3`` and ``2025``."""

from __future__ import annotations

import re
from dataclasses import replace

from rapidfuzz.distance import Levenshtein

from .models import Word
from .ocrtext import _fold
from .tokens import CORRECTOR_EDGE as _EDGE

_RANGES = {"ngay": ("ngày", 1, 31), "thang": ("tháng", 1, 12), "nam": ("năm", 1900, 2100)}


def _number(text: str) -> int | None:
    core = text.strip(_EDGE)
    return int(core) if re.fullmatch(r"\d{1,4}", core) else None


def _near_nam(folded: str) -> bool:
    """Whether a folded word could be ``năm`` misread: one letter off, or two where its ``n`` stands
    (``nang``, ``nan``): a word that begins otherwise and is two off (``va``) is left as read."""
    d = Levenshtein.distance(folded, "nam")
    return d == 1 or (d == 2 and folded.startswith("n"))


def _year_slot(words: list[Word], i: int) -> bool:
    """Whether ``words[i]`` stands where a written date's ``năm`` stands: after ``tháng`` and a month, before a
    year, all on its line (``words`` as corrected so far, so a ``thắng`` before it already reads ``tháng``)."""
    if i < 2 or i + 1 >= len(words) or len({w.line for w in words[i - 2:i + 2]}) != 1:
        return False
    month, year = _number(words[i - 1].text), _number(words[i + 1].text)
    return _fold(words[i - 2].text.strip(_EDGE)).lower() == "thang" and month is not None and 1 <= month <= 12 \
        and year is not None and 1900 <= year <= 2100


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
        elif core.isalpha() and core.islower() and (folded := _fold(core)) != "nam" and _near_nam(folded) \
                and _year_slot(out, i):
            out[i] = replace(w, text="năm")  # marks around it in the slot are specks too
        elif core in ("Ủy", "Uỷ") and i and committee_case(f"{words[i - 1].text} {w.text} {nxt.text if nxt else ''}") \
                != f"{words[i - 1].text} {w.text} {nxt.text if nxt else ''}":
            out[i] = replace(w, text=w.text.replace(core, core.lower(), 1))
    return out
