"""What a writer does once the archive's index holds every record: remove the copies the index left behind.

Two copies can be left when ``archive.json``'s ``"index"`` changes (``reindex --index``, ``process --index``):

- an ``index.sqlite`` beside a PostgreSQL index, which nobody updates and a person could take for the index;
- the archive's rows in the PostgreSQL database it moved from (``--index sqlite``, or another database's
  address), which a search of that database would still find, and which grow stale as the records change.

Both are derived data, rebuilt from the records whenever the index moves again, so removing them loses
nothing; it is done only after the new index holds every record. A database that cannot be reached is no
error: the move is complete without it, and a note says the old rows are still there. A new address that names
the database the index is in already (another spelling of the host, a password added) removes nothing: the
database tells (archivist/indexowner.py ``same_database``).

PostgreSQL rows are keyed by document id only (archivist/index_pg.py: no archive column), so the rows removed
are those whose id is one of this archive's records, and only from a database this archive owns or nobody
does (archivist/indexowner.py); the database is then freed for another archive.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .archiveinfo import INDEX_FILE, is_postgres
from .plural import plural


def settle_index(url: str | None, stray: list[Path], moved_from: str | None,
                 record_ids: Callable[[], list[str]], archive_id: str | None = None,
                 root: Path | None = None) -> list[str]:
    """Remove the copies the index at ``url`` (None: index.sqlite) makes stale (see the module docstring);
    a note for each. ``stray``: the SQLite files present; ``moved_from``: the PostgreSQL address archive.json
    named before this session moved the index, if it did; ``record_ids``: the archive's documents;
    ``archive_id``: its identity (archive.json), which frees the database it owned (archivist/indexowner.py);
    ``root``: its folder (a copy's original keeps its rows).
    Takes the store's answers rather than the store, which calls it (archivist/store.py)."""
    notes = []
    if is_postgres(url) and stray:
        for f in stray:
            f.unlink(missing_ok=True)
        notes.append(f"removed {INDEX_FILE}: the archive's index is in PostgreSQL "
                     "(archive.json \"index\"), rebuilt there from the records")
    if is_postgres(moved_from) and moved_from != url:
        note = _forget_rows(moved_from, url, record_ids(), archive_id, root)
        notes += [note] if note else []
    return notes


def _forget_rows(url: str, now: str | None, ids: list[str], archive_id: str | None,
                 root: Path | None) -> str | None:
    """Remove the rows of ``ids`` from the PostgreSQL index at ``url``, which the index at ``now`` (None:
    index.sqlite) replaces; the note that says what happened, None when ``now`` is the same database."""
    from .errors import ServiceUnavailable
    from .index_pg import remove_documents, shown_url
    from .indexowner import same_database

    where = shown_url(now) if now else INDEX_FILE
    try:
        if now and same_database(url, now):
            return None
        n = remove_documents(url, ids, archive_id, root)
    except ServiceUnavailable as e:
        return (f"the archive's rows in the PostgreSQL index {shown_url(url)} could not be removed ({e}); "
                f"the index is in {where} all the same")
    if n is None:
        return (f"left the PostgreSQL index {shown_url(url)} as it was: it holds another archive's index, or that "
                f"of the archive this one is a copy of; this archive's index is in {where} now")
    return (f"removed this archive's {plural(n, 'document')} from the PostgreSQL index {shown_url(url)}: "
            f"the index is in {where} now")
