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
    the post-correction, the page number's search and reading, the number's box read again, the date's year read
    again, the report image (session 31: 23 pieces). Given twice: ``inclusive`` (a piece's children also in it) and
    ``exclusive``, where the engine (Tesseract's recognition) and each piece beside it stand alone and add up, with
    what lies between them, to the page stage. Run with ``PYTHONPATH`` set to the tree to measure.

    .venv/bin/python bench/page_cpu.py roles /path/to/tree FOLDER OUT
    PYTHONPATH=TREE .venv/bin/python bench/page_cpu.py pieces FOLDER 1 [each]

    Session 41: sessions 38-40's second readings clocked too (a tree without one leaves it out), each given
    exclusive of the engine's calls it makes (``recognize_inside``: their Tesseract CPU, counted in the engine's
    pieces as before); ``each`` splits the figures by the folder of each page's file (the mixed corpus's format).
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


_ROLES = ("main", "forkserver", "worker", "resource_tracker")


def _role(proc, main_pid: int) -> str:
    """main, forkserver, worker (a child of the fork server) or the program's name."""
    if proc.pid == main_pid:
        return "main"
    line = " ".join(proc.cmdline())
    if "forkserver" in line:
        parent = proc.parent()
        return "worker" if parent is not None and "forkserver" in " ".join(parent.cmdline()) else "forkserver"
    return "resource_tracker" if "resource_tracker" in line else proc.name()


class RoleWatch:
    """CPU seconds of a command's process tree by role (:func:`_role`), sampled every 20 ms until :meth:`stop`. A
    worker's programs are its own work; the fork server's children are the workers, counted apart."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.seen: dict[int, tuple[str, float]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        import psutil

        try:
            main = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self._stop.is_set():
            try:
                procs = [main, *main.children(recursive=True)]
            except psutil.Error:
                procs = []
            for p in procs:
                try:
                    t = p.cpu_times()
                    # a role is kept once it is one of archivist's; a process caught before its command line is
                    # set (a fork server just started shows the bare interpreter) is named again at the next sample
                    known = p.pid in self.seen and self.seen[p.pid][0] in _ROLES
                    role = self.seen[p.pid][0] if known else _role(p, main.pid)
                    own = t.user + t.system + (t.children_user + t.children_system if role == "worker" else 0)
                    self.seen[p.pid] = (role, own)
                except psutil.Error:
                    pass
            time.sleep(0.02)

    def stop(self) -> dict[str, float]:
        """CPU seconds by role: main, forkserver, worker, resource_tracker or a program's name."""
        self._stop.set()
        self._thread.join()
        by_role: dict[str, float] = defaultdict(float)
        for role, cpu in self.seen.values():
            by_role[role] += cpu
        return dict(by_role)


def roles(tree: Path, folder: Path, out: Path) -> dict:
    """CPU seconds of one run by process role, and the records' and main process's own accounts."""
    archive, times = out / "archives" / "batch", out / "times.json"
    cmd = [sys.executable, str(tree / "bench" / "timed_cli.py"), "process", str(folder), "--archive", str(archive),
           "--workers", "2", "--pdfa", "1b", "--json"]
    env = {**os.environ, "PYTHONPATH": str(tree), "ARCHIVIST_BENCH_TIMES": str(times)}
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    watch = RoleWatch(proc.pid)
    proc.communicate()
    by_role = watch.stop()
    main_t = json.loads(times.read_text(encoding="utf-8"))
    pages = [p for f in (archive / "documents").glob("*.json")
             for p in json.loads(f.read_text(encoding="utf-8"))["pages"]]
    stages: dict[str, float] = defaultdict(float)
    for p in pages:
        for k, v in p["timings"].items():
            if k.startswith("cpu_"):
                stages[k] += v
    res = {"pages": len(pages), "returncode": proc.returncode,
           "cpu_by_role": {k: round(v, 3) for k, v in by_role.items()},
           "workers_outside_stages": round(by_role.get("worker", 0.0) - sum(stages.values()), 3),
           "main_cpu": main_t["main_cpu"], "document_stage_cpu": main_t["document_stage_cpu"],
           "html_report_cpu": main_t["html_report_cpu"], "stages": {k: round(v, 3) for k, v in stages.items()}}
    (out / "roles.json").write_text(json.dumps(res, indent=1), encoding="utf-8")
    return res


