"""Two words a speck joined on a speckled page (``Hải-Xuân``, ``Xuân-đạt``, ``UBND)xã;``, ``Lưu:°VT.``), put back as
two words where the ink between them is a word gap holding only specks.

Why: on the speckled 200 dpi pages a speck in the space between two words is read as a mark that joins them into one
token, and both words are lost (``run together``: 43 of the 329 words the bag of words lost on fit seeds 310-312,
bench/RESULTS.md, "Speckled pages, ninth round (session 45)"). The corrector (:func:`archivist.ocrfix._speck_joined`)
splits such a token from the lexicon alone where that is safe: two syllables in small letters at ``-``, ``.`` or
``,``, capitals only at ``.`` or ``,``, since names are written with a hyphen (``Gia-rai``). The tokens it leaves
are the ones the lexicon cannot decide alone: a capitalised syllable at a ``-`` (``Hải-Xuân``), an abbreviation
(``UBND)xã``), other marks (``+``, ``)``, ``?``, ``:°``). The page decides them: a printed hyphen or dot between
two parts of one word sits in a gap of a letter's spacing, and a hyphen is a bar, while here, with the specks'
ink set aside, the two parts stand a word gap apart.

A token is split where:

- it is letters, one or two marks, letters (``_JOINED``; a printed ``/`` is never a speck: ``đồng/năm``, ``tạ/ha``);
- each part is a syllable Vietnamese words use (:func:`archivist.syllables.attested`) or a known abbreviation, and
  not both abbreviations (``TT.HĐND`` is printed so);
- in its box, with the ink pieces of a speck's size and no bar set aside (:data:`archivist.specklone.SPECK`,
  :data:`~archivist.specklone.BAR_WIDTH`), the widest gap between the rest is at least :data:`GAP` of the page's
  word height, and within :data:`NEAR` of where the marks stand, counted in characters (the box's share of the
  first part's).

The marks are dropped, but a colon, which stays on the first word (``Lưu:°VT.`` read ``Lưu: VT.``): dropped, the
recipients list of seed 312's notice was stored ``Lưu VT``, a wrong value no flag caught, where the token's odd
marks had flagged it before. The two words take the box on either side of the gap.
"""

from __future__ import annotations

import re
from dataclasses import replace

import cv2
import numpy as np

from .bodies import abbreviations
from .models import Word
from .ocr import OcrResult, nfc
from .ocrfix import text_of
from .specklone import BAR_RATIO, BAR_WIDTH, SPECK, page_word_height
from .syllables import attested
from .tokens import split_edges

#: Letters, one or two marks (not a printed slash, a percent or an ampersand), letters.
_JOINED = re.compile(r"([^\W\d_]+)([^\w\s/%&]{1,2})([^\W\d_]+)")
#: A label glued to its number (``Số:57/KH-UBND``, ``SỐ:99``): a word, its colon, then a token holding a digit.
_LABELLED = re.compile(r"([^\W\d_]+)(:)(\S*\d\S*)")
#: The gap between a label and its number, at least this share of the word height: the colon's dots are set aside
#: with the specks, so a label printed glued still shows the colon's width and two letter spacings (``Số:57`` drawn
#: in Liberation Serif: 0.48; ``Số: 57``: 0.83); the labels a speck glued on fit seeds 412-413 showed 0.70-0.82.
LABEL_GAP = 0.6
#: The gap the specks leave between the two parts, at least this share of the page's word height. On fit seeds
#: 310-312 the words the line prints apart stood at least 0.28 of it apart in 95% of the boxes; the joined tokens
#: split showed 0.15-0.69, the printed joins the lexicon lets through (``đồng/năm``, ``tạ/ha``) 0.06-0.09.
GAP = 0.15
#: The gap must lie within this share of the word height of where the marks stand, counted in characters.
NEAR = 0.5


def _part(text: str) -> str | None:
    """``'syllable'``, ``'abbreviation'`` or None: what a joined token's part is."""
    if text.lower() in attested():
        return "syllable"
    return "abbreviation" if text.upper() in abbreviations() else None


def ink_gap(image: np.ndarray, box: tuple[int, int, int, int], height: float) -> tuple[int, int] | None:
    """The widest run of columns without ink inside ``box`` on ``image`` (grey, ink dark; Otsu over the box),
    with the pieces of a speck's size that are no bar set aside: its first and last-plus-one column, in page
    pixels. None where the box holds no other ink, or no gap."""
    x0, y0, x1, y1 = box
    crop = image[max(0, y0):y1, max(0, x0):x1]
    if crop.size == 0:
        return None
    _, ink = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink.astype(np.uint8), connectivity=8)
    cols = np.zeros(crop.shape[1], dtype=bool)
    for i in range(1, n):
        left, width, high = stats[i, cv2.CC_STAT_LEFT], stats[i, cv2.CC_STAT_WIDTH], stats[i, cv2.CC_STAT_HEIGHT]
        bar = width >= BAR_WIDTH * height and width >= BAR_RATIO * high
        if bar or max(width, high) > SPECK * height:
            cols[left:left + width] = True
    xs = np.flatnonzero(cols)
    if xs.size == 0:
        return None
    inner = ~cols[xs[0]:xs[-1] + 1]
    edges = np.diff(np.concatenate(([0], inner.astype(np.int8), [0])))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    if starts.size == 0:
        return None
    k = int(np.argmax(ends - starts))
    base = max(0, x0) + int(xs[0])
    return base + int(starts[k]), base + int(ends[k])


def split_joined(word: Word, image: np.ndarray, height: float) -> tuple[Word, Word] | None:
    """``word`` as the two words a speck joined (the module's tests), or None."""
    lead, core, trail = split_edges(word.text)
    m = _JOINED.fullmatch(core)
    label = _LABELLED.fullmatch(core) if m is None else None
    if label is not None and _part(label[1]) is not None:
        (a, marks, b), least = label.groups(), LABEL_GAP
    elif m is None:
        return None
    else:
        (a, marks, b), least = m.groups(), GAP
        kinds = (_part(a), _part(b))
        if None in kinds or kinds == ("abbreviation", "abbreviation"):
            return None
    gap = ink_gap(image, word.bbox, height)
    if gap is None or gap[1] - gap[0] < least * height:
        return None
    x0, y0, x1, y1 = word.bbox
    text = lead + core
    at = x0 + (x1 - x0) * (len(lead) + len(a)) / max(len(word.text), 1), \
        x0 + (x1 - x0) * (len(text) - len(b)) / max(len(word.text), 1)
    if gap[1] < at[0] - NEAR * height or gap[0] > at[1] + NEAR * height:
        return None
    colon = ":" if ":" in marks else ""  # a label's colon stays the label's (Lưu: VT): its list reads it so
    first = replace(word, text=lead + a + colon, bbox=(x0, y0, gap[0], y1))
    return first, replace(word, text=b + trail, bbox=(gap[1], y0, x1, y1))


def split_speck_joins(ocr: OcrResult, unsmoothed: np.ndarray | None, image: np.ndarray) -> OcrResult:
    """``ocr`` (a speckled page's reading of ``image``; ``unsmoothed`` None on any other page) with the tokens two
    words a speck joined made two words again (:func:`split_joined`). Unchanged on any page but a speckled one."""
    if unsmoothed is None or not ocr.words:
        return ocr
    height = page_word_height(ocr.words)
    if height is None:
        return ocr
    out: list[Word] = []
    for w in ocr.words:
        pair = split_joined(w, image, height)
        out += list(pair) if pair else [w]
    if len(out) == len(ocr.words):
        return ocr
    return replace(ocr, words=out, text=nfc(text_of(out)).strip())
