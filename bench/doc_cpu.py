"""The main process of ``archivist process`` piece by piece, by CPU, the page stage set aside (issue 16, session 42).

Why a bench of its own: the harness gives the document stage (``pipeline._finish``: split, classify, extract, the
flags, the PDF/A, the record, the index row, the report's images) as one figure, 0.066-0.094 CPU s a page on its
6-document batches, and ``bench/main_cpu.py`` gives the main process as one figure a batch. Neither says which
piece costs what, and under a shared CPU the page stage's 1 s a page drowns a 5 ms cut. Here the pages are read
once (``cache``), and each format's batch is then run again and again as ``archivist process FOLDER --workers 1
--page-timeout 0`` with the page stage answered from that cache: what is left is exactly the main process's work
(its imports, the plan, the document stage, the manifests and reports), each piece wrapped with a
``time.process_time`` clock, no profiler (cProfile inflates Python loops 5-15 fold).

``cache CORPUS CACHE``
    Every page of each format folder of CORPUS read once by the page stage (in this process); each folder's
    ``PageResult`` objects pickled to ``CACHE/FORMAT.pickle``. Run with ``PYTHONPATH`` set to the tree whose
    pages you want (the records then hold what that tree reads).
``one CACHE FOLDER ARCHIVE OUT.json [plain]``
    One batch in this process, the CLI as a user runs it, pages from the cache. ``plain`` clocks the document
    stage and the main process only (what the harness clocks), to see what the pieces' clocks add.
``run CACHE CORPUS OUT NAME=TREE... [--rounds R] [--plain]``
    ``one`` for each format, each tree, in a fresh process each (``PYTHONPATH`` set to the tree), the order of the
    trees turned each round; then per tree the pieces' exclusive CPU ms a page, summed over the formats and by
    format (``OUT/doc_cpu.json``; a table on stdout). Each tree's modules are compiled to bytecode first, as the
    harness does (bench/bytecode.py).

    PYTHONPATH=TREE .venv/bin/python bench/doc_cpu.py cache /work/runs/speed42/h/corpus /work/runs/speed42/cache
    .venv/bin/python bench/doc_cpu.py run /work/runs/speed42/cache /work/runs/speed42/h/corpus OUT base=/x after=/y

A piece's clock is exclusive of the clocked pieces it calls (they add up, with what lies between them, to the
main process); the imports of archivist's modules are clocked as they happen (the document stage imports most of
its modules on its first document, as a real batch does), each as ``import archivist.NAME`` (third-party modules
they import are in it).
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import json
import os
import pickle
import subprocess
import sys
import time
import types
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: modules whose own functions and the archivist functions they import by name are clocked, each call
SPREAD = ("pipeline", "assemble", "extract", "classify", "commit", "pdfa", "record", "manifest", "htmlreport")
#: methods clocked by name (module, class, method)
METHODS = (("store", "ArchiveStore", "seal"), ("store", "ArchiveStore", "write_record"),
           ("store", "ArchiveStore", "load_record"), ("indexbase", "IndexBackend", "index_file"),
           ("reportimages", "PageImages", "store"), ("marks", "MarkRestorer", "__init__"))
#: functions called per word or per line from the modules above: a clock each call would cost more than they do
SKIP = {"archivist.pdfa._f", "archivist.pdfa.escape", "archivist.partfields._name_of"}

ACC: dict[str, float] = defaultdict(float)
INC: dict[str, float] = defaultdict(float)  # inclusive, a piece's outermost call only (not twice when it recurses)
CALLS: dict[str, int] = defaultdict(int)
FIRST: dict[str, float] = {}  # exclusive, a piece's first call (a batch's one-offs: tables loaded, lists read)
_STACK: list[float] = []
_ACTIVE: list[str] = []


def _clock(label: str, fn):
    """``fn`` with an exclusive clock: its CPU less that of the clocked pieces it calls."""
    def run(*a, **k):
        c = time.process_time()
        _STACK.append(0.0)
        _ACTIVE.append(label)
        try:
            return fn(*a, **k)
        finally:
            dt = time.process_time() - c
            inner = _STACK.pop()
            _ACTIVE.pop()
            ACC[label] += dt - inner
            FIRST.setdefault(label, dt - inner)
            if label not in _ACTIVE:
                INC[label] += dt
            CALLS[label] += 1
            if _STACK:
                _STACK[-1] += dt
    run.__wrapped__ = fn
    run._clocked = True  # type: ignore[attr-defined]
    return run


def _wrap_namespace(mod: types.ModuleType) -> None:
    """Clock the module's own functions and the archivist functions it imported by name (its callees)."""
    for name, obj in list(vars(mod).items()):
        if not isinstance(obj, types.FunctionType) or getattr(obj, "_clocked", False):
            continue
        label = f"{obj.__module__}.{obj.__qualname__}"
        if obj.__module__.startswith("archivist.") and label not in SKIP:
            setattr(mod, name, _clock(label, obj))


