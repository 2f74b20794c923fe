"""A review flag for a signer stored from the block of one who signs second (the secretary of minutes, ``THƯ KÝ``).

Why: minutes (``Biên bản``) are signed twice, by the secretary (``THƯ KÝ``) and, for the body, by the chair
(``CHỦ TỌA`` / ``CHỦ TRÌ``); the record keeps the chair's block. ``footer.parse_footer`` takes the secretary's block
only when no other block was read as a position with a name, and doubts it only when it sees why (an unread column
beside it, a name beside its name, a name on its position's row). When the chair's column is lost some other way, the
secretary's name and ``THƯ KÝ`` are stored, both real and read at full confidence, and nothing said so (HG71
typewriter-08-bb-231-phu-luong: ``Hồ Thanh Trang`` and ``THƯ KÝ`` for ``Huỳnh Trọng Hiếu``, ``CHỦ TỌA``).

The rule is of the form, not of the reading: on the fit basis (seeds 22-72 and HG47, 101 sets) no document's
signer position is one of ``signwords.SECONDARY`` (none of 3,688 right positions), and every position stored as one
(``THƯ KÝ``, 4 minutes; a fifth read ``THƯ #Ý``) is wrong, with its signer; the rule newly flags HG71's position and
signer and no right value. So a stored position that is one of them, without an authority
(``TM.``, ``KT.``: a block signed for the body), flags the position and the signer; the values stay (which block is
the chair's is the reviewer's to read). bench/RESULTS.md, "Flags, sixtieth round (session 30)".

The same heading misread by one letter (HG74 typewriter-08-bb-117: the secretary's block read ``THƯ XÝ``) was
flagged as a position no list knows, but its signer was not. A position one edit from a second signer's, that is no
known position, is taken as one (on seeds 22-74: two such, both wrong with their signers; no right position). The
other direction was counted and rejected: the signer under *any* flagged position would newly flag 270 right signers
for 2 wrong, under any one-edit miss of a known position 29 for 1.

A party's heading (``ĐẠI DIỆN BÊN A``) stored as the position is the block's side, not the signer's position printed
under it (AT74 21-gnh-158, a memorandum, for ``CHỦ TỊCH``): on seeds 22-74, ten positions stored so, all wrong, all on
agreements (no right position is one; the generator prints a position under every side's heading, so a real archive
may have sides signed with no position: a review, not a change). Only the position is flagged: the signer under it
can be right (AT33 hd-057). bench/RESULTS.md, "Flags, sixty-second round (session 31)".

Under side B's heading it is not (seventieth round): an agreement's issuing body, whose header and number the paper
carries, is its side A (AT33 hd-057's right signer stood under ``ĐẠI DIỆN BÊN A``), so a signer read under ``BÊN B``
is the partner's representative (sealed seed 88: AT88 gnh-035's ``Lê Quốc Trí`` for ``Đào Diệu Hoa``, 0.884). On
the fit basis (seeds 22-80, 87, 88 and HG47) 9 signers were stored under ``ĐẠI DIỆN BÊN B``, all wrong (8 flagged
already), none right; under side A, 1 right and 1 wrong. A real archive's body may sign as side B: a review, not a
change. bench/RESULTS.md, "Flags, seventieth round (session 31)".

When neither heading is stored as the position (HG93 typewriter-10-bb-043: the secretary's signature strokes read
``NNN`` and stored as the position, ``Nguyễn Ngọc Nga`` for the chair ``Nguyễn Bích Thơm``), the page still says
whose block it is: the heading ``THƯ KÝ`` printed over the stored name, in its column. On the fit basis (seeds
22-80, 87-91, 93 and HG47) five signers stand under a second signer's heading so, all wrong (one unflagged), and no
right one; the signer under any doubted or unknown position would flag 326 right signers for 3 wrong, and the left
of two names side by side is the form's layout, not the page's word (bench/RESULTS.md, "Flags, seventy-sixth round
(session 32)").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rapidfuzz.distance import Levenshtein

from .fields import Field
from .footer import Footer
from .ocrtext import fold_key, page_lines, same_column
from .pagerows import Rows
from .signwords import POSITIONS, SECONDARY, split_positions

#: how many lines over the signer's name its block's heading may stand (authority, position, signature, seal)
BLOCK_LINES = 6

#: A side's heading in an agreement's signature blocks, folded: the signer's position is printed under it
PARTY_LABELS = ("ben a", "ben b", "dai dien ben a", "dai dien ben b")
#: side B's heading, folded: the signer under it is the partner's, not the issuing body's (side A)
OTHER_SIDE = ("ben b", "dai dien ben b")


def secondary_near(key: str) -> str | None:
    """The second signer's position (one of ``signwords.SECONDARY``) that the folded ``key`` reads one letter from,
    when ``key`` is no position itself (``thu xy``, HG74; ``thuu ky`` for a ``THƯ KÝ`` read ``THưữ KÝ``, TW139)."""
    return next((s for s in SECONDARY if key not in POSITIONS and Levenshtein.distance(key, s) == 1), None)


def second_signer_doubt(position: str, authority: str | None) -> str | None:
    """Why a stored ``position`` may not be the body's signer's: it is the position of one who signs second
    (``THƯ KÝ``), with no authority over it. None otherwise."""
    if authority or not position.strip():
        return None
    key = fold_key(split_positions(position)[-1])
    if key in SECONDARY:
        return (f"the position '{position}' is of one who signs second (a secretary's block): the record keeps the "
                "signer for the body (the chair's), whose block was not read")
    near = secondary_near(key)
    if near is None:
        return None
    return (f"the position '{position}' reads one letter from '{near}', of one who signs second (a secretary's "
            "block): the record keeps the signer for the body (the chair's), whose block was not read")


def party_label_doubt(position: str) -> str | None:
    """Why a stored ``position`` is no signer's position: it is a side's heading (``ĐẠI DIỆN BÊN A``), under which
    an agreement's block prints the signer's position (``CHỦ TỊCH``), not read. None otherwise."""
    if not position.strip() or fold_key(split_positions(position)[-1]) not in PARTY_LABELS:
        return None
    return (f"'{position}' is a party's heading, not a position: the position printed under it (the signer's, "
            "for the body) was not read")


def flag_second_signer(found: dict[str, Field]) -> None:
    """Mark for review the signer and the position stored from a second signer's block (:func:`second_signer_doubt`)."""
    pos, auth = found.get("signer_position"), found.get("authority")
    if pos is None or not isinstance(pos.value, str):
        return
    why = second_signer_doubt(pos.value, auth.value if auth is not None and isinstance(auth.value, str) else None)
    for f in (pos, found.get("signer")):
        if why and f is not None and not f.review:
            f.review = why


