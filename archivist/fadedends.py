"""A faded page's stop read as a comma at a paragraph's end, set back by the mark's glyph and the lines around it.

Why: after session 44 the largest one-glyph slip left in the faded group's words is a ``.`` read ``,``, now at the
end of a sentence closing its paragraph (bench/RESULTS.md, "Faded pages, ninth round (session 45)"): ``… xã,`` for
``… xã.``, ``… năm 2006,`` for ``2006.``, the closing ``./.`` read ``./,`` (7 of the 295 truth words the fit sets
315-317 lost). Session 43's rule (:mod:`archivist.fadedstops`) left the words of small letters alone: there a faded
comma loses its tail and takes a stop's shape. At a paragraph's end it does not have to be told by its shape alone:
the comma ending a line is the one inside a sentence, its line running to the page's margin and the next line going
on in small letters. On the dumped faded pages of seeds 190-193, 216-219, 282-284 and 315-317, the 32 stops read as
commas ending a line stood 1.4 or more line heights short of the margin, the next line opening with a capital or a
list's number but under one (``tò``, a line misread); of the 79 true commas ending a line, 7 had a capital or a
number under them (``biết,`` over ``TM.``, ``ngập,`` over ``172,4``), and only one of those, ``VT,`` over its
signer, ended its line short: its tail reaches 0.22 of the word's height under its foot, no stop's shape
(:func:`is_stop`). So a comma is read a stop only where all three agree: the glyph, the short line, the capital or
number under it (31 stops taken on those pages, no comma).
"""

from __future__ import annotations

import re
import statistics

import numpy as np

from .fadedstops import is_stop, mark_shape
from .models import Word
from .ocr import OcrResult, nfc
from .restore import Prepared
from .typedcase import with_readings

#: A paragraph's last line ends at least this many of its line's heights short of the page's right margin: the
#: stops read as commas ending a line 1.4 or more on the dumped pages (``chẽ,`` of fit seed 316 1.4: the first cut,
#: 2.5, was set on the earlier seeds' 3.2 or more and missed it); the true commas ending a line over a capital 0.0 or
#: less, but one ``VT,`` over its signer (59, its tail under the foot).
SHORT_END = 1.0
#: The page's right margin: this quantile of its lines' right ends (a page's lines mostly run to the margin).
MARGIN_QUANTILE = 0.9
#: A word ending in a comma whose last glyph before it is a letter, a digit or a stroke of the closing ``./.`` (read
#: ``/`` or, before the stored text is made, the fraction slash ``⁄``: ``ký.⁄,``).
ENDS_IN_COMMA = re.compile("\\w.*[\\w/\u2044],|\\w,")


def _lines(words: list[Word]) -> list[list[int]]:
    """The page's lines as its words' indices, in reading order (``Word.line`` runs)."""
    lines: list[list[int]] = []
    for k, w in enumerate(words):
        if lines and words[lines[-1][-1]].line == w.line:
            lines[-1].append(k)
        else:
            lines.append([k])
    return lines


def paragraph_ends(words: list[Word]) -> list[int]:
    """The words read with a comma that end a paragraph by their place: the last word of a line that stops
    :data:`SHORT_END` line heights or more short of the page's right margin, the next line opening with a capital,
    a list's number or a dash."""
    lines = _lines(words)
    if len(lines) < 3:
        return []
    rights = sorted(max(words[k].bbox[2] for k in line) for line in lines)
    margin = rights[int(MARGIN_QUANTILE * (len(rights) - 1))]
    out = []
    for line, after in zip(lines, lines[1:], strict=False):
        last = words[line[-1]]
        first = nfc(words[after[0]].text)[:1]
        if not ENDS_IN_COMMA.fullmatch(nfc(last.text)) or not (first.isupper() or first.isdigit() or first == "-"):
            continue
        height = statistics.median(words[k].bbox[3] - words[k].bbox[1] for k in line)
        if height > 0 and margin - last.bbox[2] >= SHORT_END * height:
            out.append(line[-1])
    return out


def paragraph_stops(ocr: OcrResult, image: np.ndarray) -> OcrResult:
    """``ocr`` (a faded page's words, in the pixels of ``image``) with each comma ending a paragraph
    (:func:`paragraph_ends`) read as a stop where its glyph is one (:func:`archivist.fadedstops.is_stop`); ``ocr``
    itself where none is. The word's letters and box are kept."""
    asked = set(paragraph_ends(ocr.words))
    if not asked:
        return ocr
    return with_readings(ocr, [nfc(w.text)[:-1] + "." if k in asked and is_stop(mark_shape(image, w.bbox))
                               else None for k, w in enumerate(ocr.words)])


def faded_ends(ocr: OcrResult, prep: Prepared) -> OcrResult:
    """A faded page's reading (``prep.before_contrast`` set) with its paragraphs' closing stops set back
    (:func:`paragraph_stops`, on the image it was read from); any other page as read. Run once its lines are in
    order (:func:`archivist.lineorder.faded_lines`): a line's right part read as a block of its own would leave its
    left part ending short of the margin."""
    if prep.before_contrast is None or not ocr.words:
        return ocr
    return paragraph_stops(ocr, prep.image)
