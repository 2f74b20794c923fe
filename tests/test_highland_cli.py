"""End to end through ``archivist process``: the clean page clean-01-ttr-248-phu-luong of the set
``samples/generate.py --seed 371 --docs 6 --groups all --names highlands``, rendered exactly as the set renders it.
Its signer is printed ``H'Ly Mlô``, an Ê Đê woman's name; the base tree took no signer at all (``H'Ly`` was no name
word). Now the name is stored as printed and flagged for review, since its family name is no Kinh one the rules
know (bench/RESULTS.md "Names of the Highlands' and mountain peoples (session 37)")."""

from __future__ import annotations

from pathlib import Path

import pytest

from samples.names import name_pool
from tests.pdfcheck import assert_valid_pdfs
from tests.test_dateread_day_cli import processed


@pytest.mark.slow
def test_a_signer_of_the_highlands_is_stored_as_printed_and_flagged_through_process(tmp_path: Path) -> None:
    with name_pool("highlands"):
        ((rec, truth, pdf),) = processed(371, [0], tmp_path)
    assert truth["document"] == "clean-01-ttr-248-phu-luong" and truth["metadata"]["signer"] == "H'Ly Mlô"
    meta, field = rec["metadata"], rec["metadata"]["fields"]["signer"]
    assert meta["signer"] == field["value"] == "H'Ly Mlô"  # as printed: not cut at the apostrophe, not restored
    assert field["confidence"] < 0.8 and "signer" in meta["needs_review"]  # no known family name: a person looks
    assert_valid_pdfs([pdf])
