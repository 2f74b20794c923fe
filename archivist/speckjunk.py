"""A speck read as a token of letters of its own on a speckled page (``Yz``, ``ì``, ``ZSIyNo``, ``Tng``), dropped from
the page's reading where its box and its ink are lower than any printed letter.

Why: :mod:`archivist.specklone` drops the specks read as lone marks, and leaves every token holding a letter, since
a box of a speck's size holds a real word at times (``7.`` read at 97 in a box of 0.13 of the word height, seed 311).
The specks read as letters stay in the record's text, its text layer and copy-paste, one word too many each: on fit
seeds 362-364, 11 tokens no word in boxes at most 0.23 of the page's word height high (``Yz`` 0.13 by 0.10, ``ì`` 0.26
by 0.22, ``ZSIyNo`` 0.87 by 0.06, a rule's piece read ``Tng`` 2.50 by 0.20; bench/RESULTS.md, "Speckled pages, tenth
round (session 46)"), where the tokens matching a word the truth prints stood 0.52 of it or more (on 362-363), but
one ``tế`` in a box of 2 by 2 pixels (0.06), a speck read as a word: the one the truth prints was read elsewhere
on its page. The ink decides with the box: a token is dropped only where

- it holds letters and no digit (a number's box is never asked), and its letters are no syllable Vietnamese words use
  (:func:`archivist.syllables.attested`) nor a known abbreviation, or, where they are one, its box and its ink are
  a speck's both ways, no side over :data:`archivist.specklone.SPECK` (``CN``, ``Nà``, ``co`` read in boxes of 4-9
  pixels on one page of fit seed 362);
- its box is no higher than :data:`archivist.specklone.SPECK` of the page's word height;
- the largest ink piece reaching into the box, measured whole (:func:`archivist.specklone.ink_piece`: a letter the
  engine's box cut short shows its height), is no higher either;
- it stands apart from the words: its box touches neither neighbour's on its line (ink glued to a word is the
  word's).
"""

from __future__ import annotations

import numpy as np

from .bodies import abbreviations
from .models import Word
from .ocr import OcrResult
from .specklone import PAD, SPECK, _apart, drop_tokens, ink_piece
from .syllables import attested
from .tokens import split_edges


def _letters(text: str) -> bool:
    """Whether ``text`` holds letters and no digit."""
    return any(c.isalpha() for c in text) and not any(c.isdigit() for c in text)


def _word(text: str) -> bool:
    """Whether ``text``'s core is a syllable in use or a known abbreviation."""
    core = split_edges(text)[1]
    return core.lower() in attested() or core.upper() in abbreviations()


def is_speck_letters(image: np.ndarray, words: list[Word], k: int, height: float) -> bool:
    """Whether word ``k`` is a speck read as a token of letters (the module's tests). A syllable or an abbreviation
    is taken only where its box and its ink are a speck's both ways (``CN``, ``Nà`` read in boxes of 4 by 4 pixels)."""
    word = words[k]
    x0, y0, x1, y1 = word.bbox
    if y1 - y0 > SPECK * height or not _letters(word.text):
        return False
    piece = ink_piece(image, word.bbox, round(PAD * height))
    if piece is not None and piece[1] > SPECK * height:
        return False
    speck = x1 - x0 <= SPECK * height and (piece is None or piece[0] <= SPECK * height)
    return (speck or not _word(word.text)) and _apart(words, k)


def drop_speck_letters(ocr: OcrResult, unsmoothed: np.ndarray | None, image: np.ndarray) -> OcrResult:
    """``ocr`` (a speckled page's reading of ``image``; ``unsmoothed`` None on any other page) without the specks
    read as tokens of letters (:func:`is_speck_letters`). Unchanged on any page but a speckled one."""
    return drop_tokens(ocr, unsmoothed, image, is_speck_letters)
