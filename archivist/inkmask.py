"""The page's ink: its background flattened, its text's ink as a mask, its components labelled, its darkest ink.

Why a module of its own: these serve far more than the tilt and the way up (:mod:`archivist.preprocess`, which
measures them on the mask made here): the restoration of faded and speckled pages, the text blocks, the tables and
the specks label and measure the page with them. Moved out of preprocess byte for byte (session 48), which was at
its 400 lines; preprocess still re-exports every name, so ``preprocess.ink_mask`` and the rest work as before.
"""

from __future__ import annotations

import cv2
import numpy as np

from . import inkstats


def components(mask: np.ndarray) -> tuple[int, np.ndarray, np.ndarray, np.ndarray]:
    """``cv2.connectedComponentsWithStats(mask, connectivity=8)``, labelled with Grana's algorithm (BBDT).

    Why not OpenCV's default (Spaghetti): on this build, single-threaded as the workers run, it took
    15.9 ms on a 150 dpi page's ink mask against 8.7 for BBDT, with the same labels, stats and centroids
    (both label in raster order; tests/test_page_cost_labels.py pins it). Every page goes through ink_mask
    twice, and restore and tables label the full-resolution page (bench/RESULTS.md, issue 16, session 22).
    """
    return cv2.connectedComponentsWithStatsWithAlgorithm(mask, 8, cv2.CV_32S, cv2.CCL_BBDT)


def components_in_box(mask: np.ndarray) -> tuple[int, int, np.ndarray, np.ndarray]:
    """:func:`components` of ``mask`` inside the box around its pixels: ``(x0, y0, labels, stats)``, the labels
    of the box only, the stats in the whole mask's coordinates.

    Why the box: the masks labelled around the engine are mostly empty (a page's rules on a mask of the whole
    page at 100 dpi, archivist/tables.py; the specks in a clean page's margins, archivist/restore.py), and
    labelling such a mask whole cost 4.5-4.7 ms a call where the box around its pixels takes a fraction of it.
    The same labels and stats for every component: all its pixels are in the box, and the box starts on an
    even row and column, so BBDT meets the components in the same 2x2 blocks in the same order (from an odd
    row it numbered them otherwise; the background's row 0 differs, no caller reads it; pinned in
    tests/test_tables.py; bench/RESULTS.md, issue 16, session 24)."""
    x, y, w, h = cv2.boundingRect(mask)
    if not w or not h:  # nothing set: no component besides the background
        return 0, 0, np.zeros((0, 0), np.int32), np.zeros((1, 5), np.int32)
    x0, y0 = x - x % 2, y - y % 2  # on even rows and columns: BBDT scans 2x2 blocks, whose grid sets the numbering
    _, labels, stats, _ = components(mask[y0:y + h, x0:x + w])
    stats[:, cv2.CC_STAT_LEFT] += x0
    stats[:, cv2.CC_STAT_TOP] += y0
    return x0, y0, labels, stats


def _resize(gray: np.ndarray, scale: float) -> np.ndarray:
    if abs(scale - 1.0) < 1e-3:
        return gray
    h, w = gray.shape
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    return cv2.resize(gray, size, interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR)


