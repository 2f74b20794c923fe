"""What bench/reread_ab.py measures with: a page's weak lines read a second time, one line at a time, from
differently restored images, and each line's best reading kept (by valid syllables, confidence, or a vote).

Measured, not adopted (bench/RESULTS.md, "Weak lines read a second time (session 22)"): no rule helped faded
carbon copies; a gated rule helped typewritten pages but cost words on a table page of the check set and
left wrong values unflagged end to end. Session 23 ("Faded lines judged by their words"): a judge by context
(bench/lexicon_judge.py) helped faded pages in this bench and in the record's words end to end, but the
text layer drifted from the record and one wrong value lost its flag, so it was taken out again. So this
lives in the bench, not in ``archivist/``; the pipeline's ``pagework._read`` reads every page once.

Why line by line was tried: reading a whole faded page twice (page with the higher mean confidence kept)
doubled the OCR time and did not help on both seeds ("Faded pages, more candidates"), and a page's mean
hides which lines each restoration reads better.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from archivist.models import Word
from archivist.ocr import TesserocrEngine, _summarise
from archivist.syllables import is_syllable

#: A line whose mean word confidence is under this is re-read (``by="mean"``).
WEAK_LINE = 80.0
#: Space kept round a line's box when it is cut out, as a share of the line's height (Tesseract wants
#: some paper round the glyphs; tone marks stand above the box of a word read without them).
PAD_Y = 0.35
PAD_X = 0.5

_LETTERS = re.compile(r"[^\W\d_]+")

#: Reads one line: (grey image of the line alone, its dpi) -> the words, boxes in that image's pixels.
LineReader = Callable[[np.ndarray, float], list[Word]]


@dataclass
class View:
    """An image of the page restored some way, and how many of its pixels make one page pixel."""

    image: np.ndarray
    dpi: float
    scale: float = 1.0


def lines_of(words: Sequence[Word]) -> dict[int, list[Word]]:
    out: dict[int, list[Word]] = {}
    for w in words:
        out.setdefault(w.line, []).append(w)
    return out


def weak(line: Sequence[Word], threshold: float = WEAK_LINE, by: str = "word") -> bool:
    """The line is read again: one of its words (``by`` "word") or its mean (``by`` "mean") is read
    under ``threshold``. By word, since a faded letter costs one word in a line otherwise read well
    (bench pages: a line of mean 93 holding ``BẠN`` at 72 for ``BAN``)."""
    if not line:
        return False
    confs = [w.conf for w in line]
    return (min(confs) if by == "word" else float(np.mean(confs))) < threshold


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


_DIGITS = re.compile(r"\d+")


def same_numbers(a: Sequence[Word], b: Sequence[Word]) -> bool:
    """The two readings of a line hold the same numbers (digit runs, in order). A judge that weighs letters only
    may prefer a reading whose digits are misread (end to end: ``2699`` for ``2009`` in a date whose line read
    ``nai`` for ``năm``); with this gate a line whose numbers changed keeps its first reading."""
    return _DIGITS.findall(" ".join(w.text for w in a)) == _DIGITS.findall(" ".join(w.text for w in b))


def box(line: Sequence[Word]) -> tuple[int, int, int, int]:
    return (min(w.bbox[0] for w in line), min(w.bbox[1] for w in line),
            max(w.bbox[2] for w in line), max(w.bbox[3] for w in line))


def read_line(read: LineReader, view: View, box: tuple[int, int, int, int], line_no: int) -> list[Word]:
    """The words of the line in ``box`` (page pixels) read from ``view``, boxes back in page pixels."""
    x0, y0, x1, y1 = box
    h = y1 - y0
    s = view.scale
    H, W = view.image.shape[:2]
    cx0, cy0 = max(0, int((x0 - PAD_X * h) * s)), max(0, int((y0 - PAD_Y * h) * s))
    cx1, cy1 = min(W, int((x1 + PAD_X * h) * s) + 1), min(H, int((y1 + PAD_Y * h) * s) + 1)
    if cx1 - cx0 < 4 or cy1 - cy0 < 4:
        return []
    crop = np.ascontiguousarray(view.image[cy0:cy1, cx0:cx1])
    words = read(crop, view.dpi)

    def px(v: float, off: int) -> int:
        return int(round((v + off) / s))

    return [replace(w, bbox=(px(w.bbox[0], cx0), px(w.bbox[1], cy0), px(w.bbox[2], cx0), px(w.bbox[3], cy0)),
                    line=line_no, baseline=None if w.baseline is None else px(w.baseline, cy0))
            for w in words]


def line_reader(engine: TesserocrEngine) -> LineReader:
    """Reads an image holding one line of text as one line (psm 7), with archivist's engine and its word
    corrections, boxes in that image's pixels (the engine's own ``recognize`` has no single-line mode)."""
    psm = engine._tesserocr.PSM.SINGLE_LINE

    def read(gray: np.ndarray, dpi: float) -> list[Word]:
        img, scale = engine._set_image(gray, dpi)
        words = _summarise(engine._read(scale, psm, img.shape[1], img.shape[0]), fix=True).words
        engine.api.Clear()
        return words
    return read
