"""Dossiers, the retention manifest and the dossier catalogue (mục lục hồ sơ) of an archive.

A dossier (hồ sơ) is one input: a folder of pages, or a file split into several documents (the
parts share ``record.dossier.id``); a single-document file is a dossier of one. Its code is
``<organisation identifier>.<year>.<number>`` (the year it closed when numbered, its number in that
year's list). Numbers are given once and kept in ``ARCHIVE/dossiers/<code>.json``, so a later batch
never renumbers the catalogue. Without ``organisation.identifier`` in ``ARCHIVE/archive.json``
codes are provisional (``UNSET.…``) and no dossier record is written.

Retention is recomputed from the current schedule every time (the archive may have overridden it
since a document was processed); a dossier keeps the longest of its documents' periods.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import __version__
from .archival import archival_fields
from .archiveinfo import load_organisation
from .errors import ArchiveBusy, ArchiveReadOnly
from .fsutil import atomic_write_bytes, atomic_write_json
from .record import utc_now
from .retention import Retention, Schedule, end_year, longest, needs_review, retention_for, status
from .schemas import errors, known_type, validate
from .store import ArchiveStore

DOSSIER_DIR = "dossiers"
CATALOGUE_DIR = "catalogue"
CATALOGUE_NAME = "muc-luc-ho-so"
PROVISIONAL = "UNSET"
ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
GENERATOR = f"archivist {__version__}"
MANIFEST_COLUMNS = ("level", "identifier", "dossier_code", "document_id", "title", "type", "date", "start_date",
                    "end_date", "closing_year", "retention", "legal_basis", "verified", "end_year", "access_regime",
                    "status", "review")
CATALOGUE_COLUMNS = ("Số TT", "Mã hồ sơ", "Số hồ sơ", "Tiêu đề hồ sơ", "Thời gian bắt đầu", "Thời gian kết thúc",
                     "Số trang", "Thời hạn bảo quản", "Ghi chú")


def load_records(root: Path, check: bool = True) -> tuple[list[dict], list[str]]:
    """Every document record, and one line per record that cannot be read (or, with ``check``, fails its schema).

    A record that fails its schema is still listed (so the manifest misses no document) as long as
    it has what the manifest needs; the caller reports the problem. The full check costs ~10 ms a
    page, so the archive commands leave it to ``archivist verify`` and to the writer.
    """
    records, problems = [], []
    for p in sorted((root / "documents").glob("*.json")):
        rel = p.relative_to(root).as_posix()
        try:
            rec = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            problems.append(f"{rel}: not readable JSON ({e})")
            continue
        if check:
            problems.extend(f"{rel}: {line}" for line in errors(rec, "document"))
        if (isinstance(rec, dict) and isinstance(rec.get("id"), str) and isinstance(rec.get("output"), dict)
                and isinstance(rec.get("metadata"), dict)):
            records.append(rec)
        elif not check:
            problems.append(f"{rel}: not a document record (no id, output or metadata)")
    return records, problems


def source_key(rec: dict) -> str:
    """The input a document came from: parts of a split input share their dossier id."""
    return (rec.get("dossier") or {}).get("id") or rec["id"]


def document_title(rec: dict) -> str:
    """``Quyết định 45/QĐ-UBND: Về việc …``, falling back to the input's name."""
    meta = rec.get("metadata") or {}
    head = " ".join(x for x in (known_type(meta), meta.get("number_symbol")) if x)
    subject = meta.get("subject")
    if head and subject:
        return f"{head}: {subject}"
    return head or subject or Path(rec.get("label") or rec["id"]).name


def _year(rec: dict) -> int:
    return int(str(rec.get("created") or utc_now())[:4])


@dataclass
class Dossier:
    """A dossier record and the document records it lists (in order)."""

    record: dict
    documents: list[dict]
    retentions: list[Retention]

    @property
    def code(self) -> str:
        return self.record["code"]


def _span(docs: list[dict]) -> tuple[str | None, str | None, int]:
    """(start date, end date, closing year): the closing year is the latest document's, or of processing."""
    dates = sorted(d["metadata"]["date"] for d in docs if ISO_DATE.match(str(d["metadata"].get("date") or "")))
    if dates:
        return dates[0], dates[-1], int(dates[-1][:4])
    return None, None, max(_year(d) for d in docs)


