"""End to end through the command line: phone photos whose pixels lie sideways, with the camera's orientation tag.

A plan with a handful of figures (too little text to tell which way is up) and a photograph with none are drawn
upright and stored as a phone stores them: pixels turned, EXIF Orientation saying how to view them. Their PDF
pages must show them upright, from the file's own JPEG bytes, with the decision and a warning in the record. A
page full of text stored upright under a wrong tag (a phone held flat over a desk) must stay upright: the text
decides. Every PDF/A-1b written passes PDFBox Preflight.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pikepdf
import pytest
from PIL import Image

from samples import pictures
from tests.pdfcheck import assert_valid_pdfa
from tests.pdfpages import render
from tests.textpage import text_page

pytestmark = pytest.mark.slow

DPI = 200
#: name: (upright page, the EXIF tag written, how the stored pixels are turned from upright)
#: tag 6: "turn 90° clockwise to view", so the pixels lie 90° counter-clockwise (PIL's ROTATE_90).
PAGES = {
    "plan-tag6.jpg": (lambda: pictures.plan_drawing(random.Random(3), DPI)[0], 6, Image.Transpose.ROTATE_90),
    "photo-tag8.jpg": (lambda: pictures.photograph(random.Random(5), DPI)[0], 8, Image.Transpose.ROTATE_270),
    "text-wrong-tag6.jpg": (lambda: text_page(DPI, seed=2)[0], 6, None),
}


@dataclass
class Run:
    archive: Path
    upright: dict[str, Image.Image]
    records: dict[str, dict]
    stderr: str


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    root = tmp_path_factory.mktemp("camera")
    scans = root / "phone"
    scans.mkdir()
    upright = {}
    for name, (draw, tag, turn) in PAGES.items():
        im = draw().convert("RGB")
        upright[name] = im
        exif = Image.Exif()
        exif[0x0112] = tag
        (im.transpose(turn) if turn is not None else im).save(scans / name, quality=90, dpi=(DPI, DPI), exif=exif)
    archive = root / "archive"
    res = subprocess.run([sys.executable, "-m", "archivist.cli", "process", str(scans), "--archive", str(archive),
                          "--workers", "2"], capture_output=True, text=True, timeout=900)
    assert res.returncode == 0, res.stderr
    records = {Path(r["pages"][0]["source"]["path"]).name: r for r in (
        json.loads(p.read_text(encoding="utf-8")) for p in (archive / "documents").glob("*.json"))}
    return Run(archive, upright, records, res.stderr)


def _shown(run: Run, name: str) -> np.ndarray:
    """The PDF page as a viewer draws it, at 20 dpi (the image lies axis-aligned: PDFium is exact there)."""
    rec = run.records[name]
    page = rec["pages"][0]
    size = (round(page["width"] * 20 / DPI), round(page["height"] * 20 / DPI))
    return render(run.archive / rec["output"]["pdf"], 1, 20, size, axis_aligned=True)


def _difference(a: np.ndarray, b: Image.Image) -> float:
    """Mean grey difference of a render and a picture brought to its size."""
    small = np.asarray(b.convert("L").resize((a.shape[1], a.shape[0]), Image.Resampling.BOX), dtype=float)
    return float(np.abs(a.astype(float) - small).mean())


@pytest.mark.parametrize("name", ["plan-tag6.jpg", "photo-tag8.jpg"])
def test_a_photo_with_too_little_text_stands_as_the_camera_recorded_it(run: Run, name: str) -> None:
    page = run.records[name]["pages"][0]
    tag = PAGES[name][1]
    assert page["orientation_decision"] == "turned as the camera recorded it"
    assert page["orientation"] == {6: 270, 8: 90}[tag]
    assert page["orientation_evidence"]["camera"] == {"exif_orientation": tag, "orientation": page["orientation"]}
    assert page["warnings"][0] == ("too little text to tell which way is up: turned as the camera's orientation "
                                   f"tag says (EXIF {tag}, 90° {'clockwise' if tag == 6 else 'counter-clockwise'})")
    assert f"{name} p.1: too little text to tell which way is up: turned as the camera's" in run.stderr
    shown, im = _shown(run, name), run.upright[name]
    assert shown.shape[0] > shown.shape[1] if im.height > im.width else shown.shape[0] < shown.shape[1]
    right = _difference(shown, im)
    assert right < 3, right
    assert 3 * right < _difference(shown, im.transpose(Image.Transpose.ROTATE_180))  # upright, not upside down


@pytest.mark.parametrize("name", list(PAGES))
def test_the_pdf_holds_the_files_own_jpeg_bytes(run: Run, name: str) -> None:
    rec = run.records[name]
    with pikepdf.open(run.archive / rec["output"]["pdf"]) as pdf:
        images = list(pdf.pages[0].get_images().values())
        assert len(images) == 1
        assert images[0].Filter == pikepdf.Name.DCTDecode
        assert images[0].read_raw_bytes() == (run.archive.parent / "phone" / name).read_bytes()


def test_a_page_full_of_text_under_a_wrong_tag_stays_upright(run: Run) -> None:
    name = "text-wrong-tag6.jpg"
    page = run.records[name]["pages"][0]
    assert page["orientation"] == 0 and page["orientation_decision"] == "upright"
    assert page["orientation_evidence"]["camera"] == {"exif_orientation": 6, "orientation": 270, "agrees": False}
    assert not any("orientation" in w or "which way is up" in w for w in page["warnings"])
    written = " ".join(text_page(DPI, seed=2)[1]).split()
    read = page["text"].split()
    assert sum(w in read for w in written) > 0.9 * len(written)  # read the right way up
    shown = _shown(run, name)
    right = _difference(shown, run.upright[name])
    assert 3 * right < _difference(shown, run.upright[name].transpose(Image.Transpose.ROTATE_180)), right


def test_the_records_are_valid_and_the_pdfs_pass_preflight(run: Run) -> None:
    from archivist.schemas import validate

    for rec in run.records.values():
        validate(rec, "document")
    assert_valid_pdfa(run.archive)
