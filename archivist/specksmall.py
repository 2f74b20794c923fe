"""A speckled page's small first letter read as its capital (``xét`` read ``Xét``, ``sau:`` read ``Sau:``, ``xã``
read ``Xã``), told by the glyph's height.

Why: on the speckled 200 dpi pages a small ``c s v x o u w z`` is read as its capital where a sentence runs on
(``xem Xét, phê duyệt``, ``như Sau:``, ``Công an Xã``: 23 words lost so on session 43's six sets, bench/RESULTS.md,
"Speckled pages, eighth round (session 44)"). Every one is still a word, so no syllable or word test sees it, and
the post-correction's page-wide rule lowers one only where the page's other words show the slip. The glyph tells
the two apart, as on typewritten pages (:mod:`archivist.typedcase`): those capitals are the small letter drawn
larger, so a glyph that stands no higher than the line's small letters is one. A proportional face has no pitch to
cut the first glyph by, so here the glyph is the word's leftmost connected ink on the page the OCR read (its specks
taken out by the median), kept only when it sits on the word's baseline and is a letter's height, not a speck's.
On fit seeds 272-274 the slips stood 0.96-1.18 of their line's x-height (``Xét``, ``Vật``, ``Xã.``; ``Xã`` 1.18, a
speck on it), the 102 capitals read where a sentence runs on 1.30-1.70 (:data:`LOWER_MAX`). Only that way, as
there; names are left where :func:`archivist.typedcase.run_on` leaves them (after a word that names, a surname
before a capital) and after a capitalised word (a name going on).
"""

from __future__ import annotations

import statistics
from functools import lru_cache

import cv2
import numpy as np

from .models import Word
from .ocr import OcrResult, nfc
from .syllables import is_syllable
from .tokens import EDGE, split_edges
from .typedcase import SAME_SHAPE, X_LETTERS, run_on, with_readings

#: A same-shape capital whose first glyph stands at most this many x-heights is a small letter: about halfway
#: between the small letters (1.0) and this face's capitals (1.30-1.70 on the fit pages, most 1.38-1.44). Higher than
#: the typewriter's 1.10 (:data:`archivist.typedcase.LOWER_MAX`) because a speck only adds ink: touching a small
#: letter it raises the glyph toward a capital's height (``Xã`` 1.18), it never lowers a capital's.
LOWER_MAX = 1.2
#: Ink pieces smaller than this share of the word's largest are marks or specks, never its first glyph.
PIECE_SHARE = 0.2
#: The first glyph's foot must lie within this share of the x-height of the line's baseline (a speck left beside
#: the word does not), and it must stand at least :data:`MIN_HEIGHT` x-heights (a dot is no letter).
FOOT_SHARE = 0.2
MIN_HEIGHT = 0.7
#: A line's x-height is the median of at least this many measures. Only the line's own: the recipients list and the
#: signature block are set smaller than the body, and on fit seeds 272-273 the page's x-height took their capitals
#: for small letters (``Thọ Xuân;``, ``Cẩm Xuyên;`` at 1.15-1.19 of the body's).
LINE_MEASURES = 2


def _pieces(image: np.ndarray, box: tuple[int, int, int, int]) -> list[tuple[int, int, int, int]]:
    """The word's ink pieces at ``box`` on ``image`` (grey, ink dark; Otsu over the box) as (x, y, w, h), those
    under :data:`PIECE_SHARE` of the largest left out, left to right."""
    x0, y0, x1, y1 = box
    crop = image[max(0, y0):y1, max(0, x0):x1]
    if crop.size == 0:
        return []
    _, ink = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink.astype(np.uint8), connectivity=8)
    if n <= 1:
        return []
    largest = int(stats[1:, cv2.CC_STAT_AREA].max())
    keep = [tuple(int(v) for v in stats[i, :4]) for i in range(1, n)
            if stats[i, cv2.CC_STAT_AREA] >= PIECE_SHARE * largest]
    return sorted(keep)


def first_glyph_height(image: np.ndarray, box: tuple[int, int, int, int]) -> int | None:
    """The height in pixels of the word's first glyph: its leftmost ink piece (:func:`_pieces`)."""
    pieces = _pieces(image, box)
    return pieces[0][3] if pieces else None


