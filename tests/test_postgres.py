"""The PostgreSQL index against a real server started for the test: the same hits as SQLite."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from archivist.index import Filters
from archivist.indexing import open_index

QUERIES = ["quyet dinh", "Quyết định", '"cộng hòa xã hội"', "khai*", "ubnd NOT quyet", "bao cao OR to trinh",
           "(dat OR ho) AND xa", "ubnd"]


def _hits(archive: Path, q: str, url: str | None = None, **kw) -> set[tuple[str, int]]:
    with open_index(archive, url) as idx:
        return {(h.doc_id, h.page) for h in idx.search(q, Filters(**kw) if kw else None, limit=1000)}


def test_same_hits_as_sqlite(archive_copy: Path, pg_url: str) -> None:
    with open_index(archive_copy, pg_url) as idx:
        assert idx.rebuild() == len(list((archive_copy / "documents").glob("*.json")))
    for q in QUERIES:
        lite, pg = _hits(archive_copy, q), _hits(archive_copy, q, pg_url)
        assert lite == pg, q
        assert lite, q
    assert _hits(archive_copy, "ubnd", type="quyet dinh") == _hits(archive_copy, "ubnd", pg_url, type="quyet dinh")
    assert _hits(archive_copy, "ubnd", issuer="uy ban") == _hits(archive_copy, "ubnd", pg_url, issuer="uy ban")


def test_stored_rows_are_what_verify_expects(archive_copy: Path, pg_url: str) -> None:
    """verify's index check (archivist.indexcheck) on PostgreSQL: each record's stored rows are the ones it
    expects of the record file, and an id never indexed has none."""
    with open_index(archive_copy, pg_url) as idx:
        idx.rebuild()
        for path in sorted((archive_copy / "documents").glob("*.json")):
            data = path.read_bytes()
            fields, pages = idx.stored_rows(path.stem)
            assert (fields, pages) == idx.expected_rows(json.loads(data), hashlib.sha256(data).hexdigest())
            assert fields["id"] == path.stem and "record_mtime" not in fields and pages
        assert idx.stored_rows("doc-ghost") is None

@pytest.mark.slow
def test_process_and_search_with_a_shared_index(tmp_path: Path, pg_url: str) -> None:
    from PIL import Image

    from tests.textpage import scan, text_page

    scans = tmp_path / "scans"
    scans.mkdir()
    im, _ = text_page(200, seed=77, lines=10)
    Image.fromarray(scan(im, 5.0, 0)).save(scans / "p.jpg", dpi=(200, 200), quality=80)
    archive = tmp_path / "archive"
    url = pg_url.rsplit("/", 1)[0] + "/postgres"  # a second database: the shared one of another province
    res = subprocess.run([sys.executable, "-m", "archivist.cli", "process", str(scans), "--archive", str(archive),
                          "--workers", "1", "--index", url, "--quiet"], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert not (archive / "index.sqlite").exists()
    out = subprocess.run([sys.executable, "-m", "archivist.cli", "search", "uy ban", "--archive", str(archive)],
                         capture_output=True, text=True, check=True).stdout
    assert out.startswith("doc-")
    doc_id = out.split("\t", 1)[0]
    assert json.loads((archive / "archive.json").read_text(encoding="utf-8"))["index"] == url
    import psycopg

    with psycopg.connect(url) as db:  # the rows are in the database named on the command line ...
        assert db.execute("SELECT id, page_count FROM documents").fetchall() == [(doc_id, 1)]
        assert db.execute("SELECT count(*) FROM pages WHERE doc_id = %s", (doc_id,)).fetchone() == (1,)
    with psycopg.connect(pg_url) as db:  # ... and not in the other one on the same server
        (table,) = db.execute("SELECT to_regclass('public.documents')").fetchone()
        assert table is None or db.execute("SELECT count(*) FROM documents WHERE id = %s", (doc_id,)).fetchone() == (0,)
