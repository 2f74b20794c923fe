"""A recipients item that stops on a word no item ends on (``Chủ tịch, các`` for ``Chủ tịch, các PCT UBND xã``), as
a review flag (issue 14 item 9, session 47).

Why: session 46's held-out HG349 typewriter-12-qd-043 stored the item ``Chủ tịch, các`` (0.85, unflagged): the
item's second half was lost on a typed page, and every word kept was read sure of itself and closed by the list's
punctuation, so the rules that look for an unclosed item or a dropped line (:mod:`archivist.itemtail`,
:mod:`archivist.listlossflags`) see nothing. Vietnamese puts a plural word, a conjunction or a preposition before
what it governs (``các PCT``, ``và các đoàn thể``, ``của xã``): an item (a body or an office) ending on one of them
is cut short. Only flags; the list is kept as read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .fields import Field, flag_recipients
from .ocrtext import _fold

#: words that govern the word after them and so end no recipients item: plurals, conjunctions, prepositions. As
#: printed: folded, ``tại``, ``về`` and ``cùng`` would take a name's or an office's last word (``Văn Tài``, ``Bảo vệ``,
#: ``Cung``) for one
OPEN_WORDS = frozenset({"các", "những", "và", "của", "cho", "tại", "với", "về", "cùng", "hoặc"})
#: those of them whose letters no name or office ends with, matched folded too (a mark misread: ``cac``, ``cùa``)
OPEN_FOLDED = frozenset({"cac", "nhung", "va", "cua"})
_STRIP = re.compile(r"[\s;,.:]+$")


def cut_item_doubt(items: Sequence[Any]) -> str | None:
    """Why a recipients list may hold an item cut short: an item whose last word is one of :data:`OPEN_WORDS`
    (or :data:`OPEN_FOLDED`, its marks aside)."""
    for item in items:
        if not isinstance(item, str) or not (words := _STRIP.sub("", item).split()):
            continue
        if len(words) > 1 and (words[-1].lower() in OPEN_WORDS or _fold(words[-1]) in OPEN_FOLDED):
            return f"the item '{item.strip()}' ends on '{words[-1]}', which opens a word after it: its rest may be lost"
    return None


def flag_cut_item(found: dict[str, Field]) -> None:
    """Mark for review a recipients list with an item cut short (:func:`cut_item_doubt`)."""
    flag_recipients(found, cut_item_doubt)
