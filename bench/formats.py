"""``bench/run --corpus mixed``: archivist per input format against raw Tesseract and OCRmyPDF, one run.

For each format of :mod:`bench.corpus` (same number of pages each), in alternating order over
``--rounds`` rounds: raw Tesseract on the same pages turned upright (two at a time, one thread
each), and ``archivist process`` on the format's folder (2 workers, through bench/timed_cli.py,
which adds the main process's own timings); then OCRmyPDF's bench configuration (``BENCH_CONFIG`` of
bench/ocrmypdf_run.py, the format's pages joined into one PDF, read by the better pdftotext mode). Reported per
format: pages/min and ratios, the per-page stage times from the records, the main process's document
stage, output bytes per page against input bytes per page, word error, and Preflight's verdict.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from archivist.metrics import bag_of_words_error
from bench.corpus import FORMATS, prepare_corpus
from bench.harness import ROOT, pdftotext, preflight_verdict, run_raw_tesseract, versions
from bench.measure import cpu_clock, timed
from bench.pdf_bytes import archive_bytes


@dataclass
class FormatResult:
    fmt: str
    pages: int
    files: int
    input_bytes: int
    raw_runs: list = field(default_factory=list)
    archivist_runs: list = field(default_factory=list)
    ocrmypdf_seconds: float | None = None
    ocrmypdf_bytes: int = 0
    ocrmypdf_word_error: float | None = None
    ocrmypdf_sidecar_error: float | None = None  # its --sidecar text's: the OCR's error before its PDF renderer
    stages: dict = field(default_factory=dict)  # stage -> [seconds per page of every page]
    main: dict = field(default_factory=dict)  # bench/timed_cli.py figures of the last archivist run
    output_bytes: int = 0
    word_error: float = 0.0
    raw_word_error: float = 0.0
    payload_filters: dict = field(default_factory=dict)
    image_bytes: int = 0  # the page images' streams in the PDFs (the rest is text layer, font, metadata)
    parts: dict = field(default_factory=dict)  # bench/pdf_bytes.py: bytes per part of the PDFs, and the text floor
    pdfa_valid: str = ""
    # CPU seconds (user + system of every process of the tool) of each run, and the records' per-stage CPU
    raw_cpu: list = field(default_factory=list)
    archivist_cpu: list = field(default_factory=list)
    ocrmypdf_cpu: float | None = None
    stages_cpu: dict = field(default_factory=dict)  # stage -> [CPU seconds per page of every page]


def _archivist(fmt: str, corpus: Path, out: Path, truth: list[dict], res: FormatResult,
               layout: str | None = None) -> None:
    archive = out / "archives" / fmt
    shutil.rmtree(archive, ignore_errors=True)
    times = out / f"times-{fmt}.json"
    cmd = [str(ROOT / ".venv" / "bin" / "python"), str(ROOT / "bench" / "timed_cli.py"), "process", str(corpus / fmt),
           "--archive", str(archive), "--workers", "2", "--pdfa", "1b", "--json",
           *(["--layout", layout] if layout else [])]
    with cpu_clock() as cpu:
        secs, watch, cp = timed(cmd, {**os.environ, "ARCHIVIST_BENCH_TIMES": str(times)})
    if cp.returncode not in (0, 1):
        raise SystemExit(f"archivist failed on {fmt}: {cp.stderr.decode()[-2000:]}")
    res.archivist_runs.append(round(secs, 2))
    res.archivist_cpu.append(round(max(cpu.seconds, watch.cpu_seconds), 2))
    res.main = json.loads(times.read_text(encoding="utf-8"))
    records = [json.loads(p.read_text(encoding="utf-8")) for p in (archive / "documents").glob("*.json")]
    by_key, pdfs, stages, stages_cpu = {}, [], {}, {}
    for rec in records:
        pdf = archive / rec["output"]["pdf"]
        pdfs.append(pdf)
        for n, page in enumerate(rec["pages"], start=1):
            by_key[(Path(page["source"]["path"]).name, page["source"]["index"])] = (pdf, n)
            for k, v in page["timings"].items():
                if k.startswith("cpu_"):
                    stages_cpu.setdefault(k[4:], []).append(v)
                else:
                    stages.setdefault(k, []).append(v)
    res.stages, res.stages_cpu = stages, stages_cpu
    res.output_bytes = sum(p.stat().st_size for p in pdfs)
    errors = []
    for t in truth:
        pdf, n = by_key[(t["file"], t["index"])]
        errors.append(bag_of_words_error(t["text"], pdftotext(pdf, n)))
    res.word_error = float(np.mean(errors))
    res.pdfa_valid = preflight_verdict(pdfs)
    res.payload_filters, res.image_bytes = _images(pdfs)
    res.parts = archive_bytes(archive)


def _images(pdfs: list[Path]) -> tuple[dict, int]:
    """How the page images ended up in the PDFs (filter -> count), and their streams' bytes."""
    import pikepdf

    seen: dict[str, int] = {}
    size = 0
    for path in pdfs:
        with pikepdf.open(path) as pdf:
            for page in pdf.pages:
                for img in page.get_images().values():
                    f = img.get("/Filter")
                    name = str(f[0] if isinstance(f, pikepdf.Array) else f)[1:]
                    seen[name] = seen.get(name, 0) + 1
                    size += len(img.read_raw_bytes())
    return seen, size


