"""End to end through ``archivist process``: HG136 typewriter-08-kh-250-hoa-binh rendered exactly as its set renders
it (flags116, session 40). The typed ``10`` of its date line is read ``12`` at 95 with no rival; the page stage now
reads the month's word again on typed pages too (``18`` twice: the typed ``0`` reads ``8``), and extract flags the
date and keeps its value. On 5d4cb14 the date is stored ``2005-12-25`` (0.904) unflagged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.pdfcheck import assert_valid_pdfs
from tests.test_dateread_day_cli import _render


@pytest.mark.slow
def test_a_typed_month_misread_is_flagged_and_kept_through_process(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from archivist.cli import main

    scans = tmp_path / "scans"
    scans.mkdir()
    truths = _render(136, [7], scans)  # the slot's folder: its two pages (the splitter may cut them apart)
    archive = tmp_path / "archive"
    res = CliRunner().invoke(main, ["process", str(scans), "--archive", str(archive), "--workers", "2", "--json"])
    assert res.exit_code == 0, res.output
    recs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((archive / "documents").glob("doc-*.json"))]
    firsts = {str(Path(r["pages"][0]["source"]["path"]).relative_to(tmp_path)): r for r in recs}
    (key, truth), = truths.items()
    assert truth["document"] == "typewriter-08-kh-250-hoa-binh"
    rec = firsts[key]
    meta, field = rec["metadata"], rec["metadata"]["fields"]["date"]
    assert meta["date"] == field["value"] == "2005-12-25" != truth["metadata"]["date"]  # wrong, kept
    month = [w for w in rec["pages"][0]["date_reading"]["words"] if w.get("part") == "month"]
    assert [(w["text"], w["read"], w["scan"]) for w in month] == [("12", "18", "18")]
    assert field.get("review") == "the date's month '12' read again gave 18 and 18"
    assert "date" in meta["needs_review"]
    assert_valid_pdfs([archive / rec["output"]["pdf"]])
