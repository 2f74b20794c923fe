"""Section numerals read back by their order: ``I.``, ``II.``, ``III.`` open the sections of a plan, a report or
a scheme, and Tesseract reads the strokes of ``II`` as ``H`` (``H. NỘI DUNG``, ``HI. TỔ CHỨC THỰC HIỆN``).

``H`` is no Roman numeral, so a line that opens with ``H.`` or ``HI.`` before a heading in capitals, on a page
whose sections started with ``I.``, is the numeral its place in that order asks for when its strokes read
as it (``H`` = ``II``; ``l``, ``1``, ``|`` = ``I``). A numeral read as a valid one is not changed (a document
may number its parts again from ``I.``) unless it repeats the one before and lacks a stroke of the next
(``I.``, ``II.``, ``II.``: the third is ``III.``), nor is a line before the first ``I.`` (``H. ĐÔNG TRIỀU`` in a
header is a district).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .models import Word

_LIKE = re.compile(r"^[IVXHl1|]{1,5}\.$")
NUMERALS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
_STROKES = str.maketrans({"H": "II", "l": "I", "1": "I", "|": "I"})


def heading_after(words: list[Word], i: int) -> bool:
    """Whether word ``i`` stands before a word in capitals on its line: a section heading's numeral's place."""
    nxt = words[i + 1] if i + 1 < len(words) else None
    return nxt is not None and nxt.line == words[i].line and sum(c.isupper() for c in nxt.text) >= 2 \
        and nxt.text.isupper()


def correct_numerals(words: list[Word]) -> list[Word]:
    """``words`` with the misread section numerals of the page read back (see the module docstring)."""
    return order_numerals(words)[0]


def order_numerals(words: list[Word], seen: int = 0) -> tuple[list[Word], int]:
    """:func:`correct_numerals` on a page whose document's earlier pages ended at the ``seen``-th numeral (0: none
    yet), and where this page ends (:mod:`archivist.sectionpages` carries it from page to page)."""
    out = list(words)
    for i, w in enumerate(words):
        if (i and words[i - 1].line == w.line) or not _LIKE.match(w.text) or not heading_after(words, i):
            continue
        core = w.text[:-1]
        if core != "I" and 0 < seen < len(NUMERALS) and core == NUMERALS[seen - 1] \
                and NUMERALS[seen].startswith(core):  # II. twice in a row: the second lost a stroke of III.
            out[i] = replace(w, text=NUMERALS[seen] + ".")
            seen += 1
            continue
        if core in NUMERALS:  # read as a numeral: it sets the order (I. starts it)
            seen = NUMERALS.index(core) + 1 if seen or core == "I" else 0
            continue
        if seen and seen < len(NUMERALS) and core.translate(_STROKES) == NUMERALS[seen]:
            out[i] = replace(w, text=NUMERALS[seen] + ".")
            seen += 1
    return out, seen