def _ocrmypdf(fmt: str, corpus: Path, out: Path, truth: list[dict], res: FormatResult) -> None:
    """OCRmyPDF's bench configuration on the format's files joined into one PDF (bench/ocrmypdf_run.py)."""
    from bench.ocrmypdf_run import BENCH_CONFIG, installed, pdf_word_errors, run_config

    if not installed():
        print("OCRmyPDF not installed (bench/run installs it); skipping", file=sys.stderr)
        return
    dest = out / "ocrmypdf" / fmt
    shutil.rmtree(dest, ignore_errors=True)
    run = run_config(BENCH_CONFIG, sorted((corpus / fmt).iterdir()), dest)
    if run.failed:
        print(f"ocrmypdf {run.failed} on {fmt}", file=sys.stderr)
        return
    res.ocrmypdf_seconds = run.seconds
    res.ocrmypdf_cpu = run.cpu_seconds
    res.ocrmypdf_bytes = run.output_bytes
    res.ocrmypdf_word_error = float(np.mean(pdf_word_errors(truth, run.texts)[1]))
    res.ocrmypdf_sidecar_error = float(np.mean([bag_of_words_error(t["text"], h)
                                                for t, h in zip(truth, run.texts["sidecar"], strict=True)]))


def run_mixed(args) -> int:
    """Build the corpus, time every tool per format, write results-mixed.json/.md and print the table.

    ``args.layout`` may name several layouts (``tesseract,blocks``): archivist then runs once per layout in
    each round, beside the same raw Tesseract runs, and each layout gets its own results-mixed-LAYOUT.json/.md
    (their raw columns are the same runs), so the layouts' ratios to raw Tesseract come from one run of a
    shared machine."""
    from bench.format_report import markdown

    out: Path = args.out
    formats = args.formats.split(",") if args.formats else list(FORMATS)
    if args.reuse_corpus and (out / "corpus.json").is_file():  # the same seed makes the same corpus
        truth = json.loads((out / "corpus.json").read_text(encoding="utf-8"))
    else:
        print(f"making the mixed corpus ({args.per_format} pages per format)…", file=sys.stderr)
        truth = prepare_corpus(args.per_format, out, args.seed, formats)
    corpus = out / "corpus"
    layouts: list[str | None] = args.layout.split(",") if args.layout else [None]
    results: dict[str | None, dict[str, FormatResult]] = {layout: {} for layout in layouts}
    for fmt in formats:
        files = list((corpus / fmt).iterdir())
        for layout in layouts:
            results[layout][fmt] = FormatResult(fmt, len(truth[fmt]), len(files), sum(f.stat().st_size for f in files))
    tools = ("raw", *layouts)
    for r in range(args.rounds):
        for fmt in formats:
            for tool in (tools if (r + formats.index(fmt)) % 2 == 0 else tools[::-1]):
                print(f"round {r + 1}: {tool or 'archivist'} on {fmt}…", file=sys.stderr)
                if tool == "raw":
                    with cpu_clock() as cpu:
                        raw = run_raw_tesseract(out / "upright" / fmt, truth[fmt], 2, f"raw tesseract upright {fmt}")
                    for res in (per[fmt] for per in results.values()):
                        res.raw_runs.append(round(raw.seconds, 2))
                        res.raw_cpu.append(round(cpu.seconds, 2))
                        res.raw_word_error = raw.word_error["mean"]
                else:
                    _archivist(fmt, corpus, out, truth[fmt], results[tool][fmt], tool)
    if not args.no_ocrmypdf:
        for fmt in formats:
            print(f"OCRmyPDF on {fmt}…", file=sys.stderr)
            for res in (per[fmt] for per in results.values()):
                _ocrmypdf(fmt, corpus, out, truth[fmt], res)
    for layout, per in results.items():
        data = {"versions": versions(), "per_format": args.per_format, "seed": args.seed, "rounds": args.rounds,
                "date": time.strftime("%Y-%m-%d %H:%M"), "command": "bench/run " + " ".join(sys.argv[1:]),
                "layout": layout, "results": [asdict(per[f]) for f in formats]}
        name = "results-mixed" if len(layouts) == 1 else f"results-mixed-{layout}"
        (out / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        md = markdown(data)
        (out / f"{name}.md").write_text(md, encoding="utf-8")
        print(("" if len(layouts) == 1 else f"\n## archivist --layout {layout}\n\n") + md)
    return 0
