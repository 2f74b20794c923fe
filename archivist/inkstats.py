"""The components of an ink mask and their boxes and areas, counted over the ink's own pixels.

Why not ``cv2.connectedComponentsWithStats`` (:func:`archivist.preprocess.components`): its stats cost more than its
labels (gathered pixel by pixel over the whole mask, the background's among them), and a page's ink mask is mostly
background. On the harness's pages the labels alone took 1.4 ms at 100 dpi and 4.0 at 150, the labels with stats 6.4
and 10.9 (bench/RESULTS.md, "Detection's masks, their components counted on the ink (session 47)"). Here the same
algorithm (BBDT) labels the mask without stats, and each component's box and area are taken from the ink pixels'
coordinates (``cv2.findNonZero``) and their labels: the same labels, and the same left, top, width, height and area
for every component, since each is the min, max or count over exactly its pixels (tests/test_inkstats.py). Row 0,
the background's, is left zero: :func:`archivist.preprocess.ink_mask`, the caller, reads no background stats.
"""

from __future__ import annotations

import cv2
import numpy as np


def components(mask: np.ndarray) -> tuple[int, np.ndarray, np.ndarray]:
    """``(n, labels, stats)`` of ``mask`` (uint8, 8-connectivity) as ``preprocess.components`` gives them, the
    stats' row 0 (the background) zero and no centroids."""
    n, labels = cv2.connectedComponentsWithAlgorithm(mask, 8, cv2.CV_32S, cv2.CCL_BBDT)
    stats = np.zeros((n, 5), np.int32)
    found = cv2.findNonZero(mask)
    if n <= 1 or found is None:
        return n, labels, stats
    found = found.reshape(-1, 2)
    xs, ys = found[:, 0], found[:, 1]
    of = labels.reshape(-1)[ys * labels.shape[1] + xs]  # each ink pixel's label (int32: a mask under 2**31 px)
    low = np.full((2, n), np.iinfo(np.int32).max, np.int32)
    high = np.full((2, n), -1, np.int32)
    np.minimum.at(low[0], of, xs)
    np.minimum.at(low[1], of, ys)
    np.maximum.at(high[0], of, xs)
    np.maximum.at(high[1], of, ys)
    stats[1:, cv2.CC_STAT_LEFT] = low[0, 1:]
    stats[1:, cv2.CC_STAT_TOP] = low[1, 1:]
    stats[1:, cv2.CC_STAT_WIDTH] = high[0, 1:] - low[0, 1:] + 1
    stats[1:, cv2.CC_STAT_HEIGHT] = high[1, 1:] - low[1, 1:] + 1
    stats[1:, cv2.CC_STAT_AREA] = np.bincount(of, minlength=n)[1:]
    return n, labels, stats
