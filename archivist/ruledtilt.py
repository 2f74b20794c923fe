"""A ruled page's tilt from its rules, where its few lines of text are too uneven to measure one.

Why: :func:`archivist.preprocess.detect` measures the tilt on the page's text alone (its ink mask drops blobs too
large for letters, a table's grid among them) and applies it only when the text's lines define it sharply
(``MIN_SHARPNESS``), which keeps handwriting and maps as scanned. A table's continuation page holds a header row of
two-line cells, a row or two and a total: words at different heights in each column, so the projection barely
falls off its best angle (sharpness 0.10-0.12 on HG113 ``tables-30`` p. 3 and HG123 ``tables-30`` p. 4, tilted 13.1
and 4.3 degrees) and the page was read tilted: every word lost, or read the wrong way up (bench/RESULTS.md, "Table
pages, the whole page lost and the merged lines (session 40)"). Its grid's rules are long straight lines, the best
evidence of a tilt a page can hold: they are measured instead, and only when they define the angle sharply, both
along the lines and across them (a grid: rules both ways at one tilt), and agree with what the text measured. A
map's boundaries, a photograph's edges and ruled paper run one way only, or at no common tilt: left as scanned.
"""

from __future__ import annotations

from dataclasses import replace

import cv2
import numpy as np

from . import preprocess as pp

#: The rules found at this resolution: a 0.3 mm rule is still a pixel or two wide.
RULE_DPI = 150.0
#: A component is a rule (or a grid of them) when it is at least this long (inches) along the text's lines.
RULE_LENGTH = 2.0
#: How sharply the rules must define the angle (1 - score a degree off / score at it), along them and across them.
#: A grid's rules stack into a bin or two at their angle both ways: along 0.85-0.88 and across 0.33-0.73 on the
#: table pages measured (HG113, HG123, the orientation set's tables). A cadastral map's or a photograph's long
#: strokes run one way at a time: along 0.52-0.59 but across -0.01-0.04 (the orientation set's maps, drawn level,
#: were tilted 0.1-0.9 degrees by the rules along alone; bench/RESULTS.md, session 40).
MIN_RULE_SHARPNESS = 0.7
MIN_ACROSS_SHARPNESS = 0.2
#: The rules' angle must lie this close (degrees) to the one the text measured, blurred as that one is.
AGREE = 1.0
RULE_POINTS = 200_000
RULED = "deskewed by the page's rules: its lines of text too uneven to measure a tilt on"


def detect(gray: np.ndarray, dpi: float) -> pp.Correction:
    """:func:`archivist.preprocess.detect`, and where the text's lines were too uneven to give the tilt, the tilt of
    the page's rules when they define it (:func:`rule_tilt`). Kept out of ``preprocess`` because it builds on that
    module's measures: the page stage and the benches that turn pages upright as it does call this one."""
    found = pp.detect(gray, dpi)
    if found.deskew_note != pp.NOT_DESKEWED:
        return found
    # The turn was decided with the text's own tilt; quarter (0 or 90) is which way its lines run.
    ruled = rule_tilt(gray, dpi, found.orientation % 180, found.measured_skew)
    return replace(found, skew=ruled[0], deskew_note=RULED) if ruled else found


def rule_tilt(gray: np.ndarray, dpi: float, quarter: int, measured: float) -> tuple[float, float] | None:
    """The tilt (degrees, counter-clockwise positive, as ``detect`` measures it) of the page's long rules and how
    sharply they define it, for a page turned ``quarter`` (0 or 90: which way its lines run); None when the page
    has no long rules, or they do not define an angle near ``measured``."""
    scale = min(1.0, RULE_DPI / dpi)
    flat = pp.flatten_background(pp._resize(gray, scale), dpi * scale)
    _, mask = cv2.threshold(flat, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    n, labels, stats, _ = pp.components(mask)
    if n <= 1:
        return None
    along = stats[:, cv2.CC_STAT_WIDTH] if quarter == 0 else stats[:, cv2.CC_STAT_HEIGHT]
    keep = along >= RULE_LENGTH * dpi * scale
    keep[0] = False
    if not keep.any():
        return None
    rules = np.take(keep, labels).astype(np.uint8)
    xs, ys = pp._points(rules, np.random.default_rng(0), RULE_POINTS)
    if quarter == 90:
        xs, ys = ys, -xs
    angle, _ = pp._refine(xs, ys, measured, AGREE, 0.1)
    angle, _ = pp._refine(xs, ys, angle, 0.1, 0.01)
    sharp = pp._sharpness(xs, ys, angle)
    if abs(angle - measured) > AGREE - 0.05 or sharp < MIN_RULE_SHARPNESS:  # at the window's edge: no peak there
        return None
    if pp._sharpness(ys, -xs, angle) < MIN_ACROSS_SHARPNESS:  # no rules across at the same tilt: not a grid
        return None
    return round(float(angle), 3), round(sharp, 3)
