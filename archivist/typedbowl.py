"""A typewritten ``o`` read ``c`` in a syllable that makes no word with its neighbours, read ``o`` where that makes
one (``báo các`` for ``báo cáo``), told by the glyph: an ``o`` closes its bowl on the right, a ``c`` leaves it open.

Why: a worn ``o`` whose right side faded is read ``c``, and the syllable read is often one in use (``các``), so no
rule asking words none uses sees it; the pair of syllables does (:func:`archivist.typedpair.asked_pairs`: ``báo
các`` stands in no word, ``báo cáo`` is one). Typewriter seed 481 had two (bench/RESULTS.md, "Typewritten pages, c
read s, a rival, a long phrase (session 49)"). The glyph settles it where the pair alone would guess: the mono face's
``c`` holds no ink in the right part of its cell across its middle rows (:mod:`archivist.typedspine`: the ``c`` read
right reached 0.39 of the cell at most there), an ``o`` holds its right stroke there on every middle row
(:func:`closed_o`). On the typed pages of seeds 530-534 (bench/RESULTS.md, "Typewritten pages, a letter lost and an o
read c (session 49, second round)") it asked no word; the test passed 342 of the 386 ``o`` and 1 of the 1,314 ``c``
glyph cells of words in use there (that one a cell laid off by a lost letter: ``ác`` for ``Các``).
"""

from __future__ import annotations

import numpy as np

from .ocr import OcrResult, nfc
from .syllables import attested
from .typedcase import with_readings
from .typedpair import asked_pairs
from .typedring import glyph_readings
from .typedspine import middle_rows

#: The right of the cell where an ``o``'s right stroke stands on every middle row: from this share of the cell's width
#: (a ``c`` read right: 0.39 at most, :data:`archivist.typedspine.RIGHT_MAX`).
RIGHT_FROM = 0.55


def o_forms(core: str) -> dict[str, tuple[int, str]]:
    """Each syllable in use (in small letters) that ``core`` (a syllable as read) makes with one of its ``c`` read
    ``o``, with the place of that glyph and the syllable in ``core``'s case."""
    out: dict[str, tuple[int, str]] = {}
    for place, ch in enumerate(core):
        if ch == "c":
            again = core[:place] + "o" + core[place + 1:]
            if again.lower() in attested():
                out[again.lower()] = (place, again)
    return out


def closed_o(cell: np.ndarray, small: float, pitch: float) -> bool:
    """Whether the glyph in ``cell`` (ink 1) is an ``o``: its ink :data:`archivist.typedspine.HEIGHT` of the small
    letters' height ``small``, and on every one of its middle rows ink both in the left of the cell
    (:func:`archivist.typedspine.middle_rows`) and from :data:`RIGHT_FROM` of it rightwards. ``pitch`` unused (the
    shared test's signature)."""
    mid = middle_rows(cell, small)
    return mid is not None and bool(mid[:, round(RIGHT_FROM * cell.shape[1]):].any(1).all())


def typed_bowls(ocr: OcrResult, typed: np.ndarray | None) -> OcrResult:
    """``ocr`` (words in the pixels of ``typed``, a typewritten page's image before its strikes were evened) with
    each syllable read with a ``c`` that makes no word with its neighbours read with an ``o`` where that makes one
    (:func:`o_forms`, :func:`archivist.typedpair.asked_pairs`) and the glyph is a closed ``o`` (:func:`closed_o`).
    Unchanged on any other page."""
    if typed is None or not ocr.words:
        return ocr
    texts = [nfc(w.text) for w in ocr.words]
    asked = asked_pairs(texts, o_forms)
    return with_readings(ocr, glyph_readings(ocr, typed, texts, asked, closed_o) if asked else [None] * len(texts))
