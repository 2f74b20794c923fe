"""Executors give the same pages back whatever runs them: inline, process pool, Dask LocalCluster."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from archivist.pipeline import Settings, process
from tests.textpage import scan, text_page

VOLATILE = {"timings", "created"}


def _scans(folder: Path) -> Path:
    folder.mkdir()
    for i, (skew, rot) in enumerate([(3.0, 0), (-7.5, 90), (1.2, 180)]):
        im, _ = text_page(150, seed=40 + i, lines=8)
        Image.fromarray(scan(im, skew, rot, seed=i)).save(folder / f"p{i}.jpg", dpi=(150, 150), quality=80)
    return folder


def _stable(rec: dict) -> dict:
    rec = {k: v for k, v in rec.items() if k not in VOLATILE | {"output"}}
    rec["pages"] = [{k: v for k, v in p.items() if k != "timings"} for p in rec["pages"]]
    return rec


def _records(archive: Path) -> dict[str, dict]:
    return {p.stem: _stable(json.loads(p.read_text(encoding="utf-8"))) for p in (archive / "documents").glob("*.json")}


@pytest.mark.parametrize("executor,workers", [("local", 2), ("dask-local", 2)])
@pytest.mark.slow
def test_same_records_as_inline(tmp_path: Path, executor: str, workers: int) -> None:
    scans = _scans(tmp_path / "scans")
    inline = process([scans], tmp_path / "inline", Settings(workers=1))
    other = process([scans], tmp_path / executor, Settings(workers=workers, executor=executor))
    assert inline.ok and other.ok
    a, b = _records(tmp_path / "inline"), _records(tmp_path / executor)
    assert a.keys() == b.keys() and len(a) == 3
    for k in a:
        assert a[k] == b[k]
