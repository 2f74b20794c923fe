"""The word list inside a Tesseract model, read once per model and kept in the user's cache folder.

Why a cache: :func:`archivist.syllables.attested` needs the ``vie`` model's dictionary, which only Tesseract's
own tools read (``combine_tessdata`` unpacks it, ``dawg2wordlist`` lists it): two child processes, 0.07-0.3 s
wall, and every process that corrects or cross-checks text paid them on every batch: the fork server before it
could fork the first worker (so every short batch waited for them before its first page) and the main
process's document stage (bench/RESULTS.md, issue 16, session 23). The list depends on the model's bytes
alone, so it is kept under the model's SHA-256; a new or changed model gets its own file. The file is written
atomically (complete or absent), and a cache folder that cannot be written only means the tools run again.
The model's digest is itself kept under the file's identity (:func:`model_digest`), so a process does not read
and hash the whole model to find the list.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

#: Bumped when what is stored changes, so an older file is not read as the new format.
FORMAT = "1"


def cache_dir() -> Path:
    """``$ARCHIVIST_CACHE_DIR``, else ``$XDG_CACHE_HOME/archivist``, else ``~/.cache/archivist``."""
    if os.environ.get("ARCHIVIST_CACHE_DIR"):
        return Path(os.environ["ARCHIVIST_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base, "archivist")


def model_digest(model: Path) -> str:
    """The SHA-256 of ``model``'s bytes, hashed only when the file is not the one hashed before.

    Why: every process that needs the word list (the fork server, the main process) hashed the whole model
    once: a few ms for the 0.5 MB ``fast`` model, 30-60 ms for a ``best`` one of 10-20 MB, on every batch.
    The digest is kept under the file's identity (its path, device, inode, size, modification and change
    times to the nanosecond); a model rewritten, replaced or moved has another identity (the change time
    moves on any write and cannot be set back), so its bytes are hashed again and a stale list is never served.
    """
    from .fsutil import atomic_write_bytes

    st = model.stat()
    identity = f"{model.resolve()}\0{st.st_dev}\0{st.st_ino}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}"
    memo = cache_dir() / f"tesswords-{FORMAT}-{model.stem}-{hashlib.sha256(identity.encode()).hexdigest()[:32]}.sha"
    try:
        known = memo.read_text(encoding="ascii")
        if len(known) == 64 and all(c in "0123456789abcdef" for c in known):
            return known
    except (OSError, UnicodeDecodeError):
        pass
    digest = hashlib.sha256(model.read_bytes()).hexdigest()
    try:
        atomic_write_bytes(memo, digest.encode("ascii"))
    except OSError:
        pass  # a read-only cache: hashed again next time
    return digest


def cache_path(model: Path) -> Path:
    """Where the word list of ``model`` is kept: named by the model's content, not its path."""
    return cache_dir() / f"tesswords-{FORMAT}-{model.stem}-{model_digest(model)}.txt"


def _unpack(model: Path) -> str | None:
    """The model's word list as ``dawg2wordlist`` prints it, or None when the tools are missing or fail."""
    tools = [shutil.which("combine_tessdata"), shutil.which("dawg2wordlist")]
    if not all(tools):
        return None
    lang = model.stem
    with tempfile.TemporaryDirectory() as tmp:
        charset, dawg = f"{tmp}/{lang}.lstm-unicharset", f"{tmp}/{lang}.lstm-word-dawg"
        try:
            subprocess.run([tools[0], "-e", str(model), charset, dawg], check=True, capture_output=True, timeout=60)
            subprocess.run([tools[1], charset, dawg, f"{tmp}/words"], check=True, capture_output=True, timeout=60)
            return Path(tmp, "words").read_text(encoding="utf-8", errors="replace")
        except (OSError, subprocess.SubprocessError):
            return None


def model_words(model: Path) -> str | None:
    """The word list of the Tesseract model file ``model`` (one word a line), from the cache when it holds
    this model's, else unpacked with Tesseract's tools and stored; None when it cannot be had."""
    from .fsutil import atomic_write_bytes

    try:
        path = cache_path(model)
    except OSError:
        return None
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        pass
    text = _unpack(model)
    if text is not None:
        try:
            atomic_write_bytes(path, text.encode("utf-8"))
        except OSError:
            pass  # a read-only home: the next process unpacks it again
    return text
