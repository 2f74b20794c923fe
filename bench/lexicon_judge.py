"""A judge of a line's readings by context: how many of its syllables stand in known Vietnamese words.

Why: a faded misreading is mostly still a valid syllable (``BẠN`` for ``BAN``, ``nai`` for ``hai``), so the
syllable set of archivist/syllables.py cannot tell two readings of a faded line apart, and Tesseract's
confidence does no better (bench/RESULTS.md, "Weak lines read a second time (session 22)"). Vietnamese
words are mostly two syllables or more (``ủy ban``, ``nhân dân``, ``hộ tịch``): a reading whose adjacent
syllables make such words, and whose syllables are ones many words use, is likelier the printed one.

The word list is ``pyvi/models/words.txt`` of the PyPI package pyvi 0.1.1 (MIT licence): 31,157 entries, 25,415
of two syllables or more. It is not copied into the project: :func:`words_path` downloads the pinned wheel from
PyPI once (``pip download``, no dependencies, no install), checks the list's SHA-256 and keeps it in
archivist's cache folder (:func:`archivist.tesswords.cache_dir`).
Not the sample generator's text (that would score on the answer), and not Tesseract's own ``vie``
dictionary, whose 7,181 entries are single syllables (archivist already uses them: ``syllables.attested``).

Measured in bench/reread_ab.py (faded lines read again) and, with :func:`in_context`, for issue 14 item 8 in
bench/postcorrect.py ``--context``; neither adopted (bench/RESULTS.md, "Faded lines judged by their words
(session 23)").
"""

from __future__ import annotations

import hashlib
import math
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from archivist.fsutil import atomic_write_bytes
from archivist.models import Word
from archivist.syllables import tone_of, toneless
from archivist.tesswords import cache_dir

#: The pinned source of the word list, and the list's own SHA-256 (pyvi 0.1.1's wheel on PyPI).
PYVI = "pyvi==0.1.1"
WORDS_SHA256 = "517743d27e71d43343e4b8e9e89015cdc68d84ebe1d48106449e501d918ece4a"
#: The longest word looked for, in syllables (4 covers ``ủy ban nhân dân``; longer entries are rare).
LONGEST = 4
_LETTERS = re.compile(r"[^\W\d_]+")

#: Ranks a line's reading: higher is better.
Key = Callable[[Sequence[Word]], tuple[float, ...]]


def canon(token: str) -> str:
    """One spelling of a syllable whatever its case and tone placement: the list writes ``uỷ ban`` and
    ``hoà``, the pages ``ủy ban`` and ``hòa``; the tone goes after the toneless syllable."""
    low = unicodedata.normalize("NFC", token.lower())
    return toneless(low) + tone_of(low)


@dataclass(frozen=True)
class Lexicon:
    """Words of two syllables or more (tuples of :func:`canon` syllables), and how many words of the list
    each syllable stands in (``hai`` in many, ``nai`` in few)."""

    words: frozenset[tuple[str, ...]]
    uses: Counter

    def covered(self, tokens: Sequence[str]) -> int:
        """How many of ``tokens`` (in order) stand in a known word: inside a run of 2..LONGEST adjacent
        tokens that is one."""
        keys = [canon(t) for t in tokens]
        hit = [False] * len(keys)
        for n in range(2, LONGEST + 1):
            for i in range(len(keys) - n + 1):
                if tuple(keys[i:i + n]) in self.words:
                    hit[i:i + n] = [True] * n
        return sum(hit)

    def prior(self, tokens: Sequence[str]) -> float:
        """Mean over ``tokens`` of log(1 + words the syllable stands in): 0 for a syllable in none."""
        if not tokens:
            return 0.0
        return sum(math.log1p(self.uses.get(canon(t), 0)) for t in tokens) / len(tokens)


def words_path() -> Path:
    """The word list in the cache, fetched from PyPI the first time (atomically: temp file, then rename)."""
    target = cache_dir() / "pyvi-0.1.1-words.txt"
    if target.exists():
        return target
    with tempfile.TemporaryDirectory() as d:
        subprocess.run([sys.executable, "-m", "pip", "download", PYVI, "--no-deps", "-q", "-d", d], check=True)
        wheel = next(Path(d).glob("pyvi-*.whl"))
        data = zipfile.ZipFile(wheel).read("pyvi/models/words.txt")
    if hashlib.sha256(data).hexdigest() != WORDS_SHA256:
        raise RuntimeError(f"{wheel.name}: pyvi/models/words.txt is not the list the bench was measured with")
    atomic_write_bytes(target, data)
    return target


@lru_cache(maxsize=4)
def load(path: Path | None = None) -> Lexicon:
    """The list (:func:`words_path`) as a :class:`Lexicon`, read once."""
    path = path or words_path()
    words: set[tuple[str, ...]] = set()
    uses: Counter = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        sylls = tuple(canon(s) for s in line.split())
        if not sylls:
            continue
        uses.update(set(sylls))
        if len(sylls) >= 2:
            words.add(sylls)
    return Lexicon(frozenset(words), uses)


def tokens_of(line: Sequence[Word]) -> list[str]:
    """The letter tokens of a line's words, in order (punctuation and digits left out)."""
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


def judged(line: Sequence[Word], per_word: float = 5.0, per_prior: float = 10.0) -> float:
    """How likely a reading of a line is the printed one: its mean confidence, plus ``per_word`` for each
    syllable that stands in a known word with its neighbours, plus ``per_prior`` times the mean log-use of
    its syllables. Context and confidence weighed together: neither decides alone. (The judge measured end
    to end in session 23, wired into the pipeline on branch faded4 and taken out again: not adopted.)"""
    if not line:
        return 0.0
    lex = load()
    tokens = tokens_of(line)
    return _conf(line) + per_word * lex.covered(tokens) + per_prior * lex.prior(tokens)


def by_points(points: float, prior: float = 0.0) -> Key:
    """:func:`judged` with these weights, as a pick."""
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
