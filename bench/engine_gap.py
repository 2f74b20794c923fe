"""Raw Tesseract against archivist's engine on the same bilevel pages, piece by piece (issue 16, session 37).

Why: the per-format harness puts G4 pages at 0.76x raw Tesseract by CPU and JPEG at 0.96x, though archivist's
own CPU a page is the same on both. This says which part of the gap is the engine's and which is not, by
reading each page of a ``bench/run --corpus mixed`` folder (``--reuse-corpus`` layout: corpus/, corpus.json,
upright/) several ways, one after the other, the order rotating page by page and round by round:

``raw up``
    the ``tesseract`` command on the harness's upright page (``upright/FORMAT/uNNN.png``, what ``raw-upright``
    reads), its own CPU from the children's rusage: model load included.
``raw blank``
    the same command on a blank 64 x 64 page: its start-up and model load alone.
``engine up native`` / ``engine up native, choices off``
    archivist's engine (:class:`archivist.ocr.TesserocrEngine`, in this process) on that same upright page at its
    own dpi, with archivist's settings, then with the character choices off (Tesseract's defaults for them).
``engine up enlarged``
    the same, enlarged as archivist enlarges a page of its kind (``ocr._prepare``).
``archivist today``
    the pipeline's OCR (``pagework._read``: restoration, tables, the engine) on the page as archivist turns it
    upright (``ruledtilt.detect`` + ``apply``, linear interpolation).
``archivist, turn nearest``
    the same with the page turned by nearest neighbour (a 1-bit page stays 1-bit up to the enlargement).
``archivist, own dpi``
    the same as today, not enlarged (``ocr._prepare`` off; sessions 22 and 32 rejected it end to end).

CPU by ``time.process_time`` in this process (Tesseract on one thread), word error by
``metrics.bag_of_words_error`` against corpus.json; per format and dpi, and over all pages::

    PYTHONPATH=TREE .venv/bin/python bench/engine_gap.py MIXED [--rounds 2] [--formats tiff-g4,tiff-multi] \
        [--variants "raw up;raw blank;archivist today"] [--json OUT.json]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ["OMP_THREAD_LIMIT"] = "1"

import cv2  # noqa: E402
import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archivist import ocr, preprocess, ruledtilt  # noqa: E402
from archivist.ingest import load_page  # noqa: E402
from archivist.metrics import bag_of_words_error  # noqa: E402
from archivist.models import PageRef  # noqa: E402
from archivist.pagework import _read  # noqa: E402

TODAY = ocr._prepare
VARIANTS = ("raw up", "raw blank", "engine up native", "engine up native, choices off", "engine up enlarged",
            "archivist today", "archivist, turn nearest", "archivist, own dpi")


def _native(gray: np.ndarray, dpi: float, bilevel: bool = False) -> tuple[np.ndarray, float]:
    return np.ascontiguousarray(gray), 1.0


def turned(gray: np.ndarray, dpi: float, interpolation: int) -> np.ndarray:
    """The page turned upright by archivist's own finding, with this interpolation."""
    found = ruledtilt.detect(gray, dpi)
    h, w = gray.shape
    ow, oh = preprocess.corrected_size(w, h, found.orientation)
    m = preprocess.correction_matrix(w, h, ow, oh, found.orientation, found.skew)
    return cv2.warpAffine(gray, m, (ow, oh), flags=interpolation, borderMode=cv2.BORDER_CONSTANT, borderValue=255)


def pages(root: Path, formats: list[str]) -> list[dict]:
    """Each page with text of these formats: its truth, dpi, bit depth, the two turnings and the upright file."""
    truth = json.loads((root / "corpus.json").read_text(encoding="utf-8"))
    out = []
    for f in formats:
        for p, up in zip(truth[f], sorted((root / "upright" / f).glob("*.png")), strict=True):
            page = load_page(PageRef(root / "corpus" / f / p["file"], "tiff" if p["file"].endswith(".tif")
                                     else "image", p["index"]))
            if not p["text"].strip():
                continue
            with Image.open(up) as im:
                upright = np.asarray(im.convert("L"))
            out.append({"fmt": f, "dpi": page.dpi, "bilevel": page.payload.bpc == 1, "text": p["text"],
                        "linear": turned(page.gray, page.dpi, cv2.INTER_LINEAR),
                        "nearest": turned(page.gray, page.dpi, cv2.INTER_NEAREST), "up": upright, "up_path": up})
    return out


