"""Lines of ink inside a block the page's reading touched, on which it read no word: read again alone (session 40).

Why: :mod:`archivist.unreadblocks` reads a block the reading left without a single word; a line the reading
skipped *inside* a block it read stays lost. On a decision's last page the recipients' last line ``- Lưu: VT.``
(under ``- TT Đảng ủy, HĐND xã;``) is read as nothing, or as a ``\\`` of the signature beside it, and a
signer's name under the signature as nothing: a tenth of such a page's words (seed 150 ``tables-06`` page 2,
9.7%; HG129, HG90, HG98: bench/RESULTS.md, "Table pages, the whole page lost and the merged lines (session 40)").
Read alone, as one block, the line reads at 79-97.

What is read: in each text block of the prepared page (:func:`archivist.blocks.find_blocks`, as unreadblocks
finds them) that some word touches, the bands of its lines' dense rows (:func:`bands`) at least :data:`MIN_LINE_MM`
tall and at most :data:`MAX_LINE_MM`, on which no word of the reading lies (:func:`_unread_bands`). Each band's ink
is read alone, less the seal's strokes read as marks, and kept only when it
holds :data:`MIN_SCORE` letters read at the blocks' WEAK_MEAN or more and its words' mean confidence is at
least :data:`MIN_MEAN` (a seal's ring or a signature's stroke read as ``vÑ VỐC`` scores 3, at 35-60); of a
line kept, words of marks alone (but a list's opening ``-``) or read under :data:`MIN_WORD_CONF` are left out.
Words already read are never changed; each line kept goes where its top falls among the page's lines
(:func:`archivist.cells.merge`).
"""

from __future__ import annotations

from dataclasses import replace

import cv2
import numpy as np

from .blocks import BULLETS, Block, drop_specks, text_score
from .listcolumn import codes_only, list_column, list_line
from .models import Word
from .ocr import OcrEngine, OcrResult
from .unreadblocks import on_image, on_page, page_blocks, with_added

MM = 25.4
#: A band of dense rows this tall at least is a line of letters (small letters' bodies 1.8 mm at 11 pt); lower, a
#: rule's remains, a row of specks or a letter's marks alone.
MIN_LINE_MM = 1.2
#: ... and at most this tall: taller, two lines run together or a seal, which a line's reading would garble.
MAX_LINE_MM = 9.0
#: A row is dense when it holds this share of the densest row's ink (a line's bodies: a quarter and more; a
#: descender's tail or a mark's row: a few per cent).
DENSE = 0.08
#: Dense rows this close (mm) are one band: a tone mark over capitals.
JOIN_MM = 0.8
#: Paper kept round a band's ink when it is read (mm): its marks above, its tails below.
PAD_MM = 1.2
#: A band on which a word of the reading overlaps this share of the band's height is read already.
READ_SHARE = 1 / 3
#: Letters and digits read at WEAK_MEAN or more a band's reading must hold (``- Lưu: VT.`` holds 5).
MIN_SCORE = 4
#: ... and its words' mean confidence (the lines studied read at 79-97, a drawn ``- Lưu: VT.`` at 79 with its ``VT.``
#: at 50; a seal's strokes at 35-60).
MIN_MEAN = 75.0
#: Words of a line kept read under this are left out (a signature's stroke at the line's end).
MIN_WORD_CONF = 50.0


