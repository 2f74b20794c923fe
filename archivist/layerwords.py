"""Where each OCR word of a line is drawn in the PDF's invisible text layer, so that every reader
(pdftotext, its ``-raw`` mode, PDFium's copy-paste, pdfminer) finds the words the record holds.

Words go on their own OCR boxes, except where those boxes would make readers run words together:

- boxes that touch, overlap or nest (Tesseract gives them on bleeding ink and speckle): text
  extractors put a space between two words only where their glyphs are far enough apart (pdftotext
  beyond 3% of the font size, ``-raw`` beyond about 15-20%; measured), so the touching ends give
  way, half each, until :data:`MIN_WORD_GAP` separates them; a word nested in the one before it is
  moved past it;
- every word of a line of :data:`MEDIAN_OF` words or more is drawn over the line's median band (the
  median bottom, the median height), not its own box's: readers group glyphs into lines by baseline
  and font size, and words drawn at their own boxes' heights (a descender, a tone mark, a pixel more or
  less of faint ink) send pdftotext's reading order astray: on faded pages read with local contrast,
  whose boxes differ from the thickened reading's by a pixel, 18.5% -> 27.4% ordered word error with
  own boxes, 19.2% -> 19.7% with the band (bench/RESULTS.md, "Faded pages adopted?"). A box far
  taller than the line's (a speck stretched it) would otherwise put its glyphs on the next line.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

Box = tuple[int, int, int, int]

#: The least gap kept between two words of a line, as a share of the taller one's height.
MIN_WORD_GAP = 0.2
#: A line needs at least this many words for its median band to say anything.
MEDIAN_OF = 3
KEEP = 0.4  # a word narrowed at a touching end keeps at least this share of its width
#: The least advance of a glyph, as a share of its font size: pdftotext's fake-bold test is 0.1.
MIN_ADVANCE = 0.125


def _heights(boxes: Sequence[Box]) -> list[tuple[float, float]]:
    """(top, bottom) of each word: the line's median band, or its own box on a line too short for a median."""
    if len(boxes) < MEDIAN_OF:
        return [(float(b[1]), float(b[3])) for b in boxes]
    hm = float(statistics.median(b[3] - b[1] for b in boxes))
    bm = float(statistics.median(b[3] for b in boxes))
    return [(bm - hm, bm)] * len(boxes)


def place_line(boxes: Sequence[Box], k: float, glyphs: Sequence[int] | None = None
               ) -> list[tuple[float, float, float, float]]:
    """(left, top, right, bottom) in points (``k`` points per pixel, y down) of each word of a line,
    in the OCR's order: see the module's docstring. ``glyphs``: how many glyphs each word is drawn with."""
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
    for j, ((a, b), (t, bot), size) in enumerate(zip(spans, heights, sizes, strict=True)):
        width = max(b - a, 0.01)
        a = max(a, end + MIN_WORD_GAP * max(size, before))  # nested or out of order: moved past the one before
        b = max(b, a + width * KEEP)
        if glyphs is not None:
            a, b = _widen(a, b, MIN_ADVANCE * size * glyphs[j], end + MIN_WORD_GAP * max(size, before),
                          spans[j + 1][0] - MIN_WORD_GAP * max(size, sizes[j + 1]) if j + 1 < len(spans) else None)
        out.append((a, t * k, b, bot * k))
        end, before = b, size
    return out


def _widen(a: float, b: float, need: float, lo: float, hi: float | None) -> tuple[float, float]:
    """``[a, b]`` widened to ``need``, into the room there is (right up to ``hi``, left down to ``lo``), then
    to the right regardless: pdftotext takes two glyphs that start under :data:`MIN_ADVANCE` of the font size
    apart for a fake-bold copy of one another, and drops one of two alike (``__`` -> ``_``)."""
    short = need - (b - a)
    if short <= 0:
        return a, b
    grow = short if hi is None else min(short, max(hi - b, 0.0))
    b += grow
    short -= grow
    give = min(short, max(a - lo, 0.0))
    return a - give, b + (short - give)
