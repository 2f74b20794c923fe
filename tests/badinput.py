"""A corpus of bad and awkward inputs, made by code, each with the outcome a batch must give it.

Every case is a small file written into a folder by :func:`build_corpus`; :data:`CASES` says what
``archivist process`` must do with it: ``processed`` (a document is written, maybe with a warning
naming the reason), ``failed`` (no document, one ``error:`` line naming the file and the reason) or
``skipped`` (not a scan, left alone). Nothing is downloaded; OCRmyPDF's odd files in
``../shared/peer-inputs`` are covered by tests/test_peer_inputs.py.

Pages are small (a few text lines) so the whole corpus OCRs in seconds.
"""

from __future__ import annotations

import io
import os
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from PIL import Image

from tests.textpage import FONT, text_page

#: The one ordinary scan of the batch; its name also tests Vietnamese letters, spaces and quotes.
GOOD = 'Quyết định số 5 "bản sao".jpg'
BORN_DIGITAL_TEXT = "Ủy ban nhân dân xã Tân Phú thông báo số 12"


@dataclass(frozen=True)
class Case:
    """What a batch must do with one input (a file, or a folder of page images)."""

    name: str | bytes  # bytes: a file name that is not UTF-8
    outcome: str  # "processed" | "failed" | "skipped"
    reason: str = ""  # a piece of the one-line error or warning that names the reason
    why: str = ""  # what the file is, for the reader of a failing test


CASES: tuple[Case, ...] = (
    Case(GOOD, "processed", "", "a good scan with Vietnamese letters, spaces and double quotes in its name"),
    Case("it's.png", "processed", "", "a good scan with an apostrophe in its name"),
    Case("empty.jpg", "failed", "the file is empty (0 bytes)", "zero bytes"),
    Case("truncated.jpg", "failed", "truncated", "a JPEG cut off half-way"),
    Case("truncated.png", "failed", "truncated", "a PNG cut off half-way"),
    Case("truncated.tif", "failed", "truncated", "a TIFF whose strips are cut off"),
    Case("truncated-header.tif", "failed", "TIFF image is damaged or truncated",
         "a TIFF cut off before its directory (which PIL writes last when compressing)"),
    Case("corrupt.pdf", "failed", "the PDF is damaged", "a PDF header followed by garbage"),
    Case("encrypted.pdf", "failed", "encrypted with a password", "a PDF that needs a user password"),
    Case("vector-only.pdf", "processed", "no text found on the page",
         "a page of vector lines, no image, no text: rendered as a reader sees it, flagged as textless"),
    Case("born-digital.pdf", "processed", "already has text", "a PDF that carries its own Vietnamese text"),
    Case("text.jpg", "failed", "not an image file", "a text file with an image extension"),
    Case("bomb.tif", "failed", "over the 200 MP limit", "a TIFF header claiming 60000x60000 pixels"),
    Case("bomb.png", "failed", "over the 200 MP limit", "a complete 60000x60000 PNG, 1 bit, 450 KB on disk"),
    Case("low-dpi.png", "processed", "below the 200 dpi digitization standard", "scanned at 100 dpi"),
    Case("hồ sơ 7", "failed", "1 of 2 pages could not be read",
         "a dossier folder with one good page and one truncated page: not written without its page"),
    Case("hồ sơ 8", "failed", "1 of 2 pages could not be read",
         "a dossier whose second page is not an image at all: refused at discovery, as a whole"),
    Case(b"scan-\xff.jpg", "failed", "not valid UTF-8", "a name in an old Windows code page (not UTF-8)"),
    Case("dangling.jpg", "failed", "does not exist", "a link to a file that is gone"),
    Case("ghi chú.txt", "skipped", "not a scan", "not a scan at all"),
)


def case(name: str) -> Case:
    return next(c for c in CASES if c.name == name)


def small_page(dpi: int, seed: int, lines: int = 4) -> Image.Image:
    """A strip of an A4 page holding ``lines`` Vietnamese lines: enough for OCR, quick to OCR."""
    page, _ = text_page(dpi, seed=seed, lines=lines)
    return page.crop((0, 0, page.width, int((1.1 + 0.26 * lines) * dpi)))


def _encoded(im: Image.Image, fmt: str, **kw) -> bytes:
    buf = io.BytesIO()
    im.save(buf, format=fmt, **kw)
    return buf.getvalue()


def _tiff_header(width: int, height: int, strip: bytes) -> bytes:
    """A little-endian bilevel TIFF claiming ``width`` x ``height`` with one (short) uncompressed strip."""
    tags = [(256, 4, width), (257, 4, height), (258, 3, 1), (259, 3, 1), (262, 3, 0),
            (273, 4, 0), (277, 3, 1), (278, 4, height), (279, 4, len(strip))]
    ifd_size = 2 + 12 * len(tags) + 4
    data_at = 8 + ifd_size
    ifd = struct.pack("<H", len(tags))
    for tag, kind, value in tags:
        value = data_at if tag == 273 else value
        packed = struct.pack("<HHI", tag, kind, 1) + (struct.pack("<HH", value, 0) if kind == 3
                                                      else struct.pack("<I", value))
        ifd += packed
    return b"II*\x00" + struct.pack("<I", 8) + ifd + b"\0\0\0\0" + strip


