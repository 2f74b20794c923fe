"""Start a real, throw-away PostgreSQL server for the tests (Debian's postgresql package).

The server runs from a temporary data directory, listens on loopback only (a free port, plus a
Unix socket in the same temporary folder) and is stopped at the end. PostgreSQL refuses to run
as root, so as root the server is run as the ``postgres`` user the Debian package creates.

As root the server's folder is a fresh ``/tmp/archivist-pg-*`` that ``base`` links to, not ``base`` itself:
``postgres`` must be able to walk down to its folder, and pytest sets ``/tmp/pytest-of-root`` back to 0700
whenever another pytest session starts beside this one, which cut a running server off from its files.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit


def pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_postgres() -> list[str]:
    """What runs a server command: as the ``postgres`` user when we are root, which PostgreSQL refuses."""
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def _server_folder(base: Path) -> Path:
    """The folder the server runs in: ``base`` itself, or as root a ``/tmp`` folder ``base`` links to."""
    base.parent.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        base.mkdir(exist_ok=True)
        return base
    real = Path(tempfile.mkdtemp(prefix="archivist-pg-"))
    shutil.chown(real, "postgres")
    os.chmod(real, 0o755)
    if base.is_dir() and not base.is_symlink():
        base.rmdir()  # an empty folder a test made for the server; anything in it stops us here
    base.symlink_to(real, target_is_directory=True)
    return real


def restart(base: Path, url: str) -> None:
    """Restart the server :func:`postgres_server` started in ``base`` on the same port, as an administrator
    would (``pg_ctl restart``): every connection to it is dropped, and it is back when this returns."""
    bindir = pg_bin()
    assert bindir is not None
    base = base.resolve()
    port = urlsplit(url).port
    subprocess.run(_as_postgres() + [str(bindir / "pg_ctl"), "-D", str(base / "pgdata"), "-l", str(base / "server.log"),
                                     "-w", "-t", "180", "-m", "fast", "-o",
                                     f"-h 127.0.0.1 -p {port} -k {base} -c fsync=off", "restart"],
                   check=True, capture_output=True)


@contextmanager
def postgres_server(base: Path):
    """Yield a connection URL ``postgresql://archivist@127.0.0.1:PORT/archivist``."""
    bindir = pg_bin()
    if bindir is None:
        raise RuntimeError("PostgreSQL is not installed (apt install postgresql)")
    prefix = _as_postgres()
    base = _server_folder(base)
    data = base / "pgdata"
    subprocess.run(prefix + [str(bindir / "initdb"), "-D", str(data), "-U", "archivist", "--auth=trust",
                             "-E", "UTF8", "--locale=C.UTF-8"], check=True, capture_output=True)
    log = base / "server.log"
    # A loaded 2-core machine (CI, or benches beside the suite) once made one start fail; a port taken between
    # _free_port and the server's bind would too. Try again on a fresh port, waiting up to 3 minutes each time,
    # and say what the server logged if it never comes up.
    for _attempt in range(3):
        port = _free_port()
        started = subprocess.run(prefix + [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", "180",
                                           "-o", f"-h 127.0.0.1 -p {port} -k {base} -c fsync=off", "start"],
                                 capture_output=True, text=True)
        if started.returncode == 0:
            break
        subprocess.run(prefix + [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)
    else:
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        if os.geteuid() == 0:
            shutil.rmtree(base, ignore_errors=True)
        raise RuntimeError(f"PostgreSQL did not start in {base}: {started.stderr.strip()}\n{tail}")
    try:
        for _ in range(50):
            r = subprocess.run(prefix + [str(bindir / "psql"), "-h", "127.0.0.1", "-p", str(port), "-U", "archivist",
                                         "-d", "postgres", "-c", "CREATE DATABASE archivist"], capture_output=True)
            if r.returncode == 0:
                break
            time.sleep(0.2)
        yield f"postgresql://archivist@127.0.0.1:{port}/archivist"
    finally:
        subprocess.run(prefix + [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)
        if os.geteuid() == 0:
            shutil.rmtree(base, ignore_errors=True)