#: The page stage's pieces ``pieces`` times: (module, function, label). Inclusive: a piece's children are also in
#: it; ``_exclusive`` takes the engine's own work out of the pieces that hold it.
_PIECES = [
    ("pagework", "load_page", "load"),
    ("preprocess", "detect", "detect (orientation + deskew)"),
    ("pagework", "orient", "orient (with its readings)"),
    ("preprocess", "apply", "turn (apply)"),
    ("pagework", "_read", "reading (pagework._read)"),
    ("restore", "prepare", "restoration (restore.prepare)"),
    ("pagework", "read_prepared", "read_prepared (tables, the engine's calls)"),
    ("ocr.TesserocrEngine", "recognize", "recognize (all calls)"),
    ("ocr.TesserocrEngine", "_set_image", "image to Tesseract (_set_image)"),
    ("ocr.TesserocrEngine", "_read", "_read"),
    ("ocr.TesserocrEngine", "_words", "word walk"),
    ("ocr", "_summarise", "summary (_summarise, with the post-correction)"),
    ("ocr", "fix_words", "post-correction (fix_words)"),
    ("pagework", "add_page_number", "page number (found and read)"),
    ("pagenumber", "find", "page number's search (pagenumber.find)"),
    ("restore", "on_page", "words back on the page (restore.on_page)"),
    ("restore", "faint_reading", "faint page's debris (restore.faint_reading)"),
    ("notext", "judge", "text or image (notext.judge)"),
    ("numberread", "read_number", "number's box read again (numberread)"),
    ("dateread", "read_date", "date's year read again (dateread)"),
    ("nameread", "read_name", "signer's name line read again (nameread)"),
    ("ocr.TesserocrEngine", "read_alone", "read_alone (engine, the two boxes)"),
    ("markheight", "measure_marks", "marks' heights (markheight)"),
    ("pagework", "make_preview", "report image"),
    # sessions 38-40's second readings (absent from older trees: not clocked there)
    ("ruledtilt", "detect", "detect with the rules' tilt (ruledtilt.detect)"),
    ("pagework", "reread_hooks", "hooks read again (hookread)"),
    ("pagework", "reread_specks", "specks read again (speckread)"),
    ("pagework", "reread_spans", "spans read again (spanread)"),
    ("pagework", "reread_faded", "faded words read again (fadedread)"),
    ("pagework", "reread_typed", "typed numbers read again (typedread)"),
    ("pagework", "typed_case", "typed case (typedcase)"),
    ("pagework", "drop_stroke_colons", "typed colons (typedcolon)"),
    ("pagework", "typed_capitals", "typed capitals (typedcaps)"),
    ("pagework", "page_blocks", "the page's blocks (unreadblocks.page_blocks)"),
    ("pagework", "read_unread", "blocks left unread (unreadblocks.read_unread)"),
    ("pagework", "read_lines", "lines left unread (unreadlines.read_lines)"),
    ("namezone", "read_zone", "the name's zone read (namezone)"),
    ("nameread", "page_footer", "the signature block found (nameread.page_footer)"),
    ("pagework", "keep_first_readings", "faded date's first readings (fadedread.keep_first_readings)"),
]

#: Second readings inside ``pagework._read`` and beside it in ``process_page`` whose own CPU ``_exclusive`` gives
#: without the engine's calls they make (``recognize`` inside them: the engine's, the image's, the word walk's).
_IN_READ = ("hooks read again (hookread)", "specks read again (speckread)", "spans read again (spanread)",
            "faded words read again (fadedread)", "typed numbers read again (typedread)", "typed case (typedcase)",
            "typed colons (typedcolon)", "typed capitals (typedcaps)")
