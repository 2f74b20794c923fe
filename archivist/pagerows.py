"""The rows a page's lines stand on, found from their boxes, not from their line numbers.

Why: Tesseract numbers a page's lines in the order it reads them. Two columns read across (a record of minutes'
``THƯ KÝ`` beside ``CHỦ TỌA``, each with its name under it) give one line number to a row's two parts; put in
reading order (:mod:`archivist.footorder`: the left block's lines, then the right's) each part has a number of its
own, and the right block's position comes after the left block's name. The footer parser asks which lines stand
side by side on one row (two signers' positions, two names) and how many rows one line stands under another;
answered from the boxes, and with the lines taken top to bottom and left to right on each row, the answer is the
same whichever order the lines come in (bench/RESULTS.md, "Minutes' signatures in reading order (session 44)").
"""

from __future__ import annotations

from collections.abc import Sequence

from .ocrtext import Box, Line, union_box

#: Two lines stand on one row when their boxes overlap vertically by at least this share of the lower one's
#: height (a row's two parts read as one OCR line share their band, a typed row's right part a little lower than
#: its left: 12 px of 29 on seed 228's ``cv-103``; the next row's line overlaps it by a descender at most).
ROW_OVERLAP = 0.25


def same_row(a: Box, b: Box) -> bool:
    """Whether boxes ``a`` and ``b`` (x0, y0, x1, y1) stand on one row (:data:`ROW_OVERLAP`)."""
    return _shared(a, b) >= ROW_OVERLAP * max(1.0, min(a[3] - a[1], b[3] - b[1]))


def _shared(a: Box, b: Box) -> float:
    return min(a[3], b[3]) - max(a[1], b[1])


def _disjoint(a: Box, b: Box) -> bool:
    return min(a[2], b[2]) <= max(a[0], b[0])


class Rows:
    """The rows of ``lines`` (one page's or two pages'). A row is an OCR line (its words' line number), or several
    whose boxes stand side by side on one band (:func:`same_row`, no box over another's span): one row's columns
    read one after the other (the right column's lines join the rows of the left's, looked for in line order). Rows
    are numbered top to bottom, so the rows of a footer read across (one line number a row) keep the order of its
    line numbers, and keep it when its columns are put one after the other. Lines without boxes (a page given as
    plain text) keep their line numbers as their rows."""

    def __init__(self, lines: Sequence[Line]) -> None:
        units: dict[tuple[int, int], list[Box]] = {}
        for ln in lines:
            if (box := ln.box()) is not None:
                units.setdefault((ln.page, ln.index), []).append(box)
        joined: dict[tuple[int, int], int] = {}
        rows: list[tuple[int, list[Box]]] = []  # (page, the boxes of its lines)
        for key in sorted(units):
            box = union_box(units[key])
            assert box is not None
            fits = [(max(_shared(b, box) for b in boxes), k) for k, (page, boxes) in enumerate(rows) if page == key[0]
                    and all(_disjoint(b, box) for b in boxes) and any(same_row(b, box) for b in boxes)]
            if fits:
                found = max(fits)[1]
                rows[found][1].append(box)
            else:
                rows.append((key[0], [box]))
                found = len(rows) - 1
            joined[key] = found
        # numbered top to bottom by their first line's middle: a line of one column alone between two rows (a
        # signature read ``A LƯ`` under ``CHỦ TỌA``, over the names' row) stands between them in either order
        rank = {k: n for n, k in enumerate(sorted(range(len(rows)), key=lambda k: (
            rows[k][0], (rows[k][1][0][1] + rows[k][1][0][3]) / 2)))}
        self._row: dict[tuple[int, int], int] = {key: rank[k] for key, k in joined.items()}

    def row(self, ln: Line) -> float:
        """``ln``'s row; its line number where it has no box."""
        found = self._row.get((ln.page, ln.index))
        return float(ln.index) if found is None else float(found)

    def ordered(self, lines: Sequence[Line]) -> list[Line]:
        """``lines`` top to bottom by their rows, left to right on a row; as they came where any has no box."""
        if any(ln.box() is None or (ln.page, ln.index) not in self._row for ln in lines):
            return list(lines)
        return sorted(lines, key=lambda ln: (ln.page, self.row(ln), ln.box()[0]))  # type: ignore[index]
