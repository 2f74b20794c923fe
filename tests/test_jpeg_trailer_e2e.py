"""End to end through the real CLI: a phone's motion photo (a JPEG picture, then its MP4 video) in a box of scans.

A motion photo of a typed page, a dossier folder of a motion photo and a plain JPEG, and a JPEG whose trailer
holds ``FF D9`` bytes. Each PDF image is the file's picture, its bytes up to the JPEG's end, and decodes to
Pillow's pixels of the file; the record counts what was left out, with no warning; the PDF is smaller than the
file; the archive verifies; every PDF passes PDFBox Preflight (PDF/A-1b). On the tree before session 33 each
PDF carried the whole file, video and all, and was larger than it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pikepdf
import pytest
from PIL import Image

from archivist.jpeg import jpeg_end
from archivist.metrics import bag_of_words_error
from tests.mpofiles import jpeg
from tests.pdfcheck import assert_valid_pdfa
from tests.test_jpeg_trailer import mp4_like
from tests.test_mpo_e2e import process_box
from tests.textpage import scan, text_page

DPI = 200
DOSSIER = "hồ sơ 7"
VIDEO = 400_000


def _photo(seed: int) -> tuple[bytes, str]:
    """A colour photo of a typed page as JPEG bytes, and its text."""
    page, lines = text_page(DPI, seed=seed, lines=9)
    grey = Image.fromarray(scan(page, 1.0, 0, seed=seed, noise=4.0))
    photo = Image.merge("RGB", (grey, grey, grey.point(lambda v: v * 0.9)))
    return jpeg(photo, quality=90, dpi=(DPI, DPI)), "\n".join(lines)


@pytest.fixture(scope="module")
def box(tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("trailer")
    scans = root / "scans"
    (scans / DOSSIER).mkdir(parents=True)
    texts, trailers = {}, {}
    eois = mp4_like(30_000) + b"\xff\xd9" + mp4_like(30_000, 8) + b"\xff\xd9"  # a trailer holding EOI bytes
    for name, seed, trailer in (("PXL_20251204_101500.MP.jpg", 1, mp4_like(VIDEO)),
                                (f"{DOSSIER}/trang-1.jpg", 2, mp4_like(VIDEO, 9)),
                                (f"{DOSSIER}/trang-2.jpg", 3, b""), ("IMG_0007.jpg", 4, eois)):
        picture, texts[Path(name).name] = _photo(seed)
        (scans / name).write_bytes(picture + trailer)
        trailers[Path(name).name] = len(trailer)
    archive, records, run = process_box(root)
    return {"root": root, "scans": scans, "archive": archive, "records": records, "texts": texts,
            "trailers": trailers, "run": run}


@pytest.mark.slow
def test_each_pdf_image_is_the_files_picture_and_the_record_counts_the_rest(box: dict) -> None:
    records, keep = box["records"], []
    assert set(records) == {"PXL_20251204_101500.MP.jpg", "IMG_0007.jpg", DOSSIER}
    assert records[DOSSIER]["page_count"] == 2
    for record in records.values():
        pdf = pikepdf.open(box["archive"] / record["output"]["pdf"])
        keep.append(pdf)
        for page, pdf_page in zip(record["pages"], pdf.pages, strict=True):
            path = Path(page["source"]["path"])
            source, after = path.read_bytes(), box["trailers"][path.name]
            (image,) = pdf_page.get_images().values()
            stored = image.read_raw_bytes()
            assert str(image.Filter) == "/DCTDecode" and stored == source[:len(source) - after]
            assert jpeg_end(stored) == len(stored)
            with Image.open(path) as im:
                assert np.array_equal(np.asarray(pikepdf.PdfImage(image).as_pil_image()), np.asarray(im))
            expected = {"filter": "DCTDecode", "colorspace": "DeviceRGB", "bpc": 8}
            assert page["image"] == ({**expected, "after_picture": after} if after else expected)
            assert bag_of_words_error(box["texts"][path.name], " ".join(w[0] for w in page["words"])) < 0.1
            assert page["warnings"] == []  # nothing is lost: the source file keeps the video
    for name in ("PXL_20251204_101500.MP.jpg", "IMG_0007.jpg"):
        record = records[name]
        assert record["output"]["bytes"] < record["source"]["bytes"] == (box["scans"] / name).stat().st_size
    assert "after the picture" not in box["run"].stdout + box["run"].stderr


@pytest.mark.slow
def test_the_archive_verifies_against_the_untouched_sources(box: dict) -> None:
    run = subprocess.run([sys.executable, "-m", "archivist.cli", "verify", "--archive", "archive"],
                         cwd=box["root"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert (box["scans"] / "PXL_20251204_101500.MP.jpg").read_bytes().endswith(mp4_like(VIDEO)[-1000:])


@pytest.mark.slow
def test_preflight_accepts_the_motion_photo_pages(box: dict) -> None:
    assert_valid_pdfa(box["archive"])
