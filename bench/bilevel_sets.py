"""A generated set's pages as G4 TIFF, the way the mixed corpus stores its 1-bit pages (issue 16).

Why: ``samples/generate.py`` writes its hard groups (faded, typewriter, tables, seals, ...) as JPEG at their own
dpi whatever ``--formats`` asks, and its plain ``tiff`` pages at a fixed cut. A question about 1-bit pages of the
hard groups (how the engine should enlarge a G4 page under 240 dpi) needs those pages 1-bit: each page is
thresholded and stored as a one-strip G4 TIFF by :func:`bench.corpus._write` (``tiff-g4``), in the generator's
layout (``scans/``, ``ground-truth/``), so ``bench/accuracy.py --reuse`` and ``bench/calibration.py --reuse`` score
it as they score a generated set; every page keeps its group (the set's ``name`` when it has none).

    python -m bench.bilevel_sets SRC OUT [--under 240] [--name g4]

``--under``: only the documents whose every page is scanned under that dpi (the pages a change under 240 dpi
touches; the rest would only lengthen the runs). ``bench/bilevel_cost.py make`` writes its set through
:func:`to_g4` too.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

from PIL import Image


def to_g4(src: Path, dst: Path, name: str, truth: dict) -> dict:
    """Write every page of the document ``truth`` (a generated set's ground truth, its files under ``src``) as a G4
    TIFF under ``dst/scans/<name>/``; return the truth naming those files, the document prefixed with ``name``."""
    from bench.corpus import _write

    files = {}
    for p in truth["pages"]:
        tif = f"scans/{name}/{Path(p['file']).relative_to('scans').with_suffix('.tif')}"
        (dst / tif).parent.mkdir(parents=True, exist_ok=True)
        with Image.open(src / p["file"]) as im:
            _write("tiff-g4", [(im, b"", p)], dst / tif)
        files[p["file"]] = tif
        p.update(file=tif, format="tiff-g4", group=p.get("group", name))
    truth.update(document=f"{name}-{truth['document']}", files=[files.get(f, f) for f in truth["files"]],
                 group=truth.get("group", name))
    return truth


def write_truth(dst: Path, truth: dict) -> None:
    (dst / "ground-truth" / f"{truth['document']}.json").write_text(
        json.dumps(truth, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def convert(src: Path, dst: Path, name: str, under: float | None = None) -> int:
    """Every document of the generated set ``src`` (or those whose pages are all under ``under`` dpi) into the
    emptied ``dst``; how many pages were written."""
    shutil.rmtree(dst, ignore_errors=True)
    (dst / "ground-truth").mkdir(parents=True)
    n = 0
    for gt in sorted((src / "ground-truth").glob("*.json")):
        if gt.name == "index.json":
            continue
        truth = json.loads(gt.read_text(encoding="utf-8"))
        if under is not None and any(p["dpi"] >= under for p in truth["pages"]):
            continue
        write_truth(dst, to_g4(src, dst, name, truth))
        n += len(truth["pages"])
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("src", type=Path, help="a set samples/generate.py wrote (scans/, ground-truth/)")
    ap.add_argument("out", type=Path)
    ap.add_argument("--under", type=float, help="only documents scanned under this dpi")
    ap.add_argument("--name", default="g4", help="the folder under scans/ and the documents' prefix")
    args = ap.parse_args()
    n = convert(args.src, args.out, args.name, args.under)
    print(f"{n} G4 pages under {args.out}")


if __name__ == "__main__":
    main()
