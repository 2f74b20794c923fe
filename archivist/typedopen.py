"""A typewritten ``h`` opening a word read ``n`` (``nuy`` for ``huy``, ``niện`` for ``hiện``, ``nư hại`` for ``hư
hại``, ``nộ gia đình`` for ``hộ gia đình``), told by what is left of its ascender, or by the spelling where the
ascender wore away.

Why: after session 44's :mod:`archivist.typedstem` (an ``n`` read for an ``h`` after ``c k t p g n``) the ``h`` read
``n`` opening a word is the largest family of one-glyph slips in small letters left on the typewriter group (fit seeds
300-302 and session 44's 277-279: 10 words, ``nuyện``, ``niện`` ×3, ``nuy``, ``nư``, ``nành``, ``nộ`` ×3; bench/
RESULTS.md, "Typewritten pages, ninth round (session 45)"). Worn type loses the ``h``'s ascender first, but seldom all
of it: over the left half of the glyph's cell, between 1.1 and 1.45 of the page's small letters' height above its
body's foot (:data:`ASC_ROWS`), 5 of those 10 glyphs keep ink on 0.36-0.64 of the rows, and no ``n`` of the 1,083
read right opening a word on the same pages on more than 0.14 (:data:`ASC_MIN`). So an ``n`` opening a word is read
``h``:

- where the ``h`` makes a syllable in use and the glyph keeps that trace of its ascender (``nư`` → ``hư``, ``nộ`` →
  ``hộ``: ``nộ`` is a word too, only the glyph says it), or
- where the word as read is none in use and the ``h`` makes the one word (``nuyện``, ``niện``: the ascender worn away
  entirely on 5 of the 10), the spelling saying the ``n`` is wrong, as :mod:`archivist.typedstem` asks ``chínn``;

in both only where the glyph is what a worn ``h`` leaves (:func:`archivist.typedstem.worn_h`: a body of the small
letters' height with its right stem down to the baseline) and not an ``m`` (:func:`archivist.typedstem.three_stems`:
``niện`` makes ``miện`` too). A word as read that is a syllable in use with no ascender's trace is never asked
(``cứu nạn`` stays: the word list knows ``cứu hạn``, not ``cứu nạn``). Only small words (a capitalised first word too)
are asked: an ``N`` or a word in capitals (a name, a code) never.

A ``b`` read ``h`` (``hiên bản`` for ``biên bản``, ``Ủy han`` for ``Ủy ban``, ``hiệt`` for ``biệt``; 11 on the same
fit pages, the second family) is asked by the words alone, as :mod:`archivist.typedpair` asks an ``o`` read ``e``: a
word none uses where the ``b`` makes the one word, or a syllable standing in no word with its neighbours where the
``b`` makes one; the glyph must then show the foot of the ``b``'s bowl, which an ``h`` leaves open (:func:`bowl_foot`).
"""

from __future__ import annotations

import numpy as np

from .ocr import OcrResult, nfc
from .syllables import attested
from .tokens import EDGE, split_edges
from .typedcase import with_readings
from .typedfoot import longest_run
from .typedring import glyph_readings
from .typedstem import asked_words, lone_reading, three_stems, worn_h
from .typedupper import body_of

#: The rows searched for what is left of an ``h``'s ascender: from this share of the small letters' height above
#: the body's foot to this one (the ascenders' line stands about 1.35), over the left half of the glyph's cell.
ASC_ROWS = (1.1, 1.45)
#: A trace of the ascender: ink on at least this share of those rows (fit: every ``n`` read right opening a word
#: 0.14 or less, 0 under 98% of them; 5 of the 10 ``h`` read ``n`` 0.36-0.64, the others 0).
ASC_MIN = 0.25

#: The rows of a ``b``'s bowl foot: the bottom ones of the body, this share of the small letters' height.
FOOT_ROWS = 0.2
#: The foot closed: over those rows the widest run of ink at least this share of a pitch (fit: 8 of the 11 ``b`` read
#: ``h`` 0.23-0.49; an ``h``'s two feet 0.18 at the median) ...
FOOT_MIN = 0.23
#: ... and ink between the stems, over the middle third of the body's width, on at least this share of the rows
#: (fit: 90% of the 648 ``h`` read right opening a word 0; with the run above, 26 of them pass, 8 of the 11 ``b``).
FOOT_MID = 0.5


def _opening(core: str, read: str, letter: str) -> dict[str, tuple[int, str]]:
    """The syllable in use (in small letters) that ``core`` makes with the small ``read`` opening it read ``letter``,
    with the place of that glyph (0) and the syllable in ``core``'s case; empty elsewhere."""
    again = letter + core[1:]
    return {again: (0, again)} if core[:1] == read and again.lower() in attested() else {}


def _opening_h(core: str) -> dict[str, tuple[int, str]]:
    """:func:`_opening` for an ``n`` read ``h``."""
    return _opening(core, "n", "h")


