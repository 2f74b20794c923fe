"""A typewritten word in use read inside a set phrase of three words or more, read as the phrase's word where that
word is one letter away (``Ủy ban nhân sân`` for ``dân``, ``trên địa nàn`` for ``bàn``).

Why: :mod:`archivist.typedphrase` asks only words none uses (a right word is never asked), and a worn letter read
as another often still makes a word (``sân``, ``nàn``). A phrase of three words or more whose other words are read
as the phrase spells them says the word by itself: no record writes ``Ủy ban nhân sân`` or ``trên địa nàn``, and
no name is a phrase of three words (:mod:`archivist.phrasefix`). Two-word phrases are left: ``nhân thân`` and
``nhân dân`` are both written.

Only one letter for another, its marks as read (``s`` for ``d``, ``n`` for ``b``), or a vowel mark for another on
one letter, its tone as read (``ư`` for ``u``): a tone alone differing is :mod:`archivist.phrasefix`'s (and a
village's ``Phó trưởng bản`` is no ``phó trưởng ban``), and two glyphs differing are a guess. Exactly one word the
phrases put at the word's place must be so near, and the word as read none of them. No glyph is asked: the phrase
is the evidence. On the dumped typed pages (bench/RESULTS.md, "Typewritten pages, c read s, a rival, a long phrase
(session 49)") it read 5 truth words back on fit seeds 480-482 (``nhân sân`` ×2, ``địa nàn``, ``dự nội nghị``, ``Ben
Chỉ đạo``) and broke none.
"""

from __future__ import annotations

import unicodedata

import numpy as np

from .ocr import OcrResult, nfc
from .phrasefix import phrase_words
from .syllables import tone_of
from .tokens import EDGE, split_edges
from .typedcase import with_readings

#: The fewest words of a phrase that says its word alone (two-word phrases: ``nhân thân`` and ``nhân dân``).
SHORTEST = 3

#: The marks that make a vowel another (``â ê ô``, ``ă``, ``ơ ư``), apart from the tones.
VOWEL_MARKS = ("\u0302", "\u0306", "\u031b")


def _parts(ch: str) -> tuple[str, str, str]:
    """The base letter of ``ch``, its vowel marks and its tone marks (NFD, in order)."""
    nfd = unicodedata.normalize("NFD", ch)
    marks = nfd[1:]
    return nfd[0], "".join(m for m in marks if m in VOWEL_MARKS), "".join(m for m in marks if m not in VOWEL_MARKS)


def one_letter_away(read: str, word: str) -> bool:
    """Whether ``word`` differs from ``read`` (both in small letters, NFC) at one character alone, and there either in
    its base letter with the same marks (``sân``/``dân``, ``đan``/``ban``) or in its vowel mark with the same base
    letter and tone (``chúc``/``chức``); the tone of the word the same."""
    if len(read) != len(word) or tone_of(read) != tone_of(word):
        return False
    diff = [(a, b) for a, b in zip(read, word, strict=True) if a != b]
    if len(diff) != 1:
        return False
    (la, va, ta), (lb, vb, tb) = _parts(diff[0][0]), _parts(diff[0][1])
    return ta == tb and (la != lb and va == vb or la == lb and va != vb)


def long_slip(texts: list[str], lines: list[int], k: int) -> str | None:
    """Word ``k`` of ``texts`` (a page's words, on ``lines``) read as the word a phrase of :data:`SHORTEST` words or
    more puts at its place, its edges and case kept, where exactly one such word is one letter away
    (:func:`one_letter_away`) and the word as read is none of them; None elsewhere."""
    lead, core, trail = split_edges(texts[k], EDGE)
    if len(core) < 2 or not core.isalpha() or not core[1:].islower():
        return None
    low = core.lower()
    words = phrase_words(texts, lines, k, SHORTEST, spelt=True)
    if low in words:
        return None
    found = [w for w in words if one_letter_away(low, w)]
    if len(found) != 1:
        return None
    return lead + (found[0][:1].upper() + found[0][1:] if core[:1].isupper() else found[0]) + trail


def typed_long(ocr: OcrResult, typed: np.ndarray | None) -> OcrResult:
    """``ocr`` (a typewritten page's words; ``typed`` its image, None on any other page) with each word a phrase of
    three words or more reads one letter away read as the phrase's word (:func:`long_slip`). Unchanged on any other
    page."""
    if typed is None or not ocr.words:
        return ocr
    texts = [nfc(w.text) for w in ocr.words]
    lines = [w.line for w in ocr.words]
    return with_readings(ocr, [long_slip(texts, lines, k) for k in range(len(texts))])
