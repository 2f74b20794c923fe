"""OCRmyPDF's configurations against archivist, per format of the mixed corpus: CPU a page and word error.

Issue 16 asks for three times OCRmyPDF's *best* configuration. Which one is best depends on what it
is best at, so every configuration is timed (CPU seconds, children included; the machine is shared)
and its word error given by the three readings of bench/ocrmypdf_run.py (pdftotext, pdftotext -raw,
its sidecar). archivist runs on the same formats in the same session (``--rounds`` times, alternating
with the configurations' order), so the ratios compare runs of one machine state.

    .venv/bin/python bench/ocrmypdf_configs.py --corpus RUN_DIR --out OUT [--configs a,b] [--formats x,y]
        [--pages upright]

RUN_DIR holds ``corpus/``, ``upright/`` and ``corpus.json`` of ``bench/run --corpus mixed``. With ``--pages
upright`` OCRmyPDF gets the pages raw Tesseract gets, turned upright and deskewed with the generator's angles
(archivist still the corpus's files): what OCRmyPDF costs and reads when nothing defeats its Tesseract. On the
corpus's files its deskew leaves pages skewed, Tesseract finds no text on many, and an empty page is cheap.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archivist.metrics import bag_of_words_error  # noqa: E402
from bench.ocrmypdf_run import BENCH_CONFIG, ISSUE_OPTIONS, READINGS, Config, installed, run_config  # noqa: E402

_VIE = ("-l", "vie")
_FAST = (*_VIE, "--rotate-pages", "--output-type", "pdf", "--optimize", "0")
_SANDWICH = ("--pdf-renderer", "sandwich")
CONFIGS: dict[str, Config] = {c.name: c for c in (
    Config("issue", ISSUE_OPTIONS),
    Config("issue-jobs1", ISSUE_OPTIONS, jobs=1),
    Config("issue-files", ISSUE_OPTIONS, per_file=True),
    Config("issue-O0", (*ISSUE_OPTIONS, "--optimize", "0")),
    Config("issue-pdf", (*_VIE, "--rotate-pages", "--deskew", "--output-type", "pdf")),
    Config("issue-sandwich", (*ISSUE_OPTIONS, *_SANDWICH)),
    Config("issue-rot5", (*ISSUE_OPTIONS, "--rotate-pages-threshold", "5")),
    Config("issue-sauvola", (*ISSUE_OPTIONS, "--tesseract-thresholding", "sauvola")),
    BENCH_CONFIG,
    Config("nodeskew", (*_VIE, "--rotate-pages", "--output-type", "pdfa")),
    Config("fast", _FAST),
    Config("fast-sandwich", (*_FAST, *_SANDWICH)),
    Config("fast-sandwich-files", (*_FAST, *_SANDWICH), per_file=True),
)}


def word_errors(truth: list[dict], texts: dict[str, list[str]]) -> dict[str, list[float]]:
    """Word error of each page by each reading; a page the run did not give back counts as all wrong."""
    return {k: [bag_of_words_error(t["text"], (v + [""] * len(truth))[i]) for i, t in enumerate(truth)]
            for k, v in texts.items()}


def _archivist_run(fmt: str, corpus: Path, out: Path, truth: list[dict]) -> dict:
    from bench.formats import FormatResult, _archivist

    res = FormatResult(fmt, len(truth), 0, 0)
    _archivist(fmt, corpus, out, truth, res)
    return {"cpu_seconds": res.archivist_cpu[-1], "seconds": res.archivist_runs[-1], "word_error": res.word_error}


def run(args: argparse.Namespace) -> dict:
    truth_all = json.loads((args.corpus / "corpus.json").read_text(encoding="utf-8"))
    formats = args.formats.split(",") if args.formats else list(truth_all)
    names = args.configs.split(",")
    unknown = [n for n in names if n not in CONFIGS]
    if unknown:
        raise SystemExit(f"unknown configurations {unknown}; known: {list(CONFIGS)}")
    from bench.harness import versions

    partial = args.out / "ocrmypdf-configs.json"
    data = {"versions": versions(), "date": time.strftime("%Y-%m-%d %H:%M"), "corpus": str(args.corpus),
            "rounds": args.rounds, "pages": args.pages, "command": " ".join(sys.argv),
            "configs": {n: asdict(CONFIGS[n]) for n in names}, "results": {}}
    if args.resume and partial.exists():  # formats done by an earlier run of the same command
        data["results"] = json.loads(partial.read_text(encoding="utf-8"))["results"]
    results = data["results"]
    for k, fmt in enumerate(formats):
        if fmt in results:
            continue
        truth = truth_all[fmt]
        files = sorted((args.corpus / args.pages / fmt).iterdir())  # upright/: u001.png… in the truth's order
        per: dict = {"pages": len(truth), "archivist": [], "configs": {}}
        order = ["archivist"] * args.rounds + names
        for name in (order if k % 2 == 0 else order[::-1]):
            print(f"{fmt}: {name}…", file=sys.stderr)
            if name == "archivist":
                per["archivist"].append(_archivist_run(fmt, args.corpus / "corpus", args.out, truth))
                continue
            r = run_config(CONFIGS[name], files, args.out / "ocrmypdf" / fmt / name.replace(" ", "_"))
            errs = word_errors(truth, r.texts)
            per["configs"][name] = {"seconds": r.seconds, "cpu_seconds": r.cpu_seconds, "failed": r.failed,
                                    "output_bytes": r.output_bytes,
                                    "word_error": {k2: float(np.mean(v)) for k2, v in errs.items()},
                                    "per_page": errs}
        results[fmt] = per
        partial.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")  # a stop loses one format
    return data


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def markdown(data: dict) -> str:
    """One row per configuration (archivist first): per format, CPU s a page and word error (pdftotext /
    -raw / sidecar); then all formats together and archivist's CPU ratio against the configuration."""
    res, names = data["results"], list(data["configs"])
    fmts = list(res)
    pages = {f: res[f]["pages"] for f in fmts}
    n_all = sum(pages.values())
    arch_cpu = {f: float(np.mean([a["cpu_seconds"] for a in res[f]["archivist"]])) for f in fmts}
    arch_err = {f: float(np.mean([a["word_error"] for a in res[f]["archivist"]])) for f in fmts}
    arch_all = sum(arch_cpu.values())
    lines = [f"{data['date']}; `{data['command']}`", "",
             "Each cell: CPU s/page; word error by pdftotext / pdftotext -raw / sidecar (archivist: its PDF by "
             "pdftotext, mean of its runs).", "",
             "| configuration | " + " | ".join(fmts) + " | all | × archivist by CPU |",
             "|---|" + "---|" * (len(fmts) + 2)]
    arch_mean = sum(arch_err[f] * pages[f] for f in fmts) / n_all
    lines.append("| archivist | " + " | ".join(f"{arch_cpu[f] / pages[f]:.2f}; {_pct(arch_err[f])}" for f in fmts)
                 + f" | {arch_all / n_all:.2f}; {_pct(arch_mean)} | 1 |")
    for n in names:
        cells, cpu_all, errs = [], 0.0, {k: [] for k in READINGS}
        for f in fmts:
            c = res[f]["configs"][n]
            cpu_all += c["cpu_seconds"]
            for k in READINGS:
                errs[k] += c["per_page"][k]
            cells.append(f"{c['cpu_seconds'] / pages[f]:.2f}; " + " / ".join(_pct(c["word_error"][k]) for k in READINGS)
                         + (" (failed)" if c["failed"] else ""))
        every = " / ".join(_pct(float(np.mean(errs[k]))) for k in READINGS)
        lines.append(f"| {n} | " + " | ".join(cells) + f" | {cpu_all / n_all:.2f}; {every} | "
                     f"{cpu_all / arch_all:.2f} |")
    lines += ["", "| configuration | command |", "|---|---|"]
    for n in names:
        c = data["configs"][n]
        lines.append(f"| {n} | `{Config(c['name'], tuple(c['options']), c['jobs'], c['per_file']).command()}` |")
    from bench.report import machine_line

    lines += ["", machine_line(data["versions"])]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, required=True, help="folder with corpus/ and corpus.json")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--configs", default=",".join(n for n in CONFIGS if n != "issue-sauvola"),
                    help=f"comma-separated, of: {', '.join(CONFIGS)} (default all but issue-sauvola)")
    ap.add_argument("--formats", default="", help="comma-separated (default all of corpus.json)")
    ap.add_argument("--rounds", type=int, default=2, help="archivist runs per format (default 2)")
    ap.add_argument("--pages", default="corpus", choices=["corpus", "upright"],
                    help="OCRmyPDF's input: the corpus's files (default), or the same pages turned upright and "
                         "deskewed with the generator's angles (what raw Tesseract gets)")
    ap.add_argument("--resume", action="store_true", help="keep the formats OUT's ocrmypdf-configs.json holds")
    args = ap.parse_args(argv)
    if not installed():
        raise SystemExit("OCRmyPDF not installed (bench/run installs it)")
    from bench.bytecode import compile_package, imported_package

    compile_package(imported_package())
    args.out.mkdir(parents=True, exist_ok=True)
    data = run(args)
    md = markdown(data)
    (args.out / "ocrmypdf-configs.md").write_text(md, encoding="utf-8")
    print(md)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
