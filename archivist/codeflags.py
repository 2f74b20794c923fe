"""Review flags from a body's code where Decree 30 fixes what goes with it: the issuer's code inside the number,
the level word after a code in a recipients list (forty-eighth round of issue 14 item 9), and a level word's case
inside running text (fifty-sixth round).

Why: on sealed seed 59 two wrong values stood unflagged, each read with the engine sure of it and each a form the
project's tables accept (bench/RESULTS.md, "Flags, forty-eighth round (session 29)"):

- HG59 kh-226's number ``226/KH-UB`` for ``226/KH-UBND`` (a faded page, read without its ``Số:`` label, stored at
  0.8): ``UB`` is a known code part, so the number parses. A people's committee signs its papers ``UBND``; on the
  fit basis no right number ends ``-UB`` at all, and the three that did were ``UBND`` with its end lost.
- HG59 bc-234's recipients ``TT Đảng ủy, HĐND xả`` for ``xã`` (94.9, no rival): after a body's code
  (``HĐND``, ``UBND``) comes its level (``xã``, ``phường``, ``huyện``, ``tỉnh``, ``quận``), so a word there with a
  level word's letters and other marks is the level word misread. ``xả`` is a syllable, so no syllable check
  doubts it. A name after a name (``huyện Định Quán``) is no code's neighbour and is left alone.

- HG66 typewriter-11 bc-047's subject ``… khắc phục hậu quả tại Xã Trung Nghĩa`` for ``tại xã`` (0.735): the page's
  typed ``x`` read ``X`` (its body too: ``Ủy ban nhân dân Xã``, ``Xử Lý``). Decree 30 writes a level word small
  inside running text, before the unit's name; on the fit basis of session 30 (seeds 22-66 and HG47) no right
  value and no truth of any field holds a capital level word after its first word, and 18 stored wrong values of
  the running-text fields do (17 flagged otherwise, the target not). Recipients lists are
  :func:`archivist.listflags.level_case_doubt`'s already; :func:`text_level_doubt` covers the running-text fields.
  Names (signer, person) are left alone.

All only flag; the value stays as read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .fields import Field, flag_recipients
from .levelwords import ONE_WORD, capital_level
from .syllables import fold_marks
from .textnorm import normalize
from .tokens import EDGE as _EDGE
from .wordingflags import FIXED_HEADS

#: a number's issuer code that is a people's committee's own ``UBND`` cut short
CUT_CODE = "UB"
#: a body's level words by their letters, as a list writes them after the body's code (``HĐND xã``, ``UBND huyện``)
_LEVEL_LETTERS = {fold_marks(w): w for w in ONE_WORD}
#: a body's code: two capitals or more (``HĐND``, ``UBND``, ``UBMTTQ``)
_CODE = re.compile(r"^[A-ZĐ]{2,}$")


def _committee(issuer: Field | None) -> bool:
    """Whether the issuer is a people's committee (its fixed head ``ỦY BAN NHÂN DÂN``, one of its four words
    perhaps misread: TW140 typewriter-11-kh-073's ``ỦY BAN NšXÂN DÂN`` over ``73/KH-UB``, session 40's flags117) or
    was not found. Two words off is another body (``ỦY BAN MẶT TRẬN``, ``HỘI ĐỒNG NHÂN DÂN``)."""
    if issuer is None or not isinstance(issuer.value, str) or not issuer.value:
        return True
    words = normalize(issuer.value).upper().split()
    head = FIXED_HEADS[0]
    return len(words) >= len(head) and sum(w not in forms for w, forms in zip(words, head, strict=False)) <= 1


def cut_code_doubt(number: str, issuer: Field | None) -> str | None:
    """Why a number is doubtful: its part after the type is :data:`CUT_CODE` alone (``226/KH-UB``) where the
    issuer is a people's committee, whose code is ``UBND``: the code's end was lost."""
    symbol = number.rsplit("/", 1)[-1]
    if symbol.rsplit("-", 1)[-1] == CUT_CODE and "-" in symbol and _committee(issuer):
        return f"the issuer's code in '{number}' is '{CUT_CODE}' alone: a people's committee's 'UBND' cut short"
    return None


def level_mark_doubt(items: Sequence[str]) -> str | None:
    """Why a recipients list is doubtful: in an item, a word right after a body's code has a level word's
    letters with other marks (``HĐND xả``): the level word misread."""
    for item in items:
        words = [w.strip(_EDGE + "()") for w in normalize(item).split()]
        for code, word in zip(words, words[1:], strict=False):
            level = _LEVEL_LETTERS.get(fold_marks(word.lower()))
            if level and word.lower() != level and _CODE.match(code):
                return f"'{code} {word}': after a body's code comes its level '{level}', here with other marks"
    return None


#: the running-text fields whose level words Decree 30 writes small after their first word (names left out: a
#: person may be named so; the recipients are :func:`archivist.listflags.level_case_doubt`'s)
TEXT_FIELDS = ("subject", "place", "issuer", "parent_issuer", "signer_position", "authority")


def text_level_doubt(value: str) -> str | None:
    """Why a running-text value is doubtful: a level word after its first word has a capital (``tại Xã Trung
    Nghĩa``): Decree 30 writes it small there, so its case was misread (and likely the page's other ``x`` s)."""
    if found := capital_level(normalize(value).split()):
        before, bare = found
        return (f"'{before} {bare}': Decree 30 writes the level word '{bare.lower()}' small inside text; its "
                "case was misread")
    return None


def flag_codes(found: dict[str, Field]) -> None:
    """Mark for review a number whose issuer code is a committee's cut short, a recipients list with a level
    word misread after a body's code, and a running-text value with a capital level word inside."""
    for name in TEXT_FIELDS:
        f = found.get(name)
        if f is not None and not f.review and isinstance(f.value, str):
            f.review = text_level_doubt(f.value)
    num = found.get("number_symbol")
    if num is not None and not num.review and isinstance(num.value, str):
        num.review = cut_code_doubt(num.value, found.get("issuer"))
    flag_recipients(found, level_mark_doubt)
