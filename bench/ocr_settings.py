"""Can Tesseract itself read these pages for less? Its settings, timed on the upright bench pages.

Reads the pages ``bench/run`` left in ``bench/out`` (``pages-upright/`` and ``truth.json``: the
generated scans turned upright and deskewed with the generator's own angles), flattens their
background as the pipeline does, and for each setting runs archivist's OCR engine
(:class:`TesserocrEngine`, ``vie``, one thread, model loaded once) with that setting over all of
them, reporting CPU seconds per page and the order-free word error of its text against the ground
truth. One process, settings in turn, so the figures compare with each other on a noisy machine.

    .venv/bin/python bench/ocr_settings.py [--out bench/out] [--pages 40]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

os.environ["OMP_THREAD_LIMIT"] = "1"

import cv2  # noqa: E402
import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archivist.metrics import bag_of_words_error  # noqa: E402
from archivist.ocr import TesserocrEngine  # noqa: E402
from archivist.preprocess import flatten_background  # noqa: E402
from bench.engine_floor import read_page  # noqa: E402

#: name -> page segmentation mode, init-only variables, variables, OCR resolution (None: as scanned)
SETTINGS: dict[str, tuple[int, dict, dict, float | None]] = {
    "archivist's (psm 3, no inverted re-read)": (3, {}, {}, None),
    "one block (psm 6)": (6, {}, {}, None),
    "single column (psm 4)": (4, {}, {}, None),
    "sparse text (psm 11)": (11, {}, {}, None),
    "no dictionaries": (3, {"load_system_dawg": "0", "load_freq_dawg": "0"}, {}, None),
    "Sauvola thresholding": (3, {}, {"thresholding_method": "2"}, None),
    "no table detection": (3, {}, {"textord_tabfind_find_tables": "0"}, None),
    "pages at 200 dpi at most": (3, {}, {}, 200.0),
    "pages at 300 dpi at most": (3, {}, {}, 300.0),
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out", help="where bench/run left its pages")
    ap.add_argument("--pages", type=int, default=40)
    args = ap.parse_args(argv)
    truth = json.loads((args.out / "truth.json").read_text(encoding="utf-8"))[:args.pages]
    pages = []
    for t in truth:
        gray, dpi = read_page(args.out / "pages-upright" / (Path(t["file"]).stem + ".png"))
        pages.append((flatten_background(gray, dpi), dpi, t["text"]))  # as the pipeline hands pages to OCR
    print(f"{len(pages)} upright pages from {args.out}\n")
    print("| setting | CPU s/page | word error mean / worst |\n|---|---|---|")
    for name, (psm, init, variables, max_dpi) in SETTINGS.items():
        engine = TesserocrEngine(psm=psm, variables=variables, init_variables=init)
        errors, c0 = [], time.process_time()
        for gray, dpi, text in pages:
            if max_dpi and dpi > max_dpi:
                gray, dpi = cv2.resize(gray, None, fx=max_dpi / dpi, fy=max_dpi / dpi,
                                       interpolation=cv2.INTER_AREA), max_dpi
            errors.append(bag_of_words_error(text, engine.recognize(gray, dpi).text))
        cpu = (time.process_time() - c0) / len(pages)
        engine.api.End()
        print(f"| {name} | {cpu:.2f} | {100 * np.mean(errors):.2f}% / {100 * np.max(errors):.2f}% |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
