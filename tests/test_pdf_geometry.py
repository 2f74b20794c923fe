"""The PDF/A writer's geometry and text layer, with known pixels and boxes (no OCR).

A page's image is placed by the matrix that corrects the scan: marker dots must land where
the correction puts them (sub-pixel) when the PDF is rendered by an independent renderer, and
text-layer words written from known boxes must be read back by pdftotext and pdfplumber in
those boxes.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import cv2
import numpy as np
import pdfplumber
import pytest
from PIL import Image, ImageDraw

from archivist.geometry import continuous_matrix, corrected_size, correction_matrix, pdf_image_matrix
from archivist.models import PageRef, PageResult, Word
from archivist.pdfa import write_pdfa
from tests.pdfpages import CREATED, SENTENCES, drawn_boxes, font, pdftotext, png_payload, render

# ---------------------------------------------------------------- geometry (no OCR)

@pytest.mark.parametrize("orientation", [0, 90, 180, 270])
def test_quarter_turns_are_exact_rot90(orientation: int) -> None:
    img = np.random.default_rng(orientation).integers(0, 256, (37, 52), dtype=np.uint8)
    w, h = corrected_size(52, 37, orientation)
    out = cv2.warpAffine(img, correction_matrix(52, 37, w, h, orientation, 0.0), (w, h))
    assert np.array_equal(out, np.rot90(img, orientation // 90))


def test_skew_matches_opencv_rotation_about_centre() -> None:
    m = correction_matrix(801, 600, 801, 600, 0, 4.2)
    assert np.allclose(m, cv2.getRotationMatrix2D((400.0, 299.5), -4.2, 1.0))


@pytest.mark.parametrize("orientation", [0, 90, 180, 270])
@pytest.mark.parametrize("skew", [0.0, 0.5, -0.5, 3.0, -15.0, 15.0])
def test_page_shows_the_corrected_image(tmp_path: Path, orientation: int, skew: float) -> None:
    """Marker dots land where the correction puts them (sub-pixel) and the pixels agree."""
    im = Image.new("L", (560, 700), 235)
    d = ImageDraw.Draw(im)
    d.text((40, 30), "Điều 1. Ủy ban nhân dân xã", font=font(30), fill=20)
    dots = [(x, y) for y in range(150, 700, 180) for x in range(80, 560, 160)]
    for x, y in dots:
        d.rectangle((x - 4, y - 4, x + 3, y + 3), fill=0)  # pixel edges x-4..x+4: centre x (continuous)
    orig = np.asarray(im)
    w, h = corrected_size(560, 700, orientation)
    m = correction_matrix(560, 700, w, h, orientation, skew)
    page = PageResult(1, PageRef(Path("x.png"), "image"), w, h, 144.0, orientation, skew,
                      image=png_payload(im))
    write_pdfa([page], tmp_path / "g.pdf", level="1b", title="g", created=CREATED, producer="t")
    got = render(tmp_path / "g.pdf", 1, 144.0, (w, h), axis_aligned=skew == 0).astype(np.float64)
    want = cv2.warpAffine(orig, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255).astype(np.float64)
    assert got.shape == want.shape
    assert np.abs(got - want).mean() < 3.0
    ink = np.clip(235.0 - got, 0, None) * (got < 120)
    n, labels = cv2.connectedComponents((ink > 0).astype(np.uint8))
    found = []
    for i in range(1, n):
        ys, xs = np.nonzero(labels == i)
        if 40 <= len(xs) <= 120 and np.ptp(xs) < 14 and np.ptp(ys) < 14:
            wts = ink[ys, xs]
            found.append(((xs * wts).sum() / wts.sum() + 0.5, (ys * wts).sum() / wts.sum() + 0.5))
    mc = continuous_matrix(m)
    errors = []
    for x, y in dots:
        tx, ty = mc @ np.array([x, y, 1.0])
        if 10 < tx < w - 10 and 10 < ty < h - 10:  # a dot turned off the page is clipped
            errors.append(min(np.hypot(fx - tx, fy - ty) for fx, fy in found))
    assert len(errors) >= 6
    assert max(errors) < 1.0 and np.mean(errors) < 0.45, errors


def test_pdf_matrix_is_the_pixel_matrix() -> None:
    """The cm maps image-space points exactly where the pixel matrix maps the pixel edges."""
    for o, s in [(0, 0.0), (90, 3.3), (180, -12.0), (270, 0.7)]:
        w, h = corrected_size(640, 480, o)
        a, b, c, d, e, f = pdf_image_matrix(640, 480, w, h, o, s, 300.0)
        mc = continuous_matrix(correction_matrix(640, 480, w, h, o, s))
        for x, y in [(0, 0), (640, 0), (0, 480), (123.5, 77.25)]:
            u, v = x / 640, 1 - y / 480
            px, py = mc @ np.array([x, y, 1.0])
            pdf_xy = [a * u + c * v + e, b * u + d * v + f]
            assert np.allclose(pdf_xy, [px * 0.24, (h - py) * 0.24], atol=1e-6)


def _numpy_pdf_matrix(orig_w: int, orig_h: int, out_w: int, out_h: int, orientation: int, skew: float,
                      dpi: float) -> tuple[float, ...]:
    """The writer's matrix as it was computed before session 26, with NumPy's matmul (the reference)."""
    k = 72.0 / dpi
    unit_to_px = np.array([[orig_w, 0.0, 0.0], [0.0, -orig_h, orig_h], [0.0, 0.0, 1.0]])
    corr = np.vstack([continuous_matrix(correction_matrix(orig_w, orig_h, out_w, out_h, orientation, skew)),
                      [0.0, 0.0, 1.0]])
    px_to_pt = np.array([[k, 0.0, 0.0], [0.0, -k, out_h * k], [0.0, 0.0, 1.0]])
    full = px_to_pt @ corr @ unit_to_px
    return tuple(float(v) for v in (full[0, 0], full[1, 0], full[0, 1], full[1, 1], full[0, 2], full[1, 2]))


def test_pdf_matrix_in_python_is_numpys_to_the_bit() -> None:
    """The main process computes the ``cm`` in plain Python (no NumPy there): every float, and the sign of every
    zero, equal to NumPy's chain, over quarter turns, tilts with and without decimals, page sizes and dpi."""
    import math
    import random

    rng = random.Random(26)
    for i in range(20000):
        o = (0, 90, 180, 270)[i % 4]
        skew = (0.0, round(rng.uniform(-16, 16), 1), round(rng.uniform(-16, 16), 2), rng.uniform(-16, 16))[i // 4 % 4]
        w, h = rng.randint(50, 9000), rng.randint(50, 12000)
        dpi = (150.0, 200.0, 250.0, 300.0, 400.0, 600.0, rng.uniform(72.0, 1200.0))[i % 7]
        ow, oh = corrected_size(w, h, o)
        got, want = pdf_image_matrix(ow, oh, w, h, o, skew, dpi), _numpy_pdf_matrix(ow, oh, w, h, o, skew, dpi)
        assert got == want and [math.copysign(1.0, v) for v in got] == [math.copysign(1.0, v) for v in want], \
            (o, skew, w, h, dpi)


# ---------------------------------------------------------------- text layer with known boxes

def test_text_layer_sits_on_drawn_words(tmp_path: Path) -> None:
    im = Image.new("L", (1400, 400), 255)
    d = ImageDraw.Draw(im)
    face, words = font(40), []
    for line, (y, sentence) in enumerate([(60, SENTENCES[0]), (200, SENTENCES[3])]):
        x = 50
        for t in sentence.split():
            box = d.textbbox((x, y), t, font=face)
            d.text((x, y), t, font=face, fill=0)
            # decomposed input must come out composed
            words.append(Word(unicodedata.normalize("NFD", t), 95.0, box, line))
            x = box[2] + 14
    page = PageResult(1, PageRef(Path("x.png"), "image"), 1400, 400, 200.0, 0, 0.0, words=words,
                      image=png_payload(im))
    out = tmp_path / "t.pdf"
    write_pdfa([page], out, level="1b", title="t", created=CREATED, producer="t")
    assert [ln for ln in pdftotext(out, 1).split("\n") if ln.strip()][:2] == [SENTENCES[0], SENTENCES[3]]
    k = 72 / 200.0
    with pdfplumber.open(out) as pdf:
        got = pdf.pages[0].extract_words(use_text_flow=True)
    assert [g["text"] for g in got] == [unicodedata.normalize("NFC", w.text) for w in words]
    for g, w, drawn in zip(got, words, drawn_boxes(words, k, 1400, 400), strict=True):
        assert np.allclose([g["x0"], g["x1"]], [w.bbox[0] * k, w.bbox[2] * k], atol=0.05)  # on the word's box
        assert np.allclose([g["x0"], g["top"], g["x1"], g["bottom"]], drawn, atol=0.05)  # on its line's band
