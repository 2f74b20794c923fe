"""A list item's dash the reading of a speckled page left out (``- Trưởng xóm Chùa`` read ``Trường xó im Chùa``),
put back where its bar stands before the line's first word, in line with the list's other dashes.

Why: on the speckled 200 dpi pages Tesseract drops the dash opening a recipient or a list line (the specks beside
it take the line's first glyph's place in its segmentation), and a speck elsewhere was often read ``-`` in its stead:
once :mod:`archivist.specklone` drops those specks, the dashes the page prints and the reading lost show (18 on fit
seeds 310-312, 11 of them put back by these tests, bench/RESULTS.md, "Speckled pages, ninth round (session 45)").
A dash is the only word put back, and only on the glyph's evidence and the list's:

- a bar's ink before the line's first word: ``bar_min``-``bar_max`` of the page's word height wide, no
  higher than ``bar_high`` of it and at least twice as wide as high (a speck is round);
- at a dash's height: its middle between ``mid_low`` and ``mid_high`` of the first word's box from its top
  (a rule under a heading, a speck on the baseline are not);
- a word's gap from the first word: no more than ``gap`` of the word height, or inside the first word's box at
  its left (the engine's box for ``Trưởng`` held the dash it left out, seed 310's first page);
- in line with the list: its left edge within ``align`` word heights of another line's dash, read or put back
  (a list's dashes stand one under the other).

The limits are a speckled page's (:data:`SPECKLED`); :mod:`archivist.typeddash` puts back a typed page's dashes
with its own.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import cv2
import numpy as np

from .models import Word
from .ocr import OcrResult, nfc
from .ocrfix import text_of
from .speckdrop import _has_letter
from .specklone import page_word_height

DASHES = "-–—"


@dataclass(frozen=True)
class Limits:
    """The shape and place a dash's bar takes, as shares of the page's word height (the module's tests)."""

    bar_min: float  # a bar's width at least
    bar_max: float  # and at most
    bar_high: float  # its height at most
    mid_low: float  # its middle's place in the first word's box, from its top, at least
    mid_high: float  # and at most
    gap: float  # how far before the first word it may end
    align: float  # how near another line's dash its left edge stands
    inside: bool = True  # a bar inside the first word's box at its left counts (the engine's box held the dash)
    #: the bar's ink is told at the first word's letters' level (Otsu over its box), not over the bar's own crop,
    #: where a crop of bare paper has its grain split into ink and paper
    word_ink: bool = False


#: A speckled page's: the list dashes on the fit pages were 0.21-0.32 of the word height wide (measured whole), a
#: letter's stroke or a rule longer; the dashes put back stood 0.53-0.67 down the first word's box, a word's gap
#: (half a word height) from it, their left edges within 0.2 of one another.
SPECKLED = Limits(bar_min=0.18, bar_max=0.45, bar_high=0.17, mid_low=0.45, mid_high=0.75, gap=0.5, align=0.2)


def _level(image: np.ndarray, box: tuple[int, int, int, int]) -> float | None:
    """The ink's grey level in ``box`` on ``image`` (Otsu's threshold over it); None where the box is empty."""
    x0, y0, x1, y1 = (max(0, v) for v in box)
    crop = image[y0:y1, x0:x1]
    return float(cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)[0]) if crop.size else None


def _bars(image: np.ndarray, box: tuple[int, int, int, int], height: float, lim: Limits,
          level: float | None = None) -> list[tuple[int, int, int, int]]:
    """The bars (``lim``'s widths and height, twice as wide as high) in ``box`` on ``image`` (grey, ink dark; ink
    under ``level``, or Otsu over the box without one), as (x, y, w, h) on the page."""
    x0, y0, x1, y1 = (max(0, v) for v in box)
    crop = image[y0:y1, x0:x1]
    if crop.size == 0:
        return []
    if level is None:
        _, ink = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    else:
        ink = crop <= level
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink.astype(np.uint8), connectivity=8)
    out = []
    for i in range(1, n):
        x, y, w, h = (int(v) for v in stats[i, :4])
        if lim.bar_min * height <= w <= lim.bar_max * height and h <= lim.bar_high * height and w >= 2 * h:
            out.append((x0 + x, y0 + y, w, h))
    return out


