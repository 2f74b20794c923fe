"""Kill a real batch with SIGKILL at random moments, re-run it, and prove nothing was lost or doubled."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pikepdf
import pytest

from archivist.fsutil import TMP_PREFIX, sha256_file
from tests.pdfcheck import assert_valid_pdfa
from tests.textpage import scan, text_page


def _hashes(folder: Path) -> dict[str, str]:
    return {str(p): sha256_file(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def _run(cmd: list[str], kill_after: float | None) -> int | None:
    """Start the batch in its own process group; SIGKILL the whole group (power cut) after a delay."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    if kill_after is None:
        return proc.wait(timeout=600)
    try:
        return proc.wait(timeout=kill_after)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        return None


@pytest.mark.slow
def test_sigkill_at_random_points_then_resume(tmp_path: Path) -> None:
    scans = tmp_path / "scans"
    (scans / "hồ sơ 1").mkdir(parents=True)
    rng = random.Random(11)
    for i in range(16):
        im, _ = text_page(200, seed=100 + i, lines=24)
        img = scan(im, rng.uniform(-8, 8), 0, seed=i)
        from PIL import Image

        target = scans / "hồ sơ 1" / f"trang {i}.jpg" if i >= 14 else scans / f"văn bản {i}.jpg"
        Image.fromarray(img).save(target, dpi=(200, 200), quality=75)
    originals = _hashes(scans)
    for p in scans.rglob("*.jpg"):
        p.chmod(0o444)  # the tool must never need to write an original
    archive = tmp_path / "archive"
    cmd = [sys.executable, "-m", "archivist.cli", "process", str(scans), "--archive", str(archive),
           "--workers", "2", "--pdfa", "1b", "--quiet"]
    kills = 0
    for delay in (1.5, 2.5, 3.0, 4.0):
        if _run(cmd, kill_after=delay + rng.random()) is None:
            kills += 1
    assert kills >= 2, "the batch finished before it could be killed; make it longer"
    t0 = time.time()
    assert _run(cmd, kill_after=None) == 0
    assert time.time() - t0 < 300

    assert _hashes(scans) == originals
    assert not [p for p in archive.rglob(f"{TMP_PREFIX}*")]
    records = [json.loads(p.read_text(encoding="utf-8")) for p in (archive / "documents").glob("*.json")]
    assert len(records) == 15 and len({r["id"] for r in records}) == 15
    for rec in records:
        pdf = archive / rec["output"]["pdf"]
        assert sha256_file(pdf) == rec["output"]["sha256"]
        with pikepdf.open(pdf) as p:
            assert len(p.pages) == rec["page_count"]
    assert sorted(p.stem for p in (archive / "documents").glob("*.pdf")) == sorted(r["id"] for r in records)
    from archivist.indexing import open_index

    with open_index(archive) as idx:
        assert sorted(idx.document_ids()) == sorted(r["id"] for r in records)
        assert idx.page_row_count() == sum(r["page_count"] for r in records)
    assert_valid_pdfa(archive)
