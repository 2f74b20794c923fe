"""End to end through the command line: a folder of an iPhone's HEIC photos of pages, and a screenshot-like PNG.

The HEIC files are written by pillow-heif's own encoder (tests/heicfiles.py): a typed page stored upright, one
stored sideways as an iPhone stores a page it held turned (``irot`` and the same turn as an Exif tag), a plan
with too little text stored sideways the same way, and a damaged one. Beside them a PNG of a plan whose camera
tag is in its ``eXIf`` chunk. ``archivist process`` must make PDF/A-1b files that Preflight passes, each page
upright and turned once (the plan's HEIC by its transform only, never again by its tag; the PNG's by its tag),
pixels in the PDF equal to pillow-heif's decoded ones, the text found by ``search``, the record saying HEIC; the
damaged file is one line naming it, and the batch goes on.
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
from tests.heicfiles import decoded, save_heic
from tests.pdfcheck import assert_valid_pdfa
from tests.pdfpages import render
from tests.textpage import text_page

pytestmark = pytest.mark.slow

DPI = 250


def _plan() -> Image.Image:
    return pictures.plan_drawing(random.Random(3), 200)[0].convert("RGB")


#: name: (upright page, the tag an iPhone writes with its ``irot``, or None: stored upright)
HEIC = {
    "IMG_0001.HEIC": (lambda: text_page(DPI, seed=21)[0], None),
    "IMG_0002.HEIC": (lambda: text_page(DPI, seed=22)[0], 6),
    "IMG_0003.HEIC": (_plan, 8),
}
PNG = "plan-exif6.png"


@dataclass
class Run:
    root: Path
    archive: Path
    upright: dict[str, Image.Image]
    records: dict[str, dict]
    returncode: int
    output: str


def _cli(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "archivist.cli", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=900)


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    root = tmp_path_factory.mktemp("heic")
    phone = root / "phone"
    phone.mkdir()
    upright = {}
    for name, (draw, tag) in HEIC.items():
        upright[name] = draw().convert("RGB")
        save_heic(upright[name], phone / name, tag)
    upright[PNG] = _plan()
    exif = Image.Exif()
    exif[0x0112] = 6  # "turn 90° clockwise to view": the pixels lie 90° counter-clockwise
    upright[PNG].transpose(Image.Transpose.ROTATE_90).save(phone / PNG, dpi=(200, 200), exif=exif)
    whole = (phone / "IMG_0002.HEIC").read_bytes()
    (phone / "IMG_0004.HEIC").write_bytes(whole[:len(whole) // 2])  # a copy cut off half-way
    res = _cli(root, "process", "phone", "--archive", "archive", "--workers", "2")
    records = {Path(r["pages"][0]["source"]["path"]).name: r for r in (
        json.loads(p.read_text(encoding="utf-8")) for p in (root / "archive" / "documents").glob("*.json"))}
    return Run(root, root / "archive", upright, records, res.returncode, res.stdout + res.stderr)


def _shown(run: Run, name: str) -> np.ndarray:
    """The PDF page as a viewer draws it, at 20 dpi."""
    rec = run.records[name]
    page = rec["pages"][0]
    size = (round(page["width"] * 20 / page["dpi"]), round(page["height"] * 20 / page["dpi"]))
    return render(run.archive / rec["output"]["pdf"], 1, 20, size)


def _difference(a: np.ndarray, b: Image.Image) -> float:
    small = np.asarray(b.convert("L").resize((a.shape[1], a.shape[0]), Image.Resampling.BOX), dtype=float)
    return float(np.abs(a.astype(float) - small).mean())


def _upright_and_not_turned(run: Run, name: str) -> None:
    shown, im = _shown(run, name), run.upright[name]
    assert (shown.shape[0] > shown.shape[1]) == (im.height > im.width)
    right = _difference(shown, im)
    assert right < 6, right
    assert 2 * right < _difference(shown, im.transpose(Image.Transpose.ROTATE_180)), right


def test_the_damaged_photo_is_one_line_and_the_batch_goes_on(run: Run) -> None:
    assert run.returncode == 1, run.output  # one input failed, the rest written
    lines = [ln for ln in run.output.splitlines() if "IMG_0004.HEIC" in ln]
    assert len(lines) == 1 and "the HEIC photo is damaged or truncated (Invalid input" in lines[0], lines
    assert set(run.records) == {*HEIC, PNG}
    report = json.loads((run.archive / "report.json").read_text(encoding="utf-8"))
    assert any(f["path"].endswith("IMG_0004.HEIC") for f in report["failures"]), report["failures"]


@pytest.mark.parametrize("name", ["IMG_0001.HEIC", "IMG_0002.HEIC"])
def test_a_photographed_page_is_read_upright_and_found(run: Run, name: str) -> None:
    page = run.records[name]["pages"][0]
    assert page["source"]["format"] == "HEIC"
    assert page["orientation"] == 0 and page["orientation_decision"] == "upright"
    assert "camera" not in page["orientation_evidence"]  # no tag handed on: the transform turned it, once
    assert "resolution not recorded in the file; assumed 300 dpi" in page["warnings"]
    written = " ".join(text_page(DPI, seed=int(name[4:8]) + 20)[1]).split()
    read = page["text"].split()
    assert sum(w in read for w in written) > 0.9 * len(written)
    _upright_and_not_turned(run, name)
    hits = json.loads(_cli(run.root, "search", "uy ban nhan dan", "--archive", "archive", "--limit", "50",
                           "--json").stdout)
    assert run.records[name]["id"] in {h["doc_id"] for h in hits}


def test_a_plan_the_phone_turned_is_not_turned_again_by_its_tag(run: Run) -> None:
    """Its ``irot`` stood it up when decoded; its Exif tag 8 says the same turn again and must not be applied:
    with too little text to decide, it stays as the phone showed it."""
    page = run.records["IMG_0003.HEIC"]["pages"][0]
    assert page["orientation"] == 0
    assert page["orientation_decision"] == "kept as scanned: too little text"
    assert "camera" not in page["orientation_evidence"]
    assert not any("camera" in w for w in page["warnings"])
    _upright_and_not_turned(run, "IMG_0003.HEIC")


def test_a_png_with_the_cameras_tag_is_turned_as_it_says(run: Run) -> None:
    page = run.records[PNG]["pages"][0]
    assert page["source"]["format"] == "PNG"
    assert page["orientation_decision"] == "turned as the camera recorded it" and page["orientation"] == 270
    assert page["orientation_evidence"]["camera"] == {"exif_orientation": 6, "orientation": 270}
    assert page["warnings"][0].startswith("too little text to tell which way is up: turned as the camera's")
    _upright_and_not_turned(run, PNG)


@pytest.mark.parametrize("name", list(HEIC))
def test_the_pdf_holds_pillow_heifs_pixels_without_loss(run: Run, name: str) -> None:
    rec = run.records[name]
    assert rec["pages"][0]["image"] == {"filter": "FlateDecode", "colorspace": "DeviceRGB", "bpc": 8}
    with pikepdf.open(run.archive / rec["output"]["pdf"]) as pdf:
        (image,) = pdf.pages[0].get_images().values()
        stored = np.asarray(pikepdf.PdfImage(image).as_pil_image())
    assert np.array_equal(stored, np.asarray(decoded(run.root / "phone" / name)))


def test_the_records_are_valid_and_the_pdfs_pass_preflight(run: Run) -> None:
    from archivist.schemas import validate

    for rec in run.records.values():
        validate(rec, "document")
    assert_valid_pdfa(run.archive)
