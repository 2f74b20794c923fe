"""End to end through the real CLI: the two generated pages whose signer was stored wrong and unflagged before
namereread34 (issue 14 item 9), rendered exactly as their sets render them (HG97's typed ``typewriter-10``, printed
``Lý Minh Sơn`` and read ``Lý Kinh Sơn``; HG98's faded carbon ``faded-13``, printed ``Hồ Thu Hoa`` and read
``Hà Thu Hoa``; both at 0.88 with no rival). ``archivist process`` reads each name line again in the page stage,
keeps the readings in the record, and extract flags the signer with what the reading gave; the value stays as read.
Every PDF passes PDFBox Preflight (PDF/A-1b)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pdfcheck import assert_valid_pdfs
from tests.test_mpo_e2e import process_box

#: (seed, slot, document, signer printed, signer as the OCR reads it, what a second reading gives)
PAGES = [(97, 9, "typewriter-10-bc-001-nghia-hung", "Lý Minh Sơn", "Lý Kinh Sơn", "'Minh' is a name too, not 'Kinh'"),
         (98, 12, "faded-13-gm-213-quynh-hau", "Hồ Thu Hoa", "Hà Thu Hoa", "'Hồ' is a name too, not 'Hà'")]


@pytest.fixture(scope="module")
def box(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict]]:
    from samples.generate import _write_slot, page_draws
    from samples.hard import GROUPS, PLANS, plan_groups

    root = tmp_path_factory.mktemp("nameread")
    scans = root / "scans"
    scans.mkdir()
    for seed, k, document, printed, *_ in PAGES:
        slots = plan_groups(seed, 6, list(GROUPS), 4)
        skews, rots = page_draws(seed, slots)
        first = sum(len(d.pages) for s in slots[:k] for d in s.docs)
        truth = _write_slot(k, slots[k], scans, skews, rots, first, PLANS[slots[k].group].colour_share)[0]
        assert (truth["document"], truth["metadata"]["signer"]) == (document, printed)  # the set's own page
    archive, records, _ = process_box(root)
    return archive, records


@pytest.mark.slow
@pytest.mark.parametrize(("document", "read", "why"), [(p[2], p[4], p[5]) for p in PAGES])
def test_a_signer_read_wrong_is_flagged_by_its_second_reading(box: tuple[Path, dict[str, dict]], document: str,
                                                              read: str, why: str) -> None:
    _, records = box
    rec = records[f"{document}.jpg"]
    meta, signer = rec["metadata"], rec["metadata"]["fields"]["signer"]
    assert meta["signer"] == signer["value"] == read  # as read: never changed
    assert "signer" in meta["needs_review"]
    assert signer["review"].startswith("the name's line read again gave '") and signer["review"].endswith(why)
    kept = rec["pages"][signer["page"] - 1]["name_reading"]
    assert kept["box"] == signer["bbox"] and {kept["read"], kept["scan"]} != {read}


@pytest.mark.slow
def test_preflight_accepts_the_pdfs(box: tuple[Path, dict[str, dict]]) -> None:
    archive, records = box
    assert_valid_pdfs([archive / r["output"]["pdf"] for r in records.values()])
