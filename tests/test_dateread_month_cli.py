"""End to end through ``archivist process``: HG120's faded carbon copy faded-15-bc-133-binh-minh (seed 120), whose
date ``2010-03-19`` the OCR stored as ``2010-05-19`` (the month's ``3`` read ``5`` at 0.955, no rival), unflagged
since faded37 read the subject's year right, rendered exactly as its set renders it. The page stage, the page
restored as a faded copy, reads the month's word again and keeps the readings in the record (``part`` ``month``);
extract flags the date for both readings giving another month and keeps its value (faded37b, issue 14 item 9;
bench/RESULTS.md "Faded pages, again (session 37)")."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pdfcheck import assert_valid_pdfs
from tests.test_dateread_day_cli import processed

SEED, SLOT, DOCUMENT = 120, 14, "faded-15-bc-133-binh-minh"


@pytest.mark.slow
def test_a_faded_month_misread_is_flagged_and_kept_through_process(tmp_path: Path) -> None:
    ((rec, truth, pdf),) = processed(SEED, [SLOT], tmp_path, first_page=True)
    assert truth["document"] == DOCUMENT
    meta, field = rec["metadata"], rec["metadata"]["fields"]["date"]
    assert meta["date"] == field["value"] == "2010-05-19" != truth["metadata"]["date"]  # wrong, kept
    reading = rec["pages"][0]["date_reading"]
    assert reading["faded"] is True
    month = next(w for w in reading["words"] if w.get("part") == "month")
    assert month["text"] == "5" and month["read"] == month["scan"] == "3"
    assert field.get("review") == "the date's month '5' read again gave 3 and 3"
    assert "date" in meta["needs_review"]
    assert_valid_pdfs([pdf])
