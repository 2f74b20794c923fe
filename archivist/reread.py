"""A faded page's weak lines read a second time, and each line's reading judged by its words.

Why: on faded carbon copies the page read once loses about 6% of its words, and other restorations of
the same page hold better readings of many lines (picked by the truth, -20% from the page thickened,
-40% from twelve restorations), but neither Tesseract's confidence nor the share of valid syllables
tells which reading is right: a faded misreading is mostly still a syllable (``BẠN`` for ``BAN``).
What tells it is context (:mod:`archivist.wordlist`): a reading whose syllables make known Vietnamese
words, and are syllables many words use. Weighed with the confidence, that judge helped the faded pages
of all three bench sets (bench/RESULTS.md, "Faded lines judged by their words (session 23)").

Only faded pages (those :func:`archivist.restore.prepare` raised the contrast of, ``clahe``), and only their
lines with a word under :data:`WEAK_WORD`, are read again, one line at a time (psm 7), from the page
thickened (:data:`THICKEN`): about 11 lines of 30, +0.26 s of OCR on a page read in 0.9 s. Other pages
are read once: the same re-reading helped typewritten pages in the page bench but, end to end, left wrong
values unflagged (session 22), and it was not measured end to end for them again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from .models import Word
from .ocr import OcrResult, text_from_words
from .restore import Prepared, thicken
from .wordlist import load, tokens_of

#: A line with a word read under this is read again.
WEAK_WORD = 85.0
#: The view the weak lines are read again from: the page's image thickened by a grey minimum this wide.
THICKEN = 3
#: The judge: mean confidence + this per syllable that stands in a known word of the line ...
PER_WORD_SYLLABLE = 5.0
#: ... + this times the mean log-use of the line's syllables (:meth:`archivist.wordlist.Lexicon.prior`).
PER_PRIOR = 10.0
#: Space kept round a line's box when it is cut out, as a share of the line's height (Tesseract wants
#: some paper round the glyphs; tone marks stand above the box of a word read without them).
PAD_Y = 0.35
PAD_X = 0.5

DIGITS = re.compile(r"\d+")

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


def weak(line: Sequence[Word], threshold: float = WEAK_WORD, by: str = "word") -> bool:
    """The line is read again: one of its words (``by`` "word") or its mean (``by`` "mean") is read
    under ``threshold``. By word, since a faded letter costs one word in a line otherwise read well
    (bench pages: a line of mean 93 holding ``BẠN`` at 72 for ``BAN``)."""
    if not line:
        return False
    confs = [w.conf for w in line]
    return (min(confs) if by == "word" else float(np.mean(confs))) < threshold


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


def judged(line: Sequence[Word], per_word: float = PER_WORD_SYLLABLE, per_prior: float = PER_PRIOR) -> float:
    """How likely a reading of a line is the printed one: its mean confidence, plus ``per_word`` for each
    syllable that stands in a known word with its neighbours, plus ``per_prior`` times the mean log-use of
    its syllables (:mod:`archivist.wordlist`). Context and confidence weighed together: neither decides alone."""
    if not line:
        return 0.0
    lex = load()
    tokens = tokens_of([w.text for w in line])
    return float(np.mean([w.conf for w in line])) + per_word * lex.covered(tokens) + per_prior * lex.prior(tokens)


def same_numbers(a: Sequence[Word], b: Sequence[Word]) -> bool:
    """The two readings of a line hold the same numbers (digit runs, in order). The judge weighs letters
    only, so a reading it prefers for its words may carry misread digits (``2699`` for ``2009`` in a date
    whose line read ``nai`` for ``năm``): a line whose numbers changed keeps its first reading."""
    return DIGITS.findall(" ".join(w.text for w in a)) == DIGITS.findall(" ".join(w.text for w in b))


def second_reading(engine: object, ocr: OcrResult, prep: Prepared) -> OcrResult:
    """``ocr`` of a faded page (``clahe``) with each weak line (:func:`weak`) read again from the page
    thickened (:data:`THICKEN`) and the reading :func:`judged` higher kept (the first wins ties) when it holds
    the same numbers (:func:`same_numbers`). Other
    pages, and engines that cannot read one line (the CLI engine), as they are."""
    read = getattr(engine, "recognize_line", None)
    if read is None or "clahe" not in prep.steps or not ocr.words:
        return ocr
    lines = lines_of(ocr.words)
    todo = [n for n, ws in lines.items() if weak(ws)]
    if not todo:
        return ocr
    view = View(thicken(prep.image, THICKEN), prep.dpi, prep.scale)
    kept: dict[int, list[Word]] = {}
    for n in todo:
        got = read_line(read, view, box(lines[n]), n)
        if got and same_numbers(got, lines[n]) and judged(got) > judged(lines[n]):
            kept[n] = got
    if not kept:
        return ocr
    words: list[Word] = []
    for w in ocr.words:  # the page's order kept (a table's cells), a re-read line where its first word was
        if w.line not in kept:
            words.append(w)
        elif w is lines[w.line][0]:
            words += kept[w.line]
    return replace(text_from_words(words), notes=ocr.notes)
