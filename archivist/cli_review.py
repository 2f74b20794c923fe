"""``archivist review export`` and ``archivist review import``: people confirm doubtful metadata.

Only the ``review`` group is bound at module level: the main CLI registers every click command it
finds here, and the subcommands must stay under ``review``.
"""

from __future__ import annotations

from pathlib import Path

import click

from .cli_common import ArchivistGroup, echo_json, json_option
from .plural import plural
from .review import JSON_KEYS, THRESHOLD, aside_note, export_review, import_review

_ARCHIVE_HELP = "The archive folder made by 'archivist process'."


def _check_archive(archive: Path) -> None:
    from .store import ArchiveStore

    ArchiveStore.reader(archive)  # not an archive: one line, exit 2


@click.group(cls=ArchivistGroup, epilog="""\b
Examples:
  archivist review export --archive archive --out review.csv
  archivist review import review.csv --archive archive --reviewer "Nguyễn Thị Lan"
""")
def review() -> None:
    """Have a person check the metadata the extractor was unsure of."""


@review.command("export", epilog="""\b
Examples:
  archivist review export --archive archive --out review.csv
  archivist review export --archive archive --out review.csv --threshold 0.8
  archivist review export --archive archive --out review.csv --json
""")
@click.option("--archive", "-a", required=True, type=click.Path(file_okay=False, exists=True, path_type=Path),
              help=_ARCHIVE_HELP)
@click.option("--out", "-o", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The spreadsheet to write (CSV, UTF-8 with BOM: opens in Excel and LibreOffice), e.g. review.csv.")
@click.option("--threshold", type=click.FloatRange(0.0, 1.0), default=THRESHOLD, show_default=True,
              help="List fields read with a confidence below this, e.g. --threshold 0.8 (a field held to a higher "
                   "level keeps it).")
@click.option("--json", "as_json", is_flag=True,
              help="Also print what the sheet lists as JSON on stdout (for scripts): {\"sheet\", \"rows\", "
                   "\"documents\", \"items\": [{document_id, field, value, confidence, reason, page, "
                   "register_row}]}. The sheet is written all the same.")
def _export(archive: Path, out: Path, threshold: float, as_json: bool) -> None:
    """Write one row per doubtful field, with why it is listed, a page thumbnail and the OCR text it came from.

    The reason column says in plain words why a person should look: what a check found (e.g. "the date's day
    '16' read again gave 18 and 18"), "read with confidence 0.62, under 0.70", "not found on the document:
    the catalogue needs the issuing body; read it from the page" for a value the type must have (the place
    and the signer's position on every typed document, TM./KT. and the recipients where its form prints
    them), or the classifier's doubt for field 'type'. It is for reading only: 'archivist review import'
    ignores it.

    Fill in corrected_value (and reviewer) for the rows that are wrong, then run
    'archivist review import'. A register's row to check (field 'entries') is named by its page and
    register_row and shown as column=value pairs (entry=26; registered=2020-03-09; person=…).
    Thumbnails go under ARCHIVE/review/thumbs/. Documents a later version replaces ('archivist
    supersede') are left out: review the version that replaces them. A sheet already at --out that holds
    typed corrections is not written over: it is kept beside it as <name>-kept-<time>.csv, and said.
    """
    _check_archive(archive)
    if note := aside_note(out, archive):
        click.echo(note, err=True)
    lines = export_review(archive, out, threshold)
    if as_json:
        echo_json({"sheet": str(out), "rows": len(lines), "documents": len({line["document_id"] for line in lines}),
                   "items": [{k: line[k] for k in JSON_KEYS} for line in lines]})
        return
    click.echo(f"{plural(len(lines), 'field')} to review written to {out}")


@review.command("import", epilog="""\b
Examples:
  archivist review import review.csv --archive archive
  archivist review import review.csv --archive archive --reviewer "Nguyễn Thị Lan"
  archivist review import review.csv --archive archive --json
""")
@click.argument("csv_file", metavar="REVIEW.CSV", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--archive", "-a", required=True, type=click.Path(file_okay=False, exists=True, path_type=Path),
              help=_ARCHIVE_HELP)
@click.option("--reviewer", "-r",
              help="Name recorded in the history for rows whose reviewer column is empty, e.g. --reviewer Lan.")
@json_option('what was applied ({"sheet", "applied", "documents": [ids], "errors", "warnings"}; exit 1 when '
             '"errors" lists rows that could not be applied)')
def _import(csv_file: Path, archive: Path, reviewer: str | None, as_json: bool) -> None:
    """Apply the corrected values of REVIEW.CSV: record, PDF/A metadata and search index.

    Corrected values are confirmed and kept by later re-processing; a value typed as it is
    confirms it. A register row (field 'entries') is confirmed by copying its value into
    corrected_value, or corrected by writing only the columns that change, e.g. 'entry=20' or
    'person=Lò Xuân Quý; sex=Nữ'. Rows that cannot be applied are listed, each in one line naming
    the sheet's row, and the command exits with status 1 after applying the others. The reason column
    is never read (edit or clear it as you like); a sheet exported before it existed imports the same.
    """
    _check_archive(archive)
    try:
        result = import_review(archive, csv_file, reviewer)
    except ValueError as e:
        raise click.UsageError(str(e)) from None
    for err in result.errors:
        click.echo(f"error: {err}", err=True)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    if as_json:
        echo_json({"sheet": str(csv_file), "applied": result.applied, "documents": result.documents,
                   "errors": result.errors, "warnings": result.warnings})
    else:
        click.echo(f"{plural(result.applied, 'correction')} applied to {plural(len(result.documents), 'document')}")
    if result.errors:
        raise SystemExit(1)


# Keep the subcommands reachable only through the group (see the module docstring).
del _export, _import
