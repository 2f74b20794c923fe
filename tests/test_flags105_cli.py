"""End to end through ``archivist process``: seals-36-kh-080-phu-luong of the set ``samples/generate.py --seed 371
--docs 6 --groups all --names highlands``, rendered exactly as the set renders it. Its seal covers the left of the
signature block ``KT. CHỦ TỊCH`` / ``PHÓ CHỦ TỊCH``: the block reads ``⁄2 CHỦ TỊCH`` over ``CHỦ TỊCH`` and the
position is stored ``CHỦ TỊCH``. It is kept and flagged, the block reading one position twice (flags105,
``deputyflags.repeated_doubt``; bench/RESULTS.md "Flags, hundred-and-fifth round onward (session 38)"). On the base
tree c7b1ecb it is stored at 0.83 unflagged."""

from __future__ import annotations

from pathlib import Path

import pytest

from samples.names import name_pool
from tests.pdfcheck import assert_valid_pdfs
from tests.test_dateread_day_cli import processed


@pytest.mark.slow
def test_a_position_read_twice_under_a_seal_is_flagged_and_kept_through_process(tmp_path: Path) -> None:
    with name_pool("highlands"):
        ((rec, truth, pdf),) = processed(371, [35], tmp_path)
    assert truth["document"] == "seals-36-kh-080-phu-luong"
    assert (truth["metadata"]["authority"], truth["metadata"]["signer_position"]) == ("KT.", "PHÓ CHỦ TỊCH")
    meta, field = rec["metadata"], rec["metadata"]["fields"]["signer_position"]
    assert meta["signer_position"] == field["value"] == "CHỦ TỊCH"  # wrong, kept
    assert "one position printed twice is a deputy's block" in (field.get("review") or ""), field.get("review")
    assert "signer_position" in meta["needs_review"]
    assert_valid_pdfs([pdf])
