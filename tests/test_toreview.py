"""One meaning of "to review" (archivist/toreview.py): the review sheet, the HTML report, ``report --json`` and the
batch summary of ``process`` name the same documents. Unit tests on records, and end to end through the real CLI on
generated scans, with a record as an older version wrote it: a value read under 0.7 that nobody named in
``needs_review``."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from archivist.toreview import review_fields, review_items, to_review

from .textpage import save_scan


def _rec(needs: list[str], **fields: dict) -> dict:
    meta = {"needs_review": needs, "fields": fields, **{k: f.get("value") for k, f in fields.items()}}
    return {"id": "doc-1", "metadata": meta}


def test_a_value_under_the_threshold_counts_though_nobody_named_it() -> None:
    rec = _rec([], language={"value": "vi", "confidence": 0.6}, page_count={"value": 1, "confidence": 1.0})
    assert [i["field"] for i in review_items(rec)] == ["language"] and review_fields(rec) == ["language"]
    assert to_review(rec)


def test_confirmed_and_replaced_are_not_to_review() -> None:
    rec = _rec(["signer"], signer={"value": "Lê Văn A", "confidence": 1.0, "confirmed": True})
    assert review_items(rec) == [] and not to_review(rec)
    flagged = _rec(["date"], date={"value": None, "confidence": 0.0})
    assert to_review(flagged)
    flagged["superseded_by"] = {"id": "doc-2", "at": "2026-12-05T10:00:00Z", "person": "x", "reason": "rescanned"}
    assert review_fields(flagged) == ["date"] and not to_review(flagged)  # the later version is the one to check


def test_fields_keep_the_extractors_order_then_the_low_ones() -> None:
    rec = _rec(["type", "signer", "fonds"], language={"value": "vi", "confidence": 0.5},
               signer={"value": None, "confidence": 0.0}, fonds={"value": "C1", "confidence": 0.6})
    assert review_fields(rec) == ["type", "signer", "fonds", "language"]


def _cli(*args: object) -> subprocess.CompletedProcess:
    res = subprocess.run([sys.executable, "-m", "archivist.cli", *map(str, args)], capture_output=True, text=True,
                         timeout=600)
    assert res.returncode == 0, res.stdout + res.stderr
    return res


@pytest.mark.slow
def test_every_command_names_the_same_documents(tmp_path: Path) -> None:
    scans, archive = tmp_path / "scans", tmp_path / "archive"
    scans.mkdir()
    save_scan(scans / "a.jpg", seed=4)
    save_scan(scans / "b.jpg", seed=5)
    _cli("process", scans, "--archive", archive, "--workers", 1)
    paths = sorted((archive / "documents").glob("*.json"))
    assert len(paths) == 2
    old, clean = paths
    for p, conf in ((old, 0.6), (clean, 0.95)):  # as an older version wrote them: nothing named
        rec = json.loads(p.read_text(encoding="utf-8"))
        rec["metadata"]["needs_review"] = []
        rec["metadata"]["fields"]["language"]["confidence"] = conf
        p.write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
    want = {old.stem}

    sheet = tmp_path / "review.csv"
    said = _cli("review", "export", "--archive", archive, "--out", sheet).stdout
    rows = list(csv.DictReader(io.StringIO(sheet.read_text(encoding="utf-8-sig"))))
    assert {r["document_id"] for r in rows} == want and [r["field"] for r in rows] == ["language"]
    assert said == f"1 field to review written to {sheet}\n"  # not "1 field(s)"

    summary = json.loads(_cli("report", "--archive", archive, "--json").stdout)
    assert summary["review_documents"] == len(want)
    html = (archive / "report.html").read_text(encoding="utf-8")
    flagged = {m[0] for m in re.findall(r'id="(doc-[0-9a-f]+)"[^>]*data-flags="([^"]*)"', html) if "review" in m[1]}
    assert flagged == want

    again = _cli("process", scans, "--archive", archive, "--workers", 1)  # resumes: both already done
    assert "0 processed, 2 already done" in again.stdout and "To review: 1 document (" in again.stdout
    done = json.loads(_cli("process", scans, "--archive", archive, "--workers", 1, "--json").stdout)
    assert {d["id"] for d in done["documents"] if d["to_review"]} == want
