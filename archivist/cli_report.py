"""``archivist report``: the batch at a glance, as one static HTML page (see archivist.htmlreport).

An archivist command (``cls=ArchivistCommand``); archivist.cli registers it in the main group. Exit codes: 0 when the
report was written, 2 when the folder is not an archive.
"""

from __future__ import annotations

from pathlib import Path

import click

from .cli_common import ArchivistCommand, echo_json
from .plural import plural


@click.command("report", cls=ArchivistCommand, epilog="""\b
Examples:
  archivist report --archive archive                       # writes archive/report.html
  archivist report --archive archive --out /media/usb/lo-1.html
  archivist report --archive archive --json
""")
@click.option("--archive", "-a", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="The archive folder made by 'archivist process'.")
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the HTML page (default: ARCHIVE/report.html). Page images go in a folder "
                   "beside it, named after it (report-files/ for report.html); keep the two together.")
@click.option("--json", "as_json", is_flag=True,
              help="Print the report's path and its counts as JSON on stdout (for scripts).")
def report(archive: Path, out: Path | None, as_json: bool) -> None:
    """Write a visual quality report of an archive: one HTML page that opens offline.

    The page (in Vietnamese, with an English button) shows how many documents and pages the
    archive holds, how many failed in the last batch, pages scanned below 200 dpi, documents
    to review and the processing speed; charts of documents per type and per year and of OCR
    confidence; a table of documents to sort and filter, each opening its pages with the
    low-confidence words marked in red and linking to its PDF/A; and the failures with their
    reasons. Images of documents that did not change since the last report are reused.

    A version a later one replaces ('archivist supersede') is marked "replaced by <id>" and the
    later one "replaces <id>", each linked to the other; documents are counted as in force +
    replaced, and a replaced version is not counted to review (as 'archivist review export'
    leaves it out). --json: documents, documents_in_force, superseded_documents,
    review_documents, review_superseded (replaced versions with review flags, not counted), …
    """
    from .htmlreport import build_html_report
    from .store import ArchiveStore

    target = (out or archive / "report.html").resolve()
    if target.is_relative_to(archive.resolve()):  # writing inside the archive: one writer at a time
        with ArchiveStore.writer(archive, command="archivist report"):
            result = build_html_report(archive, out)
    else:
        ArchiveStore.reader(archive)
        result = build_html_report(archive, out)
    if as_json:
        echo_json({"report": str(result.path), **result.summary})
        return
    s = result.summary
    click.echo(f"Report: {result.path}")
    versions = (f" ({s['documents_in_force']} in force, {s['superseded_documents']} replaced by a later version)"
                if s["superseded_documents"] else "")
    left_out = (f" ({plural(s['review_superseded'], 'replaced version')} not counted, as in 'review export')"
                if s["review_superseded"] else "")
    click.echo(f"Documents: {s['documents']}{versions}, pages: {s['pages']}, failed: {s['failures']}, "
               f"to review: {s['review_documents']}{left_out}, pages below 200 dpi: {s['low_dpi_pages']}")
