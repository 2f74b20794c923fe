"""The coarse skew search at a wider step, halved around its best, against the full 0.5 degree grid it replaced.

Why pinned: the search used to score every 0.5 degrees over +-16 (65 angles a quarter turn); it now scores every
COARSE_STEP degrees and halves the step around the best. On text pages, both quarter turns and tilts up to the
edge of the range, it must land on the angle the full grid found, or the fine passes start elsewhere."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from archivist import preprocess
from tests.textpage import scan, text_page


def _full_grid(xs: np.ndarray, ys: np.ndarray) -> float:
    angles = np.arange(-preprocess.MAX_SKEW, preprocess.MAX_SKEW + 0.01, preprocess.COARSE_FINAL_STEP)
    return float(angles[int(np.argmax([preprocess._score(xs, ys, a) for a in angles]))])


@pytest.mark.parametrize("dpi,skew,rotation", [
    (200, 14.7, 0), (300, -11.2, 90), (150, -15.9, 0), (200, 0.3, 0), (300, 6.8, 90), (200, -3.6, 0),
])
def test_coarse_angle_lands_where_the_full_grid_does(dpi: int, skew: float, rotation: int) -> None:
    im, _ = text_page(dpi, seed=int(abs(skew) * 10) + rotation)
    gray = scan(im, skew, rotation, seed=rotation)
    scale = preprocess.COARSE_DPI / dpi
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    mask = preprocess.ink_mask(small, preprocess.COARSE_DPI)
    xs, ys = preprocess._points(mask, np.random.default_rng(0), preprocess.COARSE_POINTS)
    for px, py in ((xs, ys), (ys, -xs)):  # both quarter turns, as detect scores them
        assert preprocess._coarse_angle(px, py) == _full_grid(px, py)
    found = preprocess._coarse_angle(*((xs, ys) if rotation == 0 else (ys, -xs)))
    assert abs(found - skew) <= 0.5


def test_coarse_angle_stays_in_range() -> None:
    """A best at the range's edge: the halving does not score past +-MAX_SKEW."""
    im, _ = text_page(150, seed=4)
    gray = scan(im, 16.0, 0, seed=4)
    small = cv2.resize(gray, None, fx=100 / 150, fy=100 / 150, interpolation=cv2.INTER_AREA)
    xs, ys = preprocess._points(preprocess.ink_mask(small, 100.0), np.random.default_rng(0), 60_000)
    assert abs(preprocess._coarse_angle(xs, ys)) <= preprocess.MAX_SKEW


@pytest.mark.parametrize("seed,k", [(40, 24), (38, 25)])
def test_table_pages_a_two_degree_grid_misjudged(tmp_path, seed: int, k: int) -> None:
    """Page 2 of two generated multi-page tables (hard groups, seeds 40 and 38, documents tables-25 and
    tables-26), rendered exactly as their sets render them. Their table rules make a second, narrow peak in the
    scores; a 2 degree first step landed on it (seed 40: deskewed 2.75 degrees off, unflagged; seed 38: an
    11.1 degree page measured 14.1 and left undeskewed). The search must land where the full grid does, and
    the page be deskewed to within 0.3 degrees of its true tilt."""
    from archivist.ingest import load_page
    from archivist.models import PageRef
    from samples.generate import generate
    from samples.hard import GROUPS

    (truth,) = generate(tmp_path, seed, 6, groups=list(GROUPS), only=[k])  # the slot alone, as its set writes it
    assert truth["document"].startswith("tables-")  # the table document the set holds there
    page = load_page(PageRef(tmp_path / truth["pages"][1]["file"], "image", 0), False)
    scale = preprocess.COARSE_DPI / page.dpi
    small = cv2.resize(page.gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    xs, ys = preprocess._points(preprocess.ink_mask(small, preprocess.COARSE_DPI), np.random.default_rng(0),
                                preprocess.COARSE_POINTS)
    for px, py in ((xs, ys), (ys, -xs)):
        assert preprocess._coarse_angle(px, py) == _full_grid(px, py)
    found = preprocess.detect(page.gray, page.dpi)
    assert found.deskew_note == "" and abs(found.skew - truth["pages"][1]["skew"]) <= 0.3
