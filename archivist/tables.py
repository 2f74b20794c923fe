"""Ruled tables: take the rules out of the image Tesseract reads, and find the tables' grids.

Why: Tesseract reads a table's rules as characters glued to the words (``|Phường``, ``l5``) and,
finding columns between the vertical rules, reads a table column by column. The stored image is
never touched: only the copy that goes to OCR loses its rules.

1. Rules are long thin runs of ink: a morphological opening of the ink mask with a line 12 mm long
   (horizontal) or 7 mm tall (vertical) keeps them and nothing a letter makes (a stroke of a letter
   is under 5 mm even with its tone marks); of those runs, only thin ones with paper along both
   sides are rules (bold letters run together along a line are not).
   Rules are found on a copy at 100 dpi; the rest is done at full size around them only.
2. They are painted paper-white, then the strokes of letters that touch or cross them are put
   back: a closing across the rule (as tall as the rule is thick) bridges a stroke cut in two, and
   only the pixels it bridges come back.
3. Where horizontal and vertical rules make a grid (a table), its rows, columns and the cells that
   span several of them are kept: :mod:`archivist.cells` reads the cells one by one, in reading order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np

from .preprocess import components_in_box

H_RULE_MM = 12.0
V_RULE_MM = 7.0
DETECT_DPI = 100.0  # rules are found at this resolution (a 0.2 mm rule is still 1 px of dark grey)
MM = 25.4


@dataclass
class Grid:
    """A table found on the page: its box and the positions of its rules, in pixels."""

    x0: int
    y0: int
    x1: int
    y1: int
    rows: list[int] = field(default_factory=list)  # y of each horizontal rule, top to bottom
    cols: list[int] = field(default_factory=list)  # x of each vertical rule, left to right
    #: open[i][j]: no rule between cell (i, j) and the cell right of it (a cell spanning columns)
    open_right: list[list[bool]] = field(default_factory=list)
    #: open_below[i][j]: no rule between cell (i, j) and the cell under it (a cell spanning rows)
    open_below: list[list[bool]] = field(default_factory=list)

    def cells(self) -> list[tuple[int, int, int, int]]:
        """The table's cells as boxes between rule centres, in reading order (row by row, left to
        right); cells that span columns or rows (no rule between them) come as one box."""
        nr, nc = len(self.rows) - 1, len(self.cols) - 1
        owner = [[(i, j) for j in range(nc)] for i in range(nr)]
        for i in range(nr):
            for j in range(nc):
                if j + 1 < nc and self.open_right and self.open_right[i][j]:
                    owner[i][j + 1] = owner[i][j]
                if i + 1 < nr and self.open_below and self.open_below[i][j] and owner[i + 1][j] == (i + 1, j):
                    owner[i + 1][j] = owner[i][j]
        boxes: dict[tuple[int, int], list[int]] = {}
        for i in range(nr):
            for j in range(nc):
                b = boxes.setdefault(owner[i][j], [self.cols[j], self.rows[i], self.cols[j + 1], self.rows[i + 1]])
                b[0], b[1] = min(b[0], self.cols[j]), min(b[1], self.rows[i])
                b[2], b[3] = max(b[2], self.cols[j + 1]), max(b[3], self.rows[i + 1])
        return [tuple(boxes[k]) for k in sorted(boxes)]  # type: ignore[misc]


@dataclass
class Rules:
    """What :func:`remove_rules` found: the page without its rules, and the tables among them."""

    image: np.ndarray
    grids: list[Grid]
    removed_px: int


def _runs(mask: np.ndarray, length: int, axis: int) -> np.ndarray:
    """Pixels of ``mask`` in straight runs at least ``length`` long along ``axis`` (0: vertical)."""
    return cv2.morphologyEx(mask, cv2.MORPH_OPEN, _line(length, axis))


def _line(length: int, axis: int) -> np.ndarray:
    """A structuring element ``length`` long: horizontal for ``axis`` 1, vertical for 0."""
    return cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1) if axis == 1 else (1, length))


def _positions(lines: np.ndarray, axis: int) -> list[int]:
    """Centre of each rule: rows (axis 1, horizontal rules) or columns (axis 0) holding rule pixels."""
    prof = lines.sum(axis=axis) > 0
    out, i = [], 0
    while i < len(prof):
        if prof[i]:
            j = i
            while j < len(prof) and prof[j]:
                j += 1
            out.append((i + j - 1) // 2)
            i = j
        else:
            i += 1
    return out


def _grids(h_lines: np.ndarray, v_lines: np.ndarray, dpi: float) -> list[Grid]:
    """Tables: connected sets of rules holding at least two horizontal and two vertical ones, with
    which rule segments are missing between their cells (cells spanning rows or columns)."""
    both = cv2.dilate(h_lines | v_lines, np.ones((5, 5), np.uint8))
    bx, by, labels, stats = components_in_box(both)
    grids = []
    for i in range(1, len(stats)):
        x, y, w, h = (int(v) for v in stats[i, :4])
        if w < 20 * dpi / MM or h < 8 * dpi / MM:
            continue
        inside = labels[y - by:y - by + h, x - bx:x - bx + w] == i
        hl, vl = h_lines[y:y + h, x:x + w] * inside, v_lines[y:y + h, x:x + w] * inside
        rows, cols = _positions(hl, 1), _positions(vl, 0)
        if len(rows) < 2 or len(cols) < 2:
            continue
        near = 2
        vband = cv2.dilate(vl, np.ones((1, 2 * near + 1), np.uint8))
        hband = cv2.dilate(hl, np.ones((2 * near + 1, 1), np.uint8))
        open_right = [[not _present(vband[r0:r1, c]) for c in cols[1:-1]] + [False]
                      for r0, r1 in zip(rows, rows[1:], strict=False)]
        open_below = [[not _present(hband[r, c0:c1]) for c0, c1 in zip(cols, cols[1:], strict=False)]
                      for r in rows[1:-1]] + [[False] * (len(cols) - 1)]
        grids.append(Grid(x, y, x + w, y + h, [y + r for r in rows], [x + c for c in cols], open_right, open_below))
    return grids


def _present(segment: np.ndarray) -> bool:
    """Is a rule drawn along this stretch between two crossings (most of it inked)?"""
    inner = segment[len(segment) // 5: len(segment) - len(segment) // 5] if len(segment) > 5 else segment
    return inner.size > 0 and inner.mean() > 0.5


def _thin_rules(lines: np.ndarray, ink: np.ndarray, axis: int, off: int, thick: float) -> np.ndarray:
    """Only the runs that are rules: thin (under ``thick`` pixels on average) and with paper along
    both sides for most of their length. Letters run together in a bold or blurred line make runs
    too, but thick ones, or with ink all along a side."""
    bx, by, labels, stats = components_in_box(lines)
    keep = np.zeros(len(stats), bool)
    for i in range(1, len(stats)):
        x, y, w, h, area = (int(v) for v in stats[i])
        if area / (w if axis == 1 else h) > thick:
            continue
        if axis == 1:
            a = ink[max(y - off, 0), x:x + w]
            b = ink[min(y + h - 1 + off, ink.shape[0] - 1), x:x + w]
        else:
            a = ink[y:y + h, max(x - off, 0)]
            b = ink[y:y + h, min(x + w - 1 + off, ink.shape[1] - 1)]
        keep[i] = max(a.mean(), b.mean()) < 0.35
    out = np.zeros(lines.shape, np.uint8)
    out[by:by + labels.shape[0], bx:bx + labels.shape[1]] = np.take(keep.astype(np.uint8), labels)
    return out



def remove_rules(gray: np.ndarray, dpi: float, in_place: bool = False) -> Rules:
    """The page (grey, background flattened to white) with its rules painted out and the strokes
    that crossed them put back; and the tables the rules make. Rules are found on a copy at
    :data:`DETECT_DPI` (a few milliseconds), painted out at full resolution only around them.
    ``in_place``: paint on ``gray`` itself, for a caller that has no further use for it (a copy of a
    300 dpi page costs 3-4 ms)."""
    s = min(1.0, DETECT_DPI / dpi)
    small = cv2.resize(gray, None, fx=s, fy=s, interpolation=cv2.INTER_AREA) if s < 1 else gray
    sdpi = dpi * s
    cut, _ = cv2.threshold(small, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    # halfway from Otsu's cut to white: a thin rule shrunk to DETECT_DPI may be a pixel of light grey
    ink = (small < (cut + 255) / 2).astype(np.uint8)
    side = max(2, round(0.5 * sdpi / MM))
    h_lines = _runs(ink, max(10, round(H_RULE_MM * sdpi / MM)), 1)
    v_lines = _runs(ink, max(10, round(V_RULE_MM * sdpi / MM)), 0)
    thick = max(2.0, 0.6 * sdpi / MM)
    if h_lines.any():
        h_lines = _thin_rules(h_lines, ink, 1, side, thick)
    if v_lines.any():
        v_lines = _thin_rules(v_lines, ink, 0, side, thick)
    if not h_lines.any() and not v_lines.any():
        return Rules(gray, [], 0)
    grids = [Grid(*(round(v / s) for v in (g.x0, g.y0, g.x1, g.y1)), [round(r / s) for r in g.rows],
                  [round(c / s) for c in g.cols], g.open_right, g.open_below) for g in _grids(h_lines, v_lines, sdpi)]
    out = gray if in_place else gray.copy()
    reach = max(1, round(0.3 * dpi / MM))  # the rule's own width and anti-aliased edge, at full size
    # a closing this long across the band (a low-resolution pixel and the reach on each side) bridges a cut stroke
    span = 2 * (reach + int(np.ceil(1 / s))) + max(3, round(0.5 * dpi / MM)) + 1
    removed = 0
    for lines, axis in ((h_lines, 1), (v_lines, 0)):
        if not lines.any():
            continue
        bx, by, bw, bh = cv2.boundingRect(lines)  # work at full size only around the rules
        pad = span + 2
        y0, y1 = max(0, int(by / s) - pad), min(gray.shape[0], int((by + bh) / s) + pad)
        x0, x1 = max(0, int(bx / s) - pad), min(gray.shape[1], int((bx + bw) / s) + pad)
        roi = out[y0:y1, x0:x1]
        _, ink_full = cv2.threshold(roi, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
        rows = np.minimum((np.arange(y0, y1) * s).astype(np.intp), lines.shape[0] - 1)
        cols = np.minimum((np.arange(x0, x1) * s).astype(np.intp), lines.shape[1] - 1)
        big = np.ascontiguousarray(lines[np.ix_(rows, cols)])  # the rules at full size, around them only
        band = cv2.dilate(big, _line(2 * reach + 1, 1 - axis))  # the rule with its grey edges
        kept = ink_full & (1 - band)
        bridged = cv2.morphologyEx(kept, cv2.MORPH_CLOSE, _line(span, 1 - axis))
        paint = (band & (1 - bridged)).astype(bool)
        roi[paint] = 255  # the other direction's pass sees these pixels as paper
        removed += int(paint.sum())
    return Rules(out, grids, removed)
