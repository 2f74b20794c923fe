"""``ARCHIVE/archive.json``: what made an archive, whose it is and where its index lives.

A leaf module (it imports nothing of archivist's but the schemas and the file helpers) because
everything reads it: the store, fixity, the manifests, the index opener. It is the one place the file
is read and written, and both check it against ``schemas/archive.schema.json``: a hand-edited file
with a misspelt key or a broken address would otherwise be read as no setting at all (the index
looked for in the wrong place, dossier codes made provisional), and a file that is not JSON would be
taken for a missing one and written over, losing the organisation it named.
"""

from __future__ import annotations

import json
from pathlib import Path

from .errors import ArchivistError
from .fsutil import atomic_write_json
from .schemas import RecordInvalid, errors, load_schema, schema_path

INFO = "archive.json"
SCHEMA = "archive"
#: The SQLite index of an archive whose archive.json names no PostgreSQL one, and what SQLite writes beside it.
INDEX_FILE = "index.sqlite"
SQLITE_SIDE = ("-wal", "-shm", "-journal")
#: ``--index`` value that moves an archive's index back into ``ARCHIVE/index.sqlite``.
SQLITE_INDEX = "sqlite"
TOP = "(record): "  # how archivist.schemas names the top level of a file


class ArchiveInfoInvalid(RecordInvalid, ArchivistError):
    """``archive.json`` is not JSON or does not match its schema (exit 1). ``str(e)`` is one line naming the
    file and the key; a :class:`RecordInvalid`, so the commands that report invalid records report it too."""

    def __init__(self, path: Path, problems: list[str], *, writing: bool = False) -> None:
        super().__init__(INFO, problems)
        what = f"{path} not written, it would be invalid" if writing else f"{path} is invalid"
        tail = "" if writing else f"; correct it by hand (what it may hold: {schema_path(SCHEMA)})"
        Exception.__init__(self, f"{what}: {'; '.join(problems[:3])}{tail}")


def problems_of(info: object) -> list[str]:
    """What is wrong with ``info`` as archive.json's content (empty: valid), as ``key: message`` lines; a key
    the file may not hold (most often a misspelt one) is named with the keys it may."""
    if not isinstance(info, dict):
        return ["not a JSON object"]
    known = load_schema(SCHEMA)["properties"]
    unknown = [f"{key}: not a key archive.json holds (it holds {', '.join(known)})" for key in info if key not in known]
    return unknown + [p.removeprefix(TOP) for p in errors(info, SCHEMA) if not p.startswith(TOP + "Additional prop")]


def _checked(path: Path) -> tuple[dict, list[str]]:
    """The content of archive.json at ``path`` ({} when missing) and what is wrong with it (empty: valid)."""
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, []
    except (OSError, ValueError) as e:
        return {}, [f"not readable JSON ({' '.join(str(e).split())})"]
    return info, problems_of(info)


def file_problems(root: Path) -> list[str]:
    """What is wrong with ``ARCHIVE/archive.json`` (empty: valid or missing), for ``archivist verify``."""
    return _checked(Path(root) / INFO)[1]


def read_info(root: Path) -> dict:
    """``archive.json`` as a dict: empty when missing (the earliest archives have none), else checked.

    Raises :class:`ArchiveInfoInvalid` naming the file and the key when it is not JSON or fails its schema.
    """
    path = Path(root) / INFO
    info, problems = _checked(path)
    if problems:
        raise ArchiveInfoInvalid(path, problems)
    return info


def write_info(root: Path, info: dict) -> None:
    """Write ``archive.json`` atomically, after checking it: the one place it is written (the store's writer
    calls it under the archive's lock). Raises :class:`ArchiveInfoInvalid`, writing nothing, when it would
    not match its schema."""
    path = Path(root) / INFO
    problems = problems_of(info)
    if problems:
        raise ArchiveInfoInvalid(path, problems, writing=True)
    atomic_write_json(path, info)


def load_organisation(root: Path) -> dict | None:
    """``organisation`` of ``archive.json``, or None (checked with the whole file: see :func:`read_info`)."""
    return read_info(root).get("organisation")


def is_postgres(url: str | None) -> bool:
    """Whether an index address names a PostgreSQL database (anything else is the archive's index.sqlite)."""
    return url is not None and url.startswith(("postgresql://", "postgres://"))


def index_url(root: Path) -> str | None:
    """The shared index an archive was set up with (``archive.json``: "index"), if any."""
    return read_info(root).get("index")
