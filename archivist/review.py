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
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from .fsutil import atomic_path, atomic_write_json, sha256_file
from .record import utc_now

THRESHOLD = 0.7
COLUMNS = ["document_id", "field", "value", "confidence", "page", "thumbnail", "ocr_snippet", "corrected_value",
           "reviewer"]
THUMB_DPI = 40
SNIPPET = 120
LIST_SEP = "; "
#: Fields whose change alters what the PDF's Info/XMP say (title, subject, keywords, author).
PDF_FIELDS = {"subject", "type", "number_symbol", "number", "issuer"}
#: Fields a reviewer may set although the extractor did not produce them.
KNOWN_FIELDS = {"type", "number", "symbol", "number_symbol", "date", "place", "issuer", "parent_issuer", "subject",
                "signer", "signer_position", "authority", "recipients", "page_count", "language", "person",
                "event_date", "book", "entry"}


class ReviewError(Exception):
    """A row that cannot be applied; the message names the row."""


# --- export ------------------------------------------------------------------------------------------

def _as_text(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, list):
        return LIST_SEP.join(str(x) for x in v)
    return str(v)


def review_items(rec: dict, threshold: float = THRESHOLD) -> list[dict]:
    """The (field, value, confidence, page, source_text) a person should check in one record.

    A field is listed when it was found with a confidence below ``threshold`` or the extractor named
    it in ``needs_review`` (expected for the type but missing); ``type`` when the classification is
    doubtful. Confirmed fields are never listed again.
    """
    meta = rec.get("metadata") or {}
    fields = meta.get("fields") or {}
    needs = list(meta.get("needs_review") or [])
    items: list[dict] = []
    t = fields.get("type") or {}
    if "type" in needs and not t.get("confirmed"):
        items.append({"field": "type", "value": meta.get("type"), "confidence": meta.get("confidence"), "page": 1,
                      "source_text": ""})
    for name, f in fields.items():
        if name == "type" or f.get("confirmed"):
            continue
        low = f.get("value") not in (None, "", []) and float(f.get("confidence") or 0.0) < threshold
        if low or name in needs:
            items.append({"field": name, "value": meta.get(name, f.get("value")), "confidence": f.get("confidence"),
                          "page": f.get("page") or 1, "source_text": f.get("source_text") or ""})
    listed = {i["field"] for i in items}
    for name in needs:  # named but absent from ``fields`` (e.g. a civil field never found)
        if name not in listed and name != "type" and not (fields.get(name) or {}).get("confirmed"):
            items.append({"field": name, "value": meta.get(name), "confidence": 0.0, "page": 1, "source_text": ""})
    return items


def render_thumbnail(pdf: Path, page: int, out: Path, dpi: int = THUMB_DPI) -> Path:
    """A small PNG of one PDF page, so the reviewer sees the scan next to the value without opening it."""
    from .pdfsource import render_pdf_page

    out.parent.mkdir(parents=True, exist_ok=True)
    image = render_pdf_page(pdf, max(page, 1) - 1, dpi)
    with atomic_path(out) as tmp:
        image.save(tmp, format="PNG", optimize=True)
    return out


def export_review(archive: Path, out: Path, threshold: float = THRESHOLD) -> int:
    """Write the review spreadsheet of every record in ``archive`` to ``out``; returns the row count."""
    archive = Path(archive)
    rows: list[dict] = []
    thumbs = archive / "review" / "thumbs"
    for p in sorted((archive / "documents").glob("*.json")):
        try:
            rec = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        pages = rec.get("pages") or []
        for item in review_items(rec, threshold):
            n = int(item["page"] or 1)
            thumb = thumbs / f"{rec['id']}-p{n}.png"
            pdf = archive / rec["output"]["pdf"]
            if not thumb.exists() and pdf.exists():
                render_thumbnail(pdf, n, thumb)
            text = pages[n - 1].get("text", "") if 0 < n <= len(pages) else ""
            snippet = item["source_text"] or " ".join(text.split())[:SNIPPET]
            conf = item["confidence"]
            rows.append({"document_id": rec["id"], "field": item["field"], "value": _as_text(item["value"]),
                         "confidence": "" if conf is None else f"{float(conf):.3f}", "page": n,
                         "thumbnail": str(thumb.relative_to(archive)) if thumb.exists() else "",
                         "ocr_snippet": snippet, "corrected_value": "", "reviewer": ""})
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows(rows)
    return len(rows)


