"""One PostgreSQL index database, one archive: the database remembers which archive it indexes.

Why: the PostgreSQL index keys its rows by document id alone (archivist/index_pg.py), and a writer makes
it match its own records: ``reconcile`` deletes every row without a record in the archive, ``clear``
empties the tables. Two archives whose ``archive.json`` named the same database would silently delete
each other's rows, and a search would find the other archive's documents. So the database holds one
row in ``archivist_index_owner``: the ``archive_id`` of the archive it indexes (a UUID kept in
``archive.json``, given when the archive first takes a PostgreSQL index). An archive opening a database
another archive owns is refused before anything is deleted or written. A database made by an earlier
version (rows, no owner) is taken only when every row is one of this archive's records.
"""

from __future__ import annotations

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


def archive_id(root: Path | None) -> str | None:
    """The archive's identity from ``archive.json``, or None (an archive that never had a PostgreSQL index)."""
    value = read_info(root).get(ID_KEY) if root is not None else None
    return value if isinstance(value, str) and value else None


def name_index(info: dict, url: str | None, record_ids: Callable[[], list[str]]) -> None:
    """Make ``info`` (archive.json, about to be written) name the index at ``url`` (None: keep the one it
    names), giving the archive its identity when its index is in PostgreSQL. A newly named database that
    holds another archive's index is refused here, so that archive.json never names it."""
    if url and info.get("index") != url:
        if is_postgres(url):
            _give_identity(info)
            import psycopg

            with unavailable_as_error(url), psycopg.connect(url, autocommit=True,
                                                           connect_timeout=CONNECT_TIMEOUT) as db:
                if not _may_take(db, info[ID_KEY], record_ids):
                    raise _refusal(shown_url(url))
        info["index"] = url
    if is_postgres(info.get("index")):
        _give_identity(info)


def _give_identity(info: dict) -> None:
    if not (isinstance(info.get(ID_KEY), str) and info[ID_KEY]):
        info[ID_KEY] = str(uuid.uuid4())


def _refusal(shown: str) -> IndexTaken:
    return IndexTaken(f"the PostgreSQL index {shown} holds another archive's index; give each archive its own "
                      "database, e.g. 'createdb archive_xa_b', and name it with --index")


def _owner(db) -> str | None:  # noqa: ANN001 - a psycopg connection
    if db.execute(f"SELECT to_regclass('public.{OWNER_TABLE}')").fetchone()[0] is None:
        return None
    row = db.execute(f"SELECT archive_id FROM {OWNER_TABLE} LIMIT 1").fetchone()
    return row[0] if row else None


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


def take_database(db, url: str, root: Path) -> None:  # noqa: ANN001 - a psycopg connection, in a transaction
    """Refuse the database when another archive's index is in it, before anything is written; else claim it
    for the archive at ``root`` (when archive.json gives it an identity: a reader of an older archive
    claims nothing)."""
    ident = archive_id(root)
    if not _may_take(db, ident, lambda: sorted(p.stem for p in (root / "documents").glob("*.json"))):
        raise _refusal(shown_url(url))
    if ident is not None and _owner(db) is None:
        db.execute(f"CREATE TABLE IF NOT EXISTS {OWNER_TABLE} (archive_id TEXT PRIMARY KEY, "
                   "claimed TIMESTAMPTZ NOT NULL DEFAULT now())")
        db.execute(f"INSERT INTO {OWNER_TABLE} (archive_id) VALUES (%s)", (ident,))


def owned_by_another(db, ident: str | None) -> bool:  # noqa: ANN001 - a psycopg connection
    """Whether another archive owns the database (its rows are then not this archive's to remove)."""
    owner = _owner(db)
    return owner is not None and owner != ident


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
