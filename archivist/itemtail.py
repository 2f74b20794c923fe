"""A recipients item whose tail broke onto a line of its own and was dropped (forty-third round of issue 14 item 9).

Why: Decree 30 closes every item of a ``Nơi nhận:`` list with ``;`` (the last with ``.``), so an item line read
without its close was not read to its end. When the line after it opens with no bullet and none of the stored items
keeps it, the reading dropped it as debris, and with it the item's tail: HG53 speckle-20-cv-161 printed
``- TT Đảng ủy, HĐND xã (b/c);``, the engine broke it after ``xã`` and read the rest ``c);``, a fragment dropped as
debris, and the list was stored at 0.85 without the ``(b/c)``. An item closed as read (``- Như trên;``) followed by a
speck line is not judged: the speck is no piece of it. Measured on the fit basis (seeds 22-53, bench/RESULTS.md
"Flags, forty-third round"): no right list has an unclosed item followed by a dropped line.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from .footer import BULLET

#: what closes an item as Decree 30 types it (``;``, the last ``.``), or a mark a misread close is read as
_CLOSED = re.compile(r"[;.,:]\s*$")


def _an_item(line: str) -> bool:
    """``line`` opens with a bullet and holds a word of two letters or more (an item, not a bullet over a speck)."""
    return BULLET.match(line) is not None and any(sum(c.isalpha() for c in w) >= 2 for w in line.split())


def lost_tail_doubt(source: str, items: Sequence[str]) -> str | None:
    """Why the recipients are doubtful: in the list's lines as read (``source``, one a line), an item line not
    closed by ``;`` or ``.`` is followed by a line without a bullet that no stored item keeps: the item went on
    on that line and the reading dropped it (``- TT Đảng ủy, HĐND xã`` then ``c);``: its ``(b/c)`` lost)."""
    lines = [ln.strip() for ln in source.split("\n") if ln.strip()]
    kept = " ".join(items)
    for item, after in itertools.pairwise(lines):
        if _an_item(item) and not _CLOSED.search(item) and BULLET.match(after) is None \
                and after.rstrip(";").strip() not in kept:
            return f"'{item}' is not closed and the line after it, '{after}', was dropped: the item's tail was lost"
    return None
