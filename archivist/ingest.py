"""Ingest: read page images, and the header checks discovery (archivist/discover.py) relies on.

Discovery runs in the main process and only reads headers (page counts, hashes). Decoding
happens in the workers (:func:`load_page`) so the main process never holds page pixels.

Rules for what a "document" is (applied in archivist/discover.py):
- a file (PNG, JPEG, TIFF, PDF, ...) is one document; a multi-page TIFF or PDF keeps its pages;
- a sub-folder holding page images (one-page TIFFs and PDFs among them) is one dossier document, pages in
  natural order (``page-2`` before ``page-10``); multi-page TIFFs and PDFs inside it stay documents of their own;
- a folder named on the command line is a batch: its own files are documents.

Originals are opened read-only and never written.
"""

from __future__ import annotations

import io
import os
import struct
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image, UnidentifiedImageError

from . import heif
from .errors import one_line
from .exiforient import exif_orientation, tag_of_block
from .loaded import (
    DAMAGED_IMAGE_ADVICE,
    DAMAGED_PHOTO_ADVICE,
    EMPTY_ADVICE,
    MAX_PIXELS,
    NOT_A_SCAN_ADVICE,
    TOO_LARGE_ADVICE,
    IngestError,
    LoadedPage,
    gray_of,
    loaded,
    loaded_image,
    loaded_pixels,
)
from .models import ImagePayload, PageRef
from .payload import image_payload, png_exif, png_passthrough

if TYPE_CHECKING:  # NumPy only where pages are decoded (workers), not in the main process's discovery
    import numpy as np

__all__ = ["MAX_PIXELS", "IngestError", "LoadedPage", "count_pages", "gray_of", "load_page", "loaded",
           "loaded_image", "shown"]

#: Names a scan is taken by (compared in lower case: ``.JPG``, ``.TIF``). JPEG goes by ``.jpe``, ``.jif`` and
#: ``.jfif`` too (Windows saves a browser's or a phone's JPEG as ``.jfif``): left out, such a page was skipped as
#: "not a scan" and its dossier folder written without it, looking complete.
#: ``.heic``/``.heif`` are an iPhone's photos, decoded by pillow-heif (archivist/heif.py).
IMAGE_EXTS = {".png", ".jpg", ".jpeg", ".jpe", ".jif", ".jfif", ".tif", ".tiff", ".bmp", ".gif", ".webp", ".jp2",
              ".j2k", ".pnm", ".pbm", ".pgm", ".ppm", ".heic", ".heif"}
PDF_EXTS = {".pdf"}
DEFAULT_DPI = 300.0

Image.MAX_IMAGE_PIXELS = MAX_PIXELS


def shown(path: Path | str) -> str:
    """The path as a one-line, UTF-8-safe string for reports, labels and error lines.

    File names are bytes on Linux: a name from an old Windows program may not be UTF-8 (Python
    keeps such bytes as surrogates, which cannot be written to a UTF-8 report) and a name may hold
    a line break, which would split a one-line error. Both are shown escaped (``\\xff``, ``\\n``).
    """
    text = os.fsencode(str(path)).decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)


def page_where(ref: PageRef, file: str | None = None) -> str:
    """A page as the batch report names it: its file (``file``, as the person typed it, when the caller
    knows it; else the resolved path) and, inside a multi-page TIFF or PDF, its page number."""
    return (file or shown(ref.path)) + (f" (page {ref.index + 1})" if ref.kind != "image" else "")


#: First bytes of the image formats Pillow reads, to tell a damaged image from a file that is no image.
_MAGIC = ((b"\xff\xd8\xff", "JPEG"), (b"\x89PNG\r\n\x1a\n", "PNG"), (b"II*\x00", "TIFF"), (b"MM\x00*", "TIFF"),
          (b"II+\x00", "TIFF"), (b"MM\x00+", "TIFF"), (b"GIF8", "GIF"), (b"BM", "BMP"), (b"RIFF", "WebP"),
          (b"\x00\x00\x00\x0cjP", "JPEG 2000"), (b"\xffO\xffQ", "JPEG 2000"))


