"""A typewritten ``l`` read ``t`` opening a syllable, read ``l`` where that makes a syllable in use and the glyph has
no ``t``'s crossbar at the small letters' height and rises to the ascenders' line (``tà`` for ``là``, ``tập`` for
``lập``, ``tý`` for ``lý``).

Why: after session 43's :mod:`archivist.typedflag` (an ``l`` told by its flag, asked only where the ``t`` makes no
word with its neighbours) ``l`` read ``t`` stayed the largest one-glyph slip on typewriter44's fit seeds 277-279 (8
words: ``tà`` ×4, ``tập`` ×3, ``tý``; bench/RESULTS.md, "Typewritten pages, eighth round continued (session 44,
second round)"): the word read is mostly a syllable in use (``tà``, ``tập``) and the ``l``'s flag is worn. Two other
parts of the glyph tell it: the ``t``'s crossbar at the small letters' height (the widest run of ink about that line
0.27 of a pitch or more under 95% of the 1,161 ``t`` read right, median 0.63; 0.18-0.36 under the ``l`` read ``t``),
and its top (under the ascenders' line: its top 1.29 of the small letters' height or less under 90% of the right
``t``, 1.02-1.55 over the ``l`` read ``t``, median 1.37). Together no ``t`` read right of the 1,161 passes;
measured as :func:`l_glyph` does, 7 of the 8 ``l`` read ``t`` do (the eighth broken), no word read right is
changed. A lower top would take a capital ``L`` read ``t`` (its top at the capitals' height) to a small ``l``.
An ``l`` opens a syllable only, so only a word's first letter is asked.

Inside a set phrase (session 44, third round) the phrase says the letter: a worn ``b`` or ``d`` whose bowl is lost
reads ``t`` and shows the ``l``'s bare stem (``Ủy tan nhân dân`` for ``ban``, ``nhân tân huyện`` for ``dân``, both
made ``l`` by the rule above on held-out seeds 280 and 296: wrong to wrong). Where another letter makes the word a
lexicon phrase's with its neighbours (:func:`archivist.phrasefix.phrase_words`), the ``l`` is not taken; where
that letter is one with the same stem to the ascenders' line (:data:`STEMMED`: the glyph shows the stem, its bowl or
arm lost) the phrase's word is read instead, the glyph asked as for the ``l``. A word in capitals (a name, a code)
is never asked.
"""

from __future__ import annotations

import statistics

import numpy as np

from .ocr import OcrResult, nfc
from .phrasefix import phrase_words
from .syllables import attested
from .tokens import EDGE, split_edges
from .typedcase import with_readings
from .typedfoot import longest_run
from .typedring import glyph_readings
from .typedstem import ink_runs
from .typedupper import body_of

#: The widest run of ink about the small letters' height a glyph read ``t`` may show to be an ``l``, in pitches.
BAR_MAX = 0.27
#: The lowest top (over the glyph's baseline, in the small letters' height) a glyph read ``t`` shows to be an ``l``.
TOP_MIN = 1.3
#: A top above this (in the small letters' height) is a mark or a speck over the glyph, not its stem: not asked.
TOP_MAX = 1.7
#: The rows about the small letters' height searched for the crossbar: this share of their height above the line,
#: and below it.
BAR_ABOVE, BAR_BELOW = 0.12, 0.25
#: Letters whose stem rises to the ascenders' line with no ``t``'s crossbar on it: a worn one reads as an ``l``'s
#: bare stem, so a set phrase may read it back (``b``, ``d`` with the bowl lost).
STEMMED = "bdđhkl"


def l_reading(word: str) -> tuple[int, str] | None:
    """The place of the glyph in doubt and ``word`` read with an ``l`` for the small ``t`` opening it, its edges kept,
    where that makes a syllable in use (``tà,`` → ``là,``); None elsewhere (no ``t`` opening it, a capital, digits)."""
    lead, core, trail = split_edges(word, EDGE)
    if not core.startswith("t") or not core.isalpha() or not core[1:].islower():
        return None
    again = "l" + core[1:]
    return (len(lead), lead + again + trail) if again in attested() else None


def stem_reading(texts: list[str], lines: list[int], k: int) -> tuple[int, str] | None:
    """The place of the glyph in doubt and word ``k`` of ``texts`` (on ``lines``) read again: a small word opening
    with ``t`` read as a set phrase's word where one letter of :data:`STEMMED` for the ``t`` completes the phrase
    with its neighbours (``Ủy tan nhân dân`` → ``ban``); else read with an ``l`` (:func:`l_reading`) only where no
    other letter completes a phrase and the word as read completes none. None where nothing is asked."""
    got = l_reading(texts[k])
    lead, core, trail = split_edges(texts[k], EDGE)
    if len(core) < 2 or not core.startswith("t") or not core.isalpha() or not core[1:].islower():
        return got
    words = phrase_words(texts, lines, k)
    if core in words:
        return None  # read right inside a phrase: left as read
    phrased = [w for w in words if len(w) == len(core) and w[1:] == core[1:]]  # the phrase's word one letter off
    stems = [w for w in phrased if w[0] in STEMMED]
    if len(stems) == 1:
        return len(lead), lead + stems[0] + trail
    return None if phrased else got


def l_glyph(cell: np.ndarray, small: float, pitch: float) -> bool:
    """Whether the glyph in ``cell`` (ink 1) read ``t`` is an ``l``'s: no crossbar about the small letters' height
    ``small`` (the widest run of ink over those rows at most :data:`BAR_MAX` of ``pitch``) and its top at the
    ascenders' line (:data:`TOP_MIN` to :data:`TOP_MAX` of ``small`` over its baseline, the bottom of its body), one
    stem across those rows (medians: a capital's two, ``Ủ`` read ``t`` in ``ty``, is no ``l``)."""
    body = body_of(cell) if cell.size and small > 0 else None
    if body is None:
        return False
    bottom = body[2]
    inked = np.flatnonzero(cell[:bottom].any(1))
    if not inked.size or not TOP_MIN <= (bottom - inked[0]) / small <= TOP_MAX:
        return False
    line = bottom - small
    rows = cell[max(0, round(line - BAR_ABOVE * small)):round(line + BAR_BELOW * small) + 1]
    return (rows.size > 0 and max(longest_run(r) for r in rows) <= BAR_MAX * pitch
            and statistics.median(ink_runs(r) for r in rows) <= 1)


def typed_bars(ocr: OcrResult, typed: np.ndarray | None) -> OcrResult:
    """``ocr`` (words in the pixels of ``typed``, a typewritten page's image before its strikes were evened) with each
    word opening with a small ``t`` read with an ``l`` where that makes a syllable in use, or as a set phrase's word
    (:func:`stem_reading`), and the glyph is an ``l``'s bare stem (:func:`l_glyph`). Unchanged on any other page."""
    if typed is None or not ocr.words:
        return ocr
    texts = [nfc(w.text) for w in ocr.words]
    lines = [w.line for w in ocr.words]
    asked = {k: got for k in range(len(texts)) if (got := stem_reading(texts, lines, k))}
    return with_readings(ocr, glyph_readings(ocr, typed, texts, asked, l_glyph))
