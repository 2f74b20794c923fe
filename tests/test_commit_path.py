"""One commit path (issue 15, items 1 and 5): a review import goes through the same derive-and-validate as
``process``; ``verify`` compares the index with the records; a damaged PDF is reported when remade."""

from __future__ import annotations

import csv
import json
import sqlite3
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from archivist.cli_archive import verify
from archivist.cli_review import review
from archivist.cli_search import reindex, search
from archivist.review import COLUMNS
from tests.test_lock import CLI


def _sheet(path: Path, rows: list[dict]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows(dict.fromkeys(COLUMNS, "") | r for r in rows)
    return path


def _record(archive: Path, doc_id: str) -> dict:
    return json.loads((archive / "documents" / f"{doc_id}.json").read_text(encoding="utf-8"))


def _decision(archive: Path) -> dict:
    for p in sorted((archive / "documents").glob("*.json")):
        rec = json.loads(p.read_text(encoding="utf-8"))
        if rec["metadata"].get("type") == "Quyết định" and rec["metadata"]["retention"]["period"] == "permanent":
            return rec
    pytest.skip("no permanent Quyết định in the generated archive")


def _permanent_ids(archive: Path) -> set[str]:
    res = CliRunner().invoke(search, ["ubnd OR xa", "--archive", str(archive), "--retention", "permanent", "--json",
                                      "--limit", "1000"])
    assert res.exit_code == 0, res.output
    return {h["doc_id"] for h in json.loads(res.output)}


def test_review_import_goes_through_the_commit_path(archive_copy: Path, tmp_path: Path) -> None:
    rec = _decision(archive_copy)
    assert rec["id"] in _permanent_ids(archive_copy)
    sheet = _sheet(tmp_path / "r.csv", [
        {"document_id": rec["id"], "field": "page_count", "corrected_value": "-5"},
        {"document_id": rec["id"], "field": "type", "corrected_value": "Quy chế", "reviewer": "Lan"},
    ])
    res = CliRunner().invoke(review, ["import", str(sheet), "--archive", str(archive_copy)])
    assert res.exit_code == 1, res.output  # one row refused, the other applied
    assert "row 2: page_count not changed" in res.output and "Traceback" not in res.output
    after = _record(archive_copy, rec["id"])
    assert after["metadata"].get("page_count") != -5
    assert after["metadata"]["type"] == "Quy chế" and after["metadata"]["type_code"] == "QC"
    assert after["metadata"]["retention"]["period"] == 20, after["metadata"]["retention"]
    assert after["archival"]["type"] == "Quy chế"
    assert after["history"][-1] | {"at": None} == {"field": "type", "old": "Quyết định", "new": "Quy chế",
                                                   "reviewer": "Lan", "at": None}
    assert rec["id"] not in _permanent_ids(archive_copy)
    res = CliRunner().invoke(verify, ["--archive", str(archive_copy), "--no-sources"])
    assert res.exit_code == 0, res.output


def test_verify_finds_a_tampered_missing_or_extra_index_row(archive_copy: Path) -> None:
    ids = sorted(p.stem for p in (archive_copy / "documents").glob("*.json"))
    db = sqlite3.connect(archive_copy / "index.sqlite")
    db.execute("UPDATE documents SET subject = 'TAMPERED' WHERE id = ?", (ids[0],))
    db.execute("UPDATE pages SET text = 'TAMPERED' WHERE key = (SELECT min(key) FROM pages WHERE key >> 15 = "
               "(SELECT docno FROM documents WHERE id = ?))", (ids[1],))
    db.execute("INSERT INTO documents (docno, id) VALUES (1, 'doc-ghost')")
    db.commit()
    db.close()
    res = CliRunner().invoke(verify, ["--archive", str(archive_copy), "--no-sources", "--json"])
    assert res.exit_code == 1
    problems = {(p["kind"], p["path"]): p["detail"] for p in json.loads(res.output)["problems"]}
    assert "TAMPERED" in problems[("index", f"documents/{ids[0]}.json")]
    assert "page 1 differs" in problems[("index", f"documents/{ids[1]}.json")]
    assert "no such record" in problems[("index", "documents/doc-ghost.json")]
    assert {k for k, _ in problems} == {"index"}
    assert CliRunner().invoke(reindex, ["--archive", str(archive_copy)]).exit_code == 0
    res = CliRunner().invoke(verify, ["--archive", str(archive_copy), "--no-sources"])
    assert res.exit_code == 0, res.output


def test_damaged_pdf_is_reported_when_it_is_made_again(archive_copy: Path, generated: Path) -> None:
    pdf = sorted((archive_copy / "documents").glob("*.pdf"))[0]
    data = bytearray(pdf.read_bytes())
    data[len(data) // 2] ^= 0xFF
    pdf.write_bytes(bytes(data))
    res = CliRunner().invoke(verify, ["--archive", str(archive_copy), "--no-sources"])
    assert res.exit_code == 1 and "altered" in res.output
    res = subprocess.run([*CLI, "process", str(generated / "scans"), "--archive", str(archive_copy), "--json",
                          "--workers", "2"], capture_output=True, text=True, timeout=900)
    assert res.returncode == 0, res.stderr
    report = json.loads(res.stdout)
    rel = f"documents/{pdf.name}"
    assert any(w.startswith(f"{rel}: missing or damaged") for w in report["warnings"]), report["warnings"]
    assert [d["id"] for d in report["documents"] if d["status"] == "processed"] == [pdf.stem]
    res = CliRunner().invoke(verify, ["--archive", str(archive_copy), "--no-sources"])
    assert res.exit_code == 0, res.output


def test_verify_says_what_the_archive_holds(tmp_path: Path) -> None:
    """An archive holding only a refused document used to verify as '0 files checked: no problems'."""
    scans = tmp_path / "scans"
    scans.mkdir()
    (scans / "empty.jpg").write_bytes(b"")
    archive = tmp_path / "archive"
    res = subprocess.run([*CLI, "process", str(scans), "--archive", str(archive)], capture_output=True, text=True)
    assert res.returncode == 1
    res = subprocess.run([*CLI, "verify", "--archive", str(archive)], capture_output=True, text=True)
    assert res.returncode == 0
    assert "holds 0 documents" in res.stderr and "could not process 1 input " in res.stderr
    assert "empty.jpg: the file is empty" in res.stderr
    res = subprocess.run([*CLI, "verify", "--archive", str(archive), "--json"], capture_output=True, text=True)
    holdings = json.loads(res.stdout)["holdings"]
    assert holdings["documents"] == 0 and len(holdings["not_processed"]) == 1
