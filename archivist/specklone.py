"""A speck read as a token of its own between a speckled page's words (``hiện như sau: : : I. MỤC ĐÍCH``,
``BAN NHÂN DÂN - XÃ``), dropped from the page's reading where its box and its ink are a speck's.

Why: on the speckled 200 dpi pages the specks the restoration leaves are read as lone marks (``-``, ``:``, ``.``,
``;``) between the words. No truth word is lost, so the bag-of-words error does not see them, but each is one
word too many in the record's text, its text layer and copy-paste: on fit seeds 310-312, 124 of the 625 edits of
the word error in reading order, of which the bag's losses are 329 (bench/RESULTS.md, "Speckled pages, ninth round
(session 45)"). A speck in the gap between the footer's columns also hides that gap, so the
recipients list and the signature block stay interleaved (:mod:`archivist.footorder` cuts a line at its widest
gap). :mod:`archivist.speckdrop` drops such a token from a stored value's line only; this drops it from the page.

A token is dropped only where the page shows it is a speck:

- it holds no letter and no digit (:func:`archivist.speckdrop._is_mark_token` less its list of needed marks: a
  dash is asked like any other mark, by its ink);
- its box is a speck's size: no side over :data:`SPECK` of the page's word height (a printed colon is a letter's
  height, a dash of a list or of ``Độc lập - Tự do`` as wide as a small letter);
- its ink is one dot: the largest ink piece reaching into the box, measured whole (the engine cuts a printed
  dash's box short: ``- Trưởng các thôn`` read with a dash box of 6 by 4 pixels, seed 311), is a speck's size and no
  bar (:data:`BAR_WIDTH`, :data:`BAR_RATIO`: a printed dash, however short, is one; a letter is no speck);
- it stands apart from the words: its box touches neither neighbour's on its line (a mark glued to a word is the
  word's).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from statistics import median

import cv2
import numpy as np

from .models import Word
from .ocr import OcrResult, nfc
from .ocrfix import text_of
from .speckdrop import _has_letter

#: The largest side of a speck's box, as a share of the page's word height (the median box height of its words
#: of two letters or more): the ink of 71 of the 73 specks read as lone marks in boxes of this size on fit seeds
#: 310-312 was no larger; a printed colon is a letter's height.
SPECK = 0.3
#: A printed dash's ink is a bar: at least :data:`BAR_WIDTH` of the word height wide and :data:`BAR_RATIO` times as
#: wide as high. Measured whole on fit seeds 310-311, the dashes the truth prints were 0.21-0.32 of the word height
#: wide and 1.8-3.3 times their height (one with a speck on it, 0.30 by 0.17); the specks read ``-`` were round
#: (0.10-0.20 wide, 1.0-1.5 times their height).
BAR_WIDTH = 0.2
BAR_RATIO = 1.5
#: The ink is looked for this share of the word height around the box: a dash's bar or a letter the box cut
#: short is measured whole.
PAD = 0.3


def page_word_height(words: list[Word]) -> float | None:
    """The median box height of ``words`` holding two letters or more; None without any."""
    heights = [w.bbox[3] - w.bbox[1] for w in words if sum(c.isalpha() for c in w.text) >= 2]
    return median(heights) if heights else None


def ink_piece(image: np.ndarray, box: tuple[int, int, int, int], pad: int) -> tuple[int, int] | None:
    """The width and height of the largest ink piece that reaches into ``box`` on ``image`` (grey, ink dark; Otsu
    over the box widened by ``pad`` each way), measured whole: a printed dash whose box the engine cut short still
    shows its bar. None where the box holds no ink."""
    x0, y0, x1, y1 = box
    ax, ay = max(0, x0 - pad), max(0, y0 - pad)
    crop = image[ay:max(0, y1 + pad), ax:max(0, x1 + pad)]
    if crop.size == 0:
        return None
    _, ink = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink.astype(np.uint8), connectivity=8)
    inside = np.unique(labels[y0 - ay:y1 - ay, x0 - ax:x1 - ax])
    inside = inside[inside > 0]
    if inside.size == 0:
        return None
    k = int(inside[np.argmax(stats[inside, cv2.CC_STAT_AREA])])
    return int(stats[k, cv2.CC_STAT_WIDTH]), int(stats[k, cv2.CC_STAT_HEIGHT])


def _apart(words: list[Word], k: int) -> bool:
    """Whether word ``k``'s box touches neither neighbour's on its line."""
    box = words[k].bbox
    left = words[k - 1] if k and words[k - 1].line == words[k].line else None
    right = words[k + 1] if k + 1 < len(words) and words[k + 1].line == words[k].line else None
    return (left is None or left.bbox[2] < box[0]) and (right is None or box[2] < right.bbox[0])


def is_speck(image: np.ndarray, words: list[Word], k: int, height: float) -> bool:
    """Whether word ``k`` is a speck read as a token of its own (the module's four tests)."""
    word = words[k]
    x0, y0, x1, y1 = word.bbox
    if not word.text.strip() or _has_letter(word.text) or max(x1 - x0, y1 - y0) > SPECK * height:
        return False
    piece = ink_piece(image, word.bbox, round(PAD * height))
    if piece is None or max(piece) > SPECK * height:
        return False
    bar = piece[0] >= BAR_WIDTH * height and piece[0] >= BAR_RATIO * piece[1]
    return not bar and _apart(words, k)


def drop_tokens(ocr: OcrResult, unsmoothed: np.ndarray | None, image: np.ndarray,
                test: Callable[[np.ndarray, list[Word], int, float], bool]) -> OcrResult:
    """``ocr`` (a speckled page's reading of ``image``; ``unsmoothed`` None on any other page) without the words
    ``test`` (image, words, index, the page's word height) says are specks. Unchanged on any page but a speckled one,
    and where the page has no word height. One loop for every speck read as a token of its own (marks here, letters
    in :mod:`archivist.speckjunk`)."""
    if unsmoothed is None or not ocr.words:
        return ocr
    height = page_word_height(ocr.words)
    if height is None:
        return ocr
    words = ocr.words
    keep = [w for k, w in enumerate(words) if not test(image, words, k, height)]
    if len(keep) == len(words):
        return ocr
    return replace(ocr, words=keep, text=nfc(text_of(keep)).strip())


def drop_lone_specks(ocr: OcrResult, unsmoothed: np.ndarray | None, image: np.ndarray) -> OcrResult:
    """``ocr`` (a speckled page's reading of ``image``; ``unsmoothed`` None on any other page) without the specks
    read as tokens of their own (:func:`is_speck`). Unchanged on any page but a speckled one."""
    return drop_tokens(ocr, unsmoothed, image, is_speck)
