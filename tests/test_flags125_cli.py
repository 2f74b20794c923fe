"""End to end through ``archivist process``: the sealed pair 137-138's two wrong values stored unflagged by 5d4cb14,
each document rendered exactly as its set renders it (bench/RESULTS.md "The sealed pair 137-138's two cases
(session 40)", helper sealedflags40). HG138 typewriter-12-bc-014's number ``44/BC-UBND`` (printed ``14/BC-UBND``;
flags125, :mod:`archivist.letterrival`) and AT138 29-ctr-146's list ending ``Lưu: VT`` (printed ``Lưu: VT, TC``;
flags126, :mod:`archivist.widedebris`). Each value kept, flagged with its rule's reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pdfcheck import assert_valid_pdfs
from tests.test_dateread_day_cli import processed
from tests.test_flags104_cli import _render_all_types


@pytest.mark.slow
def test_a_digit_weighed_as_the_pages_one_is_flagged_and_kept_through_process(tmp_path: Path) -> None:
    [(rec, truth, pdf)] = processed(138, [11], tmp_path)
    assert truth["document"] == "typewriter-12-bc-014-trung-nghia"
    meta, field = rec["metadata"], rec["metadata"]["fields"]["number_symbol"]
    assert meta["number_symbol"] == field["value"] == "44/BC-UBND" != truth["metadata"]["number"]  # wrong, kept
    assert (field.get("review") or "").startswith("the OCR weighed 'i' for the number's '4'"), field.get("review")
    assert "number_symbol" in meta["needs_review"]
    assert_valid_pdfs([pdf])


@pytest.mark.slow
def test_a_code_dropped_from_a_wide_box_is_flagged_and_kept_through_process(tmp_path: Path) -> None:
    [(rec, truth, pdf)] = processed(138, [28], tmp_path, _render_all_types)
    assert truth["document"] == "29-ctr-146-my-loc"
    assert truth["metadata"]["recipients"][-1] == "Lưu: VT, TC"
    meta, field = rec["metadata"], rec["metadata"]["fields"]["recipients"]
    assert meta["recipients"] == field["value"] and field["value"][-1] == "Lưu: VT"  # the code lost, the list kept
    review = field.get("review") or ""
    assert review.startswith("'T.', dropped from 'Lưu: VT T' as debris, stands in a box"), review
    assert "recipients" in meta["needs_review"]
    assert_valid_pdfs([pdf])
