"""Orientation and deskew on rendered pages with known tilt (unit level; the end-to-end
accuracy figures on the degraded samples are in test_pipeline.py)."""

from __future__ import annotations

import cv2
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


def _bilevel_page(dpi: int) -> np.ndarray:
    """A clean 1-bit scan as the page stage holds it: black text on white paper, tilted by a linear turn (grey
    edges, as ``preprocess.apply`` gives a bilevel page)."""
    im, _ = text_page(dpi, seed=11, lines=12)
    page = np.where(np.asarray(im) < 128, 0, 255).astype(np.uint8)
    return preprocess.apply(page, preprocess.Correction(0, 2.5, 1.0, True))


@pytest.mark.parametrize("dpi", [300])
def test_flatten_background_gives_white_paper_back_as_it_is(dpi: int) -> None:
    """Session 48: a page whose background is paper white everywhere is given back without the full-size
    division, pixel for pixel what the division by that background gives, as a fresh array (restoration paints
    the rules out of it in place)."""
    page = _bilevel_page(dpi)
    assert 0 < np.count_nonzero((page > 0) & (page < 255))  # the turn's grey edges are there to keep
    flat = preprocess.flatten_background(page, dpi)
    white = np.full_like(page, 255)
    assert np.array_equal(flat, cv2.divide(page, white, scale=255))
    assert np.array_equal(flat, page) and flat is not page and not np.shares_memory(flat, page)


def test_dividing_by_white_paper_changes_no_grey() -> None:
    """What the shortcut above stands on: OpenCV's ``x * 255 / 255`` rounds back to ``x`` for all 256 greys."""
    greys = np.arange(256, dtype=np.uint8).reshape(16, 16)
    assert np.array_equal(cv2.divide(greys, np.full_like(greys, 255), scale=255), greys)


def test_flatten_background_still_divides_beside_a_dark_blot() -> None:
    """White paper with a blot wider than the closing (a 6 mm square of ink): the background is not white round
    it, so the page is divided as before and the paper's grey near the blot moves."""
    dpi = 200
    page = _bilevel_page(dpi)
    side = int(6 / 25.4 * dpi)
    page[600:600 + side, 600:600 + side] = 0
    flat = preprocess.flatten_background(page, dpi)
    assert not np.array_equal(flat, page)
    assert np.array_equal(flat[:, -200:], page[:, -200:])  # far from it, the paper and text as they were
