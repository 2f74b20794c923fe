"""One PostgreSQL index database, one archive: the database remembers which archive it indexes.

Why: the PostgreSQL index keys its rows by document id alone (archivist/index_pg.py), and a writer makes
it match its own records: ``reconcile`` deletes every row without a record in the archive, ``clear``
empties the tables. Two archives whose ``archive.json`` named the same database would silently delete
each other's rows, and a search would find the other archive's documents. So the database holds one
row in ``archivist_index_owner``: the ``archive_id`` of the archive it indexes (a UUID kept in
``archive.json``, given when the archive first takes a PostgreSQL index). An archive opening a database
another archive owns is refused before anything is deleted or written. A database made by an earlier
version (rows, no owner) is taken only when every row is one of this archive's records.

A copy of an archive folder keeps its ``archive.json``, so its identity: a copy and its original naming one
database would each take the other's rows for stale ones. So the owner row also records where the archive that
writes the index lives (the host's name and the folder's absolute path). A writer at another place with the same
identity is the archive moved (the place recorded holds no archive of that identity any more, or is on another
PC whose folders cannot be looked at here, and the database holds no document it has no record of): the place
is updated and the writer goes on; or it is a copy (the original is still at the place recorded, or the database
holds documents the writer has no record of: another folder of the same identity indexed them), refused before
anything is deleted or written, with the command that gives the copy an index of its own. Why not refuse every
other place: moving a folder, or a second PC writing the archive from a shared folder, must keep working.
Readers are never refused for it: a copy on a USB stick may search its original's index.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Callable
from pathlib import Path

from .archiveinfo import is_postgres, read_info
from .errors import UsageProblem
from .pgconnect import CONNECT_TIMEOUT, shown_url, unavailable_as_error

OWNER_TABLE = "archivist_index_owner"
#: ``archive.json`` key of the archive's identity.
ID_KEY = "archive_id"


class IndexTaken(UsageProblem):
    """The PostgreSQL database named as the index holds another archive's index (exit 2)."""


class IndexCopied(UsageProblem):
    """The PostgreSQL database named as the index holds the index of the archive this one is a copy of (exit 2)."""


def archive_id(root: Path | None) -> str | None:
    """The archive's identity from ``archive.json``, or None (an archive that never had a PostgreSQL index)."""
    value = read_info(root).get(ID_KEY) if root is not None else None
    return value if isinstance(value, str) and value else None


def name_index(info: dict, url: str | None, record_ids: Callable[[], list[str]], root: Path) -> None:
    """Make ``info`` (archive.json, about to be written) name the index at ``url`` (None: keep the one it
    names), giving the archive its identity when its index is in PostgreSQL. A newly named database that
    holds another archive's index, or the index of the archive at ``root`` is a copy of, is refused here, so
    that archive.json never names it."""
    if url and info.get("index") != url:
        if is_postgres(url):
            _give_identity(info)
            import psycopg

            with unavailable_as_error(url), psycopg.connect(url, autocommit=True,
                                                           connect_timeout=CONNECT_TIMEOUT) as db:
                if not _may_take(db, info[ID_KEY], record_ids):
                    raise _refusal(shown_url(url))
                if (original := _original(db, info[ID_KEY], root, record_ids)) is not None:
                    raise _copy_refusal(shown_url(url), original, root)
        info["index"] = url
    if is_postgres(info.get("index")):
        _give_identity(info)


def _give_identity(info: dict) -> None:
    if not (isinstance(info.get(ID_KEY), str) and info[ID_KEY]):
        info[ID_KEY] = str(uuid.uuid4())


def _refusal(shown: str) -> IndexTaken:
    return IndexTaken(f"the PostgreSQL index {shown} holds another archive's index; give each archive its own "
                      "database, e.g. 'createdb archive_xa_b', and name it with --index")


def _copy_refusal(shown: str, original: str, root: Path) -> IndexCopied:
    return IndexCopied(f"the PostgreSQL index {shown} is the index of the archive at {original}, of which "
                       f"{root} is a copy (the same archive_id in archive.json); give the copy an index of its own: "
                       f"'archivist reindex --archive {root} --index sqlite', or a database of its own with "
                       "--index (e.g. after 'createdb archive_copy')")


def _owner_row(db) -> dict | None:  # noqa: ANN001 - a psycopg connection
    """The owner row as a dict (``archive_id``, ``claimed``, and ``host`` and ``path`` where a version that
    records them claimed it); None when nobody owns the database."""
    if db.execute(f"SELECT to_regclass('public.{OWNER_TABLE}')").fetchone()[0] is None:
        return None
    row = db.execute(f"SELECT to_jsonb(o) FROM {OWNER_TABLE} o LIMIT 1").fetchone()
    return row[0] if row else None


def _owner(db) -> str | None:  # noqa: ANN001 - a psycopg connection
    row = _owner_row(db)
    return row["archive_id"] if row else None


def place(root: Path) -> tuple[str, str]:
    """Where the archive at ``root`` lives: this host's name and the folder's absolute path."""
    return socket.gethostname(), str(Path(root).resolve())


