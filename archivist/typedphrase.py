"""A typewritten word none uses read inside a set phrase, read as the phrase's word where that word is one glyph
away (``Ủy ban nhên dân`` for ``nhân``, ``Tài chính - Kễ toán`` for ``Kế``, ``Ủy ba: nhân dân`` for ``ban``), and a
phrase's word read in capitals mid-sentence capitalised (``trụ sở ỦY ban nhân dân`` for ``Ủy``).

Why: the typewriter group's worn type makes a vowel another (``â`` read ``ê``), a tone another (``ế`` read ``ễ``), a
letter a mark (``ba:``), and where the word read is none Vietnamese uses inside one of the lexicon's set phrases, the
phrase and the spelling together say what was typed. :mod:`archivist.phrasefix` reads a phrase back only where the
marks alone differ, and leaves a two-word run with a capital mid-line (a name's place: ``Kễ toán`` after ``Tài chính
-``); its folded keys cannot see a letter read for another (``nhên`` folds to ``nhen``, not ``nhan``).
:mod:`archivist.typedbar` and :mod:`archivist.typedpair` ask the phrase too, but for one glyph each (an ``l`` read
``t``, an ``o`` read ``e``) and the glyph decides, since the word they ask is mostly one in use. On typewriter fit
seeds 440-442 the one-glyph slips left are spread thin over letters and marks (bench/RESULTS.md, "Typewritten pages,
a set phrase's word none uses (session 48)"); words none uses inside set phrases, of any letter, are what the dumped
pages showed most of a kind.

Here the word as read is none in use (:func:`archivist.syllables.attested`), so no right word is ever asked; its
neighbours on its line are the phrase's words, read with the phrase's marks, case aside, no punctuation inside
(:func:`archivist.phrasefix.phrase_words` with ``spelt``: a place's ``Yân Phong`` is no ``văn phòng``), in a phrase
of two words or more (a one-word entry says nothing); and exactly one of the words the phrase puts at its place is
one glyph away: the same letters bare of marks but one (a letter for another, its marks as the phrase's), or the same
bare letters with other marks. The word's case is kept (a capitalised first letter stays one). A mark read in the
word's last letter's cell (:data:`JUNK`) is read as that letter where the next word on the line is the phrase's
too: inside a set phrase no mark is written. A word in capitals is asked only where it is the phrase's word, marks
and all, and the words beside it on its line are in small letters (:func:`capitals_slip`: its case alone changes; a
heading writes the whole phrase in capitals). End to end: 20 truth words gained on fit seeds 440-442, 17 on held-out
443-444, none broken; 440's subject ``… trụ sở ỦY ban nhân dân xã``, stored wrong without a flag, right.
"""

from __future__ import annotations

import unicodedata

import numpy as np

from .ocr import OcrResult, nfc
from .phrasefix import phrase_words
from .syllables import attested
from .textnorm import normalize
from .tokens import EDGE, split_edges
from .typedcase import with_readings

#: Marks the engine reads in a worn letter's cell (``ba:`` for ``ban``, ``Ủ;`` for ``Ủy``): none ends a word inside a
#: set phrase.
JUNK = ":;¿»‡"


def bare(word: str) -> str:
    """``word`` in small letters without its marks (``đ`` kept apart from ``d``: the stroke is a letter's)."""
    parts = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in parts if not unicodedata.combining(c))


def one_glyph_away(read: str, word: str) -> bool:
    """Whether ``word`` differs from ``read`` (both in small letters) in one glyph: the same bare letters with other
    marks, or the same count of letters with one bare letter for another."""
    a, b = bare(read), bare(word)
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) <= 1 and read != word


def phrase_slip(texts: list[str], lines: list[int], k: int) -> str | None:
    """Word ``k`` of ``texts`` (a page's words, on ``lines``) read as the set phrase's word at its place, its edges and
    case kept, where the word as read is none in use and exactly one such word is one glyph away
    (:func:`one_glyph_away`), or where a mark stands in its last letter's cell inside the phrase (:func:`junk_slip`);
    None elsewhere."""
    lead, core, trail = split_edges(texts[k], EDGE)
    if core.isalpha() and len(core) > 1 and core.isupper():
        return capitals_slip(texts, lines, k)
    if not core.isalpha() or len(core) > 1 and not core[1:].islower():
        return None
    if len(core) >= 2 and core.lower() not in attested():
        found = [w for w in phrase_words(texts, lines, k, 2, spelt=True) if one_glyph_away(core.lower(), w)]
        if len(found) == 1:
            return lead + _cased(found[0], core) + trail
    return junk_slip(texts, lines, k)


def capitals_slip(texts: list[str], lines: list[int], k: int) -> str | None:
    """Word ``k``, read in capitals, capitalised (``sở ỦY ban nhân dân xã`` -> ``Ủy``) where it is a set phrase's word
    with its marks and the words beside it on its line are in small letters: a heading writes the whole phrase in
    capitals, running text never one word of it. None elsewhere."""
    lead, core, trail = split_edges(texts[k], EDGE)
    beside = [split_edges(texts[j], EDGE)[1] for j in (k - 1, k + 1) if 0 <= j < len(texts) and lines[j] == lines[k]]
    if not beside or not all(b.islower() for b in beside):
        return None
    low = core.lower()
    if not any(normalize(w) == normalize(low) for w in phrase_words(texts, lines, k, 2, spelt=True)):
        return None
    return lead + core[:1] + low[1:] + trail


def junk_slip(texts: list[str], lines: list[int], k: int) -> str | None:
    """Word ``k`` read with a mark for its last letter (``Ủy ba: nhân dân``, ``Ủ; ban``) read as the phrase's word,
    where that word is the letters read and one more (:data:`JUNK` read in its cell), exactly one phrase word does so,
    and the next word on the line is the phrase's too: a mark there would stand inside a set phrase, where none is
    written. None elsewhere."""
    lead, core, trail = split_edges(texts[k], EDGE)
    if len(trail) != 1 or trail not in JUNK or k + 1 >= len(texts) or lines[k + 1] != lines[k]:
        return None
    asked = texts[:k] + [lead + core + "x"] + texts[k + 1:]  # the word without its mark, as phrase_words reads runs
    found = [w for w in phrase_words(asked, lines, k, 2, spelt=True)
             if len(w) == len(core) + 1 and w.startswith(core.lower())]
    if len(found) != 1:
        return None
    after = split_edges(texts[k + 1], EDGE)[1].lower()
    again = texts[:k] + [found[0]] + texts[k + 1:]
    if not after or not any(bare(w) == bare(after) for w in phrase_words(again, lines, k + 1, 2, spelt=True)):
        return None
    return lead + _cased(found[0], core)


def _cased(word: str, core: str) -> str:
    """The phrase's ``word`` with ``core``'s (the word as read) capital first letter, if it has one."""
    return word[:1].upper() + word[1:] if core[:1].isupper() else word


def typed_phrases(ocr: OcrResult, typed: np.ndarray | None) -> OcrResult:
    """``ocr`` (a typewritten page's words; ``typed`` its image, None on any other page) with each word none in use
    that a set phrase around it reads one glyph away read as the phrase's word (:func:`phrase_slip`). Unchanged on
    any other page."""
    if typed is None or not ocr.words:
        return ocr
    texts = [nfc(w.text) for w in ocr.words]
    lines = [w.line for w in ocr.words]
    return with_readings(ocr, [phrase_slip(texts, lines, k) for k in range(len(texts))])
