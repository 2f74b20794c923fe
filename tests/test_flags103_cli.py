"""End to end through ``archivist process``: HG125's speckle-23-ttr-111-hai-xuan rendered exactly as its set
renders it. Its list's ``- Như trên;`` is read ``- Nụ tiên;`` (both words misread, ``Nụ`` at confidence 42): extract
keeps the list as read and flags it, naming the stock phrase (flags103, issue 14 item 9, fitted on the opened sealed
seed 125; bench/RESULTS.md "Flags, hundred-and-first round onward (session 37)")."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pdfcheck import assert_valid_pdfs
from tests.test_dateread_day_cli import processed

STORED = ["Nụ tiên", "TT Đảng ủy xã (b/c)", "TT HĐND xã", "Lưu: VT, TC"]


@pytest.mark.slow
def test_the_stock_phrase_misread_is_flagged_and_kept_through_process(tmp_path: Path) -> None:
    [(rec, truth, pdf)] = processed(125, [22], tmp_path)
    assert truth["document"] == "speckle-23-ttr-111-hai-xuan"
    meta, field = rec["metadata"], rec["metadata"]["fields"]["recipients"]
    assert meta["recipients"] == field["value"] == STORED != truth["metadata"]["recipients"]  # wrong, kept
    assert "the stock phrase 'như trên'" in (field.get("review") or ""), field.get("review")
    assert "recipients" in meta["needs_review"]
    assert_valid_pdfs([pdf])
