"""Benchmark: archivist against raw Tesseract and OCRmyPDF on the same generated pages, same run.

The machine is shared and noisy, so every figure that matters is a ratio between tools timed
back to back on identical inputs. Each tool's text is read back the same way (pdftotext for
PDFs; raw Tesseract prints text) and scored against the generator's ground truth.

Run it with ``bench/run`` (which also installs OCRmyPDF into its own venv).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import numpy as np
import psutil
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archivist.metrics import angle_error, bag_of_words_error, cer, summarise  # noqa: E402
from bench.measure import cpu_clock, timed  # noqa: E402
from bench.ocrmypdf_run import OCRMYPDF_VENV  # noqa: E402

REPEATABLE = ("raw", "raw-upright", "engine-upright", "archivist", "archivist1")


@dataclass
class ToolResult:
    tool: str
    command: str
    seconds: float
    pages: int
    pages_per_minute: float = 0.0
    bytes_per_page: float = 0.0
    peak_rss_mb_total: float = 0.0  # all processes of the run together
    peak_rss_mb_process: float = 0.0  # the largest single process (a worker)
    word_error: dict = field(default_factory=dict)
    cer: dict = field(default_factory=dict)
    deskew_error: dict | None = None
    pdfa_valid: str = "n/a"
    per_page: list = field(default_factory=list)
    runs: list = field(default_factory=list)  # seconds of each run, when the tool ran several times
    cpu_seconds: float = 0.0  # user + system time of every process of the tool, mean over runs
    cpu_watched: float = 0.0  # the same, as sampled by bench.measure.MemoryWatch (this run)
    sidecar_word_error: dict | None = None  # OCRmyPDF: its --sidecar text's, the OCR's error before its renderer


def prepare_pages(n: int, out: Path, seed: int) -> list[dict]:
    """Generate documents until there are ``n`` pages; write each page as its own image file."""
    from samples.generate import generate

    gen = out / "generated"
    shutil.rmtree(gen, ignore_errors=True)
    docs = generate(gen, seed=seed, n_docs=n)  # most documents are one page; extra pages are dropped
    pages_dir = out / "pages"
    shutil.rmtree(pages_dir, ignore_errors=True)
    pages_dir.mkdir(parents=True)
    truth = []
    for d in docs:
        for p in d["pages"]:
            if len(truth) >= n:
                break
            src = gen / p["file"]
            i = len(truth) + 1
            if src.suffix.lower() in (".jpg", ".jpeg") and p.get("index", 0) == 0:
                dst = pages_dir / f"p{i:03d}.jpg"
                shutil.copyfile(src, dst)
            else:
                with Image.open(src) as im:
                    im.seek(p.get("index", 0))
                    dst = pages_dir / f"p{i:03d}.png"
                    im.save(dst, dpi=im.info.get("dpi", (p["dpi"], p["dpi"])))
            truth.append({"file": dst.name, "text": p["text"], "skew": p["skew"], "rotation": p["rotation"],
                          "dpi": p["dpi"]})
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return truth


def upright_pages(pages: Path, truth: list[dict]) -> Path:
    """The same pages turned upright and deskewed with the generator's own angles (lossless PNG).

    Raw Tesseract on these is the OCR engine's real cost per page: on the skewed originals it
    gives up on lines it cannot follow and so finishes sooner, reading far fewer words.
    """
    out = pages.parent / "pages-upright"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    for t in truth:
        with Image.open(pages / t["file"]) as im:
            g = im.convert("L").rotate(t["rotation"], expand=True)
            paper = int(np.median(np.asarray(g)))  # fill with the paper's shade, not white
            g = g.rotate(-t["skew"], expand=True, resample=Image.Resampling.BICUBIC, fillcolor=paper)
            g.save(out / (Path(t["file"]).stem + ".png"), dpi=(t["dpi"], t["dpi"]))
    return out


def pdftotext(pdf: Path, page: int | None = None, raw: bool = False) -> str:
    """A PDF's text (one page's, or all), by pdftotext's layout analysis or, ``raw``, in content-stream order."""
    cmd = ["pdftotext", "-enc", "UTF-8", *(["-raw"] if raw else [])]
    if page is not None:
        cmd += ["-f", str(page), "-l", str(page)]
    return subprocess.run(cmd + [str(pdf), "-"], capture_output=True, text=True).stdout


