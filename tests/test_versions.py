"""A dossier folder or a file archived again with other content: both versions kept, and the batch says so."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from archivist.index import SqliteIndex
from archivist.models import DocumentInput, PageRef
from archivist.versions import Sources
from tests.pdfcheck import assert_valid_pdfa
from tests.pgserver import pg_bin, postgres_server
from tests.textpage import scan, text_page


def _input(label: Path, files: list[Path], sha: str) -> DocumentInput:
    files = [f.resolve() for f in files]
    return DocumentInput(f"doc-{sha}", str(label), files, [PageRef(f, "image", 0) for f in files], sha)


def _record(doc_id: str, files: list[Path]) -> dict:
    """The parts of a record the index's documents row is made of (what the lookup reads back)."""
    paths = [str(f.resolve()) for f in files]
    return {"id": doc_id, "source": {"paths": paths}, "metadata": {}, "page_count": len(paths),
            "pages": [{"text": "ủy ban nhân dân", "source": {"path": p}} for p in paths]}


def _records(tmp: Path) -> list[dict]:
    d, other = tmp / "hồ sơ 1", tmp / "hồ sơ 10"
    return [_record("doc-aaaa", [d / "01.jpg", d / "02.jpg"]),  # the dossier's first version
            _record("doc-bbbb-01", [d / "sub" / "01.jpg"]),  # a folder inside it: another dossier
            _record("doc-cccc-01", [other / "01.jpg"]), _record("doc-cccc-02", [other / "01.jpg"]),  # split
            _record("doc-dddd", [tmp / "scan.jpg"]), _record("doc-eeee", [tmp / "scan.jpg.bak"])]


def _check_lookup(rows: list[tuple], tmp: Path) -> None:
    sources = Sources(rows)
    d = tmp / "hồ sơ 1"
    found = sources.earlier(_input(d, [d / "01.jpg", d / "02.jpg", d / "03.jpg"], "ffff"))
    assert [(e.ids, e.pages) for e in found] == [(("doc-aaaa",), 2)]
    other = tmp / "hồ sơ 10"
    found = sources.earlier(_input(other, [other / "01.jpg"], "9999"))
    assert [(e.ids, e.pages) for e in found] == [(("doc-cccc-01", "doc-cccc-02"), 2)]  # one input split in two
    assert sources.earlier(_input(d, [d / "01.jpg", d / "02.jpg"], "aaaa")) == []  # itself (resume)
    assert sources.earlier(_input(other, [other / "01.jpg"], "cccc")) == []
    found = sources.earlier(_input(tmp / "scan.jpg", [tmp / "scan.jpg"], "7777"))
    assert [(e.ids, e.pages) for e in found] == [(("doc-dddd",), 1)]
    assert sources.earlier(_input(tmp / "new.jpg", [tmp / "new.jpg"], "8888")) == []


def test_lookup_in_the_sqlite_index(tmp_path: Path) -> None:
    with SqliteIndex(tmp_path / "index.sqlite") as idx:
        for rec in _records(tmp_path):
            idx.upsert_document(rec)
        _check_lookup(idx.source_rows(), tmp_path)


def test_lookup_in_the_postgresql_index(tmp_path: Path) -> None:
    if pg_bin() is None:
        pytest.skip("PostgreSQL is not installed (apt install postgresql)")
    from archivist.index_pg import PgIndex

    with postgres_server(tmp_path / "pg") as url, PgIndex(url) as idx:
        for rec in _records(tmp_path):
            idx.upsert_document(rec)
        _check_lookup(idx.source_rows(), tmp_path)


def _page(path: Path, seed: int) -> None:
    from PIL import Image

    im, _ = text_page(200, seed=seed, lines=6)
    Image.fromarray(scan(im, 1.0, 0, seed=seed)).save(path, dpi=(200, 200), quality=80)


def _process(inputs: Path, archive: Path) -> tuple[int, dict, str]:
    res = subprocess.run([sys.executable, "-m", "archivist.cli", "process", str(inputs), "--archive", str(archive),
                          "--workers", "1", "--json"], capture_output=True, text=True, timeout=600)
    return res.returncode, json.loads(res.stdout), res.stderr


def _version_lines(warnings: list[str]) -> list[str]:
    return [w for w in warnings if "already archived as" in w]


def _processed(out: dict) -> list[str]:
    return [d["id"] for d in out["documents"] if d["status"] == "processed"]


@pytest.mark.slow
def test_a_page_added_to_an_archived_dossier(tmp_path: Path) -> None:
    dossier = tmp_path / "scans" / "hồ sơ 1"
    dossier.mkdir(parents=True)
    for i in (1, 2):
        _page(dossier / f"trang {i}.jpg", seed=i)
    archive = tmp_path / "archive"
    code, first, _ = _process(dossier.parent, archive)
    assert code == 0 and not _version_lines(first["warnings"])
    [old] = _processed(first)
    _page(dossier / "trang 3.jpg", seed=3)  # the missed page, rescanned
    code, again, _ = _process(dossier.parent, archive)
    assert code == 0  # a warning, not a failure (README: exit codes)
    [new] = _processed(again)
    [line] = _version_lines(again["warnings"])
    assert line.startswith(f"{dossier}: already archived as {old} (2 pages); this version ({new}, 3 pages)")
    assert "both are kept" in line
    report = json.loads((archive / "report.json").read_text(encoding="utf-8"))
    assert _version_lines(report["warnings"]) == [line]
    assert {p.stem for p in (archive / "documents").glob("doc-*.json")} == {old, new}  # nothing replaced
    code, resumed, _ = _process(dossier.parent, archive)  # the same inputs again: all done, nothing said
    assert code == 0 and not _processed(resumed) and not _version_lines(resumed["warnings"])
    assert_valid_pdfa(archive)


@pytest.mark.slow
def test_a_file_rescanned_at_its_path(tmp_path: Path) -> None:
    scans = tmp_path / "scans"
    scans.mkdir()
    path = scans / "quyết định.jpg"
    _page(path, seed=5)
    archive = tmp_path / "archive"
    code, first, _ = _process(path, archive)
    assert code == 0
    [old] = _processed(first)
    _page(path, seed=6)  # rescanned over the first scan
    code, again, _ = _process(path, archive)
    assert code == 0
    [new] = _processed(again)
    [line] = _version_lines(again["warnings"])
    assert line.startswith(f"{path}: already archived as {old} (1 page); this version ({new}, 1 page)")
    assert_valid_pdfa(archive)
