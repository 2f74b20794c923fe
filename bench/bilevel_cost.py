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

Session 22 asks one question of a bigger set: is the engine's enlargement of pages under 240 dpi
(``ocr._scale_for``) worth its CPU on bilevel pages, per dpi? ``make`` writes the set: generated pages at
150, 200 and 300 dpi (every type, both layout eras) and the hard groups clean, faded, typewriter and
speckle (200 and 300 dpi), each thresholded and stored as G4 TIFF the way the mixed corpus does it
(:mod:`bench.corpus`), in the generator's layout so ``bench/accuracy.py --reuse`` scores its fields too.
``ab`` reads every page through the pipeline's own OCR (``pagework._read``: restore, tables, engine)
enlarged and not, interleaved page by page, and says CPU and word error per dpi and group; ``--grey``
does the same on the generated JPEG pages under 240 dpi themselves::

    .venv/bin/python -m bench.bilevel_cost make /work/runs/bilevel2/set
    .venv/bin/python -m bench.bilevel_cost ab /work/runs/bilevel2/set [--rounds 2] [--grey]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from archivist import ocr, preprocess, restore, ruledtilt
from archivist.cells import read_prepared
from archivist.metrics import bag_of_words_error
from archivist.ocr import OCR_MIN_DPI, OCR_TARGET_DPI, TesserocrEngine, _scale_for, _summarise

FORMATS = ("tiff-g4", "tiff-multi")


def load(path: Path, index: int) -> tuple[np.ndarray, float]:
    """The page as archivist decodes a bilevel page: grey 0/255, its own dpi."""
    with Image.open(path) as im:
        im.seek(index)
        return np.asarray(im.convert("L")), float(im.info.get("dpi", (300, 300))[0])


def upright(gray: np.ndarray, dpi: float) -> tuple[np.ndarray, float]:
    """Turned and deskewed as the pipeline does it (``orient`` on archivist's own finding), and the CPU
    of the turning (``preprocess.apply``, part of the OCR stage: the detection is the preprocess stage's)."""
    found = ruledtilt.detect(gray, dpi)
    c = time.process_time()
    up = preprocess.apply(gray, preprocess.Correction(found.orientation, found.skew, 0.0, True))
    return up, time.process_time() - c


