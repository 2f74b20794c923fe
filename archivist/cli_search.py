"""``archivist search``, ``show``, ``open`` and ``reindex``: finding documents in an archive."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import click

from .index import Filters, open_index
from .query import QueryError

ARCHIVE = click.option("--archive", "-a", required=True, type=click.Path(file_okay=False, exists=True, path_type=Path),
                       help="The archive folder made by 'archivist process'.")


def _open(archive: Path):
    if not (archive / "documents").is_dir():
        raise click.UsageError(f"{archive} is not an archive (no documents/ folder)")
    return open_index(archive)


@click.command(epilog="""\b
Examples:
  archivist search "quyet dinh" --archive archive
  archivist search '"cải cách hành chính"' --archive archive --from 2019-01-01 --to 2019-12-31
  archivist search "45/QD-UBND" --archive archive --json
  archivist search "khai* NOT tu" --archive archive --type "khai sinh" --limit 50
""")
@click.argument("query")
@ARCHIVE
@click.option("--type", "doc_type", help="Only this document type, with or without diacritics (e.g. 'quyet dinh').")
@click.option("--from", "date_from", metavar="YYYY-MM-DD", help="Only documents issued on or after this date.")
@click.option("--to", "date_to", metavar="YYYY-MM-DD", help="Only documents issued on or before this date.")
@click.option("--issuer", help="Only documents whose issuing body contains this text (diacritics optional).")
@click.option("--commune", help="Only documents of this commune.")
@click.option("--retention", help="Only documents with this retention period (e.g. permanent, 10).")
@click.option("--dossier", help="Only documents of this dossier id.")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True, help="Hits to show.")
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True, help="Hits to skip (paging).")
@click.option("--json", "as_json", is_flag=True, help="Print the hits as a JSON array.")
def search(query: str, archive: Path, doc_type: str | None, date_from: str | None, date_to: str | None,
           issuer: str | None, commune: str | None, retention: str | None, dossier: str | None, limit: int,
           offset: int, as_json: bool) -> None:
    """Find pages by words, with or without diacritics.

    QUERY: words (all must appear), "a phrase", prefix* , OR, NOT, parentheses, or a number
    and symbol such as 45/QĐ-UBND. 'quyet dinh' finds 'QUYẾT ĐỊNH'; typing the diacritics ranks
    exact matches first.
    """
    filters = Filters(doc_type, date_from, date_to, issuer, commune, retention, dossier)
    with _open(archive) as idx:
        try:
            hits = idx.search(query, filters, limit=limit, offset=offset)
        except QueryError as e:
            raise click.UsageError(f"cannot read the query: {e}") from None
    if as_json:
        click.echo(json.dumps([{**asdict(h), "pdf": str(archive / h.pdf) if h.pdf else None} for h in hits],
                              ensure_ascii=False, indent=2))
        return
    if not hits:
        click.echo(f"No documents match {query!r}.")
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    out = Console(soft_wrap=True)
    if not out.is_terminal:
        for h in hits:
            click.echo("\t".join([h.doc_id, f"p.{h.page}", h.type or "", h.number or "", h.date or "",
                                  str(archive / h.pdf) if h.pdf else "", h.snippet]))
        return
    table = Table("document", "page", "type", "number", "date", "subject", "snippet", title=f"{len(hits)} hits")
    for h in hits:
        snip = Text(h.snippet)
        for a, b in h.highlights:
            snip.stylize("bold yellow", a, b)
        table.add_row(h.doc_id, str(h.page), h.type or "", h.number or "", h.date or "", h.subject or "", snip)
    out.print(table)


@click.command(epilog="Example:\n  archivist show doc-3f2a9c1b7e4d0a11 --archive archive")
@click.argument("doc_id")
@ARCHIVE
@click.option("--text/--no-text", default=False, help="Include each page's OCR text and words.")
def show(doc_id: str, archive: Path, text: bool) -> None:
    """Print a document's record (JSON)."""
    path = archive / "documents" / f"{Path(doc_id).name}.json"
    if not path.exists():
        raise click.ClickException(f"no document {doc_id} in {archive}")
    rec = json.loads(path.read_text(encoding="utf-8"))
    if not text:
        rec.pop("text", None)
        for p in rec.get("pages", []):
            p.pop("text", None)
            p.pop("words", None)
    click.echo(json.dumps(rec, ensure_ascii=False, indent=2))


@click.command("open", epilog="Example:\n  archivist open doc-3f2a9c1b7e4d0a11 --page 2 --archive archive")
@click.argument("doc_id")
@ARCHIVE
@click.option("--page", type=click.IntRange(1), default=1, show_default=True, help="Page to open at.")
def open_cmd(doc_id: str, archive: Path, page: int) -> None:
    """Print the PDF path and page of a document, for a viewer (e.g. evince -i PAGE PATH)."""
    path = archive / "documents" / f"{Path(doc_id).name}.json"
    if not path.exists():
        raise click.ClickException(f"no document {doc_id} in {archive}")
    rec = json.loads(path.read_text(encoding="utf-8"))
    if page > rec["page_count"]:
        raise click.ClickException(f"{doc_id} has {rec['page_count']} pages")
    click.echo(f"{(archive / rec['output']['pdf']).resolve()}\t{page}")


@click.command(epilog="Example:\n  archivist reindex --archive archive")
@ARCHIVE
def reindex(archive: Path) -> None:
    """Rebuild the full-text index from the records alone."""
    with _open(archive) as idx:
        n = idx.rebuild()
    click.echo(f"Indexed {n} documents.")
