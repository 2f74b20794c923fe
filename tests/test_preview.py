"""The report's page images made by the workers (archivist.preview) are what the PDF/A shows.

Checked against poppler's render of the written PDF, the renderer the report falls back to: the
same geometry (phase correlation under a pixel at 480 px wide) and the same tones (mean difference
of the slightly blurred images of a few grey levels; the two downscalers differ on thin strokes).
"""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from archivist.geometry import corrected_size, correction_matrix
from archivist.htmlreport import PageImages
from archivist.models import ImagePayload
from archivist.preview import PAGE_PX, make_preview


def _poppler(pdf: Path, page: int) -> np.ndarray:
    out = subprocess.run(["pdftoppm", "-f", str(page), "-l", str(page), "-scale-to-x", str(PAGE_PX),
                          "-scale-to-y", "-1", "-singlefile", "-png", str(pdf)], check=True, capture_output=True).stdout
    return np.asarray(Image.open(io.BytesIO(out)).convert("RGB"))


def _same_picture(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """(mean difference of the blurred images, shift in px) of two RGB images of one page."""
    h = min(a.shape[0], b.shape[0])  # the renderers round the height differently (one row)
    a, b = (np.ascontiguousarray(x[:h]).astype(np.float32) for x in (a, b))
    blur = [cv2.GaussianBlur(x, (0, 0), 1.5) for x in (a, b)]
    (dx, dy), _ = cv2.phaseCorrelate(cv2.cvtColor(a, cv2.COLOR_RGB2GRAY), cv2.cvtColor(b, cv2.COLOR_RGB2GRAY))
    return float(np.abs(blur[0] - blur[1]).mean()), float(np.hypot(dx, dy))


def test_process_keeps_the_workers_page_images(archive_1b: tuple[Path, object]) -> None:
    archive = archive_1b[0]
    folder = archive / "report-files"
    kinds = set()
    for rec_path in sorted((archive / "documents").glob("*.json")):
        rec = json.loads(rec_path.read_text(encoding="utf-8"))
        pages, thumb = PageImages.names(rec)
        assert (folder / thumb).is_file()
        for n, name in enumerate(pages, start=1):
            page = rec["pages"][n - 1]
            assert page["timings"]["preview"] < 1.0
            # every stage's CPU seconds beside its wall time; the OCR is real work in this process
            assert {f"cpu_{k}" for k in ("load", "preprocess", "ocr", "orient", "preview")} <= set(page["timings"])
            assert page["timings"]["cpu_ocr"] > 0.1
            assert set(rec["timings"]) == {"load", "preprocess", "ocr", "orient"}  # the document's sums, wall
            mine = np.asarray(Image.open(folder / name).convert("RGB"))
            assert mine.shape[1] == PAGE_PX
            diff, shift = _same_picture(mine, _poppler(archive / rec["output"]["pdf"], n))
            assert diff < 4.0 and shift < 1.0, (name, diff, shift)
            kinds.add((page["image"]["colorspace"], page["orientation"] != 0, abs(page["skew"]) > 1))
    # the samples exercise both paths: skewed colour JPEG, turned and skewed grey, untouched grey
    assert {("DeviceRGB", False, True), ("DeviceGray", True, True), ("DeviceGray", False, False)} <= kinds


def _colour_scan(orientation: int, skew: float) -> tuple[ImagePayload, np.ndarray, np.ndarray]:
    """A colour JPEG 'scan' with a red stamp, its decoded pixels, and its corrected grey page."""
    rng = np.random.default_rng(3)
    img = np.full((1100, 850, 3), (240, 232, 210), np.uint8)
    for y in range(80, 1000, 40):
        cv2.line(img, (60, y), (int(rng.integers(400, 790)), y), (30, 30, 40), 5)
    cv2.circle(img, (620, 900), 90, (200, 30, 30), 12)
    buf = io.BytesIO()
    Image.fromarray(img).save(buf, "JPEG", quality=85)
    decoded = np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("RGB"))
    w, h = corrected_size(850, 1100, orientation)
    m = correction_matrix(850, 1100, w, h, orientation, skew)
    upright_rgb = cv2.warpAffine(decoded, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=(255, 255, 255))
    payload = ImagePayload(buf.getvalue(), 850, 1100, "DeviceRGB", 8, "DCTDecode")
    return payload, upright_rgb, cv2.cvtColor(upright_rgb, cv2.COLOR_RGB2GRAY)


