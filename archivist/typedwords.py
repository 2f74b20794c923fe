"""A typewritten word that makes no word, its letters split or run into symbols by the worn type, taken as its reading
alone where that reading is a word in use a letter or two away.

Why: of the typewriter group's lost words whose letters the reading alone gets back, the largest left after
:mod:`archivist.typedletters` are glyphs read as two (a broken ``h`` read ``!:`` or ``i:``: ``t!:áng``, ``pi:ương``,
``tỉ:ôn``; a ``g`` read ``ụu``: ``nụuành,``) or two letters of a word read as others (``ngnèc,``, ``niữug``), which
its rule, one glyph for one, does not take (bench/RESULTS.md, "Typewritten pages, letters and digits (session 41)").
:func:`archivist.typedread.reread_typed` already reads every such word again alone from its three views; the reading is
taken here where the first reading makes no word the page could print (:func:`archivist.typedletters.no_word`) and the
reading

- is a word Vietnamese uses (:func:`archivist.syllables.attested`), in small letters, capitals, or a capital and
  small letters (``KIm`` is no word a typist prints);
- keeps the first reading's edge punctuation and is at most two edits from its letters, no more than one letter
  shorter nor two longer (``Ltở`` read ``ở`` is a letter lost, not a glyph mended);
- and keeps the first reading's case: in small letters where it read small letters only (``crức`` read ``Chức``
  for ``chức``), and its first letter where it read a capital and small letters (a name or a sentence's first word:
  ``Q:ang`` read ``gang`` for ``Quang``, a name's letter read again as another name's).

A first reading with a stroke or dash between its letters is a code, never taken (HG113's right ``(b/c)`` read alone
``(be)``). The reading most views give is taken, the first view's on a tie. On the fit pages (184-187, 184 words
making no word read alone): 31 truth words gained, none broken; the rest changed from one wrong reading to another,
most of them a heading's word the truth's alignment could not place (``TT¿H`` -> ``TỊCH``, ``N?iÂN`` -> ``NHÂN``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rapidfuzz.distance import Levenshtein

from .ocr import nfc
from .syllables import attested
from .tokens import DASHES, EDGE, STROKES, split_edges
from .typedletters import no_word

#: Edits (insertions, deletions, substitutions of one character) from the first reading's letters to the reading's.
MAX_EDITS = 2


def _one_case(core: str) -> bool:
    """Small letters, capitals, or a capital and small letters."""
    return core.islower() or core.isupper() or core[0].isupper() and core[1:].islower()


def word_taken(read: str, again: str) -> bool:
    """Whether the reading alone ``again`` of a typed word first read ``read`` (no word) is taken: see the module's
    docstring."""
    read, again = nfc(read), nfc(again)
    lead, first, trail = split_edges(read, EDGE)
    new_lead, core, new_trail = split_edges(again, EDGE)
    if again == read or len(first) < 2 or not no_word(read) or (new_lead, new_trail) != (lead, trail):
        return False
    if any(c in STROKES + DASHES for c in first):  # a code's stroke or dash between letters: (b/c), V/v, KH-UBND
        return False
    if not core.isalpha() or not _one_case(core) or core.lower() not in attested():
        return False
    if not len(first) - 1 <= len(core) <= len(first) + 2 or Levenshtein.distance(first, core) > MAX_EDITS:
        return False
    letters = "".join(c for c in first if c.isalpha())
    if letters.islower():
        return core.islower()
    return not (len(letters) > 1 and letters[0].isupper() and letters[1:].islower() and core[0] != first[0])


def word_reading(read: str, readings: Sequence[str]) -> str | None:
    """The reading alone of ``read`` taken (:func:`word_taken`): the one most readings give, the first view's on a
    tie; None when none is taken."""
    taken = Counter(nfc(r) for r in readings if word_taken(read, r))
    return taken.most_common(1)[0][0] if taken else None
