"""Vietnamese words of two syllables or more, to judge a reading by its context.

Why: a faded misreading is mostly still a valid syllable (``BẠN`` for ``BAN``, ``nai`` for ``hai``), so
the syllable set (:mod:`archivist.syllables`) cannot tell two readings of a faded line apart, and neither
can Tesseract's confidence (bench/RESULTS.md, "Weak lines read a second time (session 22)"). Vietnamese
words are mostly two syllables or more (``ủy ban``, ``nhân dân``, ``hộ tịch``): a reading whose adjacent
syllables make such words, and whose syllables are ones many words use, is likelier the printed one.

The list (``data/vi-words.txt``) is ``pyvi/models/words.txt`` of the PyPI package pyvi 0.1.1, unchanged,
MIT licence (``data/vi-words.LICENSE``): 31,157 entries, 25,415 of two syllables or more. Not the
sample generator's text (that would score on the answer), and not Tesseract's own ``vie`` dictionary,
whose 7,181 entries are single syllables (:func:`archivist.syllables.attested`).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .syllables import tone_of, toneless

WORDS = Path(__file__).resolve().parent / "data" / "vi-words.txt"
#: The longest word looked for, in syllables (4 covers ``ủy ban nhân dân``; longer entries are rare).
LONGEST = 4
LETTERS = re.compile(r"[^\W\d_]+")


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


@lru_cache(maxsize=4)
def load(path: Path = WORDS) -> Lexicon:
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


def tokens_of(texts: Sequence[str]) -> list[str]:
    """The letter tokens of a line's words, in order (punctuation and digits left out)."""
    return [t for text in texts for t in LETTERS.findall(text)]
