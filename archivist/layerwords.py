"""Where each OCR word of a line is drawn in the PDF's invisible text layer, so that every reader
(pdftotext, its ``-raw`` mode, PDFium's copy-paste, pdfminer) finds the words the record holds.

Words go on their own OCR boxes, except where those boxes would make readers run words together:

- boxes that touch, overlap or nest (Tesseract gives them on bleeding ink and speckle): text
  extractors put a space between two words only where their glyphs are far enough apart (pdftotext
  beyond 3% of the font size, ``-raw`` beyond about 15-20%; measured), so the touching ends give
  way, half each, until :data:`MIN_WORD_GAP` separates them; a word nested in the one before it is
  moved past it;
- a box far taller than the line's others (a speck above or below stretched it): readers group
  glyphs into lines by baseline within half the font size, so such a word's glyphs land on the next
  line, glued to its words. It is drawn over the line's median band (inside its own box) instead. (Doing the
  same for boxes far shorter, a lone dash, made no word better on the bench and one worse.)
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

Box = tuple[int, int, int, int]

#: The least gap kept between two words of a line, as a share of the taller one's height.
MIN_WORD_GAP = 0.2
#: A word this much taller than the line's median is drawn at the line's median height (a line needs
#: at least :data:`MEDIAN_OF` words for a median to say anything).
TALL, MEDIAN_OF = 1.8, 3
KEEP = 0.4  # a word narrowed at a touching end keeps at least this share of its width


def _heights(boxes: Sequence[Box]) -> list[tuple[float, float]]:
    """(top, bottom) of each word: its box, or the line's median extent for outliers."""
    out = [(float(b[1]), float(b[3])) for b in boxes]
    if len(boxes) < MEDIAN_OF:
        return out
    hm = statistics.median(b[3] - b[1] for b in boxes)
    bm = statistics.median(b[3] for b in boxes)
    for i, (_, y0, _, y1) in enumerate(boxes):
        top, bottom = max(bm - hm, y0), min(bm, y1)  # the line's band, never outside the word's own box
        if y1 - y0 > TALL * hm and bottom - top > 0.5 * hm:
            out[i] = (top, bottom)
    return out


def place_line(boxes: Sequence[Box], k: float) -> list[tuple[float, float, float, float]]:
    """(left, top, right, bottom) in points (``k`` points per pixel, y down) of each word of a line,
    in the OCR's order: see the module's docstring."""
    heights = _heights(boxes)
    sizes = [(b - t) * k for t, b in heights]
    spans = [[x0 * k, x1 * k] for x0, _, x1, _ in boxes]
    for j in range(len(spans) - 1):  # touching ends give way, half each
        left, right = spans[j], spans[j + 1]
        need = MIN_WORD_GAP * max(sizes[j], sizes[j + 1]) - (right[0] - left[1])
        if need <= 0 or right[0] <= left[0]:
            continue
        give = min(need / 2, left[1] - left[0] - KEEP * (boxes[j][2] - boxes[j][0]) * k)
        left[1] -= max(give, 0.0)
        right[0] += max(0.0, min(need - max(give, 0.0), right[1] - right[0] - KEEP * (right[1] - right[0])))
    end, before = float("-inf"), 0.0
    out = []
    for (a, b), (t, bot), size in zip(spans, heights, sizes, strict=True):
        width = max(b - a, 0.01)
        a = max(a, end + MIN_WORD_GAP * max(size, before))  # nested or out of order: moved past the one before
        b = max(b, a + width * KEEP)
        out.append((a, t * k, b, bot * k))
        end, before = b, size
    return out
