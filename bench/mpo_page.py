"""Session 33: a phone's multi-picture JPEG (MPO) through ``archivist process``, on any tree of the project.

Makes one phone-like MPO page (a typed A4 page at 300 dpi in colour as the first picture, then a depth map
and a preview, written by Pillow's MPO writer), runs the CLI of ``--tree`` on it (one worker) and prints what
a user gets: pages, each page's PDF filter, the PDF's bytes against the file's, the load stage's wall and CPU
seconds from the record, the words read, the warnings. ``--tree`` may be an export of an older commit
(``git archive 7cfbb82 | tar -x -C /tmp/base``) to compare before and after.

    .venv/bin/python -m bench.mpo_page --tree . --out /tmp/mpo-bench [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
from PIL import Image

from tests.textpage import scan, text_page


def typed_photo() -> Image.Image:
    """A typed A4 page at 300 dpi in colour, slightly tilted and noisy, as a phone photographs it."""
    im, _ = text_page(300, seed=3)
    grey = Image.fromarray(scan(im, 1.5, 0, seed=3, noise=4.0))
    return Image.merge("RGB", (grey, grey, grey.point(lambda v: v * 0.9)))


def make_page(path: Path) -> None:
    """The page as a phone writes a portrait shot: the photo, its depth map (a smooth ramp), a preview."""
    page = typed_photo()
    yy, xx = np.mgrid[0:page.height // 4, 0:page.width // 4]
    depth = Image.fromarray((255 * (xx + yy) // (xx.max() + yy.max())).astype(np.uint8)).convert("RGB")
    preview = page.resize((page.width // 4, page.height // 4))
    page.save(path, "MPO", save_all=True, append_images=[depth, preview], dpi=(300, 300), quality=90)


def run(tree: Path, scans: Path, archive: Path) -> dict:
    """One ``process`` of ``scans`` by the CLI of ``tree``; what its record says."""
    shutil.rmtree(archive, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "from archivist.cli import main; main()", "process", str(scans),
                    "--archive", str(archive), "--workers", "1", "--quiet"], cwd=tree, check=True,
                   env={**os.environ, "PYTHONPATH": str(tree)})
    wall = time.perf_counter() - start
    (rec_path,) = (archive / "documents").glob("*.json")
    rec = json.loads(rec_path.read_text(encoding="utf-8"))
    pages = rec["pages"]
    return {"pages": rec["page_count"], "filters": [p["image"]["filter"] for p in pages],
            "input_bytes": rec["source"]["bytes"], "pdf_bytes": rec["output"]["bytes"],
            "pdf_over_input": round(rec["output"]["bytes"] / rec["source"]["bytes"], 2),
            "load_s": [p["timings"]["load"] for p in pages], "cpu_load_s": [p["timings"]["cpu_load"] for p in pages],
            "words": [len(p["words"]) for p in pages], "warnings": [w for p in pages for w in p["warnings"]],
            "command_wall_s": round(wall, 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tree", type=Path, required=True, help="the project tree whose CLI runs (e.g. . or an export)")
    ap.add_argument("--out", type=Path, required=True, help="a scratch folder: the page and the archive go there")
    ap.add_argument("--repeat", type=int, default=3, help="runs of the same page (the load time moves with the load)")
    args = ap.parse_args()
    scans = args.out / "scans"
    scans.mkdir(parents=True, exist_ok=True)
    page = scans / "IMG_0001.jpg"
    if not page.exists():
        make_page(page)
    for _ in range(args.repeat):
        print(json.dumps(run(args.tree.resolve(), scans, args.out / "archive"), ensure_ascii=False))


if __name__ == "__main__":
    main()