class _Hook(importlib.abc.MetaPathFinder):
    """Clocks each archivist module's import, then wraps its pieces (:data:`SPREAD`, :data:`METHODS`)."""

    def __init__(self, plain: bool) -> None:
        self.plain = plain

    def find_spec(self, name, path=None, target=None):
        if not name.startswith("archivist."):
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        inner, short, plain = spec.loader.exec_module, name.split(".", 1)[1], self.plain

        def exec_module(module):
            if not plain:
                _clock(f"import {name}", inner)(module)
            else:
                inner(module)
            if short == "pipeline":
                _answer_from_cache(module)
                if plain:
                    module._finish = _clock("archivist.pipeline._finish", module._finish)
            if plain:
                return
            if short in SPREAD:
                _wrap_namespace(module)
            for mod, cls, meth in METHODS:
                if mod == short:
                    owner = getattr(module, cls)
                    setattr(owner, meth, _clock(f"archivist.{mod}.{cls}.{meth}", getattr(owner, meth)))
        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


_CACHE: dict[tuple[str, int], object] = {}


def _answer_from_cache(pipeline: types.ModuleType) -> None:
    """The page stage answered from the cache (what the pages read is the cached tree's), no worker set up."""
    def process_page(task):
        return _CACHE[(str(task.ref.path), task.ref.index)]
    pipeline.process_page = process_page
    pipeline.init_worker = None


def one(cache: Path, folder: Path, archive: Path, out: Path, plain: bool = False) -> None:
    """One batch of ``folder`` as ``archivist process`` runs it, its pages from ``cache``; the clocks to ``out``."""
    c0 = time.process_time()
    sys.meta_path.insert(0, _Hook(plain))
    with open(cache / f"{folder.name}.pickle", "rb") as f:
        pages = pickle.load(f)
    _CACHE.update(pages)
    unpickle = time.process_time() - c0
    sys.argv = ["archivist", "process", str(folder), "--archive", str(archive), "--workers", "1",
                "--page-timeout", "0", "--pdfa", "1b", "--json"]
    c1 = time.process_time()
    code = 0
    saved = sys.stdout
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - the batch's JSON is not ours to print
    try:
        from archivist.cli import main
        main()
    except SystemExit as e:
        code = e.code or 0
    finally:
        sys.stdout.close()
        sys.stdout = saved
    total = time.process_time() - c1
    npages = sum(1 for _ in pages)
    tops = sorted({m.split(".")[0] for m in sys.modules if not m.startswith(("_", "archivist"))})
    out.write_text(json.dumps({"pages": npages, "exit": code, "main_cpu": round(total, 4), "modules": tops,
                               "unpickle_cpu": round(unpickle, 4), "acc": ACC, "inc": INC, "first": FIRST,
                               "calls": CALLS}), encoding="utf-8")


