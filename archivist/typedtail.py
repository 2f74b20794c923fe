"""A typewritten ``p`` ending a syllable read ``n`` (``Họn`` for ``Họp``, ``tổng hợn`` for ``tổng hợp``, ``Liên
hiện Phụ nữ`` for ``Liên hiệp``), told by the words and by the ``p``'s descender.

Why: after :mod:`archivist.typedopen` a ``p`` read ``n`` is among the one-glyph slips in small letters the typewriter
group keeps (fit seeds 300-302: 4, ``Họn``, ``hợn``, ``hiện`` for ``hiệp``, ``ấn`` for ``ấp``; bench/RESULTS.md,
"Typewritten pages, ninth round (session 45)"). The engine sees the ``p``'s bowl as an ``n``'s arch when its foot is
faint, but the stem below the line mostly stays: under 3 of the 4, ink stands on 0.71-1.0 of the rows from 0.1 to 0.45
of the small letters' height below the body's foot (:data:`DESC_ROWS`); under 95% of the 5,388 ``n`` read right on
the same pages on none, but about 2% stand on 0.71 or more (a speck, the next line's ink), so the glyph alone does not
decide. The ``n`` ending a syllable is asked by the words first, as :mod:`archivist.typedpair` asks an
``o`` read ``e``: a word none uses where the ``p`` makes the one word (``Họn``, ``hợn``), or a syllable making no word
with its neighbours where the ``p`` makes one (``Liên hiện`` → ``liên hiệp``); the glyph must then show the
descender (:func:`descender`). Only small words (a capitalised first word too) are asked: names in capitals, numbers
and codes never.
"""

from __future__ import annotations

import numpy as np

from .ocr import OcrResult, nfc
from .syllables import attested
from .typedcase import with_readings
from .typedpair import asked_pairs
from .typedring import glyph_readings
from .typedstem import lone_reading
from .typedupper import body_of

#: The rows of a ``p``'s descender: from this share of the small letters' height below the body's foot to this one.
DESC_ROWS = (0.1, 0.45)
#: A descender: ink on at least this share of those rows (fit: 3 of the 4 ``p`` read ``n`` 0.71-1.0; 95% of the
#: ``n`` read right 0).
DESC_MIN = 0.6
#: A body taller than this share of the small letters' height runs on into its descender (a ``p`` not worn apart).
JOINED = 1.15


def _final_p(core: str) -> dict[str, tuple[int, str]]:
    """The syllable in use (in small letters) that ``core`` makes with the small ``n`` ending it read ``p``, with the
    place of that glyph and the syllable in ``core``'s case; empty elsewhere."""
    again = core[:-1] + "p"
    return {again.lower(): (len(core) - 1, again)} if len(core) > 1 and core[-1] == "n" and (
        again.lower() in attested()) else {}


def descender(cell: np.ndarray, small: float, pitch: float) -> bool:
    """Whether the glyph in ``cell`` (ink 1) shows a ``p``'s descender: ink on :data:`DESC_MIN` of the rows
    :data:`DESC_ROWS` of the small letters' height ``small`` under its baseline: the body's foot, or where the body
    runs on below the small letters' height (a whole ``p``, its stem joined to its bowl) its top and that height.
    ``pitch`` is unused."""
    body = body_of(cell) if cell.size and small > 0 else None
    if body is None:
        return False
    height, _, bottom = body
    base = bottom - height + round(small) if height > JOINED * small else bottom
    rows = cell[base + max(1, round(DESC_ROWS[0] * small)):base + round(DESC_ROWS[1] * small)]
    return rows.shape[0] >= (DESC_ROWS[1] - DESC_ROWS[0]) * small - 1 and float(rows.any(1).mean()) >= DESC_MIN


def typed_tails(ocr: OcrResult, typed: np.ndarray | None) -> OcrResult:
    """``ocr`` (words in the pixels of ``typed``, a typewritten page's image before its strikes were evened) with an
    ``n`` ending a syllable read ``p`` where the words ask it (a word none uses, :func:`archivist.typedstem.
    lone_reading`, or its neighbours, :func:`archivist.typedpair.asked_pairs`) and the glyph shows the descender
    (:func:`descender`). Unchanged on any other page."""
    if typed is None or not ocr.words:
        return ocr
    texts = [nfc(w.text) for w in ocr.words]
    asked = asked_pairs(texts, _final_p)
    asked.update({k: got for k, t in enumerate(texts) if (got := lone_reading(t, _final_p))})
    return with_readings(ocr, glyph_readings(ocr, typed, texts, asked, descender))
