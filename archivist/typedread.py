"""A typewritten page's numbers read again, alone, where a ``0`` may have been read as a 6, 8 or 9; its letters too.

Why: on the typewritten pages of HG117-120 the largest single glyph misread is a number's ``0``: read ``6``, ``9`` or
``8`` (``2006`` -> ``2086``, ``334.800.000`` -> ``334.800.006``: 118 glyph edits in the 750 truth words those pages
lost, 127 of them numbers; every other glyph confusion 37 edits or fewer) (bench/RESULTS.md, "Typewritten pages,
again (session 38)"). The type's zero has a
dot inside its ring; evened out and thickened for the page's reading, the dot runs into the ring and the engine reads
a loop digit. Before that, the dot is an island of ink inside the ring's hole, which no digit or Vietnamese letter
has. So only the words holding a 6, 8 or 9 are read again, each alone, from the page before its strikes were evened
and thickened, with the islands inside holes painted out (and that thickened again); a reading is taken only when it
is the same word with a ``0`` where the first read a 6, 8 or 9 and every other character the same
(:func:`archivist.fadedread.zero_places`): evidence from the image, never from a word list.

The same readings serve a typed word whose letters may have been read as others (``tực`` for ``lực``, ``rgày``,
``THẠ%H``): which are asked and which reading is taken is :mod:`archivist.typedletters`' (session 39), and where
its one glyph for one finds none, :mod:`archivist.typedwords`' (a glyph read as two: ``t!:áng``; session 41).
"""

from __future__ import annotations

from dataclasses import replace

import cv2
import numpy as np

from .fadedread import zero_places
from .hookread import SINGLE_WORD, word_crop
from .ocr import OcrEngine, OcrResult, nfc
from .ocrfix import text_of
from .typedletters import asked, letter_reading
from .typedwords import word_reading

#: Digits a typed ``0`` is read as: the dot inside its ring run into it by the thickening.
TYPED_ZERO_AS = "689"
#: An island inside a hole is painted out only when it is at most this share of the hole's area (the zero's dot is
#: far smaller than its ring's hole); a larger one is a letter inside a frame, left as it is.
ISLAND_SHARE = 0.4


def islands_out(crop: np.ndarray) -> np.ndarray:
    """``crop`` with the ink lying inside another stroke's hole painted paper (a dotted zero's dot) with a pixel round
    it (its grey halo), where it is a small part of the hole (:data:`ISLAND_SHARE`); everything else as it was."""
    _, ink = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    contours, hierarchy = cv2.findContours(ink, cv2.RETR_TREE, cv2.CHAIN_APPROX_NONE)
    if hierarchy is None:
        return crop
    parents = hierarchy[0][:, 3]
    islands = np.zeros_like(ink)
    for k, c in enumerate(contours):
        hole = parents[k]
        # an island: an outer boundary of ink (even depth) inside a hole (odd depth), so at depth 2 or more
        if hole < 0 or _depth(parents, k) % 2:
            continue
        if cv2.contourArea(c) <= ISLAND_SHARE * cv2.contourArea(contours[hole]):
            cv2.drawContours(islands, [c], -1, 255, thickness=cv2.FILLED)
    if not islands.any():
        return crop
    out = crop.copy()
    out[cv2.dilate(islands, np.ones((3, 3), np.uint8)) > 0] = 255
    return out


def _depth(parents: np.ndarray, k: int) -> int:
    """How many contours enclose contour ``k`` (0: an outer boundary of ink; 1: a hole in it; 2: ink in the hole)."""
    d = 0
    while parents[k] >= 0:
        k = parents[k]
        d += 1
    return d


def views(crop: np.ndarray, size: int) -> list[np.ndarray]:
    """The images a word is read again from: its crop as typed (before strikes were evened and thickened), the same
    with the islands inside holes out, and that thickened by ``size`` as the page was."""
    plain = islands_out(crop)
    return [crop, plain, cv2.erode(plain, np.ones((size, size), np.uint8))]


def _doubtful(text: str) -> bool:
    """Whether a word's first reading has a digit a typed ``0`` is read as."""
    return any(c in TYPED_ZERO_AS for c in text)


def reread_typed(engine: OcrEngine, ocr: OcrResult, typed: np.ndarray | None, dpi: float, size: int = 3) -> OcrResult:
    """``ocr`` (words in the pixels of ``typed``, a typewritten page's image before its strikes were evened and
    thickened, at ``dpi``) with each word holding a 6, 8 or 9 read again alone from :func:`views` of its crop and a
    ``0`` taken wherever a reading put one for such a digit (:func:`archivist.fadedread.zero_places`, the union over
    the readings); and each word whose letters may have been read as others (:func:`archivist.typedletters.asked`)
    read again the same way, a reading taken only where it changes the doubted letter
    (:func:`archivist.typedletters.letter_reading`). Unchanged on any page but a typewritten one or when the engine
    cannot read a crop alone."""
    read_alone = getattr(engine, "read_alone", None)
    if typed is None or not callable(read_alone) or not ocr.words:
        return ocr
    words = list(ocr.words)
    changed = False
    for k, w in enumerate(words):
        text = nfc(w.text)
        zero, letters = _doubtful(text), asked(text)
        if not (zero or letters):
            continue
        crop = word_crop(typed, w.bbox)
        if not crop.size:
            continue
        readings = [nfc(read_alone(v, dpi, SINGLE_WORD)) for v in views(crop, size)]
        zeros = set().union(*(zero_places(text, r, TYPED_ZERO_AS) for r in readings)) if zero else set()
        again = "".join("0" if i in zeros else c for i, c in enumerate(text)) if zeros else \
            letter_reading(text, readings) or word_reading(text, readings) if letters else None
        if again:
            words[k] = replace(w, text=again)
            changed = True
    if not changed:
        return ocr
    return replace(ocr, words=words, text=nfc(text_of(words)).strip())
