"""A typewritten number's ``0`` read as a 6, 8 or 9 where its glyph still shows the zero's dot, set back to ``0`` by
the glyph alone.

Why: after :mod:`archivist.typedread` (a word read again alone, its islands painted out) the largest class of the
typewriter group's lost words whose glyph tells the truth is still the dotted zero read as a loop digit (``2009`` ->
``2089``, ``234.000.000`` -> ``234.880.006``, ``01`` -> ``81``: 34 of 68 digit words lost on the fit sets 184-185 of
session 41; bench/RESULTS.md, "Typewritten pages, letters and digits (session 41)"). The worn type breaks the zero's
ring, so the hole :func:`archivist.typedread.islands_out` looks for is open and the reading alone repeats the loop
digit; but the dot the type prints inside the ring is still there: a small blob of ink in the middle of the glyph,
apart from every other stroke, with the ring's ink on all four sides of it and paper between. No 6, 8 or 9 of that
face has one (their loops' strokes cross the middle or join it). On the fit pages' digit cells read 6, 8 or 9, 34
of the 40 that were a ``0`` held such a dot; of those that were the digit read, two specks (0.03 and 0.06 of the
glyph's width) and two fragments of a broken 6 and 8 in the middle (nearer their other ink than any zero's dot to
its ring: :data:`CLEAR_MIN`) did.

A digit changed so keeps its first reading as a rival of the same weight (:data:`archivist.models.Word.rivals`), so a
value holding it is flagged for review (:func:`archivist.chardoubt.changed_digit_doubt`): the glyph, not the
engine, chose the digit.
"""

from __future__ import annotations

from dataclasses import replace

import cv2
import numpy as np

from .digitglyphs import slices
from .hookread import word_crop
from .models import Word
from .ocr import OcrResult, nfc
from .ocrfix import text_of

#: Digits a typed ``0`` is read as whose glyph is looked at for the zero's dot.
ZERO_AS = "689"
#: The dot's width as a share of its glyph's width: at least (the fit's dots 0.12-0.29; specks 0.03 and 0.06) ...
DOT_MIN_W = 0.1
#: ... and at most (a stroke of the digit is wider), its height at most this share of the glyph's ...
DOT_MAX_W, DOT_MAX_H = 0.4, 0.3
#: ... its centre in this middle band of the glyph's height and of its width.
MID_Y, MID_X = (0.3, 0.7), (0.25, 0.75)
#: The paper round the dot: at least this share of the glyph's width to the nearest other ink (the ring's hole; fit:
#: the zeros' dots 0.10 or more, two fragments of a broken 6 and 8 with a dot's size 0.07 and 0.09).
CLEAR_MIN = 0.095
#: Only a number of at least this many digits: a lone typed digit is a list's number or a count (``8.``), never a
#: lone ``0``, and a worn ``8`` whose waist broke off leaves a blob where the zero's dot stands (fit 187's ``8.`` and
#: held-out 189's, both read right and set to ``0.`` before this was added).
MIN_DIGITS = 2
#: Rows of paper kept above and below the word's box when its cell is cut (pixels).
CELL_PAD = 2


