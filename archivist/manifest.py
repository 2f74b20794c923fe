"""The retention manifest and the dossier catalogue (mục lục hồ sơ) of an archive, for all its fonds or one.

The dossiers themselves, their records and their codes are archivist/dossiers.py. Retention is
recomputed from the current schedule every time (the archive may have overridden it since a
document was processed); a dossier keeps the longest of its documents' periods.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from . import __version__
from .archiveinfo import load_organisation
from .dossiers import (
    PROVISIONAL,
    Dossier,
    build_dossiers,
    document_title,
    existing_dossiers,
    versions_of,
    write_dossiers,
)
from .errors import ArchiveBusy, ArchiveReadOnly
from .fsutil import atomic_write_bytes
from .plural import plural
from .record import utc_now
from .retention import Retention, Schedule, end_year, needs_review, status
from .schemas import errors, validate
from .sheet import as_cell
from .store import ArchiveStore

CATALOGUE_DIR = "catalogue"
CATALOGUE_NAME = "muc-luc-ho-so"
GENERATOR = f"archivist {__version__}"
MANIFEST_COLUMNS = ("level", "identifier", "dossier_code", "fonds", "document_id", "title", "type", "date",
                    "start_date", "end_date", "closing_year", "retention", "legal_basis", "verified", "end_year",
                    "access_regime", "status", "review", "superseded_by", "supersedes")
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
    fonds: str | None = None  # the one fonds this state is restricted to (see only_fonds), None: all


def number_dossiers(store: ArchiveStore, schedule: Schedule | None = None, check: bool = False) -> ArchiveState:
    """The archive's records and dossiers, numbered; with the writer lock held, new or moved dossiers' records
    are written (and sealed with the session). ``process`` calls it at the end of every batch."""
    schedule = schedule or store.schedule()
    org = load_organisation(store.root)
    records, problems = load_records(store.root, check)
    dossiers = build_dossiers(store.root, records, schedule, org, has_fonds=bool(store.fonds()))
    warnings = []
    provisional = sum(d.code.startswith(PROVISIONAL + ".") for d in dossiers)
    if provisional:
        warnings.append(f"{plural(provisional, 'dossier belongs', 'dossiers belong')} to no fonds yet: the codes are "
                        "provisional (UNSET.…) and no dossier record is written until the fonds is set ('archivist "
                        "init', then 'process --fonds' or 'archivist review')")
    if store.lock is not None:
        store.written += write_dossiers(store.root, dossiers)
    return ArchiveState(store.root, org, records, dossiers, schedule, problems, warnings)


def settle(store: ArchiveStore) -> list[str]:
    """After documents were committed: number their dossiers (codes exist as soon as documents do) and bring
    each fonds' totals and date range up to date. Returns warnings; a problem here never undoes a commit."""
    from .fonds import fonds_totals, record_fonds_code, store_totals

    try:
        state = number_dossiers(store)
        if store.fonds():
            totals = {}
            for f in store.fonds():
                recs = [r for r in state.records if record_fonds_code(r) == f.code]
                dossiers = [d.record for d in state.dossiers if (d.record.get("fonds") or {}).get("code") == f.code]
                totals[f.code] = fonds_totals(recs, dossiers)
            store.written += store_totals(store.root, totals)
    except Exception as e:  # noqa: BLE001 - reported; the documents are safe
        return [f"dossiers and fonds totals not updated ({type(e).__name__}: {e}); 'archivist catalogue' does it later"]
    return []


def only_fonds(state: ArchiveState, code: str | None) -> ArchiveState:
    """The part of ``state`` that belongs to one fonds (its code), for a per-fonds catalogue, manifest or bag."""
    if code is None:
        return state
    dossiers = [d for d in state.dossiers if (d.record.get("fonds") or {}).get("code") == code]
    ids = {doc["id"] for d in dossiers for doc in d.documents}
    return replace(state, dossiers=dossiers, records=[r for r in state.records if r["id"] in ids], fonds=code)


def refresh(root: Path, schedule: Schedule, check: bool = False) -> ArchiveState:
    """The archive's records and numbered dossiers; ``check`` validates every record against its schema too.

    New dossiers are numbered for good (their records written and sealed) when the archive can be written
    now, under the writer lock. On a read-only copy, or while a batch writes the archive, they are
    numbered for this listing only, and a warning says so: a reader never writes.
    """
    try:
        with ArchiveStore.writer(root, command="archivist manifest (numbering dossiers)") as store:
            return number_dossiers(store, schedule, check)
    except (ArchiveBusy, ArchiveReadOnly) as e:
        state = number_dossiers(ArchiveStore.reader(root), schedule, check)
        if any(d.code not in _kept_codes(root) and not d.code.startswith(PROVISIONAL + ".") for d in state.dossiers):
            state.warnings.append(f"new dossiers are numbered for this listing only ({e})")
        return state


