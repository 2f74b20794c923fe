"""A name in a subject whose marks the stored value changed from what the engine read, as a review flag (issue 14
item 9, session 49).

Why: on session 48's sealed HG438, tables-29-qd-131's subject was stored ``… tại thôn Đồng Hạ`` for the printed
``thôn Đông Hạ`` (0.87) without a flag. The engine had read ``Đông`` at 95.3, right, with no rival; a later rule
gave the hamlet's name the marks of ``Đồng`` (the document's table writes ``Thôn Đồng Tâm``). Both are valid
syllables and names, so no list doubts the value, and the engine's own second choices say nothing: over 310 stored
runs under ``/work/runs`` no name word stored a mark away from the truth without a flag had a rival weighed at all
(bench/RESULTS.md, "Flags, tone twins (session 49)"). What the record does show is the change itself: a capitalised
word inside the subject (a place's or a person's name, not its opening word) whose stored marks are not the ones
the engine read there. Over the same runs nine such words were stored; seven were wrong (six flagged already by
other reasons), the two right ones flagged already. A name's marks are the one thing a reader cannot check against
any list, so the change is shown to the reviewer.

The signer's name, likewise: a name word the engine read with marks lost (faded48's HG450 faded-03-kh-006 read
``Lâm Văn Hung`` at 94.6 where ``Hưng`` is printed) gets them back from the lexicon, and where the lexicon lists
more than one spelling those letters could have lost marks from (``Hùng``, ``Hưng``), the first is a guess
(:func:`guessed_marks`). Only flags: the value is kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .faintflags import value_words
from .fields import Field
from .lexicon import name_spellings
from .marks import degraded
from .ocrtext import _fold

#: the punctuation a word of the value or the page may carry at its ends
_ENDS = ".,;:()\"'"


def _pairs(value: str, read: Sequence[str]) -> list[tuple[int, str, str]]:
    """Each word of ``value`` with the engine's word at the same place (``read``: the OCR words the value came from,
    in order), their end punctuation aside: (index, stored, read); none when the words do not pair one to one."""
    words = value.split()
    if len(words) != len(read):
        return []
    return [(i, mine.strip(_ENDS), theirs.strip(_ENDS))
            for i, (mine, theirs) in enumerate(zip(words, read, strict=True))]


def _read_words(f: Field | None, pages: Sequence[Any]) -> list[tuple[str, float, Any, int]] | None:
    """The OCR words the value ``f`` was read from, or None where there is no value to judge (none, empty, or
    flagged already: the first reason stands)."""
    if f is None or f.review or not isinstance(f.value, str) or not f.value:
        return None
    page = next((p for p in pages if p.number == f.page), None)
    return None if page is None else value_words(page.words, f)


def changed_names(value: str, read: Sequence[str]) -> list[tuple[str, str]]:
    """The capitalised words of the subject ``value`` (its first word aside) stored with other marks than the
    engine's word at the same place (``read``, as in :func:`_pairs`): (stored, read) pairs."""
    return [(mine, theirs) for i, mine, theirs in _pairs(value, read)
            if i and mine[:1].isupper() and mine.lower() != theirs.lower() and _fold(mine) == _fold(theirs)]


def flag_changed_marks(found: dict[str, Field], pages: Sequence[Any]) -> None:
    """Flag the subject (of ``found``) where :func:`changed_names` finds a name whose marks the stored value
    changed from the engine's reading (``pages``: the document's :class:`archivist.ocrtext.PageText`)."""
    f = found.get("subject")
    if (read := _read_words(f, pages)) is None or f is None:
        return
    if pairs := changed_names(str(f.value), [w[0] for w in read]):
        mine, theirs = pairs[0]
        conf = next(w[1] for w in read if w[0].strip(_ENDS) == theirs)
        f.review = (f"'{mine}' is stored where the engine read '{theirs}' at {conf:.1f}: a name's mark was changed "
                    "after reading, and the page may print either")


def guessed_marks(value: str, read: Sequence[str]) -> list[tuple[str, str, list[str]]]:
    """The words of the name ``value`` given marks the engine's word at the same place (``read``, as in
    :func:`_pairs`) lacked, where another listed spelling of those letters could have lost marks to it too:
    (stored, read, the other spellings)."""
    out = []
    for i, mine, theirs in _pairs(value, read):
        if mine.lower() == theirs.lower() or not degraded(theirs, mine):
            continue
        listed = name_spellings().get("surnames" if i == 0 else "given", {}).get(_fold(mine), set())
        if others := sorted(w for w in listed if w != mine.lower() and degraded(theirs, w)):
            out.append((mine, theirs, others))
    return out


def flag_guessed_marks(found: dict[str, Field], pages: Sequence[Any]) -> None:
    """Flag the signer (of ``found``) where :func:`guessed_marks` finds a name word whose lost marks the lexicon
    could give back more than one way (``pages``: the document's :class:`archivist.ocrtext.PageText`)."""
    f = found.get("signer")
    if (read := _read_words(f, pages)) is None or f is None:
        return
    if guessed := guessed_marks(str(f.value), [w[0] for w in read]):
        mine, theirs, others = guessed[0]
        names = ", ".join(f"'{w[:1].upper()}{w[1:]}'" for w in others)
        f.review = (f"'{theirs}' was read with marks lost and stored '{mine}'; {names} spells these letters too: the "
                    "marks were guessed")
