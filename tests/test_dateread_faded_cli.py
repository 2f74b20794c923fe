"""End to end through ``archivist process``: HG115's faded carbon copy faded-15-gm-064-hai-xuan (seed 115), whose
date ``2008-05-20`` the OCR stored as ``2008-05-29`` at 0.909 unflagged, rendered exactly as its set renders it. The
page stage, the page restored as a faded copy, reads the day's word again and keeps the readings in the record
(``faded``); extract flagged the date for the loop digit read as another and kept its value (fadedday35, issue 14
item 9; bench/RESULTS.md "The date's day read again on faded pages (session 35, fadedday35)"). Since session 42 the
page, typed in carbon in a fixed pitch, has the day's ``9`` set back to ``0`` by the typed zero's dot
(``archivist/fadedglyphs.py``): the date is stored right, flagged as a digit the glyph chose, the engine's ``9``
kept as its rival."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pdfcheck import assert_valid_pdfs
from tests.test_dateread_day_cli import processed

SEED, SLOT, DOCUMENT = 115, 14, "faded-15-gm-064-hai-xuan"


@pytest.mark.slow
def test_a_faded_day_misread_is_flagged_and_kept_through_process(tmp_path: Path) -> None:
    ((rec, truth, pdf),) = processed(SEED, [SLOT], tmp_path)
    assert truth["document"] == DOCUMENT
    meta, field = rec["metadata"], rec["metadata"]["fields"]["date"]
    assert meta["date"] == field["value"] == "2008-05-20" == truth["metadata"]["date"]  # right, by the zero's dot
    reading = rec["pages"][0]["date_reading"]
    assert reading["faded"] is True
    assert next(w for w in reading["words"] if w["text"] == "20")["read"] == "26"  # the word read again alone
    assert field.get("review") == "the digit '0' of '20' was read '9' and set by its glyph"  # labels45's true reason
    assert "date" in meta["needs_review"]
    assert_valid_pdfs([pdf])