def other_side_doubt(position: str) -> str | None:
    """Why the signer stored under ``position`` is doubtful: the position is side B's heading, and the issuing body
    signs as side A. None otherwise."""
    if not position.strip() or fold_key(split_positions(position)[-1]) not in OTHER_SIDE:
        return None
    return (f"the signer was read under '{position}', the partner's side: the issuing body signs as side A, "
            "whose block was not read")


def flag_party_heading(found: dict[str, Field]) -> None:
    """Mark for review a position stored as a party's heading (:func:`party_label_doubt`), and the signer under
    side B's (:func:`other_side_doubt`). Called after ``agreement.flag_disagreeing``, whose reason (the body names
    the signer's office) says more when it has one. Under side A's the signer may be the right one (AT33 hd-057)."""
    pos = found.get("signer_position")
    if pos is None or not isinstance(pos.value, str):
        return
    if not pos.review:
        pos.review = party_label_doubt(pos.value)
    signer = found.get("signer")
    if signer is not None and signer.value not in (None, "") and not signer.review:
        signer.review = other_side_doubt(pos.value)


def heading_over_name(footer: Footer | None, pages: Sequence[Any]) -> str | None:
    """The second signer's heading (one of ``signwords.SECONDARY`` when folded), as printed, that a column's part of a
    line reads alone (or one letter from it, :func:`secondary_near`: TW139 typewriter-12-bb-050's ``THưữ KÝ`` over
    the secretary's ``Vũ Mỹ Thảo``, stored unflagged for the chair's ``Lương Quốc Lộc``; session 40's flags118)
    within :data:`BLOCK_LINES` over the stored name, in the name's column: the part's middle
    stands over the name's box widened by half its width on each side, or the name's middle under the part (a
    heading is centred over its name, wider or narrower; the other block's heading stands a column away). None
    without the name's box, or with no such part."""
    name = footer.name if footer is not None else None
    box = name.box() if name is not None else None
    page = next((p for p in pages if name is not None and p.number == name.page), None)
    if name is None or box is None or page is None:
        return None
    lines = page_lines(page)
    rows = Rows(lines)  # the rows over the name, whether its footer's columns were read across or one after the other
    for ln in lines:
        part = ln.box() if rows.row(name) - BLOCK_LINES <= rows.row(ln) < rows.row(name) else None
        if part is None or not same_column(part, box):
            continue
        if fold_key(ln.text) in SECONDARY or secondary_near(fold_key(ln.text)):  # flags118: one letter off too
            return ln.text
    return None


def flag_under_second_heading(found: dict[str, Field], footer: Footer | None, pages: Sequence[Any]) -> None:
    """Mark for review the signer (and its position) stored from a column headed by a second signer's position
    (:func:`heading_over_name`) though that heading was not stored as the position; the values stay."""
    signer = found.get("signer")
    if signer is None or signer.value in (None, "") or signer.review:
        return
    heading = heading_over_name(footer, pages)
    if heading is None:
        return
    why = (f"the signer's name stands under the heading '{heading}' printed in its column, of one who signs "
           "second (a secretary's block): the record keeps the signer for the body (the chair's)")
    for f in (signer, found.get("signer_position")):
        if f is not None and not f.review:
            f.review = why
