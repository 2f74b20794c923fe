"""Orientation and deskew on rendered pages with known tilt (unit level; the end-to-end
accuracy figures on the degraded samples are in test_pipeline.py)."""

from __future__ import annotations

import numpy as np
import pytest

from archivist import preprocess
from tests.textpage import scan, text_page

CASES = [(dpi, skew, rot) for dpi, skew, rot in [
    (150, 0.0, 0), (200, 14.7, 0), (300, -11.2, 90), (400, 3.3, 180), (200, -0.4, 270),
    (300, 8.05, 0), (150, -14.9, 180), (300, 0.7, 90), (200, -6.6, 0), (400, -2.25, 270),
]]


@pytest.mark.parametrize("dpi,skew,rotation", CASES)
def test_detects_orientation_and_skew(dpi: int, skew: float, rotation: int) -> None:
    im, _ = text_page(dpi, seed=int(abs(skew) * 10) + rotation)
    corr = preprocess.detect(scan(im, skew, rotation, seed=rotation), dpi)
    assert corr.orientation == rotation
    assert abs(corr.skew - skew) <= 0.1, (corr.skew, skew)
    assert corr.orientation_confidence > 0.5


def test_blank_page_is_left_alone() -> None:
    blank = np.full((1600, 1200), 230, np.uint8)
    corr = preprocess.detect(blank, 150)
    assert (corr.orientation, corr.skew, corr.has_text) == (0, 0.0, False)


def test_apply_turns_page_upright_with_same_pixel_grid() -> None:
    im, _ = text_page(150, seed=3, lines=20)
    g = scan(im, 0.0, 90, noise=0)
    corr = preprocess.Correction(90, 0.0, 1.0, True)
    up = preprocess.apply(g, corr)
    assert up.shape == np.asarray(im).shape
    assert np.abs(up.astype(int) - np.asarray(im).astype(int)).mean() < 1.0


def test_flatten_background_whitens_yellowed_gradient() -> None:
    im, _ = text_page(150, seed=5, lines=10)
    a = np.asarray(im).astype(np.float32)
    ramp = np.linspace(0.6, 1.0, a.shape[1])[None, :]
    flat = preprocess.flatten_background((a * ramp).astype(np.uint8), 150)
    paper = flat[a > 200]
    assert paper.mean() > 240 and paper.std() < 8


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_level_handwriting_is_not_deskewed(seed: int) -> None:
    """Lines that wander (as a hand writes) give no angle worth applying: the page stays as scanned,
    and the correction says why (a level handwritten page was once tilted by 2.6 degrees)."""
    import random

    from samples.pictures import handwriting

    im, _ = handwriting(random.Random(seed), 200)
    corr = preprocess.detect(np.asarray(im.convert("L")), 200)
    assert corr.skew == 0.0, corr
    assert corr.sharpness < preprocess.MIN_SHARPNESS and "not straight enough" in corr.deskew_note


def test_few_typed_lines_are_still_deskewed() -> None:
    im, _ = text_page(200, seed=9, lines=4)
    corr = preprocess.detect(scan(im, 2.5, 0, seed=9), 200)
    assert corr.sharpness >= preprocess.MIN_SHARPNESS and not corr.deskew_note
    assert abs(corr.skew - 2.5) <= 0.1


def test_projection_score_is_the_sum_of_squares_of_the_floored_histogram() -> None:
    """The fast score (in place, truncated, squared as integers) is the textbook one to the last bit:
    the angles it picks, and so every page's skew, cannot move."""
    rng = np.random.default_rng(5)
    xs, ys = rng.uniform(-900, 900, 50_000), rng.uniform(-1300, 1300, 50_000)
    for angle in [*np.arange(-16.0, 16.01, 0.37), 0.0, 90.0]:
        for bin_px in (1.0, 2.5):
            a = np.deg2rad(angle)
            proj = xs * np.sin(a) + ys * np.cos(a)
            hist = np.bincount(np.floor((proj - proj.min()) / bin_px).astype(np.int64)).astype(np.float64)
            assert preprocess._score(xs, ys, angle, bin_px) == float(np.dot(hist, hist))
