"""A list item's dash the reading of a typewritten page left out (``- Như trên;`` read ``Như trên;``), put back where
its bar stands before the line's first word, in line with the list's other dashes.

Why: after session 45's rules the typed words the bag of words loses as ``word dropped`` are most often the dashes
opening the lines of a list (``Nơi nhận:``, ``Thành phần tham dự:``): 18 of the 70 on fit seeds 340-342, five of one
list on one page (bench/RESULTS.md, "Typewritten pages, list dashes dropped (session 46)"); the rest are single words
and item numbers read as other marks. A recipients list whose
dashes were lost is read as one item, or loses one. The engine reads a typed line from its first letter and leaves
the short bar a whole typed space before it out. :mod:`archivist.speckdash` puts such a dash back on a speckled page
from its bar and the list's other dashes; the same tests hold on a typed page, with the typed face's measures
(:data:`TYPED`): the typed ``-`` is wider for its word height than the speckled pages' serif dash, and it stands a
whole pitch (a space) before the word, where the speckled page's stands half a word height. No OCR is run.
"""

from __future__ import annotations

import numpy as np

from .ocr import OcrResult
from .speckdash import Limits, put_back_dashes

#: A typed page's dash, as shares of the page's word height: a bar 0.18-0.6 wide (put back on the fit pages 0.23-0.31,
#: the mono face's typed clean 0.35-0.39), up to 0.3 high (worn type's strokes thicken), its middle 0.4-0.75 down the
#: first word's box, ending up to 1.5 word heights before the word (a typed space: 0.70-0.97 on the fit pages,
#: 1.16-1.18 typed clean), its left edge within 0.25 of another dash's. Never inside the first word's box: there a worn
#: first letter's piece is a bar as well (``tại``, ``tháng``, ``giữa`` on seeds 340-341 were given dashes before the
#: rule was narrowed). The bar's ink is told at the first word's level: Otsu over a crop of bare margin splits the
#: paper's grain, and such streaks before lines where nothing is printed (``Họp xét duyệt``, a centred line, ``đạt``,
#: ``kịp`` on seed 341) stood in line with other lines' bars.
TYPED = Limits(bar_min=0.18, bar_max=0.6, bar_high=0.3, mid_low=0.4, mid_high=0.75, gap=1.5, align=0.25,
               inside=False, word_ink=True)


def typed_dashes(ocr: OcrResult, typed: np.ndarray | None) -> OcrResult:
    """``ocr`` (a typewritten page's words; ``typed`` its image, None on any other page) with each list line's dash
    the engine left out put back (:func:`archivist.speckdash.put_back_dashes` within :data:`TYPED`). Unchanged on any
    other page."""
    if typed is None:
        return ocr
    return put_back_dashes(ocr, typed, typed, TYPED)
