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

#: Pages below this resolution do not meet the digitization standard (Circular 02/2019/TT-BNV: 200 dpi).
STANDARD_DPI = 200.0


def below_standard(page: dict) -> bool:
    """A record's page scanned below the standard in either direction (``dpi_xy``: non-square pixels)."""
    return min(page.get("dpi_xy") or [page.get("dpi", STANDARD_DPI)]) < STANDARD_DPI - 0.5


@dataclass(frozen=True)
class PageRef:
    """Where one page comes from, small enough to ship to a worker process."""

    path: Path
    kind: str  # "image" (single-frame file), "tiff" (frame of a TIFF), "pdf" (page of a PDF)
    index: int = 0  # frame or page index inside the file (0-based)


@dataclass(frozen=True)
class PageTask:
    """One page as the main process hands it to a worker (archivist/pagetask.py): here, among the shared
    types, so that naming it imports nothing of the page stage."""

    doc: int  # index of the document in the batch
    number: int  # 1-based page number in the document
    ref: PageRef
    engine: str
    lang: str
    force_ocr: bool = False
    layout: str = "tesseract"


@dataclass
class ImagePayload:
    """An encoded image ready to be embedded as a PDF image XObject without further work.

    ``data`` is already compressed with ``filter``; ``decode_parms`` are the PDF /DecodeParms.
    The source's own compressed data wherever the PDF can hold it (JPEG bytes, PNG IDAT, a G4 or
    Deflate TIFF strip; archivist/payload.py), else a lossless encoding made once.
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
    #: Bytes of the source file after the JPEG picture ``data`` is (a motion photo's video, an MPO's other
    #: pictures): not in the PDF, kept by the source file; the record says how many (archivist/jpeg.py).
    after_picture: int = 0


@dataclass(slots=True)
class Word:
    text: str
    conf: float  # 0-100, Tesseract's word confidence
    bbox: tuple[int, int, int, int]
    line: int  # index of the text line on the page, in reading order
    baseline: int | None = None  # y of the line's baseline on the corrected image, if known
    #: characters the engine nearly read otherwise: (index in ``text``, rival, choice confidence of the
    #: character read, the rival's), from Tesseract's LSTM choices; archivist/chardoubt.py judges them
    rivals: tuple[tuple[int, str, float, float], ...] = ()


@dataclass
class PageResult:
    """Everything the pipeline learned about one page."""

    number: int  # 1-based page number inside its document
    source: PageRef
    width: int  # corrected image size in pixels
    height: int
    dpi: float  # of the page's square grid, on which width, height and the word boxes are measured
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
    dpi_xy: tuple[float, float] | None = None  # the scan's own horizontal and vertical resolution
    orientation_decision: str = ""  # archivist/orient.py: upright, turned, kept as scanned: ...
    orientation_evidence: dict = field(default_factory=dict)  # what each signal said
    deskew: dict = field(default_factory=dict)  # measured tilt, whether applied, and why not
    number_reading: dict | None = None  # the header's number box read again (archivist/numberread.py)
    mark_heights: list[dict] = field(default_factory=list)  # the mark over each `ầ` word (archivist/markheight.py)
    date_reading: dict | None = None  # the date's year and day read again (archivist/dateread.py)
    source_format: str = ""  # the source file's format: JPEG, PNG, TIFF, HEIC, PDF, ... (archivist/ingest.py)
    name_reading: dict | None = None  # the signer's name line read again (archivist/nameread.py)
    name_zone: dict | None = None  # the space under an unnamed block's position read alone (archivist/namezone.py)


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


@dataclass(frozen=True)
class Settings:
    """Everything that changes the output; a change re-processes documents done with other settings."""

    workers: int = 1
    executor: str = "local"  # "local" | "dask-local" | "dask"
    scheduler: str | None = None  # tcp://HOST:PORT for "dask"
    pdfa: str = "1b"  # "1b" (TCVN 14159-1:2024 adopts PDF/A-1) or "2b"
    ocr_engine: str = "tesserocr"
    lang: str = "vie"
    force_ocr: bool = False
    split: str = "auto"  # "auto" | "none" | "file"
    index_url: str | None = None  # postgresql://… for a shared index; None: SQLite in the archive
    page_timeout: float = 600.0  # seconds one page may take before it fails alone
    fonds: str | None = None  # the fonds the box comes from (--fonds), code or name; None: from each document
    layout: str = "tesseract"  # "tesseract" (its own layout analysis) | "blocks" (archivist/blocks.py)

    def fingerprint(self) -> dict:
        """The settings that affect what is written (not how fast). The layout is the one the engine
        uses: the ``cli`` engine reads every page with Tesseract's own."""
        return {"pdfa": self.pdfa, "ocr_engine": self.ocr_engine, "lang": self.lang, "force_ocr": self.force_ocr,
                "split": self.split, "layout": self.layout if self.ocr_engine == "tesserocr" else "tesseract"}


