"""Human review of doubtful metadata: export a spreadsheet of what needs a look, import the corrections.

The extractor marks a value it is unsure of rather than filing it silently (see :mod:`archivist.extract`);
this module closes that loop. An archivist opens ``review.csv`` in Excel or LibreOffice (UTF-8 with a
BOM, so Vietnamese shows correctly), looks at the thumbnail and the OCR snippet, types the right value
in ``corrected_value``, and ``archivist review import`` writes it back everywhere it lives: the record,
the PDF/A's Info and XMP metadata, and the search index.

A corrected value is *confirmed* (confidence 1.0, ``"confirmed": true``) and the record keeps a history
of who changed what and when, because the metadata is legal evidence. :func:`carry_confirmed` keeps a
confirmed value when the pipeline re-processes a document, so a person's work is never undone by a run.
"""

from __future__ import annotations

import copy
import csv
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from .corrections import ReviewError, apply_correction
from .fsutil import atomic_path
from .record import utc_now
from .sheet import as_cell
from .toreview import LIST_SEP, THRESHOLD, review_items

#: ``register_row``: a register row's place on its page (with ``page``, it names the row: archivist/rowreview.py).
#: ``reason`` stands beside ``confidence`` because the two say together why the line is there, before the reviewer
#: looks at where (``page``, ``thumbnail``) and at what was read (``ocr_snippet``); ``value`` keeps its place of
#: earlier sheets. ``review import`` never reads ``reason`` (archivist/reviewreason.py).
COLUMNS = ["document_id", "field", "value", "confidence", "reason", "page", "register_row", "thumbnail", "ocr_snippet",
           "corrected_value", "reviewer"]
#: the keys of one item of ``review export --json``
JSON_KEYS = ("document_id", "field", "value", "confidence", "reason", "page", "register_row")
THUMB_DPI = 40
SNIPPET = 120
#: Fields whose change alters what the PDF's Info/XMP say (title, subject, keywords, author).
PDF_FIELDS = {"subject", "type", "number_symbol", "number", "issuer"}
# --- export ------------------------------------------------------------------------------------------

def _as_text(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, list):
        return LIST_SEP.join(str(x) for x in v)
    return str(v)


def render_thumbnail(pdf: Path, page: int, out: Path, dpi: int = THUMB_DPI) -> Path:
    """A small PNG of one PDF page, so the reviewer sees the scan next to the value without opening it."""
    from .pdfsource import render_pdf_page

    out.parent.mkdir(parents=True, exist_ok=True)
    image = render_pdf_page(pdf, max(page, 1) - 1, dpi)
    with atomic_path(out) as tmp:
        image.save(tmp, format="PNG", optimize=True)
    return out


def export_review(archive: Path, out: Path, threshold: float = THRESHOLD) -> list[dict]:
    """Write the review spreadsheet of every record in ``archive`` to ``out``; returns its lines, typed (a
    confidence as a number, a ``register_row`` as a number or None) for ``review export --json``.

    A document a later version replaces (``archivist supersede``) is left out: a reviewer checks the version
    the archive serves, and the old one's record stays as it was read, with its flags.

    Page thumbnails go in ``ARCHIVE/review/thumbs/`` (under the writer lock); when the archive cannot be
    written now (a read-only copy, a batch running) they go in ``<sheet>-thumbs/`` beside the sheet, and
    the ``thumbnail`` column is relative to the sheet's folder instead.
    """
    from .errors import ArchiveBusy, ArchiveReadOnly
    from .store import ArchiveStore

    try:
        with ArchiveStore.writer(archive, command="archivist review export"):
            return _export(Path(archive), out, threshold, Path(archive), Path(archive) / "review" / "thumbs")
    except (ArchiveBusy, ArchiveReadOnly):
        return _export(Path(archive), out, threshold, out.parent, out.parent / f"{out.stem}-thumbs")


def _export(archive: Path, out: Path, threshold: float, base: Path, thumbs: Path) -> list[dict]:
    lines: list[dict] = []
    for p in sorted((archive / "documents").glob("*.json")):
        try:
            rec = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if rec.get("superseded_by"):  # a later version replaces it: that version is the one to check
            continue
        pages = rec.get("pages") or []
        for item in review_items(rec, threshold):
            n = int(item["page"] or 1)
            thumb = thumbs / f"{rec['id']}-p{n}.png"
            pdf = archive / rec["output"]["pdf"]
            if not thumb.exists() and pdf.exists():
                render_thumbnail(pdf, n, thumb)
            text = pages[n - 1].get("text", "") if 0 < n <= len(pages) else ""
            conf = item["confidence"]
            lines.append({"document_id": rec["id"], "field": item["field"], "value": _as_text(item["value"]),
                          "confidence": None if conf is None else round(float(conf), 3), "reason": item["reason"],
                          "page": n, "register_row": item.get("row"),
                          "thumbnail": thumb.relative_to(base).as_posix() if thumb.exists() else "",
                          "ocr_snippet": item["source_text"] or " ".join(text.split())[:SNIPPET]})
    out.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(out) as tmp, tmp.open("w", encoding="utf-8-sig", newline="") as f:  # a sheet half written
        # over the last one would lose a reviewer's typing in it
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows(line | {k: as_cell(line[k]) for k in ("value", "reason", "ocr_snippet")}
                    | {"confidence": "" if line["confidence"] is None else f"{line['confidence']:.3f}",
                            "register_row": line["register_row"] or "", "corrected_value": "", "reviewer": ""}
                    for line in lines)
    return lines


