"""``verify`` beside a running batch: what it finds half-written is said as such, not as damage.

Readers take no lock, so ``archivist verify`` may run on another PC while a commune's batch writes the archive.
A document committed while verify walks the folder was listed three times over (its record "not a file the archive
should hold", its PDF "without its record", its index row "in the index but the archive has no such record"), with
exit code 1 and advice to run ``reindex``, which the batch's lock then refuses. The documents a live writer has
written and not yet sealed (archivist/store.py seals them when its session ends) are its work in progress: their
problems are set aside in one note naming the writer, and verify run again once it has finished checks them.
"""

from __future__ import annotations

import json
import os
import socket
import time
from pathlib import Path
from typing import Any, Protocol

from .plural import plural
from .writerlock import LOCK, STALE_AFTER, _holder_line, _pid_alive


class _Report(Protocol):
    """What :func:`set_aside` needs of :class:`archivist.verify.VerifyReport`, named here so that this module does
    not import verify, which imports it (tests/test_imports.py keeps the modules free of cycles)."""

    problems: list[Any]
    notes: list[str]


#: The kinds of problem a document in the middle of its commit shows.
IN_PROGRESS = ("unexpected", "index", "missing", "altered")


def active_writer(root: Path) -> str | None:
    """Who is writing the archive now (``process N on HOST (command), since …``), or None: nobody, or a holder
    that died (its process gone here, or its lock on another PC no longer refreshed)."""
    path = Path(root) / LOCK
    try:
        info = json.loads(path.read_text(encoding="utf-8") or "{}")
        age = time.time() - path.stat().st_mtime
    except (OSError, ValueError):
        return None
    if not isinstance(info, dict) or not isinstance(info.get("pid"), int):
        return None
    here = info.get("host") == socket.gethostname()
    alive = _pid_alive(info["pid"]) and info["pid"] != os.getpid() if here else age < STALE_AFTER
    return _holder_line(info) if alive else None


def set_aside(report: _Report, root: Path, sealed: dict) -> None:
    """Move the problems of documents a live writer has not sealed yet out of ``report.problems``, into a note."""
    writer = active_writer(root)
    if writer is None:
        return
    sealed_ids = {Path(r).stem for r in sealed if r.startswith("documents/")}
    kept, aside = [], set()
    for p in report.problems:
        doc = Path(p.path).stem
        if p.kind in IN_PROGRESS and p.path.startswith("documents/") and doc not in sealed_ids:
            aside.add(doc)
        else:
            kept.append(p)
    if aside:
        report.problems = kept
        report.notes.append(f"{plural(len(aside), 'document')} being written by {writer}: not checked; run verify "
                            "again when it has finished")
