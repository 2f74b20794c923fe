"""A typewritten ``l`` read ``t`` in a syllable that makes no word with its neighbours, read ``l`` where that makes one
(``quản tý`` for ``quản lý``), told by the glyph: the mono face's ``l`` has a flag at the top of its stem, its ``t``
a bare stem top.

Why: ``l`` read ``t`` is the largest one-glyph slip the typewriter group keeps (13 of the 331 one-glyph words lost on
fit seeds 234-237: ``tý``, ``tập``, ``tại``, ``tuận``, ``tà``; bench/RESULTS.md, "Typewritten pages, seventh round
(session 43)"), and the read word is mostly a syllable in use, so only its neighbours say it is wrong (the list of
words of :mod:`archivist.wordpairs`, asked as :func:`archivist.typedpair.pair_reading` asks an ``o`` for an ``e``).
Neither the ``t``'s bar (session 42) nor the stem's height tells the letters apart; the top does: over the first rows
of ink above the small letters' height, the widest run of ink was 0.36-0.43 of a pitch under most of the 49 ``l``
read right (median 0.40), 0.39-0.42 under 4 of the 5 ``l`` read ``t``, and 0.1-0.21 under 80% of the 737 ``t`` read
right (median 0.14), 7 of them within :data:`FLAG_RANGE` (wider runs are a ``t``'s bar or a mark, outside it). So the
glyph alone would break right ``t``: the rule asks the neighbours first.
"""

from __future__ import annotations

import numpy as np

from .ocr import OcrResult, nfc
from .syllables import attested
from .typedcase import with_readings
from .typedfoot import longest_run
from .typedpair import asked_pairs
from .typedring import glyph_readings
from .typedupper import body_of

#: An ``l``'s flag: the widest run of ink over the first rows above the small letters' height, in pitches.
FLAG_RANGE = (0.35, 0.5)
#: The first rows above the small letters' height: this share of their height, two rows at least.
TOP_ROWS = 0.3


def _l_forms(core: str) -> dict[str, tuple[int, str]]:
    """Each syllable in use (in small letters) that ``core`` makes with one of its small ``t`` read ``l``, with the
    place of that glyph and the syllable in ``core``'s case."""
    out: dict[str, tuple[int, str]] = {}
    for place, ch in enumerate(core):
        again = core[:place] + "l" + core[place + 1:]
        if ch == "t" and again.lower() in attested():
            out[again.lower()] = (place, again)
    return out


def flagged(cell: np.ndarray, small: float, pitch: float) -> bool:
    """Whether the glyph in ``cell`` (ink 1), a stem standing on the baseline, shows an ``l``'s flag: the widest run
    of ink over its first :data:`TOP_ROWS` above the small letters' height ``small`` within :data:`FLAG_RANGE`."""
    body = body_of(cell) if cell.size else None
    if body is None or body[0] <= small:
        return False
    height, _, bottom = body
    top = cell[bottom - height:bottom - round(small)]
    ink = np.flatnonzero(top.any(1))
    if not ink.size:
        return False
    rows = top[ink[0]:ink[0] + max(2, round(TOP_ROWS * small))]
    return FLAG_RANGE[0] * pitch <= max(longest_run(r) for r in rows) <= FLAG_RANGE[1] * pitch


def typed_flags(ocr: OcrResult, typed: np.ndarray | None) -> OcrResult:
    """``ocr`` (words in the pixels of ``typed``, a typewritten page's image before its strikes were evened) with
    each syllable read with a ``t`` that makes no word with its neighbours read with an ``l`` where that makes one
    (:func:`archivist.typedpair.pair_reading`) and the glyph shows the ``l``'s flag (:func:`flagged`). Unchanged on
    any other page."""
    if typed is None or not ocr.words:
        return ocr
    texts = [nfc(w.text) for w in ocr.words]
    return with_readings(ocr, glyph_readings(ocr, typed, texts, asked_pairs(texts, _l_forms), flagged))
