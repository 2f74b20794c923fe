"""A typewritten word broken apart at a worn ``h`` after its first consonant (``ni ất`` for ``nhất``, ``pi òng,`` for
``phòng,``, ``ti ực`` for ``thực``), joined again as the one word.

Why: after :mod:`archivist.typedtail` the words broken apart are among the largest classes the typewriter group keeps
(fit seeds 300-302: 41 truth tokens in splits or joins; bench/RESULTS.md, "Typewritten pages, ninth round continued
(session 45, second round)"), and the one that recurs is an ``h`` worn to its stem: its ascender broken reads as an
``i``'s dot, its arch is lost, and the engine ends the word there (``ni`` ``ất``, ``ni`` ``ân``, ``ni`` ``ập``, ``pi``
``òng,``, ``ti`` ``ực``; on typewriter44's 277-281 ``ti`` ``ể``, ``ti`` ``anh``, ``pi`` ``òng,``). Two checks take it:
- the page: the two boxes on one line with no space between (the typed space is a whole pitch: the gaps between the
  words of the fit pages stand 0.9 of a pitch or more in 99% of them, these 0.00, :data:`GAP_MAX`);
- the words: the join with the ``i`` kept makes no syllable (``niất``), the join with an ``h`` for it makes one in use
  (``nhất``): an ``i`` broken from its word (``ti êu`` for ``tiêu``) never becomes an ``h`` (``thêu``).
Only a consonant that an ``h`` follows (c, g, k, n, p, t) in small letters or a first capital, and a second part in
small letters: capitals (``TI I.`` for ``III.``), numbers and codes never; a ``:i`` or ``!i`` alone is another
broken letter as often (``:i ân`` for ``dân``), so it is left.
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np

from .models import Word
from .ocr import OcrResult, nfc
from .ocrfix import text_of
from .syllables import attested, is_syllable
from .tokens import EDGE, split_edges
from .typedcase import page_pitch

#: The first part: a consonant an ``h`` follows and the ``h``'s stem read ``i`` (a first capital allowed).
HEAD = re.compile(r"[cgknptCGKNPT]i")
#: The second part's core: small letters, a vowel first.
TAIL = re.compile(r"[aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ][^\W\d_A-Z]*")
#: The second part's edge: a stop, comma or colon at most (``oà::``, a letter broken into marks, is left).
TRAIL = re.compile(r"[.,;:)]?")
#: Two parts are one word where the gap between their boxes is under this share of the page's pitch (fit: 0.00 at
#: every broken word; 0.9 or more between 99% of the words).
GAP_MAX = 0.5


def joined(head: str, tail: str) -> str | None:
    """The word ``head`` and ``tail`` (as read, ``tail`` with its edge punctuation) make with an ``h`` for ``head``'s
    ``i``, where that is a syllable in use and the join with the ``i`` is no syllable; None elsewhere."""
    lead, core, trail = split_edges(nfc(tail), EDGE)
    if lead or not HEAD.fullmatch(head) or not TAIL.fullmatch(core) or core != core.lower() or not TRAIL.fullmatch(
            trail):
        return None
    word = head[0] + "h" + core
    return word + trail if word.lower() in attested() and not is_syllable(head + core) else None


def _merged(head: Word, tail: Word, text: str) -> Word:
    """``head`` and ``tail`` as the one word ``text``: their boxes' union, the lower confidence, the rivals of the
    characters kept (the ``i``'s dropped, the tail's moved on by the head's length)."""
    box = (head.bbox[0], min(head.bbox[1], tail.bbox[1]), tail.bbox[2], max(head.bbox[3], tail.bbox[3]))
    rivals = tuple(r for r in head.rivals if r[0] < len(head.text) - 1) + tuple(
        (i + len(head.text), *rest) for i, *rest in tail.rivals)
    return replace(head, text=text, bbox=box, conf=min(head.conf, tail.conf), rivals=rivals)


def typed_splits(ocr: OcrResult, typed: np.ndarray | None) -> OcrResult:
    """``ocr`` (a typewritten page's words; ``typed`` its image, None on any other page) with each word broken apart at
    a worn ``h`` (:func:`joined`, the boxes :data:`GAP_MAX` apart or less on one line) joined again. Unchanged on any
    other page."""
    pitch = page_pitch(ocr.words) if typed is not None and ocr.words else None
    if not pitch:
        return ocr
    words: list[Word] = []
    for w in ocr.words:
        prev = words[-1] if words else None
        if prev is not None and prev.line == w.line and 0 <= w.bbox[0] - prev.bbox[2] <= GAP_MAX * pitch and (
                text := joined(nfc(prev.text), nfc(w.text))) is not None:
            words[-1] = _merged(prev, w, text)
            continue
        words.append(w)
    if len(words) == len(ocr.words):
        return ocr
    return replace(ocr, words=words, text=nfc(text_of(words)).strip())
