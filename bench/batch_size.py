"""CPU against batch size: what a batch pays once and what each page adds (issue 16, session 24).

Why a bench of its own: ``bench/run --corpus mixed`` times 6 pages a format, one batch each. Archivist pays its
fixed costs once a batch (the main process's imports, the fork server, each worker's imports, model and word
tables), raw Tesseract pays its model load on every page, so a 6-page ratio says little about a box of thousands
of pages. Here each format's pages are run as batches of several sizes (1, 6, 24 by default; pages repeated
from the corpus when it has too few, each copy made byte-distinct so archivist does not take it for a document
already done), archivist and raw Tesseract turn about on each size, sizes interleaved and their order reversed
every round. For each tool and format a least-squares line CPU = fixed + per_page x n is fitted over every run;
the table gives both, the CPU a page at each size and the ratio raw / archivist at each size and at the margin
(per_page raw / per_page archivist: what a long box sees).

CPU is user + system of every process of the run (bench/measure.py's ``cpu_clock`` and ``MemoryWatch``, as
bench/main_cpu.py counts it). Raw Tesseract runs as bench/harness.py runs it: ``tesseract PAGE - -l vie``, a
fresh process a page, two at a time, on the pages turned upright (``upright/FORMAT``). Archivist runs as a user
runs it: ``archivist process BATCH --workers 2 --pdfa 1b`` (the console script; ``--tree`` sets ``PYTHONPATH``
so another checkout's package can be timed with this venv).

    .venv/bin/python bench/batch_size.py --corpus /work/runs/NAME/mixed --out /work/runs/NAME/bs \\
        [--formats jpeg,png-grey,tiff-g4] [--sizes 1,6,24] [--rounds 2] [--tree .]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import struct
import sys
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from itertools import cycle, islice
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bytecode import compile_package  # noqa: E402
from bench.measure import cpu_clock, timed  # noqa: E402


def distinct_copy(src: Path, dst: Path, k: int) -> None:
    """Copy ``src`` to ``dst``; for ``k > 0`` make the bytes differ (not the pixels): archivist names a document
    by its file's SHA-256, so a plain copy would be 'already done' or one document twice. JPEG gets a comment
    segment after SOI, PNG a tEXt chunk after IHDR, anything else (TIFF) trailing bytes no offset points at."""
    data = src.read_bytes()
    if k:
        tag = f"copy {k}".encode()
        if data[:2] == b"\xff\xd8":
            data = data[:2] + b"\xff\xfe" + struct.pack(">H", len(tag) + 2) + tag + data[2:]
        elif data[:8] == b"\x89PNG\r\n\x1a\n":
            body = b"tEXt" + b"Comment\0" + tag
            chunk = struct.pack(">I", len(body) - 4) + body + struct.pack(">I", zlib.crc32(body))
            data = data[:33] + chunk + data[33:]  # signature 8 + IHDR 25
        else:
            data = data + b"\0" + tag
    dst.write_bytes(data)


def make_batches(corpus: Path, out: Path, fmt: str, sizes: list[int]) -> dict[int, tuple[Path, Path]]:
    """Per size, a folder of ``n`` archivist inputs and one of ``n`` upright pages for raw Tesseract."""
    files = sorted((corpus / "corpus" / fmt).iterdir())
    upright = sorted((corpus / "upright" / fmt).iterdir())
    batches = {}
    for n in sizes:
        a, r = out / "batches" / f"{fmt}-{n}", out / "batches" / f"{fmt}-{n}-upright"
        for d in (a, r):
            shutil.rmtree(d, ignore_errors=True)
            d.mkdir(parents=True)
        for i, f in enumerate(islice(cycle(files), n)):
            distinct_copy(f, a / f"{i:03d}-{f.name}", i // len(files))
        for i, f in enumerate(islice(cycle(upright), n)):
            shutil.copy(f, r / f"{i:03d}-{f.name}")
        batches[n] = (a, r)
    return batches


def run_archivist(batch: Path, archive: Path, tree: Path) -> tuple[float, float]:
    """CPU seconds of every process and wall seconds of one ``archivist process`` of ``batch``."""
    shutil.rmtree(archive, ignore_errors=True)
    cmd = [str(ROOT / ".venv" / "bin" / "archivist"), "process", str(batch), "--archive", str(archive),
           "--workers", "2", "--pdfa", "1b", "--json"]
    with cpu_clock() as cpu:
        secs, watch, cp = timed(cmd, {**os.environ, "PYTHONPATH": str(tree)})
    if cp.returncode not in (0, 1):
        raise SystemExit(f"archivist failed: {cp.stderr.decode()[-2000:]}")
    done = len(list((archive / "documents").glob("*.json")))
    if done != len(list(batch.iterdir())):
        raise SystemExit(f"{batch}: {done} records for {len(list(batch.iterdir()))} inputs")
    return max(cpu.seconds, watch.cpu_seconds), secs


def run_raw(pages: Path) -> tuple[float, float]:
    """CPU and wall seconds of raw Tesseract on every page of ``pages``, as bench/harness.py runs it."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    files = sorted(pages.iterdir())
    with cpu_clock() as cpu:
        t0 = time.perf_counter()
        with ThreadPoolExecutor(2) as ex:
            list(ex.map(lambda f: timed(["tesseract", str(f), "-", "-l", "vie"], env), files))
        secs = time.perf_counter() - t0
    return cpu.seconds, secs


