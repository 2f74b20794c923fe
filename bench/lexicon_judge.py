"""Judges of a line's readings by context (archivist/wordlist.py), and the same list used for issue 14 item 8.

Why: a faded misreading is mostly still a valid syllable (``BẠN`` for ``BAN``, ``nai`` for ``hai``), so the
syllable set cannot tell two readings of a faded line apart, nor can Tesseract's confidence (bench/RESULTS.md,
"Weak lines read a second time (session 22)"). The word list and why it is that one: archivist/wordlist.py
(pyvi 0.1.1's ``words.txt``, MIT). The judge adopted is ``archivist.reread.judged``; the others measured in
bench/reread_ab.py live here, with :func:`in_context` (item 8: a valid syllable that makes no word with its
neighbours corrected to one that does; measured with bench/postcorrect.py ``--context``, not adopted).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np

from archivist.models import Word
from archivist.reread import judged
from archivist.syllables import tone_of, toneless
from archivist.wordlist import LETTERS as _LETTERS
from archivist.wordlist import Lexicon, canon, load  # noqa: F401  (load: what reread_ab.py calls)

#: Ranks a line's reading: higher is better.
Key = Callable[[Sequence[Word]], tuple[float, ...]]


def tokens_of(line: Sequence[Word]) -> list[str]:
    return [t for w in line for t in _LETTERS.findall(w.text)]


def _conf(line: Sequence[Word]) -> float:
    return float(np.mean([w.conf for w in line])) if line else 0.0


def by_words(lex: Lexicon) -> Key:
    """(syllables standing in known words, mean confidence): more words first, confidence breaks ties."""
    def key(line: Sequence[Word]) -> tuple[float, ...]:
        return lex.covered(tokens_of(line)), _conf(line)
    return key


def by_share(lex: Lexicon) -> Key:
    """(share of the line's syllables standing in known words, mean confidence)."""
    def key(line: Sequence[Word]) -> tuple[float, ...]:
        toks = tokens_of(line)
        return (round(lex.covered(toks) / len(toks), 3) if toks else 0.0), _conf(line)
    return key


def by_points(points: float, prior: float = 0.0) -> Key:
    """Mean confidence + ``points`` per syllable standing in a known word (+ ``prior`` times the mean
    log-use of the syllables): ``archivist.reread.judged`` with these weights."""
    def key(line: Sequence[Word]) -> tuple[float, ...]:
        return (judged(line, points, prior),)
    return key


def _near(core: str) -> set[str]:
    """Valid syllables one confusion from ``core`` (a tone mark, or one vowel mark or glyph of ocrfix's table)."""
    from archivist.ocrfix import _by_toneless, _variants  # the corrector's own confusion table, not a copy

    index = _by_toneless()
    tone = tone_of(core)
    return {syl for bare, cost in _variants(toneless(core)).items() if cost <= 1
            for syl in index.get(bare, ()) if cost + (tone_of(syl) != tone) <= 1} - {core}


def _fits(lex: Lexicon, syl: str, left: list[str], right: list[str]) -> bool:
    """``syl`` makes a known two-syllable word with its left or its right neighbour."""
    return any((canon(left[0]), canon(syl)) in lex.words for _ in left[:1]) \
        or any((canon(syl), canon(right[0])) in lex.words for _ in right[:1])


def _paired(lex: Lexicon, a: Word, b: Word) -> bool:
    """``a`` and ``b``, adjacent on one line with no punctuation between, make a known word."""
    ta, tb = _LETTERS.findall(a.text)[-1:], _LETTERS.findall(b.text)[:1]
    return a.line == b.line and bool(ta and tb) and a.text[-1:].isalpha() and b.text[:1].isalpha() \
        and (canon(ta[0]), canon(tb[0])) in lex.words


def in_context(words: list[Word], lex: Lexicon, below: float = 90.0, bound: bool = False) -> list[Word]:
    """Issue 14 item 8 by context: a word in small letters, read under ``below``, that is a valid syllable
    yet makes no known word with a neighbour on its line (``dần`` in ``người dần``), becomes the one syllable
    one confusion away that does (``người dân``). None or several such: the word is kept. Capitals (names,
    headings), digits and confident words are never touched. ``bound``: a neighbour that already makes a word
    with its other neighbour is no context (a syllable is in one word: ``hiệu lực kể`` is no ``lực kế``)."""
    out = list(words)
    for i, w in enumerate(words):
        core = w.text.strip("()[]{}.,;:!?\"'`‘’“”-–—…")
        if not core or not core.isalpha() or not core.islower() or w.conf >= below:
            continue
        # a neighbour on the same line, with no punctuation between (``thường, xuyên`` is no ``thường xuyên``)
        left = _LETTERS.findall(out[i - 1].text)[-1:] if i and words[i - 1].line == w.line \
            and out[i - 1].text[-1:].isalpha() and w.text[:1].isalpha() else []
        right = _LETTERS.findall(words[i + 1].text)[:1] if i + 1 < len(words) and words[i + 1].line == w.line \
            and w.text[-1:].isalpha() and words[i + 1].text[:1].isalpha() else []
        if bound:  # a neighbour already in a word with its other neighbour (``hiệu lực``) is in no other
            left = [] if i > 1 and _paired(lex, out[i - 2], out[i - 1]) else left
            right = [] if i + 2 < len(words) and _paired(lex, words[i + 1], words[i + 2]) else right
        if (left or right) and not _fits(lex, core, left, right):
            good = [s for s in _near(core) if _fits(lex, s, left, right)]
            if len(good) == 1:
                out[i] = replace(w, text=w.text.replace(core, good[0], 1))
    return out
