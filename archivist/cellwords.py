"""A review flag for a register row's name holding a word that is no Vietnamese syllable and no listed spelling of
a name (``Nguyễn Thị Vâần``: a vowel read twice).

Why: a register's name cells are read one by one from a table, and the restorer puts a name word back only where
its letters have one listed spelling. A word read with a letter or a mark too many may be no word of the language
at all, yet ``is_name`` takes it (capitalised letters) and the family name is known, so nothing doubted HG122's
mother ``Nguyễn Thị Vâần`` (printed ``Vân``; bench/RESULTS.md, "Register rows counted (session 37)", held out
there). Every Kinh name word is a syllable; the names of the Highlands' and mountain peoples that are no syllable
(``Ksor``, ``H'Nga``) are listed (archivist/highland.py), so a word that is neither was misread or is a name no
list holds: either way a reviewer's glance. The value is kept: which letter is wrong is the reviewer's to read.
"""

from __future__ import annotations

from .highland import listed
from .lexicon import LETTERS
from .syllables import is_syllable


def unspelled_doubt(value: str) -> str | None:
    """Why the register name ``value`` is doubtful: a word of it is no Vietnamese syllable and no listed spelling
    of a name (:func:`archivist.highland.listed`), in any case."""
    for word in LETTERS.findall(value):
        if not is_syllable(word) and not listed(word):
            return f"'{word}' is no Vietnamese syllable and no name's spelling: a letter or a mark may be misread"
    return None
