"""A typewritten ``c`` read ``s`` (``sông tác`` for ``công tác``, ``sác`` for ``các``), told by the glyph: an ``s``
crosses the middle of its body with its spine, a ``c`` leaves it open.

Why: ``c`` read ``s`` is a slip sessions 47 and 48 saw and left (``sông`` for ``công``: a word in use, so no rule
asking words none uses sees it; bench/RESULTS.md, "Typewritten pages, a set phrase's o read e (session 47)"). On
typewriter fit seed 480 it is the largest one-letter family left (5 words: ``sông`` ×3, ``sác``, ``sứ``), and the
page's image shows it: across the middle rows of the glyph (:data:`MID_ROWS`) the mono face's ``c`` holds ink on the
left of its cell on every row (:data:`LEFT`) and none in its right half (:data:`RIGHT_MAX`), while an ``s`` reaches
into it there (its spine, then its lower bowl). On the dumped typed pages of fit seeds 480-482, of the words
opening with a glyph measured, all 5 ``c`` read ``s`` passed the test (:func:`open_c`), none of the 130 ``s`` read
right, and 472 of the 548 ``c`` read right (bench/RESULTS.md, "Typewritten pages, c read s, a rival, a long phrase
(session 49)").

So an ``s`` opening a word in small letters is read ``c`` where that makes a word in use
(:func:`archivist.syllables.attested`) and the glyph is an open ``c`` (:func:`open_c`): its ink as tall as the page's
small letters (:data:`HEIGHT`; a glyph with a speck over it or broken at its top or foot is not measured), the
middle rows inked on the left every one, its right half bare. A worn ``c`` whose left side wore away
is left as read.
"""

from __future__ import annotations

import math

import numpy as np

from .ocr import OcrResult, nfc
from .syllables import attested
from .tokens import EDGE, split_edges
from .typedcase import with_readings
from .typedring import glyph_readings

#: The middle rows of the glyph's ink: from this share of its height under its top row to this one.
MID_ROWS = (0.4, 0.62)
#: The left of the cell, where a ``c``'s stroke stands on every middle row: this share of the cell's width.
LEFT = 0.4
#: ... and beyond which it holds none there: this share of the cell's width (fit: a ``c`` opening a word read right
#: reached 0.39 of it at most, an ``s`` read right with its left inked 0.53 or further, its spine or its lower bowl).
RIGHT_MAX = 0.45
#: The glyph's ink, top row to foot, must stand between these shares of the page's small letters' height.
HEIGHT = (0.85, 1.2)


def candidate(text: str) -> tuple[int, str] | None:
    """The place of the ``s`` opening ``text`` (a word in small letters, edge punctuation aside) and the word read with
    a ``c`` there, where that is a word in use; None elsewhere."""
    lead, core, trail = split_edges(text, EDGE)
    if len(core) < 2 or not core.isalpha() or not core.islower() or core[0] != "s":
        return None
    again = "c" + core[1:]
    return (len(lead), lead + again + trail) if again in attested() else None


def middle_rows(cell: np.ndarray, small: float) -> np.ndarray | None:
    """The middle rows (:data:`MID_ROWS`) of the glyph in ``cell`` (ink 1), inked on the left :data:`LEFT` of the
    cell every one, where its ink stands :data:`HEIGHT` of the small letters' height ``small``; None elsewhere (a
    glyph broken at its top or foot, a speck over it, or its left worn away). Shared with
    :func:`archivist.typedbowl.closed_o`: a ``c`` and an ``o`` are told by the right of these rows."""
    rows = np.flatnonzero(cell.sum(1)) if cell.size else np.array([])
    if not rows.size or small <= 0:
        return None
    top, height = int(rows[0]), int(rows[-1]) + 1 - int(rows[0])
    if not HEIGHT[0] * small <= height <= HEIGHT[1] * small:
        return None
    mid = cell[top + round(MID_ROWS[0] * height):top + round(MID_ROWS[1] * height)]
    return mid if mid.size > 0 and bool(mid[:, :round(LEFT * cell.shape[1])].any(1).all()) else None


def open_c(cell: np.ndarray, small: float, pitch: float) -> bool:
    """Whether the glyph in ``cell`` (ink 1) is a ``c``: its ink :data:`HEIGHT` of the small letters' height
    ``small``, and across its middle rows (:data:`MID_ROWS`) ink in the left :data:`LEFT` of the cell on every row and
    none from :data:`RIGHT_MAX` of it rightwards (:func:`middle_rows`). ``pitch`` unused (the shared test's
    signature)."""
    mid = middle_rows(cell, small)
    return mid is not None and not mid[:, math.floor(RIGHT_MAX * cell.shape[1]):].any()


def typed_spines(ocr: OcrResult, typed: np.ndarray | None) -> OcrResult:
    """``ocr`` (words in the pixels of ``typed``, a typewritten page's image before its strikes were evened) with an
    ``s`` opening a word read ``c`` where that makes a word in use (:func:`candidate`) and the glyph is an open ``c``
    (:func:`open_c`). Unchanged on any other page."""
    if typed is None or not ocr.words:
        return ocr
    texts = [nfc(w.text) for w in ocr.words]
    asked = {k: c for k, t in enumerate(texts) if (c := candidate(t))}
    return with_readings(ocr, glyph_readings(ocr, typed, texts, asked, open_c) if asked else [None] * len(texts))
