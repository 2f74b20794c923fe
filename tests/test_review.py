"""Review round trip: export the doubtful fields, correct one in the spreadsheet, import it back, and the
record, the PDF/A's metadata and the search index all say the corrected value; a re-run keeps it."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner

from archivist.cli_review import review
from archivist.corrections import carry_confirmed
from archivist.indexing import open_index
from archivist.review import COLUMNS
from tests.pdfcheck import assert_valid_pdfs

NEW_SUBJECT = "Về việc kiểm kê xương rồng trên địa bàn xã năm 2030"
WORD = "xương rồng"


def _rows(path: Path) -> list[dict]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "the sheet must carry a UTF-8 BOM for Excel"
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def _write(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows(rows)


def _pick_subject_record(archive: Path) -> dict:
    for p in sorted((archive / "documents").glob("*.json")):
        rec = json.loads(p.read_text(encoding="utf-8"))
        if rec["metadata"].get("subject"):
            return rec
    pytest.skip("no record with a subject in the sample archive")


def _export(archive: Path, out: Path) -> list[dict]:
    res = CliRunner().invoke(review, ["export", "--archive", str(archive), "--out", str(out)])
    assert res.exit_code == 0, res.output
    return _rows(out)


def _correct(archive: Path, tmp_path: Path, rec: dict) -> Path:
    """Export, then put the new subject on the record's subject row (added if it was not doubtful)."""
    sheet = tmp_path / "review.csv"
    rows = _export(archive, sheet)
    for r in rows:
        if r["thumbnail"]:
            assert (archive / r["thumbnail"]).is_file()
    mine = [r for r in rows if r["document_id"] == rec["id"] and r["field"] == "subject"]
    if not mine:
        mine = [dict.fromkeys(COLUMNS, "") | {"document_id": rec["id"], "field": "subject",
                                                "value": rec["metadata"]["subject"]}]
        rows.append(mine[0])
    mine[0]["corrected_value"] = NEW_SUBJECT
    mine[0]["reviewer"] = "Nguyễn Thị Lan"
    _write(sheet, rows)
    res = CliRunner().invoke(review, ["import", str(sheet), "--archive", str(archive)])
    assert res.exit_code == 0, res.output
    return sheet


def test_review_round_trip(archive_copy: Path, tmp_path: Path) -> None:
    archive = archive_copy
    rec = _pick_subject_record(archive)
    _correct(archive, tmp_path, rec)

    new = json.loads((archive / "documents" / f"{rec['id']}.json").read_text(encoding="utf-8"))
    meta = new["metadata"]
    assert meta["subject"] == NEW_SUBJECT
    assert meta["fields"]["subject"]["confidence"] == 1.0 and meta["fields"]["subject"]["confirmed"] is True
    assert "subject" not in meta["needs_review"]
    h = new["history"][-1]
    assert (h["field"], h["old"], h["new"], h["reviewer"]) == ("subject", rec["metadata"]["subject"], NEW_SUBJECT,
                                                                 "Nguyễn Thị Lan")
    assert h["at"].endswith("Z")

    pdf_path = archive / new["output"]["pdf"]
    from archivist.fsutil import sha256_file

    assert new["output"]["sha256"] == sha256_file(pdf_path) != rec["output"]["sha256"]
    with pikepdf.open(pdf_path) as pdf:
        assert pdf.pdf_version == "1.4"  # archive_1b is PDF/A-1b: the version is kept
        assert str(pdf.docinfo["/Title"]) == NEW_SUBJECT and str(pdf.docinfo["/Subject"]) == NEW_SUBJECT
        with pdf.open_metadata() as xmp:
            assert xmp["dc:title"] == NEW_SUBJECT
            assert xmp["dc:description"] == NEW_SUBJECT
            assert xmp["pdfaid:part"] == "1"
        assert "/ObjStm" not in {str(o.get("/Type")) for o in pdf.objects if isinstance(o, pikepdf.Dictionary)}

    with open_index(archive) as idx:
        assert rec["id"] in {hit.doc_id for hit in idx.search(WORD)}

    # Exported again, the confirmed field is not listed any more.
    again = _export(archive, tmp_path / "again.csv")
    assert not [r for r in again if r["document_id"] == rec["id"] and r["field"] == "subject"]
    assert_valid_pdfs([pdf_path])  # the rewritten metadata kept PDF/A-1b


def test_review_import_reports_bad_rows(archive_copy: Path, tmp_path: Path) -> None:
    rec = _pick_subject_record(archive_copy)
    sheet = tmp_path / "bad.csv"
    base = dict.fromkeys(COLUMNS, "")
    _write(sheet, [base | {"document_id": "no-such-doc", "field": "subject", "corrected_value": "x"},
                   base | {"document_id": rec["id"], "field": "colour", "corrected_value": "x"},
                   base | {"document_id": rec["id"], "field": "signer", "corrected_value": "Trần Văn An"}])
    res = CliRunner().invoke(review, ["import", str(sheet), "--archive", str(archive_copy), "--reviewer", "QA"])
    assert res.exit_code == 1, res.output
    assert "row 2" in res.output and "no-such-doc" in res.output and "row 3" in res.output
    new = json.loads((archive_copy / "documents" / f"{rec['id']}.json").read_text(encoding="utf-8"))
    assert new["metadata"]["signer"] == "Trần Văn An" and new["history"][-1]["reviewer"] == "QA"
    res = CliRunner().invoke(review, ["import", str(sheet)])
    assert res.exit_code == 2


def test_carry_confirmed_keeps_a_confirmed_value() -> None:
    old = {"metadata": {"subject": "Đúng", "fields": {"subject": {"value": "Đúng", "confidence": 1.0,
                                                                  "confirmed": True}}}}
    new = {"subject": "Sai", "fields": {"subject": {"value": "Sai", "confidence": 0.4}}, "needs_review": ["subject"]}
    out = carry_confirmed(old, new)
    assert out["subject"] == "Đúng" and out["fields"]["subject"]["confirmed"] and out["needs_review"] == []
    assert new["subject"] == "Sai"  # the input is not changed
    assert carry_confirmed(None, new) == new


def test_rerun_keeps_confirmed_value(archive_copy: Path, generated: Path, tmp_path: Path) -> None:
    from archivist.pipeline import Settings, process

    rec = _pick_subject_record(archive_copy)
    _correct(archive_copy, tmp_path, rec)
    process([generated / "scans"], archive_copy, Settings(workers=1, pdfa="2b"))
    new = json.loads((archive_copy / "documents" / f"{rec['id']}.json").read_text(encoding="utf-8"))
    assert new["output"]["pdfa"] == "2b", "the re-run did not re-process the document"
    assert new["metadata"]["subject"] == NEW_SUBJECT, (
        "re-processing overwrote a confirmed value: commit.commit_part must call corrections.carry_confirmed "
        "(and carry the history over) before writing the PDF")
    assert new["metadata"]["fields"]["subject"].get("confirmed") is True
    assert any(h["new"] == NEW_SUBJECT for h in new.get("history", [])), "the review history was lost on re-run"
