"""Text blocks found before OCR, so Tesseract reads each as one uniform block (``--layout blocks``).

Why: Tesseract's own page layout analysis (psm 3) is about a quarter of its time on a typeset page,
and the layout of these pages is simple to see from the ink: at 75 dpi, with letters smeared into
lines and lines into paragraphs, the header's two columns, each paragraph and the signature block
come out as separate blobs. Each blob's rectangle read as one block of lines (psm 6 through
``SetRectangle``) cost 24% less CPU than psm 3 on the mixed bench's upright pages and read fewer
words wrong (bench/blocks.py, bench/RESULTS.md).

When the blobs do not look like text (a photograph, a drawing, a block that fills most of the page,
a speckled page, lines fallen apart into words, faded ink) or their reading is weak (handwriting),
the page is read the old way, psm 3 over the whole page: a uniform block over a picture reads its
texture as letters, where Tesseract's own analysis sets it aside.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import cv2
import numpy as np

from .models import Word
from .preprocess import components, ink_level

MM = 25.4
BLOCK_DPI = 75.0
#: Smear: 4 mm across joins the words of a line, 2.5 mm down the lines of a paragraph; the centimetre
#: between the header's two columns stays open.
JOIN_ACROSS_MM, JOIN_DOWN_MM = 4.0, 2.5
PAD_MM = 1.5  # margin kept around a block, so the first and last letters are not cut
MIN_INK_PX = 6  # ink pixels at 75 dpi below which a blob is a speck, not a word
#: Specks above which the page is speckled (the hard samples: 200-290 on speckled pages, 12 at most on
#: any other): their blobs cut lines and join the margins to the text, and Tesseract's own analysis
#: reads such pages better (bench/RESULTS.md, issue 16 session 19).
MAX_SPECKS = 50
MIN_WORD_INK_PX = 20  # ... and from which it is a word, not a speck or a mark (for :func:`split_lines`)
#: A blob whose ink covers more than this share of its rectangle is a picture or a stain, not lines of
#: letters (typeset paragraphs: 8-25%).
MAX_INK_SHARE = 0.4
#: Blocks that together cover more than this share of the page: the page is not a few text blocks.
MAX_COVER = 0.75
#: Pairs of blobs side by side on a line (:func:`split_lines`) above which the page's lines fell apart
#: into words: rectangles around single words lose the words' context and cut the neighbours' edges
#: (typeset pages of the hard samples: 2 at most, the header's and the footer's columns).
MAX_SPLIT_LINES = 2
#: A blob at most this tall (mm, smear included) is one line of text (one line: 6-7.5 mm on the bench pages,
#: two: 14 mm and more).
LINE_MM = 10.0
#: The first blob more than one line and at most ``HEADER_MM`` tall that starts between the top of the header's
#: two columns (:func:`header_gap`) and ``HEADER_MM`` under them and reaches across their gap is cut down a
#: white channel at least ``CHANNEL_MM`` wide (ink, without the smear) through its whole height whose middle
#: lies within ``NEAR_GAP_MM`` of the gap: the subject (``V/v …``, two lines under the number) and the place
#: and date beside it, 3 mm apart, were one blob and psm 6 read the date into the subject (HG36
#: ``twocol-42-cv-223``, bench/RESULTS.md "Blocks, fourth round (session 26)"). Word spaces are 1-2 mm (2 mm in
#: the justified lines of the generated seed-2 seals pages, where cutting every line across the gap scattered
#: them; HG36 ``seals-36``: a two-line paragraph 110 mm down, a 2 mm space near the gap, a short last line):
#: so only the first such blob, in the header, never one line.
CHANNEL_MM, HEADER_MM, NEAR_GAP_MM = 2.0, 30.0, 10.0
#: ... and the header's own two columns joined into one blob above them: see :func:`cut_header`.
JOINED_CHANNEL_MM = 1.6
#: Darkest ink (preprocess.ink_level) from which a page is faded: its strokes fall apart at 75 dpi and
#: the blocks cut letters (the hard samples: faded pages 141-187, every other page 124 at most).
FADED_INK = 130.0
#: A reading of the blocks at a lower mean word confidence is no text in blocks (handwriting, a picture;
#: the hard sample pages with text read at 78 or more) and the page is read again with Tesseract's own
#: layout analysis, which sets such regions aside.
WEAK_MEAN = 60.0


#: A block this large (side of a square of its area, mm) that reads weakly or as nothing is a seal
#: and a signature over the signer's lines (55 x 37 mm on the sample that showed it), not a stain or a
#: mark (15 x 7 to 25 x 15 mm on the bench pages, read as junk at low confidence like psm 3 reads them).
LARGE_MM = 30.0
#: A mark read alone in a box smaller than this (mm) both ways, in a block under a seal, is one of its specks.
SPECK_MM = 1.0
#: Marks that open the lines of a list (``Nơi nhận``'s recipients), kept where a seal overlaps them.
BULLETS = ("-", "+", "•", "*", "–", "—")


@dataclass(frozen=True)
class Block:
    """A rectangle of the page (x0, y0, x1, y1, pixels) to read as one uniform block."""

    x0: int
    y0: int
    x1: int
    y1: int


def text_score(words: Iterable[Word]) -> int:
    """Letters and digits of the words read at WEAK_MEAN confidence or more, less one for each word of neither
    (a mark): what a reading of a block found that is likely text, not a seal's or a signature's strokes read
    as marks (``/ _ CHỦ TỊCH`` where the seal's ring crosses the line)."""
    return sum(sum(c.isalnum() for c in w.text) for w in words if w.conf >= WEAK_MEAN) \
        - sum(not any(c.isalnum() for c in w.text) for w in words)


def drop_specks(words: list[Word], dpi: float) -> list[Word]:
    """The words of a block under a seal less its strokes read as marks: a word of marks alone (no letter or
    digit) in a box under SPECK_MM both ways, or opening a line and no bullet (BULLETS). Left, the seal's ring
    read before the signer's title became part of the position (``_ CHỦ TỊCH``, ``/ CHỦ TỊCH``). Punctuation
    is read with its word, and a list's bullet (``-``) is kept."""
    side = SPECK_MM / MM * dpi
    out: list[Word] = []
    for i, w in enumerate(words):
        opens = i == 0 or words[i - 1].line != w.line
        mark = not any(c.isalnum() for c in w.text)
        tiny = w.bbox[2] - w.bbox[0] < side and w.bbox[3] - w.bbox[1] < side
        if mark and (tiny or opens and w.text.strip() not in BULLETS):
            continue
        out.append(w)
    return out


def large(b: Block, dpi: float) -> bool:
    return (b.x1 - b.x0) * (b.y1 - b.y0) >= (LARGE_MM / MM * dpi) ** 2


def find_blocks(gray: np.ndarray, dpi: float, faint: bool = False) -> list[Block] | None:
    """The text blocks of an upright grey page (paper white) in reading order, or None when the page
    does not look like blocks of text (then Tesseract's own layout analysis should read it). ``faint``: also
    on a page whose darkest ink is as light as a faded page's (:data:`FADED_INK`), for a caller that only
    looks for where text is, not for rectangles to read it by (:mod:`archivist.unreadblocks`)."""
    k = min(1.0, BLOCK_DPI / dpi)
    small = cv2.resize(gray, None, fx=k, fy=k, interpolation=cv2.INTER_AREA) if k < 1.0 else gray
    t, ink = cv2.threshold(small, 0, 1, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    if t > 230 or not faint and ink_level(gray) >= FADED_INK:  # faded ink, or none Otsu tells from the paper's noise
        return None
    at = dpi * k
    kx, ky = max(3, round(JOIN_ACROSS_MM / MM * at)), max(3, round(JOIN_DOWN_MM / MM * at))
    joined = cv2.dilate(ink, cv2.getStructuringElement(cv2.MORPH_RECT, (kx, ky)))
    n, labels, stats, _ = components(joined)
    inked = np.bincount(labels[ink > 0], minlength=n)
    pad = round(PAD_MM / MM * dpi)
    h, w = gray.shape
    if int((inked[1:] < MIN_INK_PX).sum()) > MAX_SPECKS:
        return None
    blobs, ids, words, cover = [], [], [], 0
    for i in range(1, n):
        x, y, bw, bh, _ = (int(v) for v in stats[i])
        if inked[i] < MIN_INK_PX:
            continue
        if inked[i] > MAX_INK_SHARE * bw * bh:
            return None
        cover += bw * bh
        blobs.append(Block(x, y, x + bw, y + bh))
        ids.append(i)
        if inked[i] >= MIN_WORD_INK_PX:
            words.append(blobs[-1])
    if cover > MAX_COVER * small.shape[0] * small.shape[1] or split_lines(words, kx) > MAX_SPLIT_LINES:
        return None
    header = header_gap(words)
    if header is not None:
        blobs = cut_header(blobs, words, header, lambda n, b: (labels[b.y0:b.y1, b.x0:b.x1] == ids[n])
                           & (ink[b.y0:b.y1, b.x0:b.x1] > 0), at / MM, (kx, ky))
    return [Block(max(0, int(b.x0 / k) - pad), max(0, int(b.y0 / k) - pad),
                  min(w, int(b.x1 / k) + pad), min(h, int(b.y1 / k) + pad))
            for b in reading_order(merge_stacked(join_line_pieces(blobs, LINE_MM / MM * at)))]


def split_lines(blobs: list[Block], reach: int) -> int:
    """Pairs of blobs side by side on one line, less than two smears apart: the header's columns (one to
    three pairs on a page), or a line whose words fell apart (wide typewriter spacing)."""
    n = 0
    for i, a in enumerate(blobs):
        for b in blobs[i + 1:]:
            down = min(a.y1, b.y1) - max(a.y0, b.y0)
            gap = max(a.x0, b.x0) - min(a.x1, b.x1)
            low, high = sorted((a.y1 - a.y0, b.y1 - b.y0))
            if down > 0.5 * low and low >= 0.6 * high and 0 <= gap < 2 * reach:
                n += 1
    return n


def header_gap(blobs: list[Block]) -> tuple[int, int, float] | None:
    """The top, the bottom and the middle of the gap of the page's two header columns (issuer | motto): the topmost
    pair of blobs side by side at one height (as :func:`split_lines` pairs them, the heights and the distance
    apart: a three-line issuer beside a two-line motto, 1 to 25 mm between them); None when no two blobs
    sit so."""
    best: tuple[int, int, float] | None = None
    for i, a in enumerate(blobs):
        for b in blobs[i + 1:]:
            left, right = (a, b) if a.x0 < b.x0 else (b, a)
            down = min(a.y1, b.y1) - max(a.y0, b.y0)
            gap = right.x0 - left.x1
            if down > 0.5 * min(a.y1 - a.y0, b.y1 - b.y0) and gap >= 0:
                top = min(a.y0, b.y0)
                if best is None or top < best[0]:
                    best = (top, max(a.y1, b.y1), (left.x1 + right.x0) / 2)
    return best


def cut_header(blobs: list[Block], words: list[Block], header: tuple[int, int, float],
               own: Callable[[int, Block], np.ndarray], mm: float, smear: tuple[int, int]) -> list[Block]:
    """``blobs`` with those that reach across the header's column gap (``header``: :func:`header_gap`) cut
    down it (:func:`split_at_gap`; ``own(n, blob)``: the blob's own ink in its rectangle; ``mm``: pixels a mm):

    - the first blob more than one line and at most HEADER_MM tall that starts between the top of the pair
      :func:`header_gap` found and HEADER_MM under it (the subject beside the place and date: fourth round),
      down a channel at least CHANNEL_MM wide;
    - the first such blob that starts above that top, by less than HEADER_MM, with no word's blob (``words``)
      wholly above it (the page's first lines): the header's two columns themselves, joined into one blob
      because their first lines (``UBND HUYỆN NHƠN TRẠCH`` | ``CỘNG HOÀ XÃ HỘI …``) come closer than the
      smear; :func:`header_gap` then found the number and the date under them. Read as one block of lines,
      the columns' lines at other heights, psm 6 read ``XÃ PHƯỚC THIÊN`` at confidence 43 where the left
      column alone read ``THIỀN`` at 88 (HG42 ``twocol-38``, bench/RESULTS.md "Blocks, fifth round
      (session 28)"). The channel here is at least JOINED_CHANNEL_MM: the header's lines are centred,
      not justified, and the channels their word spaces leave through a blob measure 1-1.35 mm at 75 dpi
      (3-4 px, the letters' sides included); the columns' join measured 1.7 and 2.0 mm (5 and 6 px) on the
      two pages that showed it (HG42 ``twocol-38``, ``twocol-41``). Without the first lines' condition a
      paragraph above the recipients | signer pair of a second page (HG36 ``clean-01`` page 2) was cut down a
      channel of word spaces and its end read into the recipients."""
    top, bottom, gap = header
    tall = [(b.y0, n) for n, b in enumerate(blobs)
            if b.x0 < gap < b.x1 and LINE_MM * mm < b.y1 - b.y0 <= HEADER_MM * mm]
    under = [(y0, n) for y0, n in tall if top <= y0 <= bottom + HEADER_MM * mm]
    above = [(y0, n) for y0, n in tall if top - HEADER_MM * mm <= y0 < top
             and not any(w.y1 <= blobs[n].y0 for w in words)]
    cuts = {min(found)[1]: width for found, width in ((under, CHANNEL_MM), (above, JOINED_CHANNEL_MM)) if found}
    out: list[Block] = []
    for n, b in enumerate(blobs):
        out += split_at_gap(b, own(n, b), gap, round(cuts[n] * mm), NEAR_GAP_MM * mm, smear) if n in cuts else [b]
    return out


def split_at_gap(b: Block, ink: np.ndarray, gap: float, channel: int, near: float,
                 smear: tuple[int, int]) -> list[Block]:
    """``b`` cut in two down the white channel (no ink of its own, ``ink`` its rectangle's, at least
    ``channel`` pixels wide, through its whole height) whose middle is nearest ``gap`` and within ``near``
    of it; ``[b]`` when there is none. Each piece keeps its own lines' height with the smear's margin
    (``smear``: kernel width, height) and ends at its ink on the channel's side, so the block's pad (1.5 mm
    each way, less than the 2 mm channel together) reaches no letter of the other piece."""
    cols = ink.any(axis=0)
    best: tuple[float, int, int] | None = None
    x = 0
    while x < len(cols):
        if cols[x]:
            x += 1
            continue
        end = x
        while end < len(cols) and not cols[end]:
            end += 1
        middle = b.x0 + (x + end) / 2
        if x > 0 and end < len(cols) and end - x >= channel and abs(middle - gap) <= near:
            if best is None or abs(middle - gap) < best[0]:
                best = (abs(middle - gap), x, end)
        x = end
    if best is None:
        return [b]
    _, c0, c1 = best
    my = smear[1] // 2
    pieces = []
    for lo, hi, left in ((0, c0, True), (c1, len(cols), False)):
        ys = np.flatnonzero(ink[:, lo:hi].any(axis=1))
        pieces.append(Block(b.x0 if left else b.x0 + c1, max(b.y0, b.y0 + int(ys[0]) - my),
                            b.x0 + c0 if left else b.x1, min(b.y1, b.y0 + int(ys[-1]) + 1 + my)))
    return pieces


def _one_line(a: Block, b: Block, line: float) -> bool:
    """Two blobs, each one line tall, side by side at the same height (as :func:`split_lines` sees it)."""
    down = min(a.y1, b.y1) - max(a.y0, b.y0)
    low, high = sorted((a.y1 - a.y0, b.y1 - b.y0))
    return high <= line and down > 0.5 * low and low >= 0.6 * high and (a.x1 <= b.x0 or b.x1 <= a.x0)


def join_line_pieces(blobs: list[Block], line: float) -> list[Block]:
    """Blobs that are pieces of one line of the page, too far apart for the smear (the number ``Số: 22/QĐ-UBND``
    and the place and date beside it), joined into one block when nothing else lies between them.

    Why: a uniform block of one short line reads its words on a line-height estimate from a few letters, and
    the number came out ``222/QĐ-UBND`` or ``622/QĐ-UBND`` at word confidence 0 where the whole line, as
    Tesseract's own analysis reads it, read ``22`` and ``62`` (bench/RESULTS.md, "Blocks, third round (session
    26)"). ``line``: the height of one line (pixels of the blobs)."""
    out = list(blobs)
    joined = True
    while joined:
        joined = False
        for i, a in enumerate(out):
            for j in range(i + 1, len(out)):
                b = out[j]
                if not _one_line(a, b, line):
                    continue
                u = Block(min(a.x0, b.x0), min(a.y0, b.y0), max(a.x1, b.x1), max(a.y1, b.y1))
                if any(k not in (i, j) and c.x0 < u.x1 and u.x0 < c.x1 and c.y0 < u.y1 and u.y0 < c.y1
                       for k, c in enumerate(out)):
                    continue
                out[i] = u
                del out[j]
                joined = True
                break
            if joined:
                break
    return out


def _stacked(a: Block, b: Block) -> bool:
    """Blobs whose rectangles overlap, one mostly above or inside the other (a paragraph and its short
    last line, a seal inside the signature block), not side by side like the header's two columns."""
    if a.x0 >= b.x1 or b.x0 >= a.x1 or a.y0 >= b.y1 or b.y0 >= a.y1:
        return False
    across = min(a.x1, b.x1) - max(a.x0, b.x0)
    return across > 0.5 * min(a.x1 - a.x0, b.x1 - b.x0)


def merge_stacked(blocks: list[Block]) -> list[Block]:
    """Blobs joined while any two are stacked: read apart, the line at the seam was cut in two (the
    tone marks in one rectangle, the letters in the other) or read twice. Only overlapping blobs:
    joined through their margins too, a whole page became one block, and a uniform block over a
    seal and a signature beside the text lost the lines next to them."""
    out = list(blocks)
    merged = True
    while merged:
        merged = False
        for i in range(len(out)):
            for j in range(i + 1, len(out)):
                a, b = out[i], out[j]
                if _stacked(a, b):
                    out[i] = Block(min(a.x0, b.x0), min(a.y0, b.y0), max(a.x1, b.x1), max(a.y1, b.y1))
                    del out[j]
                    merged = True
                    break
            if merged:
                break
    return out


def _runs(blocks: list[Block], start: Callable[[Block], int], end: Callable[[Block], int]) -> list[list[Block]]:
    """``blocks`` in order of ``start``, cut where one begins past the end of every block before it."""
    runs: list[list[Block]] = []
    reach = -1
    for b in sorted(blocks, key=lambda b: (start(b), b.y0, b.x0)):
        if runs and start(b) < reach:
            runs[-1].append(b)
            reach = max(reach, end(b))
        else:
            runs.append([b])
            reach = end(b)
    return runs


def _continues(above: list[list[Block]], row: list[Block]) -> bool:
    """``row`` goes on the columns of the row ``above`` (two columns or more: the signature block's titles)
    when none of its blocks reaches across two of them: the signatures, the seal's pieces and the names under
    the titles, cut from them by a gap the smear did not close."""
    if len(above) < 2:
        return False
    spans = [(min(b.x0 for b in c), max(b.x1 for b in c)) for c in above]
    return all(sum(b.x0 < x1 and x0 < b.x1 for x0, x1 in spans) <= 1 for b in row)


def reading_order(blocks: list[Block]) -> list[Block]:
    """Rows of blocks that share height (the header's two columns, the recipients beside the signature),
    top to bottom; in a row, its columns (blocks one above another: the signer's title, the seal, the
    name) left to right, each top to bottom: the order Tesseract's own analysis gives these pages. A row
    under a row of columns that it does not reach across continues it (:func:`_continues`): read apart,
    the names of a two-signature block (``NGƯỜI ĐƯỢC ỦY QUYỀN`` / ``NGƯỜI ỦY QUYỀN``) came after both
    titles, each under the other's."""
    rows: list[list[Block]] = []
    for row in _runs(blocks, lambda b: b.y0, lambda b: b.y1):
        if rows and _continues(_runs(rows[-1], lambda b: b.x0, lambda b: b.x1), row):
            rows[-1] += row
        else:
            rows.append(row)
    out: list[Block] = []
    for row in rows:
        for column in _runs(row, lambda b: b.x0, lambda b: b.x1):
            out += sorted(column, key=lambda b: (b.y0, b.x0))
    return out
