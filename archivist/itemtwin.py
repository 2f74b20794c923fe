"""A review flag for a recipients item whose two words the document writes elsewhere with one letter otherwise.

Why: sealed HG161 typewriter-09-tb-003-hoa-khanh stored the item ``Trưởng cáo thôn, ấp`` (0.85) unflagged: a typed
``c`` read ``o`` (``cáo`` at 78), a real syllable, and ``các thôn`` is no entry of the word list, so the list's rules
are silent (bench/RESULTS.md, "Flags, hundred-and-twenty-ninth round onward (session 41)"). Its body writes ``Các
thôn, ấp`` (``1. Các thôn, ấp tổ chức họp dân …``). :func:`archivist.wordpairs.text_twin_doubt` hears such a twin
for subjects within one mark or glyph of the confusion tables; ``c`` read ``o`` is in neither. Measured before it
was written, one letter substituted anywhere (the canon spellings one character apart) on the 58 sets then read
(9ce966d's values): recipients lists with such a pair 6, all wrong (5 flagged already); subjects 35, 33 wrong and 2
right (a body misread: ``số tiên`` beside the subject's right ``số trên``), so the rule keeps to the list, whose
items the body rarely restates otherwise. Both words of the item's pair in small letters (a code, ``VN`` beside
``an``, is no syllable slip); the document writes the item's pair no more often than the items do. Flagged, never
changed: which of the two readings is the printed one is the reviewer's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from .wordpairs import _cased_runs, _spans, canon, entries


def _pairs(text: str) -> Counter[tuple[str, str]]:
    """How often ``text`` writes each pair of adjacent syllables (canon, capitals read small)."""
    out: Counter[tuple[str, str]] = Counter()
    for run in _cased_runs(text, fold=True):
        syl = [canon(s) for s, _ in run]
        out.update(zip(syl, syl[1:], strict=False))
    return out


@lru_cache(maxsize=4)
def _text_pairs(text: str) -> Counter[tuple[str, str]]:
    """:func:`_pairs` of a document's whole text, kept for the document's next question. Why: both rules below ask
    it of the same text, :func:`listed_twin_doubt` once for each value it doubts, about three times a document, and
    it folds and cuts every word of the text each time (≈ 5 CPU ms a document; bench/RESULTS.md, "A batch's cost
    beside the engine (session 49)"). Shared, so read only: indexing a missing pair of a Counter gives 0 and stores
    nothing."""
    return _pairs(text)


def _one_letter(a: str, b: str) -> bool:
    return a != b and len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def letter_twin_doubt(items: Sequence[str], text: str) -> str | None:
    """Why the recipients ``items`` are doubtful: two adjacent small-letter syllables of an item stand in no word of
    the list, the document's ``text`` writes them no more often than the items, and writes them elsewhere with one
    of the two one letter otherwise (``cáo thôn`` in the list, ``Các thôn`` in the body)."""
    words, whole = entries(), _text_pairs(text)
    if not words:
        return None
    mine = _pairs("\n".join(items))
    for item in items:
        for run in _cased_runs(item, fold=True):
            syl, small = [canon(s) for s, _ in run], [sm for _, sm in run]
            taken = {i for a, b in _spans(syl, words) for i in range(a, b)}
            for i in range(len(syl) - 1):
                pair = (syl[i], syl[i + 1])
                if {i, i + 1} & taken or not (small[i] and small[i + 1]) or whole[pair] > mine[pair]:
                    continue
                twin = next(((x, y) for (x, y), n in whole.items() if n and (
                    x == pair[0] and _one_letter(y, pair[1]) or y == pair[1] and _one_letter(x, pair[0]))), None)
                if twin is not None:
                    read = f"{run[i][0]} {run[i + 1][0]}"
                    return f"'{read}' in '{item}' is written one letter otherwise elsewhere in the document"
    return None


def listed_twin_doubt(value: str, text: str) -> str | None:
    """Why a subject is doubtful: two adjacent syllables of it stand in no word of the list and the document's
    ``text`` writes them no more often than the subject does, but writes elsewhere one of them one letter otherwise
    beside the other, making a word of the list (``Triển thai`` in the subject, ``triển khai`` in the body).
    Fresh HG264 typewriter-12-kh-100's subject ``Triển thai công tác …`` (0.709; ``thai`` read at 89, ``t``/``k``
    in no confusion table) was stored unflagged (hundred-and-forty-fifth round). Unlike :func:`letter_twin_doubt`
    the twin must be a word of the list: a body's own misreading (``số tiên`` beside a subject's right ``số
    trên``) makes none, so it does not doubt a right subject."""
    words, whole = entries(), _text_pairs(text)
    if not words:
        return None
    mine = _pairs(value)
    for run in _cased_runs(value, fold=True):
        syl = [canon(s) for s, _ in run]
        taken = {i for a, b in _spans(syl, words) for i in range(a, b)}
        for i in range(len(syl) - 1):
            pair = (syl[i], syl[i + 1])
            if {i, i + 1} & taken or whole[pair] > mine[pair]:
                continue
            twin = next(((x, y) for (x, y), n in whole.items() if n and f"{x} {y}" in words and (
                x == pair[0] and _one_letter(y, pair[1]) or y == pair[1] and _one_letter(x, pair[0]))), None)
            if twin is not None:
                return f"'{run[i][0]} {run[i + 1][0]}' is no word, and the document writes '{_written(twin, text)}', " \
                    "a word one letter otherwise"
    return None


def _written(pair: tuple[str, str], text: str) -> str:
    """``pair`` (canon syllables) as ``text`` writes it."""
    for run in _cased_runs(text, fold=True):
        for (a, _), (b, _) in zip(run, run[1:], strict=False):
            if (canon(a), canon(b)) == pair:
                return f"{a} {b}"
    return " ".join(pair)