def cache(corpus: Path, to: Path) -> None:
    """Every page of each format folder read once by the page stage; the results pickled by folder."""
    from archivist import pagework
    from archivist.discover import discover
    from archivist.models import PageTask, Settings

    pagework.init_worker()
    s = Settings()
    to.mkdir(parents=True, exist_ok=True)
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        got = {}
        for d in discover([folder])[0]:
            for n, ref in enumerate(d.pages, 1):
                res = pagework.process_page(PageTask(0, n, ref, s.ocr_engine, s.lang, s.force_ocr, s.layout))
                got[(str(ref.path), ref.index)] = res
        with open(to / f"{folder.name}.pickle", "wb") as f:
            pickle.dump(got, f)
        print(f"{folder.name}: {len(got)} pages", file=sys.stderr)


def run(cache_dir: Path, corpus: Path, out: Path, trees: dict[str, Path], rounds: int, plain: bool) -> dict:
    """Each format's batch per tree per round, in a fresh process each; the figures summed per tree."""
    sys.path.insert(0, str(ROOT))  # this process imports no archivist: only the bench's own helper
    from bench.bytecode import compile_package

    for tree in trees.values():  # as the harness does: a tree without bytecode pays ≈ 0.2 CPU s a batch compiling
        compile_package(tree / "archivist")
    formats = sorted(p.name for p in corpus.iterdir() if p.is_dir())
    names = list(trees)
    got: dict[str, dict[str, list[dict]]] = {n: defaultdict(list) for n in names}
    for r in range(rounds):
        order = names[r % len(names):] + names[:r % len(names)]
        for fmt in formats:
            for name in order:
                where = out / f"{name}-{r + 1}" / fmt
                where.mkdir(parents=True, exist_ok=True)
                cmd = [sys.executable, str(Path(__file__).resolve()), "one", str(cache_dir), str(corpus / fmt),
                       str(where / "archive"), str(where / "clocks.json"), *(["plain"] if plain else [])]
                env = {**os.environ, "PYTHONPATH": str(trees[name])}
                subprocess.run(cmd, env=env, check=True, cwd="/tmp")
                got[name][fmt].append(json.loads((where / "clocks.json").read_text(encoding="utf-8")))
    summary = {n: _summarise(got[n]) for n in names}
    (out / "doc_cpu.json").write_text(json.dumps({"runs": got, "summary": summary}, indent=1), encoding="utf-8")
    return summary


def _summarise(by_format: dict[str, list[dict]]) -> dict:
    """Exclusive CPU ms a page per piece: over all formats (pages summed) and by format; the runs' mean."""
    def per_page(runs: list[dict]) -> dict[str, float]:
        pages = sum(r["pages"] for r in runs)
        acc: dict[str, float] = defaultdict(float)
        for r in runs:
            for k, v in r["acc"].items():
                acc[k] += v
            acc["main process (all)"] += r["main_cpu"]
        return {k: round(v / pages * 1000, 2) for k, v in sorted(acc.items(), key=lambda kv: -kv[1])}
    return {"all": per_page([r for runs in by_format.values() for r in runs]),
            **{fmt: per_page(runs) for fmt, runs in by_format.items()}}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) == 3 and args[0] == "cache":
        cache(Path(args[1]).resolve(), Path(args[2]))
    elif len(args) in (5, 6) and args[0] == "one" and args[5:] in ([], ["plain"]):
        one(Path(args[1]), Path(args[2]).resolve(), Path(args[3]), Path(args[4]), args[5:] == ["plain"])
    elif len(args) >= 5 and args[0] == "run":
        rest = args[4:]
        rounds = int(rest[rest.index("--rounds") + 1]) if "--rounds" in rest else 2
        trees = {n: Path(p).resolve() for n, _, p in (t.partition("=") for t in rest if "=" in t)}
        summary = run(Path(args[1]).resolve(), Path(args[2]).resolve(), Path(args[3]), trees, rounds,
                      "--plain" in rest)
        _table(summary)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


def _table(summary: dict) -> None:
    names = list(summary)
    keys = sorted({k for s in summary.values() for k in s["all"]}, key=lambda k: -summary[names[0]]["all"].get(k, 0))
    print("| piece, exclusive CPU ms a page | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    for k in keys[:60]:
        print(f"| {k} | " + " | ".join(f"{summary[n]['all'].get(k, 0):.2f}" for n in names) + " |")


if __name__ == "__main__":
    raise SystemExit(main())
