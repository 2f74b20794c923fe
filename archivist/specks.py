"""Specks on a scanned page: how speckled it is, and painting the specks out of the image the OCR reads
without painting out a Vietnamese mark (the dot below, an i's dot, the marks over vowels).

Split from archivist/restore.py, which decides when a page is restored and how (:func:`archivist.restore.
prepare`); this module knows only specks. The names stay importable from ``archivist.restore``.
"""

from __future__ import annotations

import cv2
import numpy as np

from .preprocess import components, components_in_box, ink_level

MM = 25.4
#: Specks per cm² in the side margins from which a page is speckled (bench: speckled pages 3.0-5.4,
#: every other page 0.24 at most).
SPECKLED = 1.0
SPECKLED_OCR_DPI = 300.0
#: On a speckled page a blob smaller than this many squared stroke widths ... (:func:`light_specks`)
LIGHT_SPECK_SIZE = 3.0
#: ... whose darkest pixel stays lighter than this share of the way from the ink's darkest to the page's Otsu
#: cut is a speck, wherever it sits. Set from HG40's blobs before any bench run (speckled pages: the small
#: blobs' darkest grey a median 70-128 against letters' 28-99; clean pages 19-37, as dark as their letters).
LIGHT_SPECK_DEPTH = 0.4
#: ... unless it sits where a Vietnamese mark sits (:func:`mark_places`): its top at most this many stroke widths
#: under a letter's bottom (the dot below, dấu nặng) or its bottom at most ``MARK_ABOVE`` over a letter's top (an
#: i's dot, the marks over vowels). Measured on HG40's clean pages, where every small blob is a mark: marks below
#: 0.25-0.75 stroke widths under their letter, above 0.25-1.25 over it (a handful of 150 further); on its speckled
#: pages the light blobs 0.75-1.5 widths off are as many as at 1.5-2 (specks, not marks).
MARK_BELOW = 0.75
MARK_ABOVE = 1.25
#: A blob as small as a light speck whose darkest pixel is darker than the page's letters by this share of the way
#: from them to the Otsu cut (the letters' darkest pixels, their 10th percentile) is a speck too (:func:`light_specks`,
#: ``dark_margin``): on a light print (ink 0.55-0.68 in the generator) the dust and toner specks are darker than the
#: print. Set from the 28 speckled pages of HG117-120 before any reading: the cut it makes is 3 at most on the
#: well-inked pages, 34-75 on the three light prints. A bench candidate, not adopted (bench/RESULTS.md, "Speckled
#: pages, again").
DARK_SPECK_MARGIN = 0.25


