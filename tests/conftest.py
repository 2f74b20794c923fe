"""Shared fixtures: generated scans with ground truth, and one processed archive per test session.

Processing is the slow part (real Tesseract on every page), so the sample archive is built
once and every end-to-end test reads it; tests that change an archive copy it first.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


#: Fixtures that run the whole pipeline over generated scans: a test using one is end-to-end, so slow.
PIPELINE_FIXTURES = {"generated", "archive_1b", "archive_copy", "bad_batch", "peer_batch"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses the session's processed archive ``slow`` (``make test-fast`` leaves them
    out); other slow end-to-end tests carry ``@pytest.mark.slow`` themselves."""
    for item in items:
        if PIPELINE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


def load_truth(folder: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((folder / "ground-truth").glob("*.json"))
            if p.name != "index.json"]


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh set of generated degraded scans (not the committed ones), with ground truth."""
    from samples.generate import generate

    out = tmp_path_factory.mktemp("generated")
    generate(out, seed=2024, n_docs=10)
    return out


@pytest.fixture(scope="session")
def archive_1b(generated: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    """The generated scans processed at PDF/A-1b with two workers (so Preflight can check every PDF)."""
    from archivist.pipeline import Settings, process

    archive = tmp_path_factory.mktemp("archive") / "archive"
    report = process([generated / "scans"], archive, Settings(workers=2, pdfa="1b"))
    return archive, report


@pytest.fixture
def archive_copy(archive_1b: tuple[Path, object], tmp_path: Path) -> Path:
    dest = tmp_path / "archive"
    shutil.copytree(archive_1b[0], dest)
    return dest


@pytest.fixture(scope="session")
def peer_inputs() -> Path:
    p = SHARED / "peer-inputs"
    if not p.is_dir():
        pytest.skip("../shared/peer-inputs is not present on this machine")
    return p


@pytest.fixture(scope="module")
def pg_url(tmp_path_factory: pytest.TempPathFactory):
    """A real, throw-away PostgreSQL server (tests/pgserver.py), one per test module that asks for it."""
    from tests.pgserver import pg_bin, postgres_server

    if pg_bin() is None:
        pytest.skip("PostgreSQL is not installed (apt install postgresql)")
    with postgres_server(tmp_path_factory.mktemp("pg") / "server") as url:
        yield url
