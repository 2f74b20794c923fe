"""End to end through ``archivist process``: typewriter-10-tb-052-kim-son of the set ``samples/generate.py --seed
321 --docs 6 --groups all``, rendered exactly as the set renders it. Its deputy's block ``KT. CHỦ TỊCH`` / ``PHÓ
CHỦ TỊCH``, typed with worn keys, reads ``XT. CHẾ TỊCH`` over ``CHỦ TỊCH`` (the ``PHÓ`` lost) and the position is
stored ``CHỦ TỊCH``. It is kept and flagged as a deputy's (flags164, ``deputyflags.misread_repeat_doubt``;
bench/RESULTS.md "Flags, hundred-and-sixty-fourth round (session 45, second round)"). On the base tree 7e2253a it is
stored at 0.778 unflagged."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pdfcheck import assert_valid_pdfs
from tests.test_dateread_day_cli import processed


@pytest.mark.slow
def test_a_worn_deputys_block_is_flagged_and_kept_through_process(tmp_path: Path) -> None:
    ((rec, truth, pdf),) = processed(321, [9], tmp_path)
    assert truth["document"] == "typewriter-10-tb-052-kim-son"
    assert (truth["metadata"]["authority"], truth["metadata"]["signer_position"]) == ("KT.", "PHÓ CHỦ TỊCH")
    meta, field = rec["metadata"], rec["metadata"]["fields"]["signer_position"]
    assert meta["signer_position"] == field["value"] == "CHỦ TỊCH"  # wrong, kept
    assert "whose 'PHÓ' was not read" in (field.get("review") or ""), field.get("review")
    assert "signer_position" in meta["needs_review"]
    assert_valid_pdfs([pdf])
