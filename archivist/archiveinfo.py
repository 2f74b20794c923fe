"""``ARCHIVE/archive.json``: what made an archive, whose it is and where its index lives.

A leaf module (it imports nothing of archivist's but the schemas) because everything reads it: the
store, fixity, the manifests, the index opener.
"""

from __future__ import annotations

from pathlib import Path

from .fsutil import read_json_object
from .schemas import RecordInvalid, errors

INFO = "archive.json"
#: The SQLite index of an archive whose archive.json names no PostgreSQL one, and what SQLite writes beside it.
INDEX_FILE = "index.sqlite"
SQLITE_SIDE = ("-wal", "-shm", "-journal")
#: ``--index`` value that moves an archive's index back into ``ARCHIVE/index.sqlite``.
SQLITE_INDEX = "sqlite"


def read_info(root: Path) -> dict:
    """``archive.json`` as a dict (empty when missing or unreadable: an early archive has none)."""
    return read_json_object(Path(root) / INFO) or {}


def load_organisation(root: Path) -> dict | None:
    """``organisation`` of ``archive.json``, or None.

    Raises :class:`RecordInvalid` naming the field when it is present but malformed.
    """
    org = read_info(root).get("organisation")
    if org is not None:
        problems = errors(org, "dossier#/$defs/organisation")
        if problems:
            raise RecordInvalid("archive.json organisation", [f"organisation.{p}" for p in problems])
    return org


def is_postgres(url: str | None) -> bool:
    """Whether an index address names a PostgreSQL database (anything else is the archive's index.sqlite)."""
    return url is not None and url.startswith(("postgresql://", "postgres://"))


def index_url(root: Path) -> str | None:
    """The shared index an archive was set up with (``archive.json``: "index"), if any."""
    url = read_info(root).get("index")
    return url if isinstance(url, str) else None
