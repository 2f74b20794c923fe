"""The garbage collector held off while a process imports what it keeps for its whole life, then frozen out of it.

Why: a module's functions, classes and tables live as long as the process, yet the collector, counting their
allocations, runs every 700 of them and walks them again in each young generation, and the interpreter's last
collection at exit walks them all once more: in ``archivist process``'s main process 77 of its 112 collections on a
6-page batch ran inside imports (0.03 CPU s), and the exit's collection cost 0.04-0.06 (bench/RESULTS.md, "The page
stage beside the engine (session 31)"). Held off while they are imported and then frozen (:func:`gc.freeze`, as
Python's gc documentation advises for objects that live as long as the process), they are walked by neither; the
collector is on again for everything made after, which it collects as before (≈ 0.05 CPU s a batch less). The
fork server's preload does the same (archivist/warm.py). Nothing a collection frees is read by the program: the
records, PDFs and index are the same either way.
"""

from __future__ import annotations

import gc


def pause() -> bool:
    """Hold the collector off; whether it was on (for :func:`resume`). A caller that holds it off already (the
    fork server's preload) keeps it off."""
    on = gc.isenabled()
    gc.disable()
    return on


def resume(was_on: bool) -> None:
    """Freeze what was made while the collector was held off by :func:`pause`, and turn it on again if it was on."""
    if was_on:
        gc.freeze()
        gc.enable()
