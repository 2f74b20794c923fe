"""A typewritten capital ``Đ`` read ``b`` (``bộc lập`` for ``Độc lập``, ``Xã bông Sơn`` for ``Xã Đông Sơn``), told by
the ``D``'s top stroke.

Why: worn type leaves a ``Đ`` its stem and bowl and the engine reads a ``b``: 7 on fit seeds 277-279, in the motto's
``Độc`` and in names (``Đông``, ``Đình``, ``Đảng``; bench/RESULTS.md, "Typewritten pages, eighth round (session
44)"). The word read is a word too (``bộc``, ``bông``, ``bình``), so the glyph must say it. The mono face's ``D``
opens with a stroke from its stem across the top of its body; a ``b`` has only its ascender's stem there. Over the
top rows of the body (:data:`TOP_ROWS`) the widest run of ink was 0.19 of a pitch or less under 90% of the 293 ``b``
read right and under :data:`BAR_MIN` under all of them, 0.39-0.58 under 4 of the 7 ``Đ`` read ``b`` (the other three
worn to 0.24-0.36 or broken: left); and the body must stand a capital's height (:data:`BODY_RANGE`: a ``b``'s
ascender stands taller, 1.33 of the small letters against the capitals' 1.2).

So a word read opening with a small ``b`` (the rest small) is read with ``Đ`` there only where that word, in small
letters, is one in use and the first glyph shows the top stroke on a capital's body, with no ink of its own standing
over that body (:data:`ABOVE_MAX`): a capital ``Đ`` carries nothing above it, while a ``b`` whose ascender broke
across keeps the ascender's top there, and the break leaves a body of a capital's height whose top row the ``b``'s
arch or a neighbour's mark can widen into a "stroke" (session 46: ``thông báo`` made ``thông Đáo`` on fit seed 331,
its ascender's top 0.26 of the small letters' height over the body; over 1 of the 78 ``Đ`` read right on fit seeds
330-332 ink stands more than :data:`ABOVE_MAX` over the body, and that one shows no top stroke).
"""

from __future__ import annotations

import numpy as np

from .ocr import OcrResult, nfc
from .syllables import attested
from .tokens import EDGE, split_edges
from .typedcase import with_readings
from .typedfoot import longest_run
from .typedring import glyph_readings
from .typedupper import body_of

#: The top rows of the body: this share of its height, two rows at least.
TOP_ROWS = 0.12
#: The ``D``'s top stroke: the widest run of ink over those rows at least this share of a pitch.
BAR_MIN = 0.35
#: The body between these shares of the page's small letters' height (a capital's; not a ``b``'s ascender).
BODY_RANGE = (1.1, 1.28)
#: Ink of the glyph over its body (a run of rows of its own above it) at most this share of the small letters'
#: height: a ``Đ`` has no mark, a broken ``b`` keeps its ascender's top there.
ABOVE_MAX = 0.05


def d_reading(text: str) -> tuple[int, str] | None:
    """The place of the first letter of ``text`` (edge punctuation counted) and ``text`` with its small ``b`` there
    read ``Đ``, where that word in small letters is one in use; None elsewhere."""
    lead, core, trail = split_edges(text, EDGE)
    if len(core) < 2 or not core.isalpha() or not core.islower() or core[0] != "b":
        return None
    again = "Đ" + core[1:]
    return (len(lead), lead + again + trail) if again.lower() in attested() else None


def top_stroke(cell: np.ndarray, small: float, pitch: float) -> bool:
    """Whether the glyph in ``cell`` (ink 1) has a capital's body (:data:`BODY_RANGE` of the small letters' height
    ``small``) opening with a stroke across its top (:data:`BAR_MIN` of ``pitch``), no ink of its own over that body
    (:data:`ABOVE_MAX`)."""
    body = body_of(cell) if cell.size else None
    if body is None or not BODY_RANGE[0] * small <= body[0] <= BODY_RANGE[1] * small:
        return False
    height, _, bottom = body
    if (bottom - height - int(np.flatnonzero(cell[:bottom].any(1))[0])) > ABOVE_MAX * small:
        return False  # a broken b's ascender over the body
    rows = cell[bottom - height:bottom - height + max(2, round(TOP_ROWS * height))]
    return max(longest_run(r) for r in rows) >= BAR_MIN * pitch


def typed_crosses(ocr: OcrResult, typed: np.ndarray | None) -> OcrResult:
    """``ocr`` (words in the pixels of ``typed``, a typewritten page's image before its strikes were evened) with
    each word opening with a small ``b`` read with ``Đ`` where that makes a word in use (:func:`d_reading`) and the
    glyph shows the ``D``'s top stroke (:func:`top_stroke`). Unchanged on any other page."""
    if typed is None or not ocr.words:
        return ocr
    texts = [nfc(w.text) for w in ocr.words]
    asked = {k: got for k, t in enumerate(texts) if (got := d_reading(t))}
    return with_readings(ocr, glyph_readings(ocr, typed, texts, asked, top_stroke))
