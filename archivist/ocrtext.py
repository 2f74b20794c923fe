"""OCR'd page text as the classifier and the extractor see it: cleaned lines with their word boxes.

Tesseract's Vietnamese output has a few systematic glyph confusions (``Ð`` U+00D0 for ``Đ``, the
fraction slash ``⁄`` for ``/``, which the engine's words already hold as ``/`` (:func:`archivist.textnorm.read_text`),
assorted dashes) that are cheaper to undo once, here, than in every
pattern. Everything downstream matches on *folded* text (no marks, ``d`` for ``đ``, lower case) so
that a lost or wrong diacritic does not lose a match, then reads the value back from the original
text at the same offsets: :func:`_fold` is length-preserving on NFC text for exactly that reason.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from statistics import median
from typing import Any

from .textnorm import READ_LOOKALIKES, fold

Box = tuple[int, int, int, int]
WordTuple = tuple[str, float, Box, int]


@dataclass
class PageText:
    """One OCR'd page: its 1-based number in the scan, its text (lines split by ``\\n``) and, when the
    OCR engine gives them, its words as ``(text, confidence 0-100, pixel box, line index)`` tuples (or
    objects with those attributes: ``text``, ``conf``, ``bbox``, ``line``, as :class:`archivist.models.Word`)."""

    number: int
    text: str
    words: list[WordTuple] | list[Any] | None = None
    notes: tuple[str, ...] = ()  # the page's warnings (archivist.faintflags reads whether it was faint)
    #: word box -> (word, characters the engine nearly read otherwise: ``Word.rivals``); archivist.chardoubt
    rivals: dict[Box, tuple[str, tuple[tuple[int, str, float, float], ...]]] = field(default_factory=dict)
    #: the header's number box read again two ways (archivist.numberread): {"box", "read", "scan"}, or None
    number_reading: dict | None = None
    #: the mark over each word read with ``ầ`` measured (archivist.markheight): [{"box", "word", "height"}]
    mark_heights: list[dict] = field(default_factory=list)
    #: the date's year and day read again (archivist.dateread): {"box", "words"}, or None
    date_reading: dict | None = None
    #: the signer's name line read again (archivist.nameread): {"box", "read", "scan"}, or None
    name_reading: dict | None = None
    #: the space under an unnamed signature block's position read alone (archivist.namezone): {"box", "text"}
    name_zone: dict | None = None


def union_box(boxes: list[Box]) -> Box | None:
    """The smallest box holding all ``boxes``; None for none."""
    if not boxes:
        return None
    return min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)


def box_inside(box: Sequence[float], within: Sequence[float], slack: float = 3) -> bool:
    """Whether ``box`` lies inside ``within``, ``slack`` pixels allowed on every side (boxes of one word measured
    twice differ by a pixel or two)."""
    return (box[0] >= within[0] - slack and box[1] >= within[1] - slack and box[2] <= within[2] + slack
            and box[3] <= within[3] + slack)


def same_column(part: Sequence[float], box: Sequence[float]) -> bool:
    """Whether ``part`` and ``box`` stand in one column of a page: the middle of ``part`` over ``box`` widened by half
    its width on each side, or the middle of ``box`` under ``part``. Lines are centred in their column (a heading
    over its name, a name under its position), wider or narrower; the next column stands a column's width away."""
    half = (box[2] - box[0]) / 2
    return box[0] - half <= (part[0] + part[2]) / 2 <= box[2] + half or part[0] <= (box[0] + box[2]) / 2 <= part[2]


