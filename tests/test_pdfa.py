"""End-to-end tests of the PDF/A writer on generated scans: real Tesseract words, real validators.

Every page is drawn upright (Vietnamese text in Liberation Serif), turned into a "scan" by the
inverse of :func:`correction_matrix`, encoded the way ingest would hand it over (JPEG bytes,
PNG's Flate stream, CCITT G4 strips, 1-bit Flate), OCR'd by tesserocr on the corrected image,
and written at PDF/A-1b and 2b. The PDFs are then read back by independent tools: PDFBox
Preflight (conformance), pdftotext and pdfplumber (text and boxes), poppler (pixels).

Renderers for the pixel checks: PDFium draws rotated images up to ~3 px off (its image
transformer rounds) but axis-aligned ones exactly; poppler draws rotated images within ~0.2 px
but shifts axis-aligned ones by up to ~1 px. Each is used where it is exact.
Only the Preflight checks skip, and only when Java or the PDFBox jars are missing.
"""

from __future__ import annotations

import io
import re
import struct
import subprocess
import time
import unicodedata
import xml.etree.ElementTree as ET
import zlib
from datetime import datetime, timedelta, timezone
from pathlib import Path

import cv2
import numpy as np
import pdfplumber
import pikepdf
import pytest
from PIL import Image, ImageDraw, ImageFont

from archivist.geometry import continuous_matrix, corrected_size, correction_matrix, pdf_image_matrix
from archivist.models import ImagePayload, PageRef, PageResult, Word
from archivist.pdfa import PdfaError, write_pdfa
from archivist.preflight import only_part_complaint, preflight_available, validate_pdfa

# liberation2 has the Vietnamese glyphs (Ủ, ế, ị, ...); the older liberation/ font draws boxes.
FONTS = ("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
         "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf")
TESSDATA = "/usr/share/tesseract-ocr/5/tessdata/"
DPI = 200.0
SENTENCES = [
    "Ủy ban nhân dân xã Tân Phú quyết định phê duyệt kế hoạch năm 2024",
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
    "Xét đề nghị của công chức Tư pháp hộ tịch về việc đăng ký khai sinh",
    "Điều 1. Giao đất cho hộ ông Nguyễn Văn Đức tại thửa số 125 tờ bản đồ 7",
    "Điều 2. Văn phòng Ủy ban nhân dân xã chịu trách nhiệm thi hành",
    "Nơi nhận: như Điều 2; lưu văn thư, hồ sơ địa chính của xã",
    "Thông báo kết quả kiểm tra tình hình kinh tế xã hội sáu tháng đầu năm",
    "Người ký: Chủ tịch Trần Thị Hương, đóng dấu đỏ, số lượng bản: 03",
]
CREATED = datetime(2024, 5, 17, 9, 30, 0, tzinfo=timezone(timedelta(hours=7)))


