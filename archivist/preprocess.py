"""Preprocess: find how the page is turned (0/90/180/270) and tilted (skew), and correct both.

Why our own estimator rather than Tesseract's or OCRmyPDF's: Tesseract loses most words past
about 3 degrees of skew and OCRmyPDF's deskew gives up past about 5.5, while old commune scans
are often tilted 10-15 degrees. Accuracy here decides OCR accuracy downstream.

Method (projection profiles on the ink pixels):
1. Flatten the background (yellowing, stains, shadows) and threshold to an ink mask at
   ~100 dpi; drop blobs too large to be letters (stains, borders, photos).
2. For every candidate angle the ink coordinates are projected onto the axis perpendicular to
   the text lines; when the angle matches the lines, the histogram is a comb of sharp peaks and
   its sum of squares is largest. A coarse search over +-16 degrees, for both 0 and 90 degree
   page orientations, then a fine search at higher resolution with parabolic interpolation
   gives the angle to a few hundredths of a degree.
3. Upside-down is told apart by where the ink sits around each line's x-height band: Latin
   script, and Vietnamese far more so with its stacked tone marks, has much more ink above the
   band (capitals, ascenders, diacritics) than below it (a few descenders and dots). This is one
   signal among several: :mod:`archivist.orient` decides, with Tesseract's OSD and the OCR.
4. Deskew only on evidence: the measured angle is applied only when the lines are straight enough
   to define one. Typeset lines make the projection score fall steeply a degree off the best angle
   (by a quarter or more on the bench pages, 0.13-0.15 on forms' short lines); handwriting, whose
   lines wander, and maps barely change (0.01-0.10), and there the "best" angle is noise: a level
   handwritten page was once tilted by 2.6 degrees. Such pages are left as scanned.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from . import inkstats
from .geometry import corrected_size, correction_matrix

COARSE_DPI = 100.0
#: 150 dpi for the fine pass: measured on the bench pages, as accurate as 200 dpi (mean error
#: 0.006 degrees) at two thirds of the time; a line at 150 dpi is still ~20 px tall.
FINE_DPI = 150.0
MAX_SKEW = 16.0
#: The coarse search's first step: scores every COARSE_STEP degrees over +-MAX_SKEW, then the step is halved
#: around the best down to 0.5 degrees, where the search used to score every 0.5 degrees (65 angles a quarter).
#: A text page's score falls off over a degree or more either side of its peak at 100 dpi, so a 1 degree grid
#: lands next to the same peak. 2 degrees (session 25) did not always: on 3 of 1160 hard-group pages, table
#: pages whose rules make a second, narrower peak, it landed on the wrong one (a page deskewed 2.75 degrees off
#: with no warning; an 11 degree page left tilted); 1 degree matched the full grid on all 1160
#: (bench/RESULTS.md, "The coarse skew step, back to 1 degree (session 26)").
COARSE_STEP = 1.0
COARSE_FINAL_STEP = 0.5
#: Ink pixels sampled for the scores. The coarse search only has to land within half a degree, which
#: a random 60,000 pixels of a page's text do as well as all of them; the fine pass uses more.
COARSE_POINTS = 60_000
FINE_POINTS = 200_000
#: How much the projection score must fall one degree off the measured angle for the angle to be
#: applied (see 4. above): 0.13-0.41 on typeset pages, 0.01-0.10 on handwriting and maps
#: (bench/RESULTS.md, the orientation set).
MIN_SHARPNESS = 0.12
SHARPNESS_STEP = 1.0
NOT_DESKEWED = ("not deskewed: the lines are not straight enough to measure a tilt (handwriting, a drawing "
                "or a picture)")


@dataclass
class Correction:
    orientation: int  # clockwise degrees the scan was turned: 0/90/180/270
    skew: float  # degrees, counter-clockwise positive: the tilt corrected (0 when not deskewed)
    orientation_confidence: float  # 0-1
    has_text: bool
    lines: int = 0  # text lines the up/down test measured
    measured_skew: float = 0.0  # the tilt the projection found, applied or not
    sharpness: float = 0.0  # how much the projection score falls a degree off that tilt (see MIN_SHARPNESS)
    deskew_note: str = ""  # why the measured tilt was not applied; empty when it was


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


def _points(mask: np.ndarray, rng: np.random.Generator, limit: int) -> tuple[np.ndarray, np.ndarray]:
    # cv2.findNonZero lists the ink in np.nonzero's (row-major) order, in 1 ms against 7.8 on a 150 dpi page
    found = cv2.findNonZero(mask)
    found = found.reshape(-1, 2) if found is not None else np.zeros((0, 2), np.int32)
    xs, ys = found[:, 0], found[:, 1]
    if len(xs) > limit:
        idx = rng.choice(len(xs), limit, replace=False)
        xs, ys = xs[idx], ys[idx]
    cx, cy = mask.shape[1] / 2.0, mask.shape[0] / 2.0
    return xs.astype(np.float64) - cx, ys.astype(np.float64) - cy


def _score(xs: np.ndarray, ys: np.ndarray, angle_deg: float, bin_px: float = 1.0) -> float:
    """Sum of squares of the ink histogram across lines tilted by ``angle_deg`` (CCW positive).

    In image coordinates (y down) a line rising to the right by angle a satisfies
    y + x*tan(a) = const, so projecting on x*sin(a) + y*cos(a) stacks each line into one bin.
    """
    a = np.deg2rad(angle_deg)
    proj = xs * np.sin(a) + ys * np.cos(a)
    proj -= proj.min()
    if bin_px != 1.0:
        proj /= bin_px
    # In place, truncated (= floored: every value is >= 0) and squared as integers (exact; a page's counts
    # are far from overflowing): the same score as floor, float and dot, in 60% of the time. It is called
    # ~140 times a page.
    hist = np.bincount(proj.astype(np.int64))
    return float(np.dot(hist, hist))


def _peakiness(xs: np.ndarray, ys: np.ndarray, angle_deg: float, window: int) -> float:
    """How comb-like the projection is: energy of the histogram over that of its moving average.

    Text lines make a comb that averaging over ~1 cm flattens (ratio 1.5-3); the projection
    along the lines is already smooth at that scale (ratio near 1). Comparing this, not the raw
    sum of squares, tells a page turned a quarter from an upright one whatever its proportions.
    """
    a = np.deg2rad(angle_deg)
    proj = xs * np.sin(a) + ys * np.cos(a)
    hist = np.bincount(np.floor(proj - proj.min()).astype(np.int64)).astype(np.float64)
    smooth = np.convolve(hist, np.ones(window) / window, mode="same")
    return float(np.dot(hist, hist) / max(np.dot(smooth, smooth), 1e-9))


def _coarse_angle(xs: np.ndarray, ys: np.ndarray) -> float:
    """The best angle on the 0.5 degree grid over +-MAX_SKEW: scores every COARSE_STEP degrees, then the step
    halved around the best (its two neighbours scored, the best kept) until it is COARSE_FINAL_STEP.

    Why not score the whole 0.5 degree grid: that was 130 of a page's ~170 projection scores (both quarters);
    this is 17 + 4 a quarter at a 2 degree step. It differs from the full grid only where the page's scores have
    two peaks within a step, which the accuracy benches measure (no page of 288 differed: bench/RESULTS.md)."""
    angles = np.arange(-MAX_SKEW, MAX_SKEW + 0.01, COARSE_STEP)
    scores = [_score(xs, ys, a) for a in angles]
    i = int(np.argmax(scores))
    best, top = float(angles[i]), scores[i]
    step = COARSE_STEP / 2
    while step >= COARSE_FINAL_STEP - 1e-9:
        centre = best
        for a in (centre - step, centre + step):
            if -MAX_SKEW - 1e-9 <= a <= MAX_SKEW + 1e-9:
                s = _score(xs, ys, a)
                if s > top:
                    best, top = a, s
        step /= 2
    return best


def _refine(xs: np.ndarray, ys: np.ndarray, center: float, half: float, step: float) -> tuple[float, float]:
    angles = np.arange(center - half, center + half + step / 2, step)
    scores = np.array([_score(xs, ys, a) for a in angles])
    i = int(np.argmax(scores))
    best = float(angles[i])
    if 0 < i < len(angles) - 1:
        y0, y1, y2 = scores[i - 1], scores[i], scores[i + 1]
        denom = y0 - 2 * y1 + y2
        if denom < 0:
            best += step * 0.5 * (y0 - y2) / denom
    return best, float(scores[i])


def _sharpness(xs: np.ndarray, ys: np.ndarray, angle: float) -> float:
    """1 - (score a degree either side of ``angle``) / (score at it): how well the angle is defined."""
    best = _score(xs, ys, angle)
    if best <= 0:
        return 0.0
    side = (_score(xs, ys, angle + SHARPNESS_STEP) + _score(xs, ys, angle - SHARPNESS_STEP)) / 2
    return float(1.0 - side / best)


def _updown_ratio(mask: np.ndarray) -> tuple[float, int]:
    """Ink above the x-height band over ink below it, summed over text lines (upright > 1)."""
    prof = mask.sum(axis=1).astype(np.float64)
    if prof.max() <= 0:
        return 1.0, 0
    on = prof > 0.02 * prof.max()
    above = below = 0.0
    lines = 0
    y = 0
    n = len(on)
    while y < n:
        if not on[y]:
            y += 1
            continue
        start = y
        while y < n and on[y]:
            y += 1
        band = prof[start:y]
        if len(band) < 4:
            continue
        core = np.nonzero(band >= 0.5 * band.max())[0]
        top, bot = core[0], core[-1]
        if bot - top < 2:
            continue
        above += band[:top].sum()
        below += band[bot + 1:].sum()
        lines += 1
    return (above + 1.0) / (below + 1.0), lines


def detect(gray: np.ndarray, dpi: float) -> Correction:
    """Estimate orientation and skew of a page image (uint8 grey, any resolution)."""
    rng = np.random.default_rng(0)
    coarse = _resize(gray, min(1.0, COARSE_DPI / dpi))
    cdpi = dpi * min(1.0, COARSE_DPI / dpi)
    mask = ink_mask(coarse, cdpi)
    if cv2.countNonZero(mask) < 200:  # the mask is 0/1: its sum, without NumPy's widening copy
        return Correction(0, 0.0, 0.0, False, deskew_note="not deskewed: no lines to measure a tilt on")
    xs, ys = _points(mask, rng, COARSE_POINTS)
    window = max(5, int(0.4 * cdpi))
    best = (-1.0, 0, 0.0)
    for quarter in (0, 90):
        # Turning the coordinates a quarter turn CCW makes vertical lines horizontal.
        px, py = (xs, ys) if quarter == 0 else (ys, -xs)
        a = _coarse_angle(px, py)
        peak = _peakiness(px, py, a, window)
        if peak > best[0]:
            best = (peak, quarter, a)
    _, quarter, angle = best
    px, py = (xs, ys) if quarter == 0 else (ys, -xs)
    angle, _ = _refine(px, py, angle, 0.6, 0.1)

    # Fine pass at higher resolution: more pixels per line, sharper peaks.
    fscale = min(1.0, FINE_DPI / dpi)
    fine = _resize(gray, fscale)
    fmask = ink_mask(fine, dpi * fscale)
    fx, fy = _points(fmask, rng, FINE_POINTS)
    if quarter == 90:
        fx, fy = fy, -fx
    angle, _ = _refine(fx, fy, angle, 0.25, 0.05)
    angle, _ = _refine(fx, fy, angle, 0.04, 0.01)
    sharp = _sharpness(fx, fy, angle) if len(fx) else 0.0

    # Up or down: look at the page turned upright by the candidate, at coarse resolution.
    m = cv2.warpAffine(mask, correction_matrix(mask.shape[1], mask.shape[0], *_out_size(mask, quarter),
                                               quarter, angle), _out_size(mask, quarter),
                       flags=cv2.INTER_NEAREST, borderValue=0)
    ratio, lines = _updown_ratio(m)
    orientation = quarter if ratio >= 1.0 else (quarter + 180) % 360
    conf = float(min(1.0, abs(np.log(ratio)) / 0.7)) if lines >= 3 else 0.0
    measured = round(float(angle), 3)
    if sharp >= MIN_SHARPNESS:
        return Correction(orientation, measured, round(conf, 3), True, lines, measured, round(sharp, 3))
    # Not sharp enough: kept as scanned here; a ruled page's grid may still give the tilt (ruledtilt.detect).
    return Correction(orientation, 0.0, round(conf, 3), True, lines, measured, round(sharp, 3), NOT_DESKEWED)


def _out_size(img: np.ndarray, orientation: int) -> tuple[int, int]:
    return corrected_size(img.shape[1], img.shape[0], orientation)


def apply(gray: np.ndarray, corr: Correction) -> np.ndarray:
    """The upright, deskewed page (same pixel grid as the original; corners filled white)."""
    h, w = gray.shape[:2]
    ow, oh = corrected_size(w, h, corr.orientation)
    if corr.orientation == 0 and abs(corr.skew) < 1e-3:
        return gray
    if abs(corr.skew) < 1e-3:
        return np.ascontiguousarray(np.rot90(gray, k=corr.orientation // 90))
    m = correction_matrix(w, h, ow, oh, corr.orientation, corr.skew)
    return cv2.warpAffine(gray, m, (ow, oh), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                          borderValue=255)


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
