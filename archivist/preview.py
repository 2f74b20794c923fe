"""Small page images for the HTML report, made in the worker from pixels it already holds.

Why here and not afterwards: rendering them from the PDF/A with pdftoppm (still the fallback in
:mod:`archivist.htmlreport`) cost about 90 ms of CPU a page, all of it after the last page was
read, while the worker already has the corrected page in memory and shrinks it in a few ms.

The image must be what the PDF shows. For a grey or bilevel scan that is exactly the corrected
page the OCR read (the PDF draws the same pixels through the same matrix, white outside). For a
colour JPEG the colour is decoded at reduced size (JPEG's own DCT scaling, so a 300 dpi colour
page costs little; one too small for that scaling takes the pixels decoded at ingest, the same ones) and
corrected with the same matrix scaled down. Any other colour encoding
(CMYK, palette) gets no preview here and is rendered from the PDF later; a colour page stored
any other way (PNG, TIFF, a PDF's Flate image) hands over a reduced copy of its decoded pixels
(:func:`colour_copy`, made at ingest, ~5 ms) that is corrected the same way.
"""

from __future__ import annotations

import io

import cv2
import numpy as np
from PIL import Image

from .geometry import corrected_size, correction_matrix
from .models import ImagePayload
from .pageimage import PAGE_PX, QUALITY


def colour_copy(rgb: np.ndarray, payload: ImagePayload) -> np.ndarray | None:
    """A colour page's pixels at about twice PAGE_PX wide, for its preview; None where none is needed
    (grey pages use the corrected grey page).

    A colour JPEG's preview decodes its bytes small (:func:`_colour_jpeg`), except a page under about
    4 x PAGE_PX a side, which JPEG's scaling cannot reduce and is decoded whole again: for such a page the
    pixels decoded at ingest, the same ones, are handed over as they are (no copy), and the second decode
    (6-15 ms a 150-200 dpi page) is saved. A larger JPEG keeps none (its whole decode is not held while it is read)."""
    if payload.colorspace != "DeviceRGB" or rgb.ndim != 3:
        return None
    if payload.filter == "DCTDecode":
        return rgb if min(rgb.shape[:2]) < 4 * PAGE_PX + 4 else None
    scale = min(1.0, 2 * PAGE_PX / rgb.shape[1])
    size = (max(1, round(rgb.shape[1] * scale)), max(1, round(rgb.shape[0] * scale)))
    # Bilinear, not area averaging: 4 ms instead of 29 on a 300 dpi page, and make_preview averages this
    # copy down by another half, which is what keeps the report image free of aliasing.
    return cv2.resize(rgb, size, interpolation=cv2.INTER_LINEAR)


def make_preview(upright: np.ndarray, payload: ImagePayload | None, orientation: int, skew: float,
                 colour: np.ndarray | None = None) -> bytes:
    """The page as its PDF shows it, PAGE_PX wide, as JPEG bytes; empty when it cannot be made faithfully.

    ``colour`` is :func:`colour_copy` of a colour page: a reduced copy of one that is not a JPEG, or a small JPEG's
    own decoded pixels.
    """
    if payload is None:
        return b""
    w, h = upright.shape[1], upright.shape[0]
    if payload.colorspace == "DeviceGray":
        img = upright
    elif payload.colorspace == "DeviceRGB" and payload.filter == "DCTDecode" and payload.data:
        img = _colour_jpeg(payload, w, h, orientation, skew, colour)
    elif payload.colorspace == "DeviceRGB" and colour is not None:
        img = _corrected_small(colour, w, h, orientation, skew)
    else:
        return b""
    small = _shrink(img, PAGE_PX)
    if small.ndim == 3:
        small = cv2.cvtColor(small, cv2.COLOR_RGB2BGR)
    ok, buf = cv2.imencode(".jpg", small, [cv2.IMWRITE_JPEG_QUALITY, QUALITY])
    return buf.tobytes() if ok else b""


def _shrink(img: np.ndarray, width: int) -> np.ndarray:
    """``img`` area-averaged to ``width`` wide. Why in two steps: OpenCV's area reduction to a size that does not
    divide the image evenly takes a weighted path, 15 CPU ms for a 300 dpi page to PAGE_PX; by a whole step first
    (k x k blocks averaged, 3 ms) and the rest of the way from the small copy it costs about 5 ms, and the report
    image is never read by the OCR (session 43's speed43 measured the slow path; bench/RESULTS.md)."""
    h, w = img.shape[:2]
    k = w // width
    if k >= 2:
        img = cv2.resize(img, None, fx=1 / k, fy=1 / k, interpolation=cv2.INTER_AREA)
    return cv2.resize(img, (width, max(1, round(h * width / w))), interpolation=cv2.INTER_AREA)


def _colour_jpeg(payload: ImagePayload, out_w: int, out_h: int, orientation: int, skew: float,
                 decoded: np.ndarray | None = None) -> np.ndarray:
    """The colour page corrected at about twice PAGE_PX: decoded small, warped by the scaled matrix. Where JPEG's
    scaling leaves the page whole (Pillow's ``draft`` keeps its size), the pixels ``decoded`` at ingest are those a
    decode here would give (:func:`colour_copy`), and are used instead."""
    scale = min(1.0, 2 * PAGE_PX / out_w)
    with Image.open(io.BytesIO(payload.data)) as im:
        im.draft("RGB", (max(1, round(payload.width * scale)), max(1, round(payload.height * scale))))
        whole = im.size == (payload.width, payload.height) and im.mode == "RGB"
        if whole and decoded is not None and decoded.shape == (payload.height, payload.width, 3):
            rgb = decoded
        else:
            rgb = np.asarray(im.convert("RGB"))
    return _corrected_small(rgb, out_w, out_h, orientation, skew)


def _corrected_small(rgb: np.ndarray, out_w: int, out_h: int, orientation: int, skew: float) -> np.ndarray:
    """The reduced scan ``rgb`` corrected by the page's matrix, onto one reduced square grid."""
    # the scan's square grid (its own size unless its pixels are not square: archivist/geometry.py)
    grid_w, grid_h = corrected_size(out_w, out_h, orientation)
    fx, fy = rgb.shape[1] / grid_w, rgb.shape[0] / grid_h
    f = min(fx, fy)
    full = np.vstack([correction_matrix(grid_w, grid_h, out_w, out_h, orientation, skew), [0.0, 0.0, 1.0]])
    # the same correction between reduced grids: onto the full grid, correct, down to one reduced square grid
    m = np.diag([f, f, 1.0]) @ full @ np.diag([1 / fx, 1 / fy, 1.0])
    size = (max(1, round(out_w * f)), max(1, round(out_h * f)))
    return cv2.warpAffine(rgb, m[:2], size, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                          borderValue=(255, 255, 255))
