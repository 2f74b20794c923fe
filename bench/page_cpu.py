"""Every CPU second of ``archivist process`` by process and by stage (issue 16, session 24).

Why: the per-format harness (6-document batches) left 0.1-0.2 CPU s a page "beside the OCR stage" that no
stage of the records named. Two views account for all of it:

``roles TREE FOLDER OUT``
    One ``bench/timed_cli.py process FOLDER --workers 2`` from ``TREE`` (``PYTHONPATH`` set to it), its
    process tree sampled every 20 ms: CPU seconds of the main process, the fork server (its own, without the
    workers it forks), the workers (with any program they ran) and anything else; beside them the records'
    ``cpu_*`` stages and the main process's document stage. Workers − their stages = their work outside the
    timed stages (the task loop, pickling).
``pieces FOLDER [ROUNDS]``
    The page stage in this process (worker settings: one thread, the fork server's warm-up first), each piece
    wrapped with a ``time.process_time`` clock, no profiler (cProfile inflates Python loops 5-15 fold):
    load, ``detect``, the turn, restoration, handing the image to Tesseract, the engine, the word walk,
    the post-correction, the page number's search and reading, the number's box read again, the report image.
    Run with ``PYTHONPATH`` set to the tree to measure.

    .venv/bin/python bench/page_cpu.py roles /path/to/tree FOLDER OUT
    PYTHONPATH=TREE .venv/bin/python bench/page_cpu.py pieces FOLDER 1
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _role(proc, main_pid: int) -> str:
    """main, forkserver, worker (a child of the fork server) or the program's name."""
    if proc.pid == main_pid:
        return "main"
    line = " ".join(proc.cmdline())
    if "forkserver" in line:
        parent = proc.parent()
        return "worker" if parent is not None and "forkserver" in " ".join(parent.cmdline()) else "forkserver"
    return "resource_tracker" if "resource_tracker" in line else proc.name()


def roles(tree: Path, folder: Path, out: Path) -> dict:
    """CPU seconds of one run by process role, and the records' and main process's own accounts."""
    import psutil

    archive, times = out / "archives" / "batch", out / "times.json"
    cmd = [sys.executable, str(tree / "bench" / "timed_cli.py"), "process", str(folder), "--archive", str(archive),
           "--workers", "2", "--pdfa", "1b", "--json"]
    env = {**os.environ, "PYTHONPATH": str(tree), "ARCHIVIST_BENCH_TIMES": str(times)}
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    seen: dict[int, tuple[str, float]] = {}
    stop = threading.Event()

    def watch() -> None:
        main = psutil.Process(proc.pid)
        while not stop.is_set():
            try:
                procs = [main, *main.children(recursive=True)]
            except psutil.Error:
                procs = []
            for p in procs:
                try:
                    t = p.cpu_times()
                    role = seen[p.pid][0] if p.pid in seen else _role(p, main.pid)
                    # a worker's programs are its own work; the fork server's children are the workers
                    own = t.user + t.system + (t.children_user + t.children_system if role == "worker" else 0)
                    seen[p.pid] = (role, own)
                except psutil.Error:
                    pass
            time.sleep(0.02)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    proc.communicate()
    stop.set()
    watcher.join()
    main_t = json.loads(times.read_text(encoding="utf-8"))
    pages = [p for f in (archive / "documents").glob("*.json")
             for p in json.loads(f.read_text(encoding="utf-8"))["pages"]]
    stages: dict[str, float] = defaultdict(float)
    for p in pages:
        for k, v in p["timings"].items():
            if k.startswith("cpu_"):
                stages[k] += v
    by_role: dict[str, float] = defaultdict(float)
    for role, cpu in seen.values():
        by_role[role] += cpu
    res = {"pages": len(pages), "returncode": proc.returncode,
           "cpu_by_role": {k: round(v, 3) for k, v in by_role.items()},
           "workers_outside_stages": round(by_role["worker"] - sum(stages.values()), 3),
           "main_cpu": main_t["main_cpu"], "document_stage_cpu": main_t["document_stage_cpu"],
           "html_report_cpu": main_t["html_report_cpu"], "stages": {k: round(v, 3) for k, v in stages.items()}}
    (out / "roles.json").write_text(json.dumps(res, indent=1), encoding="utf-8")
    return res


def pieces(folder: Path, rounds: int = 1) -> dict[str, float]:
    """CPU seconds a page of the page stage's pieces (inclusive: a piece's children are also in it)."""
    from archivist import numberread, ocr, pagework, preprocess, restore
    from archivist.discover import discover
    from archivist.models import PageTask, Settings

    acc: dict[str, float] = defaultdict(float)

    def wrap(owner, name: str, label: str) -> None:
        fn = getattr(owner, name)

        def run(*a, **k):
            c = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                acc[label] += time.process_time() - c
        setattr(owner, name, run)

    for owner, name, label in [
            (pagework, "load_page", "load"), (preprocess, "detect", "detect (orientation + deskew)"),
            (numberread, "read_number", "number's box read again (numberread)"),
            (pagework, "add_page_number", "page number (found and read; its reading also in the engine's)"),
            (preprocess, "apply", "turn (apply)"), (restore, "prepare", "restoration (restore.prepare)"),
            (ocr.TesserocrEngine, "_set_image", "image to Tesseract (_set_image)"),
            (ocr.TesserocrEngine, "_read", "_read"), (ocr.TesserocrEngine, "_words", "word walk"),
            (ocr, "fix_words", "post-correction"), (pagework, "make_preview", "report image")]:
        wrap(owner, name, label)
    pagework.init_worker()
    pagework.preload_engine()
    s = Settings()
    tasks = [PageTask(i, n, ref, s.ocr_engine, s.lang, s.force_ocr, s.layout)
             for i, d in enumerate(discover([folder])[0]) for n, ref in enumerate(d.pages, 1)]
    pagework.process_page(tasks[0])  # first-call costs out of the figures
    acc.clear()
    c = time.process_time()
    for _ in range(rounds):
        for t in tasks:
            pagework.process_page(t)
    n = len(tasks) * rounds
    acc["page stage (process_page)"] = time.process_time() - c
    acc["engine (_read - word walk)"] = acc.pop("_read") - acc["word walk"]
    return {"pages": n, **{k: round(v / n, 4) for k, v in sorted(acc.items(), key=lambda kv: -kv[1])}}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) == 4 and args[0] == "roles":
        out = Path(args[3])
        out.mkdir(parents=True, exist_ok=True)
        print(json.dumps(roles(Path(args[1]).resolve(), Path(args[2]), out)))
    elif len(args) in (2, 3) and args[0] == "pieces":
        print(json.dumps(pieces(Path(args[1]), int(args[2]) if len(args) == 3 else 1), indent=1))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