def _dossier_record(org: dict | None, code: str, year: int, number: int, docs: list[dict],
                    rets: list[Retention]) -> dict:
    start, end, closing = _span(docs)
    ret = longest(rets)
    arch = [archival_fields(d, dossier_code=code, sequence=i, access=r.access)
            for i, (d, r) in enumerate(zip(docs, rets, strict=True), start=1)]
    review = any(needs_review(d, r) for d, r in zip(docs, rets, strict=True))
    notes = list(dict.fromkeys(a["notes"] for a in arch if a["notes"]))
    if review:
        notes.insert(0, "Cần xác định lại loại tài liệu và thời hạn bảo quản")
    title = document_title(docs[0]) if len(docs) == 1 else f"{document_title(docs[0])} ({len(docs)} văn bản)"
    return {
        "dossier_version": 1, "code": code,
        "organisation": org or {"name": "(chưa khai báo)", "identifier": PROVISIONAL},
        "year": year, "number": number, "source_id": source_key(docs[0]), "label": docs[0].get("label", ""),
        "title": title, "retention": ret.to_dict(), "retention_end_year": end_year(closing, ret.period),
        "access_regime": "restricted" if any(a["access_regime"] == "restricted" for a in arch) else "public",
        "language": arch[0]["language"], "start_date": start, "end_date": end, "closing_year": closing,
        "keywords": list(dict.fromkeys(k for a in arch for k in a["keywords"])),
        "document_count": len(docs), "sheet_count": None, "page_count": sum(a["page_count"] for a in arch),
        "physical_condition": None, "information_code": None, "reliability": "digitized", "paper_code": None,
        "backup_regime": None, "backup_status": None,
        "files": [{"sequence": i, "identifier": a["identifier"], "document_id": d["id"],
                   "record": f"documents/{d['id']}.json", "pdf": d["output"]["pdf"], "sha256": d["output"]["sha256"],
                   "pages": a["page_count"], "date": a["date"], "type": a["type"], "subject": a["subject"]}
                  for i, (d, a) in enumerate(zip(docs, arch, strict=True), start=1)],
        "notes": "; ".join(notes) or None, "needs_review": review, "updated": utc_now(),
    }


def existing_dossiers(root: Path) -> dict[str, dict]:
    """Dossier records already written, by the input they were made from."""
    out = {}
    for p in sorted((root / DOSSIER_DIR).glob("*.json")):
        try:
            d = json.loads(p.read_text(encoding="utf-8"))
            out[d["source_id"]] = d
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return out


def build_dossiers(root: Path, records: list[dict], schedule: Schedule, org: dict | None) -> list[Dossier]:
    """The archive's dossiers, numbered: kept numbers stay, new dossiers get the next free number of their year."""
    groups: dict[str, list[dict]] = {}
    for rec in records:
        groups.setdefault(source_key(rec), []).append(rec)
    for docs in groups.values():
        docs.sort(key=lambda r: ((r.get("dossier") or {}).get("sequence") or 0, r["id"]))
    prefix = (org or {}).get("identifier") or PROVISIONAL
    kept = existing_dossiers(root) if org else {}
    used: dict[int, set[int]] = {}
    for d in kept.values():
        used.setdefault(d["year"], set()).add(d["number"])
    rets = {k: [retention_for(r, schedule) for r in docs] for k, docs in groups.items()}
    spans = {k: _span(docs) for k, docs in groups.items()}
    new = sorted((k for k in groups if k not in kept),
                 key=lambda k: (spans[k][2], spans[k][0] or "", groups[k][0].get("label", ""), k))
    numbering = {k: (kept[k]["code"], kept[k]["year"], kept[k]["number"]) for k in groups if k in kept}
    out = []
    for k in new:
        year = spans[k][2]
        n = max(used.setdefault(year, set()), default=0) + 1
        used[year].add(n)
        numbering[k] = (f"{prefix}.{year}.{n}", year, n)
    for k, docs in groups.items():
        code, year, n = numbering[k]
        rec = _dossier_record(org, code, year, n, docs, rets[k])
        old = kept.get(k)
        if old and {**old, "updated": ""} == {**rec, "updated": ""}:
            rec["updated"] = old["updated"]
        out.append(Dossier(rec, docs, rets[k]))
    return sorted(out, key=lambda d: (d.record["year"], d.record["number"]))


def write_dossiers(root: Path, dossiers: list[Dossier]) -> list[Path]:
    """Validate and write each dossier record that changed; returns the paths written."""
    written = []
    for d in dossiers:
        validate(d.record, "dossier")
        path = root / DOSSIER_DIR / f"{d.code}.json"
        try:
            same = json.loads(path.read_text(encoding="utf-8")) == d.record
        except (OSError, ValueError):
            same = False
        if not same:
            atomic_write_json(path, d.record)
            written.append(path)
    return written


