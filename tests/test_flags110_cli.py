"""End to end through ``archivist process``: the two wrong values flags110-111 were fitted on, each document rendered
exactly as its set renders it (bench/RESULTS.md "Flags, hundred-and-fifth round onward (session 38)", helper
flags38b). HG130 typewriter-07's issuer ``ỦY BAN NHÂN DÂN XÃ ĐÔNG`` (printed ``… ĐÔNG SƠN``; flags110) and HG123
typewriter-12's subject ``… tiêu chủng …`` (printed ``tiêm chủng``; flags111). On 080db11 both are stored unflagged."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pdfcheck import assert_valid_pdfs
from tests.test_dateread_day_cli import processed

#: seed, slot: the document, the field, the value stored, what its reason says
CASES = {
    (130, 6): ("typewriter-07-cv-206-dong-son", "issuer", "ỦY BAN NHÂN DÂN XÃ ĐÔNG",
               "the issuer's commune 'ĐÔNG' is only the start of the place's 'Đông Sơn'"),
    (123, 11): ("typewriter-12-gm-038-phu-luong", "subject", "Dự họp triển khai kế hoạch tiêu chủng mở rộng năm 2007",
                "where the text writes 'hoạch tiêm chủng'"),
}


@pytest.mark.slow
@pytest.mark.parametrize("seed, slot", sorted(CASES))
def test_a_cut_commune_and_a_weak_subject_word_are_flagged_and_kept_through_process(
        tmp_path: Path, seed: int, slot: int) -> None:
    document, key, stored, reason = CASES[(seed, slot)]
    done = processed(seed, [slot], tmp_path, first_page=True)
    assert [truth["document"] for _, truth, _ in done] == [document]
    rec, truth, pdf = done[0]
    meta, field = rec["metadata"], rec["metadata"]["fields"][key]
    assert meta[key] == field["value"] == stored != truth["metadata"][key]  # wrong, kept
    assert reason in (field.get("review") or ""), field.get("review")
    assert key in meta["needs_review"]
    assert_valid_pdfs([pdf])
