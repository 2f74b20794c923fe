"""Where page tasks run: in this process, in local worker processes, or on a Dask cluster.

The pipeline hands an executor an iterator of page tasks and reads results back as they finish.
Only a bounded number of tasks is in flight at once, so a 2,000-page batch never has more than
a few pages' pixels in memory, whatever the executor.

No page may hold a batch hostage. Each local worker process reads one page at a time and this
process knows which page each one is on and since when: a page past ``timeout`` seconds (a scan on
which Tesseract loops) is stopped by stopping its process, which is replaced, and the page fails
alone with a line saying so. A worker that dies (out of memory) fails its page the same way. On
Dask, a page past its time (from when a worker started it) is cancelled, a page whose workers keep
dying fails alone, and a cluster left without workers (or a scheduler that went away) ends the batch
with one line instead of a wait without end. ``on_error(task, reason)`` turns each of these into the
pipeline's failure value.
"""

from __future__ import annotations

import logging
import os
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, TypeVar

from .errors import ServiceUnavailable, one_line
from .forkstart import forkserver_context

T = TypeVar("T")
R = TypeVar("R")
OnError = Callable[[Any, str], Any]

#: Seconds a Dask cluster may stay without a worker before the batch gives up on it.
NO_WORKERS_GRACE = float(os.environ.get("ARCHIVIST_NO_WORKERS_GRACE", "60"))


def _timeout_reason(timeout: float) -> str:
    return (f"the page took longer than {timeout:g} s and was stopped (--page-timeout); the rest of the batch "
            "went on")


class InlineExecutor:
    """Run each task in this process: no start-up cost, easiest to debug; no time limit (``--workers 1``
    with ``--page-timeout 0``)."""

    def __init__(self, initializer: Callable[[], None] | None = None) -> None:
        if initializer:
            initializer()

    def map_unordered(self, fn: Callable[[T], R], tasks: Iterable[T],
                      on_error: OnError | None = None) -> Iterator[tuple[T, R]]:
        for task in tasks:
            yield task, fn(task)

    def close(self) -> None:
        pass


class _Raised:
    """What a worker sends back when the task function raised instead of returning."""

    def __init__(self, e: BaseException) -> None:
        self.reason = f"unexpected error: {type(e).__name__}: {e}"


def _worker_main(conn: Connection, initializer: Callable[[], None] | None) -> None:
    """A worker: read one (function, task) at a time, send its result back; None ends it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the batch's to handle: it stops us cleanly
    if initializer:
        initializer()
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        fn, task = msg
        try:
            result = fn(task)
        except Exception as e:  # noqa: BLE001 - reported as this task's failure
            result = _Raised(e)
        conn.send(result)


@dataclass(eq=False)
class _Worker:
    process: Any
    conn: Connection
    task: Any = None
    started: float = 0.0


class PoolExecutor:
    """Local worker processes, one page each at a time; Tesseract pinned to one thread per process."""

    def __init__(self, workers: int, initializer: Callable[[], None] | None = None, timeout: float = 0.0) -> None:
        os.environ["OMP_THREAD_LIMIT"] = "1"
        # Workers come from a fork server, not from a fork of this process: a process that already
        # runs threads (OpenCV's pool, a Dask client, a test runner) can be forked while one of them
        # holds a lock, and the child then waits on it forever. That hang was seen here. The server
        # imports the page stage and loads the OCR model once (forkstart.PRELOAD), so each worker starts warm.
        self.ctx = forkserver_context()
        self.initializer = initializer
        self.timeout = timeout
        self.workers = [self._spawn() for _ in range(workers)]

    def _spawn(self) -> _Worker:
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=_worker_main, args=(child, self.initializer), daemon=True)
        proc.start()
        child.close()
        return _Worker(proc, parent)

    def _replace(self, w: _Worker) -> None:
        w.process.kill()
        w.process.join(5)
        w.conn.close()
        self.workers[self.workers.index(w)] = self._spawn()

    def map_unordered(self, fn: Callable[[T], R], tasks: Iterable[T],
                      on_error: OnError | None = None) -> Iterator[tuple[T, R]]:
        fail = on_error or (lambda task, reason: RuntimeError(reason))
        it = iter(tasks)
        exhausted = False
        while True:
            for w in self.workers:
                if w.task is None and not exhausted:
                    try:
                        task = next(it)
                    except StopIteration:
                        exhausted = True
                        break
                    w.conn.send((fn, task))
                    w.task, w.started = task, time.monotonic()
            busy = [w for w in self.workers if w.task is not None]
            if not busy:
                return
            wait_for = None
            if self.timeout > 0:
                wait_for = max(0.0, min(w.started for w in busy) + self.timeout - time.monotonic())
            ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], wait_for))
            for w in busy:
                task = w.task
                if w.conn in ready:
                    try:
                        result = w.conn.recv()
                    except (EOFError, OSError):
                        self._replace(w)
                        yield task, fail(task, "the process reading this page stopped unexpectedly (out of memory?)")
                        continue
                    w.task = None
                    yield task, (fail(task, result.reason) if isinstance(result, _Raised) else result)
                elif w.process.sentinel in ready:
                    self._replace(w)
                    yield task, fail(task, "the process reading this page stopped unexpectedly (out of memory?)")
                elif self.timeout > 0 and time.monotonic() - w.started >= self.timeout:
                    self._replace(w)
                    yield task, fail(task, _timeout_reason(self.timeout))

    def close(self) -> None:
        for w in self.workers:
            try:
                w.conn.send(None)
            except OSError:
                pass
        deadline = time.monotonic() + 5
        for w in self.workers:
            w.process.join(max(0.0, deadline - time.monotonic()))
            if w.process.is_alive():
                w.process.kill()
                w.process.join(5)
            w.conn.close()


class ResultLost(Exception):
    """A page's result went with the worker that held it before this process fetched it."""