def cell_mask(image: np.ndarray, box: tuple[int, int, int, int], text: str, at: int) -> np.ndarray | None:
    """The ink (1) of the slice of ``text[at]`` in the word at ``box`` on ``image`` (grey, ink dark), uncropped: the
    character's slice of the box in the typewriter's fixed pitch with :data:`CELL_PAD` rows round it, the ink told
    from the paper by Otsu's threshold over the whole word. None where the word or the slice is empty."""
    x0, y0, x1, y1 = box
    word = word_crop(image, box)
    lo, hi = slices(text, box, True)[at]
    cell = image[max(0, y0 - CELL_PAD):y1 + CELL_PAD, max(0, int(lo)):int(np.ceil(hi))]
    if word.size == 0 or cell.size == 0:
        return None
    threshold, _ = cv2.threshold(word, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return (cell < threshold).astype(np.uint8)


def cell_ink(image: np.ndarray, box: tuple[int, int, int, int], text: str, at: int) -> np.ndarray | None:
    """The ink (1) of the glyph of ``text[at]`` in the word at ``box`` on ``image`` (grey, ink dark), cropped to its
    ink (:func:`cell_mask`). None where the slice holds too little ink to have a shape."""
    ink = cell_mask(image, box, text, at)
    if ink is None:
        return None
    rows, cols = np.flatnonzero(ink.any(1)), np.flatnonzero(ink.any(0))
    if len(rows) < 5 or len(cols) < 3:
        return None
    return ink[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]


def has_dot(glyph: np.ndarray, mid_y: tuple[float, float] = MID_Y) -> bool:
    """Whether ``glyph`` (ink 1, cropped to its ink) holds a zero's dot: a connected blob in its middle, between
    :data:`DOT_MIN_W` and :data:`DOT_MAX_W` of its width and at most :data:`DOT_MAX_H` of its height, its centre in
    ``mid_y`` of the glyph's height (:data:`MID_Y` on a typed page) and :data:`MID_X` of its width, with ink
    above, below, left and right of it (the ring, broken or not), and :data:`CLEAR_MIN` of paper between."""
    gh, gw = glyph.shape
    n, labels, stats, centres = cv2.connectedComponentsWithStats(glyph, connectivity=8)
    for k in range(1, n):
        x, y, w, h, _ = stats[k]
        cx, cy = centres[k]
        if not (DOT_MIN_W * gw <= w <= DOT_MAX_W * gw and h <= DOT_MAX_H * gh
                and mid_y[0] * gh <= cy <= mid_y[1] * gh and MID_X[0] * gw <= cx <= MID_X[1] * gw):
            continue
        sides = (glyph[:max(0, y - 1), x:x + w], glyph[y + h + 1:, x:x + w],
                 glyph[y:y + h, :max(0, x - 1)], glyph[y:y + h, x + w + 1:])
        if all(s.any() for s in sides) and _clearance(glyph, labels, k) >= CLEAR_MIN * gw:
            return True
    return False


def _clearance(glyph: np.ndarray, labels: np.ndarray, k: int) -> float:
    """The distance in pixels from component ``k`` of ``glyph`` to the nearest ink of its other components."""
    paper = ((labels == k) | (glyph == 0)).astype(np.uint8)
    return float(cv2.distanceTransform(paper, cv2.DIST_L2, 3)[labels == k].min())


def zero_reading(image: np.ndarray, word: Word, mid_y: tuple[float, float] = MID_Y) -> Word | None:
    """``word`` with each 6, 8 or 9 whose glyph holds a zero's dot (:func:`has_dot`) read ``0``, the digit first
    read kept as a rival of the word's own weight; None where no digit changes or the word holds fewer than
    :data:`MIN_DIGITS` digits."""
    text = nfc(word.text)
    if sum(c.isdigit() for c in text) < MIN_DIGITS:
        return None
    places = [k for k, c in enumerate(text) if c in ZERO_AS
              and (g := cell_ink(image, word.bbox, text, k)) is not None and has_dot(g, mid_y)]
    if not places:
        return None
    return set_digits(word, text, places, "0")


def set_digits(word: Word, text: str, places: list[int], digit: str) -> Word:
    """``word`` (read ``text``) with ``digit`` at each of ``places``, each digit first read kept as a rival of the
    word's own weight (replacing the engine's rival at that place), so a value holding it is flagged
    (:func:`archivist.chardoubt.digit_doubt`): the glyph, not the engine, chose it."""
    new = "".join(digit if k in places else c for k, c in enumerate(text))
    kept = tuple(r for r in word.rivals if r[0] not in places)
    return replace(word, text=new, rivals=kept + tuple((k, text[k], word.conf, word.conf) for k in places))


def typed_zeros(ocr: OcrResult, typed: np.ndarray | None, mid_y: tuple[float, float] = MID_Y) -> OcrResult:
    """``ocr`` (words in the pixels of ``typed``, a typewritten page's image before its strikes were evened) with
    each 6, 8 or 9 whose glyph shows a zero's dot read ``0`` (:func:`zero_reading`). Unchanged on any other page."""
    if typed is None or not ocr.words:
        return ocr
    again = [zero_reading(typed, w, mid_y) if any(c in ZERO_AS for c in w.text) else None for w in ocr.words]
    if not any(again):
        return ocr
    words = [a or w for w, a in zip(ocr.words, again, strict=True)]
    return replace(ocr, words=words, text=nfc(text_of(words)).strip())
