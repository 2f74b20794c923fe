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
  taller than the line's (a speck stretched it) would otherwise put its glyphs on the next line;
- what pdftotext's own rules would undo (bench/RESULTS.md, "Text layer on typewriter and speckled pages"):
  a word too narrow for its glyphs is widened (:data:`MIN_ADVANCE`), two one-glyph words are kept
  :data:`SOLO_GAP` apart, no word is pushed past the page's right edge, and a line whose baseline is
  within half a font size of an earlier line's words near it is moved off it, whole (:func:`place_page`).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

Box = tuple[int, int, int, int]
Placed = tuple[float, float, float, float]  # (left, top, right, bottom)

#: The least gap kept between two words of a line, as a share of the taller one's height.
MIN_WORD_GAP = 0.2
#: A line needs at least this many words for its median band to say anything.
MEDIAN_OF = 3
KEEP = 0.4  # a word narrowed at a touching end keeps at least this share of its width
#: The least advance of a glyph, as a share of its font size: pdftotext's fake-bold test is 0.1.
MIN_ADVANCE = 0.125
#: The least gap between two words of one glyph each, as a share of the taller one's height: on a line of
#: one-glyph words pdftotext takes 1.3 times the narrowest gap for letter spacing, up to 0.4 of the font size
#: (``Í :`` -> ``Í:``, ``( (`` -> ``((``), so only a gap beyond 0.4 is sure to be a space.
SOLO_GAP = 0.45
#: How far apart the baselines of two lines must be, as a share of the larger font size, for pdftotext to
#: read them as two lines (it takes half).
APART = 0.55


def _heights(boxes: Sequence[Box]) -> list[tuple[float, float]]:
    """(top, bottom) of each word: the line's median band, or its own box on a line too short for a median."""
    if len(boxes) < MEDIAN_OF:
        return [(float(b[1]), float(b[3])) for b in boxes]
    hm = float(statistics.median(b[3] - b[1] for b in boxes))
    bm = float(statistics.median(b[3] for b in boxes))
    return [(bm - hm, bm)] * len(boxes)


def place_line(boxes: Sequence[Box], k: float, glyphs: Sequence[int] | None = None, right_edge: float | None = None,
               row: Sequence[Box] = ()) -> list[Placed]:
    """(left, top, right, bottom) in points (``k`` points per pixel, y down) of each word of a line,
    in the OCR's order: see the module's docstring. ``glyphs``: how many glyphs each word is drawn with;
    ``right_edge``: the page's, in points, which no word moved or widened may pass (pdftotext drops the
    glyphs beyond it: ``k2————S`` pushed past a nested word's right, ``S`` lost)."""
    heights = _heights(boxes) if not row else _heights([*boxes, *row])[:len(boxes)] if len(boxes) + len(row) >= \
        MEDIAN_OF else _heights(boxes)
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

    def gap(j: int) -> float:  # the least gap between word j - 1 and word j
        solo = glyphs is not None and glyphs[j - 1] == 1 and glyphs[j] == 1
        return (SOLO_GAP if solo else MIN_WORD_GAP) * max(sizes[j - 1], sizes[j])

    end = float("-inf")
    out = []
    for j, ((a, b), (t, bot), size) in enumerate(zip(spans, heights, sizes, strict=True)):
        width = max(b - a, 0.01)
        lo = end + gap(j) if j else end
        if a < end + MIN_WORD_GAP * max(size, sizes[j - 1] if j else 0.0):  # nested or out of order: moved past
            a = lo
            b = max(b, a + width * KEEP)
        elif a < lo:  # two one-glyph words: the second moved right whole
            a, b = lo, lo + width
        if glyphs is not None:
            a, b = _widen(a, b, MIN_ADVANCE * size * glyphs[j], lo, spans[j + 1][0] - gap(j + 1) if j + 1 < len(spans)
                          else None)
        out.append((a, t * k, b, bot * k))
        end = b
    if right_edge is not None and out and out[-1][2] > right_edge:  # back inside the page, the words before making room
        for j in range(len(out) - 1, -1, -1):
            a, t, b, bot = out[j]
            if b <= right_edge:
                break
            out[j] = (max(a - (b - right_edge), 0.0), t, right_edge, bot)
            right_edge = out[j][0] - gap(j) if j else right_edge
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


