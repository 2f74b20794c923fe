"""Ingest: what counts as a document, and clean one-line errors for files that are not scans.

The odd inputs are made here (zero-byte, truncated, fake extension, encrypted, bomb header),
never copied from elsewhere.
"""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from archivist.discover import discover
from archivist.ingest import IngestError, load_page
from archivist.models import PageRef
from tests.textpage import text_page


def _png_header_only(path: Path, w: int, h: int) -> None:
    """A PNG that claims w x h pixels (the dimensions of a decompression bomb)."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", w, h, 1, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64))
                     + chunk(b"IEND", b""))


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    root = tmp_path / "batch"
    (root / "hồ sơ đất đai 1998").mkdir(parents=True)
    page, _ = text_page(150, seed=1, lines=6)
    page.save(root / "qd 45 'UBND'.jpg", dpi=(150, 150))
    for i in (1, 2, 10):
        page.save(root / "hồ sơ đất đai 1998" / f"page-{i}.png", dpi=(150, 150))
    (root / "notes.txt").write_text("not a scan", encoding="utf-8")
    (root / "empty.jpg").write_bytes(b"")
    good = io.BytesIO()
    page.save(good, format="JPEG")
    (root / "truncated.jpg").write_bytes(good.getvalue()[:2000])
    (root / "fake.png").write_text("this is text, not an image", encoding="utf-8")
    (root / "broken.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    _png_header_only(root / "bomb.png", 60000, 60000)
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.save(root / "locked.pdf", encryption=pikepdf.Encryption(owner="o", user="secret"))
    return root


def test_discovery_rules_and_bad_files(batch: Path) -> None:
    docs, failures, skipped, _ = discover([batch])
    labels = {Path(d.label).name: d for d in docs}
    assert set(labels) >= {"qd 45 'UBND'.jpg", "hồ sơ đất đai 1998"}
    dossier = labels["hồ sơ đất đai 1998"]
    assert [p.path.name for p in dossier.pages] == ["page-1.png", "page-2.png", "page-10.png"]
    reasons = {Path(f.path).name: f.reason for f in failures}
    assert "0 bytes" in reasons["empty.jpg"]
    assert "not an image" in reasons["fake.png"]
    assert "limit" in reasons["bomb.png"] or "too large" in reasons["bomb.png"]
    assert "damaged" in reasons["broken.pdf"]
    assert "encrypted" in reasons["locked.pdf"]
    assert all("\n" not in r for r in reasons.values())
    assert [Path(s).name for s in skipped] == ["notes.txt"]


def test_truncated_jpeg_fails_at_load_with_one_line(batch: Path) -> None:
    docs, failures, _, _ = discover([batch / "truncated.jpg"])
    if failures:  # some truncations are caught from the header already
        assert "truncated.jpg" in failures[0].path
        return
    with pytest.raises(IngestError) as e:
        load_page(docs[0].pages[0])
    assert "damaged or truncated" in str(e.value)


def test_document_ids_follow_content_not_names(tmp_path: Path) -> None:
    page, _ = text_page(150, seed=2, lines=4)
    page.save(tmp_path / "a.png")
    page.save(tmp_path / "b.png")
    docs, _, _, _ = discover([tmp_path / "a.png", tmp_path / "b.png"])
    assert len(docs) == 1  # the same scan twice is one document


def test_modes_are_brought_to_pdf_friendly_payloads(tmp_path: Path) -> None:
    page, _ = text_page(150, seed=3, lines=4)
    variants = {
        "rgba.png": page.convert("RGBA"),
        "palette.png": page.convert("P"),
        "cmyk.jpg": page.convert("CMYK"),
        "bilevel.tif": page.convert("1"),
        "grey16.png": page.convert("I;16"),
    }
    for name, im in variants.items():
        im.save(tmp_path / name, dpi=(150, 150))
        loaded = load_page(PageRef(tmp_path / name, "image"))
        assert loaded.payload.colorspace in ("DeviceGray", "DeviceRGB"), name
        assert loaded.gray.shape == (page.height, page.width)
        assert loaded.dpi == pytest.approx(150, abs=1)


def test_multipage_tiff_pages(tmp_path: Path) -> None:
    pages = [text_page(150, seed=s, lines=3)[0] for s in range(3)]
    pages[0].save(tmp_path / "m.tif", save_all=True, append_images=pages[1:], compression="tiff_deflate")
    docs, failures, _, _ = discover([tmp_path / "m.tif"])
    assert not failures and len(docs[0].pages) == 3
    for ref in docs[0].pages:
        assert load_page(ref).gray.shape == (pages[0].height, pages[0].width)


def test_jpeg_payload_is_the_original_bytes(tmp_path: Path) -> None:
    page, _ = text_page(150, seed=4, lines=4)
    page.save(tmp_path / "p.jpg", quality=70, dpi=(150, 150))
    loaded = load_page(PageRef(tmp_path / "p.jpg", "image"))
    assert loaded.payload.filter == "DCTDecode"
    assert loaded.payload.data == (tmp_path / "p.jpg").read_bytes()


def test_pdf_scan_page_passes_jpeg_through(tmp_path: Path) -> None:
    page, _ = text_page(150, seed=5, lines=4)
    buf = io.BytesIO()
    page.save(buf, format="JPEG", quality=75)
    pdf = pikepdf.new()
    w_pt, h_pt = page.width * 72 / 150, page.height * 72 / 150
    pdf.add_blank_page(page_size=(w_pt, h_pt))
    img = pikepdf.Stream(pdf, buf.getvalue(), Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image,
                         Width=page.width, Height=page.height, ColorSpace=pikepdf.Name.DeviceGray,
                         BitsPerComponent=8, Filter=pikepdf.Name.DCTDecode)
    pdf.pages[0].Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=img))
    pdf.pages[0].Contents = pdf.make_stream(f"q {w_pt} 0 0 {h_pt} 0 0 cm /Im0 Do Q".encode())
    pdf.save(tmp_path / "scan.pdf")
    loaded = load_page(PageRef(tmp_path / "scan.pdf", "pdf", 0))
    assert loaded.payload.data == buf.getvalue()
    assert loaded.dpi == pytest.approx(150, abs=0.5)
    with Image.open(buf) as im:
        assert loaded.gray.shape == (im.height, im.width)


def test_one_page_tiffs_in_a_folder_are_pages_of_its_dossier(tmp_path: Path) -> None:
    """A scanner writing a file per page writes TIFF as often as JPEG: a folder of one-page TIFFs is one
    document, in natural order, beside a JPEG page; a multi-page TIFF there stays a document of its own."""
    folder = tmp_path / "batch" / "hồ sơ 3"
    folder.mkdir(parents=True)
    pages = [text_page(150, seed=s, lines=3)[0] for s in range(5)]
    pages[0].convert("1").save(folder / "page-10.tif", compression="group4", dpi=(150, 150))
    pages[1].save(folder / "page-2.tif", compression="tiff_lzw", dpi=(150, 150))
    pages[2].save(folder / "page-1.jpg", dpi=(150, 150))
    pages[3].save(folder / "phu-luc.tif", save_all=True, append_images=[pages[4]], compression="tiff_deflate")
    docs, failures, _, _ = discover([tmp_path / "batch"])
    assert not failures
    by_name = {Path(d.label).name: d for d in docs}
    assert set(by_name) == {"hồ sơ 3", "phu-luc.tif"}
    assert [(p.path.name, p.kind) for p in by_name["hồ sơ 3"].pages] == [
        ("page-1.jpg", "image"), ("page-2.tif", "tiff"), ("page-10.tif", "tiff")]
    assert [p.index for p in by_name["phu-luc.tif"].pages] == [0, 1]
    for ref in by_name["hồ sơ 3"].pages:
        assert load_page(ref).gray.shape == (pages[0].height, pages[0].width)


def test_a_damaged_tiff_page_keeps_its_dossier_from_being_written(tmp_path: Path) -> None:
    folder = tmp_path / "batch" / "hồ sơ 4"
    folder.mkdir(parents=True)
    page, _ = text_page(150, seed=6, lines=3)
    page.save(folder / "page-1.tif", compression="tiff_lzw", dpi=(150, 150))
    (folder / "page-2.tif").write_bytes((folder / "page-1.tif").read_bytes()[:40])
    docs, failures, _, _ = discover([tmp_path / "batch"])
    assert docs == []
    reasons = {Path(f.path).name: f.reason for f in failures}
    assert "page-2.tif" in reasons and "\n" not in reasons["page-2.tif"]
    assert reasons["hồ sơ 4"] == "1 of 2 pages could not be read; document not written"
