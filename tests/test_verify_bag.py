"""Fixity and transfer: ``archivist verify`` catches a flipped byte, a deleted record, an extra file and
a record that fails its schema; ``archivist bag`` writes a BagIt 1.0 bag that ``bagit.py --validate``
accepts, and rejects once a payload file changes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from archivist.bag import validate_bag
from archivist.cli_archive import bag, catalogue, verify
from archivist.fixity import MANIFEST, seal
from archivist.fsutil import atomic_write_json
from archivist.indexing import index_archive
from archivist.verify import verify as run_verify
from tests.pdfcheck import require_preflight
from tests.test_manifest import build_sample_archive

BAGIT = Path(sys.executable).parent / "bagit.py"
#: every test here reads an archive processed for the session (build_sample_archive)
pytestmark = pytest.mark.slow


@pytest.fixture
def archive(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Path:
    """A copy of the sample archive, sealed (numbered dossiers, archive-manifest.json) by 'archivist catalogue'."""
    dest = tmp_path / "archive"
    shutil.copytree(build_sample_archive(tmp_path_factory), dest)
    assert CliRunner().invoke(catalogue, ["--archive", str(dest)]).exit_code == 0
    return dest


def invoke(cmd, *args) -> object:
    return CliRunner().invoke(cmd, [str(a) for a in args], catch_exceptions=False)


def pdfs(root: Path) -> list[Path]:
    return sorted((root / "documents").glob("*.pdf"))


def kinds(root: Path, **kw) -> set[tuple[str, str]]:
    return {(p.kind, p.path) for p in run_verify(root, **kw).problems}


def test_a_sealed_archive_verifies_clean(archive: Path) -> None:
    result = invoke(verify, "--archive", archive)
    assert result.exit_code == 0, result.stdout
    assert "no problems" in result.stderr
    sealed = json.loads((archive / MANIFEST).read_text(encoding="utf-8"))
    assert sealed["counts"]["documents"] == 7 and sealed["counts"]["dossiers"] == 6
    assert {e["role"] for e in sealed["files"].values()} == {"pdf", "document-record", "dossier-record"}


def test_flipped_byte_in_a_pdf_is_caught(archive: Path) -> None:
    pdf = pdfs(archive)[0]
    data = bytearray(pdf.read_bytes())
    data[len(data) // 2] ^= 0x01
    pdf.write_bytes(bytes(data))
    result = invoke(verify, "--archive", archive, "--json")
    assert result.exit_code == 1
    problems = json.loads(result.stdout)["problems"]
    assert [(p["kind"], p["path"]) for p in problems] == [("altered", f"documents/{pdf.name}")]


def test_deleted_record_is_caught(archive: Path) -> None:
    record = pdfs(archive)[0].with_suffix(".json")
    record.unlink()
    found = kinds(archive)
    assert ("missing", f"documents/{record.name}") in found
    assert invoke(verify, "--archive", archive).exit_code == 1


def test_deleted_record_is_caught_even_before_sealing(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> None:
    root = tmp_path / "archive"
    shutil.copytree(build_sample_archive(tmp_path_factory), root)
    report = run_verify(root)
    assert report.ok and any("never sealed" in n for n in report.notes)
    pdf = pdfs(root)[0]
    pdf.with_suffix(".json").unlink()
    assert kinds(root) == {("unexpected", f"documents/{pdf.name}"),  # a PDF without its record
                           ("index", f"documents/{pdf.stem}.json")}  # and an index row without one


def test_extra_file_is_caught(archive: Path) -> None:
    (archive / "documents" / "notes.txt").write_text("ghi chú", encoding="utf-8")
    (archive / "stray.pdf").write_bytes(b"%PDF-1.4\n")
    shutil.copy(pdfs(archive)[0], archive / "documents" / "doc-ffffffffffffffff.pdf")
    seal(archive)  # sealing again never adopts a file no record names
    assert kinds(archive) == {("unexpected", "documents/notes.txt"), ("unexpected", "stray.pdf"),
                              ("unexpected", "documents/doc-ffffffffffffffff.pdf")}


def test_record_failing_its_schema_is_caught(archive: Path) -> None:
    path = pdfs(archive)[0].with_suffix(".json")
    rec = json.loads(path.read_text(encoding="utf-8"))
    rec["pages"][0]["skew"] = "abc"
    atomic_write_json(path, rec)
    report = run_verify(archive)
    lines = [p.line() for p in report.problems]
    assert any(p.kind == "invalid" and "pages[0].skew: 'abc' is not of type 'number'" in p.detail
               for p in report.problems), lines
    assert ("altered", f"documents/{path.name}") in {(p.kind, p.path) for p in report.problems}


def test_changed_source_scan_is_caught_and_missing_one_only_noted(archive: Path) -> None:
    rec = json.loads(pdfs(archive)[0].with_suffix(".json").read_text(encoding="utf-8"))
    src = Path(rec["source"]["paths"][0])
    original = src.read_bytes()
    try:
        src.write_bytes(original + b"\0")
        assert ("source", f"documents/{rec['id']}.json") in kinds(archive)
        assert run_verify(archive, sources=False).ok
        src.unlink()
        report = run_verify(archive)
        assert report.ok and any("not reachable" in n for n in report.notes)
    finally:
        src.write_bytes(original)  # the sources are shared by every test of the session


def test_reprocessed_document_is_resealed_but_an_edit_is_not(archive: Path) -> None:
    path = pdfs(archive)[0].with_suffix(".json")
    rec = json.loads(path.read_text(encoding="utf-8"))
    atomic_write_json(path, {**rec, "text": rec["text"] + " "})  # edited in place: stays altered
    seal(archive)
    assert ("altered", f"documents/{path.name}") in kinds(archive)
    atomic_write_json(path, {**rec, "created": "2099-01-01T00:00:00Z"})  # what a re-run of the pipeline writes
    index_archive(archive)  # … and indexes
    seal(archive)
    assert run_verify(archive).ok


def test_pdfa_check(archive: Path) -> None:
    require_preflight()
    assert run_verify(archive, pdfa=True, sources=False).ok
    pdf = pdfs(archive)[0]
    pdf.write_bytes(pdf.read_bytes().replace(b"pdfaid:part", b"pdfaid:prt_"))
    assert ("pdfa", f"documents/{pdf.name}") in kinds(archive, pdfa=True, sources=False)


def test_bag_validates_and_fails_after_a_payload_change(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "bag"
    result = invoke(bag, "--archive", archive, "--out", out, "--as-of", 2025)
    assert result.exit_code == 0, result.stderr
    assert (out / "bagit.txt").read_text(encoding="utf-8").startswith("BagIt-Version: 1.0\n")
    assert (out / "manifest-sha256.txt").is_file() and (out / "manifest-sha512.txt").is_file()
    info = (out / "bag-info.txt").read_text(encoding="utf-8")
    for line in ("Source-Organization: Ủy ban nhân dân xã Tân Phú", "Commune-Code: 26446", "Document-Count: 7",
                 "Dossier-Count: 6", "Page-Count: 8", "Records-Start-Date: 2010-04-01",
                 "External-Identifier: H27.31.05"):
        assert line in info
    payload = {p.relative_to(out / "data").as_posix() for p in (out / "data").rglob("*") if p.is_file()}
    assert {f"documents/{p.name}" for p in pdfs(archive)} <= payload
    assert {"archive-manifest.json", "manifests/retention-manifest.json", "manifests/retention-manifest.csv",
            "catalogue/muc-luc-ho-so.pdf", "schemas/document.schema.json", "dossiers/H27.31.05.2012.1.json"} <= payload
    ok = subprocess.run([str(BAGIT), "--validate", str(out)], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert validate_bag(out) == []
    target = out / "data" / "documents" / pdfs(archive)[0].name
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0x01  # same size: only the checksums can tell
    target.write_bytes(bytes(data))
    bad = subprocess.run([str(BAGIT), "--validate", str(out)], capture_output=True, text=True)
    assert bad.returncode != 0 and target.name in bad.stderr
    assert validate_bag(out)


def test_bag_refuses_an_archive_that_fails_verification(archive: Path, tmp_path: Path) -> None:
    (archive / "documents" / "extra.bin").write_bytes(b"x")
    result = invoke(bag, "--archive", archive, "--out", tmp_path / "bag")
    assert result.exit_code == 1 and "extra.bin" in result.stderr
    assert not (tmp_path / "bag").exists()
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    assert invoke(bag, "--archive", archive, "--out", tmp_path / "full").exit_code == 2
