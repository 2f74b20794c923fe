"""Blocks of ink the page's reading left without a single word, read again on their own (session 39).

Why: a decision's last page often holds only its recipients on the left and the signature block on the right,
a seal and a signature stamped over it. On such a near-empty page Tesseract's layout analysis (psm 3) can take
the whole right-hand block for a picture and read none of it: ``TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / Đặng Thị
Loan`` lost at once, a quarter to two fifths of the page's words (the worst table page of HG89, HG94, HG96,
HG127, HG130, HG131 and HG134; bench/RESULTS.md, "Table pages, the worst document (session 39)"). The same
rectangle read alone, as one block of lines (psm 6), reads all three lines.

What is read again: a text block found from the ink (:func:`archivist.blocks.find_blocks`, the ``--layout
blocks`` finder, here also on a page printed in light grey ink, as the tables group's are) of at least
:data:`MIN_WIDTH_MM` by :data:`MIN_HEIGHT_MM` in which the page's reading has no word at all. It is read twice, as
one block of lines and with Tesseract's own analysis, each less the seal's strokes read as marks, and the reading
with more letters read surely is kept (as a block under a seal is in ``--layout blocks``:
:func:`archivist.blocks.text_score`), only if it holds at least :data:`MIN_SCORE` such letters: a seal's ring, a
signature's scribble or a stain read as ``“ss vốc + #7:`` is left out, and so is each word of marks alone or read
under :data:`MIN_WORD_CONF` in a reading kept. A page whose reading has no word at all is not touched (a page
without text stays without words), and a block the reading touched anywhere is not read twice: nothing already
read is changed, words are only added, each line where its block's top falls among the page's lines
(:func:`archivist.cells.merge`). Only the upright page's reading gains them (``pagework._unread``).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from .blocks import Block, drop_specks, find_blocks, text_score
from .cells import merge
from .models import Word
from .ocr import OcrEngine, OcrResult, text_from_words

MM = 25.4
#: A block smaller than this is a lone number (archivist/pagenumber.py reads it), a mark or a speck.
MIN_WIDTH_MM, MIN_HEIGHT_MM = 20.0, 8.0
#: Letters and digits read at the blocks' WEAK_MEAN confidence or more a block's reading must hold to be kept
#: (a three-letter word and a half; the seal's and signature's strokes scored 0-2 on the studied pages).
MIN_SCORE = 6
#: Of a reading kept, a word read under this confidence (a signature's stroke read ``Z2`` at 0 beside the name
#: ``Vũ Hữu Toàn`` at 96, HG89) or of marks alone (a seal's arc read ``—`` before ``Phạm Xuân Quý``, HG130) is
#: left out: the words of a signature block read at 60 and more on the studied pages.
MIN_WORD_CONF = 30.0


def touched(b: Block, words: list[Word]) -> bool:
    """Some word of the reading lies in the block's rectangle, even partly."""
    return any(w.bbox[0] < b.x1 and w.bbox[2] > b.x0 and w.bbox[1] < b.y1 and w.bbox[3] > b.y0 for w in words)


def page_blocks(image: np.ndarray, dpi: float, words: list[Word]) -> list[Block]:
    """The text blocks found from the ink of ``image`` (none where the page's reading has no word): found once a
    page, for the blocks left unread here and the lines left unread in the others (:mod:`archivist.unreadlines`)."""
    return (find_blocks(image, dpi, faint=True) or []) if words else []


def unread_blocks(image: np.ndarray, dpi: float, words: list[Word], found: list[Block] | None = None) -> list[Block]:
    """The text blocks of ``image`` large enough to hold a line of words, in which ``words`` has none (``found``:
    :func:`page_blocks`, found here when not given)."""
    found = page_blocks(image, dpi, words) if found is None else found
    wide, high = MIN_WIDTH_MM / MM * dpi, MIN_HEIGHT_MM / MM * dpi
    return [b for b in found if b.x1 - b.x0 >= wide and b.y1 - b.y0 >= high and not touched(b, words)]


def read_block(engine: OcrEngine, image: np.ndarray, dpi: float, b: Block, bilevel: bool = False) -> list[Word]:
    """The block's words in ``image``'s coordinates (its lines numbered from 0), or none where neither reading
    holds :data:`MIN_SCORE` letters read surely."""
    crop = np.ascontiguousarray(image[b.y0:b.y1, b.x0:b.x1])
    readings = [drop_specks(engine.recognize(crop, dpi, block=block, bilevel=bilevel).words, dpi)
                for block in (True, False)]
    best = max(readings, key=text_score)  # a tie keeps the block of lines
    if text_score(best) < MIN_SCORE:
        return []
    best = [w for w in best if w.conf >= MIN_WORD_CONF and any(c.isalnum() for c in w.text)]
    first = {ln: i for i, ln in enumerate(dict.fromkeys(w.line for w in best))}
    return [replace(w, bbox=(w.bbox[0] + b.x0, w.bbox[1] + b.y0, w.bbox[2] + b.x0, w.bbox[3] + b.y0),
                    baseline=None if w.baseline is None else w.baseline + b.y0, line=first[w.line]) for w in best]


def on_image(words: list[Word], scale: float) -> list[Word]:
    """The page's ``words`` in the pixels of its prepared image, ``scale`` times the page's size."""
    return [replace(w, bbox=tuple(round(v * scale) for v in w.bbox)) for w in words] if scale != 1.0 else words


def on_page(b: Block, lines: list[list[Word]], scale: float) -> tuple[Block, list[list[Word]]]:
    """A block read on the prepared image and its lines of words, back in the page's pixels (each line's words
    numbered line 0, as :func:`archivist.cells.merge` takes them)."""
    return (Block(*(round(v / scale) for v in (b.x0, b.y0, b.x1, b.y1))),
            [[replace(w, line=0, bbox=tuple(round(v / scale) for v in w.bbox),  # type: ignore[misc]
                      baseline=None if w.baseline is None else round(w.baseline / scale)) for w in line]
             for line in lines])


def with_added(ocr: OcrResult, added: list[tuple[Block, list[list[Word]]]]) -> OcrResult:
    """``ocr`` with the ``added`` blocks' lines merged in reading order; ``ocr`` itself where none was added."""
    if not added:
        return ocr
    return replace(text_from_words(merge(ocr.words, sorted(added, key=lambda a: a[0].y0))), notes=ocr.notes)


def read_unread(engine: OcrEngine, ocr: OcrResult, image: np.ndarray, dpi: float, scale: float = 1.0,
                bilevel: bool = False, found: list[Block] | None = None) -> OcrResult:
    """``ocr`` (the page's reading, in the page's pixels) with the words of each block of ``image`` (the prepared
    page, ``scale`` times the page's size, at ``dpi``; ``found``: its :func:`page_blocks`) it left unread, read
    alone; ``ocr`` itself where none was left or none of them read as text."""
    added: list[tuple[Block, list[list[Word]]]] = []
    for b in unread_blocks(image, dpi, on_image(ocr.words, scale), found):
        got = read_block(engine, image, dpi, b, bilevel)
        if got:
            added.append(on_page(b, [[w for w in got if w.line == ln] for ln in dict.fromkeys(w.line for w in got)],
                                 scale))
    return with_added(ocr, added)
