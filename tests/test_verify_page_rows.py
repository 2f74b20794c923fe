"""``archivist verify`` compares every column of an index's page rows with the record, in both backends.

Why: session 39 gave PostgreSQL's page rows their own scan (``source``), as SQLite's have, so that a hit names the
page that matched; but verify on PostgreSQL compared each page's text only, so a row whose scan (or whose search
words) had been changed in the database passed, while the same change in SQLite was reported. The check now
compares what SQLite's compares: the page's text, its own scan and its search words (on PostgreSQL the two
vectors, made by the server from the record as the writer makes them). Against a real PostgreSQL server
(tests/pgserver.py) and a real SQLite index, on a small hand-made record."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from archivist.indexcheck import check_index
from archivist.indexing import open_index
from tests.test_hit_source import _database, _record

DOC = "doc-0123456789abcdef"
PATH = f"documents/{DOC}.json"


def _archive(root: Path, url: str | None) -> dict:
    """An archive holding one folder document of three pages, indexed in ``url`` (None: index.sqlite)."""
    (root / "documents").mkdir(parents=True)
    rec = _record("/scans/ho-so")
    data = json.dumps(rec, ensure_ascii=False).encode()
    (root / PATH).write_bytes(data)
    (root / "archive.json").write_text(json.dumps({"index": url} if url else {}), encoding="utf-8")
    with open_index(root, url) as idx:
        idx.upsert_document(rec, hashlib.sha256(data).hexdigest())
    return rec


def _run(root: Path, url: str | None, sql: str) -> None:
    if url:
        import psycopg

        with psycopg.connect(url, autocommit=True) as db:
            db.execute(sql)
    else:
        with sqlite3.connect(root / "index.sqlite") as db:
            db.execute(sql)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_verify_finds_a_page_row_whose_scan_was_changed(tmp_path: Path, backend: str,
                                                        request: pytest.FixtureRequest) -> None:
    url = _database(request.getfixturevalue("pg_url"), "verify_scan") if backend == "postgresql" else None
    root = tmp_path / "archive"
    rec = _archive(root, url)
    assert check_index(root, {PATH: rec}) == []
    _run(root, url, "UPDATE pages SET source = '/elsewhere/page-009.jpg'")
    problems = check_index(root, {PATH: rec})
    assert [p for p, _ in problems] == [PATH]
    assert "page 1 differs from the record (its text, words or scan)" in problems[0][1]
    assert "page 3 differs" in problems[0][1] and "archivist reindex" in problems[0][1]
    with open_index(root, url) as idx:  # what verify tells a user to run mends it
        idx.reindex(root)
    assert check_index(root, {PATH: rec}) == []


def test_verify_on_postgresql_finds_a_page_whose_search_words_were_changed(tmp_path: Path, pg_url: str) -> None:
    """The page's text and scan as the record has them, its words for search not: a search would miss it."""
    url = _database(pg_url, "verify_words")
    root = tmp_path / "archive"
    rec = _archive(root, url)
    _run(root, url, "UPDATE pages SET ftsv = to_tsvector('simple', 'khac') WHERE page = 2")
    problems = check_index(root, {PATH: rec})
    assert len(problems) == 1 and "page 2 differs" in problems[0][1] and "page 1" not in problems[0][1]
    _run(root, url, "UPDATE pages SET ftsv = (SELECT ftsv FROM pages WHERE page = 1) WHERE page = 2")
    assert "page 2 differs" in check_index(root, {PATH: rec})[0][1]  # another page's words are not its own
    with open_index(root, url) as idx:
        idx.reindex(root)
    _run(root, url, "UPDATE pages SET etsv = to_tsvector('simple', 'khac') WHERE page = 3")
    assert "page 3 differs" in check_index(root, {PATH: rec})[0][1]