def test_colour_jpeg_preview_keeps_colour_and_geometry() -> None:
    for orientation, skew in [(0, 0.0), (90, 7.5), (180, -12.0), (270, 2.0)]:
        payload, upright_rgb, gray = _colour_scan(orientation, skew)
        got = np.asarray(Image.open(io.BytesIO(make_preview(gray, payload, orientation, skew))).convert("RGB"))
        h, w = upright_rgb.shape[:2]
        want = cv2.resize(upright_rgb, (PAGE_PX, round(h * PAGE_PX / w)), interpolation=cv2.INTER_AREA)
        diff, shift = _same_picture(got, want)
        assert diff < 4.0 and shift < 1.0, (orientation, skew, diff, shift)
        red = (got[..., 0].astype(int) - got[..., 1]) > 80  # the stamp stayed red
        assert red.sum() > 200


def test_colour_png_preview_from_the_small_copy() -> None:
    """A colour page that is not a JPEG (its payload Flate): the reduced copy made at ingest is corrected."""
    from archivist.payload import encode_lossless
    from archivist.preview import colour_copy

    for orientation, skew in [(0, 0.0), (90, -6.0), (180, 11.0)]:
        jpeg, upright_rgb, gray = _colour_scan(orientation, skew)
        decoded = np.asarray(Image.open(io.BytesIO(jpeg.data)).convert("RGB"))
        payload = encode_lossless(Image.fromarray(decoded))
        small = colour_copy(decoded, payload)
        got = np.asarray(Image.open(io.BytesIO(make_preview(gray, payload, orientation, skew, small))).convert("RGB"))
        h, w = upright_rgb.shape[:2]
        want = cv2.resize(upright_rgb, (PAGE_PX, round(h * PAGE_PX / w)), interpolation=cv2.INTER_AREA)
        diff, shift = _same_picture(got, want)
        assert diff < 4.0 and shift < 1.0, (orientation, skew, diff, shift)
        assert ((got[..., 0].astype(int) - got[..., 1]) > 80).sum() > 200  # the stamp stayed red


def test_no_preview_where_it_would_not_be_faithful() -> None:
    gray = np.full((100, 80), 255, np.uint8)
    assert make_preview(gray, None, 0, 0.0) == b""
    assert make_preview(gray, ImagePayload(b"x", 80, 100, "DeviceCMYK", 8, "DCTDecode"), 0, 0.0) == b""
    assert make_preview(gray, ImagePayload(b"x", 80, 100, "DeviceRGB", 8, "FlateDecode"), 0, 0.0) == b""
    one_bit = make_preview(gray, ImagePayload(b"x", 80, 100, "DeviceGray", 1, "CCITTFaxDecode"), 0, 0.0)
    assert Image.open(io.BytesIO(one_bit)).size == (PAGE_PX, 600)


def test_a_small_colour_jpeg_hands_its_decoded_pixels_to_its_preview() -> None:
    """Session 31: a colour JPEG under about 4 x PAGE_PX a side is decoded whole by the preview too (JPEG's scaling
    cannot reduce it): the pixels decoded at ingest are handed over instead, and the preview is the same bytes. A
    larger one keeps nothing, and its preview decodes it small as before."""
    from archivist.preview import colour_copy

    payload, _, _ = _colour_scan(0, 0.0)
    decoded = np.asarray(Image.open(io.BytesIO(payload.data)).convert("RGB"))
    assert colour_copy(decoded, payload) is decoded  # no copy
    for orientation, skew in [(0, 0.0), (90, 7.5), (180, -12.0), (270, 2.0)]:
        _, _, gray = _colour_scan(orientation, skew)
        assert make_preview(gray, payload, orientation, skew, decoded) == make_preview(gray, payload, orientation, skew)
    big = np.zeros((2600, 1950, 3), np.uint8)
    assert colour_copy(big, ImagePayload(b"x", 1950, 2600, "DeviceRGB", 8, "DCTDecode")) is None


def test_ingest_keeps_a_small_colour_jpegs_pixels(tmp_path: Path) -> None:
    from archivist.ingest import load_page
    from archivist.models import PageRef

    payload, _, _ = _colour_scan(0, 0.0)
    path = tmp_path / "scan.jpg"
    path.write_bytes(payload.data)
    page = load_page(PageRef(path, "image", 0))
    assert page.colour is not None and page.colour.shape == (1100, 850, 3)
    assert np.array_equal(page.colour, np.asarray(Image.open(path).convert("RGB")))
    assert make_preview(page.gray, page.payload, 0, 0.0, page.colour) == make_preview(page.gray, page.payload, 0, 0.0)