def lone_specks(flat: np.ndarray, dpi: float, reach_mm: float = 0.8) -> tuple[np.ndarray, int]:
    """Specks: blobs smaller than a tone mark's dot that sit more than 0.8 mm from any bigger ink (a
    dot or tone mark always sits by its letter); their mask and how many there are."""
    _, ink = cv2.threshold(flat, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    n, labels, stats, _ = components(ink)
    if n <= 1:
        return np.zeros(flat.shape, bool), 0
    small = stats[:, cv2.CC_STAT_AREA] < (0.35 * dpi / MM) ** 2
    small[0] = False
    big = (~small)[labels] & ink.astype(bool)
    reach = max(1, round(reach_mm * dpi / MM))
    near = cv2.dilate(big.astype(np.uint8), np.ones((2 * reach + 1, 2 * reach + 1), np.uint8))
    touching = np.zeros(n, bool)
    touching[np.unique(labels[(near > 0) & small[labels]])] = True
    lone = small & ~touching
    return lone[labels], int(lone.sum())


def despeckle(flat: np.ndarray, dpi: float, reach_mm: float = 0.8) -> np.ndarray:
    """The page with its lone specks painted paper-white."""
    mask, count = lone_specks(flat, dpi, reach_mm)
    if not count:
        return flat
    out = flat.copy()
    out[mask] = 255
    return out


def stroke_width(ink: np.ndarray) -> float:
    """The page's typical stroke width in pixels: twice the median distance to the paper along the strokes'
    ridges (the distance transform's local maxima)."""
    dt = cv2.distanceTransform(ink, cv2.DIST_L2, 3)
    ridge = (dt > 0) & (dt >= cv2.dilate(dt, np.ones((3, 3), np.uint8)))
    return 2.0 * float(np.median(dt[ridge])) if ridge.any() else 1.0


def mark_places(stats: np.ndarray, small: np.ndarray, sw: float,
                shape: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """Where a mark of a letter may sit: two masks of the page, the rows a mark's top may start on under a letter
    (:data:`MARK_BELOW` stroke widths) and the rows its bottom may end on over it (:data:`MARK_ABOVE`), each
    across the letter's span. Letters are the components not ``small`` whose height is 0.4-3 times the median of
    theirs (not a rule, a seal or a dash).

    Why by the letters rather than by size or grey: at 200 dpi after JPEG and the median, a dot below (``THẠCH``)
    or an i's dot comes out as small and as light as a speck (session 27, HG42: 11 dots below lost to
    :func:`light_specks`); what tells it apart is that it sits right under or over a letter."""
    below = np.zeros(shape, bool)
    above = np.zeros(shape, bool)
    x, y, w, h = (stats[:, i] for i in range(4))
    big = ~small
    big[0] = False
    if not big.any():
        return below, above
    mid = float(np.median(h[big]))
    gb, ga = int(MARK_BELOW * sw), int(MARK_ABOVE * sw)
    for i in np.flatnonzero(big & (h >= 0.4 * mid) & (h <= 3 * mid)):
        bottom = y[i] + h[i]
        below[bottom:bottom + gb + 1, x[i]:x[i] + w[i]] = True
        above[max(0, y[i] - ga - 1):y[i], x[i]:x[i] + w[i]] = True
    return below, above


def letters_darkest(flat: np.ndarray, labels: np.ndarray, stats: np.ndarray, small: np.ndarray) -> float:
    """How dark the page's letters are at their darkest: the 10th percentile of the darkest pixel of the
    components that are not ``small`` and are letter-high (0.4-3 times their median height), 0 if none.

    Why not :func:`archivist.preprocess.ink_level`: that is the page's darkest 0.5% of pixels, which on a light
    print with dark specks is the specks' grey, not the print's."""
    h = stats[:, cv2.CC_STAT_HEIGHT]
    big = ~small
    big[0] = False
    if not big.any():
        return 0.0
    mid = float(np.median(h[big]))
    letter = big & (h >= 0.4 * mid) & (h <= 3 * mid)
    on = labels > 0
    mins = np.full(len(stats), 255, np.int32)
    np.minimum.at(mins, labels[on], flat[on].astype(np.int32))
    return float(np.percentile(mins[letter], 10)) if letter.any() else 0.0


def light_specks(flat: np.ndarray, dpi: float, size: float = LIGHT_SPECK_SIZE,
                 depth: float = LIGHT_SPECK_DEPTH, marks: bool = True, dark_margin: float | None = None) -> np.ndarray:
    """The page with the specks near its text painted out too: blobs smaller than ``size`` squared stroke
    widths whose darkest pixel stays lighter than ``depth`` of the way from the ink's darkest to the Otsu cut,
    except (``marks``) those that sit where a letter's mark sits (:func:`mark_places`).

    :func:`despeckle` leaves every blob within 0.8 mm of a letter (it cannot tell a speck there from a full
    stop or a tone mark by size), and Tesseract reads those specks as marks glued to the words (``nhân:``,
    ``tại:chỗ``): on the speckled pages of HG40 and HG41 that was a quarter of the words lost
    (bench/RESULTS.md, "Speckled and typewritten pages"). A full stop, an i's dot or a tone mark is struck
    as dark as the letters; dust and toner specks are of every grey, so the lighter ones go by their grey. But
    after JPEG and the median a dot below or over a letter can be as light as a speck: those are told by where
    they sit.

    ``dark_margin`` (:data:`DARK_SPECK_MARGIN`): the blobs as small whose darkest pixel is darker than the page's
    letters (:func:`letters_darkest`) by that share of the way from them to the Otsu cut go too, wherever they sit:
    a mark is struck with the letters' ink, never much darker than they are, and on a well-inked page nothing small
    is darker than its letters by that much, so only light prints lose specks to it."""
    cut, ink = cv2.threshold(flat, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    n, labels, stats, centroids = components(ink)
    if n <= 1:
        return flat
    level = ink_level(flat)
    dark = np.zeros(n, bool)
    dark[np.unique(labels[flat < level + depth * (cut - level)])] = True
    sw = stroke_width(ink)
    small = stats[:, cv2.CC_STAT_AREA] < size * sw ** 2
    small[0] = False
    gone = small & ~dark
    if marks and gone.any():
        below, above = mark_places(stats, small, sw, flat.shape)
        i = np.flatnonzero(gone)
        cx = np.clip(np.round(centroids[i, 0]).astype(int), 0, flat.shape[1] - 1)
        top, bottom = stats[i, cv2.CC_STAT_TOP], stats[i, cv2.CC_STAT_TOP] + stats[i, cv2.CC_STAT_HEIGHT] - 1
        gone[i[below[top, cx] | above[bottom, cx]]] = False
    if dark_margin is not None:
        ref = letters_darkest(flat, labels, stats, small)
        darker = np.zeros(n, bool)
        darker[np.unique(labels[flat < ref - dark_margin * (cut - ref)])] = True
        gone |= small & darker
    if not gone.any():
        return flat
    out = flat.copy()
    out[gone[labels]] = 255
    return out


def specks_per_cm2(flat: np.ndarray, dpi: float) -> float:
    """Specks per cm² in the side margins (a tenth of the width each side, top and bottom twentieth
    left out): no text stands there, so every blob smaller than a tone mark's dot is a speck, and
    counting them there costs a few milliseconds (the whole page's :func:`lone_specks` costs ten
    times that). Ink is what is darker than the page's own Otsu cut."""
    h, w = flat.shape
    m, top = max(1, w // 10), h // 20
    cut, _ = cv2.threshold(flat[::4, ::4], 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    small_area = (0.35 * dpi / MM) ** 2
    count, area = 0, 0
    for strip in (flat[top:h - top, :m], flat[top:h - top, w - m:]):
        _, _, _, stats = components_in_box((strip < cut).astype(np.uint8))  # a clean margin holds no ink at all
        count += int((stats[1:, cv2.CC_STAT_AREA] < small_area).sum())
        area += strip.size
    return count / (area / (dpi / 2.54) ** 2) if area else 0.0
