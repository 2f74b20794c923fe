"""End to end through ``archivist process``: the two-column page twocol-41-ttr-079-my-duc of the set
``samples/generate.py --seed 361 --docs 6 --groups all --names unlisted``, rendered exactly as the set renders it. Its
signer is printed ``Nguyễn Văn Tám``, a real name the lexicon does not list; the OCR reads it as printed and the
restorer makes it the listed ``Tâm``, which the base tree stored unflagged. Extract keeps the value and flags it with
the name as read, which the review sheet shows (issue 14 item 9; bench/RESULTS.md "Names the lexicon does not list
(session 36)")."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from archivist.cli import main
from samples.names import name_pool
from tests.pdfcheck import assert_valid_pdfs
from tests.test_dateread_day_cli import processed


@pytest.mark.slow
def test_a_real_name_read_as_printed_and_restored_to_a_listed_one_is_flagged_through_process(tmp_path: Path) -> None:
    with name_pool("unlisted"):
        ((rec, truth, pdf),) = processed(361, [40], tmp_path)
    assert truth["document"] == "twocol-41-ttr-079-my-duc" and truth["metadata"]["signer"] == "Nguyễn Văn Tám"
    meta, field = rec["metadata"], rec["metadata"]["fields"]["signer"]
    assert meta["signer"] == field["value"] == "Nguyễn Văn Tâm"  # the restorer's listed name, kept
    reason = ("read 'Nguyễn Văn Tám' and stored with the listed 'Tâm', but 'Tám' is a name too: "
              "the page may print either")
    assert field["review"] == reason and "signer" in meta["needs_review"]
    sheet = tmp_path / "review.csv"
    res = CliRunner().invoke(main, ["review", "export", "--archive", str(tmp_path / "archive"), "--out", str(sheet)])
    assert res.exit_code == 0, res.output
    with sheet.open(encoding="utf-8-sig", newline="") as fh:
        rows = [row for row in csv.DictReader(fh) if row.get("field") == "signer"]
    assert len(rows) == 1 and rows[0]["value"] == "Nguyễn Văn Tâm" and "Nguyễn Văn Tám" in " ".join(rows[0].values())
    assert_valid_pdfs([pdf])