def _opening_b(core: str) -> dict[str, tuple[int, str]]:
    """:func:`_opening` for an ``h`` read ``b``."""
    return _opening(core, "h", "b")


def h_reading(word: str) -> tuple[int, str] | None:
    """The place of the glyph in doubt (edge punctuation counted) and ``word`` read with an ``h`` for the small ``n``
    opening it, its edges kept, where that makes a syllable in use (``nộ`` → ``hộ``); None elsewhere (a capital,
    digits, no ``n`` opening it)."""
    lead, core, trail = split_edges(word, EDGE)
    if not core.isalpha() or not core[1:].islower() or not _opening_h(core):
        return None
    return len(lead), lead + "h" + core[1:] + trail


def ascender(cell: np.ndarray, small: float) -> bool:
    """Whether the glyph in ``cell`` (ink 1) keeps a trace of an ``h``'s ascender: ink over the left half of the cell
    on :data:`ASC_MIN` of the rows :data:`ASC_ROWS` of the small letters' height ``small`` above its body's foot."""
    body = body_of(cell) if cell.size and small > 0 else None
    if body is None:
        return False
    bottom = body[2]
    rows = cell[max(0, round(bottom - ASC_ROWS[1] * small)):max(0, round(bottom - ASC_ROWS[0] * small)),
                :cell.shape[1] // 2 + 1]
    return rows.size > 0 and float(rows.any(1).mean()) >= ASC_MIN


def worn_h_not_m(cell: np.ndarray, small: float, pitch: float) -> bool:
    """Whether the glyph in ``cell`` (ink 1) read ``n`` is what a worn ``h`` leaves (:func:`archivist.typedstem.
    worn_h`) and not an ``m`` worn to look like an ``n`` (:func:`archivist.typedstem.three_stems`)."""
    return worn_h(cell, small, pitch) and not three_stems(cell, small, pitch)


def h_glyph(cell: np.ndarray, small: float, pitch: float) -> bool:
    """:func:`worn_h_not_m` with a trace of the ascender (:func:`ascender`): an ``h`` read ``n``, told by its glyph."""
    return worn_h_not_m(cell, small, pitch) and ascender(cell, small)


def bowl_foot(cell: np.ndarray, small: float, pitch: float) -> bool:
    """Whether the glyph in ``cell`` (ink 1) read ``h`` shows a ``b``'s bowl closed at its foot: over the body's bottom
    rows (:data:`FOOT_ROWS` of the small letters' height ``small``) a run of ink :data:`FOOT_MIN` of ``pitch`` wide
    or more, and ink between the stems (the middle third of the body's width) on :data:`FOOT_MID` of those rows."""
    body = body_of(cell) if cell.size and small > 0 else None
    if body is None:
        return False
    bottom = body[2]
    cols = np.flatnonzero(cell[max(0, round(bottom - small)):bottom].any(0))
    if not cols.size:
        return False
    rows = max(2, round(FOOT_ROWS * small))
    foot = cell[max(0, bottom - rows):bottom]
    width = cols[-1] - cols[0] + 1
    middle = foot[:, cols[0] + round(0.35 * width):cols[0] + round(0.65 * width) + 1]
    return (max(longest_run(r) for r in foot) >= FOOT_MIN * pitch
            and middle.size > 0 and float(middle.any(1).mean()) >= FOOT_MID)


def typed_openings(ocr: OcrResult, typed: np.ndarray | None) -> OcrResult:
    """``ocr`` (words in the pixels of ``typed``, a typewritten page's image before its strikes were evened) with an
    ``n`` opening a word read ``h`` where the word as read is none in use, the ``h`` makes the one word
    (:func:`archivist.typedstem.lone_reading`) and the glyph is a worn ``h``'s (:func:`worn_h_not_m`), or where the
    ``h`` makes a syllable in use (:func:`h_reading`) and the glyph keeps a trace of its ascender (:func:`h_glyph`).
    A ``b`` read ``h`` where the words ask it and the glyph shows the bowl's foot (:func:`bowl_foot`). Unchanged on
    any other page."""
    if typed is None or not ocr.words:
        return ocr
    texts = [nfc(w.text) for w in ocr.words]
    lone = {k: got for k, t in enumerate(texts) if (got := lone_reading(t, _opening_h))}
    traced = {k: got for k, t in enumerate(texts) if k not in lone and (got := h_reading(t))}
    by_word = glyph_readings(ocr, typed, texts, lone, worn_h_not_m)
    by_glyph = glyph_readings(ocr, typed, texts, traced, h_glyph)
    b_asked = asked_words(texts, _opening_b)
    by_bowl = glyph_readings(ocr, typed, texts, b_asked, bowl_foot)
    return with_readings(ocr, [a or b or c for a, b, c in zip(by_word, by_glyph, by_bowl, strict=True)])
