"""Seals stamped over a page's last lines and signature, found and painted out before a block over them is read.

Why apart from the blocks: a red seal in grey is lighter than the ink, so the blocks (found from the ink) do not
see it, while a uniform block over it reads its ring and star as lines of letters; the seal is found from its own
light strokes and only those are painted out, the letters under it left as they are.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from .blocks import BLOCK_DPI, MM, Block

#: A seal: the page's light strokes (lighter than its ink's Otsu threshold, darker than the paper, away
#: from any letter) that draw a ring of this radius (mm), found by OpenCV's Hough transform at 75 dpi.
#: Commune seals are 30-40 mm across; the page's letters and rules draw no such circle of light strokes.
SEAL_RADIUS_MM = (10.0, 22.0)
#: How much larger than the Hough circle the seal is painted out: it can fall on the inner ring, and at 1.3
#: the outer ring's arc crossed ``PHÓ CHỦ TỊCH`` (read ``/2 PHÓ CHỦ TỊCH``; session 26).
SEAL_PAD = 1.45
#: Grey level from which a pixel at 75 dpi is paper (restore.prepare flattened the background); a light
#: pixel next to ink (3 x 3) is the edge of a letter, not a seal's stroke.
PAPER = 232


@dataclass(frozen=True)
class Seal:
    """A seal's circle on the page (centre and radius, pixels)."""

    x: int
    y: int
    r: int


def find_seals(gray: np.ndarray, dpi: float) -> list[Seal]:
    """The seals stamped on a page: rings of light strokes (a red seal in grey is lighter than the ink,
    which is why the blocks, found from the ink, do not see it, and why a uniform block over it reads
    its ring and star as lines of letters: see :func:`clean_seals`). At 75 dpi: 10 ms a page."""
    k = min(1.0, BLOCK_DPI / dpi)
    small = cv2.resize(gray, None, fx=k, fy=k, interpolation=cv2.INTER_AREA) if k < 1.0 else gray
    t, _ = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    near = cv2.dilate((small < t).astype(np.uint8), cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
    light = ((small >= t) & (small < PAPER) & (near == 0)).astype(np.uint8) * 255
    lo, hi = (round(r / MM * dpi * k) for r in SEAL_RADIUS_MM)
    found = cv2.HoughCircles(light, cv2.HOUGH_GRADIENT, dp=1, minDist=2 * lo, param1=100, param2=15,
                             minRadius=lo, maxRadius=hi)
    return [] if found is None else [Seal(round(x / k), round(y / k), round(r / k)) for x, y, r in found[0]]


def clean_seals(gray: np.ndarray, seals: list[Seal], pad: float = SEAL_PAD) -> np.ndarray:
    """A copy of the page with the seals' light strokes painted over with paper inside their circles (larger,
    SEAL_PAD: the Hough radius can fall on the inner ring). Only pixels lighter than the page's ink
    (its Otsu threshold at full resolution: at 75 dpi the threshold is another, and the letters' edges went
    with the seal) go: the letters under a seal stay as they are."""
    if not seals:
        return gray
    t, _ = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    out = gray.copy()
    for seal in seals:
        r = round(seal.r * pad)
        x0, y0 = max(0, seal.x - r), max(0, seal.y - r)
        x1, y1 = min(gray.shape[1], seal.x + r + 1), min(gray.shape[0], seal.y + r + 1)
        if x1 <= x0 or y1 <= y0:
            continue
        disc = np.zeros((y1 - y0, x1 - x0), np.uint8)
        cv2.circle(disc, (seal.x - x0, seal.y - y0), r, 1, -1)
        crop = out[y0:y1, x0:x1]
        crop[(disc > 0) & (crop >= t)] = 255
    return out


def under_seal(b: Block, seal: Seal) -> bool:
    """The seal's circle reaches into the block's rectangle."""
    dx = max(b.x0 - seal.x, 0, seal.x - b.x1)
    dy = max(b.y0 - seal.y, 0, seal.y - b.y1)
    return dx * dx + dy * dy < seal.r * seal.r

