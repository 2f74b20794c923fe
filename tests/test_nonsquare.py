"""Non-square pixels: a scan at 200 x 100 dpi keeps the scanner's proportions through the whole pipeline.

The page is drawn at 200 dpi (5 x 4 in: a circle 2 in across and a few lines of words), then every
two rows are merged into one, as a scanner's 100 dpi vertical resolution would give, and the file
says 200 x 100 dpi. The PDF page must be 360 x 288 pt, the circle must come out round, and the
invisible words must sit on the words the page shows.
"""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np
import pdfplumber
import pytest
from PIL import Image, ImageDraw

from archivist.ingest import _dpi_of, loaded
from archivist.models import ImagePayload
from archivist.pipeline import Settings, process
from tests.pdfcheck import assert_valid_pdfs
from tests.pdfpages import font, render

WORDS = ["Ngày", "22", "tháng", "01", "năm", "2017", "Biên", "bản", "giao", "nhận", "hồ", "sơ", "đất", "đai"]


def _page() -> tuple[Image.Image, list[tuple[str, tuple[int, int, int, int]]]]:
    """The page at 200 dpi square (1000 x 800 px), and each word's box on it."""
    im = Image.new("L", (1000, 800), 250)
    d = ImageDraw.Draw(im)
    d.ellipse((560, 240, 960, 640), outline=20, width=10)  # 2 in across
    face, boxes = font(36), []
    for line, words in enumerate((WORDS[:6], WORDS[6:10], WORDS[10:])):
        x, y = 50, 60 + line * 70
        for w in words:
            box = d.textbbox((x, y), w, font=face)
            d.text((x, y), w, font=face, fill=20)
            boxes.append((w, box))
            x = box[2] + 16
    return im, boxes


@pytest.fixture(scope="module")
def processed(tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("nonsquare")
    im, boxes = _page()
    half = im.resize((1000, 400), Image.Resampling.BOX)  # 100 dpi vertically
    scans = root / "scans"
    scans.mkdir()
    half.save(scans / "grey-200x100.png", dpi=(200, 100))
    Image.merge("RGB", [half] * 3).save(scans / "colour-200x100.jpg", quality=90, dpi=(200, 100))
    archive = root / "archive"
    report = process([scans], archive, Settings(workers=1, pdfa="1b"))
    records = {Path(r["label"]).name: r for r in (json.loads(p.read_text(encoding="utf-8"))
                                                   for p in (archive / "documents").glob("*.json"))}
    return {"archive": archive, "report": report, "records": records, "boxes": boxes}


def test_dpi_of_keeps_both_resolutions(tmp_path: Path) -> None:
    Image.new("L", (20, 10)).save(tmp_path / "a.png", dpi=(200, 100))
    with Image.open(tmp_path / "a.png") as im:
        x, y, known = _dpi_of(im)
    assert known and x == pytest.approx(200, abs=0.1) and y == pytest.approx(100, abs=0.1)
    page = loaded(np.zeros((10, 20), np.uint8), ImagePayload(b"", 20, 10, "DeviceGray", 8, "FlateDecode"),
                  x, y, True)
    assert page.gray.shape == (20, 20) and page.dpi == pytest.approx(200, abs=0.1)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["grey-200x100.png", "colour-200x100.jpg"])
def test_page_keeps_the_scanners_proportions(processed: dict, name: str) -> None:
    rec = processed["records"][name]
    page = rec["pages"][0]
    assert page["dpi_xy"] == [pytest.approx(200, abs=0.1), pytest.approx(100, abs=0.1)]
    assert page["dpi"] == pytest.approx(200, abs=0.1) and (page["width"], page["height"]) == (1000, 800)
    assert page["orientation"] == 0
    with pdfplumber.open(processed["archive"] / rec["output"]["pdf"]) as pdf:
        p = pdf.pages[0]
        assert (float(p.width), float(p.height)) == (pytest.approx(360, abs=0.01), pytest.approx(288, abs=0.01))
    warnings = " ".join(page["warnings"])
    assert "200x100 dpi, below the 200 dpi" in warnings


@pytest.mark.slow
@pytest.mark.parametrize("name", ["grey-200x100.png", "colour-200x100.jpg"])
def test_circle_stays_round(processed: dict, name: str) -> None:
    pdf = processed["archive"] / processed["records"][name]["output"]["pdf"]
    img = render(pdf, 1, 100.0, (500, 400), axis_aligned=True)
    assert img.shape == (400, 500)
    ink = (img < 128).astype(np.uint8)
    n, _labels, stats, _ = cv2.connectedComponentsWithStats(ink)
    ring = max(range(1, n), key=lambda i: stats[i, cv2.CC_STAT_AREA])
    w, h = stats[ring, cv2.CC_STAT_WIDTH], stats[ring, cv2.CC_STAT_HEIGHT]
    assert w == pytest.approx(200, abs=4) and h == pytest.approx(200, abs=4)
    assert abs(w - h) <= 3, (w, h)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["grey-200x100.png", "colour-200x100.jpg"])
def test_text_layer_lands_on_the_words(processed: dict, name: str) -> None:
    rec = processed["records"][name]
    assert all(w in rec["pages"][0]["text"] for w in ("2017", "Biên", "nhận", "đất"))
    k = 72 / 200
    drawn = {w: box for w, box in processed["boxes"]}
    with pdfplumber.open(processed["archive"] / rec["output"]["pdf"]) as pdf:
        got = pdf.pages[0].extract_words()
    matched = 0
    for g in got:
        if g["text"] not in drawn or g["text"] in ("hồ", "sơ"):  # short words: found twice or not at all
            continue
        x0, y0, x1, y1 = (v * k for v in drawn[g["text"]])
        overlap = max(0.0, min(x1, g["x1"]) - max(x0, g["x0"])) * max(0.0, min(y1, g["bottom"]) - max(y0, g["top"]))
        union = (x1 - x0) * (y1 - y0) + (g["x1"] - g["x0"]) * (g["bottom"] - g["top"]) - overlap
        assert overlap / union > 0.5, (g["text"], (x0, y0, x1, y1), g)
        matched += 1
    assert matched >= 8


@pytest.mark.slow
def test_outputs_pass_preflight(processed: dict) -> None:
    pdfs = sorted((processed["archive"] / "documents").glob("*.pdf"))
    assert len(pdfs) == 2
    assert_valid_pdfs(pdfs)


@pytest.mark.slow
def test_report_images_keep_the_proportions(processed: dict) -> None:
    """The workers' page images (colour JPEG: decoded small and corrected; grey: the OCR'd pixels)
    show the page at its proportions, the circle round."""
    images = sorted((processed["archive"] / "report-files").glob("*-p1.jpg"))
    assert len(images) == 2
    for path in images:
        img = np.asarray(Image.open(path).convert("L"))
        assert img.shape[1] / img.shape[0] == pytest.approx(1.25, abs=0.01), path.name
        n, _labels, stats, _ = cv2.connectedComponentsWithStats((img < 128).astype(np.uint8))
        ring = max(range(1, n), key=lambda i: stats[i, cv2.CC_STAT_AREA])
        w, h = stats[ring, cv2.CC_STAT_WIDTH], stats[ring, cv2.CC_STAT_HEIGHT]
        assert w == pytest.approx(0.4 * img.shape[1], rel=0.03) and abs(w - h) <= 0.02 * w, (path.name, w, h)
