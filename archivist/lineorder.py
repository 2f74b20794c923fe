"""A body line's right part read as a block of its own, after the lines under it, put back on its line.

Why: on a faded page a pale patch in the middle of a body line leaves a strip of paper down the text, and
Tesseract's layout analysis takes the two sides for two columns: it reads the left side's lines, then the right
side's (seed 284's ``tb-198`` page 2: ``14. Trưởng ấp Mỹ Thuận chịu trách nhi`` / ``từng hộ gia đình và niêm yết
tại nhà văn`` / ``thông báo rộng rãi nội dung này đến``; seed 282's ``qd-232``: ``1.`` / ``ban;`` / ``2. Ông …`` /
… then ``Ông Lương Quốc Phúc, … - Trưởng``). The words are right, their order is not: copy-paste and phrase search
read the right side a line or more late, and the in-order word error counts every word of it twice
(bench/RESULTS.md, "Faded pages, eighth round (session 44)").

Only on a faded page without a table's grid (:func:`faded_lines`: a table's cells are read as lines of their
own, side by side). A line is put back after the line it continues (:func:`continues`) when it stands on that
line's height, starts right of where that line ends, within :data:`MOST_GAP` of its height, and every line read
between them lies under that line and ends left of where it starts: the left side's block. Lines in capitals are
left as read, and so is a gap wider than a few words: a header's or a footer's columns read as blocks (the
issuer's, then the national title's; the recipients, then the signature block) are already in reading order.

No word's text, box or confidence changes: only the order of the words and the lines' numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .headorder import _lines, span, stray
from .models import Word
from .ocr import OcrResult, nfc
from .ocrfix import text_of
from .ocrtext import upper_ratio
from .restore import Prepared

#: The two lines share this share of the shorter one's height at least (the same line of text).
SAME_ROW = 0.5
#: The gap between the line's end and the part's start is at most this many times the line's height (a word or two
#: worn away: seed 284's ``nhi`` … ``thông`` for ``nhiệm thông``); a header's or a footer's columns stand further apart.
MOST_GAP = 4.0
#: Lines read between them at most (the left side's block: a pale patch a few lines tall).
BACK = 6
#: Lines with this share of capitals or more are a header's, a title's or a signature block's: left as read.
CAPITALS = 0.5


def _text(line: Sequence[Word]) -> str:
    """The line's words as read, a space between."""
    return " ".join(w.text for w in line)


def continues(lines: Sequence[Sequence[Word]], i: int, j: int) -> bool:
    """Whether line ``j`` is the right part of line ``i`` (``i`` < ``j`` - 1) read after the left side's lines under
    it: on ``i``'s height (:data:`SAME_ROW`), right of it within :data:`MOST_GAP` heights, every line between under
    ``i`` and ending left of ``j``'s start (half a height's leeway), neither in capitals (:data:`CAPITALS`) nor
    stray (:func:`archivist.headorder.stray`: marks or one word alone, a speck's row or a page number)."""
    a, b = span(lines[i]), span(lines[j])
    height = min(a[3] - a[1], b[3] - b[1])
    overlap = min(a[3], b[3]) - max(a[1], b[1])
    if height <= 0 or overlap < SAME_ROW * height or not a[2] < b[0] <= a[2] + MOST_GAP * height:
        return False
    if any(stray(lines[k]) or upper_ratio(_text(lines[k])) >= CAPITALS for k in (i, j)):
        return False
    between = [span(line) for line in lines[i + 1:j]]
    return all(s[1] >= a[1] + SAME_ROW * height and s[2] <= b[0] + SAME_ROW * height for s in between)


def rejoin_lines(words: list[Word]) -> list[Word]:
    """``words`` with each line that continues an earlier one (:func:`continues`) put right after it, on its line;
    the lines renumbered in their new order. ``words`` itself (the same object) where no line does."""
    lines = [list(line) for line in _lines(words)]
    moved = False
    j = 2
    while j < len(lines):
        i = next((i for i in range(j - 2, max(-1, j - 2 - BACK), -1) if continues(lines, i, j)), None)
        if i is None:
            j += 1
            continue
        lines[i] += lines.pop(j)
        moved = True
    if not moved:
        return words
    return [replace(w, line=n) for n, line in enumerate(lines) for w in line]


def faded_lines(ocr: OcrResult, prep: Prepared) -> OcrResult:
    """A faded page's reading (``prep.before_contrast`` set) with its lines rejoined (:func:`rejoin_lines`); any other
    page, and a faded page with a table's grid (its cells are read as lines of their own, side by side), as read."""
    if prep.before_contrast is None or prep.grids or not ocr.words:
        return ocr
    words = rejoin_lines(ocr.words)
    return ocr if words is ocr.words else replace(ocr, words=words, text=nfc(text_of(words)).strip())
