"""Archivist's CPU around the engine (issue 16, session 22): a cut there must leave every result as it was.

Two checks, each run once per tree (a copy of main made with ``git archive``, and the branch), with
``PYTHONPATH`` set to that tree, then compared:

``stages OUT.json FOLDER...``
    Every page of the folders (images, TIFF frames 1): the deskew's :class:`Correction`, the SHA-256 of the
    image Tesseract is given (``restore.prepare``) with its steps, scale and grids, and ``blocks.find_blocks``;
    and the CPU seconds of ``detect`` and ``prepare`` (one process, one thread). Run it A, B, B, A and
    ``cmp`` the JSON files without their ``cpu`` entry (``stages`` writes it apart: ``OUT.cpu.json``).

``same RUN_A RUN_B``
    Two ``bench/run --corpus mixed`` outputs of the same corpus: every record (timings, CPU and dates left out,
    the run's folder name and the PDF file's own hash, whose XMP dates differ run to run, ignored) and every
    PDF page's content stream and image bytes.

    PYTHONPATH=TREE .venv/bin/python bench/around_engine.py stages OUT.json /work/calib-runs/HG10/scans
    .venv/bin/python bench/around_engine.py same RUN_A RUN_B
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Any

IMAGES = {".jpg", ".jpeg", ".png", ".tif", ".tiff"}


def stages(out: Path, folders: list[Path]) -> None:
    """The page-stage results and CPU (why per page: a change that shifts one deskew angle shows here first)."""
    import cv2

    from archivist import blocks, preprocess, restore, ruledtilt
    from archivist.ingest import load_page
    from archivist.models import PageRef

    cv2.setNumThreads(1)  # as a worker runs (pagework.init_worker)
    files = [p for f in folders for p in sorted(f.rglob("*")) if p.suffix.lower() in IMAGES]
    found: dict[str, dict] = {}
    cpu = {"detect": 0.0, "prepare": 0.0}
    for f in files:
        page = load_page(PageRef(f, "tiff" if f.suffix.lower() in (".tif", ".tiff") else "image", 0), False)
        t = time.process_time()
        corr = ruledtilt.detect(page.gray, page.dpi)
        cpu["detect"] += time.process_time() - t
        upright = preprocess.apply(page.gray, corr)
        t = time.process_time()
        prep = restore.prepare(upright, page.dpi)
        cpu["prepare"] += time.process_time() - t
        found[str(f)] = {"correction": repr(corr), "prepared": hashlib.sha256(prep.image.tobytes()).hexdigest(),
                         "rest": repr({k: v for k, v in vars(prep).items() if k != "image"}),
                         "blocks": repr(blocks.find_blocks(upright, page.dpi))}
    out.write_text(json.dumps(found, indent=1), encoding="utf-8")
    per_page = {k: round(v / max(1, len(files)) * 1000, 1) for k, v in cpu.items()}
    cpu_file = out.with_suffix(".cpu.json")
    cpu_file.write_text(json.dumps({"pages": len(files), "ms_per_page": per_page}), encoding="utf-8")
    print(f"{len(files)} pages, CPU ms a page: {per_page}")


_LEFT_OUT = {"timings", "created"}


def _record(path: Path, run: Path) -> Any:
    """The record without what differs run to run by design."""
    def strip(o: Any) -> Any:
        if isinstance(o, dict):
            return {k: strip(v) for k, v in o.items() if k not in _LEFT_OUT and not k.startswith("cpu_")}
        return [strip(v) for v in o] if isinstance(o, list) else o

    record = strip(json.loads(path.read_text(encoding="utf-8").replace(run.name, "RUN")))
    record.get("output", {}).pop("sha256", None)
    return record


def _pdf(path: Path) -> list[str]:
    """SHA-256 of each page's content stream and of its images' stored bytes, in page order."""
    import pikepdf

    out = []
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            out.append(hashlib.sha256(page.obj.Contents.read_bytes() if isinstance(page.obj.Contents, pikepdf.Stream)
                                      else b"".join(c.read_bytes() for c in page.obj.Contents)).hexdigest())
            out += [hashlib.sha256(img.read_raw_bytes()).hexdigest() for _, img in sorted(page.images.items())]
    return out


def same(a: Path, b: Path) -> int:
    records = items = differ = 0
    for fa in sorted(a.glob("archives/*/documents/*.json")):
        fb = b / fa.relative_to(a)
        records += 1
        if not fb.is_file() or _record(fa, a) != _record(fb, b):
            differ += 1
            print(f"record differs: {fa.relative_to(a)}")
            continue
        pa = _pdf(fa.with_suffix(".pdf"))
        items += len(pa)
        if pa != _pdf(fb.with_suffix(".pdf")):
            differ += 1
            print(f"PDF differs: {fa.with_suffix('.pdf').relative_to(a)}")
    print(f"{records} records and their PDFs ({items} content streams and images) compared: {differ} differ")
    return 1 if differ or not records else 0


def main(argv: list[str]) -> int:
    if len(argv) >= 3 and argv[0] == "stages":
        stages(Path(argv[1]), [Path(p) for p in argv[2:]])
        return 0
    if len(argv) == 3 and argv[0] == "same":
        return same(Path(argv[1]), Path(argv[2]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
