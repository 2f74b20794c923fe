"""CPU seconds of this process and of the programs it ran, for the per-page stage timings.

Why beside the wall clock: the office PC runs other work, and the benchmark machine is shared by
several jobs, so a stage's wall time says as much about the neighbours as about the stage. CPU
seconds count only this process's own work. The children's share is included because the command
line engine (``--ocr-engine cli``) and OSD's fallback run Tesseract as a program.
"""

from __future__ import annotations

import os
import time


def cpu_seconds() -> float:
    """User + system seconds of this process (to the nanosecond: ``os.times`` counts in 10 ms ticks, coarse
    for a 5 ms stage) and of its finished children so far."""
    t = os.times()
    return time.process_time() + t.children_user + t.children_system


class StageClock:
    """Wall and CPU seconds per stage of one page (``pipeline.process_page``). The record keeps both: wall
    time is what the user waits, CPU time (``cpu_<stage>``) is the stage's own cost whatever else the
    machine runs."""

    def __init__(self, stages: tuple[str, ...]) -> None:
        self.wall = dict.fromkeys(stages, 0.0)
        self.cpu = dict.fromkeys(stages, 0.0)
        self._last = (time.perf_counter(), cpu_seconds())

    def lap(self, stage: str) -> None:
        """The time since the last lap goes to ``stage``."""
        now = (time.perf_counter(), cpu_seconds())
        self.wall[stage] += now[0] - self._last[0]
        self.cpu[stage] += now[1] - self._last[1]
        self._last = now

    def take(self, stage: str, wall: float, cpu: float) -> None:
        """Time measured inside the coming lap that belongs to ``stage`` rather than to that lap's (the
        orientation checks, OSD and the extra readings, happen inside the OCR stage)."""
        self.wall[stage] += wall
        self.cpu[stage] += cpu
        self._last = (self._last[0] + wall, self._last[1] + cpu)

    def timings(self) -> dict[str, float]:
        return {**{k: round(v, 4) for k, v in self.wall.items()},
                **{f"cpu_{k}": round(v, 4) for k, v in self.cpu.items()}}