def _png_bomb(width: int, height: int) -> bytes:
    """A complete, valid 1-bit all-black PNG of ``width`` x ``height``, about 1000 times smaller than its pixels.

    The zero rows are deflated once in a block of 1000 rows ending on a full flush (so the block
    can be repeated byte for byte), instead of compressing 450 MB: a tenth of a second, not two.
    """
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    rows, block = 1000, b"\0" * (1 + (width + 7) // 8) * 1000
    assert height % rows == 0
    z = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = z.compress(block) + z.flush(zlib.Z_FULL_FLUSH)
    adler = 1
    for _ in range(height // rows):
        adler = zlib.adler32(block, adler)
    idat = b"\x78\xda" + piece * (height // rows) + z.flush() + struct.pack(">I", adler)
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def vector_only_pdf() -> bytes:
    """One A5 page of ruled lines and a box (an empty form): no image, no text."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(420, 595))
    lines = " ".join(f"50 {y} m 370 {y} l" for y in range(100, 500, 40))
    pdf.pages[0].Contents = pdf.make_stream(f"1 w 0 G {lines} S 40 40 340 515 re S".encode())
    buf = io.BytesIO()
    pdf.save(buf)
    return buf.getvalue()


def born_digital_pdf() -> bytes:
    """A word-processor PDF: real Vietnamese text in an embedded font, nothing scanned."""
    from fpdf import FPDF

    pdf = FPDF(format=(148, 210))
    pdf.add_font("serif", "", FONT)
    pdf.add_page()
    pdf.set_font("serif", size=13)
    pdf.multi_cell(0, 8, BORN_DIGITAL_TEXT + "\nVề việc tổ chức tiêm phòng cho gia súc năm 2024.")
    return bytes(pdf.output())


def encrypted_pdf() -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    buf = io.BytesIO()
    pdf.save(buf, encryption=pikepdf.Encryption(owner="chủ", user="mật khẩu"))
    return buf.getvalue()


def build_corpus(root: Path) -> Path:
    """Write every case of :data:`CASES` into ``root`` (created) and return it."""
    root.mkdir(parents=True, exist_ok=True)
    jpeg = _encoded(small_page(200, seed=11), "JPEG", quality=80, dpi=(200, 200))
    png = _encoded(small_page(200, seed=12), "PNG", dpi=(200, 200))
    tiff = _encoded(small_page(200, seed=13), "TIFF", dpi=(200, 200))  # uncompressed: IFD first, then strips
    deflated = _encoded(small_page(200, seed=13), "TIFF", dpi=(200, 200), compression="tiff_deflate")  # IFD last
    files: dict[str, bytes] = {
        GOOD: jpeg,
        "it's.png": png,
        "empty.jpg": b"",
        "truncated.jpg": jpeg[: len(jpeg) // 2],
        "truncated.png": png[: len(png) // 2],
        "truncated.tif": tiff[: len(tiff) // 2],
        "truncated-header.tif": deflated[: len(deflated) // 2],
        "corrupt.pdf": b"%PDF-1.7\n" + bytes((i * 73 + 41) % 256 for i in range(3000)),
        "encrypted.pdf": encrypted_pdf(),
        "vector-only.pdf": vector_only_pdf(),
        "born-digital.pdf": born_digital_pdf(),
        "text.jpg": "Biên bản họp, bản nháp — không phải ảnh.\n".encode(),
        "bomb.tif": _tiff_header(60000, 60000, b"\0" * 64),
        "bomb.png": _png_bomb(60000, 60000),
        "low-dpi.png": _encoded(small_page(100, seed=14), "PNG", dpi=(100, 100)),
        "hồ sơ 7/trang-1.png": _encoded(small_page(200, seed=15, lines=3), "PNG", dpi=(200, 200)),
        "hồ sơ 7/trang-2.png": png[: len(png) // 3],
        "hồ sơ 8/trang-1.png": _encoded(small_page(200, seed=16, lines=3), "PNG", dpi=(200, 200)),
        "hồ sơ 8/trang-2.jpg": b"",
        "ghi chú.txt": "Danh sách hồ sơ cần quét.\n".encode(),
    }
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    with open(os.path.join(os.fsencode(root), b"scan-\xff.jpg"), "wb") as f:
        f.write(_encoded(small_page(200, seed=17, lines=2), "JPEG", dpi=(200, 200)))
    (root / "dangling.jpg").symlink_to(root / "gone.jpg")
    return root
