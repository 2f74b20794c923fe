"""Which of the engine's rival letters in a signer's name word the name list answers (flags161, issue 14 item 9).

Why: :func:`archivist.chardoubt.name_letter_doubt` flags a signer when the engine weighed another letter for one of
its name's letters within 30 points. On session 43's 85 sets and session 44's runs it flagged 102 right signers and
18 wrong ones; in 86 of the right ones the word was stored as read, is a listed name, and the rival letter spells
no name at all (``Trinh`` with ``ỉ`` weighed: ``Trỉnh``), and in most of the rest the restorer had put a listed
surname back over a misread one and the rival spells the same letters marked otherwise (``Định`` read, stored
``Đinh``, rival ``ỉ``: ``Đỉnh``). A rival that spells no name cannot be the printed name when the stored word is
one: the doubt it raises is answered by the list. Every wrong signer it flagged kept a doubt: its word spells no
listed name as stored (``Đã``, ``Lai``, ``ĐỖ`` in capitals), its rival spells a name (``Đỗ``), its rival changes a
restored word's letters (``Trị`` stored ``Trí``), or its name has two words, one lost (``Thanh Trinh`` for
``Lương Thanh Trinh``), and a name of fewer than three words keeps every rival. A name the list lacks
(a real archive's) keeps every rival too: the list answers only for the names it holds.
"""

from __future__ import annotations

from collections.abc import Sequence

from .lexicon import LETTERS, name_spellings, other_names
from .namerival import listed
from .ocrtext import _fold
from .syllables import toneless

Rival = tuple[int, str, float, float]
#: a signer's name of fewer words than this keeps every rival: a word of it may be lost (``Thanh Trinh``)
WHOLE_NAME_WORDS = 3


def spells_name(word: str, index: int) -> bool:
    """Whether ``word`` (letters, any case) is a listed spelling of a name's word at ``index`` (0: the family name),
    or a real name the lexicon lists apart beside one (``[other surnames]``, ``[other given]``)."""
    small = word.lower()
    return small in listed(index) or small in other_names()["surnames" if index == 0 else "given"]


def only_spelling(word: str, index: int, other: str = "") -> bool:
    """Whether ``word`` is the one listed spelling of its letters at ``index`` that the rival's word ``other`` (the
    same letters marked otherwise) leaves in doubt: ``Trinh`` is the one spelling of ``trinh``; ``Anh`` is not the
    one of ``anh`` (``Ánh`` is listed too), so a rival tone on it (``Ảnh``) still says its tone is in doubt; ``Vân``
    beside a rival tone (``Vần``) is, though ``Văn`` is listed: the rival keeps the circumflex, and only a spelling
    whose tone alone differs (none is) is what a doubt about the tone could mean."""
    section = name_spellings().get("surnames" if index == 0 else "given", {})
    others = section.get(_fold(word.lower()), set()) - {word.lower()}
    if toneless(other.lower()) == toneless(word.lower()):
        others = {o for o in others if toneless(o) == toneless(word.lower())}
    return word.lower() in section.get(_fold(word.lower()), set()) and not others


def _value_index(words: Sequence[str], read: str) -> int | None:
    """Which word of the name ``words`` the OCR word's letters ``read`` were stored as: the same letters as read,
    else the one of the same letters marked otherwise (a word the restorer changed); None when none is."""
    same = [i for i, w in enumerate(words) if w == read]
    folded = [i for i, w in enumerate(words) if _fold(w.lower()) == _fold(read.lower())]
    return (same or folded or [None])[0]


def name_unanswered(text: str, rivals: Sequence[Rival], value: str) -> list[Rival]:
    """The rivals of the signer's OCR word ``text`` that the name list does not answer. A rival is answered when the
    name ``value`` has WHOLE_NAME_WORDS words or more, the word ``text`` was stored as is written as a listed name
    (capital first, the rest small: ``ĐỖ`` is no name as written), and the word the rival makes spells no name at
    its place while it either keeps the read letters' word as stored or only marks the same letters otherwise."""
    words = LETTERS.findall(value)
    runs = LETTERS.findall(text)
    if len(words) < WHOLE_NAME_WORDS or len(runs) != 1:
        return list(rivals)
    at_word = _value_index(words, runs[0])
    if at_word is None:
        return list(rivals)
    stored = words[at_word]
    if stored != stored[:1].upper() + stored[1:].lower() or not spells_name(stored, at_word):
        return list(rivals)
    out = []
    for r in rivals:
        at, rival = r[0], r[1]
        other = "".join(LETTERS.findall(text[:at] + rival + text[at + 1:])) if 0 <= at < len(text) else ""
        if other.lower() == stored.lower() and other[:1] == stored[:1]:
            continue  # a small letter weighed as its capital inside the word (``HỮu``): the same name
        marks_only = _fold(other.lower()) == _fold(stored.lower())
        answered = not spells_name(other, at_word) and (
            marks_only and only_spelling(stored, at_word, other) or not marks_only and runs[0] == stored)
        if not other or not answered:
            out.append(r)
    return out
