"""OCRmyPDF's odd test inputs (read from ../shared, skipped when absent): each is processed into a
valid PDF/A or refused with a one-line reason naming the file, and the batch always completes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archivist.pipeline import Settings, process
from tests.pdfcheck import assert_valid_pdfa


@pytest.fixture(scope="module")
def peer_batch(peer_inputs: Path, tmp_path_factory: pytest.TempPathFactory):
    archive = tmp_path_factory.mktemp("peer") / "archive"
    report = process([peer_inputs], archive, Settings(workers=2, pdfa="1b"))
    records = {Path(r["label"]).name: r for r in (json.loads(p.read_text(encoding="utf-8"))
                                                   for p in (archive / "documents").glob("*.json"))}
    return archive, report, records


def test_every_file_is_processed_or_refused_in_one_line(peer_inputs: Path, peer_batch) -> None:
    _archive, report, records = peer_batch
    failed = {Path(f.path).name: f.reason for f in report.failures}
    assert set(failed) == {"invalid.pdf"}, failed
    assert "damaged" in failed["invalid.pdf"] and "\n" not in failed["invalid.pdf"]
    scans = {p.name for p in peer_inputs.iterdir() if p.suffix in (".pdf", ".png")}
    assert set(records) == scans - {"invalid.pdf"}
    assert [Path(s).name for s in report.skipped_files] == ["SOURCES.md"]


def test_outputs_pass_preflight(peer_batch) -> None:
    archive, _report, _records = peer_batch
    assert_valid_pdfa(archive)


def test_cardinal_pages_are_turned_upright(peer_batch) -> None:
    rec = peer_batch[2]["cardinal.pdf"]
    assert [p["orientation"] for p in rec["pages"]] == [0, 90, 180, 270]
    assert all(p["mean_confidence"] > 80 for p in rec["pages"])


def test_bilevel_and_matrix_skewed_pages_are_read(peer_batch) -> None:
    records = peer_batch[2]
    for name in ("ccitt.pdf", "jbig2.pdf", "skew.pdf", "rotated_skew.pdf", "linn.pdf"):
        page = records[name]["pages"][0]
        assert page["mean_confidence"] > 80 and len(page["words"]) > 500, name


def test_page_with_existing_text_keeps_it(peer_batch) -> None:
    rec = peer_batch[2]["cmyk.pdf"]
    assert any("already has text" in w for w in rec["pages"][0]["warnings"])
    assert rec["pages"][0]["text"]


def test_low_resolution_page_is_flagged(peer_batch) -> None:
    rec = peer_batch[2]["palette.pdf"]
    assert any("below the 200 dpi" in w for w in rec["pages"][0]["warnings"])


def test_upright_pictures_and_typewriting_are_not_turned(peer_batch) -> None:
    """OCRmyPDF's map (palette, grey, with alpha), its chart page and its typewritten recipe are upright:
    archivist's own up/down test once turned each over; now nothing is turned on its word alone."""
    records = peer_batch[2]
    pages = [records[n]["pages"][0] for n in ("baiona_alpha.png", "baiona_gray.png", "palette.pdf", "2400dpi.pdf")]
    pages += records["multipage.pdf"]["pages"][1:3]  # a photograph and a chart
    for page in pages:
        assert page["orientation"] == 0, (page["source"], page["orientation_decision"], page["orientation_evidence"])
        if page["orientation_decision"].startswith("kept as scanned"):
            assert page["warnings"]


def test_every_page_says_how_its_orientation_was_decided(peer_batch) -> None:
    for rec in peer_batch[2].values():
        for page in rec["pages"]:
            assert page["orientation_decision"] in ("upright", "turned", "kept as scanned: too little text",
                                                    "kept as scanned: uncertain", "the PDF page's own text")
