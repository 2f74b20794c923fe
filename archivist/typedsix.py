"""A typewritten number's ``6`` read ``8``, told by the ``6``'s open top right.

Why: after :mod:`archivist.typedzero` (a zero read as a loop digit, set back by its dot) the digit the typewriter
group still misreads most inside numbers, dates and codes is the ``6`` read ``8`` (``169/KH-UBND`` stored
``189/KH-UBND`` without a flag, ``11/06/2006`` read ``11/08/2006``, ``2006`` read ``2088``: 9 on the fit seeds
305-307; bench/RESULTS.md, "Typewritten pages, capitals and digits in values (session 45)"). Worn type fills the
``6``'s bowl and blurs its hook, so the engine sees two loops; but the mono face's ``6`` leaves the right half of its
upper body open: between its hook and its bowl (0.25-0.45 of the glyph's height below its top) its ink stops about
half way across, where an ``8``'s upper loop reaches its right edge. Measured on the fit pages' digit cells (the
cell :func:`archivist.typedzero.cell_ink` cuts at the typewriter's pitch), the median of the rows' rightmost ink
as a share of the glyph's width (:func:`right_reach`) was 0.68 or more under every one of the 40 ``8`` read right
(0.89 or more under 38), 0.24-0.50 under 6 of the 9 ``6`` read ``8`` (the three others 0.71-0.92: left as read).
No other evidence is used: not what the value should be.

Only an ``8`` among digits is asked (a number, a date, a code's number, a percentage): an ``8`` read for a capital
``B`` or ``G`` (``8AN``, ``121/8M-UBND``) is left to the code and word rules. A digit changed so keeps its first
reading as a rival of the same weight (:data:`archivist.models.Word.rivals`), as :mod:`archivist.typedzero` does,
so a stored value holding it is flagged for review (:func:`archivist.chardoubt.digit_doubt`): the glyph, not the
engine, chose the digit.
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np

from .models import Word
from .ocr import OcrResult, nfc
from .ocrfix import text_of
from .typedcase import page_pitch
from .typedupper import fits_cells
from .typedzero import cell_ink, cell_mask, set_digits

#: The upper body's rows looked at, as shares of the glyph's height below its top: under the ``6``'s hook, over
#: its bowl (an ``8``'s upper loop).
UPPER = (0.25, 0.45)
#: A ``6``: the median rightmost ink of those rows at most this share of the glyph's width (fit: ``6`` read ``8``
#: 0.24-0.50 for 6 of 9; ``8`` read right 0.68 or more, all 40).
REACH_MAX = 0.58
#: The glyph must stand at least this share of its word box's height (a fragment of a broken cell is not read).
HEIGHT_MIN = 0.7
#: The glyph must be whole in its slice: ink on at most this share of the rows of the slice's first and last columns
#: (fit and held out: the ``6`` read ``8`` taken 0.10 at most; a slice off its glyph, where the engine read a
#: character too many inside the word (``320.8006.000``, ``28$/11/2007;``), 0.17-0.28).
EDGE_MAX = 0.15
#: An ``8`` is asked where a digit stands next to it or the word holds only digits and a number's punctuation.
NUMBERLIKE = re.compile(r"[\d.,/%:;()-]+")


def right_reach(glyph: np.ndarray, rows: tuple[float, float] = UPPER) -> float:
    """The median over ``rows`` (shares of ``glyph``'s height; ink 1, cropped to its ink) of each row's rightmost
    ink, as a share of the glyph's width (a row with no ink counts 0)."""
    h, w = glyph.shape
    band = glyph[int(rows[0] * h):max(int(rows[0] * h) + 1, int(rows[1] * h))]
    ends = [(np.flatnonzero(r)[-1] + 1) / w if r.any() else 0.0 for r in band]
    return float(np.median(ends))


def asked(text: str) -> list[int]:
    """The places of ``text`` holding an ``8`` among digits (:data:`NUMBERLIKE`, or a digit beside it)."""
    whole = NUMBERLIKE.fullmatch(text) is not None
    return [k for k, c in enumerate(text) if c == "8"
            and (whole or (k > 0 and text[k - 1].isdigit()) or (k + 1 < len(text) and text[k + 1].isdigit()))]


def whole(image: np.ndarray, box: tuple[int, int, int, int], text: str, at: int) -> bool:
    """Whether the glyph of ``text[at]`` lies whole in its slice of the word at ``box``: the slice's first and last
    columns hold ink on at most :data:`EDGE_MAX` of its rows (a slice cutting through a glyph leaves half of it,
    and an ``8`` cut at its right is as open there as a ``6``)."""
    mask = cell_mask(image, box, text, at)
    return mask is not None and mask.shape[1] >= 2 and max(mask[:, 0].mean(), mask[:, -1].mean()) <= EDGE_MAX


def six_reading(image: np.ndarray, word: Word, pitch: float) -> Word | None:
    """``word`` with each asked ``8`` (:func:`asked`) whose glyph is open at its top right (:func:`right_reach` at
    most :data:`REACH_MAX`, the glyph :data:`HEIGHT_MIN` of the box high and whole in its slice, :func:`whole`) read
    ``6``, the ``8`` kept as a rival of
    the word's own weight; None where no digit changes, or where the word's box is not as many cells of the page's
    ``pitch`` wide as it has characters (:func:`archivist.typedupper.fits_cells`: a character read too many, as
    ``173.800.0000``, puts every cell off its glyph)."""
    text = nfc(word.text)
    if not fits_cells(word.bbox, len(text), pitch):
        return None
    box_h = word.bbox[3] - word.bbox[1]
    places = [k for k in asked(text) if whole(image, word.bbox, text, k)
              and (g := cell_ink(image, word.bbox, text, k)) is not None
              and g.shape[0] >= HEIGHT_MIN * box_h and right_reach(g) <= REACH_MAX]
    if not places:
        return None
    return set_digits(word, text, places, "6")


def typed_sixes(ocr: OcrResult, typed: np.ndarray | None) -> OcrResult:
    """``ocr`` (words in the pixels of ``typed``, a typewritten page's image before its strikes were evened) with
    each ``8`` among digits whose glyph is a ``6``'s read ``6`` (:func:`six_reading`). Unchanged on any other page."""
    if typed is None or not ocr.words or not any("8" in w.text for w in ocr.words):
        return ocr
    pitch = page_pitch(ocr.words)
    if pitch is None:
        return ocr
    again = [six_reading(typed, w, pitch) if "8" in w.text else None for w in ocr.words]
    if not any(again):
        return ocr
    words = [a or w for w, a in zip(ocr.words, again, strict=True)]
    return replace(ocr, words=words, text=nfc(text_of(words)).strip())