def _font(px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(next(f for f in FONTS if Path(f).is_file()), px)


def upright_page(seed: int, rgb: bool, size: tuple[int, int] = (1300, 900)) -> np.ndarray:
    """A corrected (upright) page: eight Vietnamese lines at ~12 pt on slightly tinted paper."""
    im = Image.new("RGB" if rgb else "L", size, (246, 241, 228) if rgb else 240)
    d = ImageDraw.Draw(im)
    font = _font(int(12.5 / 72 * DPI))
    for i, line in enumerate(SENTENCES[seed % 3:] + SENTENCES[:seed % 3]):
        d.text((70, 60 + i * 95), line, font=font, fill=(30, 30, 60) if rgb else 25)
    return np.asarray(im)


def scan_of(upright: np.ndarray, orientation: int, skew: float) -> np.ndarray:
    """The scan whose correction gives ``upright``: the inverse warp, white outside."""
    h, w = upright.shape[:2]
    sw, sh = corrected_size(w, h, orientation)
    m = correction_matrix(sw, sh, w, h, orientation, skew)
    white = (255,) * (3 if upright.ndim == 3 else 1)
    return cv2.warpAffine(upright, m, (sw, sh), flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
                          borderValue=white)


def jpeg_payload(px: np.ndarray) -> tuple[ImagePayload, np.ndarray]:
    buf = io.BytesIO()
    Image.fromarray(px).save(buf, "JPEG", quality=80)
    decoded = np.asarray(Image.open(io.BytesIO(buf.getvalue())))
    cs = "DeviceRGB" if px.ndim == 3 else "DeviceGray"
    return ImagePayload(buf.getvalue(), px.shape[1], px.shape[0], cs, 8, "DCTDecode"), decoded


def png_payload(im: Image.Image) -> ImagePayload:
    """PNG's own zlib stream reused as FlateDecode data with PNG predictors (as img2pdf does)."""
    buf = io.BytesIO()
    im.save(buf, "PNG")
    png, pos, idat = buf.getvalue(), 8, b""
    while pos < len(png):
        (n,) = struct.unpack(">I", png[pos:pos + 4])
        if png[pos + 4:pos + 8] == b"IDAT":
            idat += png[pos + 8:pos + 8 + n]
        pos += 12 + n
    bpc = 1 if im.mode == "1" else 8
    parms = {"Predictor": 15, "Colors": 1, "BitsPerComponent": bpc, "Columns": im.width}
    return ImagePayload(idat, im.width, im.height, "DeviceGray", bpc, "FlateDecode", parms)


def ccitt_payload(bilevel: np.ndarray) -> ImagePayload:
    """CCITT G4 data: the single strip of a group4 TIFF written by Pillow."""
    im = Image.fromarray(bilevel).convert("1")
    buf = io.BytesIO()
    im.save(buf, "TIFF", compression="group4", tiffinfo={278: im.height})  # one strip
    tif = Image.open(io.BytesIO(buf.getvalue()))
    offsets, counts = tif.tag_v2[273], tif.tag_v2[279]
    assert len(offsets) == 1
    data = buf.getvalue()[offsets[0]:offsets[0] + counts[0]]
    # Pillow writes MinIsBlack (1 bits white): the fax "black" runs are then white pixels.
    parms = {"K": -1, "Columns": im.width, "Rows": im.height, "BlackIs1": tif.tag_v2[262] == 1}
    return ImagePayload(data, im.width, im.height, "DeviceGray", 1, "CCITTFaxDecode", parms)


def ocr_words(gray: np.ndarray) -> list[Word]:
    import tesserocr

    with tesserocr.PyTessBaseAPI(path=TESSDATA, lang="vie") as api:
        api.SetImage(Image.fromarray(gray))
        api.SetSourceResolution(int(DPI))
        api.Recognize()
        words, line = [], -1
        for it in tesserocr.iterate_level(api.GetIterator(), tesserocr.RIL.WORD):
            if it.IsAtBeginningOf(tesserocr.RIL.TEXTLINE):
                line += 1
            text = unicodedata.normalize("NFC", (it.GetUTF8Text(tesserocr.RIL.WORD) or "").strip())
            box = it.BoundingBox(tesserocr.RIL.WORD)
            if text and box:
                words.append(Word(text, it.Confidence(tesserocr.RIL.WORD), tuple(box), line))
        return words


def make_page(n: int, kind: str, orientation: int, skew: float) -> tuple[PageResult, np.ndarray]:
    """One page as the pipeline would hand it over, plus the corrected image it must show."""
    up = upright_page(n, rgb=kind == "jpeg-rgb")
    scan = scan_of(up, orientation, skew)
    if kind.startswith("jpeg"):
        payload, pixels = jpeg_payload(scan)
    elif kind == "flate":
        payload, pixels = png_payload(Image.fromarray(scan)), scan
    else:  # bilevel
        pixels = np.where(scan < 128, 0, 255).astype(np.uint8)
        bilevel = Image.fromarray(pixels).convert("1")
        payload = ccitt_payload(pixels) if kind == "ccitt" else png_payload(bilevel)
    sh, sw = pixels.shape[:2]
    w, h = corrected_size(sw, sh, orientation)
    white = (255,) * (3 if pixels.ndim == 3 else 1)
    corrected = cv2.warpAffine(pixels, correction_matrix(sw, sh, w, h, orientation, skew), (w, h),
                               flags=cv2.INTER_LINEAR, borderValue=white)
    gray = cv2.cvtColor(corrected, cv2.COLOR_RGB2GRAY) if corrected.ndim == 3 else corrected
    page = PageResult(n, PageRef(Path(f"scan-{n}.jpg"), "image"), w, h, DPI, orientation, skew,
                      words=ocr_words(gray), image=payload)
    return page, gray


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


def render(pdf: Path, page_no: int, dpi: float, size: tuple[int, int],
           axis_aligned: bool = False) -> np.ndarray:
    """The page's pixels: PDFium for an axis-aligned image (exact there), poppler otherwise."""
    if axis_aligned:
        import pypdfium2

        doc = pypdfium2.PdfDocument(str(pdf))
        try:
            img = np.asarray(doc[page_no - 1].render(scale=dpi / 72, grayscale=True).to_pil().convert("L"))
        finally:
            doc.close()
        return img[:size[1], :size[0]]
    cmd = ["pdftoppm", "-r", str(dpi), "-f", str(page_no), "-l", str(page_no), "-gray", "-singlefile",
           str(pdf)]
    with io.BytesIO(subprocess.run(cmd, check=True, capture_output=True).stdout) as f:
        img = np.asarray(Image.open(f).convert("L"))
    return img[:size[1], :size[0]]


def pdftotext(pdf: Path, page_no: int) -> str:
    cmd = ["pdftotext", "-enc", "UTF-8", "-f", str(page_no), "-l", str(page_no), str(pdf), "-"]
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


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
    d.text((40, 30), "Điều 1. Ủy ban nhân dân xã", font=_font(30), fill=20)
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


# ---------------------------------------------------------------- text layer with known boxes

def test_text_layer_sits_on_drawn_words(tmp_path: Path) -> None:
    im = Image.new("L", (1400, 400), 255)
    d = ImageDraw.Draw(im)
    font, words = _font(40), []
    for line, (y, sentence) in enumerate([(60, SENTENCES[0]), (200, SENTENCES[3])]):
        x = 50
        for t in sentence.split():
            box = d.textbbox((x, y), t, font=font)
            d.text((x, y), t, font=font, fill=0)
            # decomposed input must come out composed
            words.append(Word(unicodedata.normalize("NFD", t), 95.0, box, line))
            x = box[2] + 14
    page = PageResult(1, PageRef(Path("x.png"), "image"), 1400, 400, 200.0, 0, 0.0, words=words,
                      image=png_payload(im))
    out = tmp_path / "t.pdf"
    write_pdfa([page], out, level="1b", title="t", created=CREATED, producer="t")
    assert pdftotext(out, 1).split("\n")[:2] == [SENTENCES[0], SENTENCES[3]]
    k = 72 / 200.0
    with pdfplumber.open(out) as pdf:
        got = pdf.pages[0].extract_words(use_text_flow=True)
    assert [g["text"] for g in got] == [unicodedata.normalize("NFC", w.text) for w in words]
    for g, w in zip(got, words, strict=True):
        assert np.allclose([g["x0"], g["top"], g["x1"], g["bottom"]], [v * k for v in w.bbox], atol=0.05)


# ---------------------------------------------------------------- the generated document

def test_ocr_found_the_vietnamese_text(doc: dict) -> None:
    drawn = {unicodedata.normalize("NFC", t) for s in SENTENCES for t in s.split()}
    for page in doc["pages"]:
        found = {w.text for w in page.words}
        assert len(found & drawn) >= 0.6 * len(drawn), page.number


def test_preflight_accepts_the_pdfs(doc: dict) -> None:
    if not preflight_available():
        pytest.skip("PDFBox Preflight (java + libpdfbox2-java jars) is not installed")
    # A 2b copy under the 1b file's name in another folder: reports must not be mixed up by name.
    twin = doc["dir"] / "other" / doc["files"]["1b"].name
    twin.parent.mkdir(exist_ok=True)
    twin.write_bytes(doc["files"]["2b"].read_bytes())
    missing = doc["dir"] / "missing.pdf"
    result = validate_pdfa([doc["files"]["1b"], doc["files"]["2b"], twin, missing])
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
            for g, w in zip(got, page.words, strict=True):
                x0, y0, x1, y1 = (v * k for v in w.bbox)
                assert x0 - 1 <= g["x0"] and g["x1"] <= x1 + 1
                assert y0 - 1 <= g["top"] and g["bottom"] <= y1 + 1
                assert abs(g["x0"] - x0) < 0.1 and abs(g["bottom"] - y1) < 0.1


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
