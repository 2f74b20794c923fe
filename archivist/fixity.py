"""Fixity: the SHA-256 of every file the archive holds as evidence, recorded once in ``archive-manifest.json``.

Each PDF's SHA-256 is written into its record when the PDF is made, and each source's too. The
records themselves, and the dossier records, are listed with their SHA-256 in
``ARCHIVE/archive-manifest.json`` when :func:`seal` first sees them; an entry is never re-hashed
afterwards (that is the point of fixity) unless the writer says it rewrote the file, or the pipeline
visibly re-processed the document (a later ``created`` and a PDF that matches the new record).
:mod:`archivist.verify` checks the files against it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from . import __version__
from .archiveinfo import load_organisation
from .fsutil import atomic_write_json, read_json_object, sha256_file
from .record import utc_now
from .schemas import RecordInvalid, validate

MANIFEST = "archive-manifest.json"
#: Files kept beside the evidence that change by design (configuration, index, reports): outside fixity,
#: but expected. Another stage that writes a file into the archive adds its name here.
KNOWN_FILES = {"archive.json", "report.json", "retention.json", MANIFEST, "index.sqlite", "index.sqlite-wal",
               "index.sqlite-shm", "index.sqlite-journal", "catalogue/muc-luc-ho-so.csv",
               "catalogue/muc-luc-ho-so.pdf", "report.html", "archive.lock"}
#: Folders of derived files re-made at will: the review step's thumbnails, manifests a user saved,
#: the HTML report's page images.
KNOWN_FOLDERS = ("review/", "manifests/", "report-files/", "catalogue/")


def rel(root: Path, path: Path) -> str:
    return Path(path).resolve().relative_to(root.resolve()).as_posix()


def load_manifest(root: Path) -> dict | None:
    try:
        return json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None


#: The records the archive holds as evidence, by folder: their role in the fixity manifest and their schema.
RECORD_FOLDERS = (("documents", "document-record", "document"), ("dossiers", "dossier-record", "dossier"),
                  ("fonds", "fonds-record", "fonds"))
SCHEMA_OF = {role: kind for _, role, kind in RECORD_FOLDERS}


def record_files(root: Path) -> list[tuple[str, str]]:
    """(relative path, role) of every document, dossier and fonds record."""
    return [(f"{folder}/{p.name}", role) for folder, role, _ in RECORD_FOLDERS
            for p in sorted((root / folder).glob("*.json"))]


def _pdf_of(rec: dict) -> str | None:
    """The archive-relative PDF a record names, if it names one inside documents/."""
    pdf = (rec.get("output") or {}).get("pdf") if isinstance(rec.get("output"), dict) else None
    return pdf if isinstance(pdf, str) and pdf == f"documents/{Path(pdf).name}" and pdf.endswith(".pdf") else None


def _evidence(root: Path) -> tuple[dict[str, str], dict[str, dict]]:
    """(path -> role) of the files to seal, and the document records by path. A PDF is evidence only
    when a record names it: a stray file is never sealed, so that verify keeps reporting it."""
    roles: dict[str, str] = {}
    records: dict[str, dict] = {}
    for r, role in record_files(root):
        data = read_json_object(root / r)
        if data is None:
            continue
        roles[r] = role
        if role == "document-record":
            records[r] = data
            if (pdf := _pdf_of(data)) and (root / pdf).is_file():
                roles[pdf] = "pdf"
    return roles, records


def _reprocessed(root: Path, rec: dict, entry: dict) -> bool:
    """A record rewritten by a later run of the pipeline: later ``created``, and its PDF is the one it names."""
    pdf = _pdf_of(rec)
    return (str(rec.get("created", "")) > str(entry.get("created", "")) and pdf is not None
            and (root / pdf).is_file() and sha256_file(root / pdf) == rec["output"].get("sha256"))


def seal(root: Path, changed: Iterable[Path] | None = None) -> dict:
    """Add new evidence files to the archive manifest and re-hash the ones in ``changed``; returns it.

    The pipeline calls this after a batch with the records and PDFs it wrote; the archive commands
    call it with the dossier records they wrote. A document record the pipeline visibly re-processed
    (see :func:`_reprocessed`) is re-sealed with its PDF; any other change stays for verify to report.
    """
    root = Path(root)
    old = load_manifest(root) or {}
    files: dict[str, dict] = dict(old.get("files") or {})
    redo = {rel(root, p) for p in changed or ()}
    now = utc_now()
    roles, records = _evidence(root)
    for r, role in roles.items():  # a record comes just before the PDF it names
        entry, rec = files.get(r), records.get(r)
        if entry is not None and r not in redo and rec is not None and _reprocessed(root, rec, entry):
            redo.add(r)
            if (pdf := _pdf_of(rec)) in files:
                redo.add(pdf)
        if entry is None or r in redo:
            files[r] = {"sha256": sha256_file(root / r), "bytes": (root / r).stat().st_size, "role": role,
                        "sealed": now}
            if rec is not None and isinstance(rec.get("created"), str):
                files[r]["created"] = rec["created"]
    for r in redo:
        if not (root / r).exists():
            files.pop(r, None)  # the writer removed it on purpose
    try:
        org = load_organisation(root)
    except RecordInvalid:  # reported by the archive commands; fixity must not wait for it
        org = None
    manifest = {
        "manifest_version": 1, "generator": f"archivist {__version__}", "updated": now, "algorithm": "sha256",
        "organisation": org,
        "counts": {"documents": len(records),
                   "dossiers": sum(1 for e in files.values() if e["role"] == "dossier-record"),
                   "pages": sum(int(r.get("page_count") or 0) for r in records.values()), "files": len(files),
                   "bytes": sum(e["bytes"] for e in files.values())},
        "files": dict(sorted(files.items())),
    }
    validate(manifest, "archive-manifest")
    if manifest["files"] != old.get("files") or manifest["counts"] != old.get("counts"):
        atomic_write_json(root / MANIFEST, manifest)
    return manifest



