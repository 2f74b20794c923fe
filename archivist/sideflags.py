"""Review flags from what the page stage kept beside a value: a piece of a list's row read as a line of its own,
and the number's box read again (forty-ninth round of issue 14 item 9).

Why: on seed 60 two wrong values stood unflagged although the record held evidence against each
(bench/RESULTS.md, "Flags, forty-ninth round (session 29)"):

- AT60 pa-176's recipients ``TT Đảng ủy xã`` for ``TT Đảng ủy xã (b/c)`` (0.85): the engine read ``(b/c);`` at 91.6
  on the item's own row, 50 px (1.35 row heights) after ``xã``; the wider gap cut the line there, and the piece,
  with no bullet, was left beside the list as a stray. On the fit basis a stray with two letters or more standing
  on an item's row within :data:`TAIL_GAP` row heights after it came only beside wrong lists (an item's tail or
  a row read in pieces); beside right lists the nearest stood 2.36 heights away (a speck ``Si``), most far off in
  the signature column. :func:`archivist.listflags.row_stray_doubt` knew such a tail only as a unit's code (``VX.``).
- HG60 gm-206's number ``296/GM-UBND`` for ``206`` (0.95, ``settle_number`` giving the pattern's confidence back):
  the number word read at 66.7 on a typewritten page, and one of the box's two second readings gave ``298``.
  :func:`archivist.numberread.reread_doubt` wants both readings against the number; on proportional pages one
  reading against it is common beside right numbers read weakly (4 on the fit basis), on typewritten pages it came
  only with wrong ones (HG57 tb-209's ``229`` for ``209`` the other): a typed digit's strokes (``0``, ``9``, ``6``)
  differ by a stroke's gap, which a second reading of the crop sees otherwise.

Fiftieth round: HG61 tb-201's recipients ``Lưu VT`` for ``Lưu: VT`` (0.85). Its line read ``- Lưu:``, the ``VT``
lost to speckle; the colon was cleaned off and :func:`archivist.recipients.recipient` gave the bare ``Lưu`` its
``VT`` back without one, as Circular 55 wrote it, the document being dated 2009 in the old spelling. The page
printed the colon, so the restored item contradicts its own line. On the fit basis (seeds 22-61) no other list
stored an archive copy without the colon its line read, right or wrong.

Fifty-ninth round: HG69 speckle-22-khai-sinh-31's register entry ``1`` for ``31`` (0.748): the ``3`` lost to
speckle, the word ``1`` read from a box 0.8 digits wider than its text (AT62 08-1-ket-hon-46's ``4`` for ``46`` the same
kind; its box did not show it, and it stays unflagged). The number's own box test
(:func:`archivist.numberbox.box_doubt`) judges the entry's word as well: on the fit basis (seeds 22-69 and HG47) it
newly flags that one wrong entry and none of 486 right ones.

Sixty-first round: HG73 typewriter-07-cv-240's number ``249/UBND-TC`` for ``240`` (0.95): the number word read at
20.5 on a typewritten page, both second readings of its box ``249`` too, so neither reading test could see it. On
the fit basis (seeds 22-73 and HG47) the numbers of typewritten pages whose word was read under :data:`WEAK_TYPED`
were wrong 42 times and right 13; all but this one and one right number (HG70 kh-074, 29.1) were flagged already.
On every page (proportional ones too) the same threshold newly flagged 13 right numbers for 2 wrong, so the rule
keeps to typewritten pages. The readings and the page's own digit glyphs (seeds 63-73, the records that carry
them) told no better: one reading against the number newly flagged 7 right for 1 wrong; a digit scoring within
0.1 of another digit's glyph 54 right for 2 wrong (bench/RESULTS.md, "Flags, sixty-first round (session 30)").

Seventy-fourth round: HG70 speckle-24-cv-185's number ``188/UBND-VX`` for ``185`` (0.95): the number word read at
25.3 on a speckled page set in a proportional face; the box's digits-only reading gave ``18`` (a digit lost, against
the number), the upright scan's reading no digits at all (``“`...``). :func:`archivist.numberread.reread_doubt`
wants two readings with digits, :func:`typed_reread_doubt` a typewritten page. Where the scan gives no digits it
neither confirms nor contradicts, and the digits-only reading (on the restored image the OCR read) is the one
witness left (:func:`lone_read_doubt`). On the fit basis (seeds 54-91, the 1,750 numbers whose records carry the
readings) the digits-only reading gave another number with the scan silent on this number alone; on proportional
pages a reading against a weak word stood beside 13 right numbers and 2 wrong, but every one of those was the scan
against with the digits-only reading agreeing (a speck read as a glyph on the unrestored page), so the scan alone
against is no rule (one right number, HG71 speckle-21 ttr-072's ``72``, had the scan against and the digits-only
reading silent). The basis is one case (bench/RESULTS.md, "Flags, seventy-fourth round (session 32)").

All only flag; the values stay as read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .fields import Field, open_recipients
from .footer import BULLET, Footer
from .numberbox import WEAK_NUMBER, box_doubt, doubt_number, number_word, page_scale
from .numberread import box_numbers, box_reading, number_of

#: a stray this many row heights or less after an item's row's right end is a piece of that row (AT60 1.35; the
#: nearest stray beside a right list on the fit basis stood 2.36 heights away)
TAIL_GAP = 2.0
#: a piece of the list read at this mean word confidence (0-100) or more is no speck (:func:`far_piece_doubt`)
WEAK_PIECE = 50.0
#: a line of the list reading the archive copy with its colon (``- Lưu:``, ``Luu :``)
#: a typewritten page's number word read under this confidence (0-100) is in doubt whatever its box read again
WEAK_TYPED = 30.0
_COPY_COLON = re.compile(r"(?m)^\W*L[uư]u\s*:")


def _letters(text: str) -> int:
    return len(re.findall(r"[^\W\d_]", text))


def row_tail_doubt(footer: Footer) -> str | None:
    """Why the recipients are doubtful: a stray line of two letters or more stands on a row of the list (its
    middle inside the row's box, on the same page), starting after the row's right end by at most
    :data:`TAIL_GAP` row heights: the row's tail (``(b/c);``) was cut off by a wide gap and kept in no item."""
    rows = [(ln.page, b) for ln in footer.recipients if (b := ln.box()) and _letters(ln.text) >= 2]
    for ln in footer.strays:
        b = ln.box()
        if b is None or _letters(ln.text) < 2:
            continue
        mid = (b[1] + b[3]) / 2
        for page, r in rows:
            if page == ln.page and r[1] <= mid <= r[3] and 0 <= b[0] - r[2] <= TAIL_GAP * max(1, r[3] - r[1]):
                return f"'{ln.text.strip()}' stands on an item's row right after it and is in no item: its tail"
    return None


def far_piece_doubt(footer: Footer, items: Sequence[str]) -> str | None:
    """Why the recipients are doubtful: a piece of the list with no bullet stands on a bulleted item's own OCR row,
    more than :data:`TAIL_GAP` row heights after the item's right end, read weakly (its words' mean confidence under
    :data:`WEAK_PIECE`), and an item holds it. The footer takes a line in small letters after an item for the
    item's wrapped tail; a wrapped tail stands on the row under it, so one beside it across the page is a speck in
    the signature column read as letters: sealed HG161 speckle-23-qd-153-tien-phong stored ``Chủ tịch, các PCT UBND
    xã, ko`` (0.85) unflagged, its ``ko`` read at 0 in a box 6 px tall, 13 row heights after ``xã,``
    (bench/RESULTS.md, "Flags, hundred-and-twenty-ninth round onward (session 41)")."""
    rows = [(ln, b) for ln in footer.recipients if BULLET.match(ln.text) and (b := ln.box())]
    for ln in footer.recipients:
        b, confs, text = ln.box(), [c for *_, c in ln.spans], ln.text.strip()
        if b is None or BULLET.match(ln.text) or not confs or sum(confs) / len(confs) >= WEAK_PIECE \
                or not any(text in item for item in items):
            continue
        for row, r in rows:
            if row.page == ln.page and row.index == ln.index and b[0] - r[2] > TAIL_GAP * max(1, r[3] - r[1]):
                return (f"'{text}', read weakly far after an item on its row, was taken into the list: a speck "
                        "beside it, not the item's tail")
    return None


def copy_colon_doubt(recipients: Field) -> str | None:
    """Why the recipients are doubtful: the archive copy is stored without a colon (``Lưu VT``) while a line of
    the list, as read, prints it (``- Lưu:``): the item was restored as another rule's copy would write it, not
    as this page does, and its ``VT`` may not have been read at all."""
    copy = next((i for i in recipients.value if isinstance(i, str) and i.startswith("Lưu")), None)
    if copy is None or copy.startswith("Lưu:") or not _COPY_COLON.search(recipients.source_text or ""):
        return None
    return f"the archive copy is stored '{copy}', without the colon its line prints ('Lưu:')"


def typed_reread_doubt(number_symbol: Field, number: str, pages: Sequence[Any]) -> str | None:
    """Why ``number`` may be misread: its word was read under :data:`WEAK_NUMBER` on a typewritten page
    (:func:`archivist.numberbox.page_scale`), and one of its box's two second readings gave another number."""
    found = number_word(number_symbol, pages)
    if found is None or found[0][1] >= WEAK_NUMBER:
        return None
    scale = page_scale(found[1])
    got = box_reading(number_symbol, pages)
    if scale is None or not scale[1] or got is None:
        return None
    other = [n for n in box_numbers(got) if n and n.lstrip("0") != number.lstrip("0")]
    if len(other) != 1:
        return None  # none against it, or both (numberread.reread_doubt's)
    return f"the number word was read at {found[0][1]:.0f} on a typewritten page, and its box read again gave " \
           f"{other[0]}, not {number}"


def weak_typed_doubt(number_symbol: Field, number: str, pages: Sequence[Any]) -> str | None:
    """Why ``number`` may be misread: its word was read under :data:`WEAK_TYPED` on a typewritten page
    (:func:`archivist.numberbox.page_scale`), where a digit misread by one stroke is read again the same."""
    found = number_word(number_symbol, pages)
    if found is None or found[0][1] >= WEAK_TYPED:
        return None
    scale = page_scale(found[1])
    if scale is None or not scale[1]:
        return None
    return f"the number word {found[0][0]!r} was read at {found[0][1]:.0f} on a typewritten page ({number})"


def lone_read_doubt(number_symbol: Field, number: str, pages: Sequence[Any]) -> str | None:
    """Why ``number`` may be misread: its word was read under :data:`WEAK_NUMBER`, the box's digits-only reading
    gave another number, and the scan's reading gave no digits: the one reading of the box that says anything
    says otherwise (on any page; on a typewritten one :func:`typed_reread_doubt` says so first)."""
    found = number_word(number_symbol, pages)
    got = box_reading(number_symbol, pages)
    if found is None or found[0][1] >= WEAK_NUMBER or got is None or number_of(got["scan"] or ""):
        return None
    read = number_of(got["read"] or "")
    if not read or read.lstrip("0") == number.lstrip("0"):
        return None
    return f"the number word was read at {found[0][1]:.0f}, its box's digits read again gave {read}, not " \
           f"{number}, and the scan no digits"


def flag_beside(found: dict[str, Field], footer: Footer | None, pages: Sequence[Any]) -> None:
    """Mark for review a recipients list whose row's tail stands beside it as a stray (or a speck far beside a row
    was taken into it as its tail), or whose archive copy lost
    the colon its line prints, a weakly read number on a typewritten page that a second reading of its box
    contradicts or that was read very weakly, a weakly read number whose one second reading with digits contradicts
    it, and a register entry whose word's box is a digit wider than its text."""
    if (got := open_recipients(found)) is not None:
        rec, items = got
        rec.review = (row_tail_doubt(footer) or far_piece_doubt(footer, items)
                      if footer is not None else None) or copy_colon_doubt(rec)
    ns, num = found.get("number_symbol"), found.get("number")
    if ns is not None and num is not None and not ns.review and isinstance(num.value, str):
        doubt_number(ns, num, typed_reread_doubt(ns, num.value, pages) or weak_typed_doubt(ns, num.value, pages)
                     or lone_read_doubt(ns, num.value, pages))
    entry = found.get("entry")
    if entry is not None and not entry.review and isinstance(entry.value, str):
        entry.review = box_doubt(entry, pages)  # a register entry's digit lost: its box wider than its text
