"""A typewritten word's small first letter read as a capital (``lập`` read ``Lập``, ``sau:`` read ``Sau:``), told by
the glyph: an ``l`` by its shape, a letter of one shape in both cases by its height.

Why: on the typewriter group's pages the largest one-glyph slip is a small ``l`` read ``L`` (146 words on the sealed
HG117-134, session 39; 48 of the 100 case words lost on the fit sets of session 40): ``loại`` -> ``Loại``, ``làm`` ->
``Làm``, every one still a word, so no syllable or word test sees it, and ocrfix's page-wide rule (``_CAP_SLIP``)
lowers one only where the page's other words show the slip (bench/RESULTS.md, "Typewritten pages, case slips
(session 40)"). The page itself tells the two letters apart: a typewriter's ``l`` stands in the middle of its cell,
its top a flag to the left and its foot a hook to the right, so the cell's left edge holds ink only at the flag and
its bottom-left corner is paper; a capital ``L`` is a stem on the cell's left edge, full height, its foot leaving
from the bottom-left corner. On the fit pages every ``l`` (read ``l`` or ``L``) had ink at the left edge along at most
0.15 of its height but one (0.54), every ``L`` along 0.58 or more; the bottom-left corner held ink in no ``l`` but
that one and in every ``L`` (0.33 or more of the corner's rows).

Only a word read as ``L`` and small letters that makes a syllable in small letters, and not the first word of a
type's name (``Luật``), is looked at, and only where a sentence may run on (:func:`run_on`): not a sentence's or a
list item's first word, not after a word that names (``ông``, ``xã``) or a line in capitals, not a surname before a
capitalised word. ocrfix's rule asks more of the place (a word in small letters before, no capital after) because
it has no glyph to look at: on the fit pages that left 10 of the 32 slips the shape finds (``Họp Lấy ý kiến``,
``đây Là Kế hoạch``, ``16/05/2008 Làm``).

The small letters whose capitals have their shape (``c s v x o u w z``) are read as capitals too (``sự`` -> ``Sự``,
``xã;`` -> ``Xã;``); their glyph's height tells them, against the line's small letters' (:data:`LOWER_MAX`), in the
same places.
"""

from __future__ import annotations

import statistics
from dataclasses import replace

import cv2
import numpy as np

from .lexicon import SURNAMES
from .models import Word
from .ocr import OcrResult, nfc
from .ocrfix import NAMES_AFTER, slip_shape, text_of, type_words
from .ocrtext import fold_key
from .syllables import is_syllable
from .tokens import EDGE

#: The first glyph is looked for in this share of the pitch from the word's left edge (a glyph is about 0.7 of
#: its cell wide, the next one starts a cell on): the ``l`` or ``L`` alone.
GLYPH_SHARE = 0.6
#: The cell's left edge: this share of the pitch from the glyph's leftmost ink (an ``L``'s stem is 0.15-0.2 wide).
EDGE_SHARE = 0.2
#: An ``l``: ink at the left edge along at most this share of the glyph's height (its flag; fit: at most 0.15 but
#: one 0.54, every ``L`` 0.58 or more) ...
STEM_MAX = 0.35
#: ... and in at most this share of the rows of its bottom 30% at the left edge (fit: 0.00 but that one, every
#: ``L`` 0.33 or more).
CORNER_MAX = 0.2


#: A word after one ending so starts a sentence, a clause or a list's item; after one of these, an item.
ENDS = ".:!?;"
BULLETS = ("-", "+", "*", "•", "–")


def run_on(prev: str, text: str, nxt: str) -> bool:
    """Whether ``text`` (read a capital + small letters), between ``prev`` and ``nxt``, stands where a sentence runs on:
    ``prev`` ends no sentence and opens no item (``a)``, ``-``), names nothing and is no word in capitals (a
    heading's or a position's line before a name), and ``text`` is no surname before a capitalised word."""
    bare = prev.strip(EDGE)
    letters = [c for c in bare if c.isalpha()]
    if not prev or not runs_on(prev):
        return False
    if bare.lower() in NAMES_AFTER or len(letters) >= 2 and all(c.isupper() for c in letters):
        return False
    return not (nxt.strip(EDGE)[:1].isupper() and fold_key(text) in SURNAMES)


def runs_on(prev: str) -> bool:
    """Whether a word after ``prev`` on its line stands where a sentence runs on: ``prev`` ends no sentence or
    clause and is no list's bullet (a name's place, not a sentence's, an item's or a subject's start)."""
    return not prev.rstrip().endswith((*ENDS, ")")) and prev.strip() not in BULLETS


#: Letters whose capital is the small letter drawn larger (no mark on them: a mark changes the glyph's height) ...
SAME_SHAPE = "csvxouwz"
#: ... and the small letters a line's x-height is measured on: no ascender, descender or mark.
X_LETTERS = "cmnrsvxz"
#: A same-shape capital whose glyph is at most this many times the line's x-height is a small letter (fit: the
#: slips 1.00-1.05, the capitals read where a sentence runs on 1.15 or more; Liberation Mono's capitals 1.24). Only
#: that way: a small letter read whose glyph stands a capital's height is as often another, taller letter misread
#: (``xiến`` for ``kiến``, ``cồn`` for ``tồn``) as a capital read small (``châu`` for ``Châu``), and it broke a
#: right ``chuẩn`` on the fit pages.
LOWER_MAX = 1.10


def char_widths(words: list[Word]) -> list[float]:
    """The width a character takes in each of the page's longer words (four letters or digits or more)."""
    return [(w.bbox[2] - w.bbox[0]) / len(w.text) for w in words if len(w.text) >= 4 and w.text.isalnum()]


