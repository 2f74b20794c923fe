"""What bench/reread_ab.py measures with: a page's weak lines read a second time, one line at a time, from
differently restored images, and each line's best reading kept (by valid syllables, confidence, or a vote).

Session 22 (bench/RESULTS.md, "Weak lines read a second time"): no rule helped faded carbon copies; a gated
rule helped typewritten pages but cost words on a table page of the check set and left wrong values unflagged
end to end. Session 23: judged by context (archivist/wordlist.py), faded pages' weak lines are read again in the
pipeline (archivist/reread.py, which now holds the line helpers); the other rules stay here.

Why line by line was tried: reading a whole faded page twice (page with the higher mean confidence kept)
doubled the OCR time and did not help on both seeds ("Faded pages, more candidates"), and a page's mean
hides which lines each restoration reads better.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from archivist.models import Word
from archivist.ocr import TesserocrEngine
from archivist.reread import LineReader, View, box, lines_of, read_line, weak  # noqa: F401  (what the bench uses)
from archivist.syllables import is_syllable

#: A line whose mean word confidence is under this is re-read (``by="mean"``).
WEAK_LINE = 80.0

_LETTERS = re.compile(r"[^\W\d_]+")


def score(line: Sequence[Word]) -> tuple[float, float]:
    """(share of letter tokens that are valid syllables, mean confidence): higher is better. A line
    without letters (numbers, dashes) is judged by its confidence alone."""
    tokens = [t for w in line for t in _LETTERS.findall(w.text)]
    share = sum(map(is_syllable, tokens)) / len(tokens) if tokens else 1.0
    return round(share, 3), float(np.mean([w.conf for w in line])) if line else 0.0


def vote(first: Sequence[Word], others: Sequence[Sequence[Word]], weight: str = "count") -> list[Word]:
    """The line as most of its readings read it, word by word: the readings that found as many words as the
    first are lined up word for word, and each word takes the text most of them agree on (``weight``
    "count"), or the text with the most confidence summed over the readings that give it ("conf"); a tie
    keeps the first reading's. The first reading's boxes are kept, so only the text of a word changes."""
    same = [o for o in others if len(o) == len(first)]
    if not same:
        return list(first)
    out = []
    for i, w in enumerate(first):
        tally: dict[str, float] = {}
        for reading in (first, *same):
            t = reading[i].text
            tally[t] = tally.get(t, 0.0) + (1.0 if weight == "count" else reading[i].conf)
        text = max(tally, key=lambda t: (tally[t], t == w.text))
        if text == w.text:
            out.append(w)
        else:
            confs = [r[i].conf for r in same if r[i].text == text]
            out.append(replace(w, text=text, conf=round(float(np.mean(confs)), 2), rivals=()))
    return out


def line_reader(engine: TesserocrEngine) -> LineReader:
    """Reads an image holding one line of text as one line (psm 7), with archivist's engine and its word
    corrections, boxes in that image's pixels."""
    return engine.recognize_line
