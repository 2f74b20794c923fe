"""Specks darker than the print (session 36, measured, not adopted: bench/RESULTS.md, "Speckled pages, again"):
``light_specks(..., dark_margin=...)`` paints out the small blobs darker than a light print's letters, which the
light-speck rule keeps as ink; a well-inked page, where nothing small is darker than its letters, is left as it
was. The bench's candidate ``speckled: dark specks too`` (``Recipe.dark_specks``) is built on it."""

from __future__ import annotations

import cv2
import numpy as np

from archivist import restore


def _strip(ink: int, speck: int) -> np.ndarray:
    """A flattened 200 dpi strip: letter stems 4 px wide of grey ``ink``, a full stop of the same ink after the last
    stem, a speck of grey ``speck`` beside a stem at mid-height and one just over a stem (where an i's dot sits)."""
    im = np.full((120, 400), 255, np.uint8)
    for x in range(40, 300, 14):
        im[40:75, x:x + 4] = ink
    cv2.circle(im, (306, 72), 2, ink, -1)  # full stop
    cv2.circle(im, (340, 57), 2, speck, -1)  # beside a word
    cv2.circle(im, (98, 34), 2, speck, -1)  # over the stem at x 96-99
    return cv2.GaussianBlur(im, (5, 5), 1.0)  # edges of every grey, as a scan's


def test_letters_darkest_is_the_prints_not_the_specks() -> None:
    im = _strip(110, 20)
    cut, ink = cv2.threshold(im, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    small = stats[:, cv2.CC_STAT_AREA] < restore.LIGHT_SPECK_SIZE * restore.stroke_width(ink) ** 2
    small[0] = False
    assert 110 <= restore.letters_darkest(im, labels, stats, small) <= 125  # the blurred stems' cores


def test_dark_specks_on_a_light_print_go_the_print_stays() -> None:
    im = _strip(110, 20)
    kept = restore.light_specks(im, 200.0)
    out = restore.light_specks(im, 200.0, dark_margin=restore.DARK_SPECK_MARGIN)
    for x, y in ((340, 57), (98, 34)):
        assert (kept[y - 2:y + 3, x - 2:x + 3] == im[y - 2:y + 3, x - 2:x + 3]).all()  # kept as ink without it
        assert (out[y - 1:y + 2, x - 1:x + 2] == 255).all()  # painted out with it, over a letter too
    assert (out[70:75, 304:309] == im[70:75, 304:309]).all()  # the full stop, struck with the letters' ink
    assert (out[40:75, :300] == im[40:75, :300]).all()  # every stem as it was


def test_well_inked_page_unchanged() -> None:
    """Specks as dark as a well-inked page's letters are no darker than the print: nothing more goes."""
    im = _strip(30, 20)
    assert (restore.light_specks(im, 200.0, dark_margin=restore.DARK_SPECK_MARGIN)
            == restore.light_specks(im, 200.0)).all()
