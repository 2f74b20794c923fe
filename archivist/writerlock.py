"""The archive's writer lock, ``archive.lock``: one writer at a time in an archive.

Why a lock, and why ``flock`` with the holder written into the file and a heartbeat for a holder on another
machine: :mod:`archivist.store`'s docstring. Kept apart from the store, which takes it in
:meth:`archivist.store.ArchiveStore.writer`, because the lock is a topic of its own that the live check of
``archivist verify`` (archivist/verifylive.py) reads too.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
import sys
import threading
import time
from pathlib import Path

from . import __version__
from .errors import ArchiveBusy, ArchivistError, from_os_error
from .record import utc_now

LOCK = "archive.lock"
#: Seconds after which a lock file another machine stopped refreshing is taken over.
STALE_AFTER = 120.0
HEARTBEAT = 30.0


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _holder_line(info: dict) -> str:
    cmd = info.get("command") or "archivist"
    return f"process {info.get('pid', '?')} on {info.get('host', '?')} ({cmd}), since {info.get('started', '?')}"


class WriterLock:
    """``archive.lock``, held with ``flock`` for as long as one writer works (see archivist/store.py's docstring)."""

    def __init__(self, root: Path, command: str | None = None) -> None:
        self.path = Path(root) / LOCK
        self.command = command or " ".join(["archivist", *sys.argv[1:2]])
        self.fd: int | None = None
        self.took_over: str | None = None  # the stale holder this lock replaced, said in the batch report
        self._stop = threading.Event()
        self._beat: threading.Thread | None = None

    def _read(self) -> dict:
        try:
            data = os.pread(self.fd, 4096, 0) if self.fd is not None else self.path.read_bytes()
            info = json.loads(data.decode("utf-8") or "{}")
        except (OSError, ValueError):
            return {}
        return info if isinstance(info, dict) else {}

    def acquire(self) -> WriterLock:
        try:
            self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as e:
            raise (from_os_error(e, self.path.parent) or ArchivistError(f"cannot open {self.path}: {e.strerror}")) \
                from None
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = self._read()
            self._close()
            raise ArchiveBusy(f"{self.path.parent} is being written by {_holder_line(holder)}: wait for it to "
                              "finish (or stop it) and run this command again") from None
        info, host = self._read(), socket.gethostname()
        if info.get("pid"):
            remote = info.get("host") != host
            age = time.time() - os.fstat(self.fd).st_mtime
            if remote and age < STALE_AFTER:
                self._close()
                raise ArchiveBusy(f"{self.path.parent} is being written by {_holder_line(info)} (its lock was "
                                  f"refreshed {age:.0f} s ago): wait for it to finish and run this command again")
            if remote or not _pid_alive(int(info["pid"])) or int(info["pid"]) != os.getpid():
                self.took_over = _holder_line(info)
        self._write({"pid": os.getpid(), "host": host, "started": utc_now(), "command": self.command,
                     "archivist": __version__})
        self._beat = threading.Thread(target=self._heartbeat, name="archive-lock", daemon=True)
        self._beat.start()
        return self

    def _write(self, info: dict) -> None:
        data = json.dumps(info, ensure_ascii=False).encode("utf-8")
        os.ftruncate(self.fd, 0)
        os.pwrite(self.fd, data, 0)
        os.fsync(self.fd)

    def _heartbeat(self) -> None:
        while not self._stop.wait(HEARTBEAT):
            try:
                os.utime(self.fd)
            except OSError:
                return

    def _close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing the descriptor releases the flock
            self.fd = None

    def release(self) -> None:
        self._stop.set()
        if self.fd is None:
            return
        try:
            os.ftruncate(self.fd, 0)  # nobody holds it now; the file stays (another may wait on its inode)
        except OSError:
            pass
        self._close()
