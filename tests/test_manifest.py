"""Retention manifest, dossiers and the dossier catalogue, end to end on a small real archive.

The archive is made by the real pipeline (Tesseract on generated pages); the test then gives the
documents the types, dates and subjects a classifier would have found (random text has none), so
the hand-checked retention periods and due years below are known. ``build_sample_archive`` is
shared with test_schemas and test_verify_bag: built once per session, copied by every test that
changes it.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from archivist.archival import archival_fields
from archivist.cli_archive import catalogue, manifest
from archivist.fsutil import atomic_write_json
from archivist.manifest import build_dossiers, load_records
from archivist.retention import load_schedule, retention_for
from archivist.schemas import validate_record
from tests.textpage import scan, text_page

ORG = {"name": "Ủy ban nhân dân xã Tân Phú", "identifier": "H27.31.05", "commune_code": "26446",
       "commune_name": "Xã Tân Phú"}
SCANS = {"a-qd.jpg": 1, "b-gm.jpg": 2, "hoso-2021/p1.jpg": 3, "hoso-2021/p2.jpg": 4, "ks-1.jpg": 5, "ks-2.jpg": 6,
         "d-unknown.jpg": 7, "e-cv.jpg": 8}
ADMIN = {"kind": "administrative", "needs_review": []}
FILLS = {
    "a-qd.jpg": {**ADMIN, "type": "Quyết định", "type_code": "QĐ", "number": "45", "symbol": "QĐ-UBND",
                 "number_symbol": "45/QĐ-UBND", "date": "2015-03-05", "issuer": "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ",
                 "subject": "Về việc kiện toàn Ban chỉ đạo cải cách hành chính xã"},
    "b-gm.jpg": {**ADMIN, "type": "Giấy mời", "type_code": "GM", "number": "12", "symbol": "GM-UBND",
                 "number_symbol": "12/GM-UBND", "date": "2019-06-10", "subject": "Dự hội nghị sơ kết công tác"},
    "hoso-2021": {**ADMIN, "type": "Báo cáo", "type_code": "BC", "number": "30", "symbol": "BC-UBND",
                  "number_symbol": "30/BC-UBND", "date": "2021-07-05",
                  "subject": "Tình hình kinh tế - xã hội 6 tháng đầu năm 2021"},
    "ks-1.jpg": {"kind": "civil_status", "type": "Khai sinh", "date": "2010-04-01", "person": "Nguyễn Thị Hồng",
                 "subject": "Trích lục khai sinh", "needs_review": []},
    "ks-2.jpg": {"kind": "civil_status", "type": "Khai sinh", "date": "2012-09-30", "person": "Trần Văn Đức",
                 "subject": "Trích lục khai sinh", "needs_review": []},
    "e-cv.jpg": {**ADMIN, "type": "Công văn", "number": "88", "symbol": "UBND-VP", "number_symbol": "88/UBND-VP",
                 "date": "2016-08-01", "subject": "V/v đôn đốc nộp báo cáo thống kê"},
}
#: label -> (series, period, end year, status as of 2025), checked by hand against the schedule.
EXPECTED = {
    "a-qd.jpg": ("decisions", "permanent", None, "permanent"),
    "b-gm.jpg": ("routine_slips", 5, 2024, "due now"),
    "hoso-2021": ("plans_reports_periodic", 20, 2041, "due for appraisal in 2041"),
    "ks-1.jpg": ("civil_status", "permanent", None, "permanent"),
    "ks-2.jpg": ("civil_status", "permanent", None, "permanent"),
    "e-cv.jpg": ("correspondence", 10, 2026, "due for appraisal in 2026"),
    "d-unknown.jpg": ("unclassified", "permanent", None, "permanent"),
}
AS_OF = 2025
_BUILT: dict[str, Path] = {}
#: every test here reads an archive processed for the session (build_sample_archive)
pytestmark = pytest.mark.slow


def fill_record(path: Path, changes: dict, dossier: dict | None = None) -> dict:
    """Give a record the metadata a classifier would have found, then its retention and Circular 02 fields."""
    rec = json.loads(path.read_text(encoding="utf-8"))
    rec["metadata"].update(changes)
    if dossier is not None:
        rec["dossier"] = dossier
    rec["metadata"]["retention"] = retention_for(rec).to_dict()
    rec["archival"] = archival_fields(rec)
    validate_record(rec)
    atomic_write_json(path, rec)
    return rec


def build_sample_archive(factory: pytest.TempPathFactory) -> Path:
    """The session's pristine sample archive (never changed by a test: copy it first)."""
    if "archive" in _BUILT:
        return _BUILT["archive"]
    from archivist.pipeline import Settings, process

    base = factory.mktemp("sample")
    for name, seed in SCANS.items():
        im, _ = text_page(dpi=200, seed=seed, lines=8)
        (base / "in" / name).parent.mkdir(parents=True, exist_ok=True)
        Image.fromarray(scan(im, 1.5, 0, seed=seed)).save(base / "in" / name, quality=85, dpi=(200, 200))
    archive = base / "archive"
    report = process([base / "in"], archive, Settings(workers=2))
    assert report.ok, [f.line() for f in report.failures]
    for p in sorted((archive / "documents").glob("*.json")):
        label = Path(json.loads(p.read_text(encoding="utf-8"))["label"]).name
        dossier = None
        if label.startswith("ks-"):  # two birth extracts filed as one dossier, as if split from one scan
            dossier = {"id": "so-ho-tich-2010", "label": "so-ho-tich-2010", "sequence": int(label[3]), "parts": 2}
        fill_record(p, FILLS.get(label, {}), dossier)
    meta = json.loads((archive / "archive.json").read_text(encoding="utf-8"))
    atomic_write_json(archive / "archive.json", {**meta, "organisation": ORG})
    # The fills stand in for what the pipeline would have written, so the fixity manifest the run
    # sealed is dropped and made again by the first command that seals (catalogue, in these tests).
    from archivist.fixity import MANIFEST

    (archive / MANIFEST).unlink(missing_ok=True)
    from archivist.indexing import index_archive

    index_archive(archive)  # the index follows the filled records, as the pipeline's commit would
    _BUILT["archive"] = archive
    return archive