def _command(path: Path) -> tuple[float, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    text = subprocess.run(["tesseract", str(path), "-", "-l", "vie"], capture_output=True, text=True,
                          env={**os.environ, "OMP_THREAD_LIMIT": "1"}).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, text


def readers(blank: Path) -> dict[str, Callable[[dict], tuple[float, str]]]:
    """Each variant's reading of a page: (CPU s, text)."""
    engine = ocr.TesserocrEngine()
    plain = ocr.TesserocrEngine(variables={"lstm_choice_mode": "0", "lstm_choice_iterations": "5"})

    def timed(read: Callable[[dict], str], native: bool = False) -> Callable[[dict], tuple[float, str]]:
        def run(pg: dict) -> tuple[float, str]:
            if native:
                ocr._prepare = _native
            try:
                c = time.process_time()
                text = read(pg)
                return time.process_time() - c, text
            finally:
                ocr._prepare = TODAY
        return run

    return {
        "raw up": lambda pg: _command(pg["up_path"]),
        "raw blank": lambda pg: _command(blank),
        "engine up native": timed(lambda pg: engine.recognize(pg["up"], pg["dpi"]).text, native=True),
        "engine up native, choices off": timed(lambda pg: plain.recognize(pg["up"], pg["dpi"]).text, native=True),
        "engine up enlarged": timed(lambda pg: engine.recognize(pg["up"], pg["dpi"], bilevel=pg["bilevel"]).text),
        "archivist today": timed(lambda pg: _read(engine, pg["linear"], pg["dpi"], pg["bilevel"]).text),
        "archivist, turn nearest": timed(lambda pg: _read(engine, pg["nearest"], pg["dpi"], pg["bilevel"]).text),
        "archivist, own dpi": timed(lambda pg: _read(engine, pg["linear"], pg["dpi"], pg["bilevel"]).text,
                                    native=True),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", type=Path, help="a bench/run --corpus mixed folder (corpus/, corpus.json, upright/)")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--formats", default="tiff-g4,tiff-multi", help="comma-separated")
    ap.add_argument("--variants", default=";".join(VARIANTS), help="semicolon-separated, of: " + "; ".join(VARIANTS))
    ap.add_argument("--json", type=Path, help="also write every page's CPU and word error here")
    args = ap.parse_args(argv)
    names = args.variants.split(";")
    got = pages(args.root, args.formats.split(","))
    with tempfile.TemporaryDirectory() as tmp:
        blank = Path(tmp) / "blank.png"
        Image.new("L", (64, 64), 255).save(blank, dpi=(300, 300))
        read = readers(blank)
        cpu = {n: np.zeros((args.rounds, len(got))) for n in names}
        err = {n: np.zeros(len(got)) for n in names}
        for r in range(args.rounds):
            for i, pg in enumerate(got):
                k = (i + r) % len(names)
                for n in names[k:] + names[:k]:
                    cpu[n][r, i], text = read[n](pg)
                    err[n][i] = bag_of_words_error(pg["text"], text)
            print(f"round {r + 1} done", file=sys.stderr)
    groups = {"all": list(range(len(got)))}
    for fmt, dpi in sorted({(p["fmt"], round(p["dpi"])) for p in got}):
        groups[f"{fmt} {dpi} dpi"] = [i for i, p in enumerate(got) if (p["fmt"], round(p["dpi"])) == (fmt, dpi)]
    for g, idx in groups.items():
        print(f"\n{g} (n={len(idx)}); CPU s/page (per round), word error mean")
        for n in names:
            c = cpu[n][:, idx]
            rounds = ", ".join(f"{x:.3f}" for x in c.mean(axis=1))
            print(f"| {n} | {c.mean():.3f} ({rounds}) | {100 * err[n][idx].mean():.2f}% |")
    if args.json:
        args.json.write_text(json.dumps({"cpu": {n: v.tolist() for n, v in cpu.items()},
                                         "word_error": {n: v.tolist() for n, v in err.items()},
                                         "pages": [[p["fmt"], p["dpi"], str(p["up_path"])] for p in got]}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
