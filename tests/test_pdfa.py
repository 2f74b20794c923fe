"""End-to-end tests of the PDF/A writer on generated scans: real Tesseract words, real validators.

Every page is drawn upright (Vietnamese text in Liberation Serif), turned into a "scan" by the
inverse of :func:`correction_matrix`, encoded the way ingest would hand it over (JPEG bytes,
PNG's Flate stream, CCITT G4 strips, 1-bit Flate), OCR'd by tesserocr on the corrected image,
and written at PDF/A-1b and 2b. The PDFs are then read back by independent tools: PDFBox
Preflight (conformance), pdftotext and pdfplumber (text and boxes), poppler (pixels).

The pages come from tests/pdfpages.py; the geometry checks with known pixels and boxes are in
tests/test_pdf_geometry.py.
Only the Preflight checks skip, and only when Java or the PDFBox jars are missing.
"""

from __future__ import annotations

import re
import time
import unicodedata
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

import numpy as np
import pdfplumber
import pikepdf
import pytest

from archivist.models import PageRef, PageResult, Word
from archivist.pdfa import PdfaError, write_pdfa
from archivist.preflight import only_part_complaint
from tests.pdfcheck import preflight
from tests.pdfpages import (
    CREATED,
    DPI,
    SENTENCES,
    drawn_boxes,
    jpeg_payload,
    make_page,
    pdftotext,
    render,
    scan_of,
    upright_page,
)

PAGES = [("jpeg-rgb", 0, 2.5), ("jpeg-gray", 90, -7.0), ("flate", 180, 0.5), ("ccitt", 270, 0.0),
         ("flate-1bit", 0, -15.0), ("jpeg-rgb", 270, 12.0)]


@pytest.fixture(scope="module")
def doc(tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("pdfa")
    made = [make_page(i + 1, *spec) for i, spec in enumerate(PAGES)]
    pages = [p for p, _ in made]
    files = {}
    for level in ("1b", "2b"):
        files[level] = out / f"Quyết định {level}.pdf"
        write_pdfa(pages, files[level], level=level, title="Quyết định số 45/QĐ-UBND", created=CREATED,
                   producer="archivist test", keywords=["hộ tịch", "đất đai"], subject="Giao đất")
    return {"pages": pages, "expected": [g for _, g in made], "files": files, "dir": out}



# ---------------------------------------------------------------- the generated document

def test_ocr_found_the_vietnamese_text(doc: dict) -> None:
    drawn = {unicodedata.normalize("NFC", t) for s in SENTENCES for t in s.split()}
    for page in doc["pages"]:
        found = {w.text for w in page.words}
        assert len(found & drawn) >= 0.6 * len(drawn), page.number


def test_preflight_accepts_the_pdfs(doc: dict) -> None:
    # A 2b copy under the 1b file's name in another folder: reports must not be mixed up by name.
    twin = doc["dir"] / "other" / doc["files"]["1b"].name
    twin.parent.mkdir(exist_ok=True)
    twin.write_bytes(doc["files"]["2b"].read_bytes())
    missing = doc["dir"] / "missing.pdf"
    result = preflight([doc["files"]["1b"], doc["files"]["2b"], twin, missing])
    assert list(result) == [doc["files"]["1b"], doc["files"]["2b"], twin, missing]
    assert result[doc["files"]["1b"]] == []
    assert only_part_complaint(result[doc["files"]["2b"]]), result[doc["files"]["2b"]]
    assert only_part_complaint(result[twin]) and result[missing] == ["file not found"]


def test_pdftotext_returns_the_words(doc: dict) -> None:
    for level in ("1b", "2b"):
        for page in doc["pages"]:
            text = pdftotext(doc["files"][level], page.number)
            assert unicodedata.is_normalized("NFC", text)
            assert text.split() == [w.text for w in page.words]
            # Lines come back whole, except where a lone tiny fragment (a "~" cut at the page edge)
            # sits far from its line's baseline: each word stands on its own box, by design.
            lines: dict[int, list[str]] = {}
            for w in page.words:
                lines.setdefault(w.line, []).append(w.text)
            got = set(text.split("\n"))
            assert sum(" ".join(v) in got for v in lines.values()) >= 0.85 * len(lines)


def test_pdfplumber_boxes_are_the_word_boxes(doc: dict) -> None:
    k = 72 / DPI
    with pdfplumber.open(doc["files"]["1b"]) as pdf:
        for page, pp in zip(doc["pages"], pdf.pages, strict=True):
            got = pp.extract_words(use_text_flow=True, keep_blank_chars=False)
            assert [g["text"] for g in got] == [w.text for w in page.words]
            drawn = drawn_boxes(page.words, k, page.width, page.height)
            for g, w, (_, top, _, bottom) in zip(got, page.words, drawn, strict=True):
                x0, _, x1, _ = (v * k for v in w.bbox)  # sideways on the word's box, up and down on its line's band
                assert x0 - 1 <= g["x0"] and g["x1"] <= x1 + 1
                assert abs(g["x0"] - x0) < 0.1 and abs(g["top"] - top) < 0.1 and abs(g["bottom"] - bottom) < 0.1


def test_jpeg_bytes_are_embedded_untouched(doc: dict) -> None:
    raw = doc["files"]["1b"].read_bytes()
    with pikepdf.open(doc["files"]["1b"]) as pdf:
        for page, pp in zip(doc["pages"], pdf.pages, strict=True):
            img = pp.Resources.XObject.Im0
            assert img.read_raw_bytes() == page.image.data
            assert str(img.Filter) == f"/{page.image.filter}"
            if page.image.filter == "DCTDecode":
                assert page.image.data in raw


def test_rendered_pages_equal_corrected_images(doc: dict) -> None:
    for page, want in zip(doc["pages"], doc["expected"], strict=True):
        got = render(doc["files"]["1b"], page.number, DPI, (page.width, page.height),
                     axis_aligned=page.skew == 0).astype(np.float64)
        assert got.shape == want.shape
        diff = np.abs(got - want.astype(np.float64)).mean()  # measured 0.0-1.9 (JPEG decoders, resampling)
        assert diff < 3.0, (page.number, diff)


def test_structure_and_metadata(doc: dict) -> None:
    for level, part, version in (("1b", "1", b"%PDF-1.4"), ("2b", "2", b"%PDF-1.7")):
        raw = doc["files"][level].read_bytes()
        assert raw.startswith(version + b"\n%") and all(c > 127 for c in raw[10:14])
        assert b"/ObjStm" not in raw and b"/XRef" not in raw and b"\nxref\n" in raw
        with pikepdf.open(doc["files"][level]) as pdf:
            assert len(pdf.trailer.ID) == 2
            info = pdf.trailer.Info
            assert str(info.Title) == "Quyết định số 45/QĐ-UBND" and str(info.Keywords) == "hộ tịch, đất đai"
            assert str(info.CreationDate) == "D:20240517093000+07'00'" == str(info.ModDate)
            assert "/Filter" not in pdf.Root.Metadata
            xmp = ET.fromstring(re.sub(rb"<\?xpacket[^>]*\?>", b"", pdf.Root.Metadata.read_bytes()))
            icc = pdf.Root.OutputIntents[0].DestOutputProfile
            assert int(icc.N) == 3 and icc.read_bytes()[8] == 2
        ns = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "dc": "http://purl.org/dc/elements/1.1/",
              "xmp": "http://ns.adobe.com/xap/1.0/", "pdf": "http://ns.adobe.com/pdf/1.3/",
              "pdfaid": "http://www.aiim.org/pdfa/ns/id/"}
        desc = xmp.findall(".//rdf:Description", ns)
        assert len(desc) == 1
        assert desc[0].findtext("pdfaid:part", namespaces=ns) == part
        assert desc[0].findtext("dc:title/rdf:Alt/rdf:li", namespaces=ns) == "Quyết định số 45/QĐ-UBND"
        assert desc[0].findtext("dc:language/rdf:Bag/rdf:li", namespaces=ns) == "vi"
        assert desc[0].findtext("xmp:CreateDate", namespaces=ns) == "2024-05-17T09:30:00+07:00"


