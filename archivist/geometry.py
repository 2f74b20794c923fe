"""The one definition of how a scan is turned upright, shared by preprocess and the PDF writer.

Why one module: the preprocess stage warps the scan's pixels with this matrix to get the image
that OCR reads (and whose pixel boxes the words carry), while the PDF/A writer embeds the
*original* pixels untouched and draws them through the same transform with a ``cm`` operator.
If the two sides computed the transform separately, a half-pixel or sign slip would leave the
invisible text layer off the visible words; deriving both from :func:`correction_matrix` rules
that out.

Conventions (see models.py): pixel coordinates with the origin at the top-left, y down, in
OpenCV's convention that pixel (i, j) has its *centre* at integer coordinates. ``orientation``
is how far the scan was turned clockwise (0/90/180/270) and ``skew`` the residual tilt of the
lines, counter-clockwise positive. The correction turns the scan counter-clockwise by
``orientation`` (as ``np.rot90(img, orientation // 90)`` does) and then by ``-skew`` about the
image centre; the corrected canvas (``out_w`` x ``out_h``) is centred on the same centre.
Both turns are about the centre, so they compose into one rotation by ``orientation - skew``.

NumPy is imported inside the functions that return arrays (the page stage's): the main process only asks
:func:`pdf_image_matrix` and :func:`corrected_size`, and this module was its only use of NumPy, 0.09 CPU s of
imports on every batch (bench/RESULTS.md, issue 16, session 26).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np


def _cos_sin(degrees: float) -> tuple[float, float]:
    """cos/sin that are exact (0, +-1) for multiples of 90 degrees, so rot90 stays pixel-exact."""
    d = degrees % 360.0
    exact = {0.0: (1.0, 0.0), 90.0: (0.0, 1.0), 180.0: (-1.0, 0.0), 270.0: (0.0, -1.0)}
    if d in exact:
        return exact[d]
    r = math.radians(d)
    return math.cos(r), math.sin(r)


def correction_matrix(orig_w: int, orig_h: int, out_w: int, out_h: int, orientation: int,
                      skew: float) -> np.ndarray:
    """2x3 affine matrix mapping original scan pixels to corrected-image pixels (forward map).

    Use it as ``cv2.warpAffine(img, M, (out_w, out_h), borderValue=white)``. With ``skew == 0``
    the result equals ``np.rot90(img, orientation // 90)`` pixel for pixel.

    A counter-clockwise turn by ``t`` as seen on screen, in y-down coordinates, is
    ``x' = x cos t + y sin t``, ``y' = -x sin t + y cos t`` (what ``cv2.getRotationMatrix2D``
    builds for a positive angle). Centres are ``((w - 1) / 2, (h - 1) / 2)`` because pixel
    centres sit on integers; in continuous coordinates (pixel edges on integers, as a PDF
    sees an image) the same matrix becomes :func:`continuous_matrix`.
    """
    import numpy as np

    return np.array(_correction_rows(orig_w, orig_h, out_w, out_h, orientation, skew), dtype=np.float64)


Rows = list[list[float]]


def _correction_rows(orig_w: int, orig_h: int, out_w: int, out_h: int, orientation: int, skew: float) -> Rows:
    """:func:`correction_matrix`'s two rows as Python floats (the one place its terms are computed)."""
    if orientation % 90:
        raise ValueError(f"orientation must be a multiple of 90 degrees, not {orientation}")
    c, s = _cos_sin(orientation - skew)
    cx, cy = (orig_w - 1) / 2.0, (orig_h - 1) / 2.0
    ox, oy = (out_w - 1) / 2.0, (out_h - 1) / 2.0
    return [[c, s, ox - (c * cx + s * cy)], [-s, c, oy - (-s * cx + c * cy)]]


def inverse(m: np.ndarray) -> np.ndarray:
    """Inverse of a 2x3 affine matrix (corrected pixels back to scan pixels)."""
    import numpy as np

    full = np.vstack([m, [0.0, 0.0, 1.0]])
    return np.linalg.inv(full)[:2]


def continuous_matrix(m: np.ndarray) -> np.ndarray:
    """The same map for coordinates whose pixel *edges* are integers (centres at i + 0.5).

    ``p_c = p + 0.5`` on both sides, so ``p'_c = A p_c + t + 0.5 - A (0.5, 0.5)``. For
    :func:`correction_matrix` this is the rotation about ``(w/2, h/2)`` onto ``(out_w/2, out_h/2)``.
    """
    import numpy as np

    a = m[:, :2]
    t = m[:, 2] + 0.5 - a @ np.array([0.5, 0.5])
    return np.hstack([a, t[:, None]])


def _continuous_rows(m: Rows) -> Rows:
    """:func:`continuous_matrix` of a matrix given as rows, with the terms in the order NumPy sums them."""
    return [[r[0], r[1], r[2] + 0.5 - (r[0] * 0.5 + r[1] * 0.5)] for r in m]


def _product(a: Rows, b: Rows) -> Rows:
    """``a @ b`` for 3x3 matrices as rows, each sum taken left to right as NumPy's matmul takes it."""
    return [[a[i][0] * b[0][j] + a[i][1] * b[1][j] + a[i][2] * b[2][j] for j in range(3)] for i in range(3)]


def square_grid(width: int, height: int, dpi_x: float, dpi_y: float) -> tuple[int, int, float]:
    """The grid of square pixels a scan with ``dpi_x`` x ``dpi_y`` pixels is analysed, read and drawn on.

    Why: turning and deskewing are rotations, which only keep shapes on square pixels, and the
    page must keep the scanner's proportions (a 200x100 dpi scan is twice as tall as its pixel
    count says). The coarser axis is stretched to the finer one's resolution, so nothing is lost;
    the PDF still embeds the scan's own pixels, drawn onto this grid by the page matrix (the image's
    unit square maps onto the whole grid, whatever its pixel count). Square scans keep their grid.
    """
    dpi = max(dpi_x, dpi_y)
    if abs(dpi_x - dpi_y) <= 0.005 * dpi:
        return width, height, dpi_x
    return max(1, round(width * dpi / dpi_x)), max(1, round(height * dpi / dpi_y)), dpi


def corrected_size(width: int, height: int, orientation: int) -> tuple[int, int]:
    """Size of the corrected canvas: a quarter turn swaps width and height, skew does not grow it."""
    return (height, width) if orientation % 180 == 90 else (width, height)


def pdf_image_matrix(orig_w: int, orig_h: int, out_w: int, out_h: int, orientation: int,
                     skew: float, dpi: float) -> tuple[float, float, float, float, float, float]:
    """The PDF ``cm`` operands that draw the original image so the page shows the corrected one.

    An image XObject occupies the unit square with its first row at the top (v = 1). Chain:
    unit square -> original pixels (x = u*w, y = (1 - v)*h) -> corrected pixels (continuous
    :func:`correction_matrix`) -> page points (X = x*k, Y = H - y*k with k = 72/dpi).
    ``orig_w`` x ``orig_h`` is the scan's :func:`square_grid` (its pixel size when its pixels are
    square): the image is stretched onto it whatever its own pixel count, which is how a 200x100 dpi
    scan keeps its proportions.

    In plain Python, not NumPy (the main process writes the PDFs and needs NumPy for nothing else): the same
    products and sums in the same order, so the same floats to the bit (pinned against NumPy's chain in
    tests/test_pdf_geometry.py).
    """
    k = 72.0 / dpi
    unit_to_px = [[orig_w, 0.0, 0.0], [0.0, -orig_h, orig_h], [0.0, 0.0, 1.0]]
    corr = [*_continuous_rows(_correction_rows(orig_w, orig_h, out_w, out_h, orientation, skew)), [0.0, 0.0, 1.0]]
    px_to_pt = [[k, 0.0, 0.0], [0.0, -k, out_h * k], [0.0, 0.0, 1.0]]
    full = _product(_product(px_to_pt, corr), unit_to_px)
    # PDF writes [a b c d e f] for x' = a x + c y + e, y' = b x + d y + f.
    return (float(full[0][0]), float(full[1][0]), float(full[0][1]), float(full[1][1]),
            float(full[0][2]), float(full[1][2]))
