"""The per-stage clock of the page stage: wall and CPU seconds, a nested stage taken out of its lap."""

from __future__ import annotations

import time

from archivist.cputime import StageClock, cpu_seconds


def _spin(seconds: float) -> None:
    end = cpu_seconds() + seconds
    while cpu_seconds() < end:
        pass


def test_laps_and_a_nested_stage_taken_out_of_its_lap() -> None:
    clock = StageClock(("load", "ocr", "orient", "idle"))
    _spin(0.05)
    clock.lap("load")
    _spin(0.05)
    clock.take("orient", 0.02, 0.02)  # measured inside the coming "ocr" lap, as orient.py does
    clock.lap("ocr")
    time.sleep(0.05)  # waiting costs wall time, not CPU
    clock.lap("idle")
    t = clock.timings()
    assert set(t) == {"load", "ocr", "orient", "idle", "cpu_load", "cpu_ocr", "cpu_orient", "cpu_idle"}
    assert 0.04 <= t["cpu_load"] <= t["load"] + 0.01
    assert 0.02 <= t["cpu_ocr"] <= 0.045 and t["cpu_orient"] == t["orient"] == 0.02
    assert t["idle"] >= 0.045 and t["cpu_idle"] < 0.02