@pytest.fixture
def archive(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Path:
    dest = tmp_path / "archive"
    shutil.copytree(build_sample_archive(tmp_path_factory), dest)
    return dest


def run(cmd, *args: str):
    result = CliRunner().invoke(cmd, [str(a) for a in args], catch_exceptions=False)
    return result


def by_label(root: Path) -> dict[str, str]:
    """document id -> label name."""
    return {r["id"]: Path(r["label"]).name for r in load_records(root)[0]}


def test_every_document_has_a_period_a_basis_and_the_hand_checked_due_year(archive: Path) -> None:
    result = run(manifest, "--archive", archive, "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    labels = by_label(archive)
    docs = [e for e in data["entries"] if e["level"] == "document"]
    assert sorted(labels[e["document_id"]] for e in docs) == sorted(EXPECTED)
    for e in docs:
        assert e["retention"]["period"] and len(e["legal_basis"]) > 5, e
        series, period, end, status = EXPECTED[labels[e["document_id"]]]
        assert (e["retention"]["series"], e["retention"]["period"], e["end_year"], e["status"]) == \
               (series, period, end, status), labels[e["document_id"]]
        assert e["review"] == (series == "unclassified")
    civil = next(e for e in docs if labels[e["document_id"]] == "ks-1.jpg")
    assert civil["retention"]["verified"] and civil["access_regime"] == "restricted"
    assert "Decree 123/2015/ND-CP Art. 12" in civil["legal_basis"]
    dossiers = {e["identifier"]: e for e in data["entries"] if e["level"] == "dossier"}
    assert dossiers["H27.31.05.2012.1"]["start_date"] == "2010-04-01"  # two birth extracts, closing 2012
    assert [e["identifier"] for e in docs if e["dossier_code"] == "H27.31.05.2012.1"] == \
           ["H27.31.05.2012.1.1", "H27.31.05.2012.1.2"]
    assert "6 dossiers (1 due now as of 2025), 7 documents (1 with a period to confirm)" in result.stderr


def test_document_period_runs_from_its_dossiers_closing_year(archive: Path) -> None:
    """A 10-year letter of 2010 filed in a dossier that closes in 2012 is due in 2022, not 2020."""
    for p in (archive / "documents").glob("*.json"):
        if json.loads(p.read_text(encoding="utf-8"))["dossier"]:
            fill_record(p, {"type": "Công văn", "kind": "administrative"})
    data = json.loads(run(manifest, "--archive", archive, "--as-of", AS_OF).stdout)
    rows = [e for e in data["entries"] if e["dossier_code"] == "H27.31.05.2012.1"]
    assert [(e["level"], e["date"], e["end_year"], e["status"]) for e in rows] == [
        ("dossier", None, 2022, "due now"), ("document", "2010-04-01", 2022, "due now"),
        ("document", "2012-09-30", 2022, "due now")]


def test_due_before_lists_only_what_the_appraisal_council_must_review(archive: Path) -> None:
    data = json.loads(run(manifest, "--archive", archive, "--as-of", AS_OF, "--due-before", 2027).stdout)
    labels = by_label(archive)
    assert sorted(labels[e["document_id"]] for e in data["entries"] if e["document_id"]) == ["b-gm.jpg", "e-cv.jpg"]
    assert {e["level"] for e in data["entries"]} == {"dossier", "document"}
    none = json.loads(run(manifest, "--archive", archive, "--due-before", 2000).stdout)
    assert none["entries"] == [] and none["due_before"] == 2000


def test_archive_schedule_overrides_and_extends_the_built_in_one(archive: Path) -> None:
    atomic_write_json(archive / "retention.json", {"schedule_version": 1, "entries": [
        {"series": "routine_slips", "period": 10, "basis": [{"instrument": "Quyết định 7/QĐ-UBND", "item": "Mục 3"}]},
        {"series": "birth_extracts", "match": [{"kinds": ["civil_status"], "subject": ["trich luc"]}],
         "period": "permanent", "basis": [{"instrument": "Decree 123/2015/ND-CP", "item": "Art. 12"}],
         "verified": True, "access": "restricted"}]})
    result = run(manifest, "--archive", archive, "--as-of", AS_OF)
    assert "overrides routine_slips; adds birth_extracts" in result.stderr
    data = json.loads(result.stdout)
    labels = by_label(archive)
    rows = {labels[e["document_id"]]: e for e in data["entries"] if e["document_id"]}
    assert (rows["b-gm.jpg"]["end_year"], rows["b-gm.jpg"]["legal_basis"]) == (2029, "Quyết định 7/QĐ-UBND Mục 3")
    assert rows["ks-1.jpg"]["retention"]["series"] == "birth_extracts"
    assert data["schedule"]["overridden"] == ["routine_slips"] and len(data["schedule"]["sources"]) == 2
    (archive / "retention.json").write_text('{"schedule_version": 1, "entries": [{"series": "x", "period": "forever", '
                                            '"basis": []}]}', encoding="utf-8")
    bad = run(manifest, "--archive", archive)
    assert bad.exit_code == 1 and "entries[0].period" in bad.stderr and "entries[0].basis" in bad.stderr


def test_csv_has_bom_one_header_and_vietnamese(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "m.csv"
    assert run(manifest, "--archive", archive, "--format", "csv", "--out", out, "--as-of", AS_OF).exit_code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:3] == ["level", "identifier", "dossier_code"] and len(rows) == 1 + 6 + 7
    title = rows[0].index("title")
    assert any("Về việc kiện toàn Ban chỉ đạo cải cách hành chính xã" in r[title] for r in rows)


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed (scripts/setup-system.sh installs it)")
def test_csv_round_trips_through_libreoffice_xlsx(archive: Path, tmp_path: Path) -> None:
    src = tmp_path / "retention.csv"
    run(manifest, "--archive", archive, "--format", "csv", "--out", src, "--as-of", AS_OF)
    profile = f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}"
    # Headless LibreOffice takes the encoding from the filter options, not the BOM (the GUI asks).
    subprocess.run([SOFFICE, profile, "--headless", "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx",
                    "--outdir", str(tmp_path / "x"), str(src)], check=True, capture_output=True, timeout=120)
    xlsx = tmp_path / "x" / "retention.xlsx"
    with zipfile.ZipFile(xlsx) as z:
        assert "Quyết định 45/QĐ-UBND" in z.read("xl/sharedStrings.xml").decode("utf-8")
    subprocess.run([SOFFICE, profile, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1",
                    "--outdir", str(tmp_path / "back"), str(xlsx)], check=True, capture_output=True, timeout=120)
    back = list(csv.reader(io.StringIO((tmp_path / "back" / "retention.csv").read_text(encoding="utf-8-sig"))))
    assert back == list(csv.reader(io.StringIO(src.read_text(encoding="utf-8-sig"))))


def test_catalogue_csv_and_pdf(archive: Path, tmp_path: Path) -> None:
    import pdfplumber

    result = run(catalogue, "--archive", archive, "--out", tmp_path / "cat")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO((tmp_path / "cat" / "muc-luc-ho-so.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0][:4] == ["Số TT", "Mã hồ sơ", "Số hồ sơ", "Tiêu đề hồ sơ"] and len(rows) == 1 + 6
    ks = next(r for r in rows if r[1] == "H27.31.05.2012.1")
    assert ks[4:8] == ["2010-04-01", "2012-09-30", "2", "Vĩnh viễn"]
    with pdfplumber.open(tmp_path / "cat" / "muc-luc-ho-so.pdf") as pdf:
        text = "\n".join(p.extract_text() for p in pdf.pages)
    assert "MỤC LỤC HỒ SƠ" in text and "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ" in text
    assert "Quyết định 45/QĐ-UBND: Về việc kiện toàn" in text and "Trích lục khai sinh (2 văn bản)" in text
    assert "01/04/2010 30/09/2012 2 Vĩnh viễn" in text


def test_dossier_numbers_are_given_once_and_kept(archive: Path) -> None:
    schedule = load_schedule()
    run(catalogue, "--archive", archive)
    first = {p.name for p in (archive / "dossiers").glob("*.json")}
    assert "H27.31.05.2015.1.json" in first and len(first) == 6
    # a new document dated earlier in 2015 joins later: it gets 2015.2, the list is not renumbered
    src = next(p for p in (archive / "documents").glob("*.json") if "a-qd" in p.read_text(encoding="utf-8"))
    rec = json.loads(src.read_text(encoding="utf-8"))
    rec["id"], rec["metadata"]["date"] = "doc-0000000000000001", "2015-01-02"
    records = [*load_records(archive)[0], rec]
    codes = {d.record["source_id"]: d.code for d in build_dossiers(archive, records, schedule, ORG)}
    assert codes["doc-0000000000000001"] == "H27.31.05.2015.2" and codes[src.stem] == "H27.31.05.2015.1"
    mtimes = {p: p.stat().st_mtime_ns for p in (archive / "dossiers").glob("*.json")}
    run(catalogue, "--archive", archive)
    assert {p: p.stat().st_mtime_ns for p in (archive / "dossiers").glob("*.json")} == mtimes  # not rewritten


def test_without_organisation_codes_are_provisional_and_nothing_is_written(archive: Path) -> None:
    meta = json.loads((archive / "archive.json").read_text(encoding="utf-8"))
    del meta["organisation"]
    atomic_write_json(archive / "archive.json", meta)
    result = run(manifest, "--archive", archive)
    assert result.exit_code == 0 and "provisional" in result.stderr
    assert all(e["identifier"].startswith("UNSET.") for e in json.loads(result.stdout)["entries"])
    assert not (archive / "dossiers").exists()


def test_archival_fields_follow_circular_02(archive: Path) -> None:
    rec = next(r for r in load_records(archive)[0] if Path(r["label"]).name == "ks-2.jpg")
    a = archival_fields(rec, dossier_code="H27.31.05.2012.1", sequence=2)
    assert a["identifier"] == "H27.31.05.2012.1.2" and a["dossier_code"] == "H27.31.05.2012.1"
    assert (a["type"], a["date"], a["access_regime"], a["reliability"]) == ("Khai sinh", "2012-09-30", "restricted",
                                                                           "digitized")
    assert a["physical_condition"] is None and "hộ tịch" in a["keywords"]
    assert archival_fields(rec)["identifier"] is None
