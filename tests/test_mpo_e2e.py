"""End to end through the real CLI: phones' multi-picture JPEGs (MPO) in a box of scans.

A portrait shot (the page, then a depth map and a preview), a dossier folder whose first page is one and
whose second is a plain JPEG, and one whose index a program left wrong. Each MPO is one page; its PDF image is
the file's first picture, byte for byte, its pixels Pillow's first frame; the OCR reads the page; the damaged
one is stored without loss and said in the warnings; every PDF passes PDFBox Preflight (PDF/A-1b). On the tree
before session 33 the portrait shot made three pages, all re-encoded as Flate, and its PDF was 4.7 times the
file.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pikepdf
import pytest
from PIL import Image

from archivist.metrics import bag_of_words_error
from tests.mpofiles import DISPARITY, PREVIEW, PRIMARY, first_size, jpeg, mpo, with_first_entry
from tests.pdfcheck import assert_valid_pdfa
from tests.textpage import scan, text_page

DPI = 200
DOSSIER = "hồ sơ 5"


def _photo(seed: int) -> tuple[Image.Image, str]:
    """A colour photo of a typed page (slightly tilted, as held over a desk) and its text."""
    page, lines = text_page(DPI, seed=seed, lines=9)
    grey = Image.fromarray(scan(page, 1.0, 0, seed=seed, noise=4.0))
    return Image.merge("RGB", (grey, grey, grey.point(lambda v: v * 0.9))), "\n".join(lines)


def _portrait(seed: int) -> tuple[bytes, str]:
    """The photo as a phone's portrait shot: the page, its depth map, a preview."""
    photo, text = _photo(seed)
    depth = Image.linear_gradient("L").resize((photo.width // 4, photo.height // 4))
    pictures = [jpeg(photo, quality=90, dpi=(DPI, DPI)), jpeg(depth), jpeg(photo.resize((320, 452)))]
    return mpo(pictures, [PRIMARY, DISPARITY, PREVIEW]), text


@pytest.fixture(scope="module")
def box(tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("mpo")
    scans = root / "scans"
    (scans / DOSSIER).mkdir(parents=True)
    texts = {}
    data, texts["IMG_1001.jpg"] = _portrait(1)
    (scans / "IMG_1001.jpg").write_bytes(data)
    data, texts["trang-1.jpg"] = _portrait(2)
    (scans / DOSSIER / "trang-1.jpg").write_bytes(data)
    photo, texts["trang-2.jpg"] = _photo(3)
    photo.save(scans / DOSSIER / "trang-2.jpg", quality=90, dpi=(DPI, DPI))
    data, texts["IMG_1002.jpg"] = _portrait(4)
    (scans / "IMG_1002.jpg").write_bytes(with_first_entry(data, size=first_size(data) + 4096))
    archive, records, run = process_box(root)
    return {"scans": scans, "archive": archive, "records": records, "texts": texts, "run": run}


def process_box(root: Path) -> tuple[Path, dict[str, dict], subprocess.CompletedProcess]:
    """``archivist process scans --archive archive`` in ``root`` by the real CLI (one worker): the archive,
    its records by their label's last part, and the run."""
    run = subprocess.run([sys.executable, "-m", "archivist.cli", "process", "scans", "--archive", "archive",
                          "--workers", "1"], cwd=root, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    archive = root / "archive"
    records = {Path(r["label"]).name: r for r in (json.loads(p.read_text(encoding="utf-8"))
                                                  for p in (archive / "documents").glob("*.json"))}
    return archive, records, run


def _images(archive: Path, record: dict, keep: list) -> list[pikepdf.Object]:
    """The image of each page of the record's PDF; ``keep`` holds the open PDF while they are read."""
    pdf = pikepdf.open(archive / record["output"]["pdf"])
    keep.append(pdf)
    return [next(iter(page.get_images().values())) for page in pdf.pages]


def _frame0(path: str) -> np.ndarray:
    with Image.open(path) as im:
        return np.asarray(im)


@pytest.mark.slow
def test_each_mpo_is_one_page_stored_as_its_first_picture(box: dict) -> None:
    records, keep = box["records"], []
    assert set(records) == {"IMG_1001.jpg", "IMG_1002.jpg", DOSSIER}
    shot, dossier = records["IMG_1001.jpg"], records[DOSSIER]
    assert shot["page_count"] == 1 and dossier["page_count"] == 2  # before: 3 and 4, pictures taken for pages
    assert [Path(p["source"]["path"]).name for p in dossier["pages"]] == ["trang-1.jpg", "trang-2.jpg"]
    for record, pages in ((shot, shot["pages"]), (dossier, dossier["pages"])):
        for page, image in zip(pages, _images(box["archive"], record, keep), strict=True):
            source = Path(page["source"]["path"]).read_bytes()
            stored = image.read_raw_bytes()
            assert str(image.Filter) == "/DCTDecode" and page["image"]["filter"] == "DCTDecode"
            assert stored == (source[:first_size(source)] if b"MPF\0" in source else source)
            assert np.array_equal(np.asarray(pikepdf.PdfImage(image).as_pil_image()), _frame0(page["source"]["path"]))
            text = " ".join(w[0] for w in page["words"])
            assert bag_of_words_error(box["texts"][Path(page["source"]["path"]).name], text) < 0.1
            assert page["warnings"] == []
    # the depth map and the preview stay in the scan, which the record's SHA-256 covers; the PDF is smaller
    assert shot["output"]["bytes"] < shot["source"]["bytes"] == (box["scans"] / "IMG_1001.jpg").stat().st_size


@pytest.mark.slow
def test_a_damaged_index_keeps_the_right_page_and_says_so(box: dict) -> None:
    damaged = box["records"]["IMG_1002.jpg"]
    (page,) = damaged["pages"]
    keep: list = []
    (image,) = _images(box["archive"], damaged, keep)
    assert str(image.Filter) == "/FlateDecode"
    assert np.array_equal(np.asarray(pikepdf.PdfImage(image).as_pil_image()), _frame0(page["source"]["path"]))
    assert bag_of_words_error(box["texts"]["IMG_1002.jpg"], " ".join(w[0] for w in page["words"])) < 0.1
    assert any("multi-picture JPEG (MPO)" in w for w in page["warnings"])
    assert "IMG_1002.jpg p.1: a phone's multi-picture JPEG (MPO)" in box["run"].stderr + box["run"].stdout


@pytest.mark.slow
def test_preflight_accepts_the_mpo_pages(box: dict) -> None:
    assert_valid_pdfa(box["archive"])
