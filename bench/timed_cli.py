"""``archivist`` exactly as a user runs it, plus timings of what the main process does between pages.

The records time each page's work in the workers (load, orientation and deskew, OCR, report image).
What they cannot hold is the main process's own time: the document stage (split, classify, extract,
PDF/A, record, index; ``pipeline._finish``), the start-up before the first page comes back, and the
HTML report after the last (``htmlreport.write_html_report``). This wraps those functions with a
clock (nothing else changes) and writes the figures to the JSON file named by
``$ARCHIVIST_BENCH_TIMES`` when the command ends.

    ARCHIVIST_BENCH_TIMES=t.json .venv/bin/python bench/timed_cli.py process PAGES --archive OUT ...

The clocks go in when the CLI starts its fork server (``forkstart.start_early``), so the order of the
command's own start-up is kept: ``server_started`` and ``first_result_since_start`` are seconds since this
script began; the start-up on a short batch's critical path is ``first_result_since_start -
first_page_work``.
"""

from __future__ import annotations

import atexit
import json
import os
import sys
import time
from pathlib import Path

T_START = time.perf_counter()

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archivist import forkstart  # noqa: E402
from archivist.cputime import cpu_seconds  # noqa: E402

TIMES: dict[str, float | None] = {"imports": None, "document_stage": 0.0, "html_report": 0.0,
                                  "executor_start": 0.0, "first_result": None, "first_page_work": None,
                                  "process": 0.0, "document_stage_cpu": 0.0, "html_report_cpu": 0.0,
                                  "server_started": None, "first_result_since_start": None}
_t0 = {"process": 0.0}


def _clocked(name: str, fn):
    def run(*args, **kwargs):
        t, c = time.perf_counter(), cpu_seconds()
        try:
            return fn(*args, **kwargs)
        finally:
            TIMES[name] += time.perf_counter() - t  # type: ignore[operator]
            TIMES[f"{name}_cpu"] += cpu_seconds() - c  # type: ignore[operator]
    return run


def _process(*args, **kwargs):
    _t0["process"] = time.perf_counter()
    try:
        return _orig_process(*args, **kwargs)
    finally:
        TIMES["process"] = time.perf_counter() - _t0["process"]


def _make_executor(*args, **kwargs):
    t = time.perf_counter()
    ex = _orig_make_executor(*args, **kwargs)
    TIMES["executor_start"] = time.perf_counter() - t
    inner = ex.map_unordered

    def map_unordered(fn, tasks, *args, **kwargs):
        for task, res in inner(fn, tasks, *args, **kwargs):
            if TIMES["first_result"] is None:
                TIMES["first_result"] = time.perf_counter() - _t0["process"]
                TIMES["first_result_since_start"] = time.perf_counter() - T_START
                TIMES["first_page_work"] = sum(v for k, v in getattr(res, "timings", {}).items()
                                               if not k.startswith("cpu_"))
            yield task, res

    ex.map_unordered = map_unordered
    return ex


def _write() -> None:
    out = os.environ.get("ARCHIVIST_BENCH_TIMES")
    if out:
        TIMES["wall"] = time.perf_counter() - T_START
        TIMES["main_cpu"] = time.process_time()  # the main process alone, without its workers
        Path(out).write_text(json.dumps(TIMES, indent=1), encoding="utf-8")


def _patch() -> None:
    """Wrap the pipeline's functions with clocks: imports the pipeline, so it is done where the CLI itself
    first needs it (just after it starts the fork server), not before: importing it first would delay the
    server by the pipeline's imports, which a real ``archivist process`` does not."""
    global _orig_process, _orig_make_executor
    try:  # as the command imports the pipeline: with the collector held off, then frozen (archivist/gcpause.py)
        from archivist import gcpause
    except ImportError:  # a tree from before session 31
        gcpause = None
    collecting = gcpause.pause() if gcpause else False
    try:
        from archivist import htmlreport, pipeline
    finally:
        if gcpause:
            gcpause.resume(collecting)

    if pipeline.process is _process:
        return
    _orig_process, _orig_make_executor = pipeline.process, pipeline.make_executor
    pipeline.process = _process
    pipeline._finish = _clocked("document_stage", pipeline._finish)
    htmlreport.write_html_report = _clocked("html_report", htmlreport.write_html_report)
    pipeline.make_executor = _make_executor


def _start_early(*args, **kwargs):
    if TIMES["server_started"] is None:
        TIMES["server_started"] = time.perf_counter() - T_START
    _orig_start_early(*args, **kwargs)
    _patch()


_orig_start_early = forkstart.start_early
forkstart.start_early = _start_early
atexit.register(_write)

from archivist.cli import main  # noqa: E402 - as the command imports it; it may start the fork server

TIMES["imports"] = time.perf_counter() - T_START

if __name__ == "__main__":
    main()