@dataclass
class ArchiveState:
    """What the archive holds after :func:`refresh`: records, numbered dossiers, and what to report."""

    root: Path
    organisation: dict | None
    records: list[dict]
    dossiers: list[Dossier]
    schedule: Schedule
    problems: list[str] = field(default_factory=list)  # records failing their schema: exit 1
    warnings: list[str] = field(default_factory=list)


def _numbered(store: ArchiveStore, schedule: Schedule, check: bool) -> ArchiveState:
    org = load_organisation(store.root)
    records, problems = load_records(store.root, check)
    dossiers = build_dossiers(store.root, records, schedule, org)
    warnings = []
    if not org:
        warnings.append("archive.json has no organisation.identifier: dossier codes are provisional (UNSET.…) and "
                        "no dossier record is written")
    elif store.lock is not None:
        store.written += write_dossiers(store.root, dossiers)
    return ArchiveState(store.root, org, records, dossiers, schedule, problems, warnings)


def refresh(root: Path, schedule: Schedule, check: bool = False) -> ArchiveState:
    """The archive's records and numbered dossiers; ``check`` validates every record against its schema too.

    New dossiers are numbered for good (their records written and sealed) when the archive can be written
    now, under the writer lock. On a read-only copy, or while a batch writes the archive, they are
    numbered for this listing only, and a warning says so: a reader never writes.
    """
    try:
        with ArchiveStore.writer(root, command="archivist manifest (numbering dossiers)") as store:
            return _numbered(store, schedule, check)
    except (ArchiveBusy, ArchiveReadOnly) as e:
        state = _numbered(ArchiveStore.reader(root), schedule, check)
        if any(d.record["code"] not in _kept_codes(root) for d in state.dossiers) and state.organisation:
            state.warnings.append(f"new dossiers are numbered for this listing only ({e})")
        return state


def _kept_codes(root: Path) -> set[str]:
    return {d["code"] for d in existing_dossiers(root).values()}


# --- retention manifest ------------------------------------------------------------------------

def _row(level: str, ident: str, d: Dossier, ret: Retention, review: bool, as_of: int, *, doc: dict | None = None,
         title: str, typ: str | None, access: str) -> dict:
    rec = d.record
    end = end_year(rec["closing_year"], ret.period)
    return {"level": level, "identifier": ident, "dossier_code": d.code, "document_id": doc["id"] if doc else None,
            "title": title, "type": typ, "date": (doc.get("metadata") or {}).get("date") if doc else None,
            "start_date": rec["start_date"], "end_date": rec["end_date"], "closing_year": rec["closing_year"],
            "retention": ret.to_dict(), "legal_basis": ret.basis, "end_year": end, "access_regime": access,
            "status": status(end, as_of), "review": review}


def retention_entries(state: ArchiveState, as_of: int, due_before: int | None = None) -> list[dict]:
    """One row per dossier, followed by one per document of it."""
    rows = []
    for d in state.dossiers:
        rec = d.record
        rows.append(_row("dossier", d.code, d, Retention.from_dict(rec["retention"]), rec["needs_review"], as_of,
                         title=rec["title"], typ=None, access=rec["access_regime"]))
        for f, doc, ret in zip(rec["files"], d.documents, d.retentions, strict=True):
            rows.append(_row("document", f["identifier"], d, ret, needs_review(doc, ret), as_of, doc=doc,
                             title=document_title(doc), typ=f["type"], access=ret.access))
    if due_before is not None:
        rows = [r for r in rows if r["end_year"] is not None and r["end_year"] < due_before]
    return rows


def retention_manifest(state: ArchiveState, as_of: int | None = None, due_before: int | None = None) -> dict:
    """The retention manifest (validated against its schema)."""
    as_of = as_of or date.today().year
    s = state.schedule
    out = {"manifest_version": 1, "generator": GENERATOR, "generated": utc_now(), "as_of_year": as_of,
           "due_before": due_before, "organisation": state.organisation,
           "schedule": {"sources": s.sources, "overridden": s.overridden, "added": s.added},
           "entries": retention_entries(state, as_of, due_before)}
    validate(out, "retention-manifest")
    return out


