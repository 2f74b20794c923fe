"""The administrative level words and a body's head, written once, with the few patterns the rules derive.

Why: a unit is named after its level word (``XÃ MỸ LỘC``, ``huyện Can Lộc``, ``Thị trấn Yên Bình``) and a body
after its head (``ỦY BAN NHÂN DÂN``, ``UBND``), and a dozen rules read them: the unit-name checks
(``crosscheck``), a body's structure (``structflags``), a parent's rank (``parentflags``), a level word's case or
marks (``codeflags``, ``listflags``), the place's twin spellings and glued words (``agreement``), the name in a
body (``extract``), the confirmations, a fonds' commune (``indexrows``). Until session 32 each wrote its own list,
and the lists had drifted apart (one knew ``đặc khu``, another not; one ``thị xã``, another not); here they are
one table, and a rule that needs fewer words says which by a named subset, not by a list of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: every level word of the unit lists and of Decree 30's bodies' names, in small letters, with its level:
#: 1 commune (a ward, a town, a special zone), 2 district, 3 province. ``thành phố`` is a district-level city or
#: a centrally run one, so it gives no level; ``thị xã`` is a district-level town.
LEVELS: dict[str, int | None] = {"xã": 1, "phường": 1, "thị trấn": 1, "đặc khu": 1,
                                 "huyện": 2, "quận": 2, "thị xã": 2, "thành phố": None, "tỉnh": 3}
#: the level words of a commune-level unit (a fonds' commune, a place line's)
COMMUNE = tuple(w for w, n in LEVELS.items() if n == 1)
#: the level words a district's body may carry (``thành phố`` among them: a district-level city)
DISTRICT = tuple(w for w, n in LEVELS.items() if n in (2, None))
#: the level words written as one word: what a word-by-word check can compare (``HĐND xã``, ``tại Xã``)
ONE_WORD = tuple(w for w in LEVELS if " " not in w)
#: the short forms a unit's name may open with (``TP. Hồ Chí Minh``, ``H. Can Lộc``)
SHORT = ("tp.", "tp", "h.")

#: a people's committee's head, whole (Circular 55's ``UỶ`` too) and short
COMMITTEE_HEADS = ("ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "UBND")
#: a people's council's head, whole and short
COUNCIL_HEADS = ("HỘI ĐỒNG NHÂN DÂN", "HĐND")
BODY_HEADS = COMMITTEE_HEADS + COUNCIL_HEADS


def alternation(words: Iterable[str], spaces: str = " ") -> str:
    """``words`` as a regular expression's alternatives, longest first (so ``thị xã`` is tried before ``xã`` where
    both could start), each space written ``spaces`` (``\\s+`` where a line may hold more than one)."""
    return "|".join(re.escape(w).replace(r"\ ", spaces) for w in sorted(words, key=len, reverse=True))


def level_opening(words: Iterable[str]) -> re.Pattern[str]:
    """A level word of ``words`` in any case, at the start or after a space, with the spaces after it: what
    opens a unit's name inside a line (``xã Cẩm Thạch``, ``UBND HUYỆN CAN LỘC``)."""
    return re.compile(rf"(?i)(?:^|(?<=\s))(?:{alternation(words)})\s+")


#: any level word or short form opening a unit's name
LEVEL = level_opening([*LEVELS, *SHORT])


def capital_level(words: Iterable[str]) -> tuple[str, str] | None:
    """The first level word after the first of ``words`` written with a capital (``Xã`` in ``tại Xã Trung
    Nghĩa``), as ``(word before, level word)`` with its closing ``,;.`` left off, or None. Decree 30 writes a
    level word small inside a text or a list item, so a capital there is a misread case."""
    seq = list(words)
    for before, word in zip(seq, seq[1:], strict=False):
        bare = word.rstrip(",;.")
        if bare.lower() in ONE_WORD and bare == bare.capitalize():
            return before, bare
    return None
