"""Discovery never reads an archive as input and never follows a link in circles (issue 15, item 3).

The walk itself is checked on small files (no OCR); the end-to-end tests run ``archivist process``
as a user would, with the archive inside the input folder and with links that loop.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from archivist.discover import discover
from tests.textpage import text_page


def _scans(folder: Path, n: int = 2) -> list[Path]:
    """``n`` different small text pages as JPEGs (distinct content, so distinct documents)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        page, _ = text_page(150, seed=40 + i, lines=4)
        p = folder / f"scan-{i + 1}.jpg"
        page.save(p, dpi=(150, 150), quality=80)
        out.append(p)
    return out


def _looping_input(root: Path) -> Path:
    """Two scans in ``root/in`` with three links back to the folder itself and a second name for one scan."""
    inp = root / "in"
    _scans(inp)
    for name in ("l1", "l2", "self"):
        os.symlink(".", inp / name)
    os.symlink("scan-1.jpg", inp / "copy.jpg")
    return inp


def _labels(docs) -> list[str]:
    return sorted(Path(d.label).name for d in docs)


def test_an_archive_inside_the_input_is_skipped_with_a_warning(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    _scans(inp)
    old = inp / "old-archive"  # an archive from an earlier batch, with PDFs and report images in it
    _scans(old / "documents", 1)
    (old / "archive.json").write_text("{}", encoding="utf-8")
    _scans(old / "report-files", 1)
    fresh = inp / "new"  # this batch's --archive: not an archive yet, but never input
    _scans(fresh / "documents", 1)
    docs, failures, skipped, warnings = discover([inp], archives=[fresh])
    assert _labels(docs) == ["scan-1.jpg", "scan-2.jpg"]
    assert not failures and not skipped
    assert any(w.startswith(f"{old}: ") and "archive" in w for w in warnings), warnings
    assert any(w.startswith(f"{fresh}: ") and "archive" in w for w in warnings), warnings


def test_an_input_inside_an_archive_is_skipped(tmp_path: Path) -> None:
    arch = tmp_path / "archive"
    pdfs = _scans(arch / "documents", 1)
    (arch / "archive.json").write_text("{}", encoding="utf-8")
    for given in (arch, arch / "documents", pdfs[0]):
        docs, failures, _, warnings = discover([given])
        assert not docs and not failures
        assert len(warnings) == 1 and warnings[0].startswith(f"{given}: ") and "archive" in warnings[0]


def test_links_back_into_the_input_are_read_once(tmp_path: Path) -> None:
    inp = _looping_input(tmp_path)
    (inp / "sub").mkdir()
    os.symlink("../scan-2.jpg", inp / "sub" / "page-1.jpg")  # would make a one-page dossier of a known scan
    docs, failures, _, warnings = discover([inp])
    assert _labels(docs) == ["scan-1.jpg", "scan-2.jpg"]
    assert not failures
    linked = sorted(w.split(": ")[0] for w in warnings)
    assert linked == sorted(str(p) for p in (inp / "copy.jpg", inp / "l1", inp / "l2", inp / "self",
                                             inp / "sub" / "page-1.jpg"))


def test_a_loop_through_a_folder_outside_the_input_ends(tmp_path: Path) -> None:
    inp, outside = tmp_path / "in", tmp_path / "outside"
    _scans(inp, 1)
    pages = outside / "dossier"
    pages.mkdir(parents=True)
    page, _ = text_page(150, seed=60, lines=4)
    page.save(pages / "p1.png", dpi=(150, 150))
    os.symlink(outside, inp / "ext")  # a folder kept elsewhere, linked in: read, once
    os.symlink(outside, pages / "up")  # ... which links back to itself
    docs, failures, _, warnings = discover([inp])
    assert _labels(docs) == ["dossier", "scan-1.jpg"]
    assert not failures
    assert [w.split(": ")[0] for w in warnings] == [str(inp / "ext" / "dossier" / "up")]
    assert "already read" in warnings[0]


def test_broken_and_circular_links_are_one_line_failures(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    _scans(inp, 1)
    os.symlink("nowhere.jpg", inp / "gone.jpg")
    os.symlink("b.jpg", inp / "a.jpg")
    os.symlink("a.jpg", inp / "b.jpg")
    docs, failures, _, _ = discover([inp])
    assert _labels(docs) == ["scan-1.jpg"]
    reasons = {Path(f.path).name: f.reason for f in failures}
    assert reasons == {"a.jpg": "a link that leads back to itself", "b.jpg": "a link that leads back to itself",
                       "gone.jpg": "a link to a file that does not exist"}


# --- end to end: the archivist command ----------------------------------------------------------------


def _process(cwd: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "archivist.cli", "process", *args, "--workers", "1", "--quiet"],
                          cwd=cwd, capture_output=True, text=True, timeout=timeout)


def _pdfs(archive: Path) -> list[str]:
    return sorted(p.name for p in (archive / "documents").glob("*.pdf"))


@pytest.mark.slow
def test_process_dot_into_an_archive_inside_it_three_times(tmp_path: Path) -> None:
    """``archivist process . --archive archive`` run three times: the archive is never read back in."""
    work = tmp_path / "scans"
    _scans(work)
    counts = []
    for _ in range(3):
        res = _process(work, ".", "--archive", "archive")
        assert res.returncode == 0, res.stderr
        counts.append(len(_pdfs(work / "archive")))
    assert counts == [2, 2, 2]
    report = json.loads((work / "archive" / "report.json").read_text(encoding="utf-8"))
    assert [d["status"] for d in report["documents"]] == ["already done", "already done"]
    assert any(w.startswith("archive: ") and "archive" in w.split(": ", 1)[1] for w in report["warnings"])
    assert "archive: " in res.stderr
    found = subprocess.run([sys.executable, "-m", "archivist.cli", "search", "xa", "--archive", "archive", "--json"],
                           cwd=work, capture_output=True, text=True, check=True).stdout
    ids = [h["doc_id"] for h in json.loads(found)]
    assert len(ids) == len(set(ids)) == 2  # no copies of the archive's own PDFs


@pytest.mark.slow
def test_process_a_folder_with_link_loops_ends_and_reads_each_scan_once(tmp_path: Path) -> None:
    _looping_input(tmp_path)
    res = _process(tmp_path, "in", "--archive", "archive", timeout=180)  # today's main never returns here
    assert res.returncode == 0, res.stderr
    assert len(_pdfs(tmp_path / "archive")) == 2
    report = json.loads((tmp_path / "archive" / "report.json").read_text(encoding="utf-8"))
    assert len(report["documents"]) == 2
    assert sorted(w.split(": ")[0] for w in report["warnings"] if "link" in w) == [
        "in/copy.jpg", "in/l1", "in/l2", "in/self"]
