"""A consonant a speck on its stroke turned into another (``biện`` for ``hiện``, ``tông`` for ``công``), read again.

Why: after session 42's first round "letters confused" is the largest class of words lost on the speckled 200 dpi
pages (89 of 479 on fit seeds 222-225, bench/RESULTS.md, "Speckled pages, sixth round"). The odd-syllable step of
:mod:`archivist.speckread` takes other marks on the same letters only, never another letter: the list alone cannot
tell a speck's letter from the page's (session 39: ``dài`` read again ``đài``). Here the image decides and the list
only guards: a syllable of a small-letter run that stands in no word of the list with its neighbours is read again
alone, and changed only to a reading that is the same syllable with one consonant changed (same vowels, marks and
tone) that, in its place, makes a word of the list with them. Names, numbers, codes and abbreviations are never
asked about: a word with a capital or a digit cuts a small-letter run (:func:`archivist.fadedread.small_runs_places`).
"""

from __future__ import annotations

from functools import lru_cache

from .models import Word
from .ocr import nfc
from .tokens import EDGE, split_edges

#: The consonant letters one of which a speck on a stroke can turn into another (``h``/``b``, ``c``/``t``,
#: ``n``/``p``); vowels and their marks are the odd-syllable step's (:func:`archivist.speckread._tone_reading`).
CONSONANTS = "bcdđghklmnpqrstvx"


@lru_cache(maxsize=8192)
def letter_alternatives(syllable: str) -> frozenset[str]:
    """The syllables in use (:func:`archivist.syllables.attested`) that are ``syllable`` (small letters) with one
    consonant letter changed into another, the vowels, marks and tone kept: ``hiện`` for ``biện``."""
    from .syllables import attested, by_toneless, tone_of, toneless

    index, bare, tone = by_toneless(), toneless(syllable), tone_of(syllable)
    out: set[str] = set()
    for i, ch in enumerate(bare):
        if ch not in CONSONANTS:
            continue
        for c in CONSONANTS:
            if c != ch:
                out.update(s for s in index.get(bare[:i] + c + bare[i + 1:], ()) if tone_of(s) == tone)
    out.discard(syllable)
    return frozenset(out & attested())  # a syllable the model's words use, not one the spelling rules merely allow


def _capital_beside(words: list[Word], k: int, before: bool) -> str | None:
    """The capitalised word just before (``before``) or after word ``k`` on its line, in small letters, when no mark
    stands between them; None otherwise."""
    j = k - 1 if before else k + 1
    if not 0 <= j < len(words) or words[j].line != words[k].line:
        return None
    first, second = (words[j], words[k]) if before else (words[k], words[j])
    if split_edges(nfc(first.text), EDGE)[2] or split_edges(nfc(second.text), EDGE)[0]:
        return None
    core = split_edges(nfc(words[j].text), EDGE)[1]
    return core.lower() if core.isalpha() and core[:1].isupper() and core[1:].islower() else None


def _with_capitals(words: list[Word], k: int, read: list[str], i: int) -> tuple[list[str], int]:
    """The run of word ``k`` (syllable ``i`` of ``read``) with a capitalised word of its line just before or after
    it taken in, in small letters: a run of small letters is cut by a capital, yet ``phí`` stands in ``Kinh phí``."""
    head = [c] if (c := _capital_beside(words, k - i, True)) else []
    tail = [c] if (c := _capital_beside(words, k - i + len(read) - 1, False)) else []
    return head + read + tail, i + len(head)


def lone_syllables(words: list[Word], place: dict[int, tuple[list[str], int]]) -> dict[int, tuple[list[str], int]]:
    """The words of ``place`` (:func:`archivist.fadedread.small_runs_places` of ``words``) that stand in no word of
    the list with their neighbours (a capitalised one beside the run too: ``Kinh phí``) while one consonant changed
    would make one: the only words :func:`consonant_reading` may change, so the only ones worth reading again (a run's
    lone ``và``, ``của`` has no such change). A syllable in use is asked about only when its neighbours are
    syllables in use too: beside a spoilt one it stands in no word through no fault of its own (``hết`` of ``đến hết
    rgày`` read again ``tết``, which makes ``đến tết``)."""
    from .syllables import attested
    from .wordpairs import in_a_word

    out: dict[int, tuple[list[str], int]] = {}
    for k, (read, i) in place.items():
        if len(read) < 2 or in_a_word(*_with_capitals(words, k, read, i)):
            continue
        if read[i] in attested() and not all(s in attested() for s in read[max(i - 1, 0):i + 2]):
            continue  # a syllable in use beside a spoilt one: the neighbour's fault (``đến hết rgày``, seed 222)
        if any(in_a_word(read[:i] + [alt] + read[i + 1:], i) for alt in letter_alternatives(read[i])):
            out[k] = (read, i)
    return out


def consonant_reading(read: list[str], i: int, readings: list[str]) -> str | None:
    """The syllable a reading (its edges' marks aside) shows for syllable ``i`` of ``read`` when it is one consonant
    away (:func:`letter_alternatives`) and makes a word of the list with the neighbours as read; None otherwise,
    and None when two readings show two such syllables (the image does not settle it)."""
    from .wordpairs import in_a_word

    alts = letter_alternatives(read[i])
    found = {core for r in readings if (core := split_edges(r, EDGE)[1]) in alts
             and in_a_word(read[:i] + [core] + read[i + 1:], i)}
    return found.pop() if len(found) == 1 else None
