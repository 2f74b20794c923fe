"""An iPhone's photo of a page (HEIC: HEVC pictures in a HEIF file), decoded by pillow-heif.

Why: iPhones save photos as HEIC by default, and commune archivists photograph pages with them. archivist used
to refuse such a file ("save it as JPEG"): converting every photo first is the chore the tool exists to remove.

**Decoder.** pillow-heif (pinned in pyproject.toml; its wheels bundle libheif and the libde265 HEVC decoder, so
nothing else is installed) adds a HEIF opener to Pillow. It is registered the first time a file whose ``ftyp``
box names a HEIF brand fails to open (:func:`register_for`), never on import: the fork server, each worker and
every batch without a HEIC skip importing it (about 16 ms of CPU), as issue 16 asks of start-up. Once registered
it stays for the process. Decoding runs on one thread (a worker is one core: archivist/pagework.py). Thumbnails,
depth maps and auxiliary images (an HDR gain map) are never read: the page is the file's primary picture.

**Orientation.** A HEIF file turns its picture with transform properties of the image (``irot``, ``imir``), which
libheif applies when it decodes: the pixels archivist gets are the picture as the phone showed it. An iPhone
writes the same turn a second time as an Exif Orientation tag; MIAF (ISO/IEC 23000-22, 7.3.10.1) says a reader
shall ignore that tag, and pillow-heif resets it to 1 in ``getexif()`` (keeping the file's value in
``info["original_orientation"]``). So archivist reads no camera tag from a HEIF (:mod:`archivist.exiforient`):
the page reaches the orientation step turned exactly once, by its transform, and the text decides from there as
on any page; a page with too little text stays as the phone showed it. Reading the tag as a JPEG's would turn a
sideways iPhone page twice. A file that has the tag but no transform (an editor that wrote only the tag) shows
as stored in HEIF viewers, and is taken as stored here too. A transform that mirrors the picture is applied by
libheif like the others (archivist never mirrors a JPEG by its tag; a mirrored page has no readable text and is
flagged as such).

**Storage in the PDF.** HEVC cannot go into a PDF, so the decoded pixels are stored the way every other format
the PDF cannot take as it is (WebP, JPEG 2000, BMP, an LZW TIFF) is stored: Flate without loss
(:func:`archivist.payload.encode_lossless`), every pixel as decoded, nothing added to the HEVC's own loss. It
costs bytes: a 12 MP photo of a page that is 0.8-6.2 MB as HEIC is 10-17 MB in the PDF; a JPEG at quality 95
would be 2.2-3.1 MB but changes the pixels (up to 13-16 levels; bench/RESULTS.md, "HEIC photos (session 34)").

**Several images.** The page is the primary image (the one ``pitm`` names, what every viewer shows), and a HEIF
is one page whatever else it holds, as a phone's multi-picture JPEG is (archivist/mpo.py): the other top-level
images of a burst or a sequence, the depth map, the thumbnails stay in the source file, whose SHA-256 the record
holds, and are not archived in the PDF.
"""

from __future__ import annotations

import io
import threading
from pathlib import Path

from PIL import Image

from .errors import one_line

#: Major brands of an ISO media file that holds HEIF pictures (``heic``/``heix``: HEVC, as iPhones write them;
#: ``mif1``/``msf1``: any HEIF still or sequence). AVIF (``avif``) is not among them: Pillow reads it itself.
HEIF_BRANDS = frozenset({b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"})
#: Pillow's format name for a file pillow-heif opened.
FORMAT = "HEIF"

_LOCK = threading.Lock()
_registered = False


def brand(head: bytes) -> bytes | None:
    """The HEIF brand of a file starting with ``head``, or None when it is no HEIF file."""
    if head[4:8] == b"ftyp" and head[8:12] in HEIF_BRANDS:
        return head[8:12]
    return None


def register_for(src: Path | io.BytesIO) -> bool:
    """Register the HEIF opener if ``src`` is a HEIF file and it is not registered yet; True when it was just
    registered (the caller opens the file again), False when that would change nothing."""
    global _registered
    if _registered:
        return False
    if brand(_head(src)) is None:
        return False
    with _LOCK:
        if not _registered:
            import pillow_heif

            pillow_heif.register_heif_opener(decode_threads=1, thumbnails=False, depth_images=False,
                                             aux_images=False)
            _registered = True
    return True


def _head(src: Path | io.BytesIO) -> bytes:
    if isinstance(src, io.BytesIO):
        return src.getvalue()[:12]
    with open(src, "rb") as f:
        return f.read(12)


def shown_format(im: Image.Image) -> str:
    """What the person calls the file: "HEIC" for HEVC pictures (an iPhone's), else "HEIF"."""
    return "HEIC" if getattr(im, "custom_mimetype", None) == "image/heic" else "HEIF"


def shown_kind(fmt: str) -> str:
    """The file as an error line names it: "HEIC photo" or "HEIF image"."""
    return "HEIC photo" if fmt == "HEIC" else "HEIF image"


def damaged_reason(path: Path) -> str:
    """Why a file of a HEIF brand cannot be opened, in one line: libheif's own words where it has some."""
    import pillow_heif

    kind = shown_kind("HEIC" if brand(_head(path)) in (b"heic", b"heix") else "HEIF")
    try:
        pillow_heif.open_heif(path, convert_hdr_to_8bit=True)
    except Exception as e:  # noqa: BLE001 - whatever libheif says, the file is what is wrong
        return f"the {kind} is damaged or truncated ({one_line(e, 100)})"
    return f"the {kind} is damaged or truncated (its pictures cannot be read)"