def page_pitch(words: list[Word]) -> float | None:
    """The page's character pitch in pixels: the median width a character of its longer words takes."""
    per = char_widths(words)
    return statistics.median(per) if per else None


def _first_cells(image: np.ndarray, box: tuple[int, int, int, int], pitch: float) -> np.ndarray | None:
    """The ink (1, Otsu over the whole word) of the first :data:`GLYPH_SHARE` of a pitch of the word at ``box``."""
    x0, y0, x1, y1 = box
    word = image[max(0, y0):y1, max(0, x0):x1]
    if word.size == 0 or pitch <= 0:
        return None
    _, ink = cv2.threshold(word, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return ink[:, :max(2, round(GLYPH_SHARE * pitch))]


def small_l(image: np.ndarray, box: tuple[int, int, int, int], pitch: float) -> bool:
    """Whether the first glyph of the word at ``box`` on ``image`` (grey, ink dark) has the shape of a small ``l``:
    little ink along its cell's left edge and none in its bottom-left corner (see the module's docstring)."""
    ink = _first_cells(image, box, pitch)
    rows = np.flatnonzero(ink.any(1)) if ink is not None else []
    if len(rows) < 6:  # too small to have a shape
        return False
    glyph = ink[rows[0]:rows[-1] + 1]
    cols = np.flatnonzero(glyph.any(0))
    edge = glyph[:, cols[0]:cols[0] + max(1, round(EDGE_SHARE * pitch))].any(1)
    corner = edge[int(len(edge) * 0.7):]
    return bool(edge.mean() <= STEM_MAX and corner.mean() <= CORNER_MAX)


def glyph_height(image: np.ndarray, box: tuple[int, int, int, int], pitch: float) -> int | None:
    """The height in pixels of the first glyph of the word at ``box``: its rows with two pixels of ink or more."""
    ink = _first_cells(image, box, pitch)
    rows = np.flatnonzero(ink.sum(1) >= 2) if ink is not None else []
    return None if len(rows) < 3 else int(rows[-1] + 1 - rows[0])


def line_x_heights(words: list[Word], image: np.ndarray, pitch: float) -> dict[int, float]:
    """Each line's x-height: the median height of the first glyphs of its words in small letters that open with a
    letter of no ascender, descender or mark (:data:`X_LETTERS`), where two or more give one."""
    heights: dict[int, list[int]] = {}
    for w in words:
        text = nfc(w.text)
        if len(text) > 1 and text[0] in X_LETTERS and text.isalpha() and text.islower():
            h = glyph_height(image, w.bbox, pitch)
            if h:
                heights.setdefault(w.line, []).append(h)
    return {line: statistics.median(hs) for line, hs in heights.items() if len(hs) >= 2}


def _case_read(text: str, prev: str, nxt: str, image: np.ndarray, box: tuple[int, int, int, int], pitch: float,
               x_height: float | None) -> str | None:
    """The word with its first letter's case as the glyph shows it, or None where the reading stands."""
    core = text.rstrip(".,;:!?)")
    if text[:1] == "L" and slip_shape(core):
        return "l" + text[1:] if run_on(prev, text, nxt) and small_l(image, box, pitch) else None
    if x_height is None or text[:1] not in SAME_SHAPE.upper() or not core[1:].isalpha() or not core[1:].islower():
        return None
    h = glyph_height(image, box, pitch)
    if h is None:
        return None
    small = is_syllable(core.lower()) and core not in type_words() and h <= LOWER_MAX * x_height
    return text[0].lower() + text[1:] if small and run_on(prev, text, nxt) else None


def typed_case(ocr: OcrResult, typed: np.ndarray | None) -> OcrResult:
    """``ocr`` (words in the pixels of ``typed``, a typewritten page's image before its strikes were evened and
    thickened) with the first letter's case of a word read as its glyph shows it: a word read ``L`` + small letters
    where a sentence runs on (:func:`run_on`) lowered where its first glyph has a small ``l``'s shape
    (:func:`small_l`); a word opening with a capital of one shape in both cases (:data:`SAME_SHAPE`) lowered where a
    sentence runs on and its glyph stands no higher than the line's small letters (:data:`LOWER_MAX`). Unchanged on
    any page but a typewritten one."""
    measures = page_measures(ocr, typed)
    if measures is None:
        return ocr
    pitch, x_heights = measures
    ws = ocr.words
    return with_readings(ocr, [_case_read(nfc(w.text), ws[k - 1].text if k else "", ws[k + 1].text if k + 1 < len(ws)
                                          else "", typed, w.bbox, pitch, x_heights.get(w.line))
                               for k, w in enumerate(ws)])


def page_measures(ocr: OcrResult, typed: np.ndarray | None) -> tuple[float, dict[int, float]] | None:
    """A typed page's pitch and its lines' x-heights (:func:`line_x_heights`), or None where it has no typed image,
    no words or no pitch: what the glyph tests of this module and :mod:`archivist.typedcaps` stand on."""
    if typed is None or not ocr.words:
        return None
    pitch = page_pitch(ocr.words)
    return None if pitch is None else (pitch, line_x_heights(ocr.words, typed, pitch))


def with_readings(ocr: OcrResult, again: list[str | None]) -> OcrResult:
    """``ocr`` with each word given its reading in ``again`` where there is one (box and line as read), its text
    rebuilt; ``ocr`` itself where there is none."""
    if not any(again):
        return ocr
    words = [replace(w, text=a) if a else w for w, a in zip(ocr.words, again, strict=True)]
    return replace(ocr, words=words, text=nfc(text_of(words)).strip())
