"""Reading a page that holds ruled tables: the text around them as usual, the cells one by one.

Why not the whole page in one pass: Tesseract reads a table row across its cells as one text line,
and in a line with gaps of several centimetres between cells it loses the narrow spaces inside a
cell (``TrịnhThịPhượng``) and drops lone digits (the ``1`` to ``9`` of a numbering column). Read on
its own, each cell is a short block it reads well. The cells are not sent one call each (a call has
its own layout analysis): they are stacked one under another on a strip, with paper between them,
and the strip is read in one call as one block of lines (psm 6: Tesseract's page layout analysis
would drop a lone ``5`` as a speck); each word is then put back where it is on the page.

The light greys of a cell away from its ink (lighter than halfway from the page's ink/paper cut to white, and
more than :data:`NEAR_INK` pixels from any pixel at or under the cut) are made paper before its crop goes on
the strip: what the background's flattening leaves of the paper's texture and stains is faint grey, and
Tesseract's line recogniser reads grey levels, not the binarised page: a cell ``21`` beside such a smudge read
``2Ì``, ``22`` read ``2ó`` and ``2`` read ``rễ`` (HG46), all read right with the greys gone. The grey round
the ink stays: made paper too, it took thin strokes' edges (a 200 dpi register's ``(1)`` read ``Œ)``, a drawn
``khẩu`` read ``khâu``; bench/RESULTS.md, "Table pages over 2% (session 28)").

Reading order: the page's own lines as Tesseract orders them (the header's two columns stay left
first), each table where its top edge falls among them, its cells row by row, left to right, every
line of a cell a line of the page's text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

import cv2
import numpy as np

from .models import Word
from .ocr import OcrEngine, OcrResult, text_from_words
from .tables import Grid


class Top(Protocol):
    """A rectangle placed among the page's lines by its top edge (a table's grid, a text block)."""

    @property
    def y0(self) -> int: ...


MM = 25.4
MAX_STRIP_PX = 12000  # Tesseract's images stay well below its 32767-pixel side
#: A cell's pixel lighter than this share of the way from the page's Otsu cut to white ...
PAPER = 0.5
#: ... and farther than this many pixels from its ink is made paper (a stroke's grey edge is a pixel or two).
NEAR_INK = 2


def paper_from(image: np.ndarray) -> tuple[float, float]:
    """The page's ink/paper cut (Otsu's, on a sixteenth of ``image``) and the grey from which a cell's pixel away
    from ink is paper (:data:`PAPER`)."""
    cut, _ = cv2.threshold(np.ascontiguousarray(image[::4, ::4]), 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return cut, cut + PAPER * (255 - cut)


def _crops(image: np.ndarray, grid: Grid,
           paper: tuple[float, float] | None = None) -> list[tuple[tuple[int, int, int, int], np.ndarray]]:
    """Each cell holding ink, as (box on the page, pixels); a pixel inside the rules' centres; with ``paper``
    (:func:`paper_from`), its light greys away from ink made white (on a copy)."""
    out = []
    near = np.ones((2 * NEAR_INK + 1, 2 * NEAR_INK + 1), np.uint8)
    for x0, y0, x1, y1 in grid.cells():
        crop = image[y0 + 1:y1, x0 + 1:x1]
        if crop.size and int((crop < 128).sum()) >= 4:
            if paper is not None:
                by_ink = cv2.dilate((crop <= paper[0]).astype(np.uint8), near).astype(bool)
                crop = np.where((crop > paper[1]) & ~by_ink, np.uint8(255), crop)
            out.append(((x0 + 1, y0 + 1, x1, y1), crop))
    return out


def _strips(crops: list, gap: int) -> list[tuple[np.ndarray, list[tuple[int, int, int]]]]:
    """Crops stacked on strips: each strip and, per crop, (index, top on the strip, bottom)."""
    out, batch, height = [], [], gap
    for k, (_, c) in enumerate(crops):
        if batch and height + c.shape[0] + gap > MAX_STRIP_PX:
            out.append(batch)
            batch, height = [], gap
        batch.append(k)
        height += c.shape[0] + gap
    if batch:
        out.append(batch)
    strips = []
    for ks in out:
        w = max(crops[k][1].shape[1] for k in ks) + 2 * gap
        h = sum(crops[k][1].shape[0] + gap for k in ks) + gap
        strip = np.full((h, w), 255, np.uint8)
        y, spans = gap, []
        for k in ks:
            c = crops[k][1]
            strip[y:y + c.shape[0], gap:gap + c.shape[1]] = c
            spans.append((k, y, y + c.shape[0]))
            y += c.shape[0] + gap
        strips.append((strip, spans))
    return strips


def read_cells(engine: OcrEngine, image: np.ndarray, dpi: float, grid: Grid,
               bilevel: bool = False) -> list[list[Word]]:
    """The words of each cell (reading order, page coordinates, ``line`` numbering the cell's own
    lines from 0), one list per cell that holds ink (``bilevel``: as :meth:`OcrEngine.recognize`)."""
    crops = _crops(image, grid, paper_from(image))
    gap = max(8, round(2.5 * dpi / MM))
    cells: list[list[Word]] = [[] for _ in crops]
    for strip, spans in _strips(crops, gap):
        tops = np.array([top for _, top, _ in spans])
        for w in engine.recognize(strip, dpi, block=True, bilevel=bilevel).words:
            mid = (w.bbox[1] + w.bbox[3]) / 2
            k, top, bottom = spans[max(0, int(np.searchsorted(tops, mid, side="right")) - 1)]
            if not top - gap / 2 <= mid <= bottom + gap / 2:
                continue
            (cx0, cy0, _, _), _ = crops[k]
            dx, dy = cx0 - gap, cy0 - top
            box = (w.bbox[0] + dx, w.bbox[1] + dy, w.bbox[2] + dx, w.bbox[3] + dy)
            cells[k].append(replace(w, bbox=box, baseline=None if w.baseline is None else w.baseline + dy))
    for k, ws in enumerate(cells):  # the cell's lines numbered from 0 in the order read
        first = {ln: i for i, ln in enumerate(dict.fromkeys(w.line for w in ws))}
        cells[k] = [replace(w, line=first[w.line]) for w in ws]
    return [ws for ws in cells if ws]


def read_page(engine: OcrEngine, image: np.ndarray, dpi: float, grids: list[Grid], bilevel: bool = False) -> OcrResult:
    """OCR of a page (rules already painted out) holding the tables ``grids``: see the module's
    docstring. Without tables, the engine's plain reading. ``bilevel``: the scan was 1 bit (its enlargement)."""
    if not grids:
        return engine.recognize(image, dpi, bilevel=bilevel)
    outside = image.copy()
    for g in grids:
        outside[g.y0:g.y1 + 1, g.x0:g.x1 + 1] = 255
    page_words = engine.recognize(outside, dpi, bilevel=bilevel).words
    tables = [(g, read_cells(engine, image, dpi, g, bilevel)) for g in grids]
    return text_from_words(merge(page_words, sorted(tables, key=lambda t: t[0].y0)))


