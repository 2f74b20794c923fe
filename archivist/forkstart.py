"""When the local page workers' fork server starts: as early as the command line shows a local pool is wanted.

The server imports the page stage and loads the OCR model (about 1.3 s); started from the command's words,
before the CLI's own imports, that cost overlaps the rest of the command's start-up instead of following it.
Kept apart from archivist/executor.py (where page tasks run) because the CLI calls it before anything else.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


#: What the fork server imports before it forks a worker: the page stage with the OCR model loaded
#: (archivist/warm.py), so no worker's first page waits for either.
PRELOAD = ("archivist.warm",)
#: What the ``archivist`` command's fork server imports besides: multiprocessing runs the command's script again
#: in every worker as its main module (``archivist`` imports archivist.cli, and with it click), 0.01 CPU s a
#: worker; imported once in the server, each worker finds it done. Only for the command: a library caller's
#: workers run the caller's own script instead.
CLI_PRELOAD = (*PRELOAD, "archivist.cli")


def command_preload() -> tuple[str, ...]:
    """What the command's fork server imports: :data:`CLI_PRELOAD`, but :data:`PRELOAD` when the command runs as
    ``python -m archivist.cli``: multiprocessing then imports archivist.cli in the server itself, as its
    ``__mp_main__``, and runpy warns on stderr when it finds the module imported already."""
    spec = getattr(sys.modules.get("__main__"), "__spec__", None)
    return PRELOAD if spec is not None and spec.name == "archivist.cli" else CLI_PRELOAD


@contextmanager
def parent_import_path() -> Iterator[None]:
    """While it lasts, a Python started from this process imports from this process's ``sys.path``, in its order,
    and not from the current folder first.

    Why: Python 3.11's fork server is started as ``python -c 'from multiprocessing.forkserver import main; …'``,
    so its ``sys.path`` opens with the current folder (``''``), and ``main`` takes the parent's ``sys_path`` but
    never applies it before importing :data:`PRELOAD`. Started from a folder that holds an ``archivist`` package
    (another checkout, an unpacked older release), the server imported *that* package's page stage while the
    command ran the installed one, and every worker forked from the server with it (seen in session 39 with
    ``bench/accuracy.py`` started inside another worktree; an installed ``archivist process --workers 2`` run
    from such a folder did the same, tests/test_forkserver_path.py). ``PYTHONSAFEPATH`` (3.11) keeps the current
    folder out; ``PYTHONPATH`` puts the parent's entries first, in order (``''``, the folder the parent imported
    from, made absolute), so the server finds what the parent found. Both are restored after: only the server's
    start sees them (its workers inherit them, and start no Python of their own)."""
    saved = {k: os.environ.get(k) for k in ("PYTHONPATH", "PYTHONSAFEPATH")}
    os.environ["PYTHONPATH"] = os.pathsep.join(os.path.abspath(p) if p else os.getcwd() for p in sys.path)
    os.environ["PYTHONSAFEPATH"] = "1"
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def forkserver_context(preload: Sequence[str] = PRELOAD) -> multiprocessing.context.BaseContext:
    """The fork server's context, its server started now (if it is not running) with ``preload`` imported from
    this process's own import path (:func:`parent_import_path`), so the workers run the code the caller runs."""
    from multiprocessing import forkserver

    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(list(preload))
    with parent_import_path():
        forkserver.ensure_running()
    return ctx


def start_early(workers: int, kind: str = "local", timeout: float = 0.0, preload: Sequence[str] = PRELOAD) -> None:
    """Start the fork server now, when :func:`archivist.executor.make_executor` will make a local pool: its imports and
    model load (about 1.3 s) then overlap the caller's own start-up instead of following it. ``preload``: what
    the server imports (the command gives :func:`command_preload`)."""
    if kind == "local" and (workers > 1 or timeout > 0):
        os.environ["OMP_THREAD_LIMIT"] = "1"
        forkserver_context(preload)


def _option(args: list[str], names: tuple[str, ...], default: str) -> str:
    """The last value given to one of ``names`` (``--name V``, ``--name=V``, ``-nV``), else ``default``."""
    value = default
    for i, a in enumerate(args):
        for name in names:
            if a == name and i + 1 < len(args):
                value = args[i + 1]
            elif a.startswith(f"{name}=") or (len(name) == 2 and a.startswith(name) and len(a) > 2):
                value = a[len(name) + (a[len(name)] == "="):]
    return value


def early_options(args: list[str]) -> tuple[int, float] | None:
    """``(workers, page timeout)`` of an ``archivist process`` command line whose pages plainly run in a local
    pool, read from the words alone; None for any other command, for help, or when a value cannot be read
    (the parsed options then decide, as before)."""
    if not args or args[0] != "process" or any(a in ("-h", "--help") for a in args):
        return None
    try:
        workers = int(_option(args, ("--workers", "-w"), str(default_workers())))
        timeout = float(_option(args, ("--page-timeout",), "600"))
    except ValueError:
        return None
    if (_option(args, ("--executor",), "local") != "local" or _option(args, ("--scheduler",), "")
            or not (workers > 1 or timeout > 0)):
        return None
    return workers, timeout


def start_early_for(args: list[str]) -> bool:
    """Start the fork server from the command line alone, before the CLI's own imports (click, the archive
    store, the schemas: 0.13-0.2 s of a short batch's critical path, spent before :func:`start_early` could
    run from the parsed options). Returns whether it started it (see :func:`early_options`)."""
    if multiprocessing.current_process().name != "MainProcess":
        return False  # a worker re-importing ``python -m archivist.cli`` as its __mp_main__: not a command
    found = early_options(args)
    if found is not None:
        start_early(found[0], "local", found[1], command_preload())
    return found is not None