def score(res: ToolResult, truth: list[dict], texts: list[str]) -> None:
    wer = [bag_of_words_error(t["text"], h) for t, h in zip(truth, texts, strict=True)]
    cers = [cer(t["text"], h) for t, h in zip(truth, texts, strict=True)]
    res.word_error = asdict(summarise(wer))
    res.cer = asdict(summarise(cers))
    res.per_page = [{"file": t["file"], "word_error": round(w, 4), "cer": round(c, 4)}
                    for t, w, c in zip(truth, wer, cers, strict=True)]
    res.pages_per_minute = 60.0 * res.pages / res.seconds if res.seconds else 0.0


def run_raw_tesseract(pages: Path, truth: list[dict], jobs: int, name: str = "raw tesseract") -> ToolResult:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    files = sorted(pages.iterdir(), key=lambda f: f.name)
    texts: dict[str, str] = {}
    peaks: list[int] = []

    def one(f: Path) -> None:
        _, watch, cp = timed(["tesseract", str(f), "-", "-l", "vie"], env)
        texts[f.name] = cp.stdout.decode("utf-8", "replace")
        peaks.append(watch.single)

    t0 = time.perf_counter()
    with ThreadPoolExecutor(jobs) as ex:
        list(ex.map(one, files))
    secs = time.perf_counter() - t0
    res = ToolResult(name, f"tesseract PAGE - -l vie ({jobs} at a time, OMP_THREAD_LIMIT=1)", secs,
                     len(files), peak_rss_mb_process=max(peaks) / 2**20, peak_rss_mb_total=jobs * max(peaks) / 2**20)
    score(res, truth, [texts[f.name] for f in files])
    return res


def run_engine_upright(pages: Path, truth: list[dict], jobs: int = 2) -> ToolResult:
    """archivist's OCR engine alone on the upright pages (bench/engine_floor.py), ``jobs`` processes."""
    files = sorted(pages.iterdir(), key=lambda f: f.name)
    shares = [files[i::jobs] for i in range(jobs)]
    texts: dict[str, str] = {}
    peaks: list[int] = []
    cpu: list[float] = []

    def one(share: list[Path]) -> None:
        cmd = [sys.executable, str(ROOT / "bench" / "engine_floor.py"), *map(str, share)]
        _, watch, cp = timed(cmd, {**os.environ, "OMP_THREAD_LIMIT": "1"})
        if cp.returncode != 0:
            raise SystemExit(f"engine_floor failed: {cp.stderr.decode()[-2000:]}")
        texts.update(json.loads(cp.stdout))
        peaks.append(watch.single)
        cpu.append(watch.cpu_seconds)

    t0 = time.perf_counter()
    with ThreadPoolExecutor(jobs) as ex:
        list(ex.map(one, shares))
    secs = time.perf_counter() - t0
    res = ToolResult("archivist's OCR engine alone, pages upright",
                     f"bench/engine_floor.py PAGES ({jobs} processes, model loaded once each)", secs, len(files),
                     peak_rss_mb_process=max(peaks) / 2**20, peak_rss_mb_total=sum(peaks) / 2**20)
    res.cpu_watched = sum(cpu)
    score(res, truth, [texts[f.name] for f in files])
    return res


def run_archivist(pages: Path, out: Path, truth: list[dict], workers: int, pdfa: str) -> ToolResult:
    archive = out / f"archivist-{workers}w"
    shutil.rmtree(archive, ignore_errors=True)
    exe = str(ROOT / ".venv" / "bin" / "archivist")
    cmd = [exe, "process", str(pages), "--archive", str(archive), "--workers", str(workers), "--pdfa", pdfa,
           "--json"]
    secs, watch, cp = timed(cmd)
    if cp.returncode not in (0, 1):
        raise SystemExit(f"archivist failed: {cp.stderr.decode()[-2000:]}")
    by_label = {}
    for rec_path in (archive / "documents").glob("*.json"):
        rec = json.loads(rec_path.read_text(encoding="utf-8"))
        by_label[Path(rec["label"]).name] = rec
    texts, skews, pdfs = [], [], []
    for t in truth:
        rec = by_label[t["file"]]
        pdf = archive / rec["output"]["pdf"]
        pdfs.append(pdf)
        texts.append(pdftotext(pdf))
        skews.append(angle_error(rec["pages"][0]["skew"], t["skew"]))
    res = ToolResult(f"archivist ({workers} workers)", " ".join(["archivist"] + cmd[1:3] + ["--archive", "OUT"]
                     + cmd[5:-1]), secs, len(truth), peak_rss_mb_total=watch.total / 2**20,
                     peak_rss_mb_process=watch.single / 2**20)
    res.bytes_per_page = sum(p.stat().st_size for p in pdfs) / len(pdfs)
    res.cpu_watched = watch.cpu_seconds
    res.deskew_error = asdict(summarise(skews))
    score(res, truth, texts)
    res.pdfa_valid = preflight_verdict(pdfs)
    return res


