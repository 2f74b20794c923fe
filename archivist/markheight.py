"""The mark over a name's `ầ` measured in the pixels, as a review flag (issue 14 item 9).

Why: the AT signers' bold ``Vân`` is read ``Vần`` at 85-92 with no rival kept and the name written once, so nothing
the record holds tells the added grave (bench/RESULTS.md, "Flags, forty-fifth round (session 29)"). The page does:
cut from the upright scan, a printed ``ầ`` carries a mark (circumflex and grave, one component at this size) 0.35-0.46
x-heights high (median 0.389) over the signers of seeds 22-55, while a ``â`` read ``ầ`` carries only its circumflex,
0.25-0.35. A word read ``ầ`` whose mark is under :data:`THIN` x-heights is therefore doubted. Only that direction
holds: a ``â`` and a ``ầ`` read ``â`` overlap in height, and the other stacked marks (``ấ``, ``ề``, ``ồ`` …) were
measured and not widened to (bench/RESULTS.md, "A grave over a circumflex, measured (session 29)").

The page stage has the pixels, the document stage knows which words make a name: :func:`measure_marks` (page
stage) keeps the height of the mark of every word read with ``ầ``; :func:`flag_marks` (extract) flags a
signer or person holding one under :data:`THIN`. The value is never changed: which letter is printed is the
reviewer's.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .fields import NAME_FIELDS, Field
from .ocrtext import PageText, box_inside

if TYPE_CHECKING:  # numpy and OpenCV only where the page stage runs (tests/test_fixed_costs.py)
    import numpy as np

#: the letter whose mark is measured: a small circumflex with a grave above it. A capital ``Ầ``'s last letter is no
#: x-height (a name in capitals, ``TRẦN``, measures 0.25-0.30 against its capitals' height): not measured
STACKED = "ầ"
#: a mark over ``ầ`` lower than this part of the x-height is a circumflex alone. Chosen on the fit basis (seeds
#: 22-55, HG47; the pixels are quantised, x-heights of 12-14 px): the wrong ``Vần`` stand 0.32-0.35, the right
#: ``ầ`` 0.33-0.47 with 1 of 151 under 0.35 and 7 under flags45's 0.37 (bench/RESULTS.md, marks46's section)
THIN = 0.35
#: a component smaller than this (pixels) is a speck, not ink of the word
SPECK = 6


def mark_height(gray: np.ndarray, box: Sequence[int]) -> float | None:
    """The height of the mark over the word at ``box`` (x0, y0, x1, y1 on ``gray``, the upright page) in
    x-heights, or None when it cannot be measured (no ink, no mark, or the mark in more than one piece).

    The word is cut with a margin (4 px above for the mark, 2 elsewhere), binarised by Otsu; its last letter's
    component gives the x-height (its top to its bottom: a name's ``ầ`` word ends ``n``, ``m`` or ``u``); the marks
    are the components lying wholly above that top."""
    import cv2

    x0, y0, x1, y1 = (int(v) for v in box)
    crop = gray[max(0, y0 - 4):y1 + 2, max(0, x0 - 2):x1 + 2]
    if crop.size == 0:
        return None
    _, bw = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    n, _, st, _ = cv2.connectedComponentsWithStats(bw, connectivity=8)
    comps = [i for i in range(1, n) if st[i, cv2.CC_STAT_AREA] >= SPECK]
    if not comps:
        return None
    last = max(comps, key=lambda i: st[i, 0] + st[i, 2])
    top = st[last, 1]
    xh = max(1, int(st[last, 3]))
    marks = [i for i in comps if st[i, 1] + st[i, 3] <= top + 1]
    if len(marks) != 1:
        return None
    return round(float(st[marks[0], 3]) / xh, 3)


def measure_marks(words: Sequence[Any], upright: np.ndarray, letters: str = STACKED) -> list[dict]:
    """For each OCR word (``text``, ``bbox`` on ``upright``) holding one of ``letters``: its box, text and mark
    height (:func:`mark_height`; None when not measured). About half the pages hold one (``Trần``, ``lần``, ``phần``:
    63 of seed 40's 111), at 0.11 ms a page (bench/RESULTS.md): the body's words are kept too, as the page stage does
    not know which words will make a name."""
    out = []
    for w in words:
        if any(c in w.text for c in letters):
            out.append({"box": [int(v) for v in w.bbox], "word": w.text, "height": mark_height(upright, w.bbox)})
    return out


def thin_mark_doubt(f: Field, pages: Sequence[PageText]) -> str | None:
    """Why the name ``f`` may hold a grave the page does not print: a word of its box read with ``ầ`` whose mark
    stands under :data:`THIN` x-heights high."""
    page = next((p for p in pages if p.number == f.page), None)
    if page is None or f.bbox is None or not isinstance(f.value, str):
        return None
    for m in page.mark_heights or ():
        h = m.get("height")
        if h is not None and h < THIN and box_inside(m["box"], f.bbox) and any(c in f.value for c in STACKED):
            return (f"the mark over '{m['word']}' stands {h:.3f} x-heights high, under the {THIN} of a grave over a "
                    "circumflex: the grave may be misread")
    return None


def flag_marks(found: dict[str, Field], pages: Sequence[PageText]) -> None:
    """Mark for review each name of ``found`` (:data:`NAME_FIELDS`) holding a word read ``ầ`` whose mark is
    too low for a grave over a circumflex (:func:`thin_mark_doubt`). A value already for review keeps its reason."""
    for name in NAME_FIELDS:
        f = found.get(name)
        if f is not None and not f.review:
            f.review = thin_mark_doubt(f, pages)
