"""A faded page's stop read as a comma after a list's number or an abbreviation, set back by the mark's glyph.

Why: after session 42 the largest class of the faded group's lost words with one kind of misreading but the
letters and digits is a ``.`` read ``,`` (bench/RESULTS.md, "Faded pages, seventh round (session 43)"): a list's
number opening its line (``5, Hộ bà …`` for ``5.``) and the abbreviations of the signature block and the
distribution list (``VT,`` for ``Lưu: VT.``, ``TM,`` for ``TM. ỦY BAN``). Fading blurs the stop into a blob the
engine takes for a comma's head; the glyph still tells them apart. A comma's tail reaches under the line's foot and
stands taller than a stop: on the dumped faded pages of seeds 190-193 and 216-219, every true comma after such a
word reached 0.13-0.24 of the word's height under the foot of its letters or digits and stood 0.38-0.52 of it
tall, every stop read as a comma -0.07-0.11 under and 0.13-0.34 tall (one ``4.``: 0.20 under, 0.30 tall, left).
After other words the shapes overlap (a faded comma after a small letter loses its tail: ``đệm,`` 0.32 tall and
over the foot), so nothing else is looked at; and only a comma is ever made a stop, never a stop a comma.
"""

from __future__ import annotations

import re

import cv2
import numpy as np

from .models import Word
from .ocr import OcrResult, nfc
from .typedcase import with_readings

#: A list's number (opening its line) or an abbreviation in capitals, read with a comma after it.
NUMBER = re.compile(r"\d{1,2},")
ABBREVIATION = re.compile(r"[A-ZĐ]{2,4},")
#: A stop's foot reaches at most this share of the word's height under the foot of its other glyphs (stops read
#: as commas -0.07-0.11, commas 0.13-0.24) ...
MOST_BELOW = 0.12
#: ... and it stands at most this share of it tall (stops 0.13-0.34, commas 0.38-0.52) ...
MOST_TALL = 0.36
#: ... and its top under the middle of the word's glyphs (a mark, not a piece of a letter).
LEAST_TOP = 0.5
#: A component of fewer ink pixels is the grain's.
LEAST_INK = 3
#: The other glyphs whose feet make the line's foot: at least this share of the tallest one's height (not an
#: accent or a dot under a letter).
FOOT_GLYPH = 0.4


def mark_shape(image: np.ndarray, box: tuple[int, int, int, int]) -> tuple[float, float, float] | None:
    """The word at ``box`` on ``image`` (grey, ink dark): its last glyph's foot under the foot of the others, its
    height and its top under their tops, each as a share of their height (Otsu's threshold over the box, rows
    under it kept for a tail reaching out of it). None where the last glyph does not stand apart, right of all
    the others."""
    x0, y0, x1, y1 = box
    word = image[max(0, y0):y1, max(0, x0):x1]
    if word.size == 0 or y1 - y0 < 6:
        return None
    crop = image[max(0, y0 - 2):y1 + (y1 - y0) // 3, max(0, x0):x1 + 2]
    threshold, _ = cv2.threshold(word, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    n, _, stats, _ = cv2.connectedComponentsWithStats((crop < threshold).astype(np.uint8), connectivity=8)
    parts = sorted((tuple(int(v) for v in stats[k][:4]) for k in range(1, n) if stats[k][4] >= LEAST_INK),
                   key=lambda s: s[0] + s[2])
    if len(parts) < 2:
        return None
    mx, my, _, mh = parts[-1]
    rest = [p for p in parts[:-1] if p[0] + p[2] <= mx + 1]
    tallest = max((p[3] for p in rest), default=0)
    glyphs = [p for p in rest if p[3] >= FOOT_GLYPH * tallest]
    if not glyphs:
        return None
    foot = float(np.median([p[1] + p[3] for p in glyphs]))
    top = float(np.median([p[1] for p in glyphs]))
    if foot - top < 4:
        return None
    return (my + mh - foot) / (foot - top), mh / (foot - top), (my - top) / (foot - top)


def is_stop(shape: tuple[float, float, float] | None) -> bool:
    """Whether a mark measured by :func:`mark_shape` is a stop: no tail under the foot, short, low."""
    return shape is not None and shape[0] <= MOST_BELOW and shape[1] <= MOST_TALL and shape[2] >= LEAST_TOP


def _asked(words: list[Word], k: int) -> bool:
    """Whether word ``k`` is a list's number opening its line or an abbreviation in capitals, read with a comma."""
    text = nfc(words[k].text)
    opens = k == 0 or words[k - 1].line != words[k].line
    return bool(ABBREVIATION.fullmatch(text) or (opens and NUMBER.fullmatch(text)))


def faded_stops(ocr: OcrResult, image: np.ndarray) -> OcrResult:
    """``ocr`` (a faded page's words, in the pixels of ``image``) with each comma after a list's number opening
    its line or after an abbreviation in capitals read as a stop where its glyph is one (:func:`is_stop`); ``ocr``
    itself where none is."""
    words = ocr.words
    return with_readings(ocr, [nfc(w.text)[:-1] + "." if _asked(words, k) and is_stop(mark_shape(image, w.bbox))
                               else None for k, w in enumerate(words)])
