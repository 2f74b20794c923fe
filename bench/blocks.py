"""Issue 16, item 4 (the moonshot): can Tesseract skip its own page layout analysis if it is handed blocks?

Reads the upright pages ``bench/run --corpus mixed`` left in ``OUT/upright/<format>/`` with their
ground truth (``OUT/corpus.json``), flattens their background as the pipeline does, and times, in
one process and one thread, archivist's OCR engine three ways on every page:

- ``page, psm 3``: what archivist does (Tesseract's own layout analysis);
- ``page, psm 6``: the whole page as one uniform block (no layout analysis at all);
- ``blocks, psm 6``: the text blocks found here, before OCR, from the ink (the grey page at 75 dpi,
  Otsu, dilated so letters join into lines and lines into paragraphs while the header's two
  columns and the signature block stay apart), each read as one uniform block through
  ``SetRectangle``: what "hand Tesseract the layout archivist already has" costs and reads;
- ``archivist --layout blocks``: the product's engine with archivist/blocks.py (the same idea with
  its fall-backs to Tesseract's own analysis and seals painted out), words with boxes and lines;
- ``... without the seal rule``: the same with no seal found (session 19's engine), for what finding
  and painting out seals costs.

CPU seconds per page and order-free word error against the ground truth, per format and overall
(every way reads a page before the next page is read, so a busy machine weighs on each way alike):

    .venv/bin/python bench/blocks.py [--out bench/out] [--formats jpeg,png-grey]
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

from archivist import ocr  # noqa: E402
from archivist.metrics import bag_of_words_error  # noqa: E402
from archivist.ocr import TesserocrEngine, _prepare  # noqa: E402
from archivist.preprocess import flatten_background  # noqa: E402
from bench.engine_floor import read_page  # noqa: E402

BLOCK_DPI = 75.0


def find_blocks(gray: np.ndarray, dpi: float) -> list[tuple[int, int, int, int]]:
    """Text blocks (x, y, w, h) in reading order: top to bottom, then left to right within a band."""
    k = BLOCK_DPI / dpi
    small = cv2.resize(gray, None, fx=k, fy=k, interpolation=cv2.INTER_AREA)
    _, ink = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    # 4 mm across joins words of a line, 2.5 mm down joins the lines of a paragraph; a column gap
    # of a centimetre (the header's two blocks) stays open.
    kx, ky = max(3, round(4 / 25.4 * BLOCK_DPI)), max(3, round(2.5 / 25.4 * BLOCK_DPI))
    joined = cv2.dilate(ink, cv2.getStructuringElement(cv2.MORPH_RECT, (kx, ky)))
    n, _labels, stats, _c = cv2.connectedComponentsWithStats(joined, connectivity=8)
    pad = round(1.5 / 25.4 * dpi)
    boxes = []
    for x, y, w, h, _area in stats[1:n]:
        if w * h < 20 or h < 3:  # specks
            continue
        x0, y0 = max(0, int(x / k) - pad), max(0, int(y / k) - pad)
        x1, y1 = min(gray.shape[1], int((x + w) / k) + pad), min(gray.shape[0], int((y + h) / k) + pad)
        boxes.append((x0, y0, x1 - x0, y1 - y0))
    boxes.sort(key=lambda b: (b[1] // max(1, round(0.2 * dpi)), b[0]))
    return boxes


def read_blocks(engine: TesserocrEngine, gray: np.ndarray, dpi: float) -> str:
    import tesserocr

    img, scale = _prepare(gray, dpi)
    h, w = img.shape
    api = engine.api
    api.SetImageBytes(img.tobytes(), w, h, 1, w)
    api.SetSourceResolution(int(round(dpi * scale)))
    api.SetPageSegMode(tesserocr.PSM.SINGLE_BLOCK)
    texts = []
    for x, y, bw, bh in find_blocks(gray, dpi):
        api.SetRectangle(int(x * scale), int(y * scale), int(bw * scale), int(bh * scale))
        texts.append(api.GetUTF8Text())
    api.Clear()
    return "\n".join(texts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    ap.add_argument("--formats", default="", help="comma-separated (default: every format in corpus.json)")
    args = ap.parse_args(argv)
    truth = json.loads((args.out / "corpus.json").read_text(encoding="utf-8"))
    formats = args.formats.split(",") if args.formats else list(truth)
    pages = []
    for fmt in formats:
        for n, t in enumerate(truth[fmt], start=1):
            gray, dpi = read_page(args.out / "upright" / fmt / f"u{n:03d}.png")
            pages.append((fmt, flatten_background(gray, dpi), dpi, t["text"]))
    ways = {"page, psm 3 (--layout tesseract)": (3, False, "tesseract"), "page, psm 6": (6, False, "tesseract"),
            "blocks, psm 6 (this bench's)": (6, True, "tesseract"),
            "archivist --layout blocks (archivist/blocks.py)": (None, False, "blocks"),
            "... without the seal rule": (None, False, "blocks")}
    results: dict[str, dict[str, list]] = {}
    engines = {name: TesserocrEngine(psm=psm, layout=layout) for name, (psm, _, layout) in ways.items()}
    find_seals = ocr.find_seals
    for i, (fmt, gray, dpi, text) in enumerate(pages, start=1):  # ways page by page: the same load for each
        for name, (_, blocks, _) in ways.items():
            ocr.find_seals = (lambda gray, dpi: []) if "without the seal" in name else find_seals
            c0 = time.process_time()
            got = read_blocks(engines[name], gray, dpi) if blocks else engines[name].recognize(gray, dpi).text
            cpu = time.process_time() - c0
            results.setdefault(name, {}).setdefault(fmt, []).append((cpu, bag_of_words_error(text, got)))
        print(f"page {i}/{len(pages)}: done", file=sys.stderr, flush=True)
    ocr.find_seals = find_seals
    for engine in engines.values():
        engine.api.End()
    print(f"{len(pages)} upright pages from {args.out}/upright, one thread, CPU seconds per page and word error\n")
    print("| way | " + " | ".join(formats) + " | all: CPU s/page | all: word error mean / worst |")
    print("|---|" + "---|" * (len(formats) + 2))
    for name, per in results.items():
        every = [v for fmt in formats for v in per[fmt]]
        cells = [f"{np.mean([c for c, _ in per[f]]):.2f} s, {100 * np.mean([e for _, e in per[f]]):.2f}%"
                 for f in formats]
        print(f"| {name} | " + " | ".join(cells) + f" | {np.mean([c for c, _ in every]):.2f} | "
              f"{100 * np.mean([e for _, e in every]):.2f}% / {100 * np.max([e for _, e in every]):.2f}% |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
