"""Recipients read back as Decree 30 writes them: what follows an item's closing sign on its line dropped, the archive
copy's ``Lưu`` and codes, a standing committee's ``TT`` (flags162, issue 14 item 9: values stored wrong).

Why: Decree 30 (App. I, II.9) ends each recipient line with ``;`` and the last, the archive copy, with ``.``; the
copy is ``Lưu`` then ``VT`` then the drafting unit's codes, separated by commas (``Lưu: VT, TC.``). Whatever the OCR
reads after an item's closing sign on the same line is no part of it: the signature column's strokes or words
(``Như trên; c"ủ TỊCH``), a speck read as a word the syllable list knows (``TT HĐND xã; đã``, ``Lưu VT. é``), which
:func:`archivist.recipients.recipient_debris` keeps because ``đã`` and ``é`` are words. The copy's comma is read
``;`` (``Lưu VT; TC``) or loses its space (``Lưu: VT,VX``), its ``Lưu`` is read ``Lựu``, ``Lữu`` and its ``VT`` as
``VI``, ``Vĩ``, ``VỀ``; a standing committee's ``TT`` before ``HĐND`` or ``Đảng`` is read ``FT``, ``FI``,
``TY``. A closing ``Xã`` read with a capital is left as read: it was mended in a first form, and on session 43's
tw-169 typewriter-03-tb-008 the list's only evidence (``listflags.level_case_doubt``) went with it while another
item was wrong (``UBND huyện. Châu Thành``): a page misreading case misreads more than the one word. So is a copy
read in capitals (``LƯU VT, VX``: ``listflags.signature_item_doubt``'s evidence of a signature line taken into the
list, HG113 kh-008, ``tests/test_flags35_cli.py``).
Counted on session 43's 80 runs and the 16 runs rescored in session 45 (bench/RESULTS.md, session 45), values
only: 242 stored lists held such an item, all wrong and flagged, 172 of them wrong by it alone; no right list holds
one. A list from which words were dropped after a closing sign stays under its threshold
(:func:`archivist.recipients.read_recipients`): those specks were the only evidence on two speckled pages that lost
or garbled another item (db-171 speckle-24-ttr-234's ``Lưu: VT, VP. kzx``, sp196 speckle-02-qd-068's).
Kept narrow: a tail of one or two words after the first ``; `` that names no body (``UBND``, ``HĐND``: a known
code) and is not an archive copy (a lost bullet joins two items: ``Như trên; Lưu VT`` is left); an archive copy
only where every code after ``VT`` is a known one (``Lưu: VT; TŒ`` is left to the list's flags) and its first code
no other known unit's (``Lưu: VP``).
"""

from __future__ import annotations

import re

from .bodies import abbreviations

#: the archive copy: ``Lưu`` (or read with another mark: ``Lựu``), its colon or not, its first
#: code (``VT``, read ``VI``, ``Vĩ``, ``VỀ``, ``VTT``), then codes after a comma or a ``;`` read for one, and the rest
_COPY = re.compile(r"^(L[uưựữửứừ]u)(:?) (V[^\s,;.:]{0,2})(?![^\s,;.])((?:\s*[,;]\s*[A-ZĐ]{2,3}\b)*)(.*)$")
#: an item, its closing ``;`` and one or two words after it on the line
_TAIL = re.compile(r"^(.*?[^\W_][)]?);\s+(\S+(?:\s\S+)?)$")
#: a standing committee's ``TT`` read as look-alikes (``FT``, ``FI``, ``TY``, ``TỶ``, ``Tỉ``) before ``HĐND``, ``Đảng``
_STANDING = re.compile(r"^([TF][TFIYỶÝỳỉíìỈÍÌ]|[IY]T)(?= (?:HĐND|Đảng)\b)")


def copy_codes(item: str) -> str:
    """The archive copy ``item`` as printed: ``Lưu`` and its first code ``VT`` read back (``Lựu VT``, ``Lưu VI``),
    its codes separated by commas (``Lưu VT; TC`` -> ``Lưu VT, TC``) and what follows its closing stop dropped
    (``Lưu: VT, ĐC. xLLUUƯ`` -> ``Lưu: VT, ĐC``); ``item`` as it is when a code is no known one (``Lưu: VT; TE``,
    a first code ``VP``, another unit's copy) or words follow the codes without a stop."""
    m = _COPY.match(item)
    if m is None:
        return item
    first, codes, rest = m.group(3), re.findall(r"[A-ZĐ]{2,3}", m.group(4)), m.group(5).strip()
    if first != "VT" and first.upper() in abbreviations() or any(c not in abbreviations() for c in codes) \
            or rest and not rest.startswith("."):
        return item
    return ", ".join([f"Lưu{m.group(2)} VT", *codes])


def item_tail(item: str) -> str:
    """``item`` without one or two words after its closing ``;`` (``TT HĐND xã; đã`` -> ``TT HĐND xã``), unless they
    name a body or an archive copy (two items joined), with a standing committee's ``TT`` read back (``FT HĐND xã``
    -> ``TT HĐND xã``); an archive copy is read by :func:`copy_codes`."""
    if re.match(r"L[uưựữửứừ]u\b", item):
        return copy_codes(item)
    item = _STANDING.sub("TT", item)  # a capital ``Xã`` is left: listflags.level_case_doubt's evidence (see above)
    m = _TAIL.match(item)
    if m is None:
        return item
    tail = m.group(2).split()
    if re.match(r"\W*L[uư]u", tail[0]) or any(w.strip("().,:;").upper() in abbreviations() for w in tail):
        return item
    return m.group(1)