def fetch_result(fut: Any, workers: Callable[[], int], first_wait: float = 2.0) -> Any:
    """The result of a future Dask has called finished, or :class:`ResultLost` once it is not any more.

    A finished page's result stays on its worker until this process fetches it. A worker that leaves in between
    (a cluster scaled down, a PC switched off) takes it along: Dask then calls the future lost and would compute the
    page again on another worker, so a plain ``fut.result()`` waits for a worker that may never come, and the
    batch never learned that its cluster had none left (seen: a worker asked to leave half a second after a page was
    written, the batch still waiting 120 s later). The wait is bounded instead: while the future is still finished
    (a big result on a slow network) the bound doubles; once it is lost, the caller counts the page unfinished and
    its cluster's workers decide, as for any page not yet read; so it does when the cluster has no worker left
    (``workers()``, its count) before Dask calls the future lost.
    """
    wait_for = first_wait
    while True:
        try:
            return fut.result(timeout=wait_for)
        except TimeoutError:
            if fut.status == "error":  # the page's own TimeoutError, raised on its worker: its failure
                raise
            if fut.status != "finished" or workers() == 0:
                raise ResultLost(fut.key) from None
            wait_for *= 2


class DaskExecutor:
    """Page tasks on a dask.distributed cluster: a province's PCs, or a LocalCluster here.

    Workers must see the input files and run the same archivist version; results come back to
    this process, which alone writes the archive, so records are identical to a local run.
    """

    def __init__(self, scheduler: str | None, workers: int, initializer: Callable[[], None] | None = None,
                 timeout: float = 0.0, no_workers_grace: float = NO_WORKERS_GRACE) -> None:
        from distributed import Client, LocalCluster

        self.cluster = None
        # The client logs its own failed reconnection as tracebacks on stderr; a lost scheduler is said here in
        # one line instead (:meth:`_lost`), with what to do.
        logging.getLogger("distributed.client").setLevel(logging.CRITICAL)
        self.timeout = timeout
        self.grace = no_workers_grace
        self.where = scheduler or "a local Dask cluster"
        try:
            if scheduler is None:
                self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                            dashboard_address=None, host="127.0.0.1")
                self.client = Client(self.cluster)
            else:
                self.client = Client(scheduler, timeout="15s")
            if initializer:  # on every worker, also one started (or restarted after a crash) during the batch
                from .daskplugin import SetUp

                self.client.register_plugin(SetUp(initializer), name="archivist-set-up")
        except (OSError, TimeoutError) as e:
            self.close()
            raise ServiceUnavailable(f"cannot reach the Dask scheduler at {self.where}: {one_line(e)}; check that "
                                     "'dask scheduler' runs there and the address is right") from None
        self.slots = max(1, sum(self.client.nthreads().values()))

    def _lost(self, reason: str) -> ServiceUnavailable:
        return ServiceUnavailable(f"lost the Dask scheduler at {self.where} ({reason}): start 'dask scheduler' "
                                  "and its workers again, then run the same command again; finished documents are "
                                  "kept")

    def _connected(self) -> bool:
        return self.client.status == "running"

    def _running(self) -> set[Any]:
        """The keys of the tasks the cluster's workers are running now (``processing`` would also give the next
        one a worker holds in its queue behind another batch's page)."""
        try:
            return {key for stacks in self.client.call_stack().values() for key in stacks}
        except (OSError, TimeoutError):
            # The scheduler asks each worker in turn; one that leaves meanwhile fails the whole call (and the
            # scheduler closes this connection with it: "Stream is closed"), though the scheduler is there. Only
            # a scheduler that does not answer is lost (``_workers`` says so); otherwise no page started this time.
            self._workers()
            return set()

    def _workers(self) -> int:
        try:
            return len(self.client.scheduler_info().get("workers") or {})
        except (OSError, TimeoutError) as e:
            raise self._lost(one_line(e)) from None

    def map_unordered(self, fn: Callable[[T], R], tasks: Iterable[T],
                      on_error: OnError | None = None) -> Iterator[tuple[T, R]]:
        from distributed import wait as dwait

        fail = on_error or (lambda task, reason: RuntimeError(reason))
        it = iter(tasks)
        pending: dict[Any, tuple[T, float | None]] = {}  # each page and since when a worker has had it
        exhausted = False
        alone_since: float | None = None
        while True:
            while not exhausted and len(pending) < 2 * self.slots:
                try:
                    task = next(it)
                except StopIteration:
                    exhausted = True
                    break
                pending[self.client.submit(fn, task, pure=False)] = (task, None)
            if not pending:
                return
            try:
                done, _ = dwait(list(pending), timeout=2.0, return_when="FIRST_COMPLETED")
            except TimeoutError:
                done = set()
            except OSError as e:
                raise self._lost(one_line(e)) from None
            except CancelledError:  # the scheduler went away and took the pages in flight with it
                if not self._connected():
                    raise self._lost("the connection to it was closed") from None
                done = {fut for fut in pending if fut.done()}
            for fut in done:
                task, _ = pending.pop(fut)
                try:
                    result = fetch_result(fut, self._workers)
                except ResultLost:  # went with its worker: unfinished, computed again if a worker comes
                    pending[fut] = (task, None)
                    continue
                except Exception as e:  # noqa: BLE001 - a task that failed on its worker fails its page alone
                    if not self._connected():  # not the page's fault: it is unfinished, not failed
                        raise self._lost("the connection to it was closed") from None
                    result = fail(task, f"the Dask worker could not process this page ({one_line(e)})")
                fut.release()
                yield task, result
            now = time.monotonic()
            if self.timeout > 0:
                # A page's time counts from when a worker started it, not from when it was sent: on a cluster that
                # several communes' batches share, a page may wait its turn behind theirs for minutes.
                running = self._running() if any(since is None for _, since in pending.values()) else set()
                for fut, (task, since) in list(pending.items()):
                    if since is None:
                        if fut.key in running:
                            pending[fut] = (task, now)
                    elif now - since > self.timeout:
                        pending.pop(fut)
                        fut.cancel()
                        yield task, fail(task, _timeout_reason(self.timeout))
            if not done:
                if self.client.status in ("closing", "closed"):  # gave up reconnecting, whatever the futures say
                    raise self._lost("the connection to it was closed")
                alone_since = (alone_since or now) if self._workers() == 0 else None
                if alone_since is not None and now - alone_since > self.grace:
                    raise ServiceUnavailable(
                        f"the Dask cluster at {self.where} has had no workers for {self.grace:g} s: start workers "
                        "('dask worker …') and run the same command again; finished documents are kept")

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            try:
                client.close(timeout=10)
            except (OSError, TimeoutError, CancelledError):
                pass  # a scheduler already gone: nothing left to close there
        if self.cluster is not None:
            self.cluster.close()


Executor = InlineExecutor | PoolExecutor | DaskExecutor


def make_executor(workers: int, initializer: Callable[[], None] | None = None, kind: str = "local",
                  scheduler: str | None = None, timeout: float = 0.0) -> Executor:
    """``kind`` is "local" (worker processes; inline for one worker without a time limit), "dask-local"
    or "dask". ``timeout`` is the seconds one page may take (0: no limit)."""
    if kind == "dask":
        if not scheduler:
            raise ValueError("--executor dask needs --scheduler tcp://HOST:PORT")
        return DaskExecutor(scheduler, workers, initializer, timeout)
    if kind == "dask-local":
        return DaskExecutor(None, workers, initializer, timeout)
    if workers <= 1 and timeout <= 0:
        return InlineExecutor(initializer)
    return PoolExecutor(workers, initializer, timeout)
