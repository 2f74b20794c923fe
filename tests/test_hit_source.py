"""A page hit names the scan of the page that matched, in both index backends. A folder of page images is one
document whose record keeps each page's own scan (``pages[i].source.path``); the SQLite index stored it per
page, but the PostgreSQL index had only the document's list, so every hit on a folder document listed every
page's scan, ``page-001.jpg; page-002.jpg``, in search's terminal table and in ``--json``.

A unit test of the PostgreSQL backend on a record, and end to end through the real CLI on a generated folder
document, processed into SQLite and into a real PostgreSQL server (tests/pgserver.py)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from archivist.index_pg import PgIndex
from tests.test_lock import CLI
from tests.textpage import save_scan

QUERY = "ban OR thang OR xa"


def _record(folder: str) -> dict:
    pages = [{"text": f"Ủy ban nhân dân xã Tân Hương trang {n}", "source": {"path": f"{folder}/page-00{n}.jpg",
                                                                          "index": 0}} for n in (1, 2, 3)]
    return {"id": "doc-0123456789abcdef", "page_count": 3, "pages": pages, "metadata": {"type": "Quyết định"},
            "source": {"paths": [p["source"]["path"] for p in pages]},
            "output": {"pdf": "documents/doc-0123456789abcdef.pdf"}}


def test_the_postgresql_index_gives_each_page_hit_its_own_scan(pg_url: str) -> None:
    with PgIndex(pg_url) as idx:
        idx.upsert_document(_record("/scans/ho-so"))
        hits = sorted((h.page, h.source) for h in idx.search("tan huong"))
        assert hits == [(n, f"/scans/ho-so/page-00{n}.jpg") for n in (1, 2, 3)]
        # rows an earlier version wrote (no page source) still name the document's scans, as before
        idx.db.execute("UPDATE pages SET source = NULL WHERE page = 2")
        hit = next(h for h in idx.search("tan huong") if h.page == 2)
        assert hit.source == "; ".join(f"/scans/ho-so/page-00{n}.jpg" for n in (1, 2, 3))


def _database(server: str, name: str) -> str:
    """A fresh database on the test server, its address (the server's own one holds the unit test's rows)."""
    import psycopg

    with psycopg.connect(server, autocommit=True) as db:
        db.execute(f"CREATE DATABASE {name}")
    return server.rsplit("/", 1)[0] + f"/{name}"


def _cli(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, timeout=600, env=dict(os.environ))


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_search_names_the_scan_of_the_page_that_matched(tmp_path: Path, backend: str,
                                                        request: pytest.FixtureRequest) -> None:
    folder = tmp_path / "scans" / "ho-so-dat"
    folder.mkdir(parents=True)
    pages = [save_scan(folder / f"page-00{n}.jpg", seed=40 + n) for n in (1, 2)]
    archive = tmp_path / "archive"
    index = ["--index", _database(request.getfixturevalue("pg_url"), "hit_source")] if backend == "postgresql" else []
    res = _cli("process", tmp_path / "scans", "--archive", archive, "--workers", "1", "--quiet", *index)
    assert res.returncode == 0, res.stdout + res.stderr
    hits = json.loads(_cli("search", QUERY, "--archive", archive, "--json", "--limit", "100").stdout)
    assert sorted((h["page"], h["source"]) for h in hits) == [(1, str(pages[0])), (2, str(pages[1]))]
    piped = _cli("search", QUERY, "--archive", archive, "--limit", "100").stdout.splitlines()
    shown = sorted((int(line.split("\t")[1]), line.split("\t")[6]) for line in piped)
    assert shown == [(1, str(pages[0])), (2, str(pages[1]))]
