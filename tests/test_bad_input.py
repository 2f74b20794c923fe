"""One batch of bad inputs (tests/badinput.py) through a real ``archivist process``, as a user runs it.

The batch must survive everything in it: each bad file gets one plain line naming it and the
reason (on stderr and in report.json), the good scans still become documents, the exit code says
"some failed", originals are neither changed nor deleted, and nothing half-written is left.
tests/test_ingest.py checks the same reasons at the library level; this is the end-to-end view.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from archivist.cli import main
from tests.badinput import BORN_DIGITAL_TEXT, CASES, GOOD, Case, build_corpus

STDERR_PREFIXES = ("error: ", "warning: ", "skipped: ", "Processing ", "  ")


@dataclass
class Run:
    corpus: Path
    archive: Path
    returncode: int
    stdout: str
    stderr: str
    report: dict
    records: dict[str, dict]  # by label
    before: dict[bytes, str]
    after: dict[bytes, str]


def _fingerprint(root: Path) -> dict[bytes, str]:
    """SHA-256 of every regular file under ``root`` and the target of every link, by raw path bytes."""
    out: dict[bytes, str] = {}
    for folder, _dirs, files in os.walk(os.fsencode(root)):
        for name in files:
            p = os.path.join(folder, name)
            if os.path.islink(p):
                out[p] = "link -> " + os.fsdecode(os.readlink(p))
            else:
                with open(p, "rb") as f:
                    out[p] = hashlib.sha256(f.read()).hexdigest()
    return out


def _shown(root: Path, c: Case) -> str:
    """How the batch names a case's file: its path, with undecodable bytes escaped."""
    name = c.name.decode("utf-8", "backslashreplace") if isinstance(c.name, bytes) else c.name
    return f"{root}/{name}"


def _process(*args: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "archivist.cli", "process", *args]
    return subprocess.run(cmd, capture_output=True, text=True, errors="backslashreplace", timeout=600)


@pytest.fixture(scope="session")
def bad_batch(tmp_path_factory: pytest.TempPathFactory) -> Run:
    base = tmp_path_factory.mktemp("bad")
    corpus = build_corpus(base / "ảnh quét")
    before = _fingerprint(corpus)
    archive = base / "archive"
    res = _process(str(corpus), "--archive", str(archive), "--workers", "2")
    report = json.loads((archive / "report.json").read_text(encoding="utf-8"))
    records = {r["label"]: r for r in (json.loads(p.read_text(encoding="utf-8"))
                                       for p in (archive / "documents").glob("*.json"))}
    return Run(corpus, archive, res.returncode, res.stdout, res.stderr, report, records, before,
               _fingerprint(corpus))


def test_exit_code_and_plain_one_line_output(bad_batch: Run) -> None:
    assert bad_batch.returncode == 1, bad_batch.stderr  # some documents failed, the batch finished
    assert "Traceback" not in bad_batch.stderr
    stray = [line for line in bad_batch.stderr.splitlines() if not line.startswith(STDERR_PREFIXES)]
    assert not stray, stray  # no Python warnings, no multi-line messages
    processed = sum(c.outcome == "processed" for c in CASES)
    assert f"Documents: {processed} processed, 0 already done" in bad_batch.stdout
    assert all("\n" not in f["reason"] and len(f["reason"]) < 240 for f in bad_batch.report["failures"])


@pytest.mark.parametrize("case", CASES, ids=lambda c: os.fsdecode(c.name))
def test_each_file_gets_its_outcome_and_reason(bad_batch: Run, case: Case) -> None:
    shown = _shown(bad_batch.corpus, case)
    report = bad_batch.report
    if case.outcome == "failed":  # a page of a TIFF or PDF is named "FILE (page N)"
        reasons = [f["reason"] for f in report["failures"] if f["path"].split(" (page ")[0] == shown]
        assert any(case.reason in r for r in reasons), (case.why, reasons)
        assert any(line.startswith((f"error: {shown}: ", f"error: {shown} (page ")) and case.reason in line
                   for line in bad_batch.stderr.splitlines()), case.why
        assert shown not in bad_batch.records
    elif case.outcome == "processed":
        assert shown in bad_batch.records, (case.why, report["failures"])
        assert any(d["label"] == shown and d["status"] == "processed" for d in report["documents"])
        if case.reason:
            warnings = [w for w in report["warnings"] if w.startswith(f"{shown} p.1: ")]
            assert any(case.reason in w for w in warnings), (case.why, warnings)
            assert f"warning: {shown} p.1: " in bad_batch.stderr
    else:
        assert shown in report["skipped_files"]
        assert f"skipped: {shown}: not a scan" in bad_batch.stderr


def test_nothing_else_is_reported(bad_batch: Run) -> None:
    """Every failure, warning and skip belongs to a case that expects it (no collateral damage)."""
    named = {_shown(bad_batch.corpus, c) for c in CASES if c.outcome != "processed" or c.reason}
    for f in bad_batch.report["failures"]:
        path = f["path"].split(" (page ")[0]
        assert path in named or os.path.dirname(path) in named, f
    for w in bad_batch.report["warnings"]:
        assert w.split(" p.", 1)[0] in named, w


def test_originals_are_unchanged_and_still_there(bad_batch: Run) -> None:
    assert bad_batch.after == bad_batch.before


