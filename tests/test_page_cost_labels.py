"""Issue 16, archivist's CPU around the engine (session 22): connected components labelled with BBDT
(:func:`archivist.preprocess.components`) and the ink's coordinates listed by ``cv2.findNonZero``. Both
only pay off if they give exactly what the plain calls gave, label for label and pixel for pixel in the
same order (the deskew samples its points by index), so each is pinned against the plain call here, on
pages with every kind of blob: text, rules, specks, a solid stain, noise, and nothing at all."""

from __future__ import annotations

import cv2
import numpy as np

from archivist import preprocess
from archivist.preprocess import components


def _masks() -> list[np.ndarray]:
    """0/1 and 0/255 masks: a ruled text page, random noise (blobs of every shape), a solid block,
    one pixel, an empty mask, and masks one pixel wide or tall."""
    from tests.test_tables import _table_page

    page, _, _ = _table_page()
    _, text = cv2.threshold(page, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    rng = np.random.default_rng(22)
    noise = (rng.random((701, 523)) < 0.45).astype(np.uint8)
    sparse = (rng.random((400, 999)) < 0.03).astype(np.uint8) * 255
    solid = np.zeros((300, 200), np.uint8)
    solid[40:260, 30:170] = 1
    one = np.zeros((50, 60), np.uint8)
    one[49, 59] = 1
    return [text, noise, sparse, solid, one, np.zeros((80, 90), np.uint8), noise[:1].copy(), noise[:, :1].copy()]


def test_components_are_opencvs_default_labelling() -> None:
    for mask in _masks():
        n, labels, stats, centroids = components(mask)
        n0, labels0, stats0, centroids0 = cv2.connectedComponentsWithStats(mask, connectivity=8)
        assert n == n0 and np.array_equal(labels, labels0) and np.array_equal(stats, stats0)
        assert np.allclose(centroids, centroids0, equal_nan=True)


def test_points_are_numpys_nonzero_in_its_order() -> None:
    for mask in _masks():
        binary = (mask > 0).astype(np.uint8)
        for limit in (10**9, 500):  # all points, and a sample taken by index
            xs, ys = preprocess._points(binary, np.random.default_rng(0), limit)
            ys0, xs0 = np.nonzero(binary)
            if len(xs0) > limit:
                idx = np.random.default_rng(0).choice(len(xs0), limit, replace=False)
                xs0, ys0 = xs0[idx], ys0[idx]
            cx, cy = binary.shape[1] / 2.0, binary.shape[0] / 2.0
            assert xs.dtype == ys.dtype == np.float64
            assert np.array_equal(xs, xs0.astype(np.float64) - cx) and np.array_equal(ys, ys0.astype(np.float64) - cy)


def test_ink_mask_keeps_the_same_blobs_as_indexing_by_labels() -> None:
    from tests.test_tables import _table_page

    page, _, _ = _table_page()
    for dpi in (100.0, 150.0, 300.0):
        mask = preprocess.ink_mask(page, dpi)
        flat = preprocess.flatten_background(page, dpi)
        _, plain = cv2.threshold(flat, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
        n, labels, stats, _ = cv2.connectedComponentsWithStats(plain, connectivity=8)
        w, h, area = stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT], stats[:, cv2.CC_STAT_AREA]
        keep = (w < 0.25 * dpi * 4) & (h < 0.25 * dpi) & (area >= max(2, int((0.004 * dpi) ** 2)))
        keep[0] = False
        assert mask.dtype == np.uint8 and mask.sum() > 1000
        assert np.array_equal(mask, keep[labels].astype(np.uint8))


def test_unit_names_are_every_units_keyed_name() -> None:
    """crosscheck.unit_names keys each different raw name once (session 22): the same set as keying every
    unit's name, district and province one by one."""
    import pytest

    from archivist import crosscheck
    from archivist.adminunits import UnitError, load_units
    from archivist.levelwords import LEVEL

    try:
        units = load_units()
    except UnitError:
        pytest.skip("the administrative unit lists are not installed")
    one_by_one = set()
    for u in (*units.units.values(), *units.former.values()):
        for name in (u.name, u.district_name, u.province_name):
            if name:
                one_by_one.add(crosscheck.name_key(LEVEL.sub("", name, count=1)))
    assert len(one_by_one) > 5000 and crosscheck.unit_names() == frozenset(one_by_one)
