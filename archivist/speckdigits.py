"""A speck read as a token of digits and letters on a speckled page (``9n``, ``0y``, ``1o``, ``6y``, ``1g``, ``G1002``),
dropped from the page's reading where its box and its ink are lower than any printed digit or letter.

Why: :mod:`archivist.speckjunk` drops the specks read as letters and never asks a token holding a digit (a number's
box is at times a speck's size: ``7.`` read at 97 in a box of 0.13 of the word height, seed 311; bench/RESULTS.md,
"Speckled pages, ninth round (session 45)"). On fit seeds 485-487, ten specks were read with a digit in boxes
no higher than that (bench/RESULTS.md, "Speckled pages, thirteenth round (session 49)"): ``9n`` 0.09 by 0.09 of the
page's word height, ``1g`` 0.06 by 0.00, ``0y`` and ``1o`` 0.33 by 0.07, ``6y`` 0.97 by 0.27, ``G1002`` 0.39 by 0.06,
``0h``, ``0V``, and a lone ``2`` 0.13 by 0.13 at confidence 25. Each is one word too many in the record's text, its
text layer and copy-paste: the word error in reading order counts it, the bag does not.

A printed digit is as high as a capital, so its ink, measured whole (:func:`archivist.specklone.ink_piece`: a digit
the engine's box cut short shows its height, as ``7.`` of seed 311 would), is what proves a speck. A token is dropped
only where

- its box is no higher than :data:`archivist.specklone.SPECK` of the page's word height, and the largest ink piece
  reaching into it is no higher either;
- it is no number the page could print: digits and letters with no ``/``, ``-``, ``.`` or ``,`` inside (``9n``,
  ``0y``, ``G1002``), as no number, date, symbol or sum is written; its width is not asked, as
  :mod:`archivist.speckjunk` does not ask a non-word's;
- it stands apart from the words: its box touches neither neighbour's on its line (ink glued to a word is the
  word's).

A speck read as a number alone (the lone ``2``) stays: tried in session 49, it took out ``3``, a speck of 7 by 6
pixels under held-out seed 489's motto that stood in the page's words for the date's ``tháng 3`` read otherwise, so
a truth word the page had was lost from it. A lone digit is a word the page prints, and where the page lost its own
the speck's is the only one left.
"""

from __future__ import annotations

import re

import numpy as np

from .models import Word
from .ocr import OcrResult
from .specklone import PAD, SPECK, _apart, drop_tokens, ink_piece
from .tokens import split_edges

#: Digits and letters with no mark between (``9n``, ``0y``, ``G1002``): no number, date, symbol (``135/KH-UBND``) or
#: sum (``1.300.000``) is written so; an address's ``12a`` or a road's ``QL1A`` is, and is printed a digit's height
#: (the ink test keeps it).
_NO_NUMBER = re.compile(r"(?=[^\W_]*\d)(?=[^\W_]*[^\W\d_])[^\W_]+")


def is_speck_digits(image: np.ndarray, words: list[Word], k: int, height: float) -> bool:
    """Whether word ``k`` is a speck read as a token of digits and letters (the module's tests)."""
    word = words[k]
    y0, y1 = word.bbox[1], word.bbox[3]
    if _NO_NUMBER.fullmatch(split_edges(word.text)[1]) is None or y1 - y0 > SPECK * height:
        return False
    piece = ink_piece(image, word.bbox, round(PAD * height))
    return (piece is None or piece[1] <= SPECK * height) and _apart(words, k)


def drop_speck_digits(ocr: OcrResult, unsmoothed: np.ndarray | None, image: np.ndarray) -> OcrResult:
    """``ocr`` (a speckled page's reading of ``image``; ``unsmoothed`` None on any other page) without the specks
    read as tokens of digits and letters (:func:`is_speck_digits`). Unchanged on any page but a speckled one."""
    return drop_tokens(ocr, unsmoothed, image, is_speck_digits)
