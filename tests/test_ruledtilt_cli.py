"""End to end through ``archivist process``: the two table continuation pages of the opened HG sets that lost every
word (bench/RESULTS.md, "Table pages, the whole page lost and the merged lines (session 40)"), each rendered as its
set renders it and processed alone. Their few lines of text (a header row of two-line cells, a row or two, a total)
were too uneven to measure a tilt on, so they were read tilted: HG113 ``tables-30`` page 3 (turned 180, tilted
13.14 degrees) read nothing any way and was kept upside down, 100% of its words lost; HG123 ``tables-30`` page 4
(turned 90, tilted -4.34) read weakly one way, 43% lost. Now their rules give the tilt, and the page reads strongly
the right way up."""

from __future__ import annotations

from pathlib import Path

import pytest

from archivist.metrics import bag_of_words_error
from archivist.ruledtilt import RULED
from tests.pdfcheck import assert_valid_pdfs
from tests.test_orient_onlyway_cli import processed_page


@pytest.mark.slow
@pytest.mark.parametrize("seed,document,page_name,turn", [
    (113, "tables-30-qd-196-quang-phu", "page-003.jpg", 180),
    (123, "tables-30-qd-156-vinh-thanh", "page-004.jpg", 90)])
def test_a_table_page_with_few_uneven_lines_is_deskewed_by_its_rules_and_read(tmp_path: Path, seed: int,
                                                                               document: str, page_name: str,
                                                                               turn: int) -> None:
    report, page, truth, pdf = processed_page(tmp_path, seed, 29, document, page_name)
    assert truth["rotation"] == turn and abs(truth["skew"]) > 4
    assert page["deskew"]["applied"] and page["deskew"]["reason"] == RULED
    assert abs(abs(page["skew"]) - abs(truth["skew"])) < 0.15  # the rules' tilt, within 0.15 degrees
    assert page["orientation"] == turn and page["orientation_decision"] == "turned"  # the right way up, decided
    reads = {r["orientation"]: r for r in page["orientation_evidence"]["reads"]}
    assert reads[turn]["mean_confidence"] >= 85 and all(  # by far the best reading: no other way a rival
        r["good_words"] < reads[turn]["good_words"] / 3 for o, r in reads.items() if o != turn)
    assert not [w for w in page["warnings"] if "orientation" in w]
    assert bag_of_words_error(truth["text"], page["text"]) <= 0.05  # base: 100% and 43.5%
    lines = page["text"].splitlines()
    assert "STT" in lines and "Họ và tên chủ hộ" in lines  # the header's cells, each a line
    assert truth["text"].splitlines()[-1] in lines  # the total's sum (HG123's `Tổng` is read `Tống`)
    assert_valid_pdfs([pdf])