def place_page(lines: Sequence[tuple[Sequence[Box], Sequence[int]]], k: float, page_w: float, page_h: float
               ) -> list[list[Placed]]:
    """Every line's words placed (:func:`place_line`, with each word's glyph count, kept on the page), in the
    OCR's order, and each line that pdftotext would read as one with an earlier line moved off it
    (:func:`_apart`)."""
    placed: list[list[Placed]] = []
    spans: list[tuple[float, float, float]] = []
    rows = row_mates([boxes for boxes, _ in lines])
    for (boxes, glyphs), row in zip(lines, rows, strict=True):
        line = _apart(place_line(boxes, k, glyphs, page_w * k, row), placed, spans, page_h * k)
        placed.append(line)
        spans.append(_span(line))
    return placed


def row_mates(lines: Sequence[Sequence[Box]]) -> list[list[Box]]:
    """For each line, the boxes of the other lines that stand beside it at its height (their middles within half
    its height of its own, no word over its span): one row of the page cut into columns (a header's issuer and
    motto put in reading order, :mod:`archivist.headorder`), drawn on one band so readers take it as one row."""
    ext = []
    for boxes in lines:
        if not boxes:
            ext.append(None)
            continue
        mid = statistics.median((b[1] + b[3]) / 2 for b in boxes)
        high = statistics.median(b[3] - b[1] for b in boxes)
        ext.append((min(b[0] for b in boxes), max(b[2] for b in boxes), mid, high))
    out: list[list[Box]] = []
    for i, a in enumerate(ext):
        mates: list[Box] = []
        for j, b in enumerate(ext):
            if a is None or b is None or i == j or abs(a[2] - b[2]) > min(a[3], b[3]) / 2:
                continue
            if b[1] < a[0] or b[0] > a[1]:
                mates += lines[j]
        out.append(mates)
    return out


def _span(line: Sequence[Placed]) -> tuple[float, float, float]:
    """A line's lowest and highest baseline (its words' bottoms) and its tallest word."""
    return min(w[3] for w in line), max(w[3] for w in line), max(w[3] - w[1] for w in line)


def _conflict(line: list[Placed], shift: float, earlier: Sequence[list[Placed]]) -> tuple[float, float] | None:
    """The shifts down and up that take ``line`` (already moved by ``shift``) off the first earlier word it
    would be read with, the nearer one first, or None."""
    for other in earlier:
        for a0, a1, a2, a3 in other:
            for b0, b1, b2, b3 in line:
                size = a3 - a1 if a3 - a1 > b3 - b1 else b3 - b1  # not max(): the page's hottest loop here
                base, room = b3 + shift, SOLO_GAP * size
                if -APART * size < base - a3 < APART * size and a0 - room < b2 and b0 < a2 + room:
                    down, up = a3 + APART * size - b3, a3 - APART * size - b3
                    return (down, up) if base >= a3 else (up, down)
    return None


def _apart(line: list[Placed], earlier: Sequence[list[Placed]], spans: Sequence[tuple[float, float, float]],
           page_h: float) -> list[Placed]:
    """``line`` moved up or down, whole, off the earlier lines it would share a pdftotext line with (their
    :func:`_span` in ``spans``).

    Why: pdftotext puts a word on a line when its baseline is within half a font size of the line's first
    word's, and two words of a line that overlap or stand closer than :data:`SOLO_GAP` may be read as one:
    ``Thị`` and a speck ``]`` of a line of specks Tesseract found between two lines of text (``Thị]``), a
    table cell's ``tháng`` nested in the line above it (``Thựctháng``). A line whose baseline is :data:`APART`
    of the larger font size from theirs is a line of its own. Only lines that close move (a speck line, a
    cell squeezed against another); one that would leave the page is moved the other way."""
    lo, hi, tall = _span(line)
    near = [o for o, (o_lo, o_hi, o_tall) in zip(earlier, spans, strict=True)
            if o_lo < hi + 2 * APART * max(tall, o_tall) and o_hi > lo - 2 * APART * max(tall, o_tall)]
    shift = 0.0
    for _ in range(3 if near else 0):
        moves = _conflict(line, shift, near)
        if moves is None:
            break
        top = min(w[1] for w in line)
        shift = next((m for m in moves if hi + m <= page_h and top + m >= 0), moves[0])
    if not shift:
        return line
    return [(x0, y0 + shift, x1, y1 + shift) for x0, y0, x1, y1 in line]