_IN_PAGE = ("the page's blocks (unreadblocks.page_blocks)", "blocks left unread (unreadblocks.read_unread)",
            "lines left unread (unreadlines.read_lines)", "the name's zone read (namezone)",
            "faded date's first readings (fadedread.keep_first_readings)")


#: Clocks given inclusive only: their work lies inside pieces the exclusive split has (the summary in ``recognize``'s,
#: the crops' readings in the two boxes read again, the signature block in the name's reading or, found once for it
#: and the name's zone since session 41, in ``process_page``'s own).
INCLUSIVE_ONLY = ("summary (_summarise, with the post-correction)", "read_alone (engine, the two boxes)",
                  "the signature block found (nameread.page_footer)")


def _exclusive(acc: dict[str, float], rec_in: dict[str, float] | None = None) -> dict[str, float]:
    """The split that adds up: the engine (Tesseract's recognition) and each piece beside it without its children.
    ``rec_in``: the ``recognize`` CPU inside each piece (:func:`pieces`), taken out of the pieces that call it."""
    g, r = acc.get, (rec_in or {}).get
    own = {k: g(k, 0.0) - r(k, 0.0) for k in _IN_READ + _IN_PAGE if k in acc}  # each second reading less its engine
    engine = g("_read", 0.0) - g("word walk", 0.0)
    recognize_beside = g("recognize (all calls)", 0.0) - g("_read", 0.0) - g("image to Tesseract (_set_image)", 0.0) \
        - g("post-correction (fix_words)", 0.0)
    reading = g("reading (pagework._read)", 0.0)
    rest_of_reading = reading - g("restoration (restore.prepare)", 0.0) \
        - g("read_prepared (tables, the engine's calls)", 0.0) - g("page number (found and read)", 0.0) \
        - g("words back on the page (restore.on_page)", 0.0) - g("faint page's debris (restore.faint_reading)", 0.0) \
        - sum(g(k, 0.0) for k in _IN_READ)
    # the engine's calls made inside read_prepared and the page number's reading (all of them before session 38)
    in_calls = g("read_prepared (tables, the engine's calls)", 0.0) + g("page number (found and read)", 0.0) \
        - g("page number's search (pagenumber.find)", 0.0) - g("recognize (all calls)", 0.0) \
        + sum(r(k, 0.0) for k in _IN_READ + _IN_PAGE)
    ruled = g("detect with the rules' tilt (ruledtilt.detect)", 0.0)
    orient_own = g("orient (with its readings)", 0.0) - reading - g("turn (apply)", 0.0)
    named = ["load", "detect (orientation + deskew)", "turn (apply)", "restoration (restore.prepare)",
             "image to Tesseract (_set_image)", "word walk", "post-correction (fix_words)",
             "page number's search (pagenumber.find)", "words back on the page (restore.on_page)",
             "faint page's debris (restore.faint_reading)", "text or image (notext.judge)",
             "number's box read again (numberread)", "date's year read again (dateread)",
             "signer's name line read again (nameread)",
             "marks' heights (markheight)", "report image"]
    out = {"engine (_read - word walk)": engine, **{k: g(k, 0.0) for k in named},
           **({"the rules' tilt (ruledtilt.detect - detect)": ruled - g("detect (orientation + deskew)", 0.0)}
              if ruled else {}), **own,
           "recognize beside _read, the image and the post-correction (summary, Clear)": recognize_beside,
           "read_prepared and the number's reading beside recognize (tables, crops, merge)": in_calls,
           "_read beside its calls": rest_of_reading, "orient beside its readings": orient_own}
    out["process_page beside all of these"] = g("page stage (process_page)", 0.0) - sum(out.values())
    out["beside the engine (process_page - engine)"] = g("page stage (process_page)", 0.0) - engine
    return out


