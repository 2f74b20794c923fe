"""itemslips.slips by its phrase index gives what comparing every window with every phrase gave (issue 16, session 42).

Why: the index is a speed cut only (4 CPU ms a document); the flags of lists and subjects read its slips, first one
first, so the same slips must come in the same order. The reference below is the comparison it replaced, word for
word; the items are the lexicon's own phrases, each with one syllable one confusion off, with words and numbers
around them, and phrases overlapping.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from archivist import itemslips
from archivist.itemslips import EDGE, _phrases, slips, syllable_core
from archivist.wordpairs import _near


def _reference(item: str) -> Iterator[tuple[int, str, str]]:
    words = item.split()
    toks = [syllable_core(t) for t in words]
    for phrase, written in _phrases():
        n = len(phrase)
        for i in range(len(toks) - n + 1):
            window = toks[i:i + n]
            diff = [k for k in range(n) if window[k] != phrase[k]]
            if None in window or len(diff) != 1:
                continue
            if (slip := window[diff[0]]) is not None and phrase[diff[0]] in _near(slip):
                yield i + diff[0], written, words[i + diff[0]].strip(EDGE)


def _items(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    written = [w.split() for _, w in _phrases()]
    filler = ["Ủy", "ban", "nhân", "dân", "xã", "số", "12/UBND", "về", "việc", "(b/c)", "-", "2024", "các", "thôn,"]
    out = []
    for _ in range(count):
        words: list[str] = []
        for _ in range(rng.randint(1, 3)):
            phrase = list(rng.choice(written))
            if rng.random() < 0.8:  # one syllable one confusion off (or the phrase whole)
                k = rng.randrange(len(phrase))
                core = syllable_core(phrase[k])
                near = list(_near(core).values()) if core else []
                if near:
                    phrase[k] = rng.choice(near) + ("," if phrase[k].endswith(",") else "")
            words += [rng.choice(filler) for _ in range(rng.randint(0, 3))] + phrase
        out.append(" ".join(words + [rng.choice(filler) for _ in range(rng.randint(0, 2))]))
    return out


def test_slips_as_every_phrase_compared() -> None:
    items = _items(600, 42)
    found = 0
    for item in items:
        got = list(slips(item))
        assert got == list(_reference(item)), item
        found += bool(got)
    assert found > 300  # most items hold a slip: the comparison is not of empty lists


def test_index_holds_every_phrase_at_every_place() -> None:
    lengths, index = itemslips._phrase_index()
    assert set(lengths) == {len(p) for p, _ in _phrases()}
    for p, (phrase, _) in enumerate(_phrases()):
        for k in range(len(phrase)):
            assert p in index[(len(phrase), k, phrase[:k] + phrase[k + 1:])]


def test_a_known_slip() -> None:
    """HG124's ``Các han, ngành`` (for ``Các ban, ngành``): one slip, the word as read."""
    got = list(slips("Các han, ngành thuộc Ủy ban nhân dân xã"))
    assert got and got[0][2] == "han" and got == list(_reference("Các han, ngành thuộc Ủy ban nhân dân xã"))
