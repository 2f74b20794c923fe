"""A province's shared services going away under a batch (trial38): the PostgreSQL server restarted and the Dask
scheduler stopped half way, through the real CLI on generated scans, a real server (tests/pgserver.py) and a real
Dask cluster.

A restart of the shared PostgreSQL server took a few seconds and stopped every commune's batch with "cannot reach
the PostgreSQL index", the server already back; a stopped scheduler printed the Dask client's tracebacks and
"unexpected FuturesCancelledError … (a bug …)" with exit code 1, no summary and no list of what was unfinished; a
stopped batch's summary sent the user to report.html, which only a finished batch writes (an earlier one's).
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from archivist.fsutil import TMP_PREFIX
from tests.pdfcheck import assert_valid_pdfa
from tests.pgserver import pg_bin, postgres_server, restart
from tests.test_lock import CLI, make_scans


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=600)


def _start(*args: str) -> subprocess.Popen:
    return subprocess.Popen([*CLI, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "ARCHIVIST_NO_WORKERS_GRACE": "30"})


def _wait_for_pdfs(archive: Path, proc: subprocess.Popen, n: int = 1, timeout: float = 300) -> None:
    deadline = time.time() + timeout
    while len(list((archive / "documents").glob("*.pdf"))) < n:
        assert proc.poll() is None, proc.communicate()
        assert time.time() < deadline, "no document was written in time"
        time.sleep(0.1)


def _cluster(workers: int) -> Any:
    """A real Dask cluster on this PC, its workers separate processes of one thread each, as a province runs them."""
    from distributed import LocalCluster

    return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                        host="127.0.0.1")


def _index_rows(url: str) -> tuple[int, int, int]:
    """Documents, pages and (document, page) pairs held more than once in the PostgreSQL index."""
    import psycopg

    with psycopg.connect(url) as db:
        docs = db.execute("SELECT count(*) FROM documents").fetchone()[0]
        pages = db.execute("SELECT count(*) FROM pages").fetchone()[0]
        twice = db.execute("SELECT count(*) FROM (SELECT doc_id, page FROM pages GROUP BY 1, 2 "
                           "HAVING count(*) > 1) t").fetchone()[0]
    return docs, pages, twice


@pytest.mark.slow
def test_postgresql_restart_half_way_does_not_stop_the_batch(tmp_path: Path) -> None:
    if pg_bin() is None:
        pytest.skip("PostgreSQL is not installed (apt install postgresql)")
    scans = make_scans(tmp_path / "scans", 4, seed=380)
    archive = tmp_path / "archive"
    with postgres_server(tmp_path / "pg") as url:
        proc = _start("process", str(scans), "--archive", str(archive), "--index", url, "--workers", "1")
        _wait_for_pdfs(archive, proc)
        restart(tmp_path / "pg", url)  # every connection dropped; the server is back a second later
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, (out, err)
        assert "Stopped early" not in out and "Documents: 4 processed, 0 already done, 0 failed" in out, out
        assert _index_rows(url) == (4, 4, 0)
        res = _cli("verify", "--archive", str(archive))
        assert res.returncode == 0 and "no problems" in res.stdout + res.stderr, (res.stdout, res.stderr)
        res = _cli("process", str(scans), "--archive", str(archive), "--index", url, "--workers", "1")
        assert res.returncode == 0 and "0 processed, 4 already done" in res.stdout, res.stdout
        assert _index_rows(url) == (4, 4, 0)
    assert not [p for p in archive.rglob("*") if p.name.startswith(TMP_PREFIX)]
    assert_valid_pdfa(archive)


@pytest.mark.slow
def test_scheduler_stopped_half_way_is_one_line_and_a_rerun_finishes(tmp_path: Path) -> None:
    scans = make_scans(tmp_path / "scans", 5, seed=390)
    archive = tmp_path / "archive"
    first = _cli("process", str(scans / "p00.jpg"), "--archive", str(archive), "--workers", "1")
    assert first.returncode == 0 and (archive / "report.html").is_file(), first.stderr
    args = ("process", str(scans), "--archive", str(archive), "--executor", "dask", "--scheduler")
    with _cluster(1) as cluster:
        proc = _start(*args, cluster.scheduler_address)
        _wait_for_pdfs(archive, proc, 2)
        cluster.close()  # the scheduler (and its worker) stopped, as an administrator would stop it
        out, err = proc.communicate(timeout=300)
    assert proc.returncode == 3, (out, err)
    assert "Traceback" not in err and "a bug" not in err and "FuturesCancelledError" not in out + err, err
    stopped = [line for line in out.splitlines() if line.startswith("Stopped early:")]
    assert len(stopped) == 1 and "lost the Dask scheduler" in stopped[0], out
    assert "run the same command again" in stopped[0], stopped
    assert "Unfinished:" in out, out
    # the HTML report is not drawn for a stopped batch: the one there is the first batch's, and the line says so
    assert f"Report: {archive / 'report.html'} is still the last finished batch's" in out, out
    report = json.loads((archive / "report.json").read_text(encoding="utf-8"))
    assert report["stopped"] and report["unfinished"] and not report["failures"], report
    done = len(list((archive / "documents").glob("*.json")))
    assert 2 <= done < 5
    res = _cli("verify", "--archive", str(archive))
    assert res.returncode == 0, (res.stdout, res.stderr)
    with _cluster(1) as cluster:
        res = _cli(*args, cluster.scheduler_address)
    assert res.returncode == 0, (res.stdout, res.stderr)
    assert f"{5 - done} processed, {done} already done, 0 failed" in res.stdout, res.stdout
    res = _cli("verify", "--archive", str(archive))
    assert res.returncode == 0, (res.stdout, res.stderr)
    assert_valid_pdfa(archive)


@pytest.mark.slow
def test_page_time_limit_counts_from_when_a_worker_starts_the_page(tmp_path: Path) -> None:
    """On a cluster that another commune's batch keeps busy, this batch's pages wait their turn: a wait longer
    than --page-timeout failed them all as 'took longer than … s' before a worker had even started them."""
    from distributed import Client

    scans = make_scans(tmp_path / "scans", 2, seed=395)
    archive = tmp_path / "archive"
    with _cluster(1) as cluster, Client(cluster) as other:
        busy = other.submit(time.sleep, 40, pure=False)  # another batch's long page holds the only worker
        while not other.call_stack():
            time.sleep(0.1)
        res = _cli("process", str(scans), "--archive", str(archive), "--executor", "dask", "--scheduler",
                   cluster.scheduler_address, "--page-timeout", "25")
        waited = busy.done()
    assert res.returncode == 0, (res.stdout, res.stderr)
    assert "2 processed, 0 already done, 0 failed" in res.stdout and "took longer" not in res.stderr, res.stderr
    assert waited, "the batch ended before the other batch's page let its pages start"
    res = _cli("verify", "--archive", str(archive))
    assert res.returncode == 0, (res.stdout, res.stderr)
    assert_valid_pdfa(archive)


def _cv2_threads() -> int:
    import cv2

    return cv2.getNumThreads()


@pytest.mark.slow
def test_a_worker_started_during_the_batch_is_set_up_too(tmp_path: Path) -> None:
    """A worker restarted after a crash (or added) once the batch had begun read its pages unprepared: the set-up
    ran only on the workers there at the start, so OpenCV used every core beside the other workers."""
    from distributed import Client

    scans = make_scans(tmp_path / "scans", 2, seed=396)
    archive = tmp_path / "archive"
    with _cluster(0) as cluster, Client(cluster) as admin:
        proc = _start("process", str(scans), "--archive", str(archive), "--executor", "dask", "--scheduler",
                      cluster.scheduler_address)
        deadline = time.time() + 120
        while not (archive / "archive.lock").is_file():  # taken before the batch connects to the scheduler
            assert time.time() < deadline and proc.poll() is None, proc.communicate()
            time.sleep(0.1)
        time.sleep(3)  # the batch is connected and waiting for a worker
        cluster.scale(1)
        out, err = proc.communicate(timeout=300)
        threads = admin.run(_cv2_threads)
    assert proc.returncode == 0, (out, err)
    assert "2 processed, 0 already done, 0 failed" in out, out
    assert list(threads.values()) == [1], threads
    assert_valid_pdfa(archive)


def test_scheduler_without_executor_is_no_local_fork_server() -> None:
    from archivist.forkstart import early_options

    assert early_options(["process", "in", "--archive", "a", "--scheduler", "tcp://10.0.0.5:8786"]) is None
    assert early_options(["process", "in", "--archive", "a"]) is not None


@pytest.mark.slow
def test_scheduler_named_runs_on_the_cluster(tmp_path: Path) -> None:
    """'--scheduler tcp://…' without '--executor dask' ran the batch on this PC alone, saying nothing."""
    scans = make_scans(tmp_path / "scans", 1, seed=397)
    archive = tmp_path / "archive"
    with _cluster(1) as cluster:
        res = _cli("process", str(scans), "--archive", str(archive), "--executor", "local", "--scheduler",
                   cluster.scheduler_address)
        assert res.returncode == 2 and not (archive / "documents").exists(), (res.stdout, res.stderr)
        assert len(res.stderr.splitlines()) == 1 and res.stderr.startswith(
            "error: --scheduler is for --executor dask, not --executor local: leave one out"), res.stderr
        res = _cli("process", str(scans), "--archive", str(archive), "--scheduler", cluster.scheduler_address)
        ran = set(cluster.scheduler.task_prefixes)
    assert res.returncode == 0 and "1 processed" in res.stdout, (res.stdout, res.stderr)
    assert "process_page" in ran, ran
    assert_valid_pdfa(archive)


def test_verify_beside_a_running_batch_sets_its_documents_aside(tmp_path: Path) -> None:
    """verify on another PC while a batch commits a document: the document half-way through its commit (PDF and
    record written, no index row yet) was three problems and exit code 1; it is the batch's work in progress."""
    import shutil

    from archivist.store import ArchiveStore

    scans = make_scans(tmp_path / "scans", 2, seed=398)
    archive, elsewhere = tmp_path / "archive", tmp_path / "elsewhere"
    for scan_file, dest in ((scans / "p00.jpg", archive), (scans / "p01.jpg", elsewhere)):
        res = _cli("process", str(scan_file), "--archive", str(dest), "--workers", "1")
        assert res.returncode == 0, res.stderr
    assert _cli("verify", "--archive", str(archive)).returncode == 0
    with ArchiveStore.writer(archive, command="archivist process"):  # a batch holding the lock, as on another PC
        for f in (elsewhere / "documents").glob("doc-*"):  # its next document, committed up to the record
            shutil.copy2(f, archive / "documents" / f.name)
        res = _cli("verify", "--archive", str(archive))
        assert res.returncode == 0, (res.stdout, res.stderr)
        assert f"1 document being written by process {os.getpid()} on " in res.stderr, res.stderr
        assert "run verify again when it has finished" in res.stderr
    res = _cli("verify", "--archive", str(archive))  # nobody writing now: the same files are problems
    assert res.returncode == 1 and "not in the index" in res.stdout + res.stderr, (res.stdout, res.stderr)
