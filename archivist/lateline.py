"""A line read after lines that all stand under it, put back between the two lines it stands between.

Why: Tesseract orders the blocks it finds, and a line a seal's ring or a signature cut off from the body's block is
read as a block of its own, late: on seed 495's seals ``ttr-052`` the body's closing line ``Ủy ban nhân dân xã Hải
Xuân kính trình xem xét, phê duyệt./.`` (the seal over its end) came after ``Nơi nhận:`` and the whole list under it.
The record's text, the index and the PDF's text layer then put the body's last sentence among the recipients (7
points of the page's 10% word error in reading order; bench/RESULTS.md, "Clean and two-column pages in reading order
(session 49)").

The geometry proves the order where the late line stands in one column with two lines read one after the other
and between them: under the first (its top at or under the first's bottom) and over the second, overlapping both
across (the same column, not the other column of a header or a footer), and every line read between the second and
it stands wholly under it. The text of a page runs down its column, so the line's place is between the two. A
line of marks or one word alone (:func:`archivist.headorder.stray`: a speck's row, a page number) is left where it
was read, and is no neighbour either: a signature's stroke read as a line of its own between the two lines (seed
498's seals ``qd-130`` p. 2, ``ný`` 16 px wide beside the list) neither places the late line nor keeps it where it
was read (bench/RESULTS.md, "Signature blocks under the seal, and late lines past strokes (session 49)").

No word's text, box or confidence changes: only the order of the words and the lines' numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .headorder import _lines, span, stray
from .models import Word

#: Boxes of neighbouring lines may overlap this share of the late line's height (a descender, a tone mark over a
#: capital, a little skew) and still stand one over the other.
SLACK = 0.25

Box = tuple[int, int, int, int]


def _across(a: Box, b: Box) -> bool:
    """``a`` and ``b`` overlap across the page (the same column)."""
    return min(a[2], b[2]) > max(a[0], b[0])


def _place(boxes: Sequence[Box], j: int, skip: Sequence[bool] = ()) -> int | None:
    """The index of the line after which line ``j`` stands (the line ``i`` with ``j`` between ``i`` and the next
    line read that is not skipped, that line read before ``j`` and every line from it to ``j`` wholly under ``j``);
    None where it stands where it was read. A line ``skip`` marks (a stroke or a mark read as a line of its own:
    :func:`archivist.headorder.stray`) is no neighbour: it neither places the line nor keeps it where it was read."""
    box = boxes[j]
    slack = SLACK * (box[3] - box[1])
    kept = [i for i in range(j) if not (i < len(skip) and skip[i])]
    for k in range(len(kept) - 2, -1, -1):
        above, below = boxes[kept[k]], boxes[kept[k + 1]]
        if below[1] < box[3] - slack:  # a line read between stands beside or over it: read in its place
            return None
        if above[3] <= box[1] + slack and _across(above, box) and _across(below, box):
            return kept[k + 1] - 1
    return None


def late_lines(words: list[Word]) -> list[Word]:
    """``words`` with each line read late (:func:`_place`) put back after the line it stands under, the lines
    renumbered in their new order; ``words`` itself (the same object) where none is."""
    lines = [list(line) for line in _lines(words)]
    moved = False
    for j in range(2, len(lines)):
        if stray(lines[j]):
            continue
        i = _place([span(line) for line in lines], j, [stray(line) for line in lines])
        if i is not None:
            lines.insert(i + 1, lines.pop(j))
            moved = True
    if not moved:
        return words
    return [replace(w, line=n) if w.line != n else w for n, line in enumerate(lines) for w in line]
