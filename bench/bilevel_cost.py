"""Where the OCR stage's CPU goes on bilevel pages (issue 16): what image Tesseract gets, and its cost.

Why: on the mixed corpus, G4 TIFF pages are archivist's slowest format against raw Tesseract by CPU,
though raw Tesseract reads them fastest of all. Raw ``tesseract`` reads the 1-bit page at its own dpi;
archivist turns it upright with interpolation (grey edges), flattens its background
(``restore.prepare``) and enlarges pages under 240 dpi to 250 with a cubic filter (``ocr._prepare``).
This times, in one process with ``time.process_time``, the same engine (``TesserocrEngine``, archivist's
settings, whole page at psm 3) on each variant of the image, and scores each reading's word error
against the corpus' ground truth (``metrics.bag_of_words_error``).

    .venv/bin/python -m bench.bilevel_cost /work/bench-s21/mixed [--rounds 2]

The corpus directory is one ``bench/run --corpus mixed`` wrote (corpus/, corpus.json); every page of
its ``tiff-g4`` and ``tiff-multi`` formats is read.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from archivist import preprocess, restore
from archivist.cells import read_page
from archivist.metrics import bag_of_words_error
from archivist.ocr import OCR_TARGET_DPI, TesserocrEngine, _scale_for, _summarise

FORMATS = ("tiff-g4", "tiff-multi")


def load(path: Path, index: int) -> tuple[np.ndarray, float]:
    """The page as archivist decodes a bilevel page: grey 0/255, its own dpi."""
    with Image.open(path) as im:
        im.seek(index)
        return np.asarray(im.convert("L")), float(im.info.get("dpi", (300, 300))[0])


def upright(gray: np.ndarray, dpi: float) -> tuple[np.ndarray, float]:
    """Turned and deskewed as the pipeline does it (``orient`` on archivist's own finding), and the CPU
    of the turning (``preprocess.apply``, part of the OCR stage: the detection is the preprocess stage's)."""
    found = preprocess.detect(gray, dpi)
    c = time.process_time()
    up = preprocess.apply(gray, preprocess.Correction(found.orientation, found.skew, 0.0, True))
    return up, time.process_time() - c


def enlarge(img: np.ndarray, dpi: float, interpolation: int = cv2.INTER_CUBIC) -> tuple[np.ndarray, float]:
    """``ocr._prepare``'s enlargement (to 250 dpi under 240), with a choice of filter."""
    scale = _scale_for(dpi)
    if scale == 1.0:
        return img, dpi
    return cv2.resize(img, None, fx=scale, fy=scale, interpolation=interpolation), OCR_TARGET_DPI


def bilevel(img: np.ndarray) -> np.ndarray:
    return np.where(img < 128, 0, 255).astype(np.uint8)


def read_as_is(engine: TesserocrEngine, img: np.ndarray, dpi: float) -> str:
    """The engine on exactly this image at this dpi (no enlargement of its own), psm 3."""
    img = np.ascontiguousarray(img)
    h, w = img.shape
    engine.api.SetImageBytes(img.tobytes(), w, h, 1, w)
    engine.api.SetSourceResolution(int(round(dpi)))
    text = _summarise(engine._read(1.0, engine.psm, w, h), fix=True).text
    engine.api.Clear()
    return text


def variants(engine: TesserocrEngine) -> dict[str, Callable[[np.ndarray, np.ndarray, float], tuple[str, float]]]:
    """name → function(page as decoded, archivist's upright page, dpi) → (text, engine CPU seconds).
    Only the engine's call is timed; the image's making is timed apart (:func:`prep_cpu`)."""

    def timed(img: np.ndarray, dpi: float) -> tuple[str, float]:
        c = time.process_time()
        text = read_as_is(engine, img, dpi)
        return text, time.process_time() - c

    def pipeline(_g: np.ndarray, up: np.ndarray, dpi: float) -> tuple[str, float]:
        prep = restore.prepare(up, dpi)
        c = time.process_time()
        ocr = restore.on_page(read_page(engine, prep.image, prep.dpi, prep.grids), prep.scale)
        return restore.faint_reading(ocr, prep).text, time.process_time() - c

    def prepared(up: np.ndarray, dpi: float) -> tuple[np.ndarray, float]:
        prep = restore.prepare(up, dpi)
        return prep.image, prep.dpi

    return {
        "archivist (prepare + read_page, as the pipeline)": pipeline,
        "prepared, enlarged cubic (= archivist, whole page)": lambda g, up, d: timed(*enlarge(*prepared(up, d))),
        "prepared, enlarged cubic, thresholded to bilevel": lambda g, up, d: timed(
            bilevel(enlarge(*prepared(up, d))[0]), enlarge(*prepared(up, d))[1]),
        "prepared, enlarged nearest (stays bilevel)": lambda g, up, d: timed(
            *enlarge(*prepared(up, d), interpolation=cv2.INTER_NEAREST)),
        "prepared, native dpi": lambda g, up, d: timed(*prepared(up, d)),
        "prepared, native dpi, thresholded": lambda g, up, d: timed(bilevel(prepared(up, d)[0]), d),
        "upright, native dpi (no prepare)": lambda g, up, d: timed(up, d),
        "upright thresholded, native dpi": lambda g, up, d: timed(bilevel(up), d),
    }


def prep_cpu(up: np.ndarray, dpi: float) -> tuple[float, float, int]:
    """CPU of ``restore.prepare`` and of the cubic enlargement, and how many grey levels the image has."""
    c = time.process_time()
    prep = restore.prepare(up, dpi)
    p = time.process_time() - c
    c = time.process_time()
    img, _ = enlarge(prep.image, prep.dpi)
    e = time.process_time() - c
    return p, e, int(np.count_nonzero(np.bincount(img.ravel(), minlength=256)))


def raw_cli(bench_dir: Path, truth: dict) -> tuple[float, float]:
    """Raw ``tesseract PAGE - -l vie`` on the bench's upright pages (1-bit PNG, own dpi), one at a time:
    CPU s/page of the child processes (model load included, as in the bench) and mean word error."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    errs = []
    for fmt in FORMATS:
        for i, t in enumerate(truth[fmt], start=1):
            page = bench_dir / "upright" / fmt / f"u{i:03d}.png"
            out = subprocess.run(["tesseract", str(page), "-", "-l", "vie"], capture_output=True, text=True, env=env)
            errs.append(bag_of_words_error(t["text"], out.stdout))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return cpu / len(errs), float(np.mean(errs))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("bench_dir", type=Path)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    truth = json.loads((args.bench_dir / "corpus.json").read_text(encoding="utf-8"))
    pages = [(args.bench_dir / "corpus" / fmt / t["file"], t["index"], t["text"])
             for fmt in FORMATS for t in truth[fmt]]
    engine = TesserocrEngine()
    funcs = variants(engine)
    loaded = []
    for path, index, text in pages:
        g, dpi = load(path, index)
        up, turn = upright(g, dpi)
        loaded.append((g, up, dpi, text))
        p, e, levels = prep_cpu(up, dpi)
        print(f"{path.name}[{index}] {dpi:.0f} dpi {g.shape[1]}x{g.shape[0]}: "
              f"upright {len(np.unique(up))} grey levels, "
              f"prepared+enlarged {levels}; turn {turn:.3f} s, prepare {p:.3f} s, enlarge {e:.3f} s", flush=True)
    cpu: dict[str, list[float]] = {k: [] for k in funcs}
    err: dict[str, list[float]] = {k: [] for k in funcs}
    page_cpu: dict[str, list[list[float]]] = {k: [] for k in funcs}
    for r in range(args.rounds):
        for name, f in funcs.items():  # variant by variant, all pages, so that drift hits each alike
            secs = []
            for g, up, dpi, text in loaded:
                hyp, s = f(g, up, dpi)
                secs.append(s)
                if r == 0:
                    err[name].append(bag_of_words_error(text, hyp))
            cpu[name].append(float(np.mean(secs)))
            page_cpu[name].append(secs)
    raw = [raw_cli(args.bench_dir, truth) for _ in range(args.rounds)]
    print(f"raw tesseract on the upright pages: CPU s/page {', '.join(f'{c:.3f}' for c, _ in raw)} (per round), "
          f"word error {100 * raw[0][1]:.2f}%")
    base = np.mean(cpu["prepared, enlarged cubic (= archivist, whole page)"])
    print(f"\n{len(loaded)} bilevel pages, {args.rounds} rounds; engine CPU s/page per round; word error mean (max)\n")
    print("| image Tesseract gets | engine CPU s/page (per round) | × archivist's whole-page image "
          "| word error mean | max |")
    print("|---|---|---|---|---|")
    for name in funcs:
        m = float(np.mean(cpu[name]))
        print(f"| {name} | {m:.3f} ({', '.join(f'{c:.3f}' for c in cpu[name])}) | {m / base:.2f} | "
              f"{100 * np.mean(err[name]):.2f}% | {100 * max(err[name]):.2f}% |")
    by_dpi(loaded, funcs, page_cpu, err)


def by_dpi(loaded: list, funcs: dict, page_cpu: dict[str, list[list[float]]], err: dict[str, list[float]]) -> None:
    """The same, pages grouped by dpi: only pages under 240 dpi are enlarged."""
    dpis = sorted({round(d) for _, _, d, _ in loaded})
    print("\n| image Tesseract gets | " + " | ".join(f"{d} dpi: engine CPU s/page, word error" for d in dpis) + " |")
    print("|---|" + "---|" * len(dpis))
    for name in funcs:
        per = np.mean(page_cpu[name], axis=0)
        cells = []
        for d in dpis:
            idx = [i for i, (_, _, dd, _) in enumerate(loaded) if round(dd) == d]
            wer = 100 * np.mean([err[name][i] for i in idx])
            cells.append(f"{np.mean(per[idx]):.3f}, {wer:.2f}% ({len(idx)} pages)")
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
