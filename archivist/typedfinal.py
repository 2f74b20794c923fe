"""A typewritten final ``n`` read ``r`` (``dâr`` for ``dân``, ``nhâr`` for ``nhân``, ``bar`` for ``ban``), told by the
glyph's right stem.

Why: no Vietnamese syllable ends in ``r``, yet the typewriter group keeps such words: a worn ``n`` whose right stem
breaks at the shoulder is read ``r`` (5 of the 7 ``n`` read ``r`` on fit seeds 234-237 end a word; bench/RESULTS.md,
"Typewritten pages, seventh round (session 43)"), and the engine's own second reading repeats it. The mono face's
``r`` has its arm at the top right and nothing under it; an ``n`` keeps its right stem down to the baseline. On the
fit pages (234-236) the share of the lower half of the body (:data:`LOW_FROM` to :data:`LOW_TO`) holding ink right of
the glyph's middle was 0.67 or less under 253 of the 256 ``r`` read right inside a word (most 0; 3 at 1.0), 1.0
under each ``n`` read ``r`` at a word's end.

So a word in small letters (or capitalised) ending in ``r`` is read with ``n`` there only where that makes a word in
use (:func:`archivist.syllables.attested`) and the glyph shows a right stem (:data:`STEM_MIN`); a code or a word in
capitals is never asked, nor a word that already is one.
"""

from __future__ import annotations

import numpy as np

from .ocr import OcrResult, nfc
from .syllables import attested
from .tokens import EDGE, split_edges
from .typedcase import with_readings
from .typedring import glyph_readings
from .typedupper import body_of

#: The lower half of the glyph's body: from this share of its height above the baseline ...
LOW_FROM = 0.55
#: ... down to this share (a foot serif left out).
LOW_TO = 0.1
#: A right stem: ink right of the glyph's middle on at least this share of those rows.
STEM_MIN = 0.7


def n_reading(text: str) -> tuple[int, str] | None:
    """The place of the final ``r`` of ``text`` (edge punctuation counted) and ``text`` read with ``n`` there, where
    the word as read is none in use and that makes one (edge punctuation kept); None elsewhere."""
    lead, core, trail = split_edges(text, EDGE)
    if len(core) < 2 or not core.isalpha() or not core.endswith("r") or not core[1:].islower():
        return None
    again = core[:-1] + "n"
    if core.lower() in attested() or again.lower() not in attested():
        return None
    return len(lead) + len(core) - 1, lead + again + trail


def right_stem(cell: np.ndarray) -> bool:
    """Whether the glyph in ``cell`` (ink 1) has ink right of its middle down the lower half of its body (an ``n``'s
    right stem), on :data:`STEM_MIN` of those rows."""
    body = body_of(cell) if cell.size else None
    if body is None:
        return False
    height, _, bottom = body
    cols = np.flatnonzero(cell[bottom - height:bottom].any(0))
    middle = int((cols[0] + cols[-1]) / 2) + 1
    low = cell[bottom - round(LOW_FROM * height):bottom - round(LOW_TO * height), middle:]
    return low.size > 0 and float(low.any(1).mean()) >= STEM_MIN


def typed_finals(ocr: OcrResult, typed: np.ndarray | None) -> OcrResult:
    """``ocr`` (words in the pixels of ``typed``, a typewritten page's image before its strikes were evened) with
    each word ending in an ``r`` read ``n`` where that makes a word in use (:func:`n_reading`) and the glyph has a
    right stem (:func:`right_stem`). Unchanged on any other page."""
    if typed is None or not ocr.words:
        return ocr
    texts = [nfc(w.text) for w in ocr.words]
    asked = {k: got for k, t in enumerate(texts) if (got := n_reading(t))}
    return with_readings(ocr, glyph_readings(ocr, typed, texts, asked, lambda cell, _, __: right_stem(cell), False))
