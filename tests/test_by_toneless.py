"""The post-correction's index of syllables by toneless spelling, read back from the cache in sorted order.

Why pinned: it used to be built in every process in the frozenset's order, which ``PYTHONHASHSEED`` changes; now it
is cached per code digest and sorted (archivist/syllables.py ``by_toneless``). The corrections must not depend on
that order: ``ocrfix._pick`` only ever answers with a single candidate, so the index's order cannot choose it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from archivist import ocrfix
from archivist.models import Word
from archivist.syllables import by_toneless, syllables, toneless


def test_index_holds_every_syllable_under_its_toneless_spelling_sorted() -> None:
    built: dict[str, set[str]] = {}
    for syl in syllables():
        built.setdefault(toneless(syl), set()).add(syl)
    index = by_toneless()
    assert index.keys() == built.keys()
    for bare, syls in index.items():
        assert set(syls) == built[bare] and list(syls) == sorted(syls)


def test_index_is_the_same_whatever_the_hash_seed() -> None:
    code = "from archivist.syllables import by_toneless; import hashlib; " \
           "print(hashlib.sha256(repr(sorted(by_toneless().items(), key=lambda kv: kv[0])).encode()).hexdigest()" \
           " + repr(list(by_toneless())[:50]))"
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(outs) == 1


def _misread_page() -> list[Word]:
    """Words a mark or a glyph away from a syllable (the OCR's confusions), and the syllables themselves."""
    words = []
    for i, syl in enumerate(sorted(syllables())[::37]):
        bad = syl.replace("ô", "o", 1).replace("ư", "u", 1).replace("m", "rn", 1)
        words.append(Word(bad if bad != syl else syl, 70.0, (10 * i, 0, 10 * i + 9, 9), i // 12))
    return words


def test_corrections_do_not_depend_on_the_index_order(monkeypatch: pytest.MonkeyPatch) -> None:
    page = _misread_page()
    ours = [w.text for w in ocrfix.correct_syllables(page)]
    assert ours != [w.text for w in page]  # the page gives the correction something to do
    reversed_index = {bare: tuple(reversed(syls)) for bare, syls in by_toneless().items()}
    monkeypatch.setattr(ocrfix, "_by_toneless", lambda: reversed_index)
    assert [w.text for w in ocrfix.correct_syllables(page)] == ours
