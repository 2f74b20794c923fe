"""The coarse skew search's first step against the full 0.5 degree grid: every page's correction, and its CPU.

Why: ``preprocess.COARSE_STEP`` trades scores for the risk of landing next to the wrong peak; a 2 degree step
(session 25) did so on table pages whose rules make a second, narrower peak. This compares the ``Correction`` of
every page (turn, tilt, confidence, lines, sharpness, note) at each step with the full grid's, and times
``preprocess.detect`` at each step in one process, steps alternated over two rounds::

    .venv/bin/python bench/coarse_step.py --out grid.json SCANS_FOLDER ...
    .venv/bin/python bench/coarse_step.py --cpu 60 SCANS_FOLDER ...
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archivist import preprocess  # noqa: E402
from archivist.ingest import load_page  # noqa: E402
from archivist.models import PageRef  # noqa: E402

STEPS = (0.5, 1.0, 2.0)
IMAGES = (".jpg", ".jpeg", ".png", ".tif", ".tiff")


def _pages(folders: list[Path]) -> list[tuple[Path, object]]:
    files = [p for d in folders for p in sorted(d.rglob("*")) if p.suffix.lower() in IMAGES]
    return [(f, load_page(PageRef(f, "tiff" if f.suffix.lower() in (".tif", ".tiff") else "image", 0), False))
            for f in files]


def corrections(folders: list[Path], out: Path) -> dict[float, list[str]]:
    """Each page's correction at every step; the pages whose correction differs from the full grid's, by step."""
    rows = {}
    for f, page in _pages(folders):
        row = {}
        for step in STEPS:
            preprocess.COARSE_STEP = step
            row[str(step)] = repr(preprocess.detect(page.gray, page.dpi))
        rows[str(f)] = row
    out.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return {s: [k for k, v in rows.items() if v[str(s)] != v["0.5"]] for s in STEPS[1:]}


def cpu(folders: list[Path], limit: int) -> dict[float, float]:
    """CPU ms a page of ``preprocess.detect`` at each step (two rounds, the steps' order reversed the second)."""
    import cv2

    cv2.setNumThreads(1)  # as a worker runs
    pages = [p for _f, p in _pages(folders)][:limit]
    total = dict.fromkeys(STEPS, 0.0)
    for order in (STEPS, STEPS[::-1]):
        for step in order:
            preprocess.COARSE_STEP = step
            t = time.process_time()
            for p in pages:
                preprocess.detect(p.gray, p.dpi)
            total[step] += time.process_time() - t
    return {s: round(v / 2 / max(1, len(pages)) * 1000, 1) for s, v in total.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="+", type=Path, help="folders of scans (searched recursively)")
    ap.add_argument("--out", type=Path, help="write every page's corrections here (JSON) and list the differences")
    ap.add_argument("--cpu", type=int, metavar="N", help="time detect on the first N pages instead")
    args = ap.parse_args(argv)
    if args.cpu:
        print(f"detect CPU ms a page by first step: {cpu(args.folders, args.cpu)}")
        return 0
    differ = corrections(args.folders, args.out or Path("coarse_step.json"))
    for step, pages in differ.items():
        print(f"first step {step}: {len(pages)} pages differ from the full grid")
        for p in pages:
            print(f"  {p}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