def test_write_is_atomic(doc: dict, tmp_path: Path) -> None:
    out = tmp_path / "a.pdf"
    out.write_bytes(b"old")
    bad = PageResult(1, PageRef(Path("x"), "image"), 100, 100, 0.0, 0, 0.0)
    with pytest.raises(PdfaError):
        write_pdfa([bad], out, title="t", created=CREATED, producer="t")
    assert out.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["a.pdf"]
    write_pdfa(doc["pages"][:1], out, title="t", created=CREATED, producer="t")
    assert out.read_bytes().startswith(b"%PDF-1.7") and [p.name for p in tmp_path.iterdir()] == ["a.pdf"]


def test_a_page_is_cheap_and_small(tmp_path: Path) -> None:
    """~300 words on a JPEG page: a few ms to write, and the PDF is the JPEG plus a few kB."""
    up = upright_page(0, rgb=False, size=(1654, 2339))  # A4 at 200 dpi
    payload, _ = jpeg_payload(scan_of(up, 0, 1.5))
    words = [Word("Nguyễn", 90.0, (100 + 90 * (i % 15), 100 + 60 * (i // 15), 170 + 90 * (i % 15),
                                    130 + 60 * (i // 15)), i // 15) for i in range(300)]
    page = PageResult(1, PageRef(Path("x.jpg"), "image"), 1654, 2339, DPI, 0, 1.5, words=words, image=payload)
    out = tmp_path / "p.pdf"
    times = []
    for _ in range(7):
        t = time.perf_counter()
        write_pdfa([page], out, title="t", created=CREATED, producer="t")
        times.append(time.perf_counter() - t)
    overhead = out.stat().st_size - len(payload.data)
    print(f"\n1-page 300-word write: best {min(times) * 1000:.1f} ms; PDF {out.stat().st_size} B = "
          f"JPEG {len(payload.data)} B + {overhead} B")
    assert min(times) < 0.05
    assert 0 < overhead < 16_000


def test_png_flate_payload_decodes_as_the_original(doc: dict) -> None:
    """Guards the test's own payload builder: pikepdf decodes the Flate page to its pixels."""
    page = doc["pages"][2]
    with pikepdf.open(doc["files"]["1b"]) as pdf:
        pix = np.asarray(pikepdf.PdfImage(pdf.pages[2].Resources.XObject.Im0).as_pil_image())
    assert pix.shape == (page.image.height, page.image.width)
    assert zlib.decompress(page.image.data)  # a real zlib stream, stored as is
