"""``archivist search``, ``show``, ``open`` and ``reindex``: finding documents in an archive.

Archivist commands (``cls=ArchivistCommand``); archivist.cli registers them in the main group. Exit codes:
0 whether or not anything matched, 2 for a usage error or a malformed query (one line, no traceback).
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, replace
from pathlib import Path

import click

from .cli_common import ArchivistCommand, echo_json, index_address, json_option
from .index import Filters, Hit, IndexBase
from .plural import plural
from .query import QueryError
from .store import INDEX_FILE, ArchiveStore

ARCHIVE = click.option("--archive", "-a", required=True, type=click.Path(file_okay=False, path_type=Path),
                       help="The archive folder made by 'archivist process'.")


class InputError(click.ClickException):
    """A query or filter the user must fix: one line on stderr, exit code 2 like a usage error."""

    exit_code = 2


def _open(archive: Path) -> IndexBase:
    """The index for reading: no lock, no write, so a read-only copy of an archive can be searched."""
    return ArchiveStore.reader(archive).index()


def _record(archive: Path, doc_id: str) -> dict:
    """The record of ``doc_id`` as a person gives it: ``doc-…``, its hex digits alone, or the PDF's or record's
    file name copied from a file manager (``doc-….pdf``)."""
    name = Path(doc_id.strip()).name.removesuffix(".pdf").removesuffix(".json")
    path = archive / "documents" / f"{name if name.startswith('doc-') else 'doc-' + name}.json"
    if not (archive / "documents").is_dir():
        raise InputError(f"{archive} is not an archive (no documents/ folder)")
    if not path.is_file():
        raise InputError(f"no document {doc_id!r} in {archive}: give an id that 'archivist search' shows (doc-…)")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except ValueError as e:
        raise click.ClickException(f"the record of {doc_id} is not valid JSON: {e}") from None


def _pdf(archive: Path, h: Hit) -> str:
    return str((archive / h.pdf).resolve()) if h.pdf else ""


@click.command(cls=ArchivistCommand, epilog="""\b
Examples:
  archivist search "quyet dinh" --archive archive
  archivist search '"cải cách hành chính"' --archive archive --from 2019 --to 2020-06
  archivist search "45/QD-UBND" --archive archive --json
  archivist search "khai* NOT tu" --archive archive --type "khai sinh" --limit 50
  archivist search "dat dai" --archive archive --fonds "Tân Hương" --from 2015 --to 2020
  archivist search "quyet dinh" --archive archive --all-versions   # with versions a later one replaces
  archivist search "khai sinh" --archive archive --retention permanent --limit 20 --offset 20   # hits 21-40
  archivist search "bien ban" --archive archive --dossier C04714.2022.1
