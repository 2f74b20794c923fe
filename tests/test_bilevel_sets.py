"""bench/bilevel_sets.py: a generated set's pages written as the 1-bit G4 pages a bilevel question is asked of."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from PIL import Image

from bench.bilevel_sets import convert
from tests.textpage import text_page


def _doc(root: Path, name: str, dpi: int, pages: list[str], group: str | None) -> None:
    """One document of a set in the generator's layout: its JPEG pages under scans/, its truth under ground-truth/."""
    truth_pages = []
    for i, file in enumerate(pages):
        im, lines = text_page(dpi=dpi, seed=i, lines=4)
        (root / file).parent.mkdir(parents=True, exist_ok=True)
        im.save(root / file, "JPEG", dpi=(dpi, dpi), quality=80)
        truth_pages.append({"file": file, "index": 0, "dpi": dpi, "text": "\n".join(lines),
                            **({"group": group} if group else {})})
    truth = {"document": name, "files": [str(Path(pages[0]).parent) if len(pages) > 1 else pages[0]],
             "pages": truth_pages, **({"group": group} if group else {})}
    (root / "ground-truth").mkdir(parents=True, exist_ok=True)
    (root / "ground-truth" / f"{name}.json").write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")


def test_pages_under_the_limit_become_g4_with_their_truth_and_the_rest_are_left_out(tmp_path: Path) -> None:
    src, dst = tmp_path / "src", tmp_path / "out"
    _doc(src, "faded-01-qd", 200, ["scans/faded-01-qd.jpg"], "faded")
    _doc(src, "clean-02-cv", 300, ["scans/clean-02-cv/page-001.jpg", "scans/clean-02-cv/page-002.jpg"], "clean")
    _doc(src, "plain-03-tb", 150, ["scans/plain-03-tb.jpg"], None)
    (src / "ground-truth" / "index.json").write_text("[]", encoding="utf-8")  # the generator's index: not a document

    assert convert(src, dst, "hard", under=240) == 2
    truths = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in (dst / "ground-truth").glob("*.json")}
    assert sorted(truths) == ["hard-faded-01-qd", "hard-plain-03-tb"]  # the 300 dpi document is left out
    faded, plain = truths["hard-faded-01-qd"], truths["hard-plain-03-tb"]
    assert faded["files"] == ["scans/hard/faded-01-qd.tif"] and faded["group"] == "faded"
    assert plain["group"] == plain["pages"][0]["group"] == "hard"  # no group of its own: the set's name
    page = faded["pages"][0]
    assert page["format"] == "tiff-g4" and page["group"] == "faded" and page["text"]
    with Image.open(dst / page["file"]) as im:
        assert im.mode == "1" and im.info["compression"] == "group4" and im.info["dpi"] == (200, 200)
        ink = np.asarray(im.convert("L")) == 0
    with Image.open(src / "scans/faded-01-qd.jpg") as grey:
        dark = np.asarray(grey) < 100
    assert ink.shape == dark.shape and 0.001 < ink.mean() < 0.2
    assert np.mean(ink[dark]) > 0.95  # the text's dark pixels stay black

    assert convert(src, dst, "all") == 4  # no limit: every page; the output folder emptied first
    assert len(list((dst / "ground-truth").glob("*.json"))) == 3
