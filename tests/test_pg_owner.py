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


def _place(url: str) -> list[tuple]:
    return _rows(url, f"SELECT archive_id, host, path FROM {OWNER_TABLE}")


def test_a_copy_of_an_archive_is_refused_as_a_writer_and_a_moved_one_goes_on(tmp_path: Path, pg_url: str) -> None:
    import shutil
    import socket

    from archivist.indexowner import IndexCopied

    url = _database(pg_url, "copied")
    a = _archive(tmp_path / "a", ID["a"], ("doc-a1",))
    with PgIndex(url, a) as idx:
        idx.db.execute("INSERT INTO documents (id, type) VALUES ('doc-a1', 'Công văn')")
    host = socket.gethostname()
    assert _place(url) == [(ID["a"], host, str(a.resolve()))]

    copy = tmp_path / "a-copy"
    shutil.copytree(a, copy)  # the same archive_id, the original still there
    with pytest.raises(IndexCopied) as e:
        PgIndex(url, copy)
    msg = str(e.value)
    assert e.value.exit_code == 2 and "\n" not in msg and "secret" not in msg
    assert msg.startswith("the PostgreSQL index postgresql://archivist:***@127.0.0.1:") and \
           f"is the index of the archive at {a.resolve()}, of which {copy} is a copy (the same archive_id" in msg
    assert f"'archivist reindex --archive {copy} --index sqlite'" in msg
    with PgIndex(url, copy, writable=False) as idx:  # a reader of the copy may search the original's index
        assert idx.document_ids() == ["doc-a1"]
    assert remove_documents(url, ["doc-a1"], ID["a"], copy) is None  # the copy moving away takes nothing
    assert _rows(url, "SELECT id FROM documents") == [("doc-a1",)]
    assert _place(url) == [(ID["a"], host, str(a.resolve()))]

    shutil.rmtree(copy)
    moved = tmp_path / "elsewhere" / "a"
    moved.parent.mkdir()
    shutil.move(a, moved)  # the archive moved: it goes on, the database learns where it is
    with PgIndex(url, moved) as idx:
        assert idx.document_ids() == ["doc-a1"]
    assert _place(url) == [(ID["a"], host, str(moved.resolve()))]


def test_a_place_on_another_pc_is_judged_by_the_documents(tmp_path: Path, pg_url: str) -> None:
    """The last writer was another PC (its folders cannot be looked at from here): the same archive on a shared
    folder goes on; a copy whose original indexed documents it has no record of is refused."""
    import socket

    import psycopg

    from archivist.indexowner import IndexCopied

    url = _database(pg_url, "two_pcs")
    a = _archive(tmp_path / "a", ID["a"], ("doc-a1",))
    with PgIndex(url, a) as idx:
        idx.db.execute("INSERT INTO documents (id, type) VALUES ('doc-a1', 'Công văn')")
    with psycopg.connect(url) as db:
        db.execute(f"UPDATE {OWNER_TABLE} SET host = 'pc-2', path = '/mnt/share/archive'")
    with PgIndex(url, a):  # its records are the index's documents: the same archive, written from here now
        pass
    assert _place(url) == [(ID["a"], socket.gethostname(), str(a.resolve()))]

    with psycopg.connect(url) as db:
        db.execute(f"UPDATE {OWNER_TABLE} SET host = 'pc-2', path = '/mnt/share/archive'")
        db.execute("INSERT INTO documents (id, type) VALUES ('doc-a2', 'Tờ trình')")  # pc-2's archive's own
    with pytest.raises(IndexCopied, match="is the index of the archive at /mnt/share/archive on pc-2, of which"):
        PgIndex(url, a)
    assert _rows(url, "SELECT id FROM documents ORDER BY id") == [("doc-a1",), ("doc-a2",)]


@pytest.mark.slow
def test_a_copy_and_its_original_through_the_cli(tmp_path: Path, pg_url: str) -> None:
    import shutil

    url = _database(pg_url, "copy_cli")
    scans, more = tmp_path / "scans", tmp_path / "more"
    scans.mkdir()
    more.mkdir()
    save_scan(scans / "p0.jpg", seed=41)
    save_scan(more / "q0.jpg", seed=42)
    a = tmp_path / "a"
    assert _cli("process", scans, "--archive", a, "--workers", "1", "--quiet", "--index", url).returncode == 0
    ids = sorted(p.stem for p in (a / "documents").glob("*.json"))
    copy = tmp_path / "a-copy"
    shutil.copytree(a, copy)
    info = (copy / "archive.json").read_bytes()

    res = _cli("process", more, "--archive", copy, "--workers", "1", "--quiet")
    lines = res.stderr.strip().splitlines()
    assert res.returncode == 2 and len(lines) == 1, res.stderr
    assert lines[0].startswith("error: the PostgreSQL index postgresql://archivist:***@") and \
           f"archive at {a.resolve()}, of which {copy} is a copy" in lines[0]
    assert _rows(url, "SELECT id FROM documents ORDER BY id") == [(i,) for i in ids]  # nothing deleted or added
    assert (copy / "archive.json").read_bytes() == info
    assert sorted(p.stem for p in (copy / "documents").glob("*.json")) == ids  # the copy's batch never started
    res = _cli("search", "quyet OR ban OR dinh", "--archive", copy, "--json")  # reading the copy is fine
    assert res.returncode == 0 and {h["doc_id"] for h in json.loads(res.stdout)} == set(ids), res.stderr

    res = _cli("reindex", "--archive", copy, "--index", "sqlite")  # what the message says to do
    assert res.returncode == 0, res.stderr
    assert "left the PostgreSQL index" in res.stderr and "the archive this one is a copy of" in res.stderr
    assert _rows(url, "SELECT id FROM documents ORDER BY id") == [(i,) for i in ids]
    assert _cli("process", more, "--archive", copy, "--workers", "1", "--quiet").returncode == 0  # its own index
    assert (copy / "index.sqlite").exists()

    moved = tmp_path / "moved"
    shutil.move(a, moved)  # the original moved: it goes on with its database
    res = _cli("process", more, "--archive", moved, "--workers", "1", "--quiet")
    assert res.returncode == 0, res.stderr
    now = sorted(p.stem for p in (moved / "documents").glob("*.json"))
    assert len(now) == 2 and _rows(url, "SELECT id FROM documents ORDER BY id") == [(i,) for i in now]
    assert _rows(url, f"SELECT path FROM {OWNER_TABLE}") == [(str(moved.resolve()),)]


def test_an_owner_row_of_the_version_before_places_learns_the_place(tmp_path: Path, pg_url: str) -> None:
    """A database claimed by session 35's archivist (no host, no path) takes the writer's place on its next write;
    a reader writes nothing there."""
    import socket

    import psycopg

    url = _database(pg_url, "claimed_before")
    a = _archive(tmp_path / "a", ID["a"])
    with psycopg.connect(url) as db:
        db.execute(f"CREATE TABLE {OWNER_TABLE} (archive_id TEXT PRIMARY KEY, claimed TIMESTAMPTZ NOT NULL "
                   "DEFAULT now())")
        db.execute(f"INSERT INTO {OWNER_TABLE} (archive_id) VALUES (%s)", (ID["a"],))
    with PgIndex(url, a, writable=False):
        pass
    assert _rows(url, f"SELECT count(*) FROM information_schema.columns WHERE table_name = '{OWNER_TABLE}'") == [(2,)]
    with PgIndex(url, a):
        pass
    assert _place(url) == [(ID["a"], socket.gethostname(), str(a.resolve()))]
