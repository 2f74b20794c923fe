"""End to end: a batch of scans in every format a commune scanner writes, through the real pipeline
(Tesseract ``vie``, PDF/A-1b and 2b), then read back: each PDF's image is the source's compressed
data where it can pass (tests/test_payload.py pins which), its pixels equal the source's, the OCR
found the words, and PDFBox Preflight accepts every file (2b through its 1b check). A folder of one-page
TIFFs (a scanner's file per page) is one dossier document, its pages passing through like the single files'.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pikepdf
import pytest
from PIL import Image

from archivist.pipeline import Settings, process
from archivist.preflight import only_part_complaint
from tests.pdfcheck import preflight
from tests.test_deflatejoin import strips_bytes
from tests.test_payload import idat, strip
from tests.textpage import scan, text_page

ONE_STRIP = {"tiffinfo": {278: 100_000}}
#: file -> (mode, save options, filter expected in the PDF, skew, quarter-turn)
FILES = {
    "grey.png": ("L", {}, "FlateDecode", 3.0, 0),
    "colour.png": ("RGB", {}, "FlateDecode", -2.0, 90),
    "bilevel.png": ("1", {}, "CCITTFaxDecode", 1.5, 0),
    "g4.tif": ("1", {"compression": "group4", **ONE_STRIP}, "CCITTFaxDecode", -4.0, 180),
    "deflate.tif": ("L", {"compression": "tiff_adobe_deflate", "tiffinfo": {278: 100_000, 317: 2}},
                    "FlateDecode", 2.0, 0),
    "lzw.tif": ("L", {"compression": "tiff_lzw", "tiffinfo": {317: 2}}, "FlateDecode", 0.0, 270),
    # a scanner's Deflate TIFF of many strips: their zlib streams joined into one (archivist/deflatejoin.py)
    "deflate-strips.tif": ("L", {"compression": "tiff_adobe_deflate", "tiffinfo": {278: 16, 317: 2}},
                           "FlateDecode", -1.0, 0),
    "deflate-rgb-strips.tif": ("RGB", {"compression": "tiff_adobe_deflate", "tiffinfo": {278: 24}},
                               "FlateDecode", 1.0, 0),
}
#: the one-page TIFFs of a dossier folder, in the order of their pages
DOSSIER = {
    "trang-2.tif": FILES["g4.tif"][:3] + (1.0, 0),
    "trang-10.tif": FILES["lzw.tif"][:3] + (-1.0, 0),
}


def _scan(mode: str, seed: int, skew: float, turn: int) -> Image.Image:
    im, _ = text_page(150, seed=seed, lines=7)
    grey = Image.fromarray(scan(im, skew, turn, seed=seed, noise=4.0))
    if mode == "1":
        return grey.point(lambda v: 255 if v > 128 else 0).convert("1")
    if mode == "RGB":
        return Image.merge("RGB", (grey, grey, grey.point(lambda v: v * 0.85)))
    return grey


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("formats")
    scans = root / "scans"
    scans.mkdir()
    for seed, (name, (mode, options, _f, skew, turn)) in enumerate(FILES.items()):
        _scan(mode, seed, skew, turn).save(scans / name, dpi=(150, 150), **options)
    frames = [_scan("1", 10 + i, 1.0 - i, 0) for i in range(2)]
    frames[0].save(scans / "two-pages.tif", compression="group4", save_all=True, append_images=frames[1:],
                   dpi=(150, 150))
    folder = scans / "hồ sơ 12"
    folder.mkdir()
    for seed, (name, (mode, options, _f, skew, turn)) in enumerate(DOSSIER.items(), start=20):
        _scan(mode, seed, skew, turn).save(folder / name, dpi=(150, 150), **options)
    archives = {}
    for level in ("1b", "2b"):
        archives[level] = root / f"archive-{level}"
        report = process([scans], archives[level], Settings(workers=2, pdfa=level, split="none"))
        assert report.ok, report.failures
    return {"scans": scans, "archives": archives}


def _pages(archive: Path, keep: list) -> dict[tuple[str, int], tuple[pikepdf.Object, dict]]:
    """(source file name, frame) -> (the page's image XObject, its record entry); ``keep`` holds the open PDFs."""
    import json

    out = {}
    for rec_path in (archive / "documents").glob("*.json"):
        rec = json.loads(rec_path.read_text(encoding="utf-8"))
        pdf = pikepdf.open(archive / rec["output"]["pdf"])
        keep.append(pdf)
        for page, entry in zip(pdf.pages, rec["pages"], strict=True):
            (img,) = page.get_images().values()
            out[(Path(entry["source"]["path"]).name, entry["source"]["index"])] = (img, entry)
    return out


@pytest.mark.slow
def test_every_format_is_embedded_as_expected_with_identical_pixels(batch: dict) -> None:
    keep: list = []
    pages = _pages(batch["archives"]["1b"], keep)
    expected = {(n, 0): spec[2] for n, spec in (FILES | DOSSIER).items()}
    expected |= {("two-pages.tif", i): "CCITTFaxDecode" for i in (0, 1)}
    assert set(pages) == set(expected)
    for (name, index), (img, entry) in pages.items():
        assert str(img.Filter) == "/" + expected[(name, index)], name
        with Image.open(entry["source"]["path"]) as src:
            src.seek(index)
            want = np.asarray(src.convert("L") if src.mode == "1" else src)
        got = pikepdf.PdfImage(img).as_pil_image()
        assert np.array_equal(np.asarray(got.convert("L") if got.mode == "1" else got), want), name
        assert len(entry["words"]) >= 20, name  # the OCR read the page through the new payloads
    # bit for bit: the PDF's stream is the PNG's IDAT / the TIFF's one strip, untouched by the PDF writer
    assert pages[("g4.tif", 0)][0].read_raw_bytes() == strip(batch["scans"] / "g4.tif")
    assert pages[("deflate.tif", 0)][0].read_raw_bytes() == strip(batch["scans"] / "deflate.tif")
    assert pages[("grey.png", 0)][0].read_raw_bytes() == idat(batch["scans"] / "grey.png")
    assert pages[("colour.png", 0)][0].read_raw_bytes() == idat(batch["scans"] / "colour.png")
    for name in ("deflate-strips.tif", "deflate-rgb-strips.tif"):  # the scanner's strips, joined, not re-encoded
        assert len(pages[(name, 0)][0].read_raw_bytes()) <= strips_bytes(batch["scans"] / name) + 8 * 40, name



@pytest.mark.slow
def test_preflight_accepts_every_format(batch: dict) -> None:
    one = sorted((batch["archives"]["1b"] / "documents").glob("*.pdf"))
    two = sorted((batch["archives"]["2b"] / "documents").glob("*.pdf"))
    assert len(one) == len(two) == len(FILES) + 2  # and the multi-page TIFF, and the folder's dossier
    result = preflight(one + two)
    assert all(result[p] == [] for p in one), {p.name: v for p, v in result.items() if v and p in one}
    assert all(only_part_complaint(result[p]) for p in two), {p.name: result[p] for p in two}


@pytest.mark.slow
def test_a_folder_of_one_page_tiffs_is_one_dossier_in_page_order(batch: dict) -> None:
    import json

    documents = batch["archives"]["1b"] / "documents"
    records = [json.loads(r.read_text(encoding="utf-8")) for r in documents.glob("*.json")]
    (dossier,) = [r for r in records if Path(r["label"]).name == "hồ sơ 12"]
    assert dossier["page_count"] == 2
    assert [Path(e["source"]["path"]).name for e in dossier["pages"]] == list(DOSSIER)
    assert all(len(e["words"]) >= 20 for e in dossier["pages"])
