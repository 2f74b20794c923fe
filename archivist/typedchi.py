"""A typewritten ``chi`` read ``chỉ`` where the records write ``chi`` (``chi phí``, ``được chi từ``, ``Củ Chi``),
told by the glyph: the ``i``'s dot is a short mark over its stem, the ``ỉ``'s hook a tall one.

Why: ``chỉ`` and ``chi`` are both words in use, so no rule asking words none uses sees the slip (5 on typewriter
seeds 440-442, bench/RESULTS.md, "Typewritten pages, a set phrase's word none uses (session 48)"), and
:mod:`archivist.phrasefix` reads back only the lexicon's phrases (``chi trả``, ``chi bộ``), not ``chi phí`` nor a
place's ``Củ Chi``. The words beside say where ``chi`` is written (:data:`NEXT`, :data:`BEFORE`); ``chỉ`` is right
there too at times (``chỉ từ``: only from), so the glyph decides: on the typewriter pages of seeds 467 and 470 the
mark over a typed ``ỉ`` (``chỉ tiêu``, ``Chỉ huy``) stands 0.30-0.33 of the small letters' height, the dot of the one
``chi`` read ``chỉ`` 0.17 (:data:`DOT_MAX`).
"""

from __future__ import annotations

import numpy as np

from .ocr import OcrResult, nfc
from .tokens import EDGE, split_edges
from .typedcase import with_readings
from .typedring import glyph_readings
from .typedupper import body_of, row_runs

#: Words the records write after ``chi`` (to spend): ``chi phí``, ``chi trả``, ``được chi từ ngân sách``.
NEXT = frozenset({"phí", "từ", "trả", "bộ", "lương", "thường", "hỗ", "cho"})

#: Words the records write before ``chi``: ``thu chi``, a place's ``Củ Chi``.
BEFORE = frozenset({"thu", "củ"})

#: The tallest mark over an ``i``'s stem read as its dot, in the small letters' height (a hook: 0.30 and over).
DOT_MAX = 0.24


def asked(texts: list[str], lines: list[int], k: int) -> tuple[int, str] | None:
    """The place of the ``ỉ`` and word ``k`` read ``chi``, its case and edges kept, where it is read ``chỉ`` and a
    word beside it on its line, no punctuation between, is one the records write with ``chi``; None elsewhere."""
    lead, core, trail = split_edges(texts[k], EDGE)
    if core.lower() != "chỉ" or not core[1:].islower():
        return None
    after = not trail and k + 1 < len(texts) and lines[k + 1] == lines[k] and texts[k + 1].rstrip(EDGE) in NEXT
    before = not lead and k > 0 and lines[k - 1] == lines[k] and texts[k - 1].lower() in BEFORE
    return (len(lead) + 2, lead + core[:2] + "i" + trail) if after or before else None


def dotted(cell: np.ndarray, small: float, pitch: float) -> bool:
    """Whether the mark over the glyph's body in ``cell`` (ink 1) is a dot: one run of rows above the body, no taller
    than :data:`DOT_MAX` of the small letters' height ``small``. ``pitch`` unused (the test's shared signature)."""
    body = body_of(cell) if cell.size else None
    if body is None or small <= 0:
        return False
    height, _, bottom = body
    marks = [run for run in row_runs(cell) if run[1] <= bottom - height]
    return len(marks) == 1 and marks[0][1] - marks[0][0] <= DOT_MAX * small


def typed_chis(ocr: OcrResult, typed: np.ndarray | None) -> OcrResult:
    """``ocr`` (a typewritten page's words; ``typed`` its image, None on any other page) with each ``chỉ`` where the
    words beside it write ``chi`` (:func:`asked`) read ``chi`` where the mark over its ``i`` is a dot
    (:func:`dotted`). Unchanged on any other page."""
    if typed is None or not ocr.words:
        return ocr
    texts = [nfc(w.text) for w in ocr.words]
    lines = [w.line for w in ocr.words]
    ask = {k: got for k in range(len(texts)) if (got := asked(texts, lines, k))}
    return with_readings(ocr, glyph_readings(ocr, typed, texts, ask, dotted) if ask else [None] * len(texts))
