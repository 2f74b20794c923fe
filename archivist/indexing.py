"""Which index an archive has, and opening it for reading or writing.

Kept apart from the backends (archivist.index for SQLite, archivist.index_pg for PostgreSQL) so
that neither imports the other: this module chooses between them.

A reader opens the index without writing a byte (``mode=ro``, or ``immutable=1`` on a read-only
disc). A writer opens it read-write and rebuilds it from the records when it is missing or was
made by another version of archivist (a reader asks archivist.store to do that under the writer
lock first, see :func:`needs_rebuild`).
"""

from __future__ import annotations

from pathlib import Path

from .archiveinfo import index_url, is_postgres
from .errors import ArchivistError
from .index import INDEX_FILE, IndexBase, SqliteIndex

__all__ = ["INDEX_FILE", "index_archive", "index_record_file", "index_url", "open_index"]


def _postgres(url: str, archive: Path, writable: bool) -> IndexBase:
    from .index_pg import PgIndex

    return PgIndex(url, archive, writable)


def needs_rebuild(archive: Path) -> bool:
    """Whether the SQLite index is missing (with records to index) or was made by another version."""
    path = archive / INDEX_FILE
    if not path.exists():
        return any((archive / "documents").glob("*.json"))
    idx = SqliteIndex(path, archive, readonly=True)
    try:
        return not idx.current
    finally:
        idx.close()


def open_index(archive: Path, url: str | None = None, writable: bool = True, build: bool = True) -> IndexBase:
    """The index of an archive (use as a context manager): PostgreSQL when a postgresql:// URL is
    given or recorded in archive.json, else ``ARCHIVE/index.sqlite``.

    ``writable`` (library default) opens it read-write and rebuilds a missing or outdated SQLite
    index from the records; the archive commands open it so only under the writer lock
    (archivist.store). With ``writable`` off nothing is written (see the module docstring). ``build`` off: the
    caller is about to rebuild it (``archivist reindex``), so a missing or outdated index is not built first.
    """
    archive = Path(archive)
    url = url or index_url(archive)
    if is_postgres(url):
        return _postgres(url, archive, writable)
    if not writable:
        if needs_rebuild(archive):
            raise ArchivistError(f"the index of {archive} is missing or was made by another version of archivist: "
                                 "run 'archivist reindex' on a writable copy")
        if not (archive / INDEX_FILE).exists():
            return SqliteIndex(":memory:", archive)  # no records, nothing to find
        return SqliteIndex(archive / INDEX_FILE, archive, readonly=True)
    fresh = not (archive / INDEX_FILE).exists()
    idx = SqliteIndex(archive / INDEX_FILE, archive)
    if build and (idx.rebuilt or (fresh and any((archive / "documents").glob("*.json")))):
        idx.reindex()  # a stale or a deleted index: the records say what it must hold
    return idx


def index_archive(archive_dir: Path) -> int:
    """Bring an archive's index up to date with its records, creating it if needed; returns the
    number of documents (re)indexed or dropped."""
    with open_index(archive_dir) as idx:
        return idx.reconcile()


def index_record_file(archive: Path, path: Path) -> None:
    """Index the record just written at ``path`` (its modification time lets reconcile skip it later)."""
    with open_index(archive) as idx:
        idx.index_file(path)
