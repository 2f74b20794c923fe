"""The ink mask's contrast test and component filter against the plain NumPy they replace (issue 16,
session 25): the same decision and the same mask to the last pixel, so every page's tilt and turn stay put."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from archivist import preprocess
from tests.textpage import scan, text_page


def _numpy_low_contrast(flat: np.ndarray, mask: np.ndarray) -> bool:
    ink = mask.astype(bool)
    return bool(not ink.any() or flat.mean() - flat[ink].mean() < 25)


def _filter_inputs(mask: np.ndarray, dpi: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    _, labels, stats, _ = preprocess.components(mask)
    max_side, min_area = 0.25 * dpi, max(2, int((0.004 * dpi) ** 2))
    w, h, area = stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT], stats[:, cv2.CC_STAT_AREA]
    keep = (w < max_side * 4) & (h < max_side) & (area >= min_area)
    keep[0] = False
    return keep, labels, stats


def _pages() -> list[tuple[np.ndarray, float]]:
    """Scanned text pages with stains (blobs too large for letters) and lone pixels (specks) put in."""
    rng = np.random.default_rng(3)
    pages = []
    for dpi, skew, seed in [(100, 3.0, 1), (150, -7.5, 2), (150, 0.0, 4)]:
        im, _ = text_page(dpi, seed=seed)
        page = scan(im, skew, 0, seed=seed).copy()
        h, w = page.shape
        for _ in range(3):  # stains and a rule across the page
            cv2.circle(page, (int(rng.integers(0, w)), int(rng.integers(0, h))), int(0.4 * dpi), 40, -1)
        cv2.line(page, (0, h // 3), (w - 1, h // 3 + 5), 30, 3)
        ys, xs = rng.integers(0, h, 400), rng.integers(0, w, 400)
        page[ys, xs] = 0
        pages.append((page, float(dpi)))
    return pages


@pytest.mark.parametrize("index", range(3))
def test_the_filter_is_numpys_take_on_the_labels(index: int) -> None:
    page, dpi = _pages()[index]
    flat = preprocess.flatten_background(page, dpi)
    _, mask = cv2.threshold(flat, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    keep, labels, stats = _filter_inputs(mask, dpi)
    lone = (stats[1:, cv2.CC_STAT_AREA] == 1).sum()
    assert lone > 50 and (~keep[1:] & (stats[1:, cv2.CC_STAT_AREA] > 1)).any()  # both kinds of drop are tried
    out = preprocess._without(mask, keep, labels, stats)
    assert out.dtype == np.uint8 and np.array_equal(out, np.take(keep.astype(np.uint8), labels))


def test_the_filter_falls_back_when_dropped_boxes_cover_more_than_the_page() -> None:
    mask = np.zeros((60, 60), np.uint8)
    for i in range(0, 60, 4):  # nested frames: every box nearly the whole page
        mask[i // 2, i // 2:60 - i // 2] = mask[59 - i // 2, i // 2:60 - i // 2] = 1
        mask[i // 2:60 - i // 2, i // 2] = mask[i // 2:60 - i // 2, 59 - i // 2] = 1
    keep, labels, stats = _filter_inputs(mask, 100.0)
    keep[1:] = False
    assert np.array_equal(preprocess._without(mask, keep, labels, stats), np.zeros_like(mask))


def test_the_contrast_test_is_numpys_means() -> None:
    rng = np.random.default_rng(8)
    cases = [(page, dpi) for page, dpi in _pages()]
    cases.append((np.full((300, 200), 231, np.uint8), 100.0))  # blank: Otsu finds nothing
    cases.append((np.clip(rng.normal(225, 6, (400, 300)), 0, 255).astype(np.uint8), 100.0))  # noise only
    for page, dpi in cases:
        flat = preprocess.flatten_background(page, dpi)
        _, mask = cv2.threshold(flat, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
        assert preprocess._low_contrast(flat, mask) == _numpy_low_contrast(flat, mask)
        assert preprocess._low_contrast(flat, np.zeros_like(mask))
    # at the threshold itself: ink exactly 25 under the page's mean
    flat = np.full((10, 10), 200, np.uint8)
    flat[:5] = 175
    flat[5:] = 225
    mask = (flat == 175).astype(np.uint8)
    assert preprocess._low_contrast(flat, mask) == _numpy_low_contrast(flat, mask) is False
    flat[5:] = 224
    assert preprocess._low_contrast(flat, mask) == _numpy_low_contrast(flat, mask) is True
