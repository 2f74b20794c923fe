"""A subject's syllable that stands alone between two words, its tone mark lost (issue 14 item 9, session 35).

Why: AT89 08-2 hd-022 and AT92 07 hd-077 stored ``Về việc sửa chữa câu dân sinh …`` for ``cầu dân sinh`` (a
bridge; 0.866 and 0.88, unflagged): on a bilevel page the grave over the circumflex of ``ầ`` was lost, and the engine
was sure of ``câu`` (95-96). ``câu`` is a syllable, so the syllable checks pass it, and the word-list rule
(:func:`archivist.wordpairs.pair_doubt`) is silent: ``câu`` makes no word with ``chữa`` or ``dân``, and neither does
``cầu`` (``cầu dân sinh`` is no entry of the list), so one confusion makes no word either.

What the list does tell: ``câu`` stands between two of its words (``sửa chữa``, ``dân sinh``), a word of its own,
and the same syllable with a tone mark, ``cầu``, is the far commoner word: it stands in 218 words of the list,
``câu`` in 88. A tone mark stacked over a circumflex, breve or horn (``ầ``, ``ặ``, ``ờ``) is the mark a faint or
bilevel scan loses (:mod:`archivist.markheight` measures the same stacked mark on names). So a subject is doubted
when a syllable in small letters:

- stands in no word of the list with its neighbours, while both neighbours stand in words (a one-syllable word
  between two others);
- has no tone mark, over a vowel that carries another mark (``â ê ô ă ơ ư``);
- has a sibling with a tone mark (the same letters) standing in at least :data:`COMMONER` times as many words of
  the list.

Measured on the check sets' subjects (seeds 86-116, 2,046 read right): no right subject has such a syllable (the
lone syllables between two words without a tone mark are ``sân``, ``công``, ``trên``, ``nơi``: their marked
siblings are rarer words); the two wrong ones above are the only wrong ones. Fitted on those two (seeds 89 and 92),
so a narrow rule. It flags; it never changes the value (``câu`` is a word, and which word the scan printed only a
person can tell).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from . import syllables, wordpairs
from .syllables import by_toneless, tone_of
from .tesswords import derived_lines, model_digest
from .wordpairs import _runs, _spans, canon, entries, list_path

#: how many times as many words of the list the marked sibling must stand in: clearly the commoner word (``cầu``
#: 218 to ``câu`` 88; ``thần`` 213 to ``thân`` 210 is no such case)
COMMONER = 2
#: the vowels that carry a mark of their own, over which a tone mark is stacked
_HATTED = frozenset("âêôăơư")


def _build() -> Iterator[str]:
    """``syllable<TAB>sibling`` (canon, as written) for every syllable without a tone mark over a marked vowel whose
    sibling with one stands in :data:`COMMONER` times as many words of the list."""
    counts: Counter[str] = Counter()
    for entry in entries():
        counts.update(set(entry.split()))
    for bare, spelt in by_toneless().items():
        if not _HATTED & set(bare):
            continue
        marked = [s for s in spelt if tone_of(s)]
        best = max(marked, key=lambda s: counts[canon(s)], default=None)
        for syl in (s for s in spelt if not tone_of(s)):
            if best is not None and counts[canon(best)] >= COMMONER * max(counts[canon(syl)], 1):
                yield f"{canon(syl)}\t{best}"


@lru_cache(maxsize=1)
def _siblings() -> dict[str, str]:
    """:func:`_build`'s table by syllable, kept in the user's cache as the list's words are (built in 0.07 CPU s,
    read back in a few ms: issue 16's fixed cost); empty without the list."""
    path = list_path()
    if path is None:
        return {}
    sources = [Path(__file__), Path(wordpairs.__file__), Path(syllables.__file__)]
    lines = derived_lines("lonemarks", sources, _build, data=model_digest(path))
    return dict(line.split("\t", 1) for line in lines if "\t" in line)


def marked_sibling(syl: str) -> str | None:
    """The sibling of ``syl`` (as written, small letters) with a tone mark that stands in :data:`COMMONER` times as
    many words of the list as ``syl``, or None: ``syl`` carries a tone mark, or no mark under it, or no sibling is
    so much commoner."""
    return _siblings().get(canon(syl))


def lone_marks(value: str) -> list[tuple[str, str]]:
    """(the syllable as read, its commoner marked sibling) for each syllable of ``value`` in small letters that
    stands alone between two words of the list (:func:`marked_sibling`)."""
    words, found = entries(), []
    for read in _runs(value) if words else ():
        run = [canon(s) for s in read]
        taken = {i for a, b in _spans(run, words) for i in range(a, b)}
        for i in range(1, len(run) - 1):
            if i not in taken and {i - 1, i + 1} <= taken and (sib := marked_sibling(read[i])):
                found.append((read[i], sib))
    return found


def lone_mark_doubt(value: object) -> str | None:
    """Why a subject is doubtful: a syllable of it stands alone between two words, without a tone mark, where
    the same letters with one are the commoner word (``sửa chữa câu dân sinh``: ``cầu``): a stacked mark lost."""
    lone = lone_marks(value) if isinstance(value, str) else []
    if not lone:
        return None
    read, sibling = lone[0]
    return f"'{read}' stands alone between two words; '{sibling}', its letters with a tone mark, is the commoner " \
           "word: a mark may be lost"
