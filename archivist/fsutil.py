"""File-system helpers that keep the archive consistent when the power goes.

Every file the tool writes goes through :func:`atomic_write_bytes`: a temp file in the same
folder, fsync, then ``os.replace``. A reader therefore sees either the old file or the new
one, never half of either, and a killed batch leaves at most a ``.tmp-*`` file that the next
run removes.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

TMP_PREFIX = ".tmp-"


def _umask() -> int:
    old = os.umask(0)
    os.umask(old)
    return old


#: mkstemp creates files readable by the owner only; archive files follow the umask like any other file.
FILE_MODE = 0o666 & ~_umask()


def as_on_disk(path: Path) -> Path:
    """``path`` as the disk spells it, where it was typed in the other Unicode form of its letters.

    A folder copied from a Mac keeps its decomposed (NFD) name on Linux while a keyboard types the composed
    (NFC) one: the two look alike in every listing, so "no such file or folder" for a folder the user sees
    would baffle. Each missing part is matched to the one entry of its folder that composes to the same
    name; with none (a real typo) or two, ``path`` comes back as given and is reported missing as before.
    """
    if os.path.lexists(path):
        return path
    found = Path(path.anchor) if path.anchor else Path()
    for part in path.parts[1 if path.anchor else 0:]:
        step = found / part
        if not os.path.lexists(step):
            key = unicodedata.normalize("NFC", part)
            try:
                same = [n for n in os.listdir(found) if unicodedata.normalize("NFC", n) == key]
            except OSError:
                return path
            if len(same) != 1:
                return path
            step = found / same[0]
        found = step
    return found


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(chunk):
            h.update(block)
    return h.hexdigest()


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that the file is either complete or absent."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=TMP_PREFIX, dir=path.parent)
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def temp_path_beside(path: Path) -> Path:
    """A fresh temp path in ``path``'s folder, for writers that need a file name (pikepdf)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=TMP_PREFIX, dir=path.parent)
    os.fchmod(fd, FILE_MODE)
    os.close(fd)
    return Path(tmp)


def commit_temp(tmp: Path, path: Path) -> None:
    """fsync a finished temp file and move it into place."""
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    _fsync_dir(path.parent)


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temp path beside ``path`` for a writer that needs a file name (pikepdf, Pillow): moved into
    place, fsynced, when the block ends without error; deleted otherwise."""
    tmp = temp_path_beside(path)
    try:
        yield tmp
        commit_temp(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def dumps_json(obj: Any) -> bytes:
    """Stable, human-readable UTF-8 JSON (Vietnamese kept as is, keys in a fixed order).

    A lone surrogate (a file name that was not UTF-8) is written as an escape rather than letting
    one odd string stop a whole batch report from being written.
    """
    return (json.dumps(obj, ensure_ascii=False, indent=2) + "\n").encode("utf-8", "backslashreplace")


def atomic_write_json(path: Path, obj: Any) -> bytes:
    data = dumps_json(obj)
    atomic_write_bytes(path, data)
    return data


def read_json_object(path: Path) -> dict | None:
    """The JSON object in ``path``; None when the file is missing or unreadable, is no JSON or holds no object:
    for the readers that pass such a file over (verify reports it)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def remove_stale_temps(folder: Path) -> int:
    """Delete temp files left by a killed run; returns how many were removed."""
    if not folder.exists():
        return 0
    n = 0
    for p in folder.rglob(f"{TMP_PREFIX}*"):
        if p.is_file():
            p.unlink(missing_ok=True)
            n += 1
    return n
