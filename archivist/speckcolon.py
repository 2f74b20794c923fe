"""A colon a speck put after a speckled page's word (``Ủy: ban``, ``vận: động``, ``sinh hoạt: để``, ``Đồng Nai:``),
taken out where the ink after the word is one dot, not a colon's two.

Why: on the speckled 200 dpi pages a speck after a word is read as a colon (11 of the 34 words lost as "mark added"
on the fit seeds 272-274, bench/RESULTS.md, "Speckled pages, eighth round (session 44)"). Session 42's step
(:func:`archivist.speckmarks.inner_mark`) asks Tesseract again about a colon between two syllables that make a word
of the list, and keeps it when the pair read again shows it: the speck is still there, and read again it is still a
colon. Its ink is not: a printed colon is two dots one above the other, while the specks read so were a single dot
beside the word's last letter. On the captured fit pages of seeds 272-274, of the words read with a colon whose
line gives an x-height, the 67 whose colon the truth prints ended in two or three dots (a colon, and an ``i``'s dot
or a speck beside it); of the 11 before a small letter whose colon it does not print, 7 ended in one (the others in
two specks or none apart from the letters, left as read). Two dots or more, or none apart from the letters (a dot
merged with a letter or a speck), leave the colon as read.

Session 44 asked only before a word in small letters, since a label's colon before a capital or a number (``Số:``,
``Kính gửi: Ủy ban``) is the page's commonest. Session 48 asks there too, the dot's place deciding: on the captured
pages of fit seeds 445-447, the 63 colons the truth prints on a line that gives an x-height ended in two or three
dots but two (``Số:`` before the report's number, its one dot at a colon's upper place; ``như sau:``, its one dot a
speck under the line), and of the 9 it does not print, all before a capital, a number or a dash (``Đồng Nai:`` at a
line's end, ``trường:`` of ``các trường hợp``, ``thôn: 3``), 4 ended in one dot, two of them between a colon's two
places (:func:`between_a_colons_dots`): only those go. A line giving no x-height (a label's line in capitals, a
form's line of labels and numbers) is left as read: there, measured against the page's other lines, 3 printed colons
showed one dot.
"""

from __future__ import annotations

from dataclasses import replace

import cv2
import numpy as np

from .models import Word
from .ocr import OcrResult, nfc
from .ocrfix import text_of
from .specksmall import line_x_heights
from .tokens import EDGE, split_edges

#: A dot is an ink piece no wider nor higher than this share of the x-height, and no smaller than
#: :data:`DOT_AREA` of its square (a pixel or two of grain is no dot).
DOT_SIZE = 0.5
DOT_AREA = 0.01
#: The colon's dots are the word's last ink: their right edge within this share of the x-height of the box's.
TAIL = 0.35
#: Before a capital, a number or a dash, the one dot must stand between a colon's two places: its foot between
#: these shares of the x-height above the baseline. A printed colon whose other dot merged or was lost keeps one at a
#: colon's place (``Số:`` of seed 447's report: its foot 0.77 above; the semicolons' dots of seeds 445-446 stood
#: 0.58-0.81 above), while two of the specks read as colons there stood 0.37 and 0.47 above (``Đồng Nai:``,
#: ``trường:``); ``thôn: Đông`` at 0.58 and ``Bắc Ninh:`` at 1.54 are left as read.
MID_LOW = 0.15
MID_HIGH = 0.5


def tail_dot_feet(image: np.ndarray, box: tuple[int, int, int, int], x_height: float) -> list[int]:
    """The foot (lowest row, in page pixels) of each dot (:data:`DOT_SIZE`) that ends the ink of the word at ``box``
    on ``image`` (grey, ink dark; Otsu over the box): the pieces whose right edge lies within :data:`TAIL` x-heights of
    the rightmost ink."""
    x0, y0, x1, y1 = box
    crop = image[max(0, y0):y1, max(0, x0):x1]
    if crop.size == 0:
        return []
    _, ink = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink.astype(np.uint8), connectivity=8)
    if n <= 1:
        return []
    rights = stats[1:, 0] + stats[1:, 2]
    edge = int(rights.max())
    size, area = DOT_SIZE * x_height, DOT_AREA * x_height * x_height
    return [max(0, y0) + int(stats[i, 1] + stats[i, 3]) for i in range(1, n)
            if max(stats[i, 2], stats[i, 3]) <= size and stats[i, 4] >= area
            and rights[i - 1] >= edge - TAIL * x_height]


def tail_dots(image: np.ndarray, box: tuple[int, int, int, int], x_height: float) -> int:
    """How many dots end the ink of the word at ``box`` (:func:`tail_dot_feet`)."""
    return len(tail_dot_feet(image, box, x_height))


def between_a_colons_dots(foot: int, baseline: int | None, x_height: float) -> bool:
    """Whether a dot whose foot is at row ``foot`` stands where neither of a colon's dots does: its foot at least
    :data:`MID_LOW` x-heights above the baseline and at most :data:`MID_HIGH` (a colon's lower dot sits on the
    baseline, its upper one's foot about 0.75 x-heights above it)."""
    if baseline is None:
        return False
    return MID_LOW * x_height <= baseline - foot <= MID_HIGH * x_height


def colon_candidates(words: list[Word]) -> dict[int, str]:
    """The words of letters read with a colon after them and a word after it, on its line or opening the next: each
    with its text without the colon."""
    out: dict[int, str] = {}
    for k in range(len(words) - 1):
        lead, core, trail = split_edges(nfc(words[k].text), EDGE)
        if trail == ":" and core.isalpha() and words[k + 1].line in (words[k].line, words[k].line + 1):
            out[k] = lead + core
    return out


def _before_small(nxt: Word) -> bool:
    """Whether ``nxt`` opens with a small letter (a sentence goes on: no label's colon stands before it)."""
    lead, core, _ = split_edges(nfc(nxt.text), EDGE)
    return not lead and core[:1].isalpha() and core[:1].islower()


def speck_colons(ocr: OcrResult, unsmoothed: np.ndarray | None, image: np.ndarray) -> OcrResult:
    """``ocr`` (a speckled page's reading of ``image``; ``unsmoothed`` None on any other page) without each colon
    read after a word (:func:`colon_candidates`) on a line that gives an x-height where one dot alone ends its ink
    (:func:`tail_dot_feet`): before a word in small letters wherever it stands, before any other word only between a
    colon's two places (:func:`between_a_colons_dots`). Unchanged on any page but a speckled one."""
    if unsmoothed is None or not ocr.words:
        return ocr
    candidates = colon_candidates(ocr.words)
    if not candidates:
        return ocr
    lines = line_x_heights(ocr.words, image)
    words = list(ocr.words)
    for k, clean in candidates.items():
        x_height = lines.get(words[k].line)
        if x_height is None:
            continue
        feet = tail_dot_feet(image, words[k].bbox, x_height)
        if len(feet) == 1 and (_before_small(words[k + 1])
                               or between_a_colons_dots(feet[0], words[k].baseline, x_height)):
            words[k] = replace(words[k], text=clean)
    if words == ocr.words:
        return ocr
    return replace(ocr, words=words, text=nfc(text_of(words)).strip())
