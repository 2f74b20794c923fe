"""Ingest: find the documents in what the user gave, and load page images.

Discovery runs in the main process and only reads headers (page counts, hashes). Decoding
happens in the workers (:func:`load_page`) so the main process never holds page pixels.

Rules for what a "document" is:
- a file (PNG, JPEG, TIFF, PDF, ...) is one document; a multi-page TIFF or PDF keeps its pages;
- a sub-folder holding page images is one dossier document, pages in natural order
  (``page-2`` before ``page-10``); PDFs and multi-page TIFFs inside it stay documents of their own;
- a folder named on the command line is a batch: its own files are documents.

Originals are opened read-only and never written.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, UnidentifiedImageError

from .fsutil import sha256_file
from .models import DocumentInput, Failure, ImagePayload, PageRef, Word

IMAGE_EXTS = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif", ".webp", ".jp2", ".j2k", ".pnm", ".pbm",
              ".pgm", ".ppm"}
PDF_EXTS = {".pdf"}
#: Beyond this many pixels a page is refused before decoding (60000x60000 bombs, broken headers).
#: 200 MP is an A0 sheet at 600 dpi, far past any commune record.
MAX_PIXELS = 200_000_000
DEFAULT_DPI = 300.0

Image.MAX_IMAGE_PIXELS = MAX_PIXELS


class IngestError(Exception):
    """A file that cannot be read as scans; the message is the one-line reason shown to the user."""


@dataclass
class LoadedPage:
    """A decoded page: grey pixels for analysis and OCR, and what to embed in the PDF."""

    gray: np.ndarray  # uint8, H x W
    payload: ImagePayload
    dpi: float
    dpi_known: bool
    #: Words a born-digital PDF page already carries as text (pixel boxes at ``dpi``); OCR is skipped.
    words: list[Word] | None = None


def natural_key(path: Path) -> list:
    return [int(t) if t.isdigit() else t.lower() for t in re.split(r"(\d+)", path.name)]


def _is_supported(path: Path) -> bool:
    return path.suffix.lower() in IMAGE_EXTS | PDF_EXTS


def count_pages(path: Path) -> int:
    """Page count from the header only; raises IngestError with a plain reason."""
    if path.stat().st_size == 0:
        raise IngestError("the file is empty (0 bytes)")
    if path.suffix.lower() in PDF_EXTS:
        from .pdfsource import pdf_page_count

        return pdf_page_count(path)
    try:
        with Image.open(path) as im:
            w, h = im.size
            if w * h > MAX_PIXELS:
                raise IngestError(f"the image is {w}x{h} pixels, over the {MAX_PIXELS // 1_000_000} MP limit")
            return getattr(im, "n_frames", 1)
    except Image.DecompressionBombError as e:
        raise IngestError(f"the image is too large to be a scan ({e})") from None
    except UnidentifiedImageError:
        raise IngestError("not an image file, or the image is damaged") from None
    except OSError as e:
        raise IngestError(f"cannot read the image ({e})") from None


def _folder_sha(files: list[Path]) -> str:
    h = hashlib.sha256()
    for f in files:
        h.update(f.name.encode("utf-8") + b"\0" + sha256_file(f).encode() + b"\n")
    return h.hexdigest()


def _document(label: str, files: list[Path], sha: str) -> DocumentInput:
    pages: list[PageRef] = []
    for f in files:
        n = count_pages(f)
        if f.suffix.lower() in PDF_EXTS:
            kind = "pdf"
        elif n > 1 or f.suffix.lower() in {".tif", ".tiff"}:
            kind = "tiff" if f.suffix.lower() in {".tif", ".tiff"} else "image"
        else:
            kind = "image"
        pages.extend(PageRef(f.resolve(), kind, i) for i in range(n))
    if not pages:
        raise IngestError("no pages found")
    return DocumentInput(id="doc-" + sha[:16], label=label, sources=[f.resolve() for f in files],
                         pages=pages, sha256=sha)


def discover(inputs: Iterable[Path], folders_as_dossiers: bool = True) -> tuple[list[DocumentInput], list[Failure],
                                                                                list[str]]:
    """Turn command-line inputs into documents.

    With ``folders_as_dossiers`` off (``--split file``) every image file is its own document.

    Returns (documents, failures, skipped) where skipped lists files that are not scans at all
    (``notes.txt``) so the report can say they were left alone.
    """
    docs: list[DocumentInput] = []
    failures: list[Failure] = []
    skipped: list[str] = []
    seen: set[str] = set()

    def add_file(f: Path) -> None:
        try:
            sha = sha256_file(f)
            doc = _document(str(f), [f], sha)
        except IngestError as e:
            failures.append(Failure(str(f), str(e), "ingest"))
            return
        except OSError as e:
            failures.append(Failure(str(f), f"cannot read the file ({e.strerror or e})", "ingest"))
            return
        if doc.id not in seen:
            seen.add(doc.id)
            docs.append(doc)

    def add_dossier(folder: Path, images: list[Path]) -> None:
        good: list[Path] = []
        for f in images:
            try:
                count_pages(f)
                good.append(f)
            except IngestError as e:
                failures.append(Failure(str(f), str(e), "ingest"))
        if not good:
            return
        doc = _document(str(folder), good, _folder_sha(good))
        if doc.id not in seen:
            seen.add(doc.id)
            docs.append(doc)

    def walk(folder: Path, top: bool) -> None:
        entries = sorted(folder.iterdir(), key=natural_key)
        files = [e for e in entries if e.is_file() and not e.name.startswith(".")]
        scans = [f for f in files if _is_supported(f)]
        skipped.extend(str(f) for f in files if not _is_supported(f))
        single_images = [f for f in scans if f.suffix.lower() not in PDF_EXTS | {".tif", ".tiff"}]
        if top or not folders_as_dossiers:
            for f in scans:
                add_file(f)
        else:
            if single_images:
                add_dossier(folder, single_images)
            for f in scans:
                if f not in single_images:
                    add_file(f)
        for d in entries:
            if d.is_dir() and not d.name.startswith("."):
                walk(d, top=False)

    for p in inputs:
        p = Path(p)
        if p.is_dir():
            walk(p, top=True)
        elif p.is_file():
            add_file(p)
        else:
            failures.append(Failure(str(p), "no such file or folder", "ingest"))
    return docs, failures, skipped


# --- loading pixels (runs in workers) -------------------------------------------------------


def _dpi_of(im: Image.Image) -> tuple[float, bool]:
    dpi = im.info.get("dpi")
    if dpi:
        try:
            x = float(dpi[0])
            if 20 <= x <= 5000:
                return x, True
        except (TypeError, ValueError, IndexError):
            pass
    return DEFAULT_DPI, False


def _flatten(im: Image.Image) -> Image.Image:
    """Bring any PIL mode to L, RGB or 1, which PDF/A can hold without transparency or CMYK."""
    if im.mode in ("L", "RGB", "1"):
        return im
    if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
        rgba = im.convert("RGBA")
        bg = Image.new("RGB", rgba.size, (255, 255, 255))
        bg.paste(rgba, mask=rgba.getchannel("A"))
        return bg
    if im.mode in ("I;16", "I;16B", "I;16L", "I"):
        arr = np.asarray(im, dtype=np.float64)
        top = arr.max() or 1.0
        return Image.fromarray((arr * (255.0 / top)).clip(0, 255).astype(np.uint8), "L")
    return im.convert("RGB")


def payload_from_pil(im: Image.Image) -> ImagePayload:
    """Losslessly encode a decoded image for the PDF (Flate with PNG predictors)."""
    im = _flatten(im)
    buf = io.BytesIO()
    im.save(buf, format="PNG", compress_level=6)
    return png_to_payload(buf.getvalue())


def png_to_payload(png: bytes) -> ImagePayload:
    """Reuse a PNG's zlib stream as PDF FlateDecode data (as img2pdf does): no second compression."""
    import struct

    pos = 8
    idat = bytearray()
    width = height = bitdepth = colortype = 0
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos:pos + 4])
        ctype = png[pos + 4:pos + 8]
        body = png[pos + 8:pos + 8 + length]
        if ctype == b"IHDR":
            width, height, bitdepth, colortype = struct.unpack(">IIBB", body[:10])
        elif ctype == b"IDAT":
            idat += body
        pos += 12 + length
    colors = {0: 1, 2: 3}[colortype]
    cs = "DeviceGray" if colors == 1 else "DeviceRGB"
    parms = {"Predictor": 15, "Colors": colors, "BitsPerComponent": bitdepth, "Columns": width}
    return ImagePayload(bytes(idat), width, height, cs, bitdepth, "FlateDecode", parms)