# --- import ------------------------------------------------------------------------------------------

@dataclass
class ImportResult:
    applied: int = 0
    documents: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _typed(name: str, text: str, old: object) -> object:
    """The corrected text as the record stores that field (lists, integers, ISO dates)."""
    if name == "recipients" or isinstance(old, list):
        return [x.strip() for x in text.split(";") if x.strip()]
    if name == "page_count":
        try:
            return int(text)
        except ValueError:
            raise ReviewError(f"page_count must be a whole number, not {text!r}") from None
    if name in ("date", "event_date"):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            raise ReviewError(f"{name} must be a date as YYYY-MM-DD, not {text!r}") from None
    return text


def _confirm(meta: dict, name: str, value: object) -> None:
    meta[name] = value
    fields = meta.setdefault("fields", {})
    entry = dict(fields.get(name) or {"page": None, "bbox": None, "source_text": ""})
    entry.update(value=value, confidence=1.0, confirmed=True)
    fields[name] = entry
    meta["needs_review"] = [n for n in meta.get("needs_review") or [] if n != name]


def apply_correction(rec: dict, name: str, text: str, reviewer: str | None, at: str) -> bool:
    """Set one confirmed value in ``rec`` and log it in its history; False when it was already so."""
    meta = rec.setdefault("metadata", {})
    if name not in KNOWN_FIELDS and name not in (meta.get("fields") or {}):
        raise ReviewError(f"document {rec['id']} has no field {name!r}")
    old = meta.get(name)
    new = _typed(name, unicodedata.normalize("NFC", text.strip()), old)
    already = (meta.get("fields") or {}).get(name, {}).get("confirmed")
    if new == old and already:
        return False
    _confirm(meta, name, new)
    if name == "type":
        from .doctypes import load_table

        t = load_table().by_name.get(new)
        if t is not None:
            meta["type_code"], meta["kind"] = t.code, t.kind
    if name == "number_symbol":
        from .numsym import parse_number_symbol

        ns = parse_number_symbol(new)
        if ns is not None:
            _confirm(meta, "number", ns.number)
            _confirm(meta, "symbol", ns.symbol)
    rec.setdefault("history", []).append({"field": name, "old": old, "new": new, "reviewer": reviewer, "at": at})
    return True


def pdf_metadata(rec: dict) -> dict:
    """Title, subject, keywords and author as :meth:`Archive.commit` derives them from the metadata."""
    meta = rec.get("metadata") or {}
    title = meta.get("subject") or meta.get("type") or Path(rec.get("label") or rec["id"]).stem
    keywords = [k for k in (meta.get("type"), meta.get("number_symbol"), meta.get("issuer")) if k]
    return {"title": title, "subject": meta.get("subject"), "keywords": ", ".join(keywords) or None,
            "author": meta.get("issuer")}


def rewrite_pdf_metadata(pdf_path: Path, rec: dict) -> None:
    """Replace the Info dictionary and XMP packet of a PDF/A written by :func:`archivist.pdfa.write_pdfa`.

    The packet is rebuilt by :func:`archivist.pdfa.xmp_packet` (one rdf:Description, as PDFBox's strict
    parser needs) rather than edited in place, so the two copies cannot drift apart; the creation date,
    PDF/A part, language and producer are kept, the modification date is now. Saved without object
    streams, in the same PDF version, atomically.
    """
    import re

    import pikepdf

    from .pdfa import _meta, _pdf_date, _xmp_date, save_pdf, xmp_packet

    m = {k: (_meta(v) if v else None) for k, v in pdf_metadata(rec).items()}
    now = datetime.now(UTC).replace(microsecond=0)
    with pikepdf.open(pdf_path) as pdf:
        raw = bytes(pdf.Root.Metadata.read_bytes()).decode("utf-8") if "/Metadata" in pdf.Root else ""
        part = (re.search(r"<pdfaid:part>(\d)</pdfaid:part>", raw) or [None, "2"])[1]
        found = re.search(r"<xmp:CreateDate>([^<]+)</xmp:CreateDate>", raw)
        created = datetime.fromisoformat(found[1]) if found else now
        language = str(pdf.Root.get("/Lang", "vi"))
        info = pdf.trailer.get("/Info")
        producer = str(info.get("/Producer", "archivist")) if info is not None else "archivist"
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
        save_pdf(pdf, pdf_path, pdf.pdf_version)


