"""Which words of a typewritten page are read again for a letter read as another, and which second reading is taken.

Why: on the typewritten pages of HG117-120 half the words lost are letters confused, and the one-glyph slips among
them are few pairs: a small ``l`` read ``t`` (``lực`` -> ``tực``, 27), ``n`` read ``r`` (``ngày`` -> ``rgày``, 13),
a capital ``I`` read ``T`` (``HỘI`` -> ``HỘT``, 9), and glyphs read as no letter or as a symbol inside a word
(``THẠ%H``, ``TÂH``, ``cöa``) (bench/RESULTS.md, "Typewritten letters (session 39)"). The worn type's strokes are
broken or filled in; each word read again alone from the page as typed (:func:`archivist.typedread.views`) is read
right more often than wrong, but not always: alone, ``lập`` comes back ``tập`` and ``VT`` ``VI``. So a second
reading is taken only where it changes one glyph of the first, makes a word Vietnamese uses
(:func:`archivist.syllables.attested`) and either

- changes a letter the type is read as into the letter read for it (:data:`LETTER_AS`, that way round only: an
  ``l`` read again as ``t`` is the engine's slip, never the page's evidence), or
- puts a letter where the first reading made no word the page could print (no syllable, abbreviation, number or
  Roman numeral: :func:`archivist.bodies.is_known`).

Words holding a digit, and abbreviations and Roman numerals (``VT``, ``II``), are never changed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from .bodies import is_known
from .ocr import nfc
from .ocrfix import is_code
from .syllables import attested
from .tokens import EDGE, split_edges

#: Letters a typed word's letter is read as, with the letter printed: ``t`` for ``l``, ``r`` for ``n``, ``T`` for
#: ``I`` (the one-glyph slips of HG117-120's typed pages, session 39).
LETTER_AS = {"t": "l", "r": "n", "T": "I"}


def _core(text: str) -> str | None:
    """The word's letters between its edge punctuation, or None when anything but letters is left there."""
    _, core, _ = split_edges(nfc(text), EDGE)
    return core if core and core.isalpha() else None


def _used(word: str) -> bool:
    return word.lower() in attested()


def no_word(text: str) -> bool:
    """Whether the first reading is no word the page could print: letters or marks that make no syllable,
    abbreviation or Roman numeral, and no digit (numbers are :mod:`archivist.typedread`'s)."""
    _, core, _ = split_edges(nfc(text), EDGE)
    return bool(core) and any(c.isalpha() for c in core) and not any(c.isdigit() for c in core) \
        and not is_known(core)


def asked(text: str, letters: Mapping[str, str] = LETTER_AS) -> bool:
    """Whether a typed word is read again for its letters: it makes no word (:func:`no_word`), or it holds a
    letter of ``letters`` (:data:`LETTER_AS` on a typed page) whose printed letter in its place makes a word
    Vietnamese uses (``tực``: ``lực``)."""
    if no_word(text):
        return True
    core = _core(text)
    if core is None or is_code(core):
        return False
    return any(_used(core[:i] + letters[c] + core[i + 1:]) for i, c in enumerate(core) if c in letters)


def letter_taken(read: str, again: str, letters: Mapping[str, str] = LETTER_AS) -> bool:
    """Whether the second reading ``again`` of a typed word first read ``read`` is taken (see the module's
    docstring): one glyph changed to a letter, the rest the same, a word Vietnamese uses, and the change a slip of
    ``letters`` (:data:`LETTER_AS` on a typed page) or the first reading no word."""
    read, again = nfc(read), nfc(again)
    if len(read) != len(again) or any(c.isdigit() for c in read):
        return False
    changed = [k for k, (a, b) in enumerate(zip(read, again, strict=True)) if a != b]
    if len(changed) != 1 or not again[changed[0]].isalpha():
        return False
    core = _core(again)
    if core is None or not _used(core) or is_code(_core(read) or ""):
        return False
    k = changed[0]
    return letters.get(read[k]) == again[k] or no_word(read)


def letter_reading(read: str, readings: Sequence[str], letters: Mapping[str, str] = LETTER_AS) -> str | None:
    """The second reading of ``read`` taken (:func:`letter_taken` with ``letters``): the one most readings give, the
    first view's on a tie; None when no reading is taken."""
    taken = Counter(nfc(r) for r in readings if letter_taken(read, r, letters))
    return taken.most_common(1)[0][0] if taken else None
