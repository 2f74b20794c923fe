"""``archivist reindex`` builds the index once, and moving the index back to SQLite removes this archive's rows
from the PostgreSQL database it leaves (archivist/indexmove.py), a server that is gone being no error. Through
the real CLI (in process, where the index's writes are counted) on generated scans, with real SQLite and a real
PostgreSQL server (tests/pgserver.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from archivist.cli import main
from archivist.index import IndexBackend
from archivist.index_pg import PgIndex
from tests.pgserver import pg_bin, postgres_server
from tests.textpage import save_scan


def _process(scans: Path, archive: Path, *extra: object) -> None:
    res = subprocess.run([sys.executable, "-m", "archivist.cli", "process", str(scans), "--archive", str(archive),
                          "--workers", "1", "--quiet", *map(str, extra)], capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stdout + res.stderr


def _scans(tmp_path: Path, n: int) -> Path:
    scans = tmp_path / "scans"
    scans.mkdir()
    for i in range(n):
        save_scan(scans / f"p{i}.jpg", seed=20 + i)
    return scans


def _reindex(monkeypatch: pytest.MonkeyPatch, archive: Path, *extra: str) -> tuple[object, list[str]]:
    """``archivist reindex`` in this process, with the id of every document an index wrote, in order."""
    written: list[str] = []
    for cls in (IndexBackend, PgIndex):
        real = cls.upsert_document

        def spy(self, rec, *a, _real=real, **kw):
            written.append(rec["id"])
            return _real(self, rec, *a, **kw)

        monkeypatch.setattr(cls, "upsert_document", spy)
    return CliRunner().invoke(main, ["reindex", "--archive", str(archive), *extra]), written


def _search(archive: Path) -> list[tuple[str, int]]:
    res = CliRunner().invoke(main, ["search", "uy ban OR xa OR ngay", "--archive", str(archive), "--json",
                                    "--limit", "100"])
    assert res.exit_code == 0, res.output
    return sorted((h["doc_id"], h["page"]) for h in json.loads(res.stdout))


@pytest.mark.slow
def test_reindex_of_a_missing_sqlite_index_builds_it_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = tmp_path / "archive"
    _process(_scans(tmp_path, 2), archive)
    ids = sorted(p.stem for p in (archive / "documents").glob("*.json"))
    before = _search(archive)
    assert before and len(ids) == 2
    for f in archive.glob("index.sqlite*"):
        f.unlink()
    res, written = _reindex(monkeypatch, archive)
    assert res.exit_code == 0, res.output
    assert sorted(written) == ids  # each record indexed once, not once on opening and again by the rebuild
    assert _search(archive) == before


def _pg_ids(url: str) -> list[str]:
    import psycopg

    with psycopg.connect(url) as db:
        return [r[0] for r in db.execute("SELECT id FROM documents ORDER BY id")]


@pytest.mark.slow
def test_moving_back_to_sqlite_removes_this_archives_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if pg_bin() is None:
        pytest.skip("PostgreSQL is not installed (apt install postgresql)")
    with postgres_server(tmp_path / "pg") as pg:
        _move_back_and_check(tmp_path, pg, monkeypatch)


def _move_back_and_check(tmp_path: Path, pg: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import psycopg

    archive = tmp_path / "archive"
    _process(_scans(tmp_path, 2), archive, "--index", pg)
    ids = sorted(p.stem for p in (archive / "documents").glob("*.json"))
    before = _search(archive)
    with psycopg.connect(pg) as db:  # a row this archive does not hold: not its own to remove
        db.execute("INSERT INTO documents (id, type) VALUES ('doc-0000000000000000', 'Công văn')")
    assert _pg_ids(pg) == ["doc-0000000000000000", *ids]

    res, written = _reindex(monkeypatch, archive, "--index", "sqlite")
    assert res.exit_code == 0, res.output
    assert sorted(written) == ids  # SQLite built once
    assert f"note: removed this archive's 2 documents from the PostgreSQL index {pg}: the index is in " \
           "index.sqlite now" in res.stderr
    assert _pg_ids(pg) == ["doc-0000000000000000"]
    assert (archive / "index.sqlite").exists() and "index" not in json.loads(
        (archive / "archive.json").read_text(encoding="utf-8"))
    assert _search(archive) == before


@pytest.mark.slow
@pytest.mark.parametrize("to", ["sqlite", "another PostgreSQL database"])
def test_moving_away_when_the_server_is_gone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             request: pytest.FixtureRequest, to: str) -> None:
    if pg_bin() is None:
        pytest.skip("PostgreSQL is not installed (apt install postgresql)")
    archive = tmp_path / "archive"
    with postgres_server(tmp_path / "pg") as url:
        _process(_scans(tmp_path, 1), archive, "--index", url)
        before = _search(archive)
    new = "sqlite" if to == "sqlite" else _database(request.getfixturevalue("pg_url"), "after_gone")
    res, written = _reindex(monkeypatch, archive, "--index", new)
    assert res.exit_code == 0, res.output
    assert len(written) == 1
    where, shown = (archive / "index.sqlite", "index.sqlite") if to == "sqlite" else (f"PostgreSQL {new}", new)
    assert res.stdout == f"Indexed 1 document in {where}.\n"  # not "1 documents"
    assert f"note: the archive's rows in the PostgreSQL index {url} could not be removed (cannot reach" \
           in res.stderr and f"the index is in {shown} all the same" in res.stderr
    assert _search(archive) == before
    if to != "sqlite":
        assert len(_pg_ids(new)) == 1


def _database(server: str, name: str) -> str:
    """A fresh database on the test server, its address."""
    import psycopg

    with psycopg.connect(server, autocommit=True) as db:
        db.execute(f"CREATE DATABASE {name}")
    return server.rsplit("/", 1)[0] + f"/{name}"


def _owner_rows(url: str) -> list[tuple]:
    import psycopg

    with psycopg.connect(url) as db:
        if db.execute("SELECT to_regclass('public.archivist_index_owner')").fetchone()[0] is None:
            return []
        return db.execute("SELECT archive_id FROM archivist_index_owner").fetchall()


@pytest.mark.slow
def test_moving_to_another_postgresql_database_removes_the_rows_from_the_old_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pg_url: str) -> None:
    import psycopg

    first, second, third = (_database(pg_url, n) for n in ("move_first", "move_second", "move_third"))
    archive = tmp_path / "archive"
    scans = _scans(tmp_path, 2)
    _process(scans, archive, "--index", first)
    ids = sorted(p.stem for p in (archive / "documents").glob("*.json"))
    before = _search(archive)
    with psycopg.connect(first) as db:  # a row this archive does not hold: not its own to remove
        db.execute("INSERT INTO documents (id, type) VALUES ('doc-0000000000000000', 'Công văn')")
    ident = json.loads((archive / "archive.json").read_text(encoding="utf-8"))["archive_id"]

    res, written = _reindex(monkeypatch, archive, "--index", second)
    assert res.exit_code == 0, res.output
    assert sorted(written) == ids
    assert f"note: removed this archive's 2 documents from the PostgreSQL index {first}: the index is in " \
           f"{second} now" in res.stderr
    assert _pg_ids(first) == ["doc-0000000000000000"] and _owner_rows(first) == []  # freed for another archive
    assert _pg_ids(second) == ids and _owner_rows(second) == [(ident,)]
    assert json.loads((archive / "archive.json").read_text(encoding="utf-8"))["index"] == second
    assert _search(archive) == before

    res = subprocess.run([sys.executable, "-m", "archivist.cli", "process", str(scans), "--archive", str(archive),
                          "--workers", "1", "--index", third], capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr  # process --index moves it too: nothing to redo, the rows follow
    assert f"removed this archive's 2 documents from the PostgreSQL index {second}: the index is in {third} now" \
           in res.stdout + res.stderr
    assert _pg_ids(second) == [] and _owner_rows(second) == [] and _pg_ids(third) == ids

    same = third.replace("archivist@", "archivist:secret@")  # the same database, its address spelled otherwise
    res, _ = _reindex(monkeypatch, archive, "--index", same)
    assert res.exit_code == 0, res.output
    assert "removed" not in res.stderr and _pg_ids(third) == ids and _owner_rows(third) == [(ident,)]
    assert _search(archive) == before
