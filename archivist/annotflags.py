"""A review flag for a recipient's annotation read without its slash (``TT Đảng ủy xã (hè)`` for ``(b/c)``).

Why: a recipient of a document sent for information ends with the annotation ``(b/c)``, ``báo cáo``, or another
code of two letters and a slash (``t/h``, ``p/h``). A speck over the slash, or a typed one lost, leaves a short word
in brackets that is a syllable (``hè``), so no word or speck test doubts it (HG72 speckle-20-ttr-132-yen-thinh, read
at 0.85). On the fit basis (seeds 22-72 and HG47, 101 sets) every bracketed ending of a right list is ``(b/c)``
(841 items), and the 7 items ending in brackets of at most three letters and no slash (``(be)``, ``(B:c)``, ``(b e)``,
``(bzc)``, ``(bí)``, ``(hè)``) are all of wrong lists; the rule newly flags HG72's list (``(hè)``, the only one not
flagged already) and no right list (1,491). The list is flagged, never changed: what the annotation
was is the reviewer's to read. bench/RESULTS.md, "Flags, sixtieth round (session 30)".
"""

from __future__ import annotations

import re

#: a bracketed ending of an item: the annotation
_ENDING = re.compile(r"\(([^()]*)\)\W*$")
#: at most this many letters in an annotation read without a slash: a code, not words (``để biết``); a count of
#: copies (``(02)``) holds digits and is not one
MAX_CODE = 3


def annotation_doubt(items: list[str]) -> str | None:
    """Why the recipients are doubtful: an item ends with a bracketed word of at most ``MAX_CODE`` letters and no
    slash (``(hè)``): an annotation's code (``b/c``) whose slash was lost or misread. Digits (``(02)``) are no code."""
    for item in items:
        m = _ENDING.search(item)
        code = m.group(1) if m else ""
        letters = "".join(c for c in code if c.isalnum())
        if "/" not in code and letters.isalpha() and len(letters) <= MAX_CODE:
            return f"'({code})' ending '{item}': an annotation's code (b/c) read without its slash"
    return None
