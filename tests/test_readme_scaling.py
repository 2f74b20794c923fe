"""README's "Scaling out" quotes the lines a batch prints when its Dask scheduler goes away or its cluster has no
workers, word for word as archivist/executor.py makes them, and says that the workers must be started again:
a ``dask worker`` exits by itself a few seconds after its scheduler stops (measured by hand with distributed
2026.8.0: 3-6 s, for a scheduler stopped with SIGTERM and for one killed), so restarting the scheduler alone leaves
the cluster without workers."""

from __future__ import annotations

from pathlib import Path

from archivist.executor import DaskExecutor

README = Path(__file__).resolve().parent.parent / "README.md"


def _section() -> str:
    text = README.read_text(encoding="utf-8")
    return text.split("## Scaling out", 1)[1].split("\n## ", 1)[0]


def test_scaling_out_quotes_the_lost_scheduler_line_and_says_to_start_the_workers_again() -> None:
    ex = DaskExecutor.__new__(DaskExecutor)  # no cluster: only the message, made as a batch makes it
    ex.where = "tcp://127.0.0.1:18788"
    section = " ".join(_section().split())
    assert f"Stopped early: {ex._lost('the connection to it was closed')}" in section
    assert "A `dask worker` exits by itself a few seconds after its scheduler stops" in section
    assert "`dask worker` again on every PC" in section
    assert "has had no workers for 60 s: start workers ('dask worker …') and run the same command again; " \
           "finished documents are kept" in section
    assert "check that 'dask scheduler' runs there and the address is right" in section
