"""End to end through ``archivist process``: HG115's faded carbon copy faded-15-gm-064-hai-xuan (seed 115), whose
date ``2008-05-20`` the OCR stored as ``2008-05-29`` at 0.909 unflagged, rendered exactly as its set renders it. The
page stage, the page restored as a faded copy, reads the day's word again and keeps the readings in the record
(``faded``); extract flags the date for the loop digit read as another and keeps its value (fadedday35, issue 14
item 9; bench/RESULTS.md "The date's day read again on faded pages (session 35, fadedday35)")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.pdfcheck import assert_valid_pdfs
from tests.test_dateread_day_cli import _render

SEED, SLOT, DOCUMENT = 115, 14, "faded-15-gm-064-hai-xuan"


@pytest.mark.slow
def test_a_faded_day_misread_is_flagged_and_kept_through_process(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from archivist.cli import main

    scans = tmp_path / "scans"
    scans.mkdir()
    truths = _render(SEED, [SLOT], scans)
    assert [t["document"] for t in truths.values()] == [DOCUMENT]
    archive = tmp_path / "archive"
    res = CliRunner().invoke(main, ["process", str(scans), "--archive", str(archive), "--workers", "2", "--json"])
    assert res.exit_code == 0, res.output
    (path,) = sorted((archive / "documents").glob("doc-*.json"))
    rec = json.loads(path.read_text(encoding="utf-8"))
    truth = truths[str(Path(rec["pages"][0]["source"]["path"]).relative_to(tmp_path))]
    meta, field = rec["metadata"], rec["metadata"]["fields"]["date"]
    assert meta["date"] == field["value"] == "2008-05-29" != truth["metadata"]["date"]  # wrong, kept
    reading = rec["pages"][0]["date_reading"]
    assert reading["faded"] is True
    day = next(w for w in reading["words"] if w["text"] == "29")
    assert field.get("review") == (f"the date's day '29' read again gave {day['read']} and {day['scan']}: its '9' "
                                   f"read '{day['read'][1]}', and a 0 and the loop digits are read as each other")
    assert "date" in meta["needs_review"]
    assert_valid_pdfs([archive / rec["output"]["pdf"]])
