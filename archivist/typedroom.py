"""A typewritten word one letter short of a set phrase's word, read as the phrase's word where the room it stands in
on its line holds that letter (``Ủy ban hân dân`` for ``nhân``).

Why: a worn letter can leave no ink the engine reads, and the word read is the phrase's word without it (fit seeds
530-532 of the typewriter group: bench/RESULTS.md, "Typewritten pages, a letter lost and an o read c (session 49,
second round)"). :mod:`archivist.typedlong` reads a word one letter off a long phrase's, letter for letter, and
cannot hold a word a letter shorter. Two pieces of evidence say it, neither a guess: the phrase of three words or more
whose other words are read as it spells them (:func:`archivist.phrasefix.phrase_words`), and the typewriter's fixed
pitch: every character, space and punctuation mark takes one cell, so the distance from the left edge of the word
before to that of the word after counts the cells between them (:func:`room`), and a lost letter leaves its cell.
Where the cells hold the word as read, its letter was never there (a word spelt short) and it is left. On typewriter
fit seeds 530-532 it read 3 truth words back (``ban hân dân``, ``Ủy ba nhân``, ``ỦY BA NHÂN DÂN``) and broke none;
on held-out 533-534 it asked none that passed.
"""

from __future__ import annotations

import statistics

import numpy as np

from .models import Word
from .ocr import OcrResult, nfc
from .phrasefix import phrase_words
from .tokens import EDGE, split_edges
from .typedcase import with_readings

#: The fewest words of a phrase that says its word alone (as :data:`archivist.typedlong.SHORTEST`).
SHORTEST = 3
#: The cells between the neighbours, over the word as read, that show a letter's room: at least this many. Fit
#: (530-532): the three words read back stood 1.02, 1.05 and 0.62 (capitals) cells over; the words read right around
#: 0 (half within -0.2 to 0.35, but one in six to one in ten 0.5 or more), so the room alone does not tell a lost
#: letter: it refuses a word typed short and a letter read as a mark (``địa bà: xã``: 0.09).
ROOM_MIN = 0.5
#: ... and at most this many (two letters lost is another reading).
ROOM_MAX = 1.5


def lost_one(read: str, word: str) -> bool:
    """Whether ``word`` is ``read`` with one character more (both in small letters, NFC)."""
    return len(word) == len(read) + 1 and any(word[:i] + word[i + 1:] == read for i in range(len(word)))


def short_slip(texts: list[str], lines: list[int], k: int) -> str | None:
    """Word ``k`` of ``texts`` (a page's words, on ``lines``) read as the word a phrase of :data:`SHORTEST` words or
    more puts at its place, its edges and case kept (a heading's word in capitals: ``ỦY BA NHÂN DÂN``), where
    exactly one such word is it with a letter more (:func:`lost_one`) and the word as read is none of them; None
    elsewhere."""
    lead, core, trail = split_edges(texts[k], EDGE)
    if len(core) < 2 or not core.isalpha() or not (core[1:].islower() or core.isupper()):
        return None
    low = core.lower()
    words = phrase_words(texts, lines, k, SHORTEST, spelt=True)
    found = [w for w in words if lost_one(low, w)]
    if low in words or len(found) != 1:
        return None
    word = found[0].upper() if core.isupper() else found[0][:1].upper() + found[0][1:] if core[:1].isupper() \
        else found[0]
    return lead + word + trail


def step(words: list[Word], texts: list[str]) -> float | None:
    """The page's pitch as its lines lay it: the median over neighbouring words on a line of the distance between
    their left edges over the cells the first one and its space take; None with too few."""
    pairs = enumerate(zip(words[:-1], words[1:], strict=True))
    per = [(b.bbox[0] - a.bbox[0]) / (len(texts[j]) + 1) for j, (a, b) in pairs
           if a.line == b.line and b.bbox[0] > a.bbox[0] and len(texts[j]) >= 2]
    return statistics.median(per) if len(per) >= 8 else None


def room(words: list[Word], texts: list[str], k: int, pitch: float) -> float | None:
    """The cells word ``k`` stands in, counted from the left edge of the word before it on its line to that of the
    word after (less their cells and the two spaces), at ``pitch``; None where it has no neighbour on either side."""
    if not 0 < k < len(words) - 1 or not words[k - 1].line == words[k].line == words[k + 1].line:
        return None
    return (words[k + 1].bbox[0] - words[k - 1].bbox[0]) / pitch - len(texts[k - 1]) - 2


def typed_rooms(ocr: OcrResult, typed: np.ndarray | None) -> OcrResult:
    """``ocr`` (a typewritten page's words; ``typed`` its image, None on any other page) with each word a phrase of
    three words or more reads with a letter more read so (:func:`short_slip`) where its room on the line holds the
    letter (:func:`room`). Unchanged on any other page."""
    if typed is None or not ocr.words:
        return ocr
    texts = [nfc(w.text) for w in ocr.words]
    lines = [w.line for w in ocr.words]
    asked = {k: got for k in range(len(texts)) if (got := short_slip(texts, lines, k))}
    pitch = step(ocr.words, texts) if asked else None
    again: list[str | None] = [None] * len(texts)
    for k, word in asked.items():
        cells = room(ocr.words, texts, k, pitch) if pitch else None
        if cells is not None and ROOM_MIN <= cells - len(texts[k]) <= ROOM_MAX:
            again[k] = word
    return with_readings(ocr, again)
