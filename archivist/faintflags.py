"""Review flags for values read on a faint page (a faded carbon copy whose contrast restore.py raised).

Why: on the faded pages of the accuracy bench, Tesseract's word confidences after local contrast
(CLAHE) are higher than after the thickening main used before, and higher on its wrong words too: a
``0`` faded to an open curve is read as ``9`` or ``6`` at 83-86 (``79/KH-UBND`` for ``70/...``,
``61/2009`` for ``01/2009``), ``do`` as ``đo`` at 83, while the field's confidence (its pattern's
certainty times its worst word) stays over the review threshold. Well-read words on the same pages
come out at 93-97. So on a page restored that way, a value with a word read under
:data:`FAINT_WORD_CONF` is for review, whatever its confidence (bench/RESULTS.md, "Faded pages
adopted? (session 20)": fitted on seeds 7 and 8, checked on seed 10).

The page says it was faint with :data:`FAINT_NOTE` among its notes (restore.py writes it; the
record keeps it among the page's warnings, so a stored record is judged as a fresh one).
"""

from __future__ import annotations

import operator
from collections.abc import Sequence
from typing import Any

from .fields import Field
from .ownwords import own_words
from .tokens import ALNUM, SEPARATORS

FAINT_NOTE = "faint page (faded copy): read with its contrast raised locally; weakly read values flagged for review"
#: A word read under this confidence on a faint page makes its value one to review (bench pages, seeds 7
#: and 8: the wrong values' weakest words 65-86, well-read words 93-97). 90 until session 22's eighth flags
#: round: on seeds 10-15 the wrong values this rule flags have their weakest word at 85 at most, while right
#: values with one at 87-89 were flagged (HG15's faded group 26 of 49 right values): 87 keeps 86 in.
FAINT_WORD_CONF = 87.0
Box = tuple[int, int, int, int]


def word_tuples(words: Sequence[Any]) -> list[tuple[str, float, Box, int]]:
    """A page's words as (text, confidence, box, line) tuples, whether stored records' lists or OCR words."""
    return [w if isinstance(w, tuple) else (w.text, w.conf, tuple(w.bbox), w.line) for w in words]


#: The pages whose words :func:`reading_order` sorted last: (the words given, a copy of their items, the order).
_ORDERED: list[tuple[Sequence[Any], tuple[Any, ...], list[tuple[str, float, Box, int]]]] = []
#: How many pages' orders are kept: a document's flags ask field after field about its first and last pages.
KEPT_ORDERS = 4


def reading_order(words: Sequence[Any]) -> list[tuple[str, float, Box, int]]:
    """A page's words as :func:`word_tuples` in reading order (line, then left edge); not to be changed by callers.

    Why kept: the flags ask :func:`value_words` for one field's words after another's on the same few pages (about
    23 calls a document), and each call sorted the whole page again: 12% of the document stage's classify and
    extract on the mixed corpus (bench/RESULTS.md, session 36). An order is reused only for the very list it was
    made from, holding the very same items (a word tuple cannot change), so it is the order a new sort would give;
    a page of word objects, which could change in place, is sorted every time as before."""
    for kept, items, ordered in _ORDERED:
        if kept is words and len(items) == len(words) and all(map(operator.is_, items, words)):
            return ordered
    ordered = sorted(word_tuples(words), key=lambda w: (w[3], w[2][0]))
    if all(type(w) is tuple and type(w[2]) is tuple for w in words):
        _ORDERED.insert(0, (words, tuple(words), ordered))
        del _ORDERED[KEPT_ORDERS:]
    return ordered


def value_words(words: Sequence[Any], f: Field) -> list[tuple[str, float, Box, int]]:
    """The words ``f`` was read from: those inside its box, then, when the value has more words than the
    box holds (a subject running on to a second line the box does not cover), the ones that follow
    them in reading order, as many as the value or its source text has."""
    if f.bbox is None:
        return []
    ordered = reading_order(words)
    x0, y0, x1, y1 = f.bbox
    inside = [i for i, w in enumerate(ordered)
              if w[2][0] >= x0 - 3 and w[2][2] <= x1 + 3 and w[2][1] >= y0 - 3 and w[2][3] <= y1 + 3]
    if not inside:
        return []
    want = max(len(str(f.value).split()), len((f.source_text or "").split()))
    more = [i for i in range(inside[-1] + 1, len(ordered))][:max(0, want - len(inside))]
    return [ordered[i] for i in inside + more]


def flag_faint(found: dict[str, Field], pages: Sequence[Any]) -> None:
    """Mark for review each value of ``found`` read on a faint page with a word under FAINT_WORD_CONF
    (``pages``: the document's :class:`archivist.ocrtext.PageText`, ``notes`` saying which are faint)."""
    faint = {p.number: p.words for p in pages if FAINT_NOTE in getattr(p, "notes", ()) and p.words}
    for name, f in found.items():
        if f.page not in faint or f.review or f.value in (None, "", []):
            continue
        words = own_words(name, value_words(faint[f.page], f))  # not the number's label ``Số:``
        # A word with a letter or digit (ALNUM): on a recipients list, the others are the items' bullets.
        # Sixteenth round: a faint list's weakest word was a bullet (one right list no other weak word flagged) or
        # ``VT.`` (seven right lists, 9-69; no wrong one on 25 fit sets): ``Lưu: VT``, the archive copy, ends every
        # list (Decree 30), so a weak ``VT`` read as the one code expected there is no doubt about the items. Other
        # codes are judged.
        if isinstance(f.value, list):  # a list's bullets (``-``, ``—``) and ``VT``: no doubt of its items
            words = [w for w in words if ALNUM.search(w[0]) and w[0].strip(SEPARATORS) != "VT"]
        weak = min(words, key=lambda w: w[1], default=None)
        if weak is not None and weak[1] < FAINT_WORD_CONF:
            f.review = f"read on a faint page, '{weak[0]}' at OCR confidence {weak[1]:.0f}"
