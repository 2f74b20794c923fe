"""The set-up every Dask worker runs before its first page, as a worker plugin.

``Client.run`` reaches only the workers there when a batch starts; a worker an administrator starts (or restarts
after a crash) during the batch would read its pages unprepared (OpenCV on every core beside the other workers).
Kept apart from archivist/executor.py so that a local batch never imports ``distributed``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from distributed import WorkerPlugin


class SetUp(WorkerPlugin):
    """Runs ``initializer`` on each worker as it joins the cluster, and on those already there."""

    def __init__(self, initializer: Callable[[], None]) -> None:
        self.initializer = initializer

    def setup(self, worker: Any) -> None:
        self.initializer()
