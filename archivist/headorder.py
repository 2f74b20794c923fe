"""The header's two columns in reading order: the issuer's column top to bottom, then the national title's.

Why: a Decree 30 header has two columns, each centred on its own axis (parent issuer, issuer, ``Số:`` and the
``V/v`` subject on the left; national title, motto and ``<place>, ngày …`` on the right). Tesseract's layout
analysis reads them as one block, line by line across both columns, on typed pages and on most typeset ones too
(``UBND HUYỆN THỌ XUÂN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM``,
then ``ỦY BAN NHÂN DÂN Độc lập - Tự do - Hạnh phúc``): the record's text and the PDF's text layer interleave the
issuer with the motto, which garbles copy-paste and phrase search. The gap between the typed columns is too
narrow to cut on (47 px at 200 dpi, twice a word gap, where :func:`archivist.ocrtext.page_lines` cuts at twice
a word's height; the place and date line can come within a word gap of ``Số:``), so the cut is found from where
the columns stand: lines whose widest gap is plainly a column gap give each column's axis, and every line of the
header is cut where its two parts stand centred on those axes (bench/RESULTS.md, "Typewritten headers in reading
order (session 43)").

No word's text, box or confidence changes: only the order of the words and the lines' numbers.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from statistics import median

from .models import Word

#: A line is a clear two-column line when its widest word gap is at least this many times its median gap and
#: this many times its second widest (typed headers at 200 dpi: 1.9 times on the title's row, 47 px against 25; 5.5
#: on the motto's, 159 against 29).
CLEAR_RATIO = 1.7
#: How far a part's centre may stand from its column's axis, as a share of the distance between the two axes
#: (typed pages: a few pixels; the place's first word ``Xã`` put with ``Số:`` moved both parts' centres 35 px,
#: 0.056 of the axes' 622).
AXIS_TOLERANCE = 0.03
#: The characters that make a word read rather than a mark: letters (not modifier letters: a speck is read ``ˆ``) and
#: digits.
READ = ("Lu", "Ll", "Lo", "Nd")
#: The header is within the page's first lines; clear lines are looked for among them.
HEAD_LINES = 12
#: A word holding this many letters or digits is read, not a mark (:func:`stray`).
MIN_READ = 2
#: Lines cut in two on the axes needed to take the page's first lines for a two-column header (one could be a
#: table's row or a form's label and value).
MIN_TWO = 2


def _centre(words: Sequence[Word]) -> float:
    """The middle of the words' span, marks aside (a speck read ``ˆ`` between the columns belongs to neither)."""
    read = [w for w in words if any(unicodedata.category(c) in READ for c in w.text)] or words
    return (min(w.bbox[0] for w in read) + max(w.bbox[2] for w in read)) / 2


def _lines(words: Sequence[Word]) -> list[list[Word]]:
    """The words grouped by line, lines in their reading order, words in theirs."""
    rows: dict[int, list[Word]] = {}
    for w in words:
        rows.setdefault(w.line, []).append(w)
    return [rows[k] for k in sorted(rows)]


def span(line: Sequence[Word]) -> tuple[int, int, int, int]:
    """The line's box: left, top, right, bottom of its words' boxes."""
    return (min(w.bbox[0] for w in line), min(w.bbox[1] for w in line), max(w.bbox[2] for w in line),
            max(w.bbox[3] for w in line))


def clear_cut(line: Sequence[Word]) -> int | None:
    """Where a line is plainly cut in two: the index of the first word after its widest gap, where that gap is
    :data:`CLEAR_RATIO` times the line's median gap and its second widest; None otherwise."""
    gaps = [b.bbox[0] - a.bbox[2] for a, b in zip(line[:-1], line[1:], strict=True)]
    if len(gaps) < 2:
        return None
    ordered = sorted(gaps)
    widest, second = ordered[-1], ordered[-2]
    if widest <= 0 or widest < CLEAR_RATIO * max(second, 1) or widest < CLEAR_RATIO * max(median(gaps), 1):
        return None
    return gaps.index(widest) + 1


def candidates(lines: Sequence[Sequence[Word]]) -> list[tuple[float, float]]:
    """The columns' axes each clear line among ``lines`` (:func:`clear_cut`) gives: the centres of its two parts."""
    return [(_centre(line[:k]), _centre(line[k:])) for line in lines if (k := clear_cut(line)) is not None]


