"""Timing a benchmark's processes: wall seconds, CPU seconds and peak memory of a command and its children.

Why a module of its own: every bench that compares tools (bench/harness.py, bench/formats.py,
bench/batch_size.py, bench/main_cpu.py) must count CPU the same way, or their ratios would not compare.
getrusage alone misses a pool's workers forked by a fork server (they are not the bench's children), so a
command's process tree is also sampled (:class:`MemoryWatch`) and the larger of the two counts is used.
"""

from __future__ import annotations

import resource
import subprocess
import threading
import time

import psutil


class MemoryWatch:
    """Peak resident memory of a process tree, sampled every 50 ms."""

    def __init__(self, pid: int) -> None:
        self.proc = psutil.Process(pid)
        self.total = 0
        self.single = 0
        self.cpu: dict[int, float] = {}  # last user+system seconds seen per process of the tree
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)
        self._t.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                procs = [self.proc, *self.proc.children(recursive=True)]
                rss = []
                for p in procs:
                    try:
                        rss.append(p.memory_info().rss)
                        t = p.cpu_times()
                        self.cpu[p.pid] = t.user + t.system
                    except psutil.Error:
                        pass
                if rss:
                    self.total = max(self.total, sum(rss))
                    self.single = max(self.single, max(rss))
            except psutil.Error:
                pass
            self._stop.wait(0.05)

    def stop(self) -> None:
        self._stop.set()
        self._t.join()

    @property
    def cpu_seconds(self) -> float:
        """CPU of every process seen, to the last sample. Needed beside getrusage: pool workers forked
        by a fork server are not this harness's children, so getrusage never counts them."""
        return sum(self.cpu.values())


class cpu_clock:  # noqa: N801 - used as a context manager, like a function
    """CPU seconds (user + system) of the child processes finished inside the ``with`` block: every
    Tesseract the raw runs start, a command and the processes it waited for. A pool's workers forked
    by a fork server are counted only if that server waits for them, hence also MemoryWatch's sum."""

    def __enter__(self) -> cpu_clock:
        self.seconds = 0.0
        self._start = self._now()
        return self

    def __exit__(self, *exc) -> None:
        self.seconds = self._now() - self._start

    @staticmethod
    def _now() -> float:
        r = resource.getrusage(resource.RUSAGE_CHILDREN)
        return r.ru_utime + r.ru_stime


def timed(cmd: list[str], env: dict | None = None) -> tuple[float, MemoryWatch, subprocess.CompletedProcess]:
    """Run ``cmd`` to its end: its wall seconds, the watch of its process tree, and what it printed."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    watch = MemoryWatch(p.pid)
    out, err = p.communicate()
    watch.stop()
    return time.perf_counter() - t0, watch, subprocess.CompletedProcess(cmd, p.returncode, out, err)