""")
@click.argument("query")
@ARCHIVE
@click.option("--type", "doc_type", help="Only this document type, diacritics optional (e.g. 'quyet dinh').")
@click.option("--from", "date_from", metavar="DATE", help="Only documents issued on or after DATE (YYYY[-MM[-DD]]).")
@click.option("--to", "date_to", metavar="DATE", help="Only documents issued on or before DATE (YYYY[-MM[-DD]]).")
@click.option("--issuer", help="Only documents whose issuing body has all these words (e.g. 'ubnd tan phu').")
@click.option("--commune", help="Only documents of this commune (e.g. 'tan phu' or 'Xã Tân Phú'): its place line, "
                                "or the fonds it belongs to, so a former commune's name finds that fonds.")
@click.option("--fonds", "fonds_ref", metavar="FONDS",
              help="Only documents of this fonds (phông): its code (C04756) or name ('Tân Hương').")
@click.option("--retention", help="Only documents kept this long: 'permanent' (or 'vinh vien'), or years: 10.")
@click.option("--dossier", help="Only documents of this dossier: its code (H27.31.05.2015.1) or the scanned "
                                "folder's document id.")
@click.option("--all-versions", is_flag=True,
              help="Also documents a later version replaces ('archivist supersede'), marked 'superseded by NEW_ID'; "
                   "left out by default.")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True, help="Hits to show.")
@click.option("--offset", type=click.IntRange(0, 100_000), default=0, show_default=True, help="Hits to skip (paging).")
@click.option("--json", "as_json", is_flag=True, help="Print the hits as a JSON array (for scripts).")
def search(query: str, archive: Path, doc_type: str | None, date_from: str | None, date_to: str | None,
           issuer: str | None, commune: str | None, fonds_ref: str | None, retention: str | None,
           dossier: str | None, all_versions: bool, limit: int, offset: int, as_json: bool) -> None:
    """Find pages by words, with or without diacritics.

    QUERY: words (all must appear), "a phrase", prefix* (2+ letters), OR, NOT or -word, parentheses,
    or a number and symbol such as 45/QĐ-UBND. 'quyet dinh' finds 'QUYẾT ĐỊNH'; typing the
    diacritics ranks pages with exactly those words first. Hits are pages, ranked by BM25 with the
    type, number and subject weighted higher, newest first among equals. Output: a table on a
    terminal; tab-separated lines when piped (id, page, type, number, date, subject, scan, PDF,
    snippet; a replaced version's snippet starts with 'superseded by NEW_ID —'); --json for scripts
    (superseded_by: the id of the version that replaces the document, or null).
    """
    fonds = None
    if fonds_ref:
        from .fonds import find_fonds, load_fonds

        fonds = find_fonds(load_fonds(archive), fonds_ref).code
    filters = Filters(doc_type, date_from, date_to, issuer, commune, retention, dossier, fonds, all_versions)
    with _open(archive) as idx:
        try:
            hits = idx.search(query, filters, limit=limit, offset=offset)
        except QueryError as e:
            raise InputError(f"cannot read the query: {e}") from None
        except ValueError as e:
            raise InputError(str(e)) from None
    if as_json:
        echo_json([{**asdict(h), "pdf": _pdf(archive, h) or None} for h in hits])
    elif not hits:
        filtered = any(asdict(replace(filters, all_versions=False)).values())
        click.echo(f"No documents match {query!r}" + (" with these filters." if filtered else "."))
    elif sys.stdout.isatty():
        _table(archive, hits, offset)
    else:
        for h in hits:
            click.echo("\t".join([h.doc_id, str(h.page), h.type or "", h.number or "", h.date or "",
                                  h.subject or "", h.source or "", _pdf(archive, h), _marked(h) + h.snippet]))


def _marked(h: Hit) -> str:
    """What a hit of a replaced version says before its snippet (only --all-versions shows one)."""
    return f"superseded by {h.superseded_by} — " if h.superseded_by else ""


def _table(archive: Path, hits: list[Hit], offset: int) -> None:
    """Hits as a table that fits an 80-column terminal. The document id is what a person copies into
    ``archivist show`` or ``open``, so its column never wraps or shortens; type, number, date and subject
    share one column, and long values wrap whole (folded) rather than end in an ellipsis."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=True, title=f"hits {offset + 1}–{offset + len(hits)}", title_justify="left")
    table.add_column("#", no_wrap=True)
    table.add_column("document", no_wrap=True, min_width=max(len(h.doc_id) for h in hits))
    table.add_column("page", no_wrap=True)
    table.add_column("type, number, date, subject", overflow="fold", ratio=2)
    table.add_column("match", overflow="fold", ratio=3)
    for i, h in enumerate(hits, start=offset + 1):
        about = Text(h.type or "", style="bold")
        for part in (h.number, h.date):
            if part:
                about.append(("\n" if about else "") + part)
        if h.subject:
            about.append(("\n" if about else "") + h.subject)
        snip = Text(h.snippet)
        for a, b in h.highlights:
            snip.stylize("bold yellow", a, b)
        snip = Text(_marked(h), style="bold red") + snip
        snip.append(f"\n{_pdf(archive, h)}", style="dim")
        table.add_row(str(i), h.doc_id, str(h.page), about, snip)
    Console().print(table)


@click.command(cls=ArchivistCommand, epilog="""\b
Examples:
  archivist show doc-3f2a9c1b7e4d --archive archive
  archivist show doc-3f2a9c1b7e4d --archive archive --text > record.json   # with each page's OCR text
""")
@click.argument("doc_id")
@ARCHIVE
@click.option("--text/--no-text", default=False,
              help="Include each page's OCR text and its words with their boxes (long: a page holds hundreds).")
def show(doc_id: str, archive: Path, text: bool) -> None:
    """Print a document's record (JSON), without page texts unless --text.

    DOC_ID as 'archivist search' shows it (doc-3f2a9c1b7e4d), its digits alone, or the PDF's file name.
    """
    rec = _record(archive, doc_id)
    if not text:
        rec.pop("text", None)
        for p in rec.get("pages", []):
            p.pop("text", None)
            p.pop("words", None)
    echo_json(rec)


@click.command("open", cls=ArchivistCommand,
               epilog="""\b
Examples:
  archivist open doc-3f2a9c1b7e4d --page 2 --archive archive   # prints PATH and 2: then e.g. evince -i 2 PATH
  archivist open doc-3f2a9c1b7e4d --archive archive --json
""")
@click.argument("doc_id")
@ARCHIVE
@click.option("--page", type=click.IntRange(1), default=1, show_default=True,
              help="Page to open at, e.g. --page 3 (checked against the document's page count).")
@json_option("the PDF's path, the page and the document's page count")
def open_cmd(doc_id: str, archive: Path, page: int, as_json: bool) -> None:
    """Print the PDF path and the page, tab-separated, for a viewer.

    DOC_ID as 'archivist search' shows it (doc-3f2a9c1b7e4d), its digits alone, or the PDF's file name.
    """
    rec = _record(archive, doc_id)
    count = rec.get("page_count") or len(rec.get("pages") or [])
    if page > count:
        raise InputError(f"{rec.get('id', doc_id)} has {plural(count, 'page')}: give --page 1 to {count}")
    pdf = (archive / rec["output"]["pdf"]).resolve()
    if as_json:
        echo_json({"doc_id": rec.get("id", doc_id), "pdf": str(pdf), "page": page, "page_count": count})
    else:
        click.echo(f"{pdf}\t{page}")


@click.command(cls=ArchivistCommand, epilog="""\b
Examples:
  archivist reindex --archive archive
  archivist reindex --archive archive --index postgresql://archivist@10.0.0.5/lao_cai   # move it to PostgreSQL
  archivist reindex --archive archive --index sqlite     # move it back into archive/index.sqlite
  archivist reindex --archive archive --json
""")
@ARCHIVE
@click.option("--index", "target", metavar="postgresql://USER@HOST/DB|sqlite", callback=index_address,
              help="Move the index: build it in this PostgreSQL database, or back in ARCHIVE/index.sqlite with "
                   "'sqlite'. archive.json remembers where it is; an index.sqlite is removed once the index is in "
                   "PostgreSQL (it would be a stale copy), and this archive's rows are removed from the PostgreSQL "
                   "database it leaves, for SQLite or another database (a note says so, or that the server could not "
                   "be reached), which frees that database for another archive; one holding another archive's index "
                   "is refused, and so is the index of the archive this one is a copy of (give the copy its own: "
                   "--index sqlite).")
@json_option("how many documents were indexed and where the index is")
def reindex(archive: Path, target: str | None, as_json: bool) -> None:
    """Rebuild the full-text index from the records alone (all or nothing), where archive.json says it
    is, or where --index moves it."""
    from .index_pg import shown_url

    with ArchiveStore.writer(archive, index_url=target, command="archivist reindex", rebuild_index=True) as store:
        n = store.rebuild_index()
        url = store.index_url()
    for note in store.notes:
        click.echo(f"note: {note}", err=True)
    where = f"PostgreSQL {shown_url(url)}" if url else str(archive / INDEX_FILE)
    if as_json:
        echo_json({"documents": n, "backend": "postgresql" if url else "sqlite",
                   "index": shown_url(url) if url else str(archive / INDEX_FILE)})
    else:
        click.echo(f"Indexed {plural(n, 'document')} in {where}.")
