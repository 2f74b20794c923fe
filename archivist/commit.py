"""The one commit path: every change to a document reaches the archive through :func:`commit`.

A commit is: derive (retention with its legal basis, the Circular 02/2019 archival fields) →
validate the whole record against its schema → write the PDF (when it changes) → write the record →
update the index row; the session that holds the writer lock seals every file it wrote in the
fixity manifest when it ends (archivist/store.py). Each write is atomic (temp file, fsync, rename).
The record is the commit point: a PDF newer than its record is redone by the next ``process`` and
reported by ``verify``; a record whose index row is missing is indexed when the archive is next
opened for writing.

Why one path: ``process``, ``review import``, fonds assignment and upgrades all change records. When
each wrote its own way, a reviewed type left a stale retention period, and a bad value reached the
archive unvalidated. Here every writer goes through the same derive-and-validate, so a record on
disk is always one the schema accepts and whose derived fields agree with its metadata.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .archival import archival_fields
from .errors import from_os_error
from .fsutil import atomic_path, sha256_file
from .models import DocumentInput, DocumentRecord, Settings
from .record import build_record
from .retention import retention_for
from .schemas import RecordInvalid, validate_record
from .store import PRODUCER, ArchiveStore
from .toreview import review_fields, to_review

if TYPE_CHECKING:
    from .assemble import Part

PdfWriter = Callable[[Path], None]  # writes the document's PDF/A to the temp path it is given


def derive(rec: DocumentRecord, store: ArchiveStore) -> None:
    """Fill what a record derives from its metadata: never typed in, always recomputed.

    Raises RecordInvalid when the metadata names a fonds the archive does not have (a typo in a review
    sheet): a document never points at a fonds that is not there.
    """
    rec.fonds = _fonds_of(rec.metadata, store)
    as_dict = rec.to_dict()
    rec.metadata["retention"] = retention_for(as_dict, store.schedule()).to_dict()
    rec.archival = archival_fields({**as_dict, "metadata": rec.metadata})


def _fonds_of(meta: dict, store: ArchiveStore) -> dict | None:
    """``{"code", "name"}`` of the fonds ``metadata.fonds`` names (a code or a name), normalised to its code."""
    from .fonds import FondsError, find_fonds

    wanted = meta.get("fonds")
    if not wanted:
        return None
    try:
        f = find_fonds(store.fonds(), wanted)
    except FondsError as e:
        raise RecordInvalid("document", [f"metadata.fonds: {e}"]) from None
    if f.code != wanted:
        meta["fonds"] = f.code
        if isinstance((meta.get("fields") or {}).get("fonds"), dict):
            meta["fields"]["fonds"]["value"] = f.code
    return {"code": f.code, "name": f.name}


def file_in_fonds(meta: dict, first_page: str, store: ArchiveStore, given: str | None) -> None:
    """Choose the document's fonds (archivist/fondsassign.py) into its metadata, with its confidence, its
    reasons and a review flag when unsure; a fonds a person confirmed is kept as it is."""
    from .fondsassign import choose_fonds

    fields = meta.setdefault("fields", {})
    if (fields.get("fonds") or {}).get("confirmed") or not store.fonds():
        return
    choice = choose_fonds(meta, first_page, store.fonds(), given)
    meta["fonds"] = choice.code
    fields["fonds"] = {"value": choice.code, "confidence": choice.confidence, "page": 1, "bbox": None,
                       "source_text": "; ".join(choice.reasons)}
    review = [n for n in meta.get("needs_review") or [] if n != "fonds"]
    meta["needs_review"] = review + (["fonds"] if choice.review else [])


def refile(store: ArchiveStore, rec: dict, given: str | None) -> bool:
    """Choose the fonds of a committed document again (``--fonds`` changed, or an archive set up with
    ``init`` after its documents were made) and commit the record if it changed: no OCR, no new PDF.
    Returns whether it changed; a fonds a person confirmed is never changed."""
    meta = copy.deepcopy(rec.get("metadata") or {})
    pages = rec.get("pages") or []
    file_in_fonds(meta, pages[0].get("text", "") if pages else "", store, given)
    if meta == rec.get("metadata"):
        return False
    commit(store, DocumentRecord.from_dict({**rec, "metadata": meta}))
    return True


def validate_change(store: ArchiveStore, rec: DocumentRecord) -> None:
    """Derive and validate ``rec`` without writing anything: raises RecordInvalid naming the field."""
    derive(rec, store)
    validate_record(rec.to_dict())


def commit(store: ArchiveStore, rec: DocumentRecord, write_pdf: PdfWriter | None = None) -> DocumentRecord:
    """Commit one document (see the module docstring); nothing is written if the record is invalid.

    ``write_pdf`` writes the new PDF/A to a temp path; None keeps the PDF the record names. An
    environment failure (full disk, read-only folder) is raised as its archivist error, so the batch
    stops with one line; any other error fails this document alone.
    """
    store.require_writer()
    derive(rec, store)
    pdf = store.root / rec.output.pdf
    try:
        if write_pdf is None:
            validate_record(rec.to_dict())
        else:
            with atomic_path(pdf) as tmp:  # the PDF takes its name only once its record is known to be valid
                write_pdf(tmp)
                rec.output.sha256, rec.output.bytes = sha256_file(tmp), tmp.stat().st_size
                validate_record(rec.to_dict())
            store.written.append(pdf)
        path = store.write_record(rec.to_dict())
        store.index().index_file(path)
    except Exception as e:
        if (env := from_os_error(e, store.root)) is not None:
            raise env from None
        raise
    return rec


def pdf_info(metadata: dict, fallback: str) -> dict:
    """The title, subject, keywords and author a PDF/A's Info and XMP carry, from the record's metadata."""
    title = metadata.get("subject") or metadata.get("type") or fallback
    keywords = [k for k in (metadata.get("type"), metadata.get("number_symbol"), metadata.get("issuer")) if k]
    return {"title": title, "subject": metadata.get("subject"), "keywords": keywords or None,
            "author": metadata.get("issuer")}


def commit_part(store: ArchiveStore, doc: DocumentInput, part: Part, settings: Settings) -> DocumentRecord:
    """Commit one document the pipeline made from ``doc`` (the whole input, or one part of a split one).

    What a person confirmed in an earlier version of the record is kept (archivist/review.py), and so
    are its history and its supersession links (archivist/supersede.py): a re-run re-reads the scan, it
    does not undo a review.
    """
    from .corrections import carry_confirmed
    from .pdfa import write_pdfa
    from .tessdata import engine_version

    created = datetime.now(UTC).replace(microsecond=0)
    old = store.load_record(part.id)
    part.metadata = carry_confirmed(old, part.metadata)
    file_in_fonds(part.metadata, part.pages[0].text if part.pages else "", store, settings.fonds)
    info = pdf_info(part.metadata, Path(doc.label).stem)
    rec = build_record(doc, part, pdf_rel=str(store.pdf_path(part.id).relative_to(store.root)), pdfa=settings.pdfa,
                       settings=settings.fingerprint(), engine_version=engine_version(settings.ocr_engine),
                       source_bytes=sum(p.stat().st_size for p in doc.sources),
                       created=created.isoformat().replace("+00:00", "Z"))
    if old:  # a person's decisions outlive a re-run: the corrections' history, and which version replaces which
        rec.history = list(old.get("history") or [])
        rec.superseded_by, rec.supersedes = old.get("superseded_by"), list(old.get("supersedes") or [])

    def write(tmp: Path) -> None:
        write_pdfa(part.pages, tmp, level=settings.pdfa, created=created, language="vi", producer=PRODUCER, **info)

    commit(store, rec, write)
    _keep_previews(store, rec, part)
    return rec


def _keep_previews(store: ArchiveStore, rec: DocumentRecord, part: Part) -> None:
    """The workers' page images go where ``report.html`` looks for them; a failure here only means the
    report renders them from the PDF later, so it never fails the document."""
    from .reportimages import PageImages, images_folder

    try:
        PageImages(images_folder(store.root / "report.html")).store(rec.to_dict(), [p.preview for p in part.pages])
    except (OSError, ValueError):
        pass


def summary(store: ArchiveStore, rec: dict) -> dict:
    """What the batch report lists for a document."""
    meta = rec.get("metadata") or {}
    return {"id": rec["id"], "label": rec["label"], "pdf": str(store.root / rec["output"]["pdf"]),
            "pages": rec["page_count"], "type": meta.get("type"),
            "number": meta.get("number_symbol") or meta.get("number"), "date": meta.get("date"),
            "fonds": (rec.get("fonds") or {}).get("code"), "fonds_review": "fonds" in review_fields(rec),
            "to_review": to_review(rec)}


# --- what is already committed (resuming a batch) ------------------------------------------------------


def _settings_of(rec: dict) -> dict | None:
    """The record's settings; one written before ``layout`` was a setting read pages with Tesseract's own."""
    settings = rec.get("settings")
    return {"layout": "tesseract", **settings} if isinstance(settings, dict) else settings


def _state(store: ArchiveStore, rec: dict | None, doc: DocumentInput, settings: Settings) -> str:
    """``done``, ``redo`` (another source or settings: re-processed as asked), or ``damaged`` (same source
    and settings, but the PDF is missing or no longer hashes as its record says)."""
    if not rec or rec.get("source", {}).get("sha256") != doc.sha256 or _settings_of(rec) != settings.fingerprint():
        return "redo"
    pdf = store.root / rec["output"]["pdf"]
    if not pdf.is_file() or sha256_file(pdf) != rec["output"]["sha256"]:
        return "damaged"
    return "done"


def finished(store: ArchiveStore, doc: DocumentInput, settings: Settings) -> tuple[list[dict] | None, list[str]]:
    """(records, damaged): the records of the documents made from ``doc`` when every one is committed
    with the same source and settings, else None; and the PDFs found damaged, which the batch
    reports before it makes them again (a silently regenerated file would hide what happened to it).

    An input is one document (record ``<id>.json``) or was split into parts (``<id>-NN.json``, each
    knowing how many parts there are); it is finished only when every part is.
    """
    rec = store.load_record(doc.id)
    recs = [rec] if rec is not None else [store.load_record(p.stem)
                                           for p in sorted(store.docs_dir.glob(f"{doc.id}-[0-9][0-9].json"))]
    recs = [r for r in recs if r is not None]
    states = [_state(store, r, doc, settings) for r in recs]
    damaged = [r["output"]["pdf"] for r, s in zip(recs, states, strict=True) if s == "damaged"]
    complete = bool(recs) and (rec is not None or {r["dossier"]["parts"] for r in recs} == {len(recs)})
    if complete and all(s == "done" for s in states):
        return recs, damaged
    return None, damaged
