"""Where an archive's index lives, through the real CLI: an archive whose index is in PostgreSQL never gets an
``index.sqlite`` from archivist (``init`` before ``process --index`` made an empty one that nobody updated), and
``reindex --index`` moves the index from SQLite to a real PostgreSQL server and back, the search answering the
same each time, ``verify`` checking the index in use and saying when a stale ``index.sqlite`` lies beside it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from archivist.index import SqliteIndex
from tests.pgserver import pg_bin, postgres_server
from tests.textpage import save_scan


def _cli(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "archivist.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=600)


def _ok(*args: object) -> subprocess.CompletedProcess:
    res = _cli(*args)
    assert res.returncode == 0, res.stdout + res.stderr
    return res


def _process(archive: Path, scan: Path, *extra: object) -> None:
    _ok("process", scan, "--archive", archive, "--workers", 1, "--fonds", "C04714", "--quiet", *extra)


def _sqlite(archive: Path) -> list[str]:
    return sorted(p.name for p in archive.glob("index.sqlite*"))


def _index_named(archive: Path) -> str | None:
    return json.loads((archive / "archive.json").read_text(encoding="utf-8")).get("index")


def _hits(archive: Path, query: str | None = None) -> list[str]:
    """doc:page of each hit; without a query, of one that names a word of every record (each is found)."""
    if query is None:
        recs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((archive / "documents").glob("*.json"))]
        query = " OR ".join(next(w for w in r["text"].split() if re.fullmatch(r"\w{4,}", w)) for r in recs)
    res = _ok("search", query, "--archive", archive, "--limit", 100, "--json")
    return sorted(f"{h['doc_id']}:{h['page']}" for h in json.loads(res.stdout))


def _found(archive: Path) -> set[str]:
    return {h.split(":")[0] for h in _hits(archive)}


def _verify(archive: Path) -> str:
    return _ok("verify", "--archive", archive, "--no-sources").stderr


@pytest.fixture
def pg(tmp_path: Path):
    if pg_bin() is None:
        pytest.skip("PostgreSQL is not installed (apt install postgresql)")
    with postgres_server(tmp_path / "pg") as url:
        yield url


def test_init_and_the_fonds_commands_make_no_index(tmp_path: Path) -> None:
    """Nothing to index, no index file: the first record indexed makes it (SQLite) or fills PostgreSQL."""
    archive = tmp_path / "archive"
    _ok("init", "--archive", archive, "--commune", "04714")
    _ok("fonds", "add", "--archive", archive, "--code", "DU01", "--name", "Đảng ủy xã Yên Bình")
    assert _sqlite(archive) == []
    assert _hits(archive, "uy ban") == []  # a search on the empty archive still answers, and writes nothing
    assert "no problems" in _verify(archive)
    assert _sqlite(archive) == []


def test_reindex_refuses_an_index_it_cannot_use(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    _ok("init", "--archive", archive, "--commune", "04714")
    for command in (["reindex"], ["process", tmp_path]):
        res = _cli(*command, "--archive", archive, "--index", "mysql://x@y/z")
        assert res.returncode == 2
        (line,) = res.stderr.splitlines()  # one line, and where to look
        assert line.startswith("error: Invalid value for '--index': 'mysql://x@y/z': give a "
                               "postgresql://USER@HOST/DB address or 'sqlite' (see '")
        assert line.endswith(f" {command[0]} --help')")
    assert _index_named(archive) is None and _sqlite(archive) == []


@pytest.mark.slow
def test_init_then_process_into_postgresql_leaves_no_sqlite_index(tmp_path: Path, pg: str) -> None:
    archive = tmp_path / "archive"
    _ok("init", "--archive", archive, "--commune", "04714")
    _process(archive, save_scan(tmp_path / "a.jpg", 1), "--index", pg)
    assert _index_named(archive) == pg and _sqlite(archive) == []
    [hit] = _found(archive)
    import psycopg

    with psycopg.connect(pg) as db:
        assert db.execute("SELECT id FROM documents").fetchall() == [(hit,)]
    assert "no problems" in _verify(archive)

    # an archive set up by an earlier version: its init left an empty index.sqlite beside the PostgreSQL one
    SqliteIndex(archive / "index.sqlite", archive).close()
    said = _verify(archive)
    assert "note: index.sqlite: not the archive's index, which is in PostgreSQL" in said and "no problems" in said
    _process(archive, save_scan(tmp_path / "b.jpg", 2))
    assert _sqlite(archive) == []  # the next writer removed it
    assert len(_found(archive)) == 2
    assert "index.sqlite" not in _verify(archive)


@pytest.mark.slow
def test_the_index_moves_to_postgresql_and_back(tmp_path: Path) -> None:
    if pg_bin() is None:
        pytest.skip("PostgreSQL is not installed (apt install postgresql)")
    archive = tmp_path / "archive"
    _ok("init", "--archive", archive, "--commune", "04714")
    _process(archive, save_scan(tmp_path / "a.jpg", 3))
    assert _sqlite(archive) and _index_named(archive) is None
    before = _hits(archive)
    assert before

    with postgres_server(tmp_path / "pg") as url:
        res = _ok("reindex", "--archive", archive, "--index", url)
        assert res.stdout.strip() == f"Indexed 1 document in PostgreSQL {url}."
        assert "note: removed index.sqlite: the archive's index is in PostgreSQL" in res.stderr
        assert _index_named(archive) == url and _sqlite(archive) == []
        assert _hits(archive) == before
        assert "no problems" in _verify(archive)  # the PostgreSQL rows checked against the records
        _process(archive, save_scan(tmp_path / "b.jpg", 4))
        assert _sqlite(archive) == []
        both = _hits(archive)
        assert len(_found(archive)) == 2

    # the server is gone: the index moves back all the same, rebuilt from the records
    res = _ok("reindex", "--archive", archive, "--index", "sqlite")
    assert res.stdout.strip() == f"Indexed 2 documents in {archive / 'index.sqlite'}."
    assert _index_named(archive) is None and "index.sqlite" in _sqlite(archive)
    assert _hits(archive) == both
    assert "no problems" in _verify(archive)