def preflight_verdict(pdfs: list[Path]) -> str:
    try:
        from archivist.preflight import preflight_available, validate_pdfa
    except ImportError:
        return "validator missing"
    if not preflight_available():
        return "validator missing"
    problems = validate_pdfa(pdfs)
    bad = {p: v for p, v in problems.items() if v}
    if not bad:
        return f"all {len(pdfs)} valid PDF/A-1b"
    only_part = all(all("pdfaid" in line.lower() or "part" in line.lower() for line in v) for v in bad.values())
    if only_part:
        return f"{len(pdfs)} pass all PDF/A-1b checks except the part number (PDF/A-2b)"
    first = next(iter(bad.values()))[0]
    return f"{len(bad)}/{len(pdfs)} fail PDF/A-1b, e.g. {first}"


def run_ocrmypdf(pages: Path, out: Path, truth: list[dict], batch: bool) -> ToolResult | None:
    """OCRmyPDF's bench configuration (bench/ocrmypdf_run.py) on the pages: one joined PDF, or each file on its
    own two at a time (``batch``). Its PDF is scored by the better pdftotext reading (``pdf_word_errors``), its
    sidecar's word error (the OCR's, before its renderer) kept beside."""
    from bench.ocrmypdf_run import BENCH_CONFIG, installed, pdf_word_errors, run_config

    if not installed():
        print("OCRmyPDF not installed (bench/run installs it); skipping", file=sys.stderr)
        return None
    dest = out / ("ocrmypdf-batch" if batch else "ocrmypdf")
    shutil.rmtree(dest, ignore_errors=True)
    config = replace(BENCH_CONFIG, per_file=batch)
    run = run_config(config, [pages / t["file"] for t in truth], dest)
    if run.failed:
        print(f"ocrmypdf {run.failed}", file=sys.stderr)
    name = "OCRmyPDF (2 files at a time, --jobs 1)" if batch else f"OCRmyPDF (one PDF, --jobs {config.jobs})"
    res = ToolResult(name, config.command(), run.seconds, len(truth), peak_rss_mb_total=run.peak_rss_total / 2**20,
                     peak_rss_mb_process=run.peak_rss_process / 2**20)
    res.cpu_watched = run.cpu_seconds
    res.bytes_per_page = run.output_bytes / len(truth)
    padded = {k: (v + [""] * len(truth))[:len(truth)] for k, v in run.texts.items()}
    reading, _ = pdf_word_errors(truth, padded)
    res.command += f" (read by {reading})"
    score(res, truth, padded[reading])
    res.sidecar_word_error = asdict(summarise([bag_of_words_error(t["text"], h)
                                               for t, h in zip(truth, padded["sidecar"], strict=True)]))
    res.pdfa_valid = preflight_verdict(run.pdfs) if "pdfa" in config.options else "not asked (--output-type pdf)"
    return res


