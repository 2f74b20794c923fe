"""A typewritten word read in small letters whose first glyph stands taller than its line's small letters, read
again alone: a capital read small (``châu`` for ``Châu``) or a taller letter read as a short one (``xiến`` for
``kiến``, ``cồn`` for ``tồn``).

Why: after :mod:`archivist.typedcase` the largest class of case words the typewriter group still lost was capitals
read small, nearly all names and places (27 of 64 on the fit and held-out sets of session 40's first round:
``Châu``, ``Chỉ``, ``Xã``), so fields (bench/RESULTS.md, "Typewritten pages, capitals and digits (session 40, second
round)"). For a letter of one shape in both cases (``c s v x o u w z``) the glyph's height tells the capital: on the
fit pages every such word truly small stood at most 1.11 times its line's x-height, every one standing 1.14 or more
was a capital read small or another, taller letter misread (``kiến``, ``kênh``, ``tồn``). Height alone cannot tell
the two apart (session 40's first round dropped it for that), a second reading of the word alone, from the page
before its strikes were evened, can: in the word's own crop the engine sees the first glyph against the others.
A reading is taken only when it is the same word but for its first letter, and that letter is the capital of the
one read (a letter of one shape in both cases only) or a small letter with an ascender (which the glyph's height
shows) and the word a syllable. Other short letters (``a e m n r``) are read again for the ascender only
(``noạch`` for ``hoạch``): their glyph stood 1.14-1.74 in right words too (``ngày``, ``nhà``, ``ngân``), so only
the reading, never the height, changes them. The capital is taken only mid-line where a sentence runs on (a
name's place): a subject's opening ``về`` restored by the pixels took away wordingflags' flag on a subject wrong
further on (HG119), so at a start the capital is left to the pattern and its flag.
"""

from __future__ import annotations

import numpy as np

from .hookread import SINGLE_WORD, word_crop
from .ocr import OcrEngine, OcrResult, nfc
from .syllables import is_syllable
from .tokens import EDGE
from .typedcase import SAME_SHAPE, glyph_height, page_measures, runs_on, with_readings

#: A first glyph of one shape in both cases standing at least this many times its line's x-height is not the small
#: letter read (fit: the small ones at most 1.11, the capitals and taller letters 1.14 or more).
TALL_MIN = 1.14
#: Small letters standing above the x-height: a reading alone may give one of them for a short letter read first.
ASCENDERS = "bdđhklt"
#: Small letters of the x-height, no mark: a first glyph read as one and standing taller is not it.
SHORT = "acemnorsuvwxz"
#: White paper put round a word's crop before it is read alone (pixels).
PAD = 10


def tall_reading(text: str, again: str, runs_on: bool = True) -> str | None:
    """``text`` (small letters, its first glyph tall) as ``again`` (its reading alone) gives it, or None: only a
    reading that is the same word but for its first letter, read as that letter's capital where the two have one
    shape (:data:`~archivist.typedcase.SAME_SHAPE`: an ``N`` read ``n`` would have been read ``N``) or as a small
    letter with an ascender that makes a syllable; the edge punctuation is ``text``'s own."""
    core = text.strip(EDGE)
    new = nfc(again).strip(EDGE)
    if not core or len(new) != len(core) or new[1:] != core[1:] or new[0] == core[0]:
        return None
    if new[0] == core[0].upper() and core[0] in SAME_SHAPE and runs_on or \
            new[0] in ASCENDERS and is_syllable(new.lower()):
        start = text.index(core)
        return text[:start] + new + text[start + len(core):]
    return None


def _candidate(text: str) -> bool:
    """A word in small letters opening with a short letter of no mark (:data:`SHORT`; edge punctuation aside)."""
    core = text.strip(EDGE)
    return len(core) >= 2 and core[0] in SHORT and core.isalpha() and core.islower()


def _tall_again(engine: OcrEngine, text: str, typed: np.ndarray, box: tuple[int, int, int, int], dpi: float,
                pitch: float, x_height: float | None, runs_on: bool) -> str | None:
    """The word ``text`` at ``box`` as :func:`tall_reading` takes its reading alone, where it is a candidate and its
    first glyph stands at least :data:`TALL_MIN` times ``x_height``; None elsewhere."""
    if x_height is None or not _candidate(text):
        return None
    h = glyph_height(typed, box, pitch)
    crop = word_crop(typed, box)
    if h is None or h < TALL_MIN * x_height or not crop.size:
        return None
    return tall_reading(text, engine.read_alone(np.pad(crop, PAD, constant_values=255), dpi, SINGLE_WORD), runs_on)


def typed_capitals(engine: OcrEngine, ocr: OcrResult, typed: np.ndarray | None, dpi: float) -> OcrResult:
    """``ocr`` (words in the pixels of ``typed``, a typewritten page's image before its strikes were evened) with
    each word in small letters whose first glyph, a short letter read, stands at least :data:`TALL_MIN` times its
    line's x-height read again alone and taken as :func:`tall_reading` allows. Unchanged on any other page."""
    measures = page_measures(ocr, typed)
    if measures is None or typed is None:
        return ocr
    pitch, x_heights = measures
    ws = ocr.words
    return with_readings(ocr, [_tall_again(engine, nfc(w.text), typed, w.bbox, dpi, pitch, x_heights.get(w.line),
                                           k > 0 and ws[k - 1].line == w.line and runs_on(ws[k - 1].text))
                               for k, w in enumerate(ws)])