def set_aside(out: Path, others: bool = True) -> tuple[Path, str] | None:
    """Move a sheet already at ``out`` aside when writing over it could lose a person's work: one with a
    corrected value or a reviewer typed in (perhaps not imported yet), or, with ``others``, a file that is no
    review sheet at all (``review export --out retention.csv`` mistyped). A sheet as export wrote it, untouched,
    is simply written over. Returns where the old file went, ``<stem>-kept-<UTC time><suffix>`` beside it, and
    what it held."""
    from .sheet import SheetError, read_sheet

    if not out.exists():
        return None
    try:
        rows = read_sheet(out, {"document_id", "field", "corrected_value"}, what="review sheet")
    except SheetError:
        if not others:
            return None
        held = "is not a review sheet"
    else:
        typed = sum(bool((row.get("corrected_value") or "").strip() or (row.get("reviewer") or "").strip())
                    for row in rows)
        if not typed:
            return None
        held = f"holds {typed} typed {'row' if typed == 1 else 'rows'}"
    kept = out.with_name(f"{out.stem}-kept-{datetime.now(UTC):%Y%m%dT%H%M%SZ}{out.suffix}")
    out.replace(kept)
    return kept, held


def aside_note(out: Path, archive: Path, others: bool = True) -> str | None:
    """:func:`set_aside`, and the note that says where the file went (with how to import it, for a sheet)."""
    if not (aside := set_aside(out, others)):
        return None
    kept, held = aside
    hint = f" (if its corrections are not imported yet: archivist review import {kept} --archive {archive})"
    return f"note: {out} {held}, so it was not written over: kept as {kept}" + (hint if held.startswith("holds")
                                                                                 else "")


# --- import ------------------------------------------------------------------------------------------

@dataclass
class ImportResult:
    applied: int = 0
    documents: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def rewrite_pdf_metadata(src: Path, out: Path, rec: dict) -> None:
    """Write ``src`` to ``out`` with the Info dictionary and XMP packet that ``rec``'s metadata gives.

    The packet is rebuilt by :func:`archivist.pdfa.xmp_packet` (one rdf:Description, as PDFBox's strict
    parser needs) rather than edited in place, so the two copies cannot drift apart; the creation date,
    PDF/A part, language and producer are kept, the modification date is now. Saved without object
    streams, in the same PDF version.
    """
    import re

    import pikepdf

    from .commit import pdf_info
    from .pdfa import _meta, _pdf_date, _xmp_date, xmp_packet
    from .pdfwrite import save_pdf

    info = pdf_info(rec.get("metadata") or {}, Path(rec.get("label") or rec["id"]).stem)
    info["keywords"] = ", ".join(info["keywords"] or []) or None
    m = {k: (_meta(v) if v else None) for k, v in info.items()}
    now = datetime.now(UTC).replace(microsecond=0)
    with pikepdf.open(src) as pdf:
        raw = bytes(pdf.Root.Metadata.read_bytes()).decode("utf-8") if "/Metadata" in pdf.Root else ""
        part = (re.search(r"<pdfaid:part>(\d)</pdfaid:part>", raw) or [None, "2"])[1]
        found = re.search(r"<xmp:CreateDate>([^<]+)</xmp:CreateDate>", raw)
        created = datetime.fromisoformat(found[1]) if found else now
        language = str(pdf.Root.get("/Lang", "vi"))
        old_info = pdf.trailer.get("/Info")
        producer = str(old_info.get("/Producer", "archivist")) if old_info is not None else "archivist"
        packet = xmp_packet(part, title=m["title"], created=created, language=language, producer=producer,
                            keywords=m["keywords"], subject=m["subject"], author=m["author"]).decode("utf-8")
        stamp = _xmp_date(now)
        for tag in ("ModifyDate", "MetadataDate"):
            packet = re.sub(rf"<xmp:{tag}>[^<]*</xmp:{tag}>", f"<xmp:{tag}>{stamp}</xmp:{tag}>", packet)
        xmp = pikepdf.Stream(pdf, packet.encode("utf-8"))
        xmp.Type, xmp.Subtype = pikepdf.Name.Metadata, pikepdf.Name.XML
        pdf.Root.Metadata = pdf.make_indirect(xmp)
        new_info = pikepdf.Dictionary(Title=pikepdf.String(m["title"]), Producer=pikepdf.String(producer),
                                      CreationDate=pikepdf.String(_pdf_date(created)),
                                      ModDate=pikepdf.String(_pdf_date(now)))
        for key, name in (("keywords", "Keywords"), ("subject", "Subject"), ("author", "Author")):
            if m[key]:
                new_info[f"/{name}"] = pikepdf.String(m[key])
        pdf.trailer.Info = pdf.make_indirect(new_info)
        save_pdf(pdf, out, pdf.pdf_version)


