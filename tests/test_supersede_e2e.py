"""A rescanned dossier replaces its first version, through the real CLI on generated scans, with the SQLite
index and with a PostgreSQL one: nothing is deleted, searches leave the old version out unless asked,
manifests and the catalogue still list it, verify passes, a rebuilt index answers the same, undo restores."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from archivist.schemas import validate
from tests.pdfcheck import assert_valid_pdfa
from tests.pgserver import pg_bin, postgres_server
from tests.textpage import save_scan, versioned_scans


def _cli(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "archivist.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=600)


def _process(inputs: Path, archive: Path, fonds: str, *extra: object) -> dict:
    res = _cli("process", inputs, "--archive", archive, "--workers", 1, "--fonds", fonds, "--json", *extra)
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)


def _processed(out: dict) -> list[str]:
    return [d["id"] for d in out["documents"] if d["status"] == "processed"]


def _record(archive: Path, doc_id: str) -> dict:
    return json.loads((archive / "documents" / f"{doc_id}.json").read_text(encoding="utf-8"))


def _search(archive: Path, query: str, *extra: str) -> list[tuple[str, str, str]]:
    """(id, page, what the snippet starts with) of each piped hit line."""
    res = _cli("search", query, "--archive", archive, "--limit", 100, *extra)
    assert res.returncode == 0, res.stderr
    lines = [ln.split("\t") for ln in res.stdout.splitlines() if ln.startswith("doc-")]
    return sorted((c[0], c[1], c[8].split(" — ")[0] if c[8].startswith("superseded") else "") for c in lines)


def _indexed_link(url: str | None, archive: Path, doc_id: str) -> str | None:
    """The superseded_by column of the document's row, read from the database itself (PostgreSQL or SQLite)."""
    if url:
        import psycopg

        with psycopg.connect(url) as db:
            return db.execute("SELECT superseded_by FROM documents WHERE id = %s", (doc_id,)).fetchone()[0]
    import sqlite3

    with sqlite3.connect(archive / "index.sqlite") as db:
        return db.execute("SELECT superseded_by FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(params=["sqlite", "postgresql"])
def index_url(request: pytest.FixtureRequest, tmp_path: Path):
    if request.param == "sqlite":
        yield None
        return
    if pg_bin() is None:
        pytest.skip("PostgreSQL is not installed (apt install postgresql)")
    with postgres_server(tmp_path / "pg") as url:
        yield url


def _review_ids(archive: Path, sheet: Path) -> set[str]:
    """The documents ``archivist review export`` lists a field of."""
    res = _cli("review", "export", "--archive", archive, "--out", sheet)
    assert res.returncode == 0, res.stderr
    return {r["document_id"] for r in csv.DictReader(io.StringIO(sheet.read_text(encoding="utf-8-sig")))}


@pytest.mark.slow  # a whole batch through OCR, twice (make test-fast leaves it out)
def test_a_rescanned_dossier_replaces_its_first_version(tmp_path: Path, index_url: str | None) -> None:
    archive = tmp_path / "archive"
    scans, dossier, other_scan = versioned_scans(tmp_path)
    assert _cli("init", "--archive", archive, "--commune", "04714").returncode == 0
    [old] = _processed(_process(scans, archive, "C04714", *(["--index", index_url] if index_url else [])))
    [other] = _processed(_process(other_scan, archive, "C04756"))  # another fonds
    save_scan(dossier / "trang 3.jpg", seed=3)  # the missed page, rescanned into the folder
    again = _process(scans, archive, "C04714")
    [new] = _processed(again)
    [warning] = [w for w in again["warnings"] if "already archived as" in w]
    assert warning.endswith(f"archivist supersede {old} --by {new} --archive {archive}")
    assert json.loads((archive / "archive.json").read_text(encoding="utf-8")).get("index") == index_url

    # a word of the first page, which both versions share
    words = [w for w in _record(archive, old)["pages"][0]["text"].split() if re.fullmatch(r"\w{4,}", w)]
    query = words[0]
    before = _search(archive, query)
    assert {h[0] for h in before} >= {old, new}
    pdfs = {i: _sha(archive / "documents" / f"{i}.pdf") for i in (old, new)}
    res = _cli("manifest", "--archive", archive, "--out", tmp_path / "before.json")
    assert res.returncode == 0, res.stderr
    first = json.loads((tmp_path / "before.json").read_text(encoding="utf-8"))

    assert old in _review_ids(archive, tmp_path / "review-before.csv")  # its doubtful fields, before

    refused = _cli("supersede", old, "--by", other, "--archive", archive)
    assert refused.returncode == 2
    assert refused.stderr.strip() == (f"error: {old} is in fonds C04714 and {other} in fonds C04756: a version can "
                                      "only replace one of the same fonds (provenance must not mix)")
    res = _cli("supersede", old, "--by", new, "--archive", archive, "--person", "Nguyễn Thị Lan",
               "--reason", "trang 3 quét bổ sung", "--json")
    assert res.returncode == 0, res.stderr
    done = json.loads(res.stdout)
    assert (done["action"], done["old"], done["new"], done["person"]) == ("superseded", old, new, "Nguyễn Thị Lan")
    loop = _cli("supersede", new, "--by", old, "--archive", archive)
    assert loop.returncode == 2 and "the chain would loop" in loop.stderr

    rec_old, rec_new = _record(archive, old), _record(archive, new)
    assert rec_old["superseded_by"] == {"id": new, "at": done["at"], "person": "Nguyễn Thị Lan",
                                        "reason": "trang 3 quét bổ sung"}
    assert rec_new["supersedes"] == [old]
    assert _indexed_link(index_url, archive, old) == new  # the index the archive names holds the link
    assert rec_old["history"][-1]["field"] == "superseded_by" and rec_new["history"][-1]["field"] == "supersedes"
    assert {i: _sha(archive / "documents" / f"{i}.pdf") for i in (old, new)} == pdfs  # only the records changed
    assert rec_old["output"]["sha256"] == pdfs[old]

    default, every = _search(archive, query), _search(archive, query, "--all-versions")
    assert old not in {h[0] for h in default} and new in {h[0] for h in default}
    assert every == sorted([*default, *((i, p, f"superseded by {new}") for i, p, _ in before if i == old)])
    hits = json.loads(_cli("search", query, "--archive", archive, "--all-versions", "--json").stdout)
    assert {h["doc_id"]: h["superseded_by"] for h in hits}[old] == new
    assert {h["doc_id"]: h["superseded_by"] for h in hits}[new] is None

    res = _cli("manifest", "--archive", archive, "--out", tmp_path / "m.json")
    assert res.returncode == 0, res.stderr
    manifest = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    validate(manifest, "retention-manifest")
    rows = {e["document_id"]: e for e in manifest["entries"] if e["level"] == "document"}
    assert set(rows) == {old, new, other}  # nothing left the inventory
    assert (rows[old]["superseded_by"], rows[old]["supersedes"]) == (new, [])
    assert (rows[new]["superseded_by"], rows[new]["supersedes"]) == (None, [old])
    was = {e["document_id"]: e for e in first["entries"] if e["level"] == "document"}
    assert all((rows[i]["retention"], rows[i]["status"]) == (was[i]["retention"], was[i]["status"]) for i in was)
    res = _cli("manifest", "--archive", archive, "--format", "csv", "--out", tmp_path / "m.csv")
    assert res.returncode == 0, res.stderr
    table = list(csv.DictReader(io.StringIO((tmp_path / "m.csv").read_text(encoding="utf-8-sig"))))
    by_id = {r["document_id"]: r for r in table if r["level"] == "document"}
    assert (by_id[old]["superseded_by"], by_id[old]["supersedes"]) == (new, "")
    assert (by_id[new]["superseded_by"], by_id[new]["supersedes"]) == ("", old)
    res = _cli("catalogue", "--archive", archive, "--out", tmp_path / "catalogue")
    assert res.returncode == 0, res.stderr
    notes = [r["Ghi chú"] for r in csv.DictReader(io.StringIO(
        (tmp_path / "catalogue" / "muc-luc-ho-so.csv").read_text(encoding="utf-8-sig")))]
    assert sum(f"Đã được thay thế bởi bản {new}" in n for n in notes) == 1
    assert sum(f"Thay thế bản {old}" in n for n in notes) == 1

    reviewed = _review_ids(archive, tmp_path / "review.csv")  # the version served is the one to check
    assert old not in reviewed and new in reviewed
    res = _cli("verify", "--archive", archive, "--no-sources")
    assert res.returncode == 0, res.stdout + res.stderr
    res = _cli("reindex", "--archive", archive)
    assert res.returncode == 0, res.stderr
    assert _search(archive, query) == default and _search(archive, query, "--all-versions") == every

    again = _process(scans, archive, "C04714", "--layout", "blocks")  # other settings: the new version redone
    assert _processed(again) == [new] and _record(archive, new)["supersedes"] == [old]
    assert _record(archive, new)["history"] == rec_new["history"]

    res = _cli("supersede", old, "--undo", "--archive", archive, "--person", "Nguyễn Thị Lan", "--reason", "nhầm")
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip().startswith(f"{old} is current again")
    assert old in {h[0] for h in _search(archive, query)}
    rec_old = _record(archive, old)
    assert _indexed_link(index_url, archive, old) is None
    assert "superseded_by" not in rec_old and [h["new"] for h in rec_old["history"][-2:]] == [new, None]
    assert _cli("supersede", old, "--undo", "--archive", archive).returncode == 2  # nothing left to undo
    res = _cli("verify", "--archive", archive, "--no-sources")
    assert res.returncode == 0, res.stdout + res.stderr
    assert_valid_pdfa(archive)
