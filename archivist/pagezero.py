"""A number's loop digit its glyph cannot tell, on a page whose date shows its 0s read as loop digits (issue 14 item 9).

Why: a faded or typed ``0`` read as ``6``, ``8`` or ``9`` at full confidence is the misread the bench sees most in
numbers, and where both second readings of the box repeat it and the glyph leans nowhere (:mod:`archivist.digitglyphs`'
rules ask for a lean to the page's ``0`` or another reading), nothing about the number itself tells. The page can:
its date typed in the same face and fading, read with a year no record carries that a ``0`` for one of its loop
digits mends (``năm 2619``: ``2019``), shows that this page's ``0`` s are read as loop digits. HG105 faded-15
khai-sinh-301: ``76/TLKS-BS`` for ``70/TLKS-BS`` at 0.95, both readings of its box ``76``, its ``6`` as like the
page's ``9`` (0.648) as its own (0.652); the date read ``ngày 21 tháng 19 năm 2619``. Either sign alone is common:
on seeds 86-124 and 127-128 the date's year was so read on 113 documents, 21 of them with a right number holding a
loop digit and no flag, and a loop digit's glyph lay within NEAR of another digit's in 24 numbers; both together in 7
numbers, 5 wrong (4 flagged already) and 2 right, both flagged already (bench/RESULTS.md, "Flags, hundred-and-first
round onward (session 37)").
Flags only: the value is kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .bookyear import zero_mends
from .digitglyphs import ZERO_READS, number_digits
from .fields import Field
from .numberbox import doubt_number
from .numberread import box_reading

#: a digit whose glyph correlates with the page's renderings of another digit within this of its own cannot be told
#: from it (digitglyphs.TIE, 0.02, would also take HG117 typewriter-12 kh-169's right ``169``: 0.759 to 0.774)
NEAR = 0.01


def zero_read_year(text: str) -> str | None:
    """The first four-digit run of ``text`` (a date as read) that is no possible year but one of its loop digits read
    as a ``0`` makes one (``2619``, ``2097``): the page's ``0`` s are read as loop digits. None: no such run."""
    return next((y for y in re.findall(r"(?<!\d)\d{4}(?!\d)", text) if zero_mends(y)), None)


def page_zero_doubt(judged: Sequence[dict], number: str, date_read: str, first_read: str = "") -> str | None:
    """Why ``number`` may hold a ``0`` misread: one of its ``6``, ``8`` or ``9`` looks like the page's renderings of
    another digit within NEAR of its own (``judged``: the glyphs the page stage kept for the number's box), and the
    document's date as read (``date_read``), or as the page first read it before a faded page's second reading
    mended it (``first_read``: archivist/fadedread.py), holds a year a ``0`` read as a loop digit made impossible."""
    year = zero_read_year(date_read) or zero_read_year(first_read)
    if year is None:
        return None
    for k, own, digit, other in number_digits(judged, number):
        if number[k] in ZERO_READS and own is not None and abs(own - other) <= NEAR:
            return (f"the number's '{number[k]}' looks as much like the page's '{digit}' ({other:.3f}) as like its "
                    f"own ({own:.3f}), and the date's year read {year} shows this page's 0s read as 6, 8 or 9")
    return None


def flag_page_zero(found: dict[str, Field], pages: Sequence[Any]) -> None:
    """Mark the number and the number/symbol for review by :func:`page_zero_doubt`, the date's source text as the
    page read it. Flags only: values and confidences are kept."""
    ns, number, date = found.get("number_symbol"), found.get("number"), found.get("date")
    if ns is None or number is None or date is None or not isinstance(number.value, str) \
            or not isinstance(date.source_text, str):
        return
    got = box_reading(ns, pages)
    if got is not None and got.get("glyphs"):
        dated = box_reading(date, pages, "date_reading") or {}
        first = " ".join(w["first"] for w in dated.get("words", ()) if w.get("first"))
        doubt_number(ns, number, page_zero_doubt(got["glyphs"], number.value, date.source_text, first))
