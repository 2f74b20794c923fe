"""``verify`` with the archive's PostgreSQL index server down says so in one line and exits 3, as ``search``
does: the server is what is wrong, not the archive, so the index is not listed as a problem (before, it was, and
the command exited 1 as if the archive were damaged). The files are still checked and their problems listed.

Through the real CLI on generated scans, with a real PostgreSQL server (tests/pgserver.py) that the test stops.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from archivist.verify import verify
from tests.pgserver import pg_bin, postgres_server
from tests.test_lock import CLI, make_scans

pytestmark = pytest.mark.slow  # a batch through OCR


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=600, env=dict(os.environ))


@pytest.fixture(scope="module")
def down(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """An archive of two documents indexed in PostgreSQL, the server stopped since; with the server's URL."""
    if pg_bin() is None:
        pytest.skip("PostgreSQL is not installed (apt install postgresql)")
    base = tmp_path_factory.mktemp("pgdown")
    scans = make_scans(base / "scans", 2, seed=140)
    archive = base / "archive"
    with postgres_server(base / "pg") as url:
        res = _cli("process", str(scans), "--archive", str(archive), "--workers", "1", "--quiet", "--index", url)
        assert res.returncode == 0, res.stdout + res.stderr
        assert _cli("verify", "--archive", str(archive)).returncode == 0  # up: nothing to say
    return archive, url


def test_verify_says_the_server_cannot_be_reached_in_one_line_and_exits_3(down: tuple[Path, str]) -> None:
    archive, url = down
    res = _cli("verify", "--archive", str(archive))
    search = _cli("search", "xa", "--archive", str(archive))
    assert res.returncode == search.returncode == 3, res.stdout + res.stderr
    errors = [line for line in res.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "Traceback" not in res.stderr, res.stderr
    host = urlsplit(url)
    assert f"cannot reach the PostgreSQL index {url}" in errors[0] and f"{host.hostname}:{host.port}" in errors[0]
    assert "check that the server is running" in errors[0] and "run 'archivist verify' again" in errors[0]
    assert res.stdout == "", "no problem is listed: the documents and their index rows are not at fault"
    assert "4 files checked: no problems; the index was not checked" in res.stderr


def test_verify_json_with_the_server_down(down: tuple[Path, str]) -> None:
    archive, url = down
    res = _cli("verify", "--archive", str(archive), "--json")
    assert res.returncode == 3
    report = json.loads(res.stdout)  # one JSON object on stdout, the error line on stderr
    assert report["ok"] is False and report["problems"] == []
    assert report["index_unreachable"].startswith(f"cannot reach the PostgreSQL index {url}")
    assert report["holdings"]["documents"] == 2


def test_the_files_are_still_checked_with_the_server_down(down: tuple[Path, str], tmp_path: Path) -> None:
    """An altered PDF is still found and listed when the index cannot be compared; the exit is still 3 (the
    check is unfinished), the problem on stdout."""
    archive, _ = down
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(archive, copy)
    pdf = next((copy / "documents").glob("*.pdf"))
    pdf.write_bytes(pdf.read_bytes() + b"\n% changed\n")
    report = verify(copy, sources=False)
    assert [(p.kind, p.path) for p in report.problems] == [("altered", f"documents/{pdf.name}")]
    assert report.index_unreachable is not None and not report.ok
    res = _cli("verify", "--archive", str(copy), "--no-sources")
    assert res.returncode == 3 and res.stdout.startswith(f"altered    documents/{pdf.name}: SHA-256 differs")