@dataclass
class BatchReport:
    """What one ``archivist process`` did: the documents written or found done, and what went wrong."""

    archive: str
    documents: list[dict] = field(default_factory=list)  # one summary per document done or skipped
    failures: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped_files: list[str] = field(default_factory=list)
    pages: int = 0
    seconds: float = 0.0
    failed_documents: int = 0  # inputs not written (a failed dossier counts once, whatever its failed pages)
    stopped: str | None = None  # why the batch stopped early (disk full, service lost); None when it ran through
    unfinished: list[str] = field(default_factory=list)  # inputs not done when it stopped: re-running resumes them

    @property
    def ok(self) -> bool:
        return not self.failures and self.stopped is None

    @property
    def pages_per_minute(self) -> float:
        return 60.0 * self.pages / self.seconds if self.seconds > 0 else 0.0


@dataclass
class SourceInfo:
    """The input as given and its fixity (a folder's SHA-256 is of its sorted (name, SHA-256) list)."""

    paths: list[str]
    sha256: str
    bytes: int


@dataclass
class OutputInfo:
    """The PDF/A, relative to the archive, and its fixity."""

    pdf: str
    sha256: str
    bytes: int
    pdfa: str


#: Keys of a record in the order they are written (the JSON stays diffable from one version to the next).
RECORD_KEYS = ("record_version", "id", "label", "dossier", "boundary", "fonds", "source", "output", "page_count",
               "pages", "text", "metadata", "archival", "history", "superseded_by", "supersedes", "created", "settings",
               "tools", "timings")
#: Keys written only when they hold something (an older record, or one no person touched, has none of them).
OPTIONAL_KEYS = ("fonds", "history", "superseded_by", "supersedes")


@dataclass
class DocumentRecord:
    """The record of one document (``documents/<id>.json``; schema: schemas/document.schema.json).

    Typed at the top, where the commit path reads and writes it (source, output, metadata, derived
    archival fields); pages and metadata stay the plain JSON objects the schema describes, because
    every stage reads them as such and the schema, not this class, is their contract.
    """

    id: str
    label: str
    source: SourceInfo
    output: OutputInfo
    pages: list[dict]
    metadata: dict
    created: str
    settings: dict
    tools: dict
    record_version: int = 1
    dossier: dict | None = None  # the input a split document came from: {"id", "label", "sequence", "parts"}
    boundary: dict | None = None
    fonds: dict | None = None  # the fonds the document belongs to: {"code", "name"}
    text: str = ""
    archival: dict | None = None  # derived at commit (archivist/archival.py)
    history: list[dict] = field(default_factory=list)  # corrections a person made, with who and when
    superseded_by: dict | None = None  # the later version replacing this one: {"id", "at", "person", "reason"}
    supersedes: list[str] = field(default_factory=list)  # the earlier versions it replaces (archivist/supersede.py)
    timings: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)  # keys this version does not know, kept as they were

    @property
    def page_count(self) -> int:
        return len(self.pages)

    @classmethod
    def from_dict(cls, d: dict) -> DocumentRecord:
        known = {k: v for k, v in d.items() if k in RECORD_KEYS and k != "page_count"}
        return cls(**{**known, "source": SourceInfo(**d["source"]), "output": OutputInfo(**d["output"]),
                      "history": list(d.get("history") or []), "supersedes": list(d.get("supersedes") or [])},
                   extra={k: v for k, v in d.items() if k not in RECORD_KEYS})

    def to_dict(self) -> dict:
        """The JSON object written to disk: keys in :data:`RECORD_KEYS` order, empty optional parts left out."""
        values = {**{k: getattr(self, k) for k in RECORD_KEYS if k != "page_count"}, "page_count": self.page_count,
                  "source": asdict(self.source), "output": asdict(self.output)}
        out = {k: values[k] for k in RECORD_KEYS if not (k in OPTIONAL_KEYS and not values[k])}
        out.update(self.extra)
        return out


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
