"""Speck debris left in a value (thirty-sixth round of issue 14 item 9): evidence beside the confidence.

Why: restoration now removes light specks beside text and keeps the blobs where a letter's mark sits (session 27),
so on speckled pages a blob kept near a word may be read as a character of its own, and the engine can be sure of
it (HG40 tb-170's subject ``… tháng 11† năm 2019`` at 0.737, HG41 cv-230's ``… các thôn, ấp -ả`` at 0.88, HG40
bc-018's ``thực-hiện``). Each check here names a writing no Vietnamese administrative value uses, so it flags the
value whatever its confidence; none changes a value. Measured on the fit basis (seeds 22-44 and restore34's
speckled HG40-42, bench/RESULTS.md "Flags, thirty-sixth round"): no value read right holds any of them.
"""

from __future__ import annotations

import re
import unicodedata

from .wordpairs import canon, entries

#: the marks the Vietnamese alphabet puts on a Latin letter: the five tones (grave, acute, tilde, hook, dot
#: below) and the vowel marks (circumflex, breve, horn); ``đ`` is a letter of its own
VIET_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b")
#: the punctuation Vietnamese official text is typed with (Decree 30's documents: ``V/v``, ``(b/c)``, ``./.``,
#: ``kinh tế - xã hội``, quotes, ``%``, ``&``); anything else (``†``, ``§``, ``©``, ``#``, ``°``) is debris
PUNCTUATION = frozenset(".,;:!?()[]/-–—\"'“”‘’%&+")
#: a dash glued to the front of a word of letters after a space or at the value's start (``ấp -ả``): a dash stands
#: between words with spaces (``kinh tế - xã hội``) or inside a code (``QĐ-UBND``), never opens a word
_GLUED_DASH = re.compile(r"(?:^|(?<=\s))[-–—~]+(?=[^\W\d_])")
#: two words of letters joined by a hyphen, neither part of a longer hyphenated chain
_HYPHENED = re.compile(r"(?<![\w-])([^\W\d_]+)-([^\W\d_]+)(?![\w-])")


def _vietnamese_letter(ch: str) -> bool:
    if ch in "đĐ":
        return True
    base, *marks = unicodedata.normalize("NFD", ch)
    return base.isascii() and base.isalpha() and all(m in VIET_MARKS for m in marks)


def foreign_doubt(value: str) -> str | None:
    """Why a value is doubtful: it holds a character that is neither a letter of the Vietnamese alphabet (Latin
    letters with its marks), a digit, a space nor the punctuation official text is typed with (``11†``): a speck
    read as a symbol, where a mark or a letter beside it may have been lost too."""
    for ch in value:
        if not (ch.isspace() or ch.isdigit() or ch in PUNCTUATION or _vietnamese_letter(ch)):
            return f"'{ch}' (U+{ord(ch):04X}) is no character of Vietnamese text: a speck read as a symbol"
    return None


def glued_dash_doubt(value: str) -> str | None:
    """Why a value is doubtful: a dash is glued to the front of a word (``ấp -ả``): a speck or a stroke read as
    a dash, and what follows it a fragment read from debris (or a word whose first letters were lost)."""
    m = _GLUED_DASH.search(value)
    if m is None:
        return None
    word = value[m.start():].split()[0]
    return f"'{word}': a dash glued to the front of a word, debris read as a dash"


def hyphen_word_doubt(value: str) -> str | None:
    """Why a value is doubtful: two syllables in small letters joined by a hyphen make a word of the list
    without it (``thực-hiện`` for ``thực hiện``): Vietnamese writes a word's syllables apart, so the hyphen is a
    speck read in the space. Names written with hyphens (``Ê-đê``, ``Ba-na``) are in capitals and not judged."""
    words = entries()
    for m in _HYPHENED.finditer(value):
        first, second = m.group(1), m.group(2)
        if first.islower() and second.islower() and f"{canon(first)} {canon(second)}" in words:
            return f"'{m.group(0)}': '{first} {second}' is a word; the hyphen is a speck read in the space"
    return None


def debris_value_doubt(value: str) -> str | None:
    """The first of this module's reasons that doubts ``value``, or None."""
    return foreign_doubt(value) or glued_dash_doubt(value) or hyphen_word_doubt(value)
