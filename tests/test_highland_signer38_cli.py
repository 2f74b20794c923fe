"""End to end through ``archivist process``, two documents of seed 371's highland sets rendered exactly as their
sets render them (bench/RESULTS.md "Highland signers, second round (session 38)"):

- HA371's petition 26-don-de-nghi-ba-blo-hoa-binh (``samples/generate.py --seed 371 --docs 42 --types all
  --layout-era mixed --names highlands``), signed ``Y Blơ``. The OCR reads the short name's gap away (``YBlơ``); the
  base tree took no signer and no position from the block. Now the opener is parted where the signer's name goes,
  the signer stored ``Y Blơ`` and flagged, the position ``NGƯỜI LÀM ĐƠN`` found with it.
- HH371's faded-14-qd-179-tan-phu (``--docs 6 --groups all --names highlands``), signed ``A Pơng`` under ``KT. CHỦ
  TỊCH / PHÓ CHỦ TỊCH``, a seal and a signature: the page's reading gives no word where the name goes (since
  session 40's unreadlines, its last word alone), and the base tree had no signer. Now the space under the
  position is read alone, kept in the record, and the signer taken from it, flagged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archivist.namezone import REASON
from samples.names import name_pool
from tests.pdfcheck import assert_valid_pdfs
from tests.test_dateread_day_cli import processed

SEED, DOCS, SLOT = 371, 42, 25


def _render(scans: Path) -> dict:
    """The set's slot :data:`SLOT` written into ``scans`` as the whole set writes it (each page's tilt and turn
    depends on the pages before it); its truth."""
    from samples.generate import DEFAULT_DPI, FORMATS, _write_slot, page_draws
    from samples.plan_all import ALL, plan_all

    with name_pool("highlands"):
        slots = plan_all(SEED, DOCS, 4, FORMATS, DEFAULT_DPI, "mixed", ALL, None)
        skews, rots = page_draws(SEED, slots, 15.0, True)
        first = sum(len(d.pages) for s in slots[:SLOT] for d in s.docs)
        return _write_slot(SLOT, slots[SLOT], scans, skews, rots, first, 0.35)[0]


@pytest.mark.slow
def test_a_two_syllable_signer_read_as_one_word_is_stored_parted_and_flagged(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from archivist.cli import main

    scans = tmp_path / "scans"
    scans.mkdir()
    truth = _render(scans)
    assert truth["document"] == "26-don-de-nghi-ba-blo-hoa-binh" and truth["metadata"]["signer"] == "Y Blơ"
    archive = tmp_path / "archive"
    res = CliRunner().invoke(main, ["process", str(scans), "--archive", str(archive), "--json"])
    assert res.exit_code == 0, res.output
    (path,) = (archive / "documents").glob("doc-*.json")
    rec = json.loads(path.read_text(encoding="utf-8"))
    meta, field = rec["metadata"], rec["metadata"]["fields"]["signer"]
    assert field["source_text"].replace(" ", "") == "YBlơ"  # what the OCR gave: the gap lost
    assert meta["signer"] == field["value"] == "Y Blơ"
    assert meta["signer_position"] == truth["metadata"]["signer_position"] == "NGƯỜI LÀM ĐƠN"
    assert field["confidence"] <= 0.6 and "signer" in meta["needs_review"]  # flagged, as their signers are
    assert_valid_pdfs([archive / rec["output"]["pdf"]])


@pytest.mark.slow
def test_a_signer_the_pages_reading_left_out_is_read_from_the_space_under_the_position(tmp_path: Path) -> None:
    with name_pool("highlands"):
        ((rec, truth, pdf),) = processed(SEED, [13], tmp_path)
    assert truth["document"] == "faded-14-qd-179-tan-phu" and truth["metadata"]["signer"] == "A Pơng"
    page = rec["pages"][-1]
    # The page's reading gives no line with the name: none at all before session 40; since unreadlines reads a
    # skipped line alone, its last word only (`Pơng`, the `A` under the signature's strokes lost).
    assert "A Pơng" not in page["text"]
    zone = page["name_zone"]
    meta, field = rec["metadata"], rec["metadata"]["fields"]["signer"]
    assert meta["signer"] == field["value"] == "A Pơng" and field["bbox"] == zone["box"]
    assert "A Pơng" in zone["read"] + zone["scan"]
    assert field["review"] == REASON and "signer" in meta["needs_review"]
    assert meta["signer_position"] == "PHÓ CHỦ TỊCH"
    assert_valid_pdfs([pdf])
