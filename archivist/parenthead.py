"""The parent body's ``UBND`` read back when the OCR garbled it (flags163, issue 14 item 9: values stored wrong).

Why: a commune's document names its parent on the line above the issuer as Decree 30 (App. I, II.2.a) writes it,
short: ``UBND HUYỆN CHÂU THÀNH``. The head word, in a small bold face on aged paper, is the part of that line the
OCR garbles most (``UBNĐ``, ``U8ND``, ``ƯBND``, ``UBÑD``, ``UBMD``, ``UBN``, ``LIBND``): on session 43's 85 sets and
this session's 12 runs 77 stored parents were wrong by their head alone, every one flagged (a line that opens with
no body's head is stored at 0.6). The value is read back and its confidence kept at most NO_HEAD, as a parent line
read with no body's head is, so the parent stays to review (the rest of the line, read by the same eye, may be wrong
too: ``UBNĐ HUYỆN PHÕ YÊN``): a right value to confirm instead of a wrong one to correct. Where the lists hold the
issuer's commune under the district now read (:func:`archivist.confirmations.parent_confirmed`, which a garbled
head kept from meeting them), the two readings agree and the parent is confirmed like any other.
Kept narrow: the first word ``UBND`` with marks (``UBNĐ``), or within two letters of it and no body head itself
(``HĐND``), and a unit's level after it (``HUYỆN``, ``QUẬN``, ``THỊ XÃ``, ``THÀNH PHỐ``, ``TỈNH``).
"""

from __future__ import annotations

import re

from .fields import Field
from .layout import is_body_head
from .ocrtext import fold_key

HEAD = "UBND"
#: the confidence of a parent whose head was read back: extract's for a parent line with no body's head
NO_HEAD = 0.6
#: a unit's level, as the word after the parent's head (folded)
_LEVEL = re.compile(r"^(?:huyen|quan|thi xa|thanh pho|tinh)\b")


def _distance(a: str, b: str) -> int:
    """Levenshtein distance of ``a`` and ``b``."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (x != y))
    return row[-1]


def garbled_head(value: str) -> str | None:
    """The first word of the parent ``value`` when it is ``UBND`` garbled (within two letters, marks folded) before a
    unit's level; None otherwise (a body head as read, ``UBND`` itself, no level after it)."""
    words = value.split(maxsplit=1)
    if len(words) < 2 or words[0] == HEAD or not _LEVEL.match(fold_key(words[1])):
        return None
    folded = fold_key(words[0]).upper()
    if folded == HEAD:  # marks only: ``UBNĐ``, ``ƯBND``, ``UBÑD``
        return words[0]
    return words[0] if not is_body_head(fold_key(value)) and _distance(folded, HEAD) <= 2 else None


def mend_parent_head(f: Field) -> Field:
    """``f`` (the parent issuer) with a garbled ``UBND`` read back, the change said, its confidence at most NO_HEAD."""
    if isinstance(f.value, str) and (head := garbled_head(f.value)):
        f.read = f.read or f.value
        f.value, f.confidence = HEAD + f.value[len(head):], min(f.confidence, NO_HEAD)
        f.changes = [*f.changes, f"'{head}' -> '{HEAD}': a commune's parent body is written 'UBND' (Decree 30)"]
    return f
