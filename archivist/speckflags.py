"""A body's name holding a word read mostly as symbols (seventeenth round of issue 14 item 9).

Why: the body-name cleaner (:func:`archivist.bodies.clean_body`) strips specks read as punctuation at a
word's edges (``DÂN:``, ``_XÃ``), rightly when the word itself was read. When the engine read most of a word
as symbols (HG24's typed minutes: ``HƯNG`` read ``Ht#‡©``), what is left (``Ht``) is a fragment, and the
name's confidence (0.748, the line's) does not say so: ``HT`` is a known abbreviation, so no case or
syllable check doubts it either. A word's edge may carry one speck; a word of which more is symbol than
letter was not read.
"""

from __future__ import annotations

#: punctuation a speck or a name's own writing puts beside a word: not counted as a symbol read for a letter
_ORDINARY = frozenset(".,:;-_'\"`()/!?–—")


def symbol_word_doubt(read: str | None) -> str | None:
    """Why a body's name is doubtful: a word of what was read holds letters and at least two symbols (not
    ordinary punctuation), no fewer than its letters (``Ht#‡©``): the word was not read, its letters are a
    fragment of it."""
    for token in (read or "").split():
        letters = sum(c.isalnum() for c in token)
        symbols = sum(not c.isalnum() and not c.isspace() and c not in _ORDINARY for c in token)
        if letters and symbols >= 2 and symbols >= letters:
            return f"'{token}' read mostly as symbols: its letters are a fragment of the word"
    return None
