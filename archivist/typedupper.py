"""Capitals a typewritten page's reading has small, told by each glyph's body, its marks apart, against the page's
own capitals and small letters: a word of capitals read with small letters in it (``PHổ`` for ``PHỔ``, ``BáO``, ``xã``
for ``XÃ`` in a heading) read in capitals, and a word's first letter read small where a sentence runs on (``châu``
for ``Châu``, ``văn`` for ``Văn``, ``ủy`` for ``Ủy``) made a capital.

Why: after :mod:`archivist.typedcase` and :mod:`archivist.typedcaps` the case words the typewriter group still lost
were mostly capitals read small: names and places mid-line, marked capitals (the mark moves a glyph's height, so
:mod:`archivist.typedcaps`' test of the whole glyph cannot see them) and letters of headings in capitals (bench/
RESULTS.md, "Typewritten pages, capitals with marks and ascenders (session 41)"). The page shows the case: a
typewriter strikes every character in a cell of its own, so each glyph is cut out of its word at the page's pitch,
and its body is the run of inked rows holding the most ink: a mark above or a dot below is a run of its own, with
paper between. A capital's body stands as high as the page's capitals (the medians of its unmarked capitals' and
small letters' bodies: 23-24 against 19 pixels at 200 dpi, 34-38 against 30-32 at 300), a small letter's at the
x-height. Only letters whose small form has no ascender or descender are measured (``a c e i m n o r s u v w x z``
and their marked forms; not ``ư``, ``ơ`` nor the letter after them: the horn stands above the body, joined to it,
and reaches into the next cell), and a letter with a mark above only where the mark stands apart (run into the body,
it makes a small letter as tall as a capital: not measured), no higher than a capital (:data:`CAPITAL_MAX`).

On the fit pages (seeds 178-181, 41 typed pages) 27 of the 11,821 small letters measured stood past
:data:`CAPITAL_SPLIT` of the way from the small letters' bodies to the capitals' (18 of the 29 capitals read small);
of the 1,916 first letters of :data:`FIRST_LETTERS` typed small none stood past 0.5, of the 24 capitals read small
13 past :data:`FIRST_SPLIT`. A word is read in capitals only where every small letter measured stands so, and only
where it holds a capital already or stands beside a word in capitals on its line (a heading's place); a first letter
alone only where a sentence runs on (:func:`archivist.typedcase.runs_on`: at a start the capital is the wording
rules', with their flag, as in :mod:`archivist.typedcaps`), of a capital shaped as its small letter
(:data:`FIRST_LETTERS`), and on the line's baseline (a ``g`` read ``u`` reaches below it). A worn stroke breaks a
body into pieces and makes it shorter, never taller: wear leaves a word as read.
"""

from __future__ import annotations

import statistics
import unicodedata

import cv2
import numpy as np

from .models import Word
from .ocr import OcrResult, nfc
from .tokens import EDGE
from .typedcase import page_pitch, runs_on, with_readings

#: A small letter read is a capital where its body stands past this share of the way from the page's small letters'
#: bodies to its capitals' (the mono face's small letters 0.77 of its capitals; fit: see the module's docstring) ...
CAPITAL_SPLIT = 0.6
#: ... and no higher than this many times the capitals' (a mark run into the body: not measured).
CAPITAL_MAX = 1.08
#: A word's first letter alone (the rest small) is a capital past this share: no capital in the word or beside it
#: vouches for the case, so the glyph must stand nearer a capital's height (fit: the small ones 0.5 at most).
FIRST_SPLIT = 0.75
#: The first letters it is asked of: a capital of the small letter's shape, drawn larger (``n`` and ``m`` besides:
#: a glyph standing tall read ``r``, ``a``, ``e`` or ``i`` was another letter misread on the fit pages).
FIRST_LETTERS = "csvxouwzmn"
#: A glyph whose body reaches below the word's baseline by more than this share of the x-height has a descender (a
#: ``g`` read ``u``): not a capital.
BELOW = 0.15
#: The page's capitals must stand at least this many times its small letters for either to be told.
TOLD_APART = 1.12
#: Letters whose small form stands at the x-height (no ascender, no descender), by their base letter; ``ư`` and
#: ``ơ`` are left out (their horn stands above the body, joined to it).
MEASURED = "acemnorsuvwxzi"
#: The marks above a letter (NFD): where one is not a run of its own above the body it has run into it.
MARKS_ABOVE = "\u0300\u0301\u0302\u0303\u0306\u0309"
#: A word's box may differ from its characters' count of pitches by this share of a pitch at most.
CELLS_SLACK = 0.6
#: Each glyph's cell: this share of a pitch either side of its centre.
HALF_CELL = 0.42
#: A word beside one in capitals: on its line, no further than this many pitches from it (not the next column's).
BESIDE_GAP = 1.6


