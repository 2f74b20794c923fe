"""What follows a recipient's closing sign on its line, dropped, and the archive copy's codes written as Decree 30
writes them (flags162, issue 14 item 9: values stored wrong).

Why: Decree 30 (App. I, II.9) ends each recipient line with ``;`` and the last, the archive copy, with ``.``; the
codes of that copy are separated by commas (``Lưu: VT, TC.``). Whatever the OCR reads after an item's closing sign on
the same line is no part of it: the signature column's strokes or words (``Như trên; c"ủ TỊCH``), a speck read as a
word the syllable list knows (``TT HĐND xã; đã``, ``Lưu VT. é``), which :func:`archivist.recipients.recipient_debris`
keeps because ``đã`` and ``é`` are words. And the archive copy's comma is read ``;`` (``Lưu VT; TC``) or loses its
space (``Lưu: VT,VX``). On session 43's 85 sets and session 44's fresh ones, 201 stored lists held such an item
(all flagged; 67 of them wrong by it alone).
Kept narrow: a tail of one or two words after the first ``; `` that names no body (``UBND``, ``HĐND``: a known
code) and is not an archive copy (a lost bullet joins two items: ``Như trên; Lưu VT`` is left); an archive copy
only where every code after ``VT`` is a known one (``Lưu: VT; TŒ`` is left to the list's flags).
"""

from __future__ import annotations

import re

from .bodies import abbreviations

#: the archive copy: ``Lưu`` (its colon or not), ``VT``, then codes after a comma or a ``;`` read for one, and the rest
_COPY = re.compile(r"^(Lưu:? VT)((?:\s*[,;]\s*[A-ZĐ]{2,3}\b)*)(.*)$")
#: an item, its closing ``;`` and one or two words after it on the line
_TAIL = re.compile(r"^(.*?[^\W_][)]?);\s+(\S+(?:\s\S+)?)$")


def copy_codes(item: str) -> str:
    """The archive copy ``item`` with its codes separated as printed (``Lưu VT; TC`` -> ``Lưu VT, TC``) and what
    follows its closing stop dropped (``Lưu: VT, ĐC. xLLUUƯ`` -> ``Lưu: VT, ĐC``); ``item`` as it is otherwise."""
    m = _COPY.match(item)
    if m is None:
        return item
    codes = re.findall(r"[A-ZĐ]{2,3}", m.group(2))
    rest = m.group(3).strip()
    if any(c not in abbreviations() for c in codes) or rest and not rest.startswith("."):
        return item
    return ", ".join([m.group(1), *codes])


def item_tail(item: str) -> str:
    """``item`` without one or two words after its closing ``;`` (``TT HĐND xã; đã`` -> ``TT HĐND xã``), unless they
    name a body or an archive copy (two items joined); an archive copy is read by :func:`copy_codes`."""
    if item.startswith("Lưu"):
        return copy_codes(item)
    m = _TAIL.match(item)
    if m is None:
        return item
    tail = m.group(2).split()
    if re.match(r"\W*L[uư]u", tail[0]) or any(w.strip("().,:;").upper() in abbreviations() for w in tail):
        return item
    return m.group(1)
