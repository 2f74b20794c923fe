"""``archivist manifest``, ``catalogue``, ``verify`` and ``bag``: proving what an archive holds.

Exit codes: 0 all is well, 1 problems found (listed on stderr), 2 usage error.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import NoReturn

import click

from .cli_common import ArchivistCommand, echo_json, fail, json_option
from .errors import EXIT_ENVIRONMENT
from .fsutil import atomic_write_bytes, dumps_json
from .plural import plural

ARCHIVE = click.option("--archive", "-a", required=True, type=click.Path(file_okay=False, exists=True, path_type=Path),
                       help="The archive folder made by 'archivist process'.")
SCHEDULE = click.option("--schedule", type=click.Path(dir_okay=False, exists=True, path_type=Path),
                        help="A retention schedule that overrides or extends the built-in one "
                             "[default: ARCHIVE/retention.json when present].")
FONDS = click.option("--fonds", "fonds_ref", metavar="FONDS",
                     help="Only this fonds (phông): its code (C04756, M04714) or name ('Tân Hương'); default: all.")
AS_OF = click.option("--as-of", type=click.IntRange(1800, 2200), metavar="YEAR", default=lambda: date.today().year,
                     show_default="this year", help="The year 'due now' is judged against.")


def _fail(lines: list[str], code: int = 1) -> NoReturn:
    fail(lines, code)


def _schedule(archive: Path, schedule_file: Path | None):
    """The retention schedule in force (said on stderr); exit 1 naming the field when a file is invalid."""
    from .retention import ScheduleError, load_schedule
    from .store import ArchiveStore

    ArchiveStore.reader(archive)
    try:
        schedule = load_schedule(schedule_file, archive)
    except ScheduleError as e:
        _fail([str(e)])
    click.echo(schedule.describe(), err=True)
    return schedule


def _fonds_code(archive: Path, fonds_ref: str | None) -> str | None:
    """The code of the fonds ``fonds_ref`` names (FondsError, exit 2, listing the fonds otherwise)."""
    from .fonds import find_fonds, load_fonds

    return find_fonds(load_fonds(archive), fonds_ref).code if fonds_ref else None


def _state(archive: Path, schedule_file: Path | None, fonds_ref: str | None = None):
    """Number the dossiers and seal new files; exit 1 with the reason when that fails. ``fonds_ref`` keeps
    one fonds (a code or name the archive knows; anything else is a usage error naming the fonds there are)."""
    from .manifest import only_fonds, refresh
    from .retention import ScheduleError
    from .schemas import RecordInvalid

    schedule = _schedule(archive, schedule_file)
    code = _fonds_code(archive, fonds_ref)  # a fonds the archive has not is refused before anything is numbered
    try:
        state = refresh(archive, schedule)
    except (ScheduleError, RecordInvalid) as e:
        _fail([str(e)])
    state = only_fonds(state, code)
    for w in state.warnings:
        click.echo(f"warning: {w}", err=True)
    for p in state.problems:
        click.echo(f"invalid: {p}", err=True)
    return state


@click.command(cls=ArchivistCommand, epilog="""\b
Examples:
  archivist manifest --archive archive > retention.json
  archivist manifest --archive archive --format csv --out retention.csv
  archivist manifest --archive archive --due-before 2026 --format csv --out hoi-dong-xac-dinh-gia-tri.csv
  archivist manifest --archive archive --schedule quy-dinh-rieng.json --as-of 2030
  archivist manifest --archive archive --fonds C04756 --format csv --out phong-tan-huong.csv