def csv_bytes(header: tuple[str, ...], rows: list[list]) -> bytes:
    """UTF-8 with a BOM and CRLF lines: what Excel and LibreOffice open with Vietnamese intact."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(["" if v is None else v for v in row] for row in rows)
    return buf.getvalue().encode("utf-8-sig")


def manifest_csv(manifest: dict) -> bytes:
    def cells(e: dict) -> list:
        r = e["retention"]
        flat = {**e, "retention": Retention.from_dict(r).label, "verified": "yes" if r["verified"] else "no",
                "review": "yes" if e["review"] else ""}
        return [flat[c] for c in MANIFEST_COLUMNS]

    return csv_bytes(MANIFEST_COLUMNS, [cells(e) for e in manifest["entries"]])


# --- catalogue (mục lục hồ sơ) -----------------------------------------------------------------

def _period_vi(period: str | int) -> str:
    return "Vĩnh viễn" if period == "permanent" else f"{period} năm"


def _date_vi(iso: str | None) -> str:
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}" if iso else ""


def catalogue_rows(state: ArchiveState, vietnamese_dates: bool = False) -> list[list]:
    fmt = _date_vi if vietnamese_dates else (lambda s: s or "")
    return [[i, d.code, d.record["number"], d.record["title"], fmt(d.record["start_date"]), fmt(d.record["end_date"]),
             d.record["page_count"], _period_vi(d.record["retention"]["period"]), d.record["notes"] or ""]
            for i, d in enumerate(state.dossiers, start=1)]


FONT_DIRS = (Path("/usr/share/fonts/truetype/liberation2"), Path("/usr/share/fonts/truetype/dejavu"))
FONTS = (("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"), ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"))


def _fonts() -> tuple[Path, Path]:
    """A TrueType pair with Vietnamese glyphs (NOT truetype/liberation/, Liberation 1 lacks them)."""
    for folder, (regular, bold) in zip(FONT_DIRS, FONTS, strict=True):
        if (folder / regular).is_file() and (folder / bold).is_file():
            return folder / regular, folder / bold
    raise FileNotFoundError("no font with Vietnamese glyphs: install fonts-liberation2 or fonts-dejavu-core")


def catalogue_pdf(state: ArchiveState) -> bytes:
    """The printable mục lục hồ sơ: A4 landscape, heading repeated on every page, page numbers."""
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    regular, bold = _fonts()

    class _Doc(FPDF):
        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("body", size=8)
            self.cell(0, 6, f"Trang {self.page_no()}/{{nb}}", align="C")

    pdf = _Doc(orientation="L", format="A4")
    pdf.set_title("Mục lục hồ sơ")
    pdf.set_creator(GENERATOR)
    pdf.add_font("body", "", str(regular))
    pdf.add_font("body", "B", str(bold))
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    org = state.organisation or {}
    pdf.set_font("body", "B", 10)
    pdf.cell(0, 6, (org.get("name") or "").upper(), new_x="LMARGIN", new_y="NEXT")
    if org.get("commune_name") or org.get("commune_code"):
        pdf.set_font("body", "", 9)
        pdf.cell(0, 5, " ".join(x for x in (org.get("commune_name"), f"(mã {org['commune_code']})"
                                             if org.get("commune_code") else None) if x),
                 new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("body", "B", 15)
    pdf.cell(0, 9, "MỤC LỤC HỒ SƠ", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("body", "", 9)
    pdf.cell(0, 5, f"Lập ngày {date.today():%d/%m/%Y} — {len(state.dossiers)} hồ sơ", align="C",
             new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("body", "", 8.5)
    widths = (10, 38, 14, 86, 22, 22, 14, 20, 51)
    align = ("C", "L", "C", "L", "C", "C", "C", "C", "L")
    with pdf.table(col_widths=widths, text_align=align, line_height=4.6, padding=1.2,
                   headings_style=FontFace(emphasis="BOLD", fill_color=(225, 225, 225))) as table:
        table.row([*CATALOGUE_COLUMNS])
        for row in catalogue_rows(state, vietnamese_dates=True):
            table.row([str(c) for c in row])
    return bytes(pdf.output())


def write_catalogue(state: ArchiveState, out_dir: Path) -> tuple[Path, Path]:
    """``muc-luc-ho-so.csv`` and ``.pdf`` in ``out_dir``."""
    csv_path, pdf_path = out_dir / f"{CATALOGUE_NAME}.csv", out_dir / f"{CATALOGUE_NAME}.pdf"
    atomic_write_bytes(csv_path, csv_bytes(CATALOGUE_COLUMNS, catalogue_rows(state)))
    atomic_write_bytes(pdf_path, catalogue_pdf(state))
    return csv_path, pdf_path
