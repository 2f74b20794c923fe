"""A faded page's ``0`` and ``c`` read as a symbol the documents never print (``Ø1``, ``20€5``, ``(b/€);``).

Why: on a faded carbon copy the grain breaks a ring's stroke and the engine, unsure, reads the ring as a symbol of
its model's other scripts: a ``0`` read ``Ø`` (slashed) or ``€`` inside a number (``ngày 02 thắng Ø1 năm``, a civil
extract's ``20€5``), the ``c`` of a recipient's note ``(b/c)`` read ``€`` (``(b/€);``, ``(b/€C);``): 5 tokens on the
fit sets 415-417, each a truth word lost (bench/RESULTS.md, "Faded pages, tenth round (session 47)"). Neither symbol
is written in a commune's record, a number holds no letter but these, and Decree 30's one bracketed note after a
recipient is ``(b/c)``, so the symbol is read as the glyph it stands for there and nowhere else: a word with any
other letter, or a symbol outside a number or the note, is left as read.
"""

from __future__ import annotations

import re

from .models import Word
from .ocr import OcrResult, nfc
from .restore import Prepared
from .typedcase import with_readings

#: Symbols a faded ``0`` is read as; none is printed in a commune's record.
ZERO_SYMBOLS = "Ø€"
#: A number (digits with ``.``, ``,`` or ``/`` between, as dates, codes and amounts are written) holding at least
#: one of :data:`ZERO_SYMBOLS` and a digit, with the marks a number ends with.
_NUMBER = re.compile(rf"^([(\[]?)((?:[0-9{ZERO_SYMBOLS}]+[./,]?)+)([.,;:)\]]*)$")
#: The recipient's note ``(b/c)`` with its ``c`` read as ``€`` (alone or beside a ``C`` read from the same ring).
_NOTE = re.compile(r"^\(b/(?:€|€[cC]|[cC]€)\)([.,;:]*)$")


def symbol_reading(text: str) -> str | None:
    """``text`` with the symbol read for a ``0`` or a ``c`` set back (``Ø1`` → ``01``, ``20€5`` → ``2005``,
    ``(b/€);`` → ``(b/c);``), or None where it holds none of them as :data:`_NUMBER` or :data:`_NOTE` say."""
    text = nfc(text)
    note = _NOTE.match(text)
    if note:
        return "(b/c)" + note.group(1)
    number = _NUMBER.match(text)
    if number and any(c.isdigit() for c in number.group(2)) and any(c in ZERO_SYMBOLS for c in text):
        core = "".join("0" if c in ZERO_SYMBOLS else c for c in number.group(2))
        return number.group(1) + core + number.group(3)
    return None


def symbol_words(words: list[Word]) -> list[str | None]:
    """Each word's reading by :func:`symbol_reading`, None where it has none."""
    return [symbol_reading(w.text) for w in words]


def faded_symbols(ocr: OcrResult, prep: Prepared) -> OcrResult:
    """A faded page's reading (``prep.before_contrast`` set) with its symbols read for a ``0`` or the note's ``c``
    set back (:func:`symbol_words`); any other page as read. The boxes are kept."""
    if prep.before_contrast is None or not ocr.words:
        return ocr
    return with_readings(ocr, symbol_words(ocr.words))