def bands(ink: np.ndarray, dpi: float) -> list[tuple[int, int]]:
    """The runs of dense rows of ``ink`` (0/1): rows holding at least :data:`DENSE` of the densest row's ink, the
    letters' bodies; runs closer than :data:`JOIN_MM` joined (a tone mark over capitals), as (top, bottom) pairs
    (bottom exclusive), those :data:`MIN_LINE_MM` to :data:`MAX_LINE_MM` tall. Why dense rows: a ``g``'s tail
    reaching down to the marks of the line under it (``Lạng Giang;`` over ``- Lưu: VT.``, HG129) made one run of
    two lines, which the reading had read as one."""
    if not ink.size:
        return []
    # the rows' sums by OpenCV (int32), not NumPy's widening sum: the same counts at a third of the CPU (session 41)
    profile = cv2.reduce(ink, 1, cv2.REDUCE_SUM, dtype=cv2.CV_32S).ravel()
    rows = np.flatnonzero(profile >= max(1, DENSE * profile.max())) if profile.any() else []
    if not len(rows):
        return []
    # a run ends where the next dense row lies more than JOIN_MM below (session 41: by array, not row by row)
    gaps = np.flatnonzero(np.diff(rows) > JOIN_MM / MM * dpi)
    starts, ends = np.r_[rows[0], rows[gaps + 1]], np.r_[rows[gaps], rows[-1]] + 1
    low, high = MIN_LINE_MM / MM * dpi, MAX_LINE_MM / MM * dpi
    return [(int(t), int(e)) for t, e in zip(starts, ends, strict=True) if low <= e - t <= high]


def _overlap(w: Word, band: tuple[int, int]) -> int:
    return min(w.bbox[3], band[1]) - max(w.bbox[1], band[0])


def boxes_of(words: list[Word]) -> np.ndarray:
    """The words' boxes as an (n, 4) array: the tests below run once a page over every word, block by block
    (session 41: a loop over the words in Python for each block cost 4 CPU ms a page)."""
    return np.array([w.bbox for w in words], dtype=np.float64).reshape(-1, 4)


def _unread_bands(found: list[tuple[int, int]], b: Block, words: list[Word],
                  boxes: np.ndarray | None = None) -> list[tuple[int, int]]:
    """The bands of block ``b`` on which no word of the block lies: none overlaps :data:`READ_SHARE` of the band's
    height, a box over two bands not counted. Such a box is two lines the reading ran together (``- UBND
    huyện`` 60 px tall over ``- Lưu: VT.``, HG129): it reads the line whose words it holds, and the other's
    words are lost. ``boxes``: :func:`boxes_of` ``words``, when the caller has it."""
    if not found:
        return []
    boxes = boxes_of(words) if boxes is None else boxes
    inside = boxes[(boxes[:, 0] < b.x1) & (boxes[:, 2] > b.x0)]
    tops, bottoms = np.array(found, dtype=np.float64).T
    over = np.minimum(inside[:, 3:4], bottoms) - np.maximum(inside[:, 1:2], tops)  # word by band
    on = over >= READ_SHARE * (bottoms - tops)
    read = set(np.argmax(on[on.sum(axis=1) == 1], axis=1).tolist())  # the band of each word on one band alone
    return [band for k, band in enumerate(found) if k not in read]


def _touched(b: Block, boxes: np.ndarray) -> bool:
    """:func:`archivist.unreadblocks.touched` on :func:`boxes_of` the words."""
    return bool(((boxes[:, 0] < b.x1) & (boxes[:, 2] > b.x0) & (boxes[:, 1] < b.y1) & (boxes[:, 3] > b.y0)).any())


def _repeats(got: list[Word], b: Block, words: list[Word]) -> bool:
    """Half the band's words or more already read on it (by a box over two bands): read twice, not lost."""
    near = {w.text for w in words if w.bbox[0] < b.x1 and w.bbox[2] > b.x0 and _overlap(w, (b.y0, b.y1)) > 0}
    said = [w.text for w in got if any(c.isalnum() for c in w.text)]
    return 2 * sum(t in near for t in said) >= len(said)