""")
@ARCHIVE
@FONDS
@click.option("--format", "fmt", type=click.Choice(["json", "csv"]), default="json", show_default=True,
              help="JSON (validated against schemas/retention-manifest.schema.json) or CSV (UTF-8 with BOM, one "
                   "header row: opens in Excel and LibreOffice with Vietnamese intact).")
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the manifest to this file instead of standard output.")
@click.option("--due-before", type=click.IntRange(1800, 2200), metavar="YEAR",
              help="Only what an appraisal council must review: periods ending before YEAR "
                   "(--due-before 2026 lists everything due in 2025 or earlier).")
@AS_OF
@SCHEDULE
def manifest(archive: Path, fonds_ref: str | None, fmt: str, out: Path | None, due_before: int | None, as_of: int,
             schedule: Path | None) -> None:
    """The retention manifest: for every dossier and document, its period, legal basis and when it is due.

    Each row gives the identifier, title, type, dates, retention period and legal basis, the year
    the period ends (counted from the dossier's closing year), the access regime, the status
    (permanent, due for appraisal in YYYY, due now), the fonds, and a review flag when the type was
    uncertain. New dossiers are numbered and new files sealed (ARCHIVE/dossiers/,
    ARCHIVE/archive-manifest.json) when the archive can be written; on a read-only copy, or while a
    batch runs, they are numbered for this listing only.
    """
    from .manifest import manifest_csv, retention_manifest

    state = _state(archive, schedule, fonds_ref)
    data = retention_manifest(state, as_of, due_before)
    payload = manifest_csv(data) if fmt == "csv" else dumps_json(data)
    if out:
        from .review import aside_note

        if note := aside_note(out, archive, others=False):  # a review sheet being filled in: --out mistyped
            click.echo(note, err=True)
        atomic_write_bytes(out, payload)
    else:
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
    dossiers = [r for r in data["entries"] if r["level"] == "dossier"]
    documents = [r for r in data["entries"] if r["level"] == "document"]
    due = sum(r["status"] == "due now" for r in dossiers)
    click.echo(f"{plural(len(dossiers), 'dossier')} ({due} due now as of {as_of}), "
               f"{plural(len(documents), 'document')} ({sum(r['review'] for r in documents)} with a period to confirm)"
               + (f"; written to {out}" if out else ""), err=True)
    sys.exit(1 if state.problems else 0)


@click.command(cls=ArchivistCommand, epilog="""\b
Examples:
  archivist catalogue --archive archive
  archivist catalogue --archive archive --out /tmp/muc-luc
  archivist catalogue --archive archive --fonds "Tân Hương"     # one former commune's catalogue
  archivist catalogue --archive archive --schedule quy-dinh-rieng.json --json
""")
@ARCHIVE
@FONDS
@click.option("--out", "-o", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for muc-luc-ho-so.csv and muc-luc-ho-so.pdf [default: ARCHIVE/catalogue].")
@SCHEDULE
@json_option("the number of dossiers and the two files written")
def catalogue(archive: Path, fonds_ref: str | None, out_dir: Path | None, schedule: Path | None,
              as_json: bool) -> None:
    """The dossier catalogue (mục lục hồ sơ) as CSV and as a printable PDF, for the archive or one fonds.

    One row per dossier: number, code, title, start and end dates, pages, retention period, notes.
    New dossiers are numbered first; numbers once given never change. With --fonds the catalogue is
    that fonds' own (muc-luc-ho-so-<code>.csv/.pdf, the fonds named in its heading).
    """
    from .manifest import CATALOGUE_DIR, write_catalogue
    from .store import ArchiveStore

    state = _state(archive, schedule, fonds_ref)
    target = (out_dir or archive / CATALOGUE_DIR).resolve()
    if target.is_relative_to(archive.resolve()):  # into the archive: one writer at a time
        with ArchiveStore.writer(archive, command="archivist catalogue"):
            csv_path, pdf_path = write_catalogue(state, target)
    else:
        csv_path, pdf_path = write_catalogue(state, target)
    if as_json:
        echo_json({"dossiers": len(state.dossiers), "csv": str(csv_path), "pdf": str(pdf_path),
                   "problems": list(map(str, state.problems))})
    else:
        click.echo(plural(len(state.dossiers), "dossier"))
        click.echo(str(csv_path))
        click.echo(str(pdf_path))
    sys.exit(1 if state.problems else 0)


@click.command(cls=ArchivistCommand, epilog="""\b
Examples:
  archivist verify --archive archive
  archivist verify --archive archive --pdfa
  archivist verify --archive /mnt/copy-of-archive --no-sources --json > verify.json
""")
@ARCHIVE
@click.option("--pdfa", is_flag=True, help="Also check every PDF with the PDF/A validator (PDFBox Preflight; slower).")
@click.option("--no-sources", is_flag=True,
              help="Do not re-hash the source scans (they are outside the archive and may be elsewhere).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON on stdout.")
def verify(archive: Path, pdfa: bool, no_sources: bool, as_json: bool) -> None:
    """Recompute every SHA-256 and check every record; exit 1 on any problem, 3 when the index cannot be reached.

    Reports files missing or altered since their checksum was recorded, files the archive should
    not hold, records (and archive.json) that fail their schema, index rows that differ from their
    records (mend them with 'archivist reindex'), source scans that changed, and with --pdfa PDFs
    that fail PDF/A validation. Says what the archive holds and which inputs the last batch could not process.
    Never changes the archive, so it runs on a read-only copy. With the index's PostgreSQL server down it checks
    the files, then says so in one line (exit 3): run it again once the server answers.
    """
    from .store import ArchiveStore
    from .verify import verify as run

    ArchiveStore.reader(archive)
    report = run(archive, pdfa=pdfa, sources=not no_sources)
    if as_json:
        echo_json(report.to_dict())
    else:
        for p in report.problems:
            click.echo(p.line())
        for n in report.notes:
            click.echo(f"note: {n}", err=True)
        for line in report.holdings.not_processed:
            click.echo(f"not processed: {line}", err=True)
        click.echo(report.holdings.line()[0].upper() + report.holdings.line()[1:], err=True)
        validated = ("" if report.pdfa_checked is None else
                     f", {plural(report.pdfa_checked, 'PDF')} by the PDF/A validator (PDFBox Preflight)")
        click.echo(f"{plural(report.files_checked, 'file')} checked{validated}: "
                   + (plural(len(report.problems), "problem") if report.problems else "no problems")
                   + ("; the index was not checked" if report.index_unreachable else ""), err=True)
    if report.index_unreachable:  # the server is down, not the archive damaged: one line and exit 3, as search;
        # under --json the report above is stdout's one object (its "index_unreachable" says the same)
        click.echo(f"error: {report.index_unreachable}; the index was not compared with the records (the files "
                   "were): run 'archivist verify' again once the server answers", err=True)
        sys.exit(EXIT_ENVIRONMENT)
    sys.exit(0 if report.ok else 1)


@click.command(cls=ArchivistCommand, epilog="""\b
Examples:
  archivist bag --archive archive --out /media/usb/bag-2025
  archivist bag --archive archive --fonds C04756 --out /media/usb/phong-tan-huong
  archivist bag --archive archive --out /media/usb/bag-2030 --schedule quy-dinh-rieng.json --as-of 2030 --json
  bagit.py --validate /media/usb/bag-2025
""")
@ARCHIVE
@FONDS
@click.option("--out", "-o", required=True, type=click.Path(path_type=Path),
              help="Folder to write the bag into (must not exist, or be empty).")
@AS_OF
@SCHEDULE
@json_option("the bag's folder, its file and byte counts and its bag-info")
def bag(archive: Path, fonds_ref: str | None, out: Path, as_of: int, schedule: Path | None, as_json: bool) -> None:
    """Export the archive as a BagIt 1.0 bag with SHA-256 and SHA-512 manifests.

    The bag holds the PDFs, the document, dossier and fonds records, the archive and retention
    manifests, the catalogue, the retention schedule and the schemas; bag-info names the
    organisation, the commune, the fonds, the date range and the counts. With --fonds it holds that
    fonds alone. Only an archive that passes 'archivist verify' is bagged.
    """
    from .bag import BagFailure, make_bag

    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise click.UsageError(f"{out} exists and is not an empty folder")
    from .retention import ScheduleError
    from .schemas import RecordInvalid

    try:
        result = make_bag(archive, out, _schedule(archive, schedule), as_of, _fonds_code(archive, fonds_ref))
    except (BagFailure, ScheduleError, RecordInvalid) as e:
        _fail(str(e).splitlines())
    if as_json:
        echo_json({"bag": str(result.path), "files": result.files, "bytes": result.bytes, "info": result.info})
        return
    click.echo(f"bag written: {result.path} ({plural(result.files, 'file')}, {plural(result.bytes, 'byte')}), "
               "valid BagIt 1.0")
    for k in ("Source-Organization", "Commune-Code", "Fonds-Code", "Fonds-Name", "Document-Count", "Dossier-Count",
              "Page-Count"):
        if k in result.info:
            click.echo(f"  {k}: {result.info[k]}")
