"""The punctuation a word of OCR text is read without, a token parted into it and its word, and the word patterns.

One list for every module that reads words out of a value or a page (the correctors, the review flags, the
names), so that they agree on where a word starts and ends: each kept a list of its own before, and the lists
had drifted apart (one knew ``…``, another ``«»``). A module that reads some of these characters as part of a
word says why and takes them out of :data:`EDGE` (:func:`edge_without`), rather than writing a list of its own.
"""

from __future__ import annotations

import re

#: The runs a text is cut into, written once for every module (each wrote its own copy before): a run of word
#: characters as Python reads them (:data:`WORD`: letters, digits, ``_``); of letters and digits, which ``_``
#: and punctuation part (:data:`ALNUM`: the unit a value or an index keeps a word in); of letters only, which
#: digits part too (:data:`LETTERS`: the words of a name, so that every module that reads names cuts a name
#: into the same words).
WORD = re.compile(r"\w+")
ALNUM = re.compile(r"[^\W_]+")
LETTERS = re.compile(r"[^\W\d_]+")

BRACKETS = "()[]{}"
#: the stops that part a line's items and clauses (``Lưu: VT, VP;``): what a list's words are read without
SEPARATORS = ".,;:"
STOPS = SEPARATORS + "!?…"
QUOTES = "\"'`‘’“”"
#: angle quotes: seldom printed in a record, often what Tesseract reads a speck beside a word as (``-‹ỦY``)
ANGLES = "‹›«»"
DASHES = "-–—"
#: the strokes a rule, a speck or the ``/`` of ``./.`` beside a word is read as
STROKES = "_/\\|"
#: What stands around a word and is no part of it.
EDGE = BRACKETS + STOPS + QUOTES + ANGLES + DASHES + STROKES


def edge_without(chars: str) -> str:
    """:data:`EDGE` less ``chars``: for a module that reads those characters as part of a word."""
    return "".join(c for c in EDGE if c not in chars)


def split_edges(token: str, edge: str = EDGE) -> tuple[str, str, str]:
    """``token`` as (lead, core, trail): the punctuation before the word, the word, the punctuation after it, so
    a corrected word is put back between the same marks. A token of punctuation only is all lead."""
    body = token.lstrip(edge)
    core = body.rstrip(edge)
    return token[:len(token) - len(body)], core, body[len(core):]


#: The post-correction's (:mod:`archivist.ocrfix` and the correctors it calls): it reads a word with the strokes
#: and angle quotes beside it (``hiên./.``, ``/iý``, ``»cHỤ``). Stripping them too changed 15 words of the 42 fit
#: sets (session 27): 5 to the printed word (``hiện./.``), the rest to other misreadings (``gu vết./.``).
CORRECTOR_EDGE = edge_without(ANGLES + STROKES)

#: Letters a digit is read as where only digits belong (an entry number, a register's column number): ``O``/``o``
#: for ``0``, ``I``/``l`` for ``1``. One table for :mod:`archivist.civil` and :mod:`archivist.registers`.
OCR_DIGITS = str.maketrans("OoIl", "0011")
