"""The page number printed alone at the top of a page, found from the ink and read on its own.

Why: Decree 30/2020 numbers an administrative document's pages from the second, in Arabic digits at the top
centre, alone on their line. Tesseract's page layout analysis sets such a lone glyph aside as a speck and
never reads it: on the generated sets HG43-HG47 not one of the 34 table pages' numbers (nor any other
group's) was in the record. A lost ``2`` on a second page holding only the signature block (37 words) is
2.7% of that page's words; page numbers were the table pages' largest cause of lost words by the per-page
mean (bench/RESULTS.md, "Table pages over 2% (session 28)"). :mod:`archivist.classify` and
:mod:`archivist.footer` already take a number alone on the first line for a page number.

How: above the page's first line of text (its topmost word of two letters or digits read at
:data:`MIN_LINE_CONF` or better), in the middle third of the page's width, the ink (the page's own Otsu
cut) is cut into pieces; glyph-sized ones (as tall as a digit of the page's text) that sit on one line
side by side make a candidate, and only a lone one is read: its pieces alone on white paper, as one block
(Tesseract reads a lone ``2`` on a clean canvas at 96 where in the page's context it read nothing, ``5`` or
``ˆ``). The reading is kept only if it is one to three digits at :data:`MIN_CONF` or better, as the
page's first line; anything else (a speck, a seal's edge, a stray mark) adds nothing.
"""

from __future__ import annotations

from dataclasses import replace

import cv2
import numpy as np

from .models import Word
from .ocr import OcrEngine, OcrResult, text_from_words

#: A line is text when a word of it holds two letters or digits read at least this sure (not a speck's reading).
MIN_LINE_CONF = 50.0
#: A page number's digits are this high, as a share of the median height of the page's words (measured on
#: HG44's pages: 0.8-1.1; a word's box holds the marks above and the letters below the line, a digit's not).
GLYPH_HEIGHT = (0.5, 1.4)
#: ... and at most this wide (a digit is narrower than it is high).
GLYPH_WIDTH = 1.2
#: Pieces of one number: on one line (their vertical overlap this share of the lower one) and close.
SAME_LINE = 0.6
GAP = 0.8  # the widest gap between two digits of a number, in digit heights
MAX_DIGITS = 3
#: The reading kept: one to three digits read at least this sure (lone digits on a clean canvas: 88-96).
MIN_CONF = 70.0


def _text_top(words: list[Word]) -> tuple[int, float] | None:
    """Top of the page's first line of text and the median height of its words (None without text)."""
    real = [w for w in words if w.conf >= MIN_LINE_CONF and sum(c.isalnum() for c in w.text) >= 2]
    if not real:
        return None
    heights = sorted(w.bbox[3] - w.bbox[1] for w in real)
    return min(w.bbox[1] for w in real), float(heights[len(heights) // 2])


def find(gray: np.ndarray, words: list[Word]) -> tuple[tuple[int, int, int, int], np.ndarray] | None:
    """The box of a lone number-sized group of glyphs above the first line in the page's middle third, and
    the group alone on white paper (padded by its height); None when there is none or more than one."""
    top = _text_top(words)
    if top is None:
        return None
    first, med = top
    h, w = gray.shape
    x0, x1 = w // 3, 2 * w // 3
    band = gray[:max(0, first - 2), x0:x1]
    if band.shape[0] < 3:
        return None
    cut, _ = cv2.threshold(gray[::4, ::4], 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    ink = (band <= cut).astype(np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    lo, hi = GLYPH_HEIGHT[0] * med, GLYPH_HEIGHT[1] * med
    glyphs = [i for i in range(1, n)
              if lo <= stats[i, 3] <= hi and stats[i, 2] <= GLYPH_WIDTH * med
              and stats[i, 0] > 0 and stats[i, 1] > 0 and stats[i, 0] + stats[i, 2] < band.shape[1]]
    groups: list[list[int]] = []
    for i in sorted(glyphs, key=lambda k: stats[k, 0]):
        g = groups[-1] if groups else None
        if g is not None:
            j = g[-1]
            overlap = min(stats[i, 1] + stats[i, 3], stats[j, 1] + stats[j, 3]) - max(stats[i, 1], stats[j, 1])
            gap = stats[i, 0] - (stats[j, 0] + stats[j, 2])
            if overlap >= SAME_LINE * min(stats[i, 3], stats[j, 3]) and gap <= GAP * max(stats[i, 3], stats[j, 3]):
                g.append(i)
                continue
        groups.append([i])
    if len(groups) != 1 or len(groups[0]) > MAX_DIGITS:
        return None
    g = groups[0]
    gx0, gy0 = int(min(stats[k, 0] for k in g)), int(min(stats[k, 1] for k in g))
    gx1, gy1 = int(max(stats[k, 0] + stats[k, 2] for k in g)), int(max(stats[k, 1] + stats[k, 3] for k in g))
    pad = gy1 - gy0
    canvas = np.full((gy1 - gy0 + 2 * pad, gx1 - gx0 + 2 * pad), 255, np.uint8)
    mine = np.isin(labels[gy0:gy1, gx0:gx1], g)
    canvas[pad:pad + gy1 - gy0, pad:pad + gx1 - gx0][mine] = band[gy0:gy1, gx0:gx1][mine]
    return (x0 + gx0, gy0, x0 + gx1, gy1), canvas


def add_page_number(engine: OcrEngine, gray: np.ndarray, dpi: float, ocr: OcrResult,
                    bilevel: bool = False) -> OcrResult:
    """``ocr`` (the reading of ``gray``, in its pixels) with the page number on top as its first line, when
    :func:`find` finds one and it reads as one to three digits at :data:`MIN_CONF`; else ``ocr`` unchanged."""
    found = find(gray, ocr.words)
    if found is None:
        return ocr
    (bx0, by0, bx1, by1), canvas = found
    read = [w for w in engine.recognize(canvas, dpi, block=True, bilevel=bilevel).words if w.text.strip()]
    if len(read) != 1 or not (read[0].text.isascii() and read[0].text.isdigit()) or len(read[0].text) > MAX_DIGITS \
            or read[0].conf < MIN_CONF:
        return ocr
    number = Word(read[0].text, read[0].conf, (bx0, by0, bx1, by1), 0, by1, read[0].rivals)
    words = [number, *(replace(w, line=w.line + 1) for w in ocr.words)]
    return replace(text_from_words(words), notes=ocr.notes)