def _foreign(db, record_ids: Callable[[], list[str]]) -> bool:  # noqa: ANN001 - a psycopg connection
    """Whether the database indexes a document the archive has no record of."""
    if db.execute("SELECT to_regclass('public.documents')").fetchone()[0] is None:
        return False
    return db.execute("SELECT 1 FROM documents WHERE NOT (id = ANY(%s)) LIMIT 1", (record_ids(),)).fetchone() \
        is not None


def _original(db, ident: str | None, root: Path, record_ids: Callable[[], list[str]]) -> str | None:  # noqa: ANN001
    """Where the archive whose index this database holds lives when the archive at ``root``, of the same
    identity, is a copy of it (see the module docstring); None when ``root`` is that archive (or it moved)."""
    row = _owner_row(db)
    if row is None or row["archive_id"] != ident or not row.get("path"):
        return None
    host, path = row.get("host"), row["path"]
    here_host, here_path = place(root)
    shown = path if host == here_host else f"{path} on {host}"
    if host == here_host:
        if path == here_path or _same_folder(Path(path), Path(root)):
            return None
        if _identity_at(Path(path)) == ident:
            return shown
    return shown if _foreign(db, record_ids) else None


def _same_folder(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _identity_at(folder: Path) -> str | None:
    """The identity of the archive at ``folder``, None when none is there (moved away, or unreadable)."""
    from .errors import ArchivistError

    try:
        return archive_id(folder) if (folder / "archive.json").is_file() else None
    except (ArchivistError, OSError):
        return None


def _may_take(db, ident: str | None, record_ids: Callable[[], list[str]]) -> bool:  # noqa: ANN001
    """Whether the archive ``ident`` may use this database: it owns it, or nobody does and every row the
    database holds (an earlier version's index) is one of the archive's records."""
    owner = _owner(db)
    if owner is not None:
        return owner == ident
    if db.execute("SELECT to_regclass('public.documents')").fetchone()[0] is None:
        return True
    foreign = db.execute("SELECT 1 FROM documents WHERE NOT (id = ANY(%s)) LIMIT 1", (record_ids(),)).fetchone()
    return foreign is None


def take_database(db, url: str, root: Path, writable: bool = True) -> None:  # noqa: ANN001 - in a transaction
    """Refuse the database when another archive's index is in it, or (to a writer: ``writable``) the index of
    the archive at ``root`` is a copy of, before anything is written; else claim it for the archive at ``root``
    (when archive.json gives it an identity: a reader of an older archive claims nothing), and let a writer
    record where the archive now lives (it moved)."""
    ident = archive_id(root)

    def record_ids() -> list[str]:
        return sorted(p.stem for p in (root / "documents").glob("*.json"))

    if not _may_take(db, ident, record_ids):
        raise _refusal(shown_url(url))
    if writable and (original := _original(db, ident, root, record_ids)) is not None:
        raise _copy_refusal(shown_url(url), original, root)
    if ident is None:
        return
    row = _owner_row(db)
    if row is not None and (not writable or (row.get("host"), row.get("path")) == place(root)):
        return
    db.execute(f"CREATE TABLE IF NOT EXISTS {OWNER_TABLE} (archive_id TEXT PRIMARY KEY, "
               "claimed TIMESTAMPTZ NOT NULL DEFAULT now())")
    db.execute(f"ALTER TABLE {OWNER_TABLE} ADD COLUMN IF NOT EXISTS host TEXT, ADD COLUMN IF NOT EXISTS path TEXT")
    if row is None:
        db.execute(f"INSERT INTO {OWNER_TABLE} (archive_id, host, path) VALUES (%s, %s, %s)", (ident, *place(root)))
    else:
        db.execute(f"UPDATE {OWNER_TABLE} SET host = %s, path = %s", place(root))


def owned_by_another(db, ident: str | None, root: Path | None = None, ids: list[str] | None = None) -> bool:  # noqa: ANN001
    """Whether another archive owns the database, or (``root`` given, ``ids`` its records) the archive at
    ``root`` is a copy of the one that does: its rows are then not this archive's to remove."""
    owner = _owner(db)
    if owner is not None and owner != ident:
        return True
    return root is not None and _original(db, ident, root, lambda: list(ids or [])) is not None


def release(db) -> None:  # noqa: ANN001 - a psycopg connection
    """Free the database once this archive's rows are gone from it (``reindex --index sqlite``)."""
    if db.execute(f"SELECT to_regclass('public.{OWNER_TABLE}')").fetchone()[0] is not None:
        db.execute(f"DELETE FROM {OWNER_TABLE}")


def same_database(url: str, other: str) -> bool:
    """Whether two addresses name one database (``localhost`` and ``127.0.0.1``, with and without a password):
    its owner row, which records when this archive claimed it, is the same in both. The index at ``other`` was
    just written, so it has one; a database that cannot be reached raises ServiceUnavailable."""
    import psycopg

    def mark(address: str) -> tuple | None:
        with unavailable_as_error(address), psycopg.connect(address, autocommit=True,
                                                            connect_timeout=CONNECT_TIMEOUT) as db:
            if db.execute(f"SELECT to_regclass('public.{OWNER_TABLE}')").fetchone()[0] is None:
                return None
            return db.execute(f"SELECT archive_id, claimed FROM {OWNER_TABLE} LIMIT 1").fetchone()

    theirs = mark(other)
    return theirs is not None and mark(url) == theirs
