"""The header's left column read on after the right column: its last lines put back under its first.

Why: on a typeset page Tesseract's layout analysis reads the header's two columns as blocks of their own, each top to
bottom, and orders the blocks by their tops. The left column's ``V/v`` subject stands under ``Số:``, which stands
beside the place and date; the subject's lines are read as a block of their own that starts below the right
column's top, so they come after the national title, the motto and the place and date (seed 495's twocol
``cv-121``: ``Số: 121/UBND-ĐC`` / ``CỘNG HOÀ …`` / ``Độc lập …`` / ``Xuân Trường, ngày 3 tháng 4 năm 2005`` / ``V/v
đôn đốc thu nộp thuế …``). The record's text, the index and the PDF's text layer then put the subject after the
date, 13-17% word error in reading order on a page read without a word missing (bench/RESULTS.md, "Clean and
two-column pages in reading order (session 49)"). :mod:`archivist.headorder` cuts lines read across both columns; it
leaves these pages as read, no line holding both.

The geometry proves the order: a run of lines read right after the right column's block that stand wholly left
of that block (the left column's side of its gap), the first of them directly under the left column's last line
(within :data:`MOST_GAP` line heights) and beside the right block (its top above the right block's bottom), each
further line under the one before, is the left column going on: it is put back after the left column's last line.
Nothing moves where the page's first lines are not a left block then a right block (a page already in order, a
body page, one column only).

No word's text, box or confidence changes: only the order of the words and the lines' numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .headorder import HEAD_LINES, _lines, span, stray
from .models import Word

#: Lines each column's block holds at least (a header's left column: parent issuer, issuer, ``Số:``; the right:
#: national title, motto, place and date; two of each make it a header's and not a form's label and value).
MIN_BLOCK = 2
#: The left column's next line starts at most this many line heights under the line before it (seed 495's
#: ``cv-121``: ``V/v`` 52 px under ``Số:``, its second line 17 px under its first, lines 37-48 px tall; ``Kính gửi:``
#: under the subject 86 px, 1.8 heights).
MOST_GAP = 1.5
#: A line of the left column may reach this share of its height past the right block's left edge (``cv-121``: the
#: subject's first line ends 1 px left of the national title's start; a line centred on the page, ``Kính gửi: …``,
#: reaches hundreds of pixels past it).
REACH = 0.5


def _height(box: tuple[int, int, int, int]) -> int:
    return box[3] - box[1]


def _under(above: tuple[int, int, int, int], below: tuple[int, int, int, int]) -> bool:
    """``below`` is the next line of ``above``'s column: it starts under ``above``'s middle, within
    :data:`MOST_GAP` of the taller one's height below its bottom."""
    height = max(_height(above), _height(below), 1)
    return (above[1] + above[3]) / 2 < below[1] <= above[3] + MOST_GAP * height


def _left_of(box: tuple[int, int, int, int], edge: int) -> bool:
    """``box`` stands on the left column's side of the right block's left ``edge`` (:data:`REACH`)."""
    return box[2] <= edge + REACH * _height(box)


def left_rest(lines: Sequence[Sequence[Word]], start: int) -> tuple[int, int, int] | None:
    """Where the header's left column goes on after its right column, among ``lines`` from ``start``: the index of
    the right block's first line, of the first line of the left column's rest, and of the line after that rest;
    None where the lines from ``start`` are not a left block (:data:`MIN_BLOCK` lines or more), then a right block
    (as many) wholly right of it, then lines left of the right block (:func:`_left_of`), the first under the left
    block's last line and beside the right block (:func:`_under`)."""
    boxes = [span(line) for line in lines[start:start + HEAD_LINES]]
    n = len(boxes)
    for mid in range(MIN_BLOCK, n - MIN_BLOCK):
        left_edge = max(b[2] for b in boxes[:mid])
        right = mid
        while right < n and boxes[right][0] > left_edge:
            right += 1
        if right - mid < MIN_BLOCK or right == n:
            continue
        gap_right = min(b[0] for b in boxes[mid:right])
        bottom = max(b[3] for b in boxes[mid:right])
        first = boxes[right]
        if not (_left_of(first, gap_right) and first[1] < bottom and _under(boxes[mid - 1], first)):
            continue
        end = right + 1
        while end < n and _left_of(boxes[end], gap_right) and _under(boxes[end - 1], boxes[end]):
            end += 1
        return start + mid, start + right, start + end
    return None


def header_left_rest(words: list[Word]) -> list[Word]:
    """``words`` with the header's left column's rest (:func:`left_rest`) moved after the left column's last line,
    before the right column's block, the lines renumbered in their new order; the header starts at the page's first
    line that is not stray (:func:`archivist.headorder.stray`). ``words`` itself (the same object) where none is
    found."""
    lines = _lines(words)
    start = next((k for k, line in enumerate(lines[:HEAD_LINES]) if not stray(line)), 0)
    found = left_rest(lines, start)
    if found is None:
        return words
    mid, rest, end = found
    order = [*lines[:mid], *lines[rest:end], *lines[mid:rest], *lines[end:]]
    return [replace(w, line=n) if w.line != n else w for n, line in enumerate(order) for w in line]