def _unreadable(path: Path) -> IngestError:
    """The error for a file Pillow cannot identify, with a plain reason (a damaged image, text, or something
    else) and what to do about it."""
    with open(path, "rb") as f:
        head = f.read(4096)
    for magic, fmt in _MAGIC:
        if head.startswith(magic):
            return IngestError(f"the {fmt} image is damaged or truncated (its header cannot be read)",
                               DAMAGED_IMAGE_ADVICE)
    if heif.brand(head) is not None:  # the HEIF opener is registered by now (_open_header): it failed too
        return IngestError(heif.damaged_reason(path), DAMAGED_PHOTO_ADVICE)
    if head[4:12] in (b"ftypavif", b"ftypavis"):  # AVIF, which Pillow reads itself
        return IngestError("the AVIF image is damaged or truncated (its header cannot be read)", DAMAGED_IMAGE_ADVICE)
    text = head.decode("utf-8", "replace")  # a character cut at byte 4096 is one U+FFFD among thousands
    if sum(c != "\ufffd" and (c.isprintable() or c.isspace()) for c in text) >= 0.95 * len(text):
        return IngestError(f"not an image file: it holds text, though its name ends in {path.suffix}",
                           NOT_A_SCAN_ADVICE)
    return IngestError("not an image file, or the image is damaged", NOT_A_SCAN_ADVICE)


def _too_large(w: int, h: int) -> IngestError:
    return IngestError(f"the image claims {w}x{h} pixels, over the {MAX_PIXELS // 1_000_000} MP limit "
                       "(a damaged header or a decompression bomb)", TOO_LARGE_ADVICE)


def _open_header(src: Path | io.BytesIO) -> Image.Image:
    """``Image.open`` without Pillow's own bomb check: :func:`_check_size` runs instead, so the
    message can give the size. Only the header is read; nothing is decoded yet. A HEIF file (an iPhone's
    photo) is opened again once the HEIF opener is registered, which only such a file makes happen."""
    saved, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, None
    try:
        try:
            return Image.open(src)
        except UnidentifiedImageError:
            if not heif.register_for(src):
                raise
            return Image.open(src)
    finally:
        Image.MAX_IMAGE_PIXELS = saved


def _check_size(im: Image.Image) -> None:
    if im.width * im.height > MAX_PIXELS:
        raise _too_large(im.width, im.height)


@contextmanager
def _quiet() -> Iterator[None]:
    """Silence Pillow's warnings (corrupt EXIF, palette transparency): they would land on the user's
    terminal as multi-line noise, and what matters is reported as one line."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


@contextmanager
def _opened(src: Path | io.BytesIO) -> Iterator[Image.Image]:
    """An image opened from its header, size checked, closed afterwards."""
    with _quiet(), _open_header(src) as im:
        _check_size(im)
        yield im


#: The TIFF this process decoded last, kept open between pages: Pillow finds frame k by walking the
#: chain of k directories from the start of the file, so opening a 2,000-page TIFF afresh for each
#: page costs O(k) per page (0.4 s at page 2,000, quadratic over the file); kept open, each directory
#: is read once. One file at a time, so what it holds (one frame's pixels) stays bounded.
_TIFF: dict[tuple, Image.Image] = {}
_TIFF_LOCK = threading.Lock()  # a Dask worker run with several threads must not share a seek position


def _forget_tiff() -> None:
    for im in _TIFF.values():
        im.close()
    _TIFF.clear()


@contextmanager
def _frame(ref: PageRef) -> Iterator[Image.Image]:
    """The page's frame, opened (or reused, for a TIFF) and size checked."""
    if ref.kind != "tiff":
        with _opened(ref.path) as im:
            if ref.index:
                im.seek(ref.index)
                _check_size(im)
            yield im
        return
    st = ref.path.stat()
    key = (str(ref.path), st.st_ino, st.st_size, st.st_mtime_ns)
    with _TIFF_LOCK, _quiet():
        if key not in _TIFF:
            _forget_tiff()
            _TIFF[key] = _open_header(ref.path)
        try:
            im = _TIFF[key]
            im.seek(ref.index)
            _check_size(im)
            yield im
        except BaseException:
            _forget_tiff()
            raise