def line_bars(image: np.ndarray, first: Word, height: float,
              within: tuple[int, int] | None = None, lim: Limits = SPECKLED) -> list[tuple[int, int, int, int]]:
    """The bars before ``first`` (a line's first word) that read as its dash (the module's first three tests), as
    (x, y, w, h); with ``within`` (x0, x1), those in that span instead (a token of marks read in the dash's place)."""
    x0, y0, x1, y1 = first.bbox
    level = _level(image, first.bbox) if lim.word_ink else None
    if lim.word_ink and level is None:
        return []
    if within is not None:
        spots = _bars(image, (within[0], y0, within[1], y1), height, lim, level)
    else:
        left = _bars(image, (int(x0 - (lim.gap + lim.bar_max) * height), y0, x0, y1), height, lim, level)  # faint
        # the engine's box may hold the dash it did not read: there the word's letters set the ink's threshold
        spots = left + [b for b in _bars(image, (x0, y0, x1, y1), height, lim)
                        if lim.inside and b[0] <= x0 + lim.bar_max * height]
    found = []
    for x, y, w, h in spots:
        mid = (y + h / 2 - y0) / max(1, y1 - y0)
        if lim.mid_low <= mid <= lim.mid_high and (within is not None or x0 - (x + w) <= lim.gap * height):
            found.append((x, y, w, h))
    return found


def _candidates(words: list[Word], image: np.ndarray, height: float,
                lim: Limits) -> tuple[list[int], dict[int, list]]:
    """The left edges of the dashes read opening a line (alone, or glued to its word: ``-7TT``, left as read), and
    for each other line the bars that may be its dash:
    before its first word, or inside a first token of marks only read in the dash's place (``.-``, ``_~``, ``-~``),
    measured against the word after it."""
    read, bars = [], {}
    for k, w in enumerate(words):
        if k and words[k - 1].line == w.line:
            continue
        text = nfc(w.text)
        if text[:1] in DASHES and (text in DASHES or _has_letter(text)):  # a dash read, alone or on its word
            read.append(w.bbox[0])
        elif not _has_letter(text):
            nxt = words[k + 1] if k + 1 < len(words) and words[k + 1].line == w.line else None
            pad = round(0.1 * height)
            if nxt is not None and (found := line_bars(image, nxt, height, (w.bbox[0] - pad, w.bbox[2] + pad), lim)):
                bars[k] = found
        elif found := line_bars(image, w, height, lim=lim):
            bars[k] = found
    return read, bars


def put_back_dashes(ocr: OcrResult, unsmoothed: np.ndarray | None, image: np.ndarray,
                    lim: Limits = SPECKLED) -> OcrResult:
    """``ocr`` (a speckled page's reading of ``image``; ``unsmoothed`` None on any other page) with a dash put back
    before each line's first word where its bar shows in line with the list's other dashes (the module's tests,
    within ``lim``). Unchanged on any page but a speckled one (``unsmoothed`` given: :mod:`archivist.typeddash`
    passes a typed page's image there)."""
    if unsmoothed is None or not ocr.words:
        return ocr
    height = page_word_height(ocr.words)
    if height is None:
        return ocr
    read, bars = _candidates(ocr.words, image, height, lim)
    add: dict[int, tuple[int, int, int, int]] = {}
    for k, found in bars.items():  # in line with a dash read, or with another line's bar
        others = read + [b[0] for j, bs in bars.items() if j != k for b in bs]
        aligned = [b for b in found if any(abs(x - b[0]) <= lim.align * height for x in others)]
        if aligned:
            add[k] = max(aligned, key=lambda b: b[0] + b[2])
    if not add:
        return ocr
    words: list[Word] = []
    for k, w in enumerate(ocr.words):
        if k in add:
            x, y, bw, bh = add[k]
            words.append(replace(w, text="-", bbox=(x, y, x + bw, y + bh), rivals=()))
            if not _has_letter(nfc(w.text)):  # marks read in the dash's place: the dash instead
                continue
            if w.bbox[0] <= x + bw:  # the word's box held the dash: it starts after it
                w = replace(w, bbox=(x + bw + 1, *w.bbox[1:]))
        words.append(w)
    return replace(ocr, words=words, text=nfc(text_of(words)).strip())
