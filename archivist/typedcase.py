"""A typewritten word's small ``l`` read as a capital ``L`` (``lập`` read ``Lập``), told by the glyph's shape.

Why: on the typewriter group's pages the largest one-glyph slip is a small ``l`` read ``L`` (146 words on the sealed
HG117-134, session 39; 35 of the 71 case slips on the fit sets of session 40): ``loại`` -> ``Loại``, ``làm`` ->
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
"""

from __future__ import annotations

import statistics
from dataclasses import replace

import cv2
import numpy as np

from .lexicon import SURNAMES
from .models import Word
from .ocr import OcrResult, nfc
from .ocrfix import NAMES_AFTER, slip_shape, text_of
from .ocrtext import fold_key
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
    """Whether ``text`` (read ``L`` + small letters), between ``prev`` and ``nxt``, stands where a sentence runs on:
    ``prev`` ends no sentence and opens no item (``a)``, ``-``), names nothing and is no word in capitals (a
    heading's or a position's line before a name), and ``text`` is no surname before a capitalised word."""
    bare = prev.strip(EDGE)
    letters = [c for c in bare if c.isalpha()]
    if not prev or prev.rstrip().endswith((*ENDS, ")")) or prev.strip() in BULLETS:
        return False
    if bare.lower() in NAMES_AFTER or len(letters) >= 2 and all(c.isupper() for c in letters):
        return False
    return not (nxt.strip(EDGE)[:1].isupper() and fold_key(text) in SURNAMES)


def page_pitch(words: list[Word]) -> float | None:
    """The page's character pitch in pixels: the median width a character of its longer words takes."""
    per = [(w.bbox[2] - w.bbox[0]) / len(w.text) for w in words if len(w.text) >= 4 and w.text.isalnum()]
    return statistics.median(per) if per else None


def small_l(image: np.ndarray, box: tuple[int, int, int, int], pitch: float) -> bool:
    """Whether the first glyph of the word at ``box`` on ``image`` (grey, ink dark) has the shape of a small ``l``:
    little ink along its cell's left edge and none in its bottom-left corner (see the module's docstring)."""
    x0, y0, x1, y1 = box
    word = image[max(0, y0):y1, max(0, x0):x1]
    if word.size == 0 or pitch <= 0:
        return False
    _, ink = cv2.threshold(word, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    ink = ink[:, :max(2, round(GLYPH_SHARE * pitch))]
    rows = np.flatnonzero(ink.any(1))
    if len(rows) < 6:  # too small to have a shape
        return False
    glyph = ink[rows[0]:rows[-1] + 1]
    cols = np.flatnonzero(glyph.any(0))
    edge = glyph[:, cols[0]:cols[0] + max(1, round(EDGE_SHARE * pitch))].any(1)
    corner = edge[int(len(edge) * 0.7):]
    return bool(edge.mean() <= STEM_MAX and corner.mean() <= CORNER_MAX)


def lower_typed_l(ocr: OcrResult, typed: np.ndarray | None) -> OcrResult:
    """``ocr`` (words in the pixels of ``typed``, a typewritten page's image before its strikes were evened and
    thickened) with each word read ``L`` + small letters where a sentence runs on (:func:`run_on`) lowered where its
    first glyph has a small ``l``'s shape (:func:`small_l`). Unchanged on any page but a typewritten one."""
    if typed is None or not ocr.words:
        return ocr
    pitch = page_pitch(ocr.words)
    if pitch is None:
        return ocr
    words = list(ocr.words)
    changed = False
    for k, w in enumerate(words):
        text = nfc(w.text)
        if not (text[:1] == "L" and slip_shape(text.rstrip(".,;:!?)"))):
            continue
        prev = words[k - 1].text if k else ""
        nxt = words[k + 1].text if k + 1 < len(words) else ""
        if run_on(prev, text, nxt) and small_l(typed, w.bbox, pitch):
            words[k] = replace(w, text="l" + text[1:])
            changed = True
    if not changed:
        return ocr
    return replace(ocr, words=words, text=nfc(text_of(words)).strip())