def base_letter(char: str) -> str:
    """The letter without its marks (``ổ`` -> ``o``, ``Ư`` -> ``U``; ``đ`` stays ``đ``)."""
    return unicodedata.normalize("NFD", char)[0]


def _ink(image: np.ndarray, box: tuple[int, int, int, int]) -> tuple[np.ndarray, int, int] | None:
    """The word's ink (1, Otsu over it) with a third of its height above for the marks, the crop's left x and top y."""
    x0, y0, x1, y1 = box
    h = y1 - y0
    left, top = max(0, x0 - 2), max(0, y0 - h // 3)
    word = image[top:y1 + h // 4, left:x1 + 2]
    if word.size == 0:
        return None
    _, ink = cv2.threshold(word, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return ink, left, top


#: A glyph's body: its height, whether a run of ink stands above it (a mark, a dot), the page's row under it.
Body = tuple[int, bool, int]


def row_runs(cell: np.ndarray) -> list[tuple[int, int]]:
    """The runs of inked rows of ``cell`` (ink 1), each (first row, row under it), top to bottom."""
    runs: list[tuple[int, int]] = []
    start = None
    for i, on in enumerate([*(cell.sum(1) > 0), False]):
        if on and start is None:
            start = i
        elif not on and start is not None:
            runs.append((start, i))
            start = None
    return runs


def body_of(cell: np.ndarray) -> Body | None:
    """The glyph's body in ``cell`` (ink 1): the height of the run of inked rows holding the most ink (a mark above
    or a dot below, each a run of its own with paper between, left out), whether another run stands above it, and
    the row under it (in ``cell``'s rows)."""
    rows = cell.sum(1)
    runs = row_runs(cell)
    if not runs:
        return None
    k = max(range(len(runs)), key=lambda r: int(rows[runs[r][0]:runs[r][1]].sum()))
    a, b = runs[k]
    return (b - a, k > 0, b) if b - a >= 3 else None


def fits_cells(box: tuple[int, int, int, int], n: int, pitch: float) -> bool:
    """Whether the word at ``box`` is ``n`` cells of ``pitch`` wide (within :data:`CELLS_SLACK` of a pitch): where
    the engine read a glyph too many or too few, the cells laid at the pitch would not hold its glyphs."""
    return pitch > 0 and abs((box[2] - box[0]) / pitch - n) <= CELLS_SLACK


def glyph_cells(image: np.ndarray, box: tuple[int, int, int, int], n: int,
                pitch: float) -> tuple[list[np.ndarray], int] | None:
    """The ink (1, Otsu over the word) of each of the ``n`` glyphs of the word at ``box``, their cells laid at
    ``pitch`` about the box's centre (:data:`HALF_CELL` either side), with a third of the word's height above for the
    marks, and the page's row of the cells' top; None where the box is not ``n`` cells wide (a glyph lost or added:
    the cells would not hold)."""
    if not fits_cells(box, n, pitch):
        return None
    x0, _, x1, _ = box
    got = _ink(image, box)
    if got is None:
        return None
    ink, left, top = got
    mid = (x0 + x1) / 2 - left
    cells = []
    for k in range(n):
        c = mid + (k - (n - 1) / 2) * pitch
        cells.append(ink[:, max(0, round(c - HALF_CELL * pitch)):max(0, round(c + HALF_CELL * pitch))])
    return cells, top


def cell_bodies(image: np.ndarray, box: tuple[int, int, int, int], n: int, pitch: float) -> list[Body | None] | None:
    """The body (:func:`body_of`) of each of the ``n`` glyphs of the word at ``box`` (:func:`glyph_cells`); None
    where the box is not ``n`` cells wide."""
    got = glyph_cells(image, box, n, pitch)
    if got is None:
        return None
    cells, top = got
    out: list[Body | None] = []
    for cell in cells:
        body = body_of(cell) if cell.size else None
        out.append((body[0], body[1], body[2] + top) if body else None)
    return out


def _horned(ch: str) -> bool:
    """``ư`` or ``ơ`` (any case, any tone): the horn stands above the body, joined to it, and reaches into the next
    glyph's cell, so neither this letter nor the next is measured."""
    return "\u031b" in unicodedata.normalize("NFD", ch)


def _capitals(text: str) -> bool:
    """A word of two letters or more, every one a capital (edge punctuation aside)."""
    letters = [c for c in text.strip(EDGE) if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _plain(ch: str, upper: bool) -> bool:
    """A letter of no mark in the case asked whose body stands at the x-height (small) or a capital's (capital)."""
    if not ch.isalpha() or ch.isupper() != upper or unicodedata.normalize("NFD", ch) != ch:
        return False
    return ch not in "QJ" if upper else ch in MEASURED and ch != "i"


def page_bodies(texts: list[str], bodies: list[list[Body | None] | None]) -> tuple[float, float] | None:
    """The page's capitals' and small letters' body heights: the medians over its letters of no mark (capitals but
    ``Q``, ``J``; small letters of the x-height but ``i``), or None where either has fewer than five."""
    caps: list[int] = []
    small: list[int] = []
    for text, got in zip(texts, bodies, strict=True):
        for ch, b in zip(text, got or [], strict=False):
            if b and _plain(ch, True):
                caps.append(b[0])
            elif b and _plain(ch, False):
                small.append(b[0])
    if len(caps) < 5 or len(small) < 5:
        return None
    return statistics.median(caps), statistics.median(small)


def upper_reading(text: str, bodies: list[Body | None], capital: float, small: float) -> str | None:
    """``text`` in capitals where each of its small letters measured (:data:`MEASURED`, one at least) has a body
    (``bodies``, one a character) standing as a capital's: past :data:`CAPITAL_SPLIT` of the way from ``small`` to
    ``capital``, no higher than :data:`CAPITAL_MAX` of it, and a mark above it standing apart. None where any
    stands otherwise, or none can be measured."""
    core = text.strip(EDGE)
    if len(core) < 2 or not core.isalpha() or core.isupper():
        return None
    measured = [k for k in range(len(text)) if _measured(text, k)]
    if not measured or not all(_stands(text[k], bodies[k], capital, small, CAPITAL_SPLIT) for k in measured):
        return None
    return text.upper()


def _measured(text: str, k: int) -> bool:
    """Whether the ``k``-th character of ``text`` is a small letter measured: of the x-height (:data:`MEASURED`), no
    horn on it or on the letter before (:func:`_horned`)."""
    ch = text[k]
    return ch.islower() and base_letter(ch) in MEASURED and not _horned(ch) and not (k and _horned(text[k - 1]))


def _stands(ch: str, body: Body | None, capital: float, small: float, split: float) -> bool:
    """Whether the small letter ``ch`` read, of body ``body``, stands as a capital: past ``split`` of the way from
    ``small`` to ``capital``, no higher than :data:`CAPITAL_MAX` of ``capital`` (a mark run into it), and a mark
    above it (an ``i``'s dot too) a run of its own."""
    if body is None or capital < TOLD_APART * small:
        return False
    marked = ch == "i" or bool(set(unicodedata.normalize("NFD", ch)) & set(MARKS_ABOVE))
    return small + split * (capital - small) <= body[0] <= CAPITAL_MAX * capital and (body[1] or not marked)


def baseline(text: str, bodies: list[Body | None]) -> float | None:
    """The page's row under the word's letters of no descender (the median of their bodies'), or None."""
    rows = [b[2] for ch, b in zip(text, bodies, strict=True)
            if b and ch.isalpha() and base_letter(ch.lower()) not in "gpqy"]
    return statistics.median(rows) if rows else None


def capital_first(text: str, bodies: list[Body | None], capital: float, small: float,
                  base: float | None) -> str | None:
    """``text`` (small letters) with its first letter a capital where that letter is one of :data:`FIRST_LETTERS`,
    measured (:func:`_measured`), on the line's baseline ``base`` (not a descender's glyph read as it) and standing as
    a capital past :data:`FIRST_SPLIT` (``châu`` for ``Châu``, ``ủy`` for ``Ủy``); None elsewhere."""
    core = text.strip(EDGE)
    if len(core) < 2 or not core.isalpha() or not core.islower():
        return None
    k = text.index(core)
    body = bodies[k]
    if base_letter(text[k]) not in FIRST_LETTERS or not _measured(text, k) or body is None or base is None \
            or body[2] > base + BELOW * small:
        return None
    return text[:k] + text[k].upper() + text[k + 1:] if _stands(text[k], body, capital, small, FIRST_SPLIT) else None


def typed_upper(ocr: OcrResult, typed: np.ndarray | None) -> OcrResult:
    """``ocr`` (words in the pixels of ``typed``, a typewritten page's image before its strikes were evened) with
    each word holding a capital, or in small letters beside a word in capitals on its line, read in capitals where
    its small letters' bodies stand as the page's capitals' (:func:`upper_reading`), and elsewhere a word in small
    letters where a sentence runs on given a capital first letter where that glyph stands as one
    (:func:`capital_first`). Unchanged on any other page."""
    if typed is None or not ocr.words:
        return ocr
    pitch = page_pitch(ocr.words)
    if pitch is None:
        return ocr
    ws = ocr.words
    texts = [nfc(w.text) for w in ws]
    bodies = [cell_bodies(typed, w.bbox, len(t), pitch) if t.strip(EDGE).isalpha() else None
              for w, t in zip(ws, texts, strict=True)]
    heights = page_bodies(texts, bodies)
    if heights is None:
        return ocr
    again: list[str | None] = []
    for k, (text, got) in enumerate(zip(texts, bodies, strict=True)):
        if got is None:
            again.append(None)
            continue
        upper = None if text.islower() and not _beside_capitals(ws, texts, k, pitch) else \
            upper_reading(text, got, *heights)
        first = k > 0 and ws[k - 1].line == ws[k].line and runs_on(texts[k - 1])
        if upper or not first:
            again.append(upper)
            continue
        start = text.index(text.strip(EDGE)) + 1  # the letters after the first give the baseline, or the word before
        base = baseline(text[start:], got[start:]) or \
            (baseline(texts[k - 1], bodies[k - 1]) if bodies[k - 1] else None)
        again.append(capital_first(text, got, *heights, base))
    return with_readings(ocr, again)


def _beside_capitals(ws: list[Word], texts: list[str], k: int, pitch: float) -> bool:
    """Whether the word next to word ``k`` on either side, on its line and no further than :data:`BESIDE_GAP`
    pitches from it, is in capitals (:func:`_capitals`)."""
    w = ws[k]
    for j in (k - 1, k + 1):
        if 0 <= j < len(ws) and ws[j].line == w.line and _capitals(texts[j]):
            gap = w.bbox[0] - ws[j].bbox[2] if j < k else ws[j].bbox[0] - w.bbox[2]
            if gap <= BESIDE_GAP * pitch:
                return True
    return False