def count_pages(path: Path) -> int:
    """Page count from the header only; raises IngestError with a plain reason."""
    if path.stat().st_size == 0:
        raise IngestError("the file is empty (0 bytes)", EMPTY_ADVICE)
    if path.suffix.lower() in PDF_EXTS:
        from .pdfsource import pdf_page_count

        return pdf_page_count(path)
    try:
        with _opened(path) as im:
            # An MPO's other pictures (a phone's depth map, preview, second view) are not pages: archivist/mpo.py;
            # nor a HEIF's images beside its primary one (a burst's other shots): archivist/heif.py
            return 1 if im.format in ("MPO", heif.FORMAT) else getattr(im, "n_frames", 1)
    except UnidentifiedImageError:
        raise _unreadable(path) from None
    except (OSError, EOFError, SyntaxError, ValueError, struct.error) as e:
        raise IngestError(f"the image is damaged and cannot be read ({one_line(e, 100)})",
                          DAMAGED_IMAGE_ADVICE) from None


# --- loading pixels (runs in workers) -------------------------------------------------------


def _recorded_dpi(im: Image.Image, axis: int = 0) -> float | None:
    """The resolution the file records, plausible or not (0 means none: JFIF's aspect-ratio-only density);
    ``axis`` 1 is the vertical one."""
    try:
        x = float(im.info["dpi"][axis])
    except (KeyError, TypeError, ValueError, IndexError):
        return None
    return x if x > 0 else None


#: Resolutions cameras and image programs write when they know no physical size (EXIF's and JFIF's 72, Windows' 96);
#: scanners offer 75 and 100, not these.
_NO_SIZE_DPI = (72.0, 96.0)
#: Longest side, in inches, of a page a commune's scanner takes (A3 is 16.5 in).
_LARGEST_PAGE_IN = 17.0


def _camera_default(im: Image.Image, x: float, y: float | None) -> bool:
    """A 72 or 96 dpi recorded on an image larger than any scanned page at that resolution: a phone's or
    camera's photo of a page (12 MP at 72 dpi would be a 60-inch sheet), whose resolution says nothing of the
    paper. Taken at its word, every measure made in millimetres (the letters' size, the ink mask, the page's
    size in the PDF) was off by four: a sideways phone photo of a typed page was read as no text at all."""
    same = y is None or abs(y - x) < 0.5  # a PNG holds pixels per metre: 72 dpi reads back as 72.009
    return same and any(abs(x - d) < 0.5 for d in _NO_SIZE_DPI) and max(im.width, im.height) > _LARGEST_PAGE_IN * x


def _dpi_of(im: Image.Image) -> tuple[float, float, bool]:
    """Horizontal and vertical resolution as the file states them (a fax or some scanners' fast
    modes have pixels twice as tall as wide), or the default when the file states none or a wrong one
    (a camera's 72 dpi on a photo of a page among them: :func:`_camera_default`)."""
    x, y = _recorded_dpi(im), _recorded_dpi(im, 1)
    if x is not None and 20 <= x <= 5000 and not _camera_default(im, x, y):
        return x, (y if y is not None and 20 <= y <= 5000 else x), True
    return DEFAULT_DPI, DEFAULT_DPI, False