def flatten_background(gray: np.ndarray, dpi: float) -> np.ndarray:
    """Divide out the paper's own shade so that yellowing, gradients and stains become white.

    The background is estimated by a grey-level closing (which erases dark text strokes)
    computed on a small copy, so it costs a few milliseconds even at 400 dpi.
    """
    h, w = gray.shape
    s = min(1.0, 50.0 / dpi)
    small = _resize(gray, s)
    k = max(3, int(round(0.12 * dpi * s)) | 1)  # ~3 mm: wider than any stroke
    bg = cv2.morphologyEx(small, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    bg = cv2.GaussianBlur(bg, (0, 0), k / 2)
    bg = cv2.resize(bg, (w, h), interpolation=cv2.INTER_LINEAR)
    # cv2.max, not np.maximum: the same pixels without a fresh NumPy array (on a 300 dpi page, the OCR's copy,
    # 2-14 ms of allocating and faulting in memory against 0.5-2)
    return cv2.divide(gray, cv2.max(bg, 1), scale=255)


def ink_mask(gray: np.ndarray, dpi: float) -> np.ndarray:
    """Binary mask of text-like ink (uint8 0/1) with non-text blobs removed."""
    flat = flatten_background(gray, dpi)
    _, mask = cv2.threshold(flat, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    # Otsu on a nearly blank page splits the paper's own noise; demand real contrast instead.
    if _low_contrast(flat, mask):
        mask = (flat < 160).astype(np.uint8)
    n, labels, stats = inkstats.components(mask)  # the same labels and stats, counted on the ink alone
    if n <= 1:
        return mask
    max_side = 0.25 * dpi  # a letter is well under 6 mm
    min_area = max(2, int((0.004 * dpi) ** 2))
    w, h, area = stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT], stats[:, cv2.CC_STAT_AREA]
    keep = (w < max_side * 4) & (h < max_side) & (area >= min_area)
    keep[0] = False
    return _without(mask, keep, labels, stats)


def _low_contrast(flat: np.ndarray, mask: np.ndarray) -> bool:
    """No ink in ``mask``, or its mean grey in ``flat`` less than 25 under the page's: Otsu split noise.

    From OpenCV's sums and counts (0.7 ms a page for both masks) where NumPy's boolean copy and means took 3.1.
    The same decision to the last bit: both sums are of integers well under 2**53, so exact in doubles, and
    each mean is that sum divided by the count, as NumPy's ``mean`` divides it (tests/test_preprocess.py)."""
    n = cv2.countNonZero(mask)
    if not n:
        return True
    ink = cv2.sumElems(cv2.bitwise_and(flat, flat, mask=mask))[0]
    return cv2.sumElems(flat)[0] / flat.size - ink / n < 25


def _without(mask: np.ndarray, keep: np.ndarray, labels: np.ndarray, stats: np.ndarray) -> np.ndarray:
    """``mask`` (0/1) with the components ``keep`` says False cleared: ``np.take(keep, labels)``.

    Why not that one pass over the labels (4.0 ms a page for both masks): a page drops a few dozen components
    at most, lone pixels (cleared at their stats' corner) and blobs too large for letters (cleared inside their
    box), 0.8 ms. A page dropping more boxes than it has pixels takes the labels' pass as before."""
    drop = np.flatnonzero(~keep[1:]) + 1
    area = stats[drop, cv2.CC_STAT_AREA]
    boxes = drop[area != 1]
    if int(np.sum(stats[boxes, cv2.CC_STAT_WIDTH] * stats[boxes, cv2.CC_STAT_HEIGHT], dtype=np.int64)) > mask.size:
        return np.take(keep.astype(np.uint8), labels)
    out = mask.copy()
    lone = drop[area == 1]
    out[stats[lone, cv2.CC_STAT_TOP], stats[lone, cv2.CC_STAT_LEFT]] = 0
    for i in boxes:
        x, y, w, h = stats[i, :4]
        out[y:y + h, x:x + w][labels[y:y + h, x:x + w] == i] = 0
    return out



def ink_level(flat: np.ndarray) -> float:
    """How dark the page's darkest ink is after flattening (0 black .. 255 paper): its 0.5th
    percentile (the lowest grey at or under which 0.5% of the pixels lie). Faded pages are light
    (restore.py thickens their strokes, blocks.py leaves their layout to Tesseract).

    Guessed from every fourth pixel of every fourth row and settled by counting on the whole page
    (about a millisecond a count): the page's full histogram alone cost 15 ms at 300 dpi."""
    target = 0.005 * flat.size
    sample = flat[::4, ::4]
    level = int(np.searchsorted(np.cumsum(cv2.calcHist([sample], [0], None, [256], [0, 256]).ravel()),
                                0.005 * sample.size))

    def at_or_under(v: int) -> int:
        return flat.size if v >= 255 else cv2.countNonZero(cv2.threshold(flat, v, 1, cv2.THRESH_BINARY_INV)[1])

    for _ in range(6):  # the guess is a level or two off at most on real pages; past that, the histogram
        if at_or_under(level) < target:
            level += 1
        elif level > 0 and at_or_under(level - 1) >= target:
            level -= 1
        else:
            return float(level)
    hist = cv2.calcHist([flat], [0], None, [256], [0, 256]).ravel().astype(np.int64)
    return float(np.searchsorted(np.cumsum(hist), target))
