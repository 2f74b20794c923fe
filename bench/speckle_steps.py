"""Session 36's candidate steps for speckled pages (bench/restore_ab.py names them; none adopted: bench/RESULTS.md,
"Speckled pages, again (session 36)"). Apart from restore_ab.py so that it stays one bench's loop and its list."""

from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np

from archivist import restore
from archivist.preprocess import components, flatten_background
from archivist.tables import remove_rules


def speckled_enlarged_first(dark: float | None = None) -> Callable[[np.ndarray, float], restore.Prepared]:
    """prepare() with a speckled page enlarged to 300 dpi before its median and light specks (after its lone
    specks), not after (session 36: a hook above, 3-4 px at 200 dpi, is thinned by a 3x3 median there)."""
    def prep(up: np.ndarray, dpi: float) -> restore.Prepared:
        flat = flatten_background(up, dpi)
        to = restore.SPECKLED_OCR_DPI
        if restore.specks_per_cm2(flat, dpi) < restore.SPECKLED or dpi >= to:
            return restore.prepare(up, dpi)
        big, _ = restore.upscale(restore.despeckle(flat, dpi), dpi, to)
        rules = remove_rules(restore.light_specks(restore.median(big), to, dark_margin=dark), to, in_place=True)
        return restore.Prepared(rules.image, to, rules.grids, ["flatten", "speckled"], to / dpi)
    return prep


def dark_cores(flat: np.ndarray, dpi: float, margin: float = restore.DARK_SPECK_MARGIN) -> np.ndarray:
    """The page with every small core darker than its letters by ``margin`` of the way to the Otsu cut (and a
    pixel round it) made paper, glued to a letter or not (session 36: on a light print the specks on the letters
    stay whole under :func:`archivist.specks.light_specks`, which judges whole components)."""
    cut, ink = cv2.threshold(flat, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    _, labels, stats, _ = components(ink)
    sw = restore.stroke_width(ink)
    ref = restore.letters_darkest(flat, labels, stats, stats[:, cv2.CC_STAT_AREA] < restore.LIGHT_SPECK_SIZE * sw ** 2)
    core = (flat < ref - margin * (cut - ref)).astype(np.uint8)
    if not core.any():
        return flat
    n, cl, cs, _ = components(core)
    small = cs[:, cv2.CC_STAT_AREA] < restore.LIGHT_SPECK_SIZE * sw ** 2
    small[0] = False
    mask = cv2.dilate(small[cl].astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    out = flat.copy()
    out[mask] = 255
    return out


def cross_median(im: np.ndarray, dpi: float = 0.0) -> np.ndarray:
    """The median of each pixel and its four neighbours (a plus, not the 3x3 square): a one-pixel noise dot goes as
    under the square's median, a stroke one pixel thin along a row or a column stays (session 36: the square's
    median thins the hook over a 200 dpi ``ẩ``)."""
    p = np.pad(im, 1, mode="edge")
    a, b, c, d, e = p[1:-1, 1:-1], p[:-2, 1:-1], p[2:, 1:-1], p[1:-1, :-2], p[1:-1, 2:]
    # the median of five by a min/max network
    f, g = np.minimum(a, b), np.maximum(a, b)
    h, i = np.minimum(c, d), np.maximum(c, d)
    lo, hi = np.maximum(f, h), np.minimum(g, i)  # the larger of the two smalls, the smaller of the two larges
    return np.maximum(np.minimum(lo, hi), np.minimum(np.maximum(lo, hi), e))