def gray_of(im: Image.Image) -> np.ndarray:
    if im.mode == "L":
        return np.asarray(im)
    if im.mode == "1":
        return np.asarray(im.convert("L"))
    return np.asarray(_flatten(im).convert("L"))


def _load_image_file(ref: PageRef) -> LoadedPage:
    data = ref.path.read_bytes()
    if not data:
        raise IngestError("the file is empty (0 bytes)")
    try:
        im = Image.open(io.BytesIO(data))
        if ref.index:
            im.seek(ref.index)
        fmt = im.format
        dpi, known = _dpi_of(im)
        im.load()
    except Image.DecompressionBombError as e:
        raise IngestError(f"the image is too large to be a scan ({e})") from None
    except UnidentifiedImageError:
        raise IngestError("not an image file, or the image is damaged") from None
    except (OSError, EOFError, SyntaxError, ValueError) as e:
        raise IngestError(f"the image is damaged or truncated ({e})") from None
    if fmt == "JPEG" and im.mode in ("L", "RGB") and ref.index == 0:
        payload = ImagePayload(data, im.width, im.height, "DeviceGray" if im.mode == "L" else "DeviceRGB", 8,
                               "DCTDecode")
    else:
        payload = payload_from_pil(im)
    return LoadedPage(gray_of(im), payload, dpi, known)


def load_page(ref: PageRef, force_ocr: bool = False) -> LoadedPage:
    """Decode one page. Raises IngestError with a one-line reason on anything unreadable.

    A PDF page that already has text keeps that text (``LoadedPage.words``) unless ``force_ocr``.
    """
    if ref.kind == "pdf":
        from .pdfsource import load_pdf_page

        return load_pdf_page(ref, force_ocr)
    return _load_image_file(ref)
