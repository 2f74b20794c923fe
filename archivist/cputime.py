"""CPU seconds of this process and of the programs it ran, for the per-page stage timings.

Why beside the wall clock: the office PC runs other work, and the benchmark machine is shared by
several jobs, so a stage's wall time says as much about the neighbours as about the stage. CPU
seconds count only this process's own work. The children's share is included because the command
line engine (``--ocr-engine cli``) and OSD's fallback run Tesseract as a program.
"""

from __future__ import annotations

import os


def cpu_seconds() -> float:
    """User + system seconds of this process and of its finished children so far."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system
