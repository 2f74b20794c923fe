"""A typewritten item number ``1.`` read ``4.``, told by the ``1``'s foot.

Why: a ``1`` read ``4`` is a digit slip the typewriter group keeps (5 on fit seeds 277-279, 3 of them an item's
``1.`` at a line's start; bench/RESULTS.md, "Typewritten pages, eighth round (session 44)"). The mono face's ``1``
stands on a foot serif more than half a pitch wide and has no ink left of its stem at mid-height but its flag's;
its ``4`` stands on its stem alone, its bar and diagonal left of the stem. On the fit pages the widest run of ink
along the bottom rows of the body (:func:`archivist.typedfoot.foot_width`) was 0.24 of a pitch or less under all 54
``4`` read right, 0.67 and 0.71 under the two ``1`` read ``4`` whose body was whole; ink stood left of the stem on
0.4 of the middle rows or more under 53 of the 54 ``4`` (0.17 under one), 0.25 or less under every ``1`` read ``4``.
Session 42 left this test (bench/RESULTS.md, "Typewritten pages, sixth round"): a ``4`` whose stem wear parts from
its bar leaves the bar as its body's bottom, 0.48-0.52 of a pitch wide; such a body is short, and the rule measures
only a body standing a digit's height (:data:`DIGIT_BODY`).

Only an item's number is asked (a token ``4.`` or ``4)`` opening its line): a digit inside a number, a date or a code
is part of a value stored and checked by its own rules, and is never changed here.
"""

from __future__ import annotations

import re

import numpy as np

from .ocr import OcrResult, nfc
from .typedcase import with_readings
from .typedfoot import foot_width
from .typedring import glyph_readings
from .typedupper import body_of

#: The tokens asked: a ``4`` numbering an item.
ITEM = re.compile(r"4[.)]")
#: A ``1``'s foot: the widest run along the body's bottom rows at least this share of a pitch (fit: ``4`` 0.24 at
#: most, ``1`` read ``4`` 0.67 and 0.71).
FOOT_MIN = 0.45
#: Ink left of the stem on at most this share of the middle rows (fit: ``4`` 0.4 or more but one, ``1`` 0.25 at most).
LEFT_MAX = 0.3
#: The middle rows of the body: from this share of its height below its top to this one.
MIDDLE = (0.35, 0.65)
#: The body must stand at least this share of the page's small letters' height (the digits 1.2; a body broken by
#: wear is not measured).
DIGIT_BODY = 1.1


def footed_one(cell: np.ndarray, small: float, pitch: float) -> bool:
    """Whether the glyph in ``cell`` (ink 1) is a ``1``: a body of a digit's height (:data:`DIGIT_BODY` of the small
    letters' ``small``), a foot :data:`FOOT_MIN` of a pitch wide, and (nearly) no ink left of its stem at
    mid-height (:data:`LEFT_MAX`)."""
    body = body_of(cell) if cell.size else None
    foot = foot_width(cell) if body else None
    if body is None or foot is None or body[0] < DIGIT_BODY * small or foot[1] < FOOT_MIN * pitch:
        return False
    height, _, bottom = body
    top = bottom - height
    stem = np.flatnonzero(cell[top:bottom].mean(0) >= 0.6)
    if not stem.size:
        return False
    middle = cell[top + round(MIDDLE[0] * height):top + round(MIDDLE[1] * height), :stem[0]]
    return middle.size == 0 or float(middle.any(1).mean()) <= LEFT_MAX


def typed_ones(ocr: OcrResult, typed: np.ndarray | None) -> OcrResult:
    """``ocr`` (words in the pixels of ``typed``, a typewritten page's image before its strikes were evened) with
    each item number ``4.`` opening its line read ``1.`` where its glyph is a footed ``1`` (:func:`footed_one`).
    Unchanged on any other page."""
    if typed is None or not ocr.words:
        return ocr
    texts = [nfc(w.text) for w in ocr.words]
    asked = {k: (0, "1" + t[1:]) for k, t in enumerate(texts)
             if ITEM.fullmatch(t) and (k == 0 or ocr.words[k - 1].line != ocr.words[k].line)}
    return with_readings(ocr, glyph_readings(ocr, typed, texts, asked, footed_one))
