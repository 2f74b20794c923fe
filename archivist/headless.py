"""A document date read on a first page with no header (seventy-fifth round of issue 14 item 9).

Why: a document's date is the one its place-and-date line gives (``Cẩm Thạch, ngày 28 tháng 8 năm 2021``, under
the header, or on petitions and certificates at the end). A page that opens with no header at all (no national
title or motto, no type title, no number) is a page from inside a document: a loose continuation page, or a
boundary found wrongly inside a multi-page file. The layout then reads the page's running text as its header, and
the first ``ngày`` in it (``… báo cáo kết quả về Ủy ban nhân dân xã trước ngày 15/08/2022.``, ``3. Thời gian thực
hiện từ ngày 11/11/2021 đến hết …``) becomes the document's date at the header line's full confidence (0.92-0.94):
a deadline or a period, not the date the document was signed.

On the fit basis (seeds 22-80, 87-91 and HG47, 127 sets, base ``f0aef37``) not one stored document date stands on
a page with none of the three (5,132 dates: every one has a number, a national title or motto, or a type title),
so the rule newly flags no right value there. On bilevel32's 1-bit sets, whose multi-page documents were split
into one document per page, the continuation pages stored 6 such dates, all wrong and none flagged (S3202-S3203).
The issuer is not asked for: on such a page the signature block's capitals (``KT. CHỦ TỊCH``) are taken for one.

A date whose line names its place is left alone: a petition's last page split off still carries the petition's
own date line. Flags only (the brief: metadata of a page with no header is left for review, never guessed): the
value and its confidence are kept, a person confirms or clears it.
"""

from __future__ import annotations

from .fields import Field
from .layout import DocLayout, Seg

#: the header's pieces that show a page opens a document (the right column's anchors)
_ANCHOR_ROLES = ("national", "motto", "party")

HEADLESS_REVIEW = ("the first page has no header (no national title, type title or number): this date is read "
                   "from its running text, not from a place-and-date line")


def headless(doc: DocLayout) -> bool:
    """Whether the document's first page opens with no header: no national title, motto or Party heading, no
    type title and no number/symbol among what the layout took for its header."""
    h = doc.header
    return h.number is None and h.title is None and not any(s.role in _ANCHOR_ROLES for s in h.segs)


def flag_headless_date(date: Field, doc: DocLayout, pd: Seg | None) -> None:
    """Mark the document date for review when its first page has no header (:func:`headless`) and the date is
    not from a place-and-date line that names its place (``pd``: :func:`archivist.datefield.placedate`'s line, the
    one :func:`archivist.datefield.date_field` read). Flags only: the value and its confidence are kept."""
    if date.value is None or date.review or not headless(doc):
        return
    if pd is not None and pd.date is not None and pd.place is not None:
        return  # ``<place>, ngày …``: the document's own date line, wherever it stands
    date.review = HEADLESS_REVIEW
