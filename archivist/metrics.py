"""Accuracy measures against ground truth: word and character error, deskew error.

Word error is measured order-free (a bag of words): the issuing body and the national motto
sit side by side at the top of a Vietnamese document, and OCR engines read that header in
different orders, so a sequence measure would punish a correct reading. The plain character
error rate (Levenshtein over the whole page) is reported beside it for comparison.
Both compare NFC text with exact diacritics: ``Quyết`` read as ``Quyêt`` is an error.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def words(text: str) -> list[str]:
    return normalise(text).split(" ") if normalise(text) else []


def bag_of_words_error(reference: str, hypothesis: str) -> float:
    """1 - (reference words matched by a hypothesis word, counted with multiplicity) / reference words."""
    ref = Counter(words(reference))
    total = sum(ref.values())
    if total == 0:
        return 0.0
    matched = sum((ref & Counter(words(hypothesis))).values())
    return 1.0 - matched / total


def cer(reference: str, hypothesis: str) -> float:
    """Character error rate: edit distance over reference length, whitespace collapsed."""
    ref, hyp = normalise(reference), normalise(hypothesis)
    if not ref:
        return 0.0 if not hyp else 1.0
    return Levenshtein.distance(ref, hyp) / len(ref)


def angle_error(measured: float, truth: float) -> float:
    """Absolute difference of two tilts in degrees, modulo the half-turn."""
    d = (measured - truth + 90.0) % 180.0 - 90.0
    return abs(d)


@dataclass
class Summary:
    mean: float
    worst: float
    n: int

    def __str__(self) -> str:
        return f"mean {self.mean:.4f}, worst {self.worst:.4f} (n={self.n})"


def summarise(values: list[float]) -> Summary:
    if not values:
        return Summary(0.0, 0.0, 0)
    return Summary(sum(values) / len(values), max(values), len(values))