def line_x_heights(words: list[Word], image: np.ndarray) -> dict[int, float]:
    """Each line's x-height, the median first-glyph height of its words in small letters that open with a letter of
    no ascender, descender or mark (:data:`archivist.typedcase.X_LETTERS`), where :data:`LINE_MEASURES` give one."""
    per: dict[int, list[int]] = {}
    for w in words:
        text = nfc(w.text)
        if len(text) > 1 and text[0] in X_LETTERS and text.isalpha() and text.islower():
            if (h := first_glyph_height(image, w.bbox)) is not None:
                per.setdefault(w.line, []).append(h)
    return {line: statistics.median(hs) for line, hs in per.items() if len(hs) >= LINE_MEASURES}


def small_glyph(image: np.ndarray, word: Word, x_height: float) -> bool:
    """Whether the first glyph of ``word`` stands no higher than ``x_height`` allows a small letter
    (:data:`LOWER_MAX`), a letter's height on the word's baseline: its foot within :data:`FOOT_SHARE` x-heights of
    the line's baseline, and at least :data:`MIN_HEIGHT` x-heights tall (a speck left beside the word is neither)."""
    pieces = _pieces(image, word.bbox)
    if not pieces or word.baseline is None:
        return False
    _, y, _, h = pieces[0]
    foot = max(0, word.bbox[1]) + y + h
    return MIN_HEIGHT * x_height <= h <= LOWER_MAX * x_height and abs(foot - word.baseline) <= FOOT_SHARE * x_height


@lru_cache(maxsize=1)
def _type_names() -> dict[str, frozenset[str]]:
    """The document types' names by their first word: the second words that follow it (empty for a one-word name)."""
    from .doctypes import load_table

    out: dict[str, set[str]] = {}
    for name in load_table().by_name:
        first, *rest = name.split()
        out.setdefault(first, set()).update(rest[:1])
    return {k: frozenset(v) for k, v in out.items()}


def names_a_type(core: str, nxt: str) -> bool:
    """Whether ``core`` and the word after it open a document type's name, capitalised mid-sentence as an act's
    name (``Công văn số 171``, ``Chỉ thị``): ``Công`` before ``tác`` is no type's (``cho Công tác``, session 43)."""
    seconds = _type_names().get(core)
    if seconds is None:
        return False
    return not seconds or split_edges(nfc(nxt), EDGE)[1].lower() in seconds


def _lowered(text: str, prev: str, nxt: str) -> bool:
    """Whether ``text`` may be a small word read with a capital first letter: a capital of the small letter's shape
    (:data:`archivist.typedcase.SAME_SHAPE`), then small letters making a syllable, opening no type's name
    (:func:`names_a_type`), where a sentence runs on (:func:`archivist.typedcase.run_on`) and not after a
    capitalised word, whose name it may go on (``Thọ Xuân``, ``Hoàng Công``)."""
    core = text.rstrip(".,;:!?)")
    before = prev.strip(EDGE)
    return (text[:1] in SAME_SHAPE.upper() and len(core) >= 2 and core[1:].isalpha() and core[1:].islower()
            and is_syllable(core.lower()) and not names_a_type(core, nxt) and run_on(prev, text, nxt)
            and not (before[:1].isupper() and before.isalpha()))


def speck_case(ocr: OcrResult, unsmoothed: np.ndarray | None, image: np.ndarray) -> OcrResult:
    """``ocr`` (a speckled page's reading of ``image``; ``unsmoothed`` the page before its median, None on any
    other page) with each word read with a capital of the small letter's shape where a sentence runs on lowered
    where its first glyph on ``image`` stands a small letter's height (:func:`small_glyph`). Unchanged on any page
    but a speckled one."""
    if unsmoothed is None or not ocr.words:
        return ocr
    ws = ocr.words
    lines = line_x_heights(ws, image)
    again: list[str | None] = []
    for k, w in enumerate(ws):
        text = nfc(w.text)
        x_height = lines.get(w.line)
        prev, nxt = ws[k - 1].text if k else "", ws[k + 1].text if k + 1 < len(ws) else ""
        low = x_height is not None and _lowered(text, prev, nxt) and small_glyph(image, w, x_height)
        again.append(text[0].lower() + text[1:] if low else None)
    return with_readings(ocr, again)
