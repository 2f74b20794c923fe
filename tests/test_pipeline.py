"""End-to-end: generated degraded scans -> archivist process -> checked PDF/A, text, deskew, records.

Everything here is real: the generator's scans, Tesseract with the vie model, pikepdf, PDFBox
Preflight, pdfplumber and pdftotext reading the result back.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pdfplumber
import pikepdf

from archivist.fsutil import sha256_file
from archivist.metrics import angle_error, bag_of_words_error, cer, summarise
from tests.conftest import load_truth
from tests.pdfcheck import assert_valid_pdfa


def _records(archive: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((archive / "documents").glob("*.json"))]


def _pairs(generated: Path, archive: Path) -> list[tuple[dict, dict, dict]]:
    """(ground-truth document, record, ground-truth page / record page) matched by source file."""
    recs = _records(archive)
    by_source: dict[tuple[str, int], tuple[dict, dict]] = {}
    for rec in recs:
        for page in rec["pages"]:
            by_source[(str(Path(page["source"]["path"]).resolve()), page["source"]["index"])] = (rec, page)
    out = []
    for doc in load_truth(generated):
        for gt_page in doc["pages"]:
            key = (str((generated / gt_page["file"]).resolve()), gt_page.get("index", 0))
            rec, page = by_source[key]
            out.append((doc, rec, {"truth": gt_page, "page": page}))
    return out


def test_batch_succeeds_and_every_document_has_a_record(generated: Path, archive_1b) -> None:
    archive, report = archive_1b
    assert report.ok, [f.line() for f in report.failures]
    truth = load_truth(generated)
    recs = _records(archive)
    assert len(recs) == len(truth)
    assert sum(r["page_count"] for r in recs) == sum(len(d["pages"]) for d in truth)
    for rec in recs:
        pdf = archive / rec["output"]["pdf"]
        assert sha256_file(pdf) == rec["output"]["sha256"]
        if len(rec["source"]["paths"]) == 1:
            assert sha256_file(Path(rec["source"]["paths"][0])) == rec["source"]["sha256"]
        with pikepdf.open(pdf) as p:
            assert len(p.pages) == rec["page_count"]


def test_every_pdf_passes_pdfbox_preflight_1b(archive_1b) -> None:
    archive, _ = archive_1b
    assert_valid_pdfa(archive)


def test_deskew_and_orientation_accuracy(generated: Path, archive_1b) -> None:
    archive, _ = archive_1b
    errors, wrong = [], []
    for _doc, _rec, pp in _pairs(generated, archive):
        gt, page = pp["truth"], pp["page"]
        if abs(gt["skew"]) <= 15:
            errors.append(angle_error(page["skew"], gt["skew"]))
        if page["orientation"] != gt["rotation"]:
            wrong.append((gt["file"], gt["rotation"], page["orientation"]))
    s = summarise(errors)
    print(f"deskew error: {s}")
    assert not wrong
    assert s.mean <= 0.1 and s.worst <= 0.3, s


def test_ocr_accuracy_on_text_layer(generated: Path, archive_1b) -> None:
    """Word error (order-free) and CER of the PDF's own text layer, read back with pdftotext."""
    archive, _ = archive_1b
    wer, cers = [], []
    for _doc, rec, pp in _pairs(generated, archive):
        pdf = archive / rec["output"]["pdf"]
        n = pp["page"]["number"]
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", "-f", str(n), "-l", str(n), str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        wer.append(bag_of_words_error(pp["truth"]["text"], text))
        cers.append(cer(pp["truth"]["text"], text))
    w, c = summarise(wer), summarise(cers)
    print(f"word error: {w}; CER: {c}")
    assert w.mean <= 0.015 and w.worst <= 0.04, w


def test_text_layer_words_sit_on_image_words(archive_1b) -> None:
    """pdfplumber's word boxes from the text layer fall inside the OCR boxes on the page image sideways, and
    inside their line's extent up and down (the layer draws a line's words on one band; a line that stands in one
    row with another column's line, a header's or a footer's read in order, on the row's band:
    :func:`archivist.layerwords.row_mates`)."""
    from archivist.layerwords import row_mates
    archive, _ = archive_1b
    checked = 0
    for rec in _records(archive)[:4]:
        with pdfplumber.open(archive / rec["output"]["pdf"]) as pdf:
            for page, prec in zip(pdf.pages, rec["pages"], strict=True):
                scale = 72.0 / prec["dpi"]
                boxes, extent, own = {}, {}, {}
                for _text, _conf, x0, y0, x1, y1, line, *_rivals in prec["words"]:
                    own.setdefault(line, []).append((x0, y0, x1, y1))
                for line, mates in zip(own, row_mates(list(own.values())), strict=True):
                    ys = own[line] + mates
                    extent[line] = (min(b[1] for b in ys), max(b[3] for b in ys))
                for text, _conf, x0, _y0, x1, _y1, line, *_rivals in prec["words"]:
                    top, bottom = extent[line]
                    boxes.setdefault(text, []).append((x0 * scale, top * scale, x1 * scale, bottom * scale))
                for w in page.extract_words(use_text_flow=True, keep_blank_chars=False):
                    cands = boxes.get(w["text"])
                    if not cands:
                        continue
                    tol = 2.0
                    assert any(b[0] - tol <= w["x0"] and w["x1"] <= b[2] + tol and b[1] - tol <= w["top"]
                               and w["bottom"] <= b[3] + tol for b in cands), (w, cands)
                    checked += 1
    assert checked > 200


def test_jpeg_scans_are_embedded_without_reencoding(generated: Path, archive_1b) -> None:
    archive, _ = archive_1b
    seen = 0
    for rec in _records(archive):
        # Per page, not per record: a document split out of a scanned folder lists the whole folder
        # in source.paths but holds only its own pages.
        sources = [Path(p["source"]["path"]) for p in rec["pages"]
                   if p["source"]["path"].lower().endswith((".jpg", ".jpeg"))]
        if not sources:
            continue
        with pikepdf.open(archive / rec["output"]["pdf"]) as pdf:
            raw = {bytes(img.read_raw_bytes()) for page in pdf.pages for img in page.get_images().values()}
        for src in sources:
            assert src.read_bytes() in raw
            seen += 1
    assert seen > 0


def test_rerun_redoes_nothing(archive_copy: Path, generated: Path) -> None:
    from archivist.pipeline import Settings, process

    before = {p.name: p.stat().st_mtime_ns for p in (archive_copy / "documents").iterdir()}
    report = process([generated / "scans"], archive_copy, Settings(workers=1, pdfa="1b"))
    assert report.ok and report.pages == 0
    assert all(d["status"] == "already done" for d in report.documents)
    after = {p.name: p.stat().st_mtime_ns for p in (archive_copy / "documents").iterdir()}
    assert before == after
