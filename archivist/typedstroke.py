"""A typewritten ``đ`` read ``d`` (``dến`` for ``đến``, ``dồng`` for ``đồng``) or a ``d`` read ``đ`` (``đân`` for
``dân``), told by the stroke across the ascender.

Why: ``đ`` ↔ ``d`` is one of the small letters' slips session 45 left on the typewriter group (``đ`` read ``d`` 7 and
``d`` read ``đ`` 4 on session 44's fit seeds 277-281, 3 on session 45's 300-302; bench/RESULTS.md, "Typewritten
pages, ninth round (session 45)"), where the widest run of ink across the ascender could not tell them: the ``d``'s
own stem fills 0.17 of a pitch there and a worn bar leaves as little. The mono face's stroke crosses the stem
mostly on its left (7 of its 15 pixels at 50 px, 3 on the right), and a ``d``'s ascender is its stem alone: so the
share of the stroke's rows (:data:`STROKE_ROWS`) holding any ink left of the stem (the stem found as the rightmost
run of ink across the body's middle rows, where the bowl and the stem stand apart) tells them. On fit seeds 330-332
that share was 0 under 95% of the 111 ``d`` read right (0.12 at the 98th percentile), 0.28 or more under 95% of the
175 ``đ`` read right (median 0.5), 0 under 2% of them.

The words ask first, as :mod:`archivist.typedopen` asks a ``b`` read ``h``: a word none uses where the other letter
makes the one word (``dến``, ``đân``), or a syllable making no word with its neighbours where the other letter makes
one (:func:`archivist.typedstem.asked_words`); a word in use there is never asked. The glyph then decides: a ``d``
read is made ``đ`` only where the stroke's rows hold ink left of the stem on :data:`STROKE_MIN` of them, an ``đ``
read is made ``d`` only where none of them do (:data:`BARE_MAX`). Only a small ``d`` or ``đ`` opening a word (the
only place either stands) is asked; capitals (``Đ`` read ``D`` in a name or a code) never.
"""

from __future__ import annotations

import numpy as np

from .ocr import OcrResult, nfc
from .typedcase import with_readings
from .typedopen import _opening
from .typedring import glyph_readings
from .typedstem import asked_words
from .typedupper import body_of

#: The rows of the stroke across the ascender, in the small letters' height over the body's foot (the mono face's
#: stroke stands at 1.11-1.2, its ascender's top at 1.35).
STROKE_ROWS = (1.08, 1.32)
#: The body's middle rows, where the bowl and the stem stand apart (shares of the small letters' height over the foot).
MIDDLE_ROWS = (0.4, 0.6)
#: A stroke: ink left of the stem on at least this share of the stroke's rows (fit: 95% of the ``đ`` read right 0.28
#: or more, 2% of the ``d`` read right 0.12 or more).
STROKE_MIN = 0.3
#: No stroke: ink left of the stem on at most this share of the rows (fit: 95% of the ``d`` read right 0; 2% of the
#: ``đ`` read right).
BARE_MAX = 0.1
#: The glyph's ink must rise this far over its foot (in the small letters' height) to be measured: an ascender.
TALL_MIN = 1.2


def stroke_share(cell: np.ndarray, small: float) -> float | None:
    """The share of the stroke's rows (:data:`STROKE_ROWS`) of the glyph in ``cell`` (ink 1) holding ink left of its
    stem, the stem's left edge the median start of the rightmost run of ink across the body's middle rows
    (:data:`MIDDLE_ROWS`); None where the glyph has no ascender (:data:`TALL_MIN`) or no such rows."""
    body = body_of(cell) if cell.size and small > 0 else None
    if body is None:
        return None
    bottom = body[2]
    inked = np.flatnonzero(cell[:bottom].any(1))
    if not inked.size or (bottom - inked[0]) < TALL_MIN * small:
        return None
    starts = []
    for row in cell[max(0, round(bottom - MIDDLE_ROWS[1] * small)):max(0, round(bottom - MIDDLE_ROWS[0] * small))]:
        ink = np.flatnonzero(row)
        if ink.size:
            gaps = np.flatnonzero(np.diff(ink) > 1)
            starts.append(int(ink[gaps[-1] + 1]) if gaps.size else int(ink[0]))
    if not starts:
        return None
    left = int(np.median(starts)) - 1
    rows = cell[max(0, round(bottom - STROKE_ROWS[1] * small)):max(0, round(bottom - STROKE_ROWS[0] * small)),
                :max(0, left)]
    if rows.shape[0] == 0:
        return None
    return float(rows.any(1).mean()) if rows.size else 0.0


def stroked(cell: np.ndarray, small: float, pitch: float) -> bool:
    """Whether the glyph in ``cell`` read ``d`` shows an ``đ``'s stroke (:data:`STROKE_MIN`). ``pitch`` unused."""
    share = stroke_share(cell, small)
    return share is not None and share >= STROKE_MIN


def bare(cell: np.ndarray, small: float, pitch: float) -> bool:
    """Whether the glyph in ``cell`` read ``đ`` shows a ``d``'s bare ascender (:data:`BARE_MAX`). ``pitch`` unused."""
    share = stroke_share(cell, small)
    return share is not None and share <= BARE_MAX


def _to_dd(core: str) -> dict[str, tuple[int, str]]:
    """:func:`archivist.typedopen._opening` for a ``d`` read ``đ``."""
    return _opening(core, "d", "đ")


def _to_d(core: str) -> dict[str, tuple[int, str]]:
    """:func:`archivist.typedopen._opening` for an ``đ`` read ``d``."""
    return _opening(core, "đ", "d")


def typed_strokes(ocr: OcrResult, typed: np.ndarray | None) -> OcrResult:
    """``ocr`` (words in the pixels of ``typed``, a typewritten page's image before its strikes were evened) with a
    ``d`` opening a word read ``đ`` where the words ask it and the glyph shows the stroke (:func:`stroked`), an ``đ``
    read ``d`` where the words ask it and the glyph shows none (:func:`bare`). Unchanged on any other page."""
    if typed is None or not ocr.words:
        return ocr
    texts = [nfc(w.text) for w in ocr.words]
    to_dd = glyph_readings(ocr, typed, texts, asked_words(texts, _to_dd), stroked)
    to_d = glyph_readings(ocr, typed, texts, asked_words(texts, _to_d), bare)
    return with_readings(ocr, [a or b for a, b in zip(to_dd, to_d, strict=True)])
