"""A colon a speck put after a speckled page's word before a word in small letters (``Ủy: ban``, ``vận: động``,
``sinh hoạt: để``), taken out where the ink after the word is one dot, not a colon's two.

Why: on the speckled 200 dpi pages a speck after a word is read as a colon (11 of the 34 words lost as "mark added"
on the fit seeds 272-274, bench/RESULTS.md, "Speckled pages, eighth round (session 44)"). Session 42's step
(:func:`archivist.speckmarks.inner_mark`) asks Tesseract again about a colon between two syllables that make a word
of the list, and keeps it when the pair read again shows it: the speck is still there, and read again it is still a
colon. Its ink is not: a printed colon is two dots one above the other, while the specks read so were a single dot
beside the word's last letter. On the captured fit pages of seeds 272-274, of the words read with a colon whose
line gives an x-height, the 67 whose colon the truth prints ended in two or three dots (a colon, and an ``i``'s dot
or a speck beside it); of the 11 before a small letter whose colon it does not print, 7 ended in one (the others in
two specks or none apart from the letters, left as read). Only before a word in small letters, on its line
or opening the next (``Ủy:`` at a line's end, ``ban`` under it): a label's colon before a capital or a number
(``Số:``, ``Kính gửi: Ủy ban``) is the page's commonest and is left as read. Two dots or more, or none apart from
the letters (a dot merged with a letter or a speck), leave the colon as read.
"""

from __future__ import annotations

from dataclasses import replace

import cv2
import numpy as np

from .models import Word
from .ocr import OcrResult, nfc
from .ocrfix import text_of
from .specksmall import line_x_heights
from .tokens import EDGE, split_edges

#: A dot is an ink piece no wider nor higher than this share of the x-height, and no smaller than
#: :data:`DOT_AREA` of its square (a pixel or two of grain is no dot).
DOT_SIZE = 0.5
DOT_AREA = 0.01
#: The colon's dots are the word's last ink: their right edge within this share of the x-height of the box's.
TAIL = 0.35


def tail_dots(image: np.ndarray, box: tuple[int, int, int, int], x_height: float) -> int:
    """How many dots (:data:`DOT_SIZE`) end the ink of the word at ``box`` on ``image`` (grey, ink dark; Otsu over
    the box): the pieces whose right edge lies within :data:`TAIL` x-heights of the rightmost ink."""
    x0, y0, x1, y1 = box
    crop = image[max(0, y0):y1, max(0, x0):x1]
    if crop.size == 0:
        return 0
    _, ink = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink.astype(np.uint8), connectivity=8)
    if n <= 1:
        return 0
    rights = stats[1:, 0] + stats[1:, 2]
    edge = int(rights.max())
    size, area = DOT_SIZE * x_height, DOT_AREA * x_height * x_height
    return sum(1 for i in range(1, n) if max(stats[i, 2], stats[i, 3]) <= size and stats[i, 4] >= area
               and rights[i - 1] >= edge - TAIL * x_height)


def colon_candidates(words: list[Word]) -> dict[int, str]:
    """The words of letters read with a colon after them and a word opening with a small letter after it, on its
    line or opening the next: each with its text without the colon."""
    out: dict[int, str] = {}
    for k in range(len(words) - 1):
        lead, core, trail = split_edges(nfc(words[k].text), EDGE)
        nlead, ncore, _ = split_edges(nfc(words[k + 1].text), EDGE)
        if trail == ":" and core.isalpha() and not nlead and ncore[:1].isalpha() and ncore[:1].islower() \
                and words[k + 1].line in (words[k].line, words[k].line + 1):
            out[k] = lead + core
    return out


def speck_colons(ocr: OcrResult, unsmoothed: np.ndarray | None, image: np.ndarray) -> OcrResult:
    """``ocr`` (a speckled page's reading of ``image``; ``unsmoothed`` None on any other page) without each colon
    read after a word before a word in small letters (:func:`colon_candidates`) where one dot alone ends its ink
    (:func:`tail_dots`). Unchanged on any page but a speckled one."""
    if unsmoothed is None or not ocr.words:
        return ocr
    candidates = colon_candidates(ocr.words)
    if not candidates:
        return ocr
    lines = line_x_heights(ocr.words, image)
    words = list(ocr.words)
    for k, clean in candidates.items():
        x_height = lines.get(words[k].line)
        if x_height is not None and tail_dots(image, words[k].bbox, x_height) == 1:
            words[k] = replace(words[k], text=clean)
    if words == ocr.words:
        return ocr
    return replace(ocr, words=words, text=nfc(text_of(words)).strip())
