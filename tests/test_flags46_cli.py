"""End to end through ``archivist process`` (session 46, issue 14 item 9): two documents of the set
``samples/generate.py --seed 345 --docs 6 --groups all``, rendered exactly as the set renders them.

- typewriter-07-qd-214-tan-thanh-dong: its signer ``Lương Thùy Thơm`` is read right, but ``Thùy`` at 61, and
  ``Thủy`` is a listed name a tone mark away: the value is kept and flagged (``tonetwin.tone_twin_doubt``), as a
  ``Thủy`` read so for ``Thùy`` (session 45's sealed HG299 speckle-20-qd-018, 0.776 unflagged) is.
- notext-43-to-trang, a blank sheet: nothing is read, its type is ``unknown``, and the fields an untold type is
  asked for (``untyped.flag_untyped``) are not added to its review: a page without text keeps its own flags.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.test_dateread_day_cli import processed


@pytest.mark.slow
def test_a_weak_tone_twin_is_flagged_and_a_blank_page_left_alone_through_process(tmp_path: Path) -> None:
    done = {truth["document"]: (rec, truth) for rec, truth, _ in processed(345, [6, 42], tmp_path)}
    rec, truth = done["typewriter-07-qd-214-tan-thanh-dong"]
    meta, field = rec["metadata"], rec["metadata"]["fields"]["signer"]
    assert meta["signer"] == field["value"] == truth["metadata"]["signer"] == "Lương Thùy Thơm"  # kept
    assert re.search(r"'Thùy' was read at \d+\.\d and", field.get("review") or "") and "'Thủy'" in field["review"], \
        field.get("review")  # one decimal: a word read at 79.6 is under the rule's 80, as the reason says
    assert "signer" in meta["needs_review"]
    blank, _ = done["notext-43-to-trang"]
    assert blank["metadata"]["type"] == "unknown"
    asked = {"subject", "place", "signer", "date", "issuer", "number_symbol"}
    assert not asked & set(blank["metadata"]["needs_review"])
