"""Where page tasks run: in this process, in a local process pool, or on a Dask cluster.

The pipeline hands an executor an iterator of page tasks and reads results back as they finish.
Only a bounded number of tasks is in flight at once, so a 2,000-page batch never has more than
a few pages' pixels in memory, whatever the executor.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


class InlineExecutor:
    """Run each task in this process: no start-up cost, easiest to debug (``--workers 1``)."""

    def __init__(self, initializer: Callable[[], None] | None = None) -> None:
        if initializer:
            initializer()

    def map_unordered(self, fn: Callable[[T], R], tasks: Iterable[T]) -> Iterator[tuple[T, R]]:
        for task in tasks:
            yield task, fn(task)

    def close(self) -> None:
        pass


class PoolExecutor:
    """A local process pool; Tesseract is pinned to one thread per process (OMP_THREAD_LIMIT=1)."""

    def __init__(self, workers: int, initializer: Callable[[], None] | None = None) -> None:
        os.environ["OMP_THREAD_LIMIT"] = "1"
        self.workers = workers
        # Workers come from a fork server, not from a fork of this process: a process that already
        # runs threads (OpenCV's pool, a Dask client, a test runner) can be forked while one of them
        # holds a lock, and the child then waits on it forever. That hang was seen here. The server
        # imports the page stage once, so each worker starts warm.
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["archivist.pipeline"])
        self.pool = ProcessPoolExecutor(max_workers=workers, initializer=initializer, mp_context=ctx)

    def map_unordered(self, fn: Callable[[T], R], tasks: Iterable[T]) -> Iterator[tuple[T, R]]:
        limit = self.workers * 2
        it = iter(tasks)
        pending: dict[Future[Any], T] = {}
        exhausted = False
        while pending or not exhausted:
            while not exhausted and len(pending) < limit:
                try:
                    task = next(it)
                except StopIteration:
                    exhausted = True
                    break
                pending[self.pool.submit(fn, task)] = task
            if not pending:
                break
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                task = pending.pop(fut)
                yield task, fut.result()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class DaskExecutor:
    """Page tasks on a dask.distributed cluster: a province's PCs, or a LocalCluster here.

    Workers must see the input files and run the same archivist version; results come back to
    this process, which alone writes the archive, so records are identical to a local run.
    """

    def __init__(self, scheduler: str | None, workers: int,
                 initializer: Callable[[], None] | None = None) -> None:
        from distributed import Client, LocalCluster

        self.cluster = None
        if scheduler is None:
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None, host="127.0.0.1")
            self.client = Client(self.cluster)
        else:
            self.client = Client(scheduler, timeout="30s")
        if initializer:
            self.client.run(initializer)
        self.slots = max(1, sum(self.client.nthreads().values()))

    def map_unordered(self, fn: Callable[[T], R], tasks: Iterable[T]) -> Iterator[tuple[T, R]]:
        from distributed import as_completed

        it = iter(tasks)
        keys: dict[str, T] = {}
        ac = as_completed()
        for task in it:
            fut = self.client.submit(fn, task, pure=False)
            keys[fut.key] = task
            ac.add(fut)
            if len(keys) >= 2 * self.slots:
                break
        for fut in ac:
            task = keys.pop(fut.key)
            yield task, fut.result()
            fut.release()
            nxt = next(it, None)
            if nxt is not None:
                new = self.client.submit(fn, nxt, pure=False)
                keys[new.key] = nxt
                ac.add(new)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


Executor = InlineExecutor | PoolExecutor | DaskExecutor


def make_executor(workers: int, initializer: Callable[[], None] | None = None, kind: str = "local",
                  scheduler: str | None = None) -> Executor:
    """``kind`` is "local" (process pool, or inline for one worker), "dask-local" or "dask"."""
    if kind == "dask":
        if not scheduler:
            raise ValueError("--executor dask needs --scheduler tcp://HOST:PORT")
        return DaskExecutor(scheduler, workers, initializer)
    if kind == "dask-local":
        return DaskExecutor(None, workers, initializer)
    if workers <= 1:
        return InlineExecutor(initializer)
    return PoolExecutor(workers, initializer)
