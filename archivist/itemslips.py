"""A recipients item or a subject read with one slip the engine was sure of (issue 14 item 9, the sealed seeds
123-124; the subject's since session 37, :func:`subject_phrase_doubt`).

Why: two lists of HG124 were stored at 0.85 without a flag, each with one slip no earlier rule sees: a colon read
before an item's bracketed note (``UBND huyện Thủy Nguyên: (b/c)``), and a stock phrase with one letter misread
into another real syllable (``Các han, ngành`` for ``Các ban, ngành``: ``han`` is a syllable, so the syllable
checks pass it, and the capital of ``Các`` and the comma cut it from the word-pair rule's runs). The page gives
no rival reading for either; the evidence is the item's own words against how Decree 30 and the project's lexicon
write them. Measured on seeds 86-124 (bench/RESULTS.md, "Flags on the sealed seeds 123-124 (session 36)").
Flags only: no value is changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from .lexicon import load_lexicon
from .syllables import fold_marks
from .tokens import EDGE, split_edges
from .wordpairs import LONGEST, _near, canon, entries

#: a colon standing before an item's bracketed note (``Thủy Nguyên: (b/c)``)
_COLON_NOTE = re.compile(r":\s*\(")


def colon_note_doubt(items: Sequence[str]) -> str | None:
    """Why the recipients are doubtful: an item holds a colon right before a bracketed note (``UBND huyện Thủy
    Nguyên: (b/c)``). Decree 30 writes the note straight after the body's name, so the colon is a speck or a stroke
    the engine read as a mark (HG124 typewriter-10 kh-245). On seeds 86-124 this one item held such a colon."""
    for item in items:
        if _COLON_NOTE.search(item):
            return f"'{item}' has a colon before its note: a speck was read as a mark"
    return None


def syllable_core(token: str) -> str | None:
    """The token's syllable in :func:`archivist.wordpairs.canon` spelling, its marks at the edges cut off; None for
    a token that is no run of letters (a number, a code with a stroke)."""
    core = split_edges(token, EDGE)[1]
    return canon(core) if core.isalpha() else None


@lru_cache(maxsize=1)
def _phrases() -> tuple[tuple[tuple[str, ...], str], ...]:
    """The lexicon's phrases (``các ban, ngành``, ``trưởng các thôn``): their canon syllables, and as written."""
    out = []
    for words in load_lexicon().get("phrases", {}).values():
        cores = [syllable_core(w) for w in words]
        if len(cores) >= 2 and None not in cores:
            out.append((tuple(c for c in cores if c is not None), " ".join(words)))
    return tuple(out)


@lru_cache(maxsize=1)
def _phrase_index() -> tuple[tuple[int, ...], dict[tuple[int, int, tuple[str, ...]], tuple[int, ...]]]:
    """The phrases' lengths, and the phrases (their places in :func:`_phrases`) by (length, a place in the phrase,
    its syllables but that place's): a window of an item is then looked up once per place instead of being
    compared with all 285 phrases."""
    index: dict[tuple[int, int, tuple[str, ...]], list[int]] = {}
    for p, (phrase, _) in enumerate(_phrases()):
        n = len(phrase)
        for k in range(n):
            index.setdefault((n, k, phrase[:k] + phrase[k + 1:]), []).append(p)
    return tuple(sorted({len(phrase) for phrase, _ in _phrases()})), {k: tuple(v) for k, v in index.items()}


def slips(item: str) -> Iterator[tuple[int, str, str]]:
    """(the word's place in ``item``'s words, the lexicon phrase as written, the word as read) for each window of
    ``item`` holding the words of a lexicon phrase but for one, which is one confusion of it
    (:func:`archivist.wordpairs._near`: ``han`` for ``ban``, ``thên`` for ``thôn``), phrase by phrase in the
    lexicon's order, then window by window.

    Why by index (:func:`_phrase_index`): comparing every window with every phrase, in Python, was 4 CPU ms a
    document (about three items or subjects a document, 285 phrases); the same slips in the same order
    (tests/test_itemslips_index.py, bench/RESULTS.md issue 16 session 42)."""
    words = item.split()
    toks = [syllable_core(t) for t in words]
    phrases = _phrases()
    lengths, index = _phrase_index()
    found = []
    for n in lengths:
        for i in range(len(toks) - n + 1):
            window = toks[i:i + n]
            if None in window:
                continue
            syl = tuple(t for t in window if t is not None)
            for k in range(n):
                for p in index.get((n, k, syl[:k] + syl[k + 1:]), ()):
                    if syl[k] != phrases[p][0][k] and phrases[p][0][k] in _near(syl[k]):
                        found.append((p, i, k))  # the one place the window and the phrase differ
    for p, i, k in sorted(found):
        yield i + k, phrases[p][1], words[i + k].strip(EDGE)