def versions() -> dict:
    def first_line(cmd: list[str]) -> str:
        try:
            r = subprocess.run(cmd, capture_output=True, text=True)
            return (r.stdout or r.stderr).splitlines()[0]
        except (OSError, IndexError):
            return "missing"

    return {"machine": f"{platform.machine()}, {os.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB",
            "tesseract": first_line(["tesseract", "--version"]),
            "ocrmypdf": first_line([str(OCRMYPDF_VENV / "bin" / "ocrmypdf"), "--version"]),
            "python": platform.python_version()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=40, help="number of generated pages (default 40)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    ap.add_argument("--tools", default="raw,raw-upright,engine-upright,archivist,archivist1,ocrmypdf,ocrmypdf-batch",
                    help="comma-separated: raw, raw-upright (pages turned upright first), engine-upright "
                         "(archivist's OCR engine alone on those pages, bench/engine_floor.py), archivist, "
                         "archivist1 (1 worker), ocrmypdf, ocrmypdf-batch")
    ap.add_argument("--rounds", type=int, default=2, help="runs of each fast tool (raw, archivist, archivist1), "
                    "in alternating order; the reported time is their mean (default 2)")
    ap.add_argument("--pdfa", default="1b", choices=["1b", "2b"], help="archivist's PDF/A level (1b is validated)")
    ap.add_argument("--corpus", default="jpeg", choices=["jpeg", "mixed"], help="jpeg: the pages above; mixed: "
                    "every scanner format, timed per format (bench/formats.py, --per-format pages each)")
    ap.add_argument("--per-format", type=int, default=10)
    ap.add_argument("--formats", default="", help="mixed corpus: comma-separated formats (default all)")
    ap.add_argument("--no-ocrmypdf", action="store_true", help="mixed corpus: skip OCRmyPDF")
    ap.add_argument("--reuse-corpus", action="store_true", help="mixed corpus: use the one OUT holds")
    ap.add_argument("--layout", help="mixed corpus: archivist process --layout (tesseract or blocks); several, "
                    "comma-separated, are timed in the same rounds beside the same raw runs")
    ap.add_argument("--source", action="store_true", help="time archivist without compiling its modules first "
                    "(each batch compiles them from source where PYTHONDONTWRITEBYTECODE is set; bench/bytecode.py)")
    args = ap.parse_args(argv)
    if args.layout and not set(args.layout.split(",")) <= {"tesseract", "blocks"}:
        ap.error(f"--layout: tesseract, blocks or both comma-separated, not {args.layout!r}")
    args.out.mkdir(parents=True, exist_ok=True)
    if not args.source:
        from bench.bytecode import compile_package, imported_package

        compile_package(imported_package())
    if args.corpus == "mixed":
        from bench.formats import run_mixed

        return run_mixed(args)
    truth = prepare_pages(args.pages, args.out, args.seed)
    pages = args.out / "pages"
    tools = args.tools.split(",")
    upright = upright_pages(pages, truth) if {"raw-upright", "engine-upright"} & set(tools) else pages
    runners = {"raw": lambda: run_raw_tesseract(pages, truth, 2),
               "raw-upright": lambda: run_raw_tesseract(upright, truth, 2, "raw tesseract, pages upright"),
               "engine-upright": lambda: run_engine_upright(upright, truth),
               "archivist": lambda: run_archivist(pages, args.out, truth, 2, args.pdfa),
               "archivist1": lambda: run_archivist(pages, args.out, truth, 1, args.pdfa),
               "ocrmypdf": lambda: run_ocrmypdf(pages, args.out, truth, batch=False),
               "ocrmypdf-batch": lambda: run_ocrmypdf(pages, args.out, truth, batch=True)}
    # The fast tools run --rounds times in alternating order (A B B A ...): a load that drifts while
    # the benchmark runs then weighs on every tool alike, and the ratios compare like with like.
    repeated = [t for t in tools if t in REPEATABLE]
    order = [t for r in range(args.rounds) for t in (repeated if r % 2 == 0 else repeated[::-1])]
    order[len(repeated):len(repeated)] = [t for t in tools if t not in REPEATABLE]
    by_tool: dict[str, ToolResult] = {}
    for tool in order:
        print(f"running {tool} on {len(truth)} pages…", file=sys.stderr)
        with cpu_clock() as clock:
            r = runners[tool]()
        if r is None:
            continue
        cpu = max(clock.seconds, r.cpu_watched)
        print(f"  {r.pages_per_minute:.1f} pages/min, word error {r.word_error['mean']:.4f}", file=sys.stderr)
        first = by_tool.setdefault(tool, r)
        first.cpu_seconds = (first.cpu_seconds * len(first.runs) + cpu) / (len(first.runs) + 1)
        first.runs.append(round(r.seconds, 2))
        first.seconds = sum(first.runs) / len(first.runs)
        first.pages_per_minute = 60.0 * first.pages / first.seconds
    results = [by_tool[t] for t in tools if t in by_tool]
    data = {"versions": versions(), "pages": len(truth), "seed": args.seed,
            "command": "bench/run " + " ".join(argv if argv is not None else sys.argv[1:]),
            "results": [asdict(r) for r in results]}
    (args.out / "results.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    from bench.report import markdown

    md = markdown(data)
    (args.out / "results.md").write_text(md, encoding="utf-8")
    print(md)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