def unread_lines(image: np.ndarray, dpi: float, words: list[Word], found: list[Block] | None = None) -> list[Block]:
    """Rectangles around the ink of each band of a touched block of ``image`` on which ``words`` has none
    (``found``: :func:`archivist.unreadblocks.page_blocks`, found here when not given)."""
    found = page_blocks(image, dpi, words) if found is None else found
    if not found or not words:
        return []
    _, ink = cv2.threshold(image, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    pad = round(PAD_MM / MM * dpi)
    out, boxes = [], boxes_of(words)
    for b in found:
        if not _touched(b, boxes):
            continue  # a block without words: unreadblocks reads it whole
        sub = ink[b.y0:b.y1, b.x0:b.x1]
        on_page = [(b.y0 + top, b.y0 + bottom) for top, bottom in bands(sub, dpi)]
        for top, bottom in _unread_bands(on_page, b, words, boxes):
            cols = np.flatnonzero(sub[top - b.y0:bottom - b.y0].any(axis=0))
            out.append(Block(max(0, b.x0 + int(cols[0]) - pad), max(0, top - pad),
                             min(image.shape[1], b.x0 + int(cols[-1]) + 1 + pad), min(image.shape[0], bottom + pad)))
    return out


def read_line(engine: OcrEngine, image: np.ndarray, dpi: float, b: Block, bilevel: bool = False,
              column: bool = False) -> list[Word]:
    """The band's words in ``image``'s coordinates, or none where its reading is not surely text: by its letters'
    score and mean, or where it reads as the recipients list's last line opens
    (:func:`archivist.listcolumn.list_line`), its ``Lưu`` read at 93 and its code (``VT.``) at 36-91 or not at all
    beside a seal and a signature, under :data:`MIN_SCORE` and :data:`MIN_MEAN`. ``column``: a band of
    :func:`archivist.listcolumn.list_column`, kept only in the second way."""
    crop = np.ascontiguousarray(image[b.y0:b.y1, b.x0:b.x1])
    pad = max(8, (b.y1 - b.y0) // 2)  # white round the line, as Tesseract wants a margin
    crop = cv2.copyMakeBorder(crop, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=255)
    got = drop_specks(engine.recognize(crop, dpi, block=True, bilevel=bilevel).words, dpi)
    scored = not column and text_score(got) >= MIN_SCORE and sum(w.conf for w in got) / len(got) >= MIN_MEAN
    if not scored and not list_line(got, MIN_WORD_CONF):
        return []  # under the score, but a list's last line (``- Lưu:``, a seal page's, seed 268) read surely
    got = got if scored else codes_only(got)
    got = [w for i, w in enumerate(got) if w.conf >= MIN_WORD_CONF
           and (any(c.isalnum() for c in w.text) or i == 0 and w.text.strip() in BULLETS)]  # a list's ``-`` kept
    dx, dy = b.x0 - pad, b.y0 - pad
    return [replace(w, bbox=(w.bbox[0] + dx, w.bbox[1] + dy, w.bbox[2] + dx, w.bbox[3] + dy), line=0,
                    baseline=None if w.baseline is None else w.baseline + dy) for w in got]


def read_lines(engine: OcrEngine, ocr: OcrResult, image: np.ndarray, dpi: float, scale: float = 1.0,
               bilevel: bool = False, found: list[Block] | None = None) -> OcrResult:
    """``ocr`` (in the page's pixels) with each unread line of ``image`` (the prepared page, ``scale`` times the
    page's size; ``found``: its :func:`archivist.unreadblocks.page_blocks`) read alone added; ``ocr`` itself where
    none was found or none read as text. Where no block is found (a speckled page), the recipients list's column
    (:mod:`archivist.listcolumn`) is the block, and only its list's last line is kept."""
    words = on_image(ocr.words, scale)
    column = not (page_blocks(image, dpi, words) if found is None else found)  # no blocks found: a speckled page's
    if column:
        found = list_column(words, image.shape[1], image.shape[0], dpi)  # recipients column, its last line alone
    added = [on_page(b, [got], scale) for b in unread_lines(image, dpi, words, found)
             if (got := read_line(engine, image, dpi, b, bilevel, column)) and not _repeats(got, b, words)]
    return with_added(ocr, added)
