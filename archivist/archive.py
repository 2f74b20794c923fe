"""The archive folder: where documents, records, the index and batch reports live.

Layout::

    ARCHIVE/
      archive.json              what made this archive and when
      documents/<id>.pdf        the searchable PDF/A
      documents/<id>.json       its record (source and output SHA-256, pages, text, metadata)
      index.sqlite              the full-text index
      report.json               the last batch's report

A document is committed in a fixed order — PDF, then record, then index row — each step
atomic. The record is the commit point: a PDF without a record is an unfinished document and
is redone; an index row is rebuilt from its record if missing (see :meth:`Archive.open`).
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .fsutil import atomic_write_json, remove_stale_temps, sha256_file
from .models import DocumentInput, PageResult
from .record import build_record, utc_now

if TYPE_CHECKING:
    from .pipeline import BatchReport, Settings

PRODUCER = f"archivist {__version__}"


class Archive:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.docs_dir = root / "documents"

    @classmethod
    def open(cls, root: Path, create: bool = True) -> Archive:
        """Open (and create) an archive, clearing what a killed run may have left half-done."""
        a = cls(Path(root))
        if create:
            a.docs_dir.mkdir(parents=True, exist_ok=True)
            remove_stale_temps(a.root)
            meta = a.root / "archive.json"
            if not meta.exists():
                atomic_write_json(meta, {"created": utc_now(), "created_by": PRODUCER, "layout": 1})
        elif not a.docs_dir.is_dir():
            raise FileNotFoundError(f"{root} is not an archive (no documents/ folder)")
        return a

    def pdf_path(self, doc_id: str) -> Path:
        return self.docs_dir / f"{doc_id}.pdf"

    def record_path(self, doc_id: str) -> Path:
        return self.docs_dir / f"{doc_id}.json"

    def load_record(self, doc_id: str) -> dict | None:
        p = self.record_path(doc_id)
        if not p.exists():
            return None
        try:
            return json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def records(self):
        for p in sorted(self.docs_dir.glob("*.json")):
            try:
                yield json.loads(p.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue

    def _summary(self, rec: dict) -> dict:
        meta = rec.get("metadata") or {}
        return {"id": rec["id"], "label": rec["label"], "pdf": str(self.root / rec["output"]["pdf"]),
                "pages": rec["page_count"], "type": meta.get("type"), "number": meta.get("number"),
                "date": meta.get("date")}

    def finished(self, doc: DocumentInput, settings: Settings) -> dict | None:
        """The summary of ``doc`` if it is already in the archive, from the same source and settings."""
        rec = self.load_record(doc.id)
        if not rec or rec.get("source", {}).get("sha256") != doc.sha256:
            return None
        if rec.get("settings") != settings.fingerprint():
            return None
        pdf = self.root / rec["output"]["pdf"]
        if not pdf.exists() or sha256_file(pdf) != rec["output"]["sha256"]:
            return None
        return self._summary(rec)

    def commit(self, doc: DocumentInput, pages: list[PageResult], settings: Settings,
               metadata: dict | None = None) -> dict:
        """Write the PDF/A, then the record, then the index row, each atomically."""
        from .ocr import engine_version
        from .pdfa import write_pdfa

        created = datetime.now(UTC).replace(microsecond=0)
        pdf = self.pdf_path(doc.id)
        title = (metadata or {}).get("subject") or Path(doc.label).stem
        write_pdfa(pages, pdf, level=settings.pdfa, title=title, created=created, language="vi",
                   producer=PRODUCER)
        rec = build_record(
            doc, pages, pdf_rel=str(pdf.relative_to(self.root)), pdf_sha=sha256_file(pdf),
            pdf_bytes=pdf.stat().st_size, pdfa=settings.pdfa, settings=settings.fingerprint(),
            engine_version=engine_version(settings.ocr_engine),
            source_bytes=sum(p.stat().st_size for p in doc.sources), metadata=metadata or {},
            created=created.isoformat().replace("+00:00", "Z"))
        atomic_write_json(self.record_path(doc.id), rec)
        self.index_record(rec)
        return self._summary(rec)

    def index_record(self, rec: dict) -> None:
        from .index import open_index

        with open_index(self.root) as idx:
            idx.upsert_document(rec)

    def write_report(self, report: BatchReport) -> None:
        data = {
            "archive": report.archive,
            "finished": utc_now(),
            "ok": report.ok,
            "pages": report.pages,
            "seconds": round(report.seconds, 2),
            "pages_per_minute": round(report.pages_per_minute, 1),
            "documents": report.documents,
            "failures": [asdict(f) for f in report.failures],
            "warnings": report.warnings,
            "skipped_files": report.skipped_files,
        }
        atomic_write_json(self.root / "report.json", data)
