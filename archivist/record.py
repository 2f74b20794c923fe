"""The document record: the JSON written beside each PDF/A.

It holds what an inspector or a successor needs to trust the PDF without re-running anything:
the source and its SHA-256, the output and its SHA-256, every page's orientation, skew,
OCR confidence, text and words, timings and tool versions.

Words are stored compactly as ``[text, confidence, x0, y0, x1, y1, line]`` (pixels on the
corrected page image) because a 300-word page would otherwise triple the record's size; a word of
which the OCR engine nearly read some character otherwise adds an eighth item, those characters
(``Word.rivals``), so that a stored record is judged again as a fresh one (archivist/chardoubt.py).
"""

from __future__ import annotations

import platform
from datetime import UTC, datetime
from functools import lru_cache
from typing import TYPE_CHECKING

from . import __version__
from .models import DocumentInput, DocumentRecord, OutputInfo, PageResult, SourceInfo

if TYPE_CHECKING:
    from .assemble import Part

RECORD_VERSION = 1


def opencv_version() -> str:
    """OpenCV's version as ``cv2.__version__`` gives it, read without importing OpenCV where the wheel says it.

    Why: the main process writes every record but decodes no page; importing OpenCV there for this string
    alone cost about 0.02 CPU s a batch (bench/RESULTS.md, issue 16, session 24). The opencv-python wheels
    carry ``cv2/version.py`` with ``opencv_version = "X.Y.Z.BUILD"``, the library's X.Y.Z plus the wheel's
    build number (pinned equal to ``cv2.__version__`` in tests/test_record_versions.py); any other OpenCV
    (a distribution's package, a build from source) is imported and asked.
    """
    import re
    from importlib.util import find_spec

    try:
        spec = find_spec("cv2")
        where = spec.submodule_search_locations if spec else None
        text = open(f"{list(where)[0]}/version.py", encoding="utf-8").read() if where else ""
    except (OSError, ValueError, ImportError):
        text = ""
    found = re.search(r'^opencv_version\s*=\s*"(\d+\.\d+\.\d+)\.\d+"', text, re.MULTILINE)
    if found:
        return found.group(1)
    import cv2

    return cv2.__version__


@lru_cache(maxsize=1)
def tool_versions(engine_version: str) -> dict[str, str]:
    import pikepdf

    return {"archivist": __version__, "ocr": engine_version, "pikepdf": pikepdf.__version__,
            "qpdf": pikepdf.__libqpdf_version__, "opencv": opencv_version(), "python": platform.python_version()}


def replaced_by(rec: dict) -> str | None:
    """The id of the later version a record says replaces it (``superseded_by``, archivist/supersede.py), or None.
    Here, beside the record's other readers, so that the index rows, the dossier files and the catalogue read it
    without importing the supersession's commit machinery."""
    link = rec.get("superseded_by")
    return link.get("id") if isinstance(link, dict) else None


def utc_now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def page_entry(p: PageResult) -> dict:
    return {
        "number": p.number,
        "source": {"path": str(p.source.path), "index": p.source.index,
                   **({"format": p.source_format} if p.source_format else {})},
        "width": p.width, "height": p.height, "dpi": p.dpi,
        **({"dpi_xy": list(p.dpi_xy)} if p.dpi_xy else {}),
        "orientation": p.orientation,
        "skew": p.skew,
        "orientation_confidence": p.orientation_confidence,
        **({"orientation_decision": p.orientation_decision, "orientation_evidence": p.orientation_evidence}
           if p.orientation_decision else {}),
        **({"deskew": p.deskew} if p.deskew else {}),
        **({"number_reading": p.number_reading} if p.number_reading else {}),
        **({"mark_heights": p.mark_heights} if p.mark_heights else {}),
        **({"date_reading": p.date_reading} if p.date_reading else {}),
        **({"name_reading": p.name_reading} if p.name_reading else {}),
        **({"name_zone": p.name_zone} if p.name_zone else {}),
        "mean_confidence": p.mean_confidence,
        "image": {"filter": p.image.filter, "colorspace": p.image.colorspace, "bpc": p.image.bpc,
                  **({"after_picture": p.image.after_picture} if p.image.after_picture else {})}
        if p.image else None,
        "text": p.text,
        "words": [[w.text, w.conf, *w.bbox, w.line, *([[list(r) for r in w.rivals]] if w.rivals else [])]
                  for w in p.words],
        "timings": p.timings,
        "warnings": p.warnings,
    }


def build_record(doc: DocumentInput, part: Part, *, pdf_rel: str, pdfa: str, settings: dict, engine_version: str,
                 source_bytes: int, created: str) -> DocumentRecord:
    """The record of one document (``part``) made from the input ``doc``; the PDF's SHA-256 and size,
    the retention and the archival fields are filled when it is committed (archivist/commit.py)."""
    pages = part.pages
    return DocumentRecord(
        record_version=RECORD_VERSION, id=part.id, label=doc.label, dossier=part.dossier,
        boundary=part.boundary or None,
        source=SourceInfo([str(p) for p in doc.sources], doc.sha256, source_bytes),
        output=OutputInfo(pdf_rel, "", 0, pdfa),
        pages=[page_entry(p) for p in pages], text="\n\n".join(p.text for p in pages), metadata=part.metadata,
        created=created, settings=settings, tools=tool_versions(engine_version),
        timings={k: round(sum(p.timings.get(k, 0.0) for p in pages), 3)
                 for k in ("load", "preprocess", "ocr", "orient")},
    )
