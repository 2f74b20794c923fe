"""Pages without readable text (a blank sheet with the reverse showing through, a photograph,
handwriting Tesseract cannot read): recognised as such, kept as an image only, never guessed from.

Why this is needed: Tesseract reads something almost everywhere. On a blank sheet whose reverse
shows through it returns hundreds of "words" at low confidence (``xis-VuÀd sản (Âsggd``), and from
them the extractor once took ``20/344Á`` for a document number. Pages whose reading is mostly
unsure are not text: their words are set aside (no text layer, no index entry, nothing to extract),
and the page warning says so with the confidence of that verdict (which way is up and the tilt of such
a page are :mod:`archivist.orient`'s: it keeps a page with too little text as scanned). A page the
layout estimate turned upside down reads as junk too; orient reads it the other ways before this
verdict is taken on its best reading.

Measured on the hard sample groups (bench/accuracy.py --groups): pages with text read at a mean word
confidence of 75-96 with 75-100% of their words at 60 or more; show-through read at 28 with 17%.
"""

from __future__ import annotations

from dataclasses import dataclass

from .ocr import OcrResult

SURE = 60.0  # a word read at this confidence or more is a sure word
MIN_MEAN = 50.0  # a page read at a lower mean confidence ...
MIN_SURE_SHARE = 0.4  # ... and with fewer sure words than this share has no readable text


@dataclass(frozen=True)
class Verdict:
    readable: bool
    confidence: float  # 0-1: how sure the verdict is
    words: int  # words the OCR returned
    mean: float  # their mean confidence, 0-100

    def message(self) -> str:
        """The page warning of a page without readable text (one line)."""
        found = f"; {self.words} unreadable words at {self.mean:.0f}% set aside" if self.words else ""
        return (f"no text found on the page (no text recognised, confidence {self.confidence:.2f}{found}): "
                "kept as an image only, metadata left for review")


def judge(ocr: OcrResult) -> Verdict:
    """Does this reading hold text? Sure words make it text; a page of unsure ones is not."""
    n = len(ocr.words)
    if n == 0:
        return Verdict(False, 1.0, 0, 0.0)
    sure = sum(1 for w in ocr.words if w.conf >= SURE) / n
    mean = ocr.mean_confidence
    if mean >= MIN_MEAN or sure >= MIN_SURE_SHARE:
        return Verdict(True, round(min(1.0, max(mean / 100, sure)), 2), n, mean)
    return Verdict(False, round(1.0 - max(mean / 100, sure), 2), n, mean)
