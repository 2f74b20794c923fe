"""Fixity: record the SHA-256 of every file the archive holds as evidence, and check them later.

Each PDF's SHA-256 is written into its record when the PDF is made, and each source's too. The
records themselves, and the dossier records, are listed with their SHA-256 in
``ARCHIVE/archive-manifest.json`` when :func:`seal` first sees them; an entry is never re-hashed
afterwards (that is the point of fixity) unless the writer says it rewrote the file, or the pipeline
visibly re-processed the document (a later ``created`` and a PDF that matches the new record).

:func:`verify` recomputes everything and reports missing, altered and unexpected files, records that
fail their schema and, on request, PDFs that fail PDF/A validation. It never writes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import __version__
from .fsutil import TMP_PREFIX, atomic_write_json, sha256_file
from .schemas import errors, validate

MANIFEST = "archive-manifest.json"
#: Files kept beside the evidence that change by design (configuration, index, reports): outside fixity,
#: but expected. Another stage that writes a file into the archive adds its name here.
KNOWN_FILES = {"archive.json", "report.json", "retention.json", MANIFEST, "index.sqlite", "index.sqlite-wal",
               "index.sqlite-shm", "index.sqlite-journal", "catalogue/muc-luc-ho-so.csv",
               "catalogue/muc-luc-ho-so.pdf", "report.html"}
#: Folders of derived files re-made at will: the review step's thumbnails, manifests a user saved,
#: the HTML report's page images.
KNOWN_FOLDERS = ("review/", "manifests/", "report-files/", "fonds/")


def _now() -> str:
    from .manifest import now_iso

    return now_iso()


def rel(root: Path, path: Path) -> str:
    return Path(path).resolve().relative_to(root.resolve()).as_posix()


def load_manifest(root: Path) -> dict | None:
    try:
        return json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None


def record_files(root: Path) -> list[tuple[str, str]]:
    """(relative path, role) of every document record and dossier record."""
    return ([(f"documents/{p.name}", "document-record") for p in sorted((root / "documents").glob("*.json"))]
            + [(f"dossiers/{p.name}", "dossier-record") for p in sorted((root / "dossiers").glob("*.json"))])


def _read_json(path: Path) -> dict | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


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
        data = _read_json(root / r)
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
    now = _now()
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
    from .manifest import load_organisation
    from .schemas import RecordInvalid

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


@dataclass
class Problem:
    kind: str  # missing | altered | unexpected | invalid | source | pdfa
    path: str
    detail: str

    def line(self) -> str:
        return f"{self.kind:<10} {self.path}: {self.detail}"


@dataclass
class VerifyReport:
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    files_checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict:
        return {"ok": self.ok, "files_checked": self.files_checked, "problems": [asdict(p) for p in self.problems],
                "notes": self.notes}


class _Hashes(dict):
    """SHA-256 of archive files, each computed once per run."""

    def __init__(self, root: Path) -> None:
        super().__init__()
        self.root = root

    def of(self, r: str) -> str:
        if r not in self:
            self[r] = sha256_file(self.root / r)
        return self[r]


def _source_ok(rec: dict) -> bool | None:
    """True/False when the source files are reachable and do/do not hash as recorded; None when not reachable."""
    from .discover import _folder_sha

    paths = [Path(p) for p in (rec.get("source") or {}).get("paths") or []]
    if not paths or not all(p.is_file() for p in paths):
        return None
    want = rec["source"].get("sha256")
    return (len(paths) == 1 and sha256_file(paths[0]) == want) or _folder_sha(paths) == want


def _check_pdfa(root: Path, records: dict[str, dict], report: VerifyReport) -> None:
    from .preflight import PreflightError, only_part_complaint, validate_pdfa

    pdfs = {root / rec["output"]["pdf"]: rec for rec in records.values() if (root / rec["output"]["pdf"]).is_file()}
    try:
        results = validate_pdfa(list(pdfs))
    except PreflightError as e:
        report.problems.append(Problem("pdfa", "(all PDFs)", f"cannot run the PDF/A validator: {e}"))
        return
    for path, violations in results.items():
        if violations and not (pdfs[path]["output"].get("pdfa") == "2b" and only_part_complaint(violations)):
            report.problems.append(Problem("pdfa", rel(root, path), "; ".join(violations[:5])))


def verify(root: Path, pdfa: bool = False, sources: bool = True) -> VerifyReport:
    """Recompute every checksum of the archive at ``root`` and list what is wrong (never writes)."""
    root = Path(root)
    report, hashes = VerifyReport(), _Hashes(root)
    add = report.problems.append
    manifest = None
    if (root / MANIFEST).exists():
        manifest = _read_json(root / MANIFEST)
        problems = ["not readable JSON"] if manifest is None else errors(manifest, "archive-manifest")
        for line in problems[:5]:
            add(Problem("invalid", MANIFEST, line))
        if problems:
            manifest = None
    else:
        report.notes.append(f"no {MANIFEST}: records were never sealed; PDFs are checked against their records only")
    sealed = (manifest or {}).get("files", {})
    records: dict[str, dict] = {}
    known = set(KNOWN_FILES) | set(sealed)
    unreachable = 0
    for r, role in record_files(root):
        data = _read_json(root / r)
        known.add(r)
        if data is None:
            add(Problem("invalid", r, "not readable JSON"))
            continue
        schema = "document" if role == "document-record" else "dossier"
        for line in errors(data, schema)[:5]:
            add(Problem("invalid", r, line))
        if role == "dossier-record":
            for f in data.get("files") or []:
                if isinstance(f, dict) and f.get("record") and not (root / f["record"]).is_file():
                    add(Problem("missing", f["record"], f"listed by dossier {data.get('code')}, not in the archive"))
            continue
        pdf = _pdf_of(data)
        if pdf is None:
            continue
        records[r] = data
        known.add(pdf)
        if not (root / pdf).is_file():
            add(Problem("missing", pdf, f"the PDF of {r} is not in the archive"))
        elif hashes.of(pdf) != data["output"].get("sha256"):
            add(Problem("altered", pdf, "SHA-256 differs from the one its record gives (recorded at creation)"))
        if sources:
            ok = _source_ok(data)
            unreachable += ok is None
            if ok is False:
                add(Problem("source", r, "the source scan no longer hashes as recorded: "
                                         + ", ".join(data["source"]["paths"])))
    reported = {p.path for p in report.problems if p.kind in ("missing", "altered")}
    for r, e in sealed.items():
        if r in reported:
            continue
        if not (root / r).is_file():
            add(Problem("missing", r, f"sealed on {e['sealed']}, no longer in the archive"))
        elif hashes.of(r) != e["sha256"]:
            add(Problem("altered", r, f"SHA-256 differs from the one sealed on {e['sealed']}"))
    for p in sorted(x for x in root.rglob("*") if x.is_file()):
        r = rel(root, p)
        if p.name.startswith(TMP_PREFIX):
            report.notes.append(f"{r}: temporary file of an interrupted write (the next run removes it)")
        elif r not in known and not r.startswith(KNOWN_FOLDERS):
            why = ("a PDF without its record (an unfinished document, or its record was deleted)"
                   if r.startswith("documents/") and r.endswith(".pdf") else "not a file the archive should hold")
            add(Problem("unexpected", r, why))
    if unreachable:
        report.notes.append(f"{unreachable} record(s): source scans not reachable from here, not checked")
    if pdfa:
        _check_pdfa(root, records, report)
    report.files_checked = len({r for r, _ in record_files(root)} | set(hashes))
    return report
