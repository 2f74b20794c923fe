"""Issue 16, item 5: what a short batch pays before its first page is worked on.

Times, in separate fresh processes so nothing is warm: importing the CLI; starting the 2-worker pool
(fork server, workers, initializer) up to the first answer of a no-op task; loading the Tesseract
``vie`` model (what each worker does before its first OCR). Then runs ``archivist process`` on a
5-page batch (the first five pages of ``OUT/corpus/jpeg``, from ``bench/run --corpus mixed``)
through bench/timed_cli.py and reports its wall time, the time to the first page back, that page's
own work, and the start-up share: the first page back, counted from the command's start, minus its own
work (the model is loaded in the fork server, before the first page).

    .venv/bin/python bench/startup.py [--out bench/out] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
POOL = """
import time
t0 = time.perf_counter()
from archivist.executor import make_executor
from archivist.pipeline import init_worker
t1 = time.perf_counter()
if __name__ == "__main__":
    ex = make_executor(2, init_worker)
    for _ in ex.map_unordered(abs, [1]):
        t2 = time.perf_counter()
    ex.close()
    from archivist.ocr import TesserocrEngine
    t3 = time.perf_counter()
    TesserocrEngine()
    print(t1 - t0, t2 - t1, time.perf_counter() - t3)
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    parts = []
    with tempfile.TemporaryDirectory() as d:
        script = Path(d, "pool.py")
        script.write_text(POOL, encoding="utf-8")
        for _ in range(args.runs):
            out = subprocess.run([PY, str(script)], capture_output=True, text=True, check=True, cwd=ROOT).stdout
            parts.append([float(v) for v in out.split()])
        batch = Path(d, "batch")
        batch.mkdir()
        for f in sorted((args.out / "corpus" / "jpeg").iterdir())[:5]:
            shutil.copy(f, batch / f.name)
        runs = []
        for i in range(args.runs):
            times = Path(d, f"t{i}.json")
            cmd = [PY, str(ROOT / "bench" / "timed_cli.py"), "process", str(batch), "--archive", str(Path(d, f"a{i}")),
                   "--workers", "2", "--json"]
            t0 = time.perf_counter()
            env = {**os.environ, "ARCHIVIST_BENCH_TIMES": str(times)}
            subprocess.run(cmd, capture_output=True, check=False, env=env)
            m = json.loads(times.read_text(encoding="utf-8"))
            runs.append((time.perf_counter() - t0, m["imports"], m["first_result"], m["first_page_work"],
                         m["first_result_since_start"]))
    imp, pool, model = np.mean(parts, axis=0)
    wall, cli_imp, first, work, since = np.mean(runs, axis=0)
    print(f"fresh processes, mean of {args.runs}: import archivist.pipeline {imp:.2f} s; 2-worker pool up to the "
          f"first no-op answer {pool:.2f} s; Tesseract vie model load {model:.2f} s")
    print(f"5-page batch (2 workers), mean of {args.runs}: wall {wall:.2f} s; CLI imports {cli_imp:.2f} s; first page "
          f"back {first:.2f} s after process() began ({since:.2f} s after the command began), its own work "
          f"{work:.2f} s; start-up on the critical path (first page back since the command began − its own "
          f"work) {since - work:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
