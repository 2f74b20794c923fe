"""One PostgreSQL index database, one archive (archivist/indexowner.py): a second archive naming a database
that holds another's index is refused before anything is deleted or written; the same archive goes on; moving
the index back to SQLite frees the database; an earlier version's unowned database is taken only when every
row is one of the archive's records. With a real PostgreSQL server (tests/pgserver.py), and once through the
real CLI on generated scans."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from archivist.index_pg import PgIndex, remove_documents
from archivist.indexowner import OWNER_TABLE, IndexTaken
from tests.textpage import save_scan


def _database(server: str, name: str) -> str:
    """A fresh database on the test server; its URL with a password, which no message may show."""
    import psycopg

    with psycopg.connect(server, autocommit=True) as db:
        db.execute(f"CREATE DATABASE {name}")
    return server.rsplit("/", 1)[0].replace("archivist@", "archivist:secret@") + f"/{name}"


#: Archive identities as archivist gives them (UUIDs: schemas/archive.schema.json), one per archive of a test.
ID = {c: f"00000000-0000-4000-8000-00000000000{c}" for c in "abcd"}


def _archive(root: Path, ident: str | None, records: tuple[str, ...] = ()) -> Path:
    (root / "documents").mkdir(parents=True)
    (root / "archive.json").write_text(json.dumps({"archive_id": ident} if ident else {}), encoding="utf-8")
    for doc_id in records:  # only the names count for the owner check
        (root / "documents" / f"{doc_id}.json").write_text("{}", encoding="utf-8")
    return root


def _rows(url: str, sql: str) -> list[tuple]:
    import psycopg

    with psycopg.connect(url) as db:
        return db.execute(sql).fetchall()


def _owners(url: str) -> list[str]:
    """The archive ids the database says it indexes (none before a claim made the table)."""
    if _rows(url, f"SELECT to_regclass('public.{OWNER_TABLE}')") == [(None,)]:
        return []
    return [r[0] for r in _rows(url, f"SELECT archive_id FROM {OWNER_TABLE}")]


def test_a_second_archive_is_refused_and_the_first_keeps_its_rows(tmp_path: Path, pg_url: str) -> None:
    url = _database(pg_url, "shared_one")
    a, b = _archive(tmp_path / "a", ID["a"]), _archive(tmp_path / "b", ID["b"])
    with PgIndex(url, a) as idx:
        idx.db.execute("INSERT INTO documents (id, type) VALUES ('doc-a1', 'Công văn')")
    assert _owners(url) == [ID["a"]]
    with pytest.raises(IndexTaken) as e:
        PgIndex(url, b)
    msg = str(e.value)
    assert "archivist:***@127.0.0.1" in msg and "secret" not in msg and "createdb archive_xa_b" in msg
    assert e.value.exit_code == 2
    assert _rows(url, "SELECT id FROM documents") == [("doc-a1",)]
    assert _owners(url) == [ID["a"]]
    with PgIndex(url, a) as idx:  # the same archive goes on
        assert idx.document_ids() == ["doc-a1"]
    assert remove_documents(url, ["doc-a1"], ID["b"]) is None  # not b's to remove
    assert _rows(url, "SELECT id FROM documents") == [("doc-a1",)]
    assert remove_documents(url, ["doc-a1"], ID["a"]) == 1  # a moves away: the database is free
    assert _owners(url) == []
    with PgIndex(url, b):
        pass
    assert _owners(url) == [ID["b"]]


def test_an_earlier_versions_unowned_database(tmp_path: Path, pg_url: str) -> None:
    url = _database(pg_url, "unowned")
    with PgIndex(url):  # no archive: the tables as an earlier version left them, no owner
        pass
    import psycopg

    with psycopg.connect(url) as db:
        db.execute("INSERT INTO documents (id) VALUES ('doc-x'), ('doc-y')")
    with pytest.raises(IndexTaken):  # doc-y is not one of its records
        PgIndex(url, _archive(tmp_path / "c", ID["c"], ("doc-x",)))
    with pytest.raises(IndexTaken):  # nor for a reader of an archive that has no identity yet
        PgIndex(url, _archive(tmp_path / "old", None, ("doc-x",)))
    assert _rows(url, "SELECT id FROM documents ORDER BY id") == [("doc-x",), ("doc-y",)]
    assert _owners(url) == []
    with PgIndex(url, _archive(tmp_path / "d", ID["d"], ("doc-x", "doc-y", "doc-z"))):
        pass
    assert _owners(url) == [ID["d"]]


def _cli(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "archivist.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=600)


@pytest.mark.slow
def test_two_archives_one_database_through_the_cli(tmp_path: Path, pg_url: str) -> None:
    url = _database(pg_url, "commune_db")
    scans = tmp_path / "scans"
    scans.mkdir()
    save_scan(scans / "p0.jpg", seed=31)
    a, b = tmp_path / "a", tmp_path / "b"
    res = _cli("process", scans, "--archive", a, "--workers", "1", "--quiet", "--index", url)
    assert res.returncode == 0, res.stderr
    info_a = json.loads((a / "archive.json").read_text(encoding="utf-8"))
    assert len(info_a["archive_id"]) == 36 and info_a["index"] == url
    ids = sorted(p.stem for p in (a / "documents").glob("*.json"))
    assert _rows(url, "SELECT id FROM documents ORDER BY id") == [(i,) for i in ids]

    other = tmp_path / "other-scans"
    other.mkdir()
    save_scan(other / "q0.jpg", seed=32)
    res = _cli("process", other, "--archive", b, "--workers", "1", "--quiet", "--index", url)
    lines = res.stderr.strip().splitlines()
    assert res.returncode == 2 and len(lines) == 1, res.stderr
    assert lines[0].startswith("error: the PostgreSQL index postgresql://archivist:***@") and "createdb" in lines[0]
    assert _rows(url, "SELECT id FROM documents ORDER BY id") == [(i,) for i in ids]  # a's rows all there
    assert not (b / "archive.json").exists() or "index" not in json.loads(
        (b / "archive.json").read_text(encoding="utf-8"))  # b never named it
    assert not list((b / "documents").glob("*.pdf"))
    res = _cli("search", "quyet OR ban OR dinh", "--archive", a, "--json")
    assert res.returncode == 0 and {h["doc_id"] for h in json.loads(res.stdout)} == set(ids), res.stderr

    res = _cli("reindex", "--archive", a, "--index", "sqlite")  # a moves away: the database is free
    assert res.returncode == 0, res.stderr
    assert _owners(url) == []
    res = _cli("process", other, "--archive", b, "--workers", "1", "--quiet", "--index", url)
    assert res.returncode == 0, res.stderr
    info_b = json.loads((b / "archive.json").read_text(encoding="utf-8"))
    assert _owners(url) == [info_b["archive_id"]]
    assert info_b["archive_id"] != info_a["archive_id"]