def enlarge(img: np.ndarray, dpi: float, interpolation: int = cv2.INTER_CUBIC) -> tuple[np.ndarray, float]:
    """``ocr._prepare``'s enlargement (to 250 dpi under 240), with a choice of filter."""
    scale = _scale_for(dpi, bilevel=True)
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
        ocr = read_prepared(engine, prep.image, prep.dpi, prep.grids, prep.plain, prep.restored, bilevel=True)
        ocr = restore.on_page(ocr, prep.scale)
        return restore.faint_reading(ocr, prep).text, time.process_time() - c

    def prepared(up: np.ndarray, dpi: float) -> tuple[np.ndarray, float]:
        prep = restore.prepare(up, dpi)
        return prep.image, prep.dpi

    return {
        "archivist (prepare + read_prepared, as the pipeline)": pipeline,
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


#: The set of ``make``: name -> generator arguments. Plain pages of every type at one dpi each (grey: the
#: threshold is the scanner's, not the ink's), and the hard groups whose wear survives a threshold.
SET_DPIS = (150, 200, 300)
HARD_GROUPS = ("clean", "faded", "typewriter", "speckle")


def make_set(out: Path, per_dpi: int, hard_docs: int, seed: int) -> None:
    """Generate the JPEG sets under ``out/src/`` and write every page as a G4 TIFF under ``out/bilevel/``
    (``scans/<set>/...``, ground truth with ``group`` naming the set or the hard group)."""
    from bench.bilevel_sets import to_g4, write_truth
    from samples.generate import generate

    sets: dict[str, dict] = {f"plain-{d}": {"n_docs": per_dpi, "formats": ("jpeg",), "dpi_choices": (d,),
                                            "colour_share": 0.0, "types": "all", "layout_era": "mixed"}
                             for d in SET_DPIS}
    sets["hard"] = {"n_docs": hard_docs, "groups": HARD_GROUPS}
    dst = out / "bilevel"
    shutil.rmtree(dst, ignore_errors=True)
    (dst / "ground-truth").mkdir(parents=True)
    for k, (name, kw) in enumerate(sets.items()):
        src = out / "src" / name
        for t in generate(src, seed=seed + k, **kw):
            write_truth(dst, to_g4(src, dst, name, t))
    print(f"{len(list((dst / 'scans').rglob('*.tif')))} bilevel pages under {dst}")


def set_pages(out: Path, grey: bool) -> list[tuple[str, np.ndarray, float, str]]:
    """(group, page as archivist decodes it, dpi, truth text) of every page of ``make``'s set with text:
    the G4 pages, or with ``grey`` the generated JPEG pages under OCR_MIN_DPI (the only ones it changes)."""
    pages = []
    for gt in sorted((out / "bilevel" / "ground-truth").glob("*.json")):
        for p in json.loads(gt.read_text(encoding="utf-8"))["pages"]:
            if not p["text"].strip() or (grey and p["dpi"] >= OCR_MIN_DPI):
                continue
            if grey:
                name, rel = Path(p["file"]).relative_to("scans").parts[0], Path(p["file"]).relative_to("scans")
                path = out / "src" / name / "scans" / Path(*rel.parts[1:]).with_suffix(".jpg")
            else:
                path = out / "bilevel" / p["file"]
            g, dpi = load(path, p["index"])
            pages.append((p["group"], g, dpi, p["text"]))
    return pages


@contextmanager
def enlargement(on: bool) -> Iterator[None]:
    """The engine's enlargement of pages under OCR_MIN_DPI on (grey ones under GREY_OWN_DPI too) or off:
    ``ocr._scale_for`` reads the constants at each call, so the pipeline's own read path is measured, nothing
    copied from it."""
    saved = ocr.OCR_MIN_DPI, ocr.GREY_OWN_DPI
    ocr.OCR_MIN_DPI, ocr.GREY_OWN_DPI = (saved[0], 0.0) if on else (0.0, saved[1])
    try:
        yield
    finally:
        ocr.OCR_MIN_DPI, ocr.GREY_OWN_DPI = saved


def generated_pages(sets: list[Path], under: float) -> list[tuple[str, np.ndarray, float, str]]:
    """(set name, page as archivist decodes it, dpi, truth text) of the pages with text of generated sets
    (``samples/generate.py --out SET``: scans/, ground-truth/) scanned under ``under`` dpi."""
    from archivist.ingest import load_page
    from archivist.models import PageRef

    pages = []
    for s in sets:
        for gt in sorted(g for g in (s / "ground-truth").glob("*.json") if g.name != "index.json"):
            for p in json.loads(gt.read_text(encoding="utf-8"))["pages"]:
                if p["text"].strip() and p["dpi"] < under:
                    path = s / p["file"]
                    page = load_page(PageRef(path, "tiff" if path.suffix in (".tif", ".tiff") else "image", p["index"]))
                    pages.append((s.name, page.gray, page.dpi, p["text"]))
    return pages


def ab(out: Path | None, rounds: int, grey: bool, sets: list[Path] | None = None, under: float = OCR_MIN_DPI) -> None:
    """The pipeline's OCR of each upright page enlarged and not, interleaved page by page (the order
    alternating), engine stage CPU by ``time.process_time``; then CPU and word error per dpi and group.
    ``sets``: instead of ``make``'s set, the pages under ``under`` dpi of these generated sets, decoded
    as archivist decodes them (grey or colour, as scanned)."""
    from archivist.pagework import _read

    engine = TesserocrEngine()
    found = generated_pages(sets, under) if sets else set_pages(out, grey)
    pages = [(grp, *upright(g, dpi)[:1], dpi, text) for grp, g, dpi, text in found]
    cpu = {e: np.zeros((rounds, len(pages))) for e in (True, False)}
    err = {e: np.zeros(len(pages)) for e in (True, False)}
    for r in range(rounds):
        for i, (_grp, up, dpi, text) in enumerate(pages):
            for enlarge in ((True, False) if (i + r) % 2 == 0 else (False, True)):
                with enlargement(enlarge):
                    c = time.process_time()
                    hyp = _read(engine, up, dpi, bilevel=not grey).text
                    cpu[enlarge][r, i] = time.process_time() - c
                err[enlarge][i] = bag_of_words_error(text, hyp)
        print(f"\nround {r + 1}: enlarged {cpu[True][r].mean():.3f}, not {cpu[False][r].mean():.3f} CPU s/page",
              flush=True)
        report(pages, {e: c[:r + 1] for e, c in cpu.items()}, err, grey)


def report(pages: list, cpu: dict[bool, np.ndarray], err: dict[bool, np.ndarray], grey: bool) -> None:
    """The A/B table: per dpi, per group, per hard group and dpi, and all pages."""
    kind = "grey JPEG pages under 240 dpi" if grey else "bilevel G4 pages"
    print(f"\n{len(pages)} {kind}, {len(cpu[True])} rounds; OCR stage CPU s/page (pagework._read), "
          "word error mean\n")
    print("| pages | n | CPU enlarged | CPU not | not/enlarged | word error enlarged | not | "
          "pages better / worse not enlarged |")
    print("|---|---|---|---|---|---|---|---|")
    dpis = sorted({round(p[2]) for p in pages})
    keys = [(f"{d} dpi", [i for i, p in enumerate(pages) if round(p[2]) == d]) for d in dpis]
    keys += [(f"{g}", [i for i, p in enumerate(pages) if p[0] == g]) for g in dict.fromkeys(p[0] for p in pages)]
    keys += [(f"{g}, {d} dpi", [i for i, p in enumerate(pages) if p[0] == g and round(p[2]) == d])
             for g in HARD_GROUPS for d in (200, 300)]
    for name, idx in keys + [("all", list(range(len(pages))))]:
        if not idx:
            continue
        a, b = cpu[True][:, idx].mean(), cpu[False][:, idx].mean()
        ea, eb = err[True][idx], err[False][idx]
        print(f"| {name} | {len(idx)} | {a:.3f} | {b:.3f} | {b / a:.2f} | {100 * ea.mean():.2f}% | "
              f"{100 * eb.mean():.2f}% | {int(np.sum(eb < ea))} / {int(np.sum(eb > ea))} |", flush=True)


def cli() -> None:
    """``make``, ``ab``, or the session 21 variants on a mixed corpus (a directory as first argument)."""
    import sys

    if sys.argv[1:2] not in (["make"], ["ab"]):
        return main()
    ap = argparse.ArgumentParser(description="bilevel set (make) and enlargement A/B (ab)")
    ap.add_argument("command", choices=("make", "ab"))
    ap.add_argument("out", type=Path)
    ap.add_argument("--per-dpi", type=int, default=20, help="make: documents per dpi of the plain pages")
    ap.add_argument("--hard-docs", type=int, default=6, help="make: documents per hard group")
    ap.add_argument("--seed", type=int, default=22)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--grey", action="store_true", help="ab: the grey JPEG pages under 240 dpi instead")
    ap.add_argument("--set", dest="sets", type=Path, action="append",
                    help="ab: instead, the pages under --under dpi of this generated set (repeatable); OUT unused")
    ap.add_argument("--under", type=float, default=OCR_MIN_DPI)
    args = ap.parse_args()
    if args.command == "make":
        make_set(args.out, args.per_dpi, args.hard_docs, args.seed)
    else:
        ab(args.out, args.rounds, args.grey or bool(args.sets), args.sets, args.under)


if __name__ == "__main__":
    cli()
