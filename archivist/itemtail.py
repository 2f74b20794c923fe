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

from .chardoubt import vietnamese_letters
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


#: :func:`archivist.recipients.read_recipients`' note of an item cut short as debris
_TRIMMED = re.compile(r"^'(.*)' -> '(.*)': OCR debris dropped$", re.S)
#: the archive copy's item (``Lưu: VT``, ``Lưu VT``)
_COPY = re.compile(r"^Lưu\b")


def trimmed_words(changes: Sequence[str]) -> list[tuple[str, str, list[str]]]:
    """The items :func:`archivist.recipients.read_recipients` cut short as debris (``changes``: its notes), each as
    the item as read, the item kept, and the words of the first it dropped from its end."""
    out = []
    for change in changes:
        if trimmed := _TRIMMED.match(change):
            read, kept = trimmed.group(1), trimmed.group(2)
            out.append((read, kept, read.split()[len(kept.split()):]))
    return out


def foreign_code_doubt(changes: Sequence[str]) -> str | None:
    """Why the recipients are doubtful: the archive copy (``Lưu: VT``) was cut short as debris, and a word it lost
    is two or three capitals with a letter Vietnamese does not write (``TŒ.``): the unit's code after ``VT``
    read with one glyph wrong. AT126 03-kh-249's ``Lưu: VT; TŒ.`` was stored ``Lưu: VT`` at 0.85 for ``Lưu: VT,
    TC``: :func:`archivist.recipients.code_dropped` lowers the confidence for a dropped code of Vietnamese capitals
    (``FC``, ``T7``) only, and specks' debris is rarely all capitals. Fitted on the opened sealed seeds 125-126
    (bench/RESULTS.md, "Flags, hundred-and-first round onward (session 37)")."""
    for read, kept, lost in trimmed_words(changes):
        if not _COPY.match(kept):
            continue
        for word in lost:
            core = word.strip(".,;:()")
            if 2 <= len(core) <= 3 and core.isalpha() and core.isupper() \
                    and not set(core) <= vietnamese_letters():
                return f"'{word}' was dropped from '{read}': a unit's code read with a foreign letter"
    return None
