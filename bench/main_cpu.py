"""The main process's CPU of ``archivist process``, two trees alternated in one run (issue 16, session 23).

Why a bench of its own: ``bench/run --corpus mixed`` times each format's 6 documents with raw Tesseract beside
them, a quarter of an hour a tree; a cut of the main process (imports, one-offs, the document stage) is some
0.1 CPU s a batch, which only shows when the two trees run turn about on the same batch, within minutes. Each
run is ``bench/timed_cli.py process FOLDER --workers 2`` from its own tree (``PYTHONPATH`` set to it), order
A B B A per round; it reports CPU seconds (of the main process, of its document stage, and of every process of
the run: main, fork server, workers), the wall time to the first page back, and the start-up on the critical
path: the first page back, counted from the command's start, less that page's own work (wall). A second table
splits what all processes spend beside the records' page stage (issue 16's "outside the page stage", session 31):
the main process's document stage and the rest of it, the fork server, the workers outside their stages and any
other process, each process's CPU sampled by role every 20 ms (bench/page_cpu.py ``RoleWatch``).

``compare`` then checks that the trees made the same archive: the records and PDFs as ``bench/around_engine.py
same`` compares them, every index row (documents without their record hash and time, pages, figures,
terms; the document numbers, which follow the order pages come back in, left out) and the report's page images
and thumbnails (the workers' previews), byte for byte.

    .venv/bin/python bench/main_cpu.py run FOLDER OUT before=/path/to/copy after=. [--rounds 3] [--source]
    .venv/bin/python bench/main_cpu.py compare OUT/before-1 OUT/after-1
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.around_engine import same  # noqa: E402
from bench.bytecode import compile_package  # noqa: E402
from bench.measure import MemoryWatch, cpu_clock  # noqa: E402
from bench.page_cpu import RoleWatch  # noqa: E402

_SKIP_DOC_COLUMNS = {"docno", "record_sha", "record_mtime"}


def _one(tree: Path, folder: Path, run: Path) -> dict:
    archive = run / "archives" / "batch"
    times = run / "times.json"
    cmd = [str(ROOT / ".venv" / "bin" / "python"), str(tree / "bench" / "timed_cli.py"), "process", str(folder),
           "--archive", str(archive), "--workers", "2", "--pdfa", "1b", "--json"]
    env = {**os.environ, "PYTHONPATH": str(tree), "ARCHIVIST_BENCH_TIMES": str(times)}
    with cpu_clock() as cpu:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        watch, by_role = MemoryWatch(proc.pid), RoleWatch(proc.pid)
        _, err = proc.communicate()
        watch.stop()
        role_cpu = by_role.stop()
        secs = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise SystemExit(f"archivist failed: {err.decode()[-2000:]}")
    main = json.loads(times.read_text(encoding="utf-8"))
    recs = [json.loads(p.read_text(encoding="utf-8")) for p in (archive / "documents").glob("*.json")]
    pages = sum(len(r["pages"]) for r in recs)
    workers = sum(v for r in recs for p in r["pages"] for k, v in p["timings"].items() if k.startswith("cpu_"))
    known = ("main", "forkserver", "worker")
    return {"pages": pages, "wall": round(secs, 2), "cpu_all": round(max(cpu.seconds, watch.cpu_seconds), 3),
            "main_cpu": main["main_cpu"], "document_stage_cpu": main["document_stage_cpu"],
            "first_result": main["first_result"], "page_stage_cpu": round(workers, 3),
            "startup": round(main["first_result_since_start"] - main["first_page_work"], 3),
            # the process tree by role, sampled (bench/page_cpu.py RoleWatch): what lies outside the page stage
            "main_sampled": round(role_cpu.get("main", 0.0), 3),
            "forkserver": round(role_cpu.get("forkserver", 0.0), 3), "workers": round(role_cpu.get("worker", 0.0), 3),
            "others": round(sum(v for k, v in role_cpu.items() if k not in known), 3)}


def run(folder: Path, out: Path, trees: dict[str, Path], rounds: int) -> None:
    names = list(trees)
    rows = []
    for r in range(1, rounds + 1):
        order = names if r % 2 else names[::-1]
        for name in order + order[::-1]:
            k = sum(1 for x in rows if x["tree"] == name) + 1
            res = {"tree": name, "n": k, **_one(trees[name], folder, out / f"{name}-{k}")}
            rows.append(res)
            print(json.dumps(res), flush=True)
    (out / "main_cpu.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    print("| tree | runs | CPU s/page, all processes | main process CPU s/batch | document stage CPU s/batch "
          "| main − document stage | page stage CPU s/page (records) | first page back, wall s | start-up on the "
          "critical path, wall s | batch wall s |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name in names:
        mine, mean = _runs_of(name, rows)
        print(f"| {name} | {len(mine)} | {mean('cpu_all') / mine[0]['pages']:.3f} | {mean('main_cpu'):.3f} "
              f"(min {min(x['main_cpu'] for x in mine):.3f}) | {mean('document_stage_cpu'):.3f} | "
              f"{mean('main_cpu') - mean('document_stage_cpu'):.3f} | {mean('page_stage_cpu') / mine[0]['pages']:.3f} "
              f"| {mean('first_result'):.2f} | {mean('startup'):.2f} ({min(x['startup'] for x in mine):.2f}–"
              f"{max(x['startup'] for x in mine):.2f}) | {mean('wall'):.2f} |")
    _outside(names, rows)


def _runs_of(name: str, rows: list[dict]) -> tuple[list[dict], Callable[[str], float]]:
    """One tree's runs, and the mean of a key over them (both tables read the runs the same way)."""
    mine = [x for x in rows if x["tree"] == name]

    def mean(key: str) -> float:
        return sum(x[key] for x in mine) / len(mine)
    return mine, mean