def read_rows(path: Path) -> list[dict]:
    """The rows of a review spreadsheet; a BOM is optional (LibreOffice may drop it on save)."""
    with Path(path).open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        missing = {"document_id", "field", "corrected_value"} - set(reader.fieldnames or [])
        if missing:
            raise ValueError(f"{path} is not a review sheet (no column {', '.join(sorted(missing))})")
        return list(reader)


def import_review(archive: Path, csv_path: Path, reviewer: str | None = None) -> ImportResult:
    """Apply every corrected value of ``csv_path``; rows that cannot be applied are reported, not fatal.

    Per document: PDF metadata (when a field it shows changed), then the record, then the index row, the
    same order as :meth:`Archive.commit`, so a crash leaves at worst a PDF newer than its record, which
    the record's SHA-256 shows and a re-import fixes.
    """
    from .index import open_index

    archive = Path(archive)
    result = ImportResult()
    by_doc: dict[str, list[tuple[int, dict]]] = {}
    for n, row in enumerate(read_rows(csv_path), start=2):  # row 1 is the header
        if (row.get("corrected_value") or "").strip():
            by_doc.setdefault((row.get("document_id") or "").strip(), []).append((n, row))
    at = utc_now()
    for doc_id, rows in by_doc.items():
        rec_path = archive / "documents" / f"{doc_id}.json"
        try:
            rec = json.loads(rec_path.read_text(encoding="utf-8")) if doc_id else None
        except (OSError, ValueError):
            rec = None
        if rec is None:
            result.errors.extend(f"row {n}: unknown document id {doc_id!r}" for n, _ in rows)
            continue
        changed: set[str] = set()
        for n, row in rows:
            name = (row.get("field") or "").strip()
            who = (row.get("reviewer") or "").strip() or reviewer
            try:
                if apply_correction(rec, name, row["corrected_value"], who, at):
                    changed.add(name)
                    result.applied += 1
            except ReviewError as e:
                result.errors.append(f"row {n}: {e}")
        if not changed:
            continue
        pdf = archive / rec["output"]["pdf"]
        if changed & PDF_FIELDS and pdf.exists():
            rewrite_pdf_metadata(pdf, rec)
            rec["output"]["sha256"], rec["output"]["bytes"] = sha256_file(pdf), pdf.stat().st_size
        atomic_write_json(rec_path, rec)
        with open_index(archive) as idx:
            idx.index_file(rec_path)
        from .verify import seal

        seal(archive, changed=[rec_path, pdf])  # a reviewed file is a new version, not an alteration
        result.documents.append(doc_id)
    return result


# --- re-runs -----------------------------------------------------------------------------------------

def carry_confirmed(old_record: dict | None, new_metadata: dict) -> dict:
    """``new_metadata`` with every value a person confirmed in ``old_record`` put back.

    Call it in :meth:`Archive.commit` on ``part.metadata`` *before* the PDF is written (its title and
    keywords come from the metadata), with ``self.load_record(part.id)`` as ``old_record``; carry the
    record's ``history`` over too (:func:`carry_history`). A re-run with new settings re-reads the scan,
    but a confirmed value is what the record says, whatever the OCR reads this time.
    """
    meta = copy.deepcopy(new_metadata)
    if not old_record:
        return meta
    old = old_record.get("metadata") or {}
    for name, entry in (old.get("fields") or {}).items():
        if not (isinstance(entry, dict) and entry.get("confirmed")):
            continue
        _confirm(meta, name, copy.deepcopy(old.get(name, entry.get("value"))))
        if name == "type":
            for k in ("type_code", "kind"):
                if k in old:
                    meta[k] = old[k]
    return meta


def carry_history(old_record: dict | None, new_record: dict) -> dict:
    """``new_record`` with the review history of ``old_record`` (who confirmed what stays on file)."""
    if old_record and old_record.get("history"):
        new_record["history"] = copy.deepcopy(old_record["history"])
    return new_record
