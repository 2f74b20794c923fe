"""What an OCR engine gives back: its result (words, text, mean confidence), the engine's protocol, the words' text
made NFC, the characters the engine nearly read otherwise (rivals), and the page's summary from its words.

Why a module of its own: every OCR engine (:mod:`archivist.ocr`'s two) and the page's rules that re-read words (over
thirty modules take :class:`OcrResult` and :func:`nfc`) share these, and none of it needs an engine. Moved out of
ocr byte for byte (session 48), which was at its 400 lines; ocr still re-exports every name. What a test or a bench
replaces on ``ocr`` (``ocr._prepare``, the enlargement's dpi, ``ocr.find_seals``) stayed there, so replacing it
still changes what the engines do.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from .models import Word
from .ocrfix import fix_words, text_of
from .tessdata import OcrError

#: A rival is kept when it is a letter or digit other than the character read, within this many points.
RIVAL_MARGIN = 40.0
#: How a page is cut into what Tesseract reads: "tesseract", its own page layout analysis (psm 3), or
#: "blocks", the text blocks archivist finds from the ink (archivist/blocks.py), each one uniform block.
LAYOUTS = ("tesseract", "blocks")


def _layout(name: str) -> str:
    if name not in LAYOUTS:
        raise OcrError(f"unknown page layout {name!r}; choose one of {', '.join(LAYOUTS)}")
    return name


@dataclass
class OcrResult:
    words: list[Word] = field(default_factory=list)
    text: str = ""
    mean_confidence: float = 0.0
    notes: list[str] = field(default_factory=list)  # what the page's warnings should say about this reading


class OcrEngine(Protocol):
    name: str
    layout: str  # what it does with a whole page: one of LAYOUTS

    def version(self) -> str: ...

    def recognize(self, gray: np.ndarray, dpi: float, block: bool = False, bilevel: bool = False) -> OcrResult:
        """Words of an upright grey page; ``block``: the image is one block of lines read top to
        bottom (Tesseract's psm 6), as the cells of a table stacked on a strip are (cells.py);
        ``bilevel``: the scan was black and white (1 bit), which decides its enlargement (:func:`_scale_for`)."""
        ...


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def _unscale(box: tuple[int, int, int, int], scale: float) -> tuple[int, int, int, int]:
    if scale == 1.0:
        return box
    return tuple(int(round(v / scale)) for v in box)  # type: ignore[return-value]


def _rivals(char: str, choices: Iterable[Any] | None) -> tuple[str, float, float] | None:
    """The closest other letter or digit the engine weighed for ``char``: (rival, the choice confidence of
    ``char``, the rival's), if it came within RIVAL_MARGIN; None otherwise."""
    mine, best = None, None
    for ch in choices or ():
        text, conf = nfc(ch.GetUTF8Text() or ""), float(ch.Confidence())
        if text == char:
            mine = conf if mine is None else max(mine, conf)
        elif text.isalnum() and (best is None or conf > best[1]):
            best = (text, conf)
    if best is None:
        return None
    mine = best[1] if mine is None else mine
    if best[1] < mine - RIVAL_MARGIN:
        return None
    return best[0], round(mine, 1), round(best[1], 1)


def text_from_words(words: list[Word]) -> OcrResult:
    """An OcrResult for words that came from somewhere else (a born-digital PDF's own text)."""
    return _summarise(words)


def _summarise(words: list[Word], fix: bool = False) -> OcrResult:
    """Mean confidence and page text (one line per OCR line) from the words, corrected if ``fix``."""
    real = [w for w in words if w.text.strip()]
    if fix:
        real = fix_words(real)
    mean = float(np.mean([w.conf for w in real])) if real else 0.0
    return OcrResult(real, nfc(text_of(real)).strip(), round(mean, 2))