#: A '?' inside or at the start of a word: letters a program could not write in the encoding it saved in.
LOST_LETTERS = re.compile(r"\w\?+\w|(?<!\S)\?+\w")


def read_rows(path: Path) -> list[dict]:
    """The rows of a review sheet as a spreadsheet program saved it (archivist.sheet reads the encodings
    and separators Excel and LibreOffice write). A sheet whose corrected values lost letters on the way
    (``Quy?t ??nh``: saved as plain CSV on a PC whose code page has no Vietnamese) is refused whole."""
    from .sheet import SAVE_AS, SheetError, read_sheet

    rows = read_sheet(path, {"document_id", "field", "corrected_value"}, what="review sheet")
    for n, row in enumerate(rows, start=2):
        for col in ("corrected_value", "reviewer"):
            if LOST_LETTERS.search(row.get(col) or ""):
                raise SheetError(f"{path} row {n}: {col} {row[col]!r} has '?' where letters were lost when the "
                                 f"sheet was saved; {SAVE_AS}")
    return rows


def import_review(archive: Path, csv_path: Path, reviewer: str | None = None) -> ImportResult:
    """Apply every corrected value of ``csv_path``; rows that cannot be applied are reported, not fatal.

    Each document's corrections go through the one commit path (archivist/commit.py) under the writer
    lock: retention and archival fields are derived again from the corrected metadata, the record is
    validated (a row the schema refuses — ``page_count = -5`` — is reported and left out), then the PDF's
    Info and XMP (when a field they show changed), the record and the index row are written.
    """
    from .commit import commit, validate_change
    from .manifest import settle
    from .models import DocumentRecord
    from .schemas import RecordInvalid
    from .store import ArchiveStore

    result = ImportResult()
    by_doc: dict[str, list[tuple[int, dict]]] = {}
    for n, row in enumerate(read_rows(csv_path), start=2):  # row 1 is the header
        if (row.get("corrected_value") or "").strip():
            by_doc.setdefault((row.get("document_id") or "").strip(), []).append((n, row))
    at = utc_now()
    with ArchiveStore.writer(archive, command="archivist review import") as store:
        for doc_id, rows in by_doc.items():
            rec = store.load_record(doc_id) if doc_id else None
            if rec is None:
                result.errors.extend(f"row {n}: unknown document id {doc_id!r}" for n, _ in rows)
                continue
            changed: set[str] = set()
            for n, row in rows:
                name = (row.get("field") or "").strip()
                who = (row.get("reviewer") or "").strip() or reviewer
                trial = copy.deepcopy(rec)
                try:
                    if not _apply(trial, name, row, who, at):
                        continue
                    validate_change(store, DocumentRecord.from_dict(trial))
                except ReviewError as e:
                    result.errors.append(f"row {n}: {e}")
                    continue
                except RecordInvalid as e:
                    result.errors.append(f"row {n}: {name} not changed, the record would be invalid: "
                                         + "; ".join(e.errors[:2]))
                    continue
                rec = trial
                changed.add(name)
                result.applied += 1
            if not changed:
                continue
            src = store.root / rec["output"]["pdf"]
            write = ((lambda tmp, r=rec, s=src: rewrite_pdf_metadata(s, tmp, r))
                     if changed & PDF_FIELDS and src.exists() else None)
            commit(store, DocumentRecord.from_dict(rec), write)
            result.documents.append(doc_id)
        if result.documents:  # a corrected fonds moves its dossier now (a new code; the old one kept, never reused)
            result.warnings = settle(store)
    return result


def _apply(rec: dict, name: str, row: dict, reviewer: str | None, at: str) -> bool:
    """One sheet row into ``rec``: a register row by its page and place (archivist/rowreview.py), else a field."""
    if name != "entries":
        return apply_correction(rec, name, row["corrected_value"], reviewer, at)
    from .rowreview import apply_row, sheet_place

    page, place = sheet_place(row.get("page") or "", row.get("register_row") or "")
    return apply_row(rec, page, place, row["corrected_value"], reviewer, at)
