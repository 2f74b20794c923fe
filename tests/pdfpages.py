"""Pages for the PDF/A writer's tests: generated scans, encoded the way ingest hands them over.

Every page is drawn upright (Vietnamese text in Liberation Serif), turned into a "scan" by the
inverse of :func:`correction_matrix`, encoded as JPEG bytes, PNG's Flate stream, CCITT G4 strips
or 1-bit Flate, and OCR'd by tesserocr on the corrected image. The readers used to check the
written PDFs (pdftotext, PDFium and poppler renders) live here too.

Renderers for the pixel checks: PDFium draws rotated images up to ~3 px off (its image
transformer rounds) but axis-aligned ones exactly; poppler draws rotated images within ~0.2 px
but shifts axis-aligned ones by up to ~1 px. Each is used where it is exact.
"""

from __future__ import annotations

import io
import struct
import subprocess
import unicodedata
from datetime import datetime, timedelta, timezone
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from archivist.geometry import corrected_size, correction_matrix
from archivist.models import ImagePayload, PageRef, PageResult, Word

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


def font(px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(next(f for f in FONTS if Path(f).is_file()), px)


def upright_page(seed: int, rgb: bool, size: tuple[int, int] = (1300, 900)) -> np.ndarray:
    """A corrected (upright) page: eight Vietnamese lines at ~12 pt on slightly tinted paper."""
    im = Image.new("RGB" if rgb else "L", size, (246, 241, 228) if rgb else 240)
    d = ImageDraw.Draw(im)
    face = font(int(12.5 / 72 * DPI))
    for i, line in enumerate(SENTENCES[seed % 3:] + SENTENCES[:seed % 3]):
        d.text((70, 60 + i * 95), line, font=face, fill=(30, 30, 60) if rgb else 25)
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


def drawn_boxes(words: list[Word], k: float, page_w: float, page_h: float
                ) -> list[tuple[float, float, float, float]]:
    """Where the text layer draws each word, in points (y down), in the words' order: on its OCR box
    sideways, on its line's band up and down (:func:`archivist.layerwords.place_line`)."""
    from archivist.layerwords import place_page
    from archivist.textlayer import clean_text, glyphs

    lines: dict[int, list[int]] = {}
    for i, w in enumerate(words):
        lines.setdefault(w.line, []).append(i)
    idxs = [lines[n] for n in sorted(lines)]
    placed = place_page([([words[i].bbox for i in idx], [glyphs(clean_text(words[i].text)) for i in idx])
                         for idx in idxs], k, page_w, page_h)
    out: dict[int, tuple[float, float, float, float]] = {}
    for idx, line in zip(idxs, placed, strict=True):
        out.update(zip(idx, line, strict=True))
    return [out[i] for i in range(len(words))]