def test_nothing_half_written_remains(bad_batch: Run) -> None:
    archive = bad_batch.archive
    assert not [p for p in archive.rglob("*") if p.name.startswith(".tmp-")]
    docs = archive / "documents"
    assert {p.stem for p in docs.glob("*.pdf")} == {p.stem for p in docs.glob("*.json")}
    assert len(bad_batch.records) == sum(c.outcome == "processed" for c in CASES)
    for rec in bad_batch.records.values():
        pdf = archive / rec["output"]["pdf"]
        assert hashlib.sha256(pdf.read_bytes()).hexdigest() == rec["output"]["sha256"]


def test_good_scan_with_an_awkward_name_completes(bad_batch: Run) -> None:
    rec = bad_batch.records[f"{bad_batch.corpus}/{GOOD}"]
    page = rec["pages"][0]
    assert page["mean_confidence"] > 70 and len(page["words"]) >= 15
    assert not page["warnings"]
    assert rec["source"]["paths"] == [str(bad_batch.corpus / GOOD)]


def test_vector_only_page_is_kept_as_rendered(bad_batch: Run) -> None:
    page = bad_batch.records[f"{bad_batch.corpus}/vector-only.pdf"]["pages"][0]
    assert page["dpi"] >= 200 and not page["words"]


def _pdf_text(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return " ".join((p.extract_text() or "") for p in pdf.pages)


def test_born_digital_text_is_kept_not_ocred(bad_batch: Run) -> None:
    rec = bad_batch.records[f"{bad_batch.corpus}/born-digital.pdf"]
    page = rec["pages"][0]
    assert BORN_DIGITAL_TEXT in page["text"]
    assert all(w[1] == 100.0 for w in page["words"])  # the PDF's own words, not OCR guesses
    assert BORN_DIGITAL_TEXT in " ".join(_pdf_text(bad_batch.archive / rec["output"]["pdf"]).split())


def test_force_ocr_reads_the_born_digital_page_and_exits_0(bad_batch: Run, tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    src = bad_batch.corpus / "born-digital.pdf"
    res = CliRunner().invoke(main, ["process", str(src), "--archive", str(archive), "--workers", "1",
                                    "--force-ocr", "--json"])
    assert res.exit_code == 0, res.output
    (rec,) = [json.loads(p.read_text(encoding="utf-8")) for p in (archive / "documents").glob("*.json")]
    page = rec["pages"][0]
    assert not any("already has text" in w for w in page["warnings"])
    assert any(w[1] < 100.0 for w in page["words"])  # Tesseract's confidences
    assert "Tân Phú" in page["text"]


def test_usage_error_exits_2_and_writes_nothing(bad_batch: Run, tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["process", str(bad_batch.corpus), "--archive", str(tmp_path / "a"),
                                    "--workers", "0"])
    assert res.exit_code == 2
    assert not (tmp_path / "a").exists()


def test_tiff_frames_stay_right_when_read_out_of_order_or_rewritten(tmp_path: Path) -> None:
    """A worker keeps its last TIFF open between pages (ingest._frame): frames read back and forth,
    two TIFFs interleaved, and a TIFF rewritten in place must still give each page its own pixels."""
    from PIL import Image

    from archivist.ingest import load_page
    from archivist.models import PageRef

    def write(path: Path, shades: list[int]) -> None:
        frames = [Image.new("L", (64, 48), s) for s in shades]
        frames[0].save(path, save_all=True, append_images=frames[1:], compression="tiff_deflate")

    a, b = tmp_path / "a.tif", tmp_path / "b.tif"
    write(a, [10, 20, 30, 40])
    write(b, [200, 210])
    for path, index, shade in [(a, 2, 30), (a, 0, 10), (b, 1, 210), (a, 3, 40), (a, 1, 20), (b, 0, 200)]:
        assert load_page(PageRef(path, "tiff", index)).gray.mean() == shade
    write(a, [50, 60, 70])  # same name, new content
    os.utime(a, ns=(1, 1))  # even with an old time stamp the size differs; both are in the key
    assert load_page(PageRef(a, "tiff", 2)).gray.mean() == 70


def test_failed_pages_are_named_as_typed_like_the_other_failures(tmp_path: Path) -> None:
    """Workers see resolved paths; the report names a file as the person typed it (relative here), for a
    damaged file found only when a worker loads it, and for a damaged page of a dossier folder."""
    good = (Path(__file__).resolve().parent.parent / "samples" / "scans" / "10-gm-105-yen-binh.jpg").read_bytes()
    (tmp_path / "in" / "hồ sơ").mkdir(parents=True)
    (tmp_path / "in" / "cắt.jpg").write_bytes(good[:20000])
    (tmp_path / "in" / "hồ sơ" / "01.jpg").write_bytes(good[:20000])
    (tmp_path / "in" / "hồ sơ" / "02.jpg").write_bytes(good[:30000])
    (tmp_path / "in" / "rỗng.png").write_bytes(b"")
    cmd = [sys.executable, "-m", "archivist.cli", "process", "in", "--archive", "arc", "--workers", "1"]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert res.returncode == 1, res.stderr
    errors = [line for line in res.stderr.splitlines() if line.startswith("error: ")]
    assert sorted(line.split(": ")[1] for line in errors) == ["in/cắt.jpg", "in/hồ sơ", "in/hồ sơ/01.jpg",
                                                            "in/hồ sơ/02.jpg", "in/rỗng.png"], errors
    assert str(tmp_path) not in res.stderr
    report = json.loads((tmp_path / "arc" / "report.json").read_text(encoding="utf-8"))
    assert {f["path"] for f in report["failures"]} == {line.split(": ")[1] for line in errors}
