"""End to end, rounds 161-162 (issue 14 item 9): generated scans processed by ``archivist process``.

- flags161: HG287 clean-02-tb-105-my-duc's signer ``Đinh Minh Hải``, its family name read ``Định`` with ``i`` weighed
  for its ``ị`` and put back ``Đinh`` by the restorer, was stored right and flagged (``the OCR nearly read 'i' for 'ị'
  in 'Định'``); the rival spells the stored name, so it is stored right and not to review.
- flags162: HG264 clean-06-cv-235-quynh-hau's archive copy, printed ``Lưu: VT, VP.``, was stored ``Lưu: VT; VP``
  (its comma read ``;``) and flagged; it is stored as printed.
- flags163: HG265 typewriter-10-tb-162-long-hung's parent, printed ``UBND HUYỆN CHÂU THÀNH``, was stored ``UBNĐ HUYỆN
  CHÂU THÀNH``; it is stored right, and once right the lists confirm it (Long Hưng is a commune of Châu Thành:
  ``confirmations.parent_confirmed``), so it is not to review. Its signer ``Đinh Văn Hải`` (read ``Đỉnh``, ``i``
  weighed) is stored right and not to review (flags161).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_dateread_day_cli import processed


@pytest.mark.slow
@pytest.mark.parametrize(("seed", "slot", "field"), [(287, 1, "signer"), (264, 5, "recipients")])
def test_a_right_value_once_flagged_or_misread_is_stored_right_unflagged(tmp_path: Path, seed: int, slot: int,
                                                                          field: str) -> None:
    [(rec, truth, _)] = processed(seed, [slot], tmp_path)
    meta = rec["metadata"]
    assert meta[field] == truth["metadata"][field]
    assert "review" not in meta["fields"][field] and field not in (meta["needs_review"] or [])


@pytest.mark.slow
def test_a_garbled_parent_head_is_read_back_and_kept_to_review(tmp_path: Path) -> None:
    [(rec, truth, _)] = processed(265, [9], tmp_path)
    meta = rec["metadata"]
    assert truth["document"] == "typewriter-10-tb-162-long-hung"
    assert meta["parent_issuer"] == truth["metadata"]["parent_issuer"] == "UBND HUYỆN CHÂU THÀNH"
    parent = meta["fields"]["parent_issuer"]
    assert parent["read"].startswith("UBNĐ") and parent["confidence"] == 0.85  # confirmed through the lists
    assert "parent_issuer" not in meta["needs_review"]
    assert meta["signer"] == truth["metadata"]["signer"] and "signer" not in meta["needs_review"]