def phrase_slip_doubt(items: Sequence[str]) -> str | None:
    """Why the recipients are doubtful: an item holds the words of a lexicon phrase but for one, which is one
    confusion of it (:func:`slips`). The stock phrases of a list are typed the same in every letter, so a near
    miss of one is a misread syllable. On seeds 86-124, of 2,196 lists stored, 4 items were so (HG103, HG111,
    HG112, HG124), all wrong."""
    for item in items:
        for _, written, read in slips(item):
            return f"'{item}' holds '{written}' but for one word, read '{read}': a syllable misread"
    return None


def in_word(toks: Sequence[str | None], j: int) -> bool:
    """Whether the ``j``-th of ``toks`` (:func:`syllable_core` syllables) stands in a word of the list of words
    (:func:`archivist.wordpairs.entries`) with its neighbours: ``tăng`` of ``tăng cường``."""
    words = entries()
    return any(None not in toks[a:a + n] and " ".join(t for t in toks[a:a + n] if t) in words
               for n in range(2, LONGEST + 1) for a in range(max(0, j - n + 1), min(j, len(toks) - n) + 1))


def subject_phrase_doubt(subject: str) -> str | None:
    """Why a subject is doubtful: it holds a lexicon phrase but for one word one confusion off (:func:`slips`),
    and that word stands in no word of the list with its neighbours. HG128 typewriter-09 cv-150's ``phòng, chống
    tụt bão`` for ``lụt bão`` (0.859): ``tụt`` (96.2, no rival) is a syllable, and ``lụt bão`` is in the lexicon's
    phrases, not in the list of words, so :func:`archivist.wordpairs.pair_doubt` is silent. The second condition
    keeps the right ``Về việc tăng cường`` (``việc tang``, a phrase, one mark off; ``tăng cường`` a word): on seeds
    86-124 and 127-128 the phrase slip alone named 39 wrong subjects and 24 right ones, all of them ``việc tăng``
    (bench/RESULTS.md, "Flags, hundred-and-first round onward (session 37)")."""
    toks = [syllable_core(t) for t in subject.split()]
    for j, written, read in slips(subject):
        if not in_word(toks, j):
            return f"'{read}' stands where the phrase '{written}' has a word one letter or mark off: a syllable misread"
    return None


def stock_item_doubt(items: Sequence[str]) -> str | None:
    """Why the recipients are doubtful: an item is as many words as a lexicon phrase, each a letter at most from
    the phrase's (marks aside), and is no phrase nor word of the lexicon itself (``Công an``, a letter from
    ``công văn``). HG125 speckle-23 ttr-111's ``Nụ tiên`` for ``Như trên`` (0.85): both words misread, so
    :func:`phrase_slip_doubt`, which wants the rest of the phrase read right, is silent, and
    ``nụ``, ``tiên`` are syllables. A stock phrase standing as an item is typed the same every time, so a whole
    item that near to one and not it is the phrase misread. Fitted on the opened sealed seeds 125-126
    (bench/RESULTS.md, "Flags, hundred-and-first round onward (session 37)")."""
    known = {phrase for phrase, _ in _phrases()}
    for item in items:
        words = [split_edges(w, EDGE)[1] for w in item.split()]
        if not all(w.isalpha() for w in words):
            continue
        own = tuple(canon(w) for w in words)
        if own in known or " ".join(own) in entries():  # ``Công an`` is a phrase itself, not ``công văn`` misread
            continue
        folded = [fold_marks(w) for w in words]
        for phrase, written in _phrases():
            if len(phrase) != len(words):
                continue
            if all(Levenshtein.distance(f, fold_marks(p)) <= 1 for f, p in zip(folded, phrase, strict=True)):
                return f"'{item}' is a letter off the stock phrase '{written}' in a word or more: the phrase misread"
    return None
