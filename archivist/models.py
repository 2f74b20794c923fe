"""Plain dataclasses for the data that flows between pipeline stages.

Every stage takes and returns these, never a dict of loose keys, so that a reader can see in
one place what the ingest, preprocess, OCR, PDF/A and record stages exchange.

Coordinates: pixel boxes are ``(x0, y0, x1, y1)`` on the *corrected* (upright, deskewed)
page image, origin top-left, y down, the same image size as the source page (90/270 swap
width and height).

Angles: ``orientation`` is how far the scan was turned clockwise from upright (0/90/180/270);
``skew`` is the residual tilt of the text lines in degrees, positive when the lines rise to
the right (counter-clockwise). The correction rotates the scan by ``-(orientation)`` and then
by ``-skew``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class PageRef:
    """Where one page comes from, small enough to ship to a worker process."""

    path: Path
    kind: str  # "image" (single-frame file), "tiff" (frame of a TIFF), "pdf" (page of a PDF)
    index: int = 0  # frame or page index inside the file (0-based)


@dataclass
class ImagePayload:
    """An encoded image ready to be embedded as a PDF image XObject without further work.

    ``data`` is already compressed with ``filter``; ``decode_parms`` are the PDF /DecodeParms.
    JPEG sources keep their original bytes here (no generation loss).
    """

    data: bytes
    width: int
    height: int
    colorspace: str  # "DeviceGray" | "DeviceRGB"
    bpc: int  # bits per component: 1 or 8
    filter: str  # "DCTDecode" | "FlateDecode" | "CCITTFaxDecode"
    decode_parms: dict[str, Any] | None = None
    decode: list[int] | None = None  # /Decode array, e.g. [1, 0] for inverted bilevel
    spool: tuple[str, str] | None = None  # (chunk file, key) once ``data`` waits on disk: archivist/spool.py


@dataclass(slots=True)
class Word:
    text: str
    conf: float  # 0-100, Tesseract's word confidence
    bbox: tuple[int, int, int, int]
    line: int  # index of the text line on the page, in reading order
    baseline: int | None = None  # y of the line's baseline on the corrected image, if known


@dataclass
class PageResult:
    """Everything the pipeline learned about one page."""

    number: int  # 1-based page number inside its document
    source: PageRef
    width: int  # corrected image size in pixels
    height: int
    dpi: float
    orientation: int  # 0/90/180/270, clockwise, as found on the scan
    skew: float  # degrees, counter-clockwise positive, as found on the scan
    orientation_confidence: float = 0.0
    mean_confidence: float = 0.0
    text: str = ""
    words: list[Word] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    image: ImagePayload | None = None  # the original image to embed, drawn rotated by the correction
    preview: bytes = b""  # the page as its PDF shows it, small JPEG for the HTML report (archivist/preview.py)


@dataclass
class DocumentInput:
    """One document to produce: one input file, or one folder of page images (a dossier)."""

    id: str
    label: str  # what the user calls it: the file or folder path as given
    sources: list[Path]
    pages: list[PageRef]
    sha256: str  # of the source file, or of the sorted (name, sha256) list for a folder


@dataclass
class Failure:
    """A file that could not be processed, with a one-line reason a person can act on."""

    path: str
    reason: str
    stage: str  # ingest | preprocess | ocr | pdfa | record

    def line(self) -> str:
        return f"{self.path}: {self.reason}"


def to_jsonable(obj: Any) -> Any:
    """dataclasses -> plain JSON types (Paths become strings)."""
    if hasattr(obj, "__dataclass_fields__"):
        return {k: to_jsonable(v) for k, v in asdict(obj).items()}
    if isinstance(obj, dict):
        return {k: to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_jsonable(v) for v in obj]
    if isinstance(obj, Path):
        return str(obj)
    return obj