def overlap(a: Sequence[float], b: Sequence[float]) -> float:
    """The share of the smaller of boxes ``a`` and ``b`` (x0, y0, x1, y1) that the other covers."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return max(0, w) * max(0, h) / smaller if smaller > 0 else 0.0


@lru_cache(maxsize=1 << 16)
def _fold(s: str) -> str:
    """Fold Vietnamese for matching (:func:`archivist.textnorm.fold`: no marks, ``đ`` -> ``d``, lower
    case), kept length-preserving on NFC input (``len(_fold(s)) == len(unicodedata.normalize("NFC", s))``)
    so that an offset found in the folded text indexes the original: the few code points that fold to
    more or fewer than one (Hangul syllables, ``İ``) are kept as they are."""
    s = unicodedata.normalize("NFC", s)
    folded = fold(s)
    if len(folded) == len(s):
        return folded
    return "".join(f if len(f := fold(c)) == 1 else c for c in s)


_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_ZERO_IN_WORD = re.compile(r"(?<=[a-z])0|0(?=[a-z])")


def fold_key(s: str) -> str:
    """A comparison key: folded, ``0`` read as ``o`` inside words, punctuation collapsed to one space."""
    return _NON_ALNUM.sub(" ", _ZERO_IN_WORD.sub("o", _fold(s))).strip()


# Glyph-level confusions seen in Tesseract's ``vie`` output (this project's own table; see tests for
# the real outputs it was drawn from), with the look-alikes an OCR'd page's words no longer hold
# (:data:`archivist.textnorm.READ_LOOKALIKES`) for a page's own text (a born-digital PDF's, kept exact).
# Word-level corrections belong to a post-corrector, not here.
_GLYPHS = str.maketrans({
    **READ_LOOKALIKES, "\u00d0": "Đ", "\u00f0": "đ", "\u0189": "Đ", "\u2215": "/", "\u2010": "-", "\u2011": "-",
    "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " ", "\u2009": " ", "\u201c": '"',
    "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u200b": None, "\u200c": None, "\u200d": None, "\ufeff": None,
})
_DOUBLE_D = re.compile(r"(?<=[A-Z])ĐĐ(?=[-/\s]|$)")  # QĐĐ -> QĐ; a lone ĐĐ (Giấy đi đường) stays


def clean_ocr(s: str) -> str:
    """NFC, glyph confusions undone, a doubled ``ĐĐ`` (Tesseract reads the bar twice) made one."""
    return _DOUBLE_D.sub("Đ", unicodedata.normalize("NFC", s).translate(_GLYPHS)).rstrip()


@dataclass
class Line:
    """One text line of a page, or one column's part of it, with the boxes of the words in it.

    ``spans`` holds ``(start, end, box, confidence)`` per word, offsets into ``text``; it is empty when
    the page came as plain text.
    """

    page: int
    index: int
    text: str
    spans: list[tuple[int, int, Box, float]] = field(default_factory=list)

    @cached_property
    def folded(self) -> str:
        """The text folded (see :func:`_fold`), same length and offsets."""
        return _fold(self.text)

    def sub(self, start: int, end: int | None = None) -> Line:
        """The part ``text[start:end]``, trimmed, keeping the boxes of the words inside it."""
        end = len(self.text) if end is None else end
        raw = self.text[start:end]
        lead = len(raw) - len(raw.lstrip())
        start, end = start + lead, start + len(raw.rstrip())
        spans = [(max(a, start) - start, min(b, end) - start, bx, c)
                 for a, b, bx, c in self.spans if a < end and b > start]
        return Line(self.page, self.index, self.text[start:end], spans)

    def join(self, other: Line) -> Line:
        """This line and ``other`` as one (a title or a name broken over two lines), boxes kept."""
        shift = len(self.text) + 1
        return Line(self.page, self.index, f"{self.text} {other.text}",
                    self.spans + [(a + shift, b + shift, bx, c) for a, b, bx, c in other.spans])

    def box(self, start: int = 0, end: int | None = None) -> Box | None:
        """Union of the boxes of the words overlapping ``text[start:end]``; None without words."""
        end = len(self.text) if end is None else end
        return union_box([bx for a, b, bx, _ in self.spans if a < end and b > start])

    def conf(self, start: int = 0, end: int | None = None) -> float | None:
        """The lowest OCR confidence (0-1) of the words overlapping ``text[start:end]`` (one misread
        word spoils a value); None without words."""
        end = len(self.text) if end is None else end
        confs = [c for a, b, _, c in self.spans if a < end and b > start]
        return min(confs) / 100.0 if confs else None


def page_lines(page: PageText) -> list[Line]:
    """The page as lines; with words, each line is also cut at wide horizontal gaps into its columns,
    so the issuer (left) and the motto (right) of a header become separate lines even when the OCR
    put them on one. Blank lines are kept: they separate paragraphs."""
    if not page.words:
        return [Line(page.number, i, clean_ocr(t)) for i, t in enumerate(page.text.split("\n"))]
    words = tuple(w if isinstance(w, tuple) else (w.text, w.conf, tuple(w.bbox), w.line) for w in page.words)
    try:
        return list(_word_lines(page.number, words))
    except TypeError:  # a box given as a list, unhashable (a record's words read back from JSON): made afresh
        return list(_word_lines.__wrapped__(page.number, words))


@lru_cache(maxsize=64)
def _word_lines(number: int, words: tuple[WordTuple, ...]) -> list[Line]:
    """:func:`page_lines` of a page with words (as tuples), kept for the last pages asked.

    Why kept: one document's pages are cut into lines by the dossier's split, the layout's analysis, and again by
    the deputy's and the second signer's flags, up to 3 times a page (≈ 2 CPU ms each; bench/RESULTS.md, "A
    batch's cost beside the engine (session 49)"). The lines are a function of the page's number and words alone,
    so they are kept by those values: the split's pages and the described ones are other objects with the same
    words. Callers get a list of their own (:func:`page_lines`); the lines in it are shared, and no caller changes
    a line (``folded``, a cached property, is the same whoever asks first). 64 pages: a long dossier's split runs
    over every page before its documents are described."""
    heights = [w[2][3] - w[2][1] for w in words if w[2][3] > w[2][1]]
    gap = 2.0 * (median(heights) if heights else 20)
    rows: dict[int, list[WordTuple]] = {}
    for w in words:
        rows.setdefault(w[3], []).append(w)
    out: list[Line] = []
    for idx in sorted(rows):
        text, spans, prev = "", [], None
        cut = column_gap(rows[idx], gap)
        for word, conf, bx, _ in rows[idx]:
            word = clean_ocr(word).strip()
            if not word:
                continue
            if prev is not None and bx[0] - prev > cut:
                out.append(Line(number, idx, text, spans))
                text, spans = "", []
            text += " " if text else ""
            spans.append((len(text), len(text) + len(word), bx, float(conf)))
            text += word
            prev = bx[2]
        out.append(Line(number, idx, text, spans))
    return out


#: A gap this many times the line's usual word gap is a column gap, if it is also over 3/4 of the page's cut.
WORD_GAP_RATIO = 3.0


def column_gap(row: list[WordTuple], gap: float) -> float:
    """The gap that cuts this line into columns: the page's (``gap``, twice the median word height), or
    less where the line's own word gaps are narrow. At 150 dpi the header's columns may stand only 40 px
    apart, under the page's cut, and a V/v subject took in the date beside it (G2301 ``38-cv-019``:
    ``phòng, Xã Nghĩa Hưng, ngày 10…``, word gaps 8 px, column gap 40 px, page cut 42 px)."""
    lefts = sorted((w[2][0], w[2][2]) for w in row if w[2][2] > w[2][0])
    inner = sorted(b[0] - a[1] for a, b in zip(lefts[:-1], lefts[1:], strict=True) if b[0] > a[1])
    if len(inner) < 3:
        return gap
    return min(gap, max(0.75 * gap, WORD_GAP_RATIO * median(inner)))


def upper_ratio(s: str) -> float:
    """The share of capitals among the letters of ``s`` (titles, issuers and positions are in capitals)."""
    letters = [c for c in s if c.isalpha()]
    return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0
