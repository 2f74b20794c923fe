"""The sample generator: deterministic, and its ground truth matches its files."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from PIL import Image

from samples.generate import generate

ROOT = Path(__file__).resolve().parent.parent


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_generation_is_deterministic(tmp_path: Path) -> None:
    generate(tmp_path / "a", seed=5, n_docs=3)
    generate(tmp_path / "b", seed=5, n_docs=3)
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")


def test_committed_samples_match_their_ground_truth() -> None:
    folder = ROOT / "samples"
    truths = [json.loads(p.read_text(encoding="utf-8")) for p in (folder / "ground-truth").glob("*.json")
              if p.name != "index.json"]
    assert len({t["type"] for t in truths}) >= 8
    assert {t["kind"] for t in truths} >= {"administrative", "civil_status", "land"}
    assert any(len(t["pages"]) >= 2 for t in truths)
    skews = [p["skew"] for t in truths for p in t["pages"]]
    assert max(map(abs, skews)) <= 15 and sum(abs(s) > 10 for s in skews) >= 2
    assert {p["rotation"] for t in truths for p in t["pages"]} == {0, 90, 180, 270}
    dpis = set()
    for t in truths:
        for p in t["pages"]:
            with Image.open(folder / p["file"]) as im:
                im.seek(p["index"])
                assert round(im.info["dpi"][0]) == p["dpi"]
            dpis.add(p["dpi"])
            assert p["text"].strip()
    assert min(dpis) <= 150 and max(dpis) >= 400
    total = sum(f.stat().st_size for f in (folder / "scans").rglob("*") if f.is_file())
    assert total < 6_000_000