def _load_image_file(ref: PageRef) -> LoadedPage:
    """Decode one frame, reading only what it needs: a 2,000-page TIFF is never read whole.

    The payload is the file's own compressed data wherever the PDF can hold it (JPEG, an MPO's first picture,
    PNG, G4 and one-strip Deflate TIFF; archivist/payload.py), read after decoding succeeded.
    """
    if ref.path.stat().st_size == 0:
        raise IngestError("the file is empty (0 bytes)", EMPTY_ADVICE)
    what = "image"
    try:
        with _frame(ref) as im:
            fmt = _format_name(im)
            what = _what(fmt)
            dpi_x, dpi_y, known = _dpi_of(im)
            plain = _plain_png(ref, im) if fmt == "PNG" and not ref.index else None
            if plain is not None:
                pixels, payload, tag = plain
                page = loaded_pixels(pixels, payload, dpi_x, dpi_y, known, None if known else _recorded_dpi(im))
            else:
                tag = exif_orientation(im) if fmt != "PNG" else None  # from the header: no second decode
                im.load()
                if fmt == "PNG":  # a PNG's eXIf chunk may follow its pixels, which Pillow has read only now
                    tag = exif_orientation(im)
                notes: list[str] = []
                page = loaded_image(im, image_payload(ref.path, im, ref.index, notes), dpi_x, dpi_y, known,
                                    None if known else _recorded_dpi(im))
                page.notes.extend(notes)
            page.exif_orientation = tag
            page.source_format = fmt
            return page
    except UnidentifiedImageError:
        raise _unreadable(ref.path) from None
    except (OSError, EOFError, SyntaxError, ValueError, struct.error) as e:
        advice = DAMAGED_PHOTO_ADVICE if what.endswith("photo") else DAMAGED_IMAGE_ADVICE
        raise IngestError(f"the {what} is damaged or truncated ({one_line(e, 100)})", advice) from None


def _format_name(im: Image.Image) -> str:
    """The file's format as the record names it (``source.format``): Pillow's name (JPEG, MPO, PNG, TIFF, WEBP,
    BMP, JPEG2000, ...), but HEIC for an iPhone's photo (pillow-heif calls every HEIF file HEIF)."""
    return heif.shown_format(im) if im.format == heif.FORMAT else (im.format or "")


def _what(fmt: str) -> str:
    """The file as an error line names it: a phone's MPO is a .jpg to its owner, an iPhone's HEIC a photo."""
    if fmt in ("HEIC", "HEIF"):
        return heif.shown_kind(fmt)
    return f"{'JPEG' if fmt == 'MPO' else fmt} image" if fmt else "image"


def _plain_png(ref: PageRef, im: Image.Image) -> tuple[np.ndarray, ImagePayload, int | None] | None:
    """A PNG whose IDAT the PDF takes as it is (8-bit grey or RGB, not interlaced, no transparency:
    :func:`archivist.payload.png_passthrough`), decoded by OpenCV (libpng), with that payload and the camera's
    orientation tag of its ``eXIf`` chunk; None for any other PNG, or one OpenCV cannot decode whole, which
    Pillow then decodes (and reports) as before.

    Why: the same pixels as Pillow's for such a PNG (lossless, nothing to convert), in 37 ms against 44-54 for a
    300 dpi grey page and 57 against 72-82 for a colour one (bench/RESULTS.md, issue 16, "Per-format CPU,
    session 29"), and the file is read once for both."""
    import cv2
    import numpy as np

    data = ref.path.read_bytes()
    payload = png_passthrough(data)
    if payload is None:
        return None
    with _quiet():
        pixels = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED)
    shape = (im.height, im.width) if payload.colorspace == "DeviceGray" else (im.height, im.width, 3)
    if pixels is None or pixels.dtype != np.uint8 or pixels.shape != shape:
        return None
    return pixels, payload, tag_of_block(png_exif(data))


def load_page(ref: PageRef, force_ocr: bool = False) -> LoadedPage:
    """Decode one page. Raises IngestError with a one-line reason on anything unreadable.

    A PDF page that already has text keeps that text (``LoadedPage.words``) unless ``force_ocr``.
    """
    if ref.kind == "pdf":
        from .pdfsource import load_pdf_page

        page = load_pdf_page(ref, force_ocr)
        page.source_format = "PDF"
        return page
    return _load_image_file(ref)