def fit(rows: list[dict]) -> tuple[float, float]:
    """Least-squares fixed + per_page x n over the runs."""
    n = np.array([r["n"] for r in rows], dtype=float)
    cpu = np.array([r["cpu"] for r in rows])
    per_page, fixed = np.polyfit(n, cpu, 1)
    return float(fixed), float(per_page)


def table(rows: list[dict], formats: list[str], sizes: list[int]) -> str:
    """The markdown table: per format and tool the fitted line, then CPU a page and the ratio at each size."""
    head = ("| format | tool | fixed CPU s a batch | marginal CPU s a page | "
            + " | ".join(f"CPU s/page at {n} (runs)" for n in sizes) + " | "
            + " | ".join(f"wall s at {n}" for n in sizes) + " | "
            + " | ".join(f"raw / archivist at {n}" for n in sizes) + " | raw / archivist at the margin |")
    out = [head, "|" + "---|" * (head.count("|") - 1)]
    for fmt in formats:
        lines = {}
        for tool in ("archivist", "raw"):
            mine = [r for r in rows if r["format"] == fmt and r["tool"] == tool]
            lines[tool] = (fit(mine), {n: [r for r in mine if r["n"] == n] for n in sizes})
        for tool in ("archivist", "raw"):
            (fixed, per), by = lines[tool]
            cells = [f"{np.mean([r['cpu'] for r in by[n]]) / n:.3f} ({len(by[n])})" for n in sizes]
            walls = [f"{np.mean([r['wall'] for r in by[n]]):.1f}" for n in sizes]
            if tool == "archivist":
                raw_by = lines["raw"][1]
                ratios = [f"{np.mean([r['cpu'] for r in raw_by[n]]) / np.mean([r['cpu'] for r in by[n]]):.2f}"
                          for n in sizes]
                margin = f"{lines['raw'][0][1] / per:.2f}"
            else:
                ratios, margin = [""] * len(sizes), ""
            out.append(f"| {fmt} | {tool} | {fixed:.2f} | {per:.3f} | " + " | ".join(cells) + " | "
                       + " | ".join(walls) + " | " + " | ".join(ratios) + f" | {margin} |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, required=True, help="a bench/run --corpus mixed folder (corpus/, upright/)")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--formats", default="jpeg,png-grey,tiff-g4")
    ap.add_argument("--sizes", default="1,6,24")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--tree", type=Path, default=ROOT, help="the checkout whose archivist package is timed")
    ap.add_argument("--source", action="store_true", help="leave the tree's modules uncompiled (bench/bytecode.py)")
    args = ap.parse_args(argv)
    if not args.source:
        compile_package(args.tree.resolve() / "archivist")
    formats, sizes = args.formats.split(","), [int(s) for s in args.sizes.split(",")]
    args.out.mkdir(parents=True, exist_ok=True)
    batches = {fmt: make_batches(args.corpus, args.out, fmt, sizes) for fmt in formats}
    rows: list[dict] = []
    log = (args.out / "runs.jsonl").open("a", encoding="utf-8")
    for r in range(args.rounds):
        order = sizes if r % 2 == 0 else sizes[::-1]
        for i, n in enumerate(order):
            for fmt in formats:
                batch, upright = batches[fmt][n]
                tools = ["archivist", "raw"] if (r + i) % 2 == 0 else ["raw", "archivist"]
                for tool in tools:
                    if tool == "archivist":
                        cpu, wall = run_archivist(batch, args.out / "archives" / f"{fmt}-{n}", args.tree.resolve())
                    else:
                        cpu, wall = run_raw(upright)
                    row = {"round": r + 1, "format": fmt, "n": n, "tool": tool, "cpu": round(cpu, 3),
                           "wall": round(wall, 2)}
                    rows.append(row)
                    log.write(json.dumps(row) + "\n")
                    log.flush()
                    print(json.dumps(row), flush=True)
    (args.out / "batch_size.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    text = table(rows, formats, sizes)
    (args.out / "batch_size.md").write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