def merge(page_words: list[Word], tables: Sequence[tuple[Top, list[list[Word]]]]) -> list[Word]:
    """The page's words with each table's cells inserted before the first OCR line that starts below
    the table's top (or at the end); lines renumbered in the new order. Also a block read apart
    (:mod:`archivist.unreadblocks`), each of its lines a "cell"."""
    out: list[Word] = []
    line_no, last = -1, None
    pending = list(tables)

    def emit_tables_above(y: float) -> None:
        nonlocal line_no, last
        while pending and pending[0][0].y0 < y:
            for cell in pending.pop(0)[1]:
                base = line_no + 1
                for w in cell:
                    out.append(replace(w, line=base + w.line))
                    line_no = max(line_no, base + w.line)
            last = None

    tops: dict[int, int] = {}
    for w in page_words:
        tops[w.line] = min(tops.get(w.line, w.bbox[1]), w.bbox[1])
    for w in page_words:
        if w.line != last:
            emit_tables_above(tops[w.line])
            line_no += 1
            last = w.line
        out.append(replace(w, line=line_no))
    emit_tables_above(float("inf"))
    return out


def read_prepared(engine: OcrEngine, image: np.ndarray, dpi: float, grids: list[Grid], plain: np.ndarray | None = None,
                  restored: tuple[int, int] = (0, 0), bilevel: bool = False) -> OcrResult:
    """:func:`read_page`; on a typed page whose rows ``restored`` alone were restored (``image`` has paper
    elsewhere), the words outside them read from ``plain`` (the page as on any other page, or its rows above
    them), in place. Why apart: Tesseract binarises a page with one threshold, so a header left as it was but
    read with a restored body read otherwise (HG42: the issuer lost on three typed pages more whose header's
    pixels had not changed; bench/RESULTS.md, "Typewritten pages, header kept")."""
    ocr = read_page(engine, image, dpi, grids, bilevel)
    if plain is None:
        return ocr
    top, bottom = restored
    rest = engine.recognize(plain, dpi, bilevel=bilevel).words
    parts = ([w for w in rest if w.bbox[1] + w.bbox[3] < 2 * top], ocr.words,
             [w for w in rest if w.bbox[1] + w.bbox[3] >= 2 * bottom])
    words: list[Word] = []
    for part in parts:
        base = max((w.line for w in words), default=-1) + 1
        first = min((w.line for w in part), default=0)
        words += [replace(w, line=base + w.line - first) for w in part]
    return replace(text_from_words(words), notes=ocr.notes)