def split_line(line: Sequence[Word], left: float, right: float) -> tuple[list[Word], list[Word]] | None:
    """``line`` as its left and right columns' parts, or one of them alone (the other empty), where the parts
    stand centred on the axes ``left`` and ``right`` (or, cut at a clear gap between the columns, one of them
    does); None where the line is not the header's (a title centred on the page, a body line)."""
    tol = AXIS_TOLERANCE * (right - left)
    middle = (left + right) / 2
    best: tuple[float, int] | None = None
    for k in range(1, len(line)):
        if line[k].bbox[0] <= line[k - 1].bbox[2]:
            continue
        off = max(abs(_centre(line[:k]) - left), abs(_centre(line[k:]) - right))
        if off <= tol and (best is None or off <= best[0]):  # a mark at the cut stays with the left part
            best = (off, k)
    if best is not None:
        return list(line[:best[1]]), list(line[best[1]:])
    k = clear_cut(line)  # a word lost at a part's outer end moves its centre: the plain gap, one part centred
    if k is not None and _centre(line[:k]) < middle < _centre(line[k:]) and (
            abs(_centre(line[:k]) - left) <= tol or abs(_centre(line[k:]) - right) <= tol):
        return list(line[:k]), list(line[k:])
    if abs(_centre(line) - left) <= tol and max(w.bbox[2] for w in line) < middle:
        return list(line), []
    if abs(_centre(line) - right) <= tol and min(w.bbox[0] for w in line) > middle:
        return [], list(line)
    return None


def columns(lines: Sequence[Sequence[Word]], left: float, right: float) -> tuple[list[list[Word]], int, int]:
    """The header's parts in reading order (the left column's, then the right column's) from the page's first
    ``lines`` cut on the axes ``left`` and ``right`` (:func:`split_line`), down to the first line that is not
    the header's; how many lines that is, and how many of them were cut in two."""
    lefts: list[list[Word]] = []
    rights: list[list[Word]] = []
    end = twos = 0
    for line in lines:
        parts = split_line(line, left, right) if right > left else None
        if parts is None:
            break
        lefts += [parts[0]] if parts[0] else []
        rights += [parts[1]] if parts[1] else []
        end, twos = end + 1, twos + bool(parts[0] and parts[1])
    return lefts + rights, end, twos


def reordered(words: list[Word], lines: Sequence[Sequence[Word]], start: int, end: int,
              parts: Sequence[Sequence[Word]], twos: int) -> list[Word]:
    """``words`` with ``lines[start:end]`` replaced by ``parts`` (each part its own line, numbered from the first
    line's number) and the lines after renumbered after them; ``words`` itself (the same object) where fewer than
    :data:`MIN_TWO` lines were cut in two or ``parts`` are those lines as they were (already in order)."""
    if twos < MIN_TWO or [[id(w) for w in p] for p in parts] == [[id(w) for w in ln] for ln in lines[start:end]]:
        return words
    first = lines[start][0].line
    out = [w for line in lines[:start] for w in line]
    for n, part in enumerate(parts):
        out += [replace(w, line=first + n) for w in part]
    shift = first + len(parts) - (lines[end - 1][0].line + 1)
    for line in lines[end:]:
        out += [replace(w, line=w.line + shift) for w in line]
    return out


def stray(line: Sequence[Word]) -> bool:
    """Whether a line is no header's: one word alone (a faded page's top edge read ``mm``, a page number) or marks
    alone, no word of :data:`MIN_READ` letters or digits (:data:`READ`: the edge read ``——B.._____`` or ``_—.``).
    A header's lines hold two words or more (``UBND HUYỆN …``, ``Số: 158/UBND-ĐC``, ``XÃ QUỲNH HẬU``)."""
    return len(line) < 2 or not any(sum(unicodedata.category(c) in READ for c in w.text) >= MIN_READ for w in line)


def header_order(words: list[Word]) -> list[Word]:
    """``words`` with the header's columns in reading order: the left column's lines, then the right column's,
    each part its own line; the lines after the header renumbered after them. The axes are those of the clear
    line (:func:`candidates`) under which the most lines are cut in two, at least :data:`MIN_TWO`. The header
    starts at the page's first line that is not a stray one (:func:`stray`: a line of marks over it is kept where
    it stands, before it; it stopped the header at its first line on faded pages, the whole header then read
    across both columns). The words as they were where the page's first lines show no two columns or their order
    is already so."""
    lines = _lines(words)
    start = next((k for k, line in enumerate(lines[:HEAD_LINES]) if not stray(line)), 0)
    top = lines[start:start + HEAD_LINES]
    found = [columns(top, *axes) for axes in candidates(top)]
    head, end, twos = max(found, key=lambda f: (f[2], f[1]), default=([], 0, 0))
    return reordered(words, lines, start, start + end, head, twos)
