"""Check an archive: every checksum, every record, every index row; say what it holds.

:func:`verify` recomputes the SHA-256 of every evidence file against its record and against the
fixity manifest (archivist/fixity.py), checks every record against its schema, compares every index
row with the record it was made from (a row edited in the database, or missing, or left over, would
otherwise show wrong search results with nobody the wiser), checks that both records of a supersession
say so (archivist/supersede.py), and on request runs the PDF/A validator.
It never writes, so it runs on a read-only copy. Its report also says what the archive holds —
documents, pages, dossiers — and which inputs the last batch could not process, so an archive
holding nothing is never mistaken for a healthy one.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from .archiveinfo import INDEX_FILE, INFO, file_problems, index_url, is_postgres
from .fixity import KNOWN_FILES, KNOWN_FOLDERS, MANIFEST, SCHEMA_OF, _pdf_of, record_files, rel
from .fsutil import TMP_PREFIX, read_json_object, sha256_file
from .plural import plural
from .schemas import errors


@dataclass
class Problem:
    kind: str  # missing | altered | unexpected | invalid | source | pdfa | index
    path: str
    detail: str

    def line(self) -> str:
        return f"{self.kind:<10} {self.path}: {self.detail}"


@dataclass
class Holdings:
    """What the archive holds, and what the last batch could not put in it."""

    documents: int = 0
    pages: int = 0
    dossiers: int = 0
    not_processed: list[str] = field(default_factory=list)  # "path: reason" of the last batch's failures

    def line(self) -> str:
        held = (f"the archive holds {plural(self.documents, 'document')}, {plural(self.pages, 'page')}, "
                f"{plural(self.dossiers, 'numbered dossier')}")
        if self.not_processed:
            held += (f"; the last batch could not process {plural(len(self.not_processed), 'input')} "
                     "(listed in report.json)")
        return held


@dataclass
class VerifyReport:
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    files_checked: int = 0
    pdfa_checked: int | None = None  # PDFs the PDF/A validator read (--pdfa), so "no problems" says it ran
    holdings: Holdings = field(default_factory=Holdings)
    #: Why the index could not be compared with the records (its server cannot be reached), else None. Not a
    #: problem of the archive: listing it as one (or every document as missing from the index) would send the
    #: user to mend documents that are fine; the command says it in one line and exits 3, as search does.
    index_unreachable: str | None = None

    @property
    def ok(self) -> bool:
        return not self.problems and self.index_unreachable is None

    def to_dict(self) -> dict:
        return {"ok": self.ok, "files_checked": self.files_checked, "pdfa_checked": self.pdfa_checked,
                "holdings": asdict(self.holdings),
                "problems": [asdict(p) for p in self.problems], "notes": self.notes,
                "index_unreachable": self.index_unreachable}


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
    return ((len(paths) == 1 and sha256_file(paths[0]) == want) or _folder_sha(paths) == want
            or _folder_sha(paths, composed=False) == want)


def _check_pdfa(root: Path, records: dict[str, dict], report: VerifyReport) -> None:
    from .preflight import PreflightError, only_part_complaint, validate_pdfa

    pdfs = {root / rec["output"]["pdf"]: rec for rec in records.values() if (root / rec["output"]["pdf"]).is_file()}
    try:
        results = validate_pdfa(list(pdfs))
    except PreflightError as e:
        report.problems.append(Problem("pdfa", "(all PDFs)", f"cannot run the PDF/A validator: {e}"))
        return
    report.pdfa_checked = len(results)
    for path, violations in results.items():
        if violations and not (pdfs[path]["output"].get("pdfa") == "2b" and only_part_complaint(violations)):
            report.problems.append(Problem("pdfa", rel(root, path), "; ".join(violations[:5])))


def _holdings(root: Path, records: dict[str, dict]) -> Holdings:
    batch = read_json_object(root / "report.json") or {}
    failed = [f"{f.get('path')}: {f.get('reason')}" for f in batch.get("failures") or [] if isinstance(f, dict)]
    return Holdings(len(records), sum(int(r.get("page_count") or 0) for r in records.values()),
                    sum(1 for _, role in record_files(root) if role == "dossier-record"), failed)


def verify(root: Path, pdfa: bool = False, sources: bool = True, index: bool = True) -> VerifyReport:
    """Recompute every checksum of the archive at ``root`` and list what is wrong (never writes).

    ``index`` compares the index with the records (archivist/indexcheck.py).
    """
    root = Path(root)
    report, hashes = VerifyReport(), _Hashes(root)
    add = report.problems.append
    manifest = None
    if (root / MANIFEST).exists():
        manifest = read_json_object(root / MANIFEST)
        problems = ["not readable JSON"] if manifest is None else errors(manifest, "archive-manifest")
        for line in problems[:5]:
            add(Problem("invalid", MANIFEST, line))
        if problems:
            manifest = None
    else:
        report.notes.append(f"no {MANIFEST}: records were never sealed; PDFs are checked against their records only")
    info_problems = file_problems(root)  # the archive's settings: where its index is, whose it is
    for line in info_problems[:5]:
        add(Problem("invalid", INFO, line))
    url = None if info_problems else index_url(root)
    sealed = (manifest or {}).get("files", {})
    records: dict[str, dict] = {}
    known = set(KNOWN_FILES) | set(sealed)
    unreachable = 0
    for r, role in record_files(root):
        data = read_json_object(root / r)
        known.add(r)
        if data is None:
            add(Problem("invalid", r, "not readable JSON"))
            continue
        for line in errors(data, SCHEMA_OF[role])[:5]:
            add(Problem("invalid", r, line))
        if role == "fonds-record":
            continue
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
        elif r == INDEX_FILE and is_postgres(url):
            from .index_pg import shown_url

            report.notes.append(f"{r}: not the archive's index, which is in PostgreSQL ({shown_url(url)}); a copy "
                                "nobody updates, which the next command that writes the archive removes")
        elif r not in known and not r.startswith(KNOWN_FOLDERS):
            why = ("a PDF without its record (an unfinished document, or its record was deleted)"
                   if r.startswith("documents/") and r.endswith(".pdf") else "not a file the archive should hold")
            add(Problem("unexpected", r, why))
    from .supersede import link_problems

    for r, detail in link_problems(records):  # a supersession one record states and the other does not
        add(Problem("invalid", r, detail))
    if unreachable:
        report.notes.append(f"{plural(unreachable, 'record')}: source scans not reachable from here, not checked")
    if pdfa:
        _check_pdfa(root, records, report)
    if index and info_problems:
        report.notes.append(f"the index was not checked: {INFO}, which says where it is, is invalid")
    elif index:
        from .errors import ServiceUnavailable
        from .indexcheck import check_index

        try:
            for path, detail in check_index(root, {r: d for r, d in records.items()}):
                add(Problem("index", path, detail))
        except ServiceUnavailable as e:
            report.index_unreachable = str(e)
    from .verifylive import set_aside

    set_aside(report, root, sealed)  # a batch writing the archive now: its unsealed documents are in progress
    report.files_checked = len({r for r, _ in record_files(root)} | set(hashes))
    report.holdings = _holdings(root, records)
    return report
