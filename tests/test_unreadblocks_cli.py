"""End to end through ``archivist process``: the worst table document of the HG sets of seeds 130 and 134
(``samples/generate.py --seed N --docs 6 --groups all``, slot 25, a decision with its list), rendered exactly as
their sets render them. Its second page holds the recipients and the signature block beside its seal, scanned
tilted 10.6 and 13.2 degrees; the base tree's reading of that page left the whole signature block out
(``TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH`` and the name: 28.2% and 26.3% of the page's words; bench/RESULTS.md, "Table
pages, the worst document (session 39)"). Now the block is read alone and kept in the record, the text layer
and the index."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from archivist.cli import main
from archivist.metrics import bag_of_words_error
from tests.pdfcheck import assert_valid_pdfs
from tests.test_dateread_day_cli import processed

SLOT = 24  # tables-25


@pytest.mark.slow
@pytest.mark.parametrize("seed,document,signer", [(134, "tables-25-qd-083-my-duc", "Đặng Thị Loan"),
                                                  (130, "tables-25-qd-146-quang-phu", "Phạm Xuân Quý")])
def test_a_signature_block_the_pages_reading_left_out_is_read_alone(tmp_path, seed: int, document: str,
                                                                     signer: str) -> None:
    ((rec, truth, pdf),) = processed(seed, [SLOT], tmp_path)
    assert truth["document"] == document and abs(truth["pages"][1]["skew"]) > 10
    page, want = rec["pages"][1], truth["pages"][1]["text"]
    lines = page["text"].splitlines()
    for line in ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", signer):
        assert line in lines and line in want  # each a line of its own, as on the page
    assert bag_of_words_error(want, page["text"]) <= 0.06  # base: 0.263 and 0.282
    assert lines.count("CHỦ TỊCH") == 1  # read once, not twice
    meta = rec["metadata"]  # the base tree found no signer, position or authority on the document
    assert (meta["signer"], meta["signer_position"], meta["authority"]) == (signer, "CHỦ TỊCH", "TM.")
    assert not {"signer", "signer_position", "authority"} & set(meta["needs_review"])
    assert_valid_pdfs([pdf])
    archive = tmp_path / "archive"
    res = CliRunner().invoke(main, ["search", f'"{signer}"', "--archive", str(archive), "--json"])
    assert res.exit_code == 0, res.output
    assert rec["id"] in json.dumps(json.loads(res.output))  # the signer's name, printed on no other page, found
