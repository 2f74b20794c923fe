"""A review flag for a signer stored from the block of one who signs second (the secretary of minutes, ``THƯ KÝ``).

Why: minutes (``Biên bản``) are signed twice, by the secretary (``THƯ KÝ``) and, for the body, by the chair
(``CHỦ TỌA`` / ``CHỦ TRÌ``); the record keeps the chair's block. ``footer.parse_footer`` takes the secretary's block
only when no other block was read as a position with a name, and doubts it only when it sees why (an unread column
beside it, a name beside its name, a name on its position's row). When the chair's column is lost some other way, the
secretary's name and ``THƯ KÝ`` are stored, both real and read at full confidence, and nothing said so (HG71
typewriter-08-bb-231-phu-luong: ``Hồ Thanh Trang`` and ``THƯ KÝ`` for ``Huỳnh Trọng Hiếu``, ``CHỦ TỌA``).

The rule is of the form, not of the reading: on the fit basis (seeds 22-72 and HG47, 101 sets) no document's
signer position is one of ``footer.SECONDARY`` (none of 3,688 right positions), and every position stored as one
(``THƯ KÝ``, 4 minutes; a fifth read ``THƯ #Ý``) is wrong, with its signer; the rule newly flags HG71's position and
signer and no right value. So a stored position that is one of them, without an authority
(``TM.``, ``KT.``: a block signed for the body), flags the position and the signer; the values stay (which block is
the chair's is the reviewer's to read). bench/RESULTS.md, "Flags, sixtieth round (session 30)".
"""

from __future__ import annotations

from .fields import Field
from .footer import SECONDARY, split_positions
from .ocrtext import fold_key


def second_signer_doubt(position: str, authority: str | None) -> str | None:
    """Why a stored ``position`` may not be the body's signer's: it is the position of one who signs second
    (``THƯ KÝ``), with no authority over it. None otherwise."""
    if authority or not position.strip():
        return None
    if fold_key(split_positions(position)[-1]) not in SECONDARY:
        return None
    return (f"the position '{position}' is of one who signs second (a secretary's block): the record keeps the "
            "signer for the body (the chair's), whose block was not read")


def flag_second_signer(found: dict[str, Field]) -> None:
    """Mark for review the signer and the position stored from a second signer's block (:func:`second_signer_doubt`)."""
    pos, auth = found.get("signer_position"), found.get("authority")
    if pos is None or not isinstance(pos.value, str):
        return
    why = second_signer_doubt(pos.value, auth.value if auth is not None and isinstance(auth.value, str) else None)
    for f in (pos, found.get("signer")):
        if why and f is not None and not f.review:
            f.review = why