def _kept_codes(root: Path) -> set[str]:
    return {d["code"] for d in existing_dossiers(root).values()}


# --- retention manifest ------------------------------------------------------------------------

def _row(level: str, ident: str, d: Dossier, ret: Retention, review: bool, as_of: int, *, doc: dict | None = None,
         title: str, typ: str | None, access: str) -> dict:
    rec = d.record
    end = end_year(rec["closing_year"], ret.period)
    fonds = (doc if doc else rec).get("fonds") or {}
    versions = versions_of(doc) if doc else {}  # a superseded document stays listed, saying which one replaces it
    return {"level": level, "identifier": ident, "dossier_code": d.code, "fonds": fonds.get("code"),
            "document_id": doc["id"] if doc else None,
            "title": title, "type": typ, "date": (doc.get("metadata") or {}).get("date") if doc else None,
            "start_date": rec["start_date"], "end_date": rec["end_date"], "closing_year": rec["closing_year"],
            "retention": ret.to_dict(), "legal_basis": ret.basis, "end_year": end, "access_regime": access,
            "status": status(end, as_of), "review": review, "superseded_by": versions.get("superseded_by"),
            "supersedes": versions.get("supersedes", [])}


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


def fonds_summary(state: ArchiveState) -> dict | None:
    """The fonds a restricted state is of: code, name, status and dates, for headings and manifests."""
    if state.fonds is None:
        return None
    from .fonds import load_fonds

    f = next((f for f in load_fonds(state.root) if f.code == state.fonds), None)
    if f is None:
        return {"code": state.fonds, "name": state.fonds}
    return {"code": f.code, "name": f.name, "status": f.status, "start_date": f.start_date, "end_date": f.end_date}


def retention_manifest(state: ArchiveState, as_of: int | None = None, due_before: int | None = None) -> dict:
    """The retention manifest (validated against its schema)."""
    as_of = as_of or date.today().year
    s = state.schedule
    out = {"manifest_version": 1, "generator": GENERATOR, "generated": utc_now(), "as_of_year": as_of,
           "due_before": due_before, "organisation": state.organisation,
           "schedule": {"sources": s.sources, "overridden": s.overridden, "added": s.added},
           "fonds": fonds_summary(state), "entries": retention_entries(state, as_of, due_before)}
    validate(out, "retention-manifest")
    return out


def csv_bytes(header: tuple[str, ...], rows: list[list]) -> bytes:
    """UTF-8 with a BOM and CRLF lines: what Excel and LibreOffice open with Vietnamese intact."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(["" if v is None else as_cell(v) for v in row] for row in rows)
    return buf.getvalue().encode("utf-8-sig")


def manifest_csv(manifest: dict) -> bytes:
    def cells(e: dict) -> list:
        r = e["retention"]
        flat = {**e, "retention": Retention.from_dict(r).label, "verified": "yes" if r["verified"] else "no",
                "review": "yes" if e["review"] else "", "supersedes": "; ".join(e["supersedes"])}
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
    fonds = fonds_summary(state)
    if fonds:
        pdf.set_font("body", "B", 9)
        span = " – ".join(_date_vi(d) for d in (fonds.get("start_date"), fonds.get("end_date")) if d)
        pdf.cell(0, 5, f"Phông: {fonds['name']} (mã phông {fonds['code']}" + (f", {span}" if span else "") + ")",
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
    """``muc-luc-ho-so.csv`` and ``.pdf`` in ``out_dir`` (``muc-luc-ho-so-<fonds code>.…`` for one fonds)."""
    name = f"{CATALOGUE_NAME}-{state.fonds}" if state.fonds else CATALOGUE_NAME
    csv_path, pdf_path = out_dir / f"{name}.csv", out_dir / f"{name}.pdf"
    atomic_write_bytes(csv_path, csv_bytes(CATALOGUE_COLUMNS, catalogue_rows(state)))
    atomic_write_bytes(pdf_path, catalogue_pdf(state))
    return csv_path, pdf_path
