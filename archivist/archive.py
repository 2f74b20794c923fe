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
from .fsutil import atomic_path, atomic_write_json, remove_stale_temps, sha256_file
from .models import DocumentInput
from .record import build_record, utc_now

if TYPE_CHECKING:
    from .assemble import Part
    from .pipeline import BatchReport, Settings

PRODUCER = f"archivist {__version__}"


class Archive:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.docs_dir = root / "documents"
        self.written: list[Path] = []  # files this run wrote, for the fixity manifest
        self._schedule = None

    def schedule(self):
        """The retention schedule: built-in, overridden by the archive's own retention.json."""
        if self._schedule is None:
            from .retention import load_schedule

            self._schedule = load_schedule(archive=self.root)
        return self._schedule

    def seal(self) -> None:
        """Record the SHA-256 of what this run wrote in archive-manifest.json (see archivist.verify)."""
        from .verify import seal

        seal(self.root, changed=self.written)
        self.written = []

    @classmethod
    def open(cls, root: Path, create: bool = True, index_url: str | None = None) -> Archive:
        """Open (and create) an archive, clearing what a killed run may have left half-done.

        ``index_url`` (postgresql://…) keeps the index in a shared PostgreSQL database; it is
        recorded in ``archive.json`` so that later commands find it.
        """
        a = cls(Path(root))
        if create:
            a.docs_dir.mkdir(parents=True, exist_ok=True)
            remove_stale_temps(a.root)
            meta = a.root / "archive.json"
            info = json.loads(meta.read_text(encoding="utf-8")) if meta.exists() else {
                "created": utc_now(), "created_by": PRODUCER, "layout": 1}
            if index_url and info.get("index") != index_url:
                info["index"] = index_url
            if not meta.exists() or index_url:
                atomic_write_json(meta, info)
            a.reconcile_index()
        elif not a.docs_dir.is_dir():
            raise FileNotFoundError(f"{root} is not an archive (no documents/ folder)")
        return a

    def reconcile_index(self) -> int:
        """Index records a killed run wrote but did not index, drop rows of vanished records."""
        from .index import open_index

        with open_index(self.root) as idx:
            return idx.reconcile()

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
                "pages": rec["page_count"], "type": meta.get("type"),
                "number": meta.get("number_symbol") or meta.get("number"),
                "date": meta.get("date")}

    def _done(self, rec: dict | None, doc: DocumentInput, settings: Settings) -> bool:
        if not rec or rec.get("source", {}).get("sha256") != doc.sha256:
            return False
        if rec.get("settings") != settings.fingerprint():
            return False
        pdf = self.root / rec["output"]["pdf"]
        return pdf.exists() and sha256_file(pdf) == rec["output"]["sha256"]

    def finished(self, doc: DocumentInput, settings: Settings) -> list[dict] | None:
        """Summaries of the documents made from ``doc`` if all are in the archive, same source and settings.

        An input is one document (record ``<id>.json``) or was split into parts (``<id>-NN.json``,
        each knowing how many parts there are); it is finished only when every part is.
        """
        rec = self.load_record(doc.id)
        if rec is not None:
            return [self._summary(rec)] if self._done(rec, doc, settings) else None
        parts = [self.load_record(p.stem) for p in sorted(self.docs_dir.glob(f"{doc.id}-[0-9][0-9].json"))]
        if not parts or any(not self._done(r, doc, settings) for r in parts):
            return None
        if {r["dossier"]["parts"] for r in parts} != {len(parts)}:
            return None
        return [self._summary(r) for r in parts]

    def commit(self, doc: DocumentInput, part: Part, settings: Settings) -> dict:
        """Write the PDF/A, then the record, then the index row, each atomically.

        The record is written last but one and is the commit point: a PDF without its record is
        simply redone by the next run.
        """
        from .ocr import engine_version
        from .pdfa import write_pdfa
        from .retention import retention_for
        from .review import carry_confirmed, carry_history
        from .schemas import archival_fields, validate_record

        created = datetime.now(UTC).replace(microsecond=0)
        pdf = self.pdf_path(part.id)
        old = self.load_record(part.id)
        part.metadata = carry_confirmed(old, part.metadata)  # what an archivist confirmed is never redone
        meta = part.metadata
        title = meta.get("subject") or meta.get("type") or Path(doc.label).stem
        keywords = [k for k in (meta.get("type"), meta.get("number_symbol"), meta.get("issuer")) if k]
        with atomic_path(pdf) as tmp:  # the PDF takes its name only once its record is known to be valid
            write_pdfa(part.pages, tmp, level=settings.pdfa, title=title, created=created, language="vi",
                       producer=PRODUCER, keywords=keywords or None, subject=meta.get("subject"),
                       author=meta.get("issuer"))
            rec = build_record(
                doc, part, pdf_rel=str(pdf.relative_to(self.root)), pdf_sha=sha256_file(tmp),
                pdf_bytes=tmp.stat().st_size, pdfa=settings.pdfa, settings=settings.fingerprint(),
                engine_version=engine_version(settings.ocr_engine),
                source_bytes=sum(p.stat().st_size for p in doc.sources),
                created=created.isoformat().replace("+00:00", "Z"))
            rec = carry_history(old, rec)
            rec["metadata"]["retention"] = retention_for(rec, self.schedule()).to_dict()
            rec["archival"] = archival_fields(rec)
            validate_record(rec)  # a record that fails its schema is an error: nothing is committed
        atomic_write_json(self.record_path(part.id), rec)
        self.written += [self.record_path(part.id), pdf]
        self.index_record(self.record_path(part.id))
        self._keep_previews(rec, part)
        return self._summary(rec)

    def _keep_previews(self, rec: dict, part: Part) -> None:
        """The workers' page images go where ``report.html`` looks for them; a failure here only means
        the report renders them from the PDF later, so it never fails the document."""
        from .htmlreport import PageImages, images_folder

        try:
            PageImages(images_folder(self.root / "report.html")).store(rec, [p.preview for p in part.pages])
        except (OSError, ValueError):
            pass

    def index_record(self, path: Path) -> None:
        from .index import index_record_file

        index_record_file(self.root, path)

    def write_report(self, report: BatchReport) -> None:
        data = {
            "archive": report.archive,
            "finished": utc_now(),
            "ok": report.ok,
            "pages": report.pages,
            "seconds": round(report.seconds, 2),
            "pages_per_minute": round(report.pages_per_minute, 1),
            "failed_documents": report.failed_documents,
            "documents": report.documents,
            "failures": [asdict(f) for f in report.failures],
            "warnings": report.warnings,
            "skipped_files": report.skipped_files,
        }
        atomic_write_json(self.root / "report.json", data)
