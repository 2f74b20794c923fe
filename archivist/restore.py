"""Restoration of the page image Tesseract reads (never of the stored image): what helps the OCR of
faded, noisy and ruled pages, adopted because ``bench/restore_ab.py`` showed it helps.

:func:`prepare` is what the pipeline calls between the deskew and the OCR; the candidates it does not
use are kept here so the bench can keep measuring them against it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np

from .preprocess import flatten_background
from .tables import Grid, remove_rules

MM = 25.4


@dataclass
class Prepared:
    """The image for OCR and what was done to it (the tables found, for the reading order)."""

    image: np.ndarray
    dpi: float
    grids: list[Grid] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)


def stretch(flat: np.ndarray) -> np.ndarray:
    """Contrast normalisation: the darkest ink (0.3rd percentile) to black, paper stays white."""
    lo = float(np.percentile(flat, 0.3))
    if lo > 200 or lo < 8:
        return flat
    lut = np.clip((np.arange(256, dtype=np.float32) - lo) * 255.0 / (255.0 - lo), 0, 255).astype(np.uint8)
    return cv2.LUT(flat, lut)


def median(flat: np.ndarray) -> np.ndarray:
    return cv2.medianBlur(flat, 3)


def despeckle(flat: np.ndarray, dpi: float) -> np.ndarray:
    """Paint out specks: blobs smaller than a tone mark's dot that sit more than 0.8 mm from any
    bigger ink (a dot or tone mark always sits by its letter)."""
    _, ink = cv2.threshold(flat, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if n <= 1:
        return flat
    small_area = (0.35 * dpi / MM) ** 2
    area = stats[:, cv2.CC_STAT_AREA]
    small = area < small_area
    small[0] = False
    big = (~small)[labels] & ink.astype(bool)
    reach = max(1, round(0.8 * dpi / MM))
    near = cv2.dilate(big.astype(np.uint8), cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * reach + 1,) * 2))
    touching = np.zeros(n, bool)
    touching[np.unique(labels[(near > 0) & small[labels]])] = True
    lone = small & ~touching
    out = flat.copy()
    out[lone[labels]] = 255
    return out


def upscale(gray: np.ndarray, dpi: float, target: float = 300.0) -> tuple[np.ndarray, float]:
    if dpi >= target:
        return gray, dpi
    s = target / dpi
    return cv2.resize(gray, None, fx=s, fy=s, interpolation=cv2.INTER_CUBIC), target


def prepare(upright: np.ndarray, dpi: float) -> Prepared:
    """The page as OCR should read it: background flattened (yellowing, stains, shadows gone), and
    the rules of tables and forms painted out (:mod:`archivist.tables`)."""
    flat = flatten_background(upright, dpi)
    rules = remove_rules(flat, dpi)
    steps = ["flatten"] + (["rules"] if rules.removed_px else [])
    return Prepared(rules.image, dpi, rules.grids, steps)
