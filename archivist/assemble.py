"""From OCR'd pages to documents: split a dossier scan where documents start, then classify each
part and extract its metadata.

Runs in the main process once all pages of an input are back: it needs every page of the scan
to decide where documents start, and it costs milliseconds next to OCR.

Identifiers stay stable across re-runs: an input that is one document keeps the input's id; the
parts of a split input get ``<input id>-<nn>`` by their order in the scan.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .calibration import threshold_for
from .classify import THRESHOLD, Classification, PageText, classify, split_dossier
from .extract import extract
from .models import DocumentInput, PageResult
from .sectionpages import carry_numerals

SPLIT_MODES = ("auto", "none", "file")


@dataclass
class Part:
    """One document to write: its pages, what it is, and what it says."""

    id: str
    pages: list[PageResult]
    classification: Classification
    metadata: dict
    dossier: dict | None = None  # the input it was split from, when it holds several documents
    boundary: dict = field(default_factory=dict)


def page_texts(pages: list[PageResult]) -> list[PageText]:
    return [PageText(p.number, p.text, [(w.text, w.conf, w.bbox, w.line) for w in p.words], tuple(p.warnings),
                     {tuple(w.bbox): (w.text, w.rivals) for w in p.words if w.rivals}, p.number_reading,
                     p.mark_heights, p.date_reading, p.name_reading, p.name_zone) for p in pages]


def describe(pages: list[PageResult]) -> tuple[Classification, dict]:
    """Type and metadata of one document's pages, as the record stores them."""
    return describe_texts(page_texts(pages))


def describe_texts(texts: list[PageText]) -> tuple[Classification, dict]:
    """:func:`describe` on the pages' OCR text and words (bench/accuracy.py re-describes stored records)."""
    cls = classify(texts)
    meta = extract(texts, cls).to_dict()
    meta["confidence"] = cls.confidence
    meta["signals"] = cls.signals
    if (cls.needs_review or cls.confidence < threshold_for("type", THRESHOLD)) and "type" not in meta["needs_review"]:
        meta["needs_review"] = ["type", *meta["needs_review"]]
    return cls, meta


def should_split(doc: DocumentInput, mode: str) -> bool:
    """``auto`` splits folders of pages and multi-page files; ``file`` never splits (one file, one
    document); ``none`` never splits either and also keeps a folder as one document."""
    if mode in ("none", "file") or len(doc.pages) < 2:
        return False
    return True


def assemble(doc: DocumentInput, pages: list[PageResult], split: str = "auto") -> list[Part]:
    """The documents an input holds, in scan order, each classified and described."""
    bounds = split_dossier(page_texts(pages)) if should_split(doc, split) else []
    if len(bounds) <= 1:
        pages = carry_numerals(pages)
        cls, meta = describe(pages)
        return [Part(doc.id, pages, cls, meta)]
    starts = [b.start_page for b in bounds] + [pages[-1].number + 1]
    parts: list[Part] = []
    for k, b in enumerate(bounds):
        chunk = [p for p in pages if starts[k] <= p.number < starts[k + 1]]
        renumbered = carry_numerals([_renumber(p, i) for i, p in enumerate(chunk, start=1)])
        cls, meta = describe(renumbered)
        parts.append(Part(f"{doc.id}-{k + 1:02d}", renumbered, cls, meta,
                          dossier={"id": doc.id, "label": doc.label, "sequence": k + 1, "parts": len(bounds)},
                          boundary={"start_page": b.start_page, "confidence": b.confidence, "signals": b.signals}))
    return parts


def _renumber(p: PageResult, number: int) -> PageResult:
    from dataclasses import replace

    return replace(p, number=number)
