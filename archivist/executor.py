"""Where page tasks run: in this process, in a local process pool, or (later) on a Dask cluster.

The pipeline hands an executor an iterator of page tasks and reads results back as they finish.
Only a bounded number of tasks is in flight at once, so a 2,000-page batch never has more than
a few pages' pixels in memory, whatever the executor.
"""

from __future__ import annotations

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
        self.pool = ProcessPoolExecutor(max_workers=workers, initializer=initializer)

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


def make_executor(workers: int, initializer: Callable[[], None] | None = None) -> InlineExecutor | PoolExecutor:
    if workers <= 1:
        return InlineExecutor(initializer)
    return PoolExecutor(workers, initializer)
