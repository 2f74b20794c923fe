"""A typewritten syllable that makes no word with its neighbours read with the letter the engine nearly read in its
place, where that makes one (``thời tiếc`` for ``thời tiết``, ``lăn chiếm`` for ``lấn chiếm``, ``Kể toán`` for ``Kế
toán``, ``đen vị`` for ``đơn vị``).

Why: a worn letter read as another that still makes a syllable in use is left by every rule asking words none uses,
and the typed rules that ask a syllable's neighbours (:mod:`archivist.typedpair`, ``typedstem``, ``typedflag``,
``typedtail``) each ask one letter told by its own glyph test. These slips are of every letter, a few of each
(fit seeds 480-482: bench/RESULTS.md, "Typewritten pages, c read s, a rival, a long phrase (session 49)"). Two
pieces of evidence agree on them, neither a guess: the list of words of two syllables or more
(:func:`archivist.wordpairs.odd_syllables`, its ``bound`` rule kept) says the syllable stands in no word with the ones
beside it and that one letter otherwise makes one, and the engine itself weighed that letter in that place
(:attr:`archivist.models.Word.rivals`, Tesseract's second choices within :data:`archivist.ocrresult.RIVAL_MARGIN`). A
reading is taken only where both agree and exactly one such letter makes a word there.

Only runs of syllables in small letters (a capitalised first word may open one) with no punctuation between are
read (:func:`archivist.typedpair.runs`); the rival must be a letter of the case read (a capital's rival a capital).
On the dumped typed pages of fit seeds 480-482 it read 10 truth words back and broke none.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .models import Word
from .ocr import OcrResult, nfc
from .syllables import attested
from .tokens import EDGE, split_edges
from .typedcase import with_readings
from .typedpair import asked_pairs

Forms = dict[str, tuple[int, str]]


def rival_forms(word: Word, text: str) -> Callable[[str], Forms]:
    """The readings of ``word`` (read ``text``) its rivals make: for its core as read, each syllable in use (in small
    letters) with one letter the engine nearly read in its place, with that place in the core and the syllable in the
    core's case."""
    lead = len(split_edges(text, EDGE)[0])

    def forms(core: str) -> Forms:
        out: Forms = {}
        for at, rival, _, _ in word.rivals:
            place = at - lead
            if 0 <= place < len(core) and rival.isalpha() and rival != core[place] \
                    and rival.isupper() == core[place].isupper():
                again = core[:place] + rival + core[place + 1:]
                if again.lower() in attested():
                    out[again.lower()] = (place, again)
        return out
    return forms


def typed_rivals(ocr: OcrResult, typed: np.ndarray | None) -> OcrResult:
    """``ocr`` (a typewritten page's words; ``typed`` its image, None on any other page) with each syllable that
    makes no word with its neighbours read with the engine's rival for one of its letters where exactly that one
    makes one (:func:`rival_forms`, :func:`archivist.typedpair.asked_pairs`). Unchanged on any other page."""
    if typed is None or not ocr.words:
        return ocr
    texts = [nfc(w.text) for w in ocr.words]
    if not any(w.rivals for w in ocr.words):
        return ocr
    asked = asked_pairs(texts, lambda core: {}, lambda k: rival_forms(ocr.words[k], texts[k]))
    return with_readings(ocr, [asked[k][1] if k in asked else None for k in range(len(texts))])
