"""End to end through ``archivist process``: HG117's typewriter-12-kh-169-kim-son and HG118's
typewriter-10-ttr-145-dong-son rendered exactly as their sets render them. Their signers, typed ``Nguyễn Trọng An``
and ``Trần Hồng Linh``, are read ``Trạng`` and ``Hàng``, words no listed given name spells, and the restorer makes
them ``Trang`` and ``Hằng`` (0.88); extract flags each for the other name one vowel away with the tone mark as read
and keeps the value (signer35, issue 14 item 9; bench/RESULTS.md "Typed given names, a vowel misread (session 35,
signer35)")."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pdfcheck import assert_valid_pdfs
from tests.test_dateread_day_cli import processed

#: seed, slot, document, the signer stored, the OCR word it was restored from, a name the review gives
CASES = [(117, 11, "typewriter-12-kh-169-kim-son", "Nguyễn Trang An", "Trạng", "'Trọng'"),
         (118, 9, "typewriter-10-ttr-145-dong-son", "Trần Hằng Linh", "Hàng", "'Hồng'")]


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[c[2] for c in CASES])
def test_a_typed_given_names_misread_vowel_is_flagged_and_kept_through_process(
        tmp_path: Path, case: tuple[int, int, str, str, str, str]) -> None:
    seed, slot, document, stored, read, name = case
    ((rec, truth, pdf),) = processed(seed, [slot], tmp_path)
    assert truth["document"] == document
    meta, field = rec["metadata"], rec["metadata"]["fields"]["signer"]
    assert meta["signer"] == field["value"] == stored != truth["metadata"]["signer"]  # wrong, kept
    review = field.get("review") or ""
    assert review.startswith(f"'{read}' is no name and was stored '{stored.split()[1]}'") and name in review, review
    assert "signer" in meta["needs_review"]
    assert_valid_pdfs([pdf])