def _outside(names: list[str], rows: list[dict]) -> None:
    """All processes' CPU beside the records' page stage, a batch, by where it goes (means of the runs)."""
    print("\n| tree | all − page stage, CPU s/batch | main process: document stage | main: the rest (imports, plan, "
          "reports, exit) | fork server | workers outside their stages | other processes (resource tracker) "
          "| not sampled (all − the roles) |")
    print("|---|---|---|---|---|---|---|---|")
    for name in names:
        _, mean = _runs_of(name, rows)
        sampled = mean("main_sampled") + mean("forkserver") + mean("workers") + mean("others")
        print(f"| {name} | {mean('cpu_all') - mean('page_stage_cpu'):.3f} | {mean('document_stage_cpu'):.3f} | "
              f"{mean('main_sampled') - mean('document_stage_cpu'):.3f} | {mean('forkserver'):.3f} | "
              f"{mean('workers') - mean('page_stage_cpu'):.3f} | {mean('others'):.3f} | "
              f"{mean('cpu_all') - sampled:.3f} |")


def _index_rows(archive: Path) -> dict[str, list]:
    con = sqlite3.connect(archive / "index.sqlite")
    try:
        cols = [r[1] for r in con.execute("PRAGMA table_info(documents)") if r[1] not in _SKIP_DOC_COLUMNS]
        out = {"documents": sorted(con.execute(f"SELECT {', '.join(cols)} FROM documents").fetchall(), key=repr)}
        pages = con.execute("SELECT meta, body, mexact, exact, facets, source, text FROM pages")
        out["pages"] = sorted(pages, key=repr)
        out["figures"] = sorted(con.execute("SELECT name, value FROM figures"))
        out["terms"] = sorted(con.execute("SELECT term, df FROM terms"))
        return out
    finally:
        con.close()


def compare(a: Path, b: Path) -> int:
    bad = same(a, b)
    ra, rb = _index_rows(a / "archives" / "batch"), _index_rows(b / "archives" / "batch")
    for table in ra:
        if ra[table] != rb[table]:
            print(f"index table {table} differs")
            bad = 1
    images = _report_images(a / "archives" / "batch")
    if images != _report_images(b / "archives" / "batch"):
        print("report images differ")
        bad = 1
    print(f"index rows: {', '.join(f'{t} {len(v)}' for t, v in ra.items())}, {len(images)} report images: "
          f"{'differ' if bad else 'the same'}")
    return bad


def _report_images(archive: Path) -> dict[str, str]:
    """The report's page images and thumbnails by name, their SHA-256. A name holds the document's id and the start of
    its PDF's hash (``htmlreport.PageImages.names``), which moves run to run with the PDF's XMP dates: left out."""
    import hashlib
    import re

    return {re.sub(r"-[0-9a-f]{12}-(p\d+|t)\.jpg$", r"-\1.jpg", p.name): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted((archive / "report-files").glob("*.jpg"))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("folder", type=Path)
    r.add_argument("out", type=Path)
    r.add_argument("trees", nargs=2, help="NAME=PATH, twice")
    r.add_argument("--rounds", type=int, default=2)
    r.add_argument("--source", action="store_true", help="leave the trees' modules uncompiled (bench/bytecode.py)")
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "compare":
        return compare(args.a, args.b)
    trees = {n: Path(p).resolve() for n, p in (t.split("=", 1) for t in args.trees)}
    args.out.mkdir(parents=True, exist_ok=True)
    if not args.source:  # both trees alike, as an install would have them (bench/bytecode.py)
        for tree in trees.values():
            compile_package(tree / "archivist")
    run(args.folder, args.out, trees, args.rounds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
