"""Issue 16, detection's CPU (session 47): the ink mask's components counted on the ink alone
(:mod:`archivist.inkstats`). It only pays off if it gives exactly what ``cv2.connectedComponentsWithStats`` gave,
label for label and box for box, so it is pinned against that call on masks with every kind of blob (text, rules,
noise, a solid block, one pixel, nothing, one row or column), and detection's whole answer and both of its ink masks
against the stats call's on two rendered, tilted and turned pages with a stain, a frame and specks (the corpora's
pages, every format and group: bench/RESULTS.md, session 47)."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from archivist import inkstats, preprocess, ruledtilt
from tests.test_page_cost_labels import _masks
from tests.textpage import scan, text_page


def _with_stats(mask: np.ndarray) -> tuple[int, np.ndarray, np.ndarray]:
    """What ``preprocess.ink_mask`` used before: OpenCV's labels and stats, the background's row zeroed."""
    n, labels, stats, _ = preprocess.components(mask)
    stats = stats.copy()
    stats[0] = 0
    return n, labels, stats


def test_labels_and_stats_are_opencvs() -> None:
    for mask in _masks():
        n, labels, stats = inkstats.components(mask)
        n0, labels0, stats0 = _with_stats(mask)
        assert n == n0 and np.array_equal(labels, labels0)
        assert stats.dtype == stats0.dtype and np.array_equal(stats, stats0)


def _page(dpi: int, skew: float, rotation: int, seed: int) -> np.ndarray:
    """A text page with what ink_mask drops: a solid stain, a long rule's frame, lone specks."""
    im, _ = text_page(dpi, seed=seed)
    page = np.asarray(im.convert("L")).copy()
    h, w = page.shape
    page[h // 10:h // 10 + dpi // 2, w // 2:w // 2 + dpi // 2] = 40  # a stain (a blob too large for a letter)
    cv2.rectangle(page, (w // 20, h // 3), (w - w // 20, h // 3 + dpi), 0, 2)  # a frame around a few lines
    rng = np.random.default_rng(seed)
    page[rng.integers(0, h, 300), rng.integers(0, w, 300)] = 0  # specks of one pixel
    from PIL import Image

    return scan(Image.fromarray(page), skew, rotation, seed=seed)


@pytest.mark.parametrize("dpi,skew,rotation", [(150, 2.4, 90), (200, -7.9, 180)])
def test_detection_is_the_same_as_with_opencvs_stats(dpi: int, skew: float, rotation: int,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    gray = _page(dpi, skew, rotation, seed=dpi + rotation)
    masks = [preprocess.ink_mask(preprocess._resize(gray, min(1.0, d / dpi)), min(float(dpi), d)) for d in (100, 150)]
    found = ruledtilt.detect(gray, dpi)
    assert found.has_text and found.orientation == rotation and abs(found.skew - skew) <= 0.1
    monkeypatch.setattr(inkstats, "components", _with_stats)
    before = [preprocess.ink_mask(preprocess._resize(gray, min(1.0, d / dpi)), min(float(dpi), d)) for d in (100, 150)]
    assert all(np.array_equal(a, b) for a, b in zip(masks, before, strict=True))
    assert ruledtilt.detect(gray, dpi) == found