def pieces(folder: Path, rounds: int = 1, each: bool = False) -> dict:
    """CPU seconds a page of the page stage's pieces: ``inclusive`` (a piece's children also in it) and
    ``exclusive`` (:func:`_exclusive`: the engine and each piece beside it alone, adding up to the page stage).
    ``each``: also per folder the pages' files are in (the mixed corpus's formats), under "all" the whole."""
    from importlib import import_module

    from archivist import pagework
    from archivist.discover import discover
    from archivist.models import PageTask, Settings

    acc: dict[str, float] = defaultdict(float)
    rec_in: dict[str, float] = defaultdict(float)  # recognize's CPU inside each piece that is running
    calls: dict[str, int] = defaultdict(int)
    active: list[str] = []

    def wrap(owner, name: str, label: str) -> None:
        fn = getattr(owner, name)

        def run(*a, **k):
            c = time.process_time()
            active.append(label)
            try:
                return fn(*a, **k)
            finally:
                active.pop()
                dt = time.process_time() - c
                acc[label] += dt
                calls[label] += 1
                if label == "recognize (all calls)":
                    for outer in set(active):
                        rec_in[outer] += dt
        setattr(owner, name, run)

    package = Path(pagework.__file__).parent
    for where, name, label in _PIECES:
        mod, _, cls = where.partition(".")
        if not (package / f"{mod}.py").is_file():  # not in this tree (the installed archivist may hold it: not it)
            continue
        owner = import_module(f"archivist.{mod}")
        owner = getattr(owner, cls) if cls else owner
        if hasattr(owner, name):  # a piece a tree does not have yet is left out
            wrap(owner, name, label)
    pagework.init_worker()
    pagework.preload_engine()
    s = Settings()
    tasks = [PageTask(i, n, ref, s.ocr_engine, s.lang, s.force_ocr, s.layout)
             for i, d in enumerate(discover([folder])[0]) for n, ref in enumerate(d.pages, 1)]
    pagework.process_page(tasks[0])  # first-call costs out of the figures
    groups: dict[str, list] = defaultdict(list)  # by the folder under FOLDER each page's file is in (its format)
    for t in tasks:
        groups[t.ref.path.parent.name if each else "all"].append(t)
    totals: dict[str, list[dict]] = {g: [defaultdict(float), defaultdict(float), defaultdict(int)] for g in groups}
    for _ in range(rounds):
        for g, group in groups.items():  # each group's pages one after another, its clocks kept apart
            acc.clear(), rec_in.clear(), calls.clear()
            c = time.process_time()
            for t in group:
                pagework.process_page(t)
            acc["page stage (process_page)"] = time.process_time() - c
            for into, got in zip(totals[g], (acc, rec_in, calls), strict=True):
                for k, v in got.items():
                    into[k] += v
    out = {g: _per_page(*totals[g], len(groups[g]) * rounds) for g in groups}
    if not each:
        return out["all"]
    return {"all": _per_page(*(_summed([totals[g][i] for g in groups]) for i in range(3)), len(tasks) * rounds),
            **out}


def _summed(dicts: list[dict]) -> dict:
    out: dict = defaultdict(float)
    for d in dicts:
        for k, v in d.items():
            out[k] += v
    return out


def _per_page(acc: dict[str, float], rec_in: dict[str, float], calls: dict[str, int], n: int) -> dict:
    """CPU seconds (and calls) a page of ``n`` pages' clocks: inclusive, exclusive, ``recognize`` inside each."""
    per_page = {k: round(v / n, 4) for k, v in sorted(acc.items(), key=lambda kv: -kv[1])}
    exclusive = {k: round(v / n, 4) for k, v in _exclusive(acc, rec_in).items()}
    return {"pages": n, "inclusive": per_page, "exclusive": exclusive,
            "recognize_inside": {k: round(v / n, 4) for k, v in rec_in.items()},
            "calls": {k: round(v / n, 3) for k, v in calls.items()}}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) == 4 and args[0] == "roles":
        out = Path(args[3])
        out.mkdir(parents=True, exist_ok=True)
        print(json.dumps(roles(Path(args[1]).resolve(), Path(args[2]), out)))
    elif len(args) in (2, 3, 4) and args[0] == "pieces" and args[3:] in ([], ["each"]):
        print(json.dumps(pieces(Path(args[1]), int(args[2]) if len(args) >= 3 else 1, args[3:] == ["each"]),
                         indent=1))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
