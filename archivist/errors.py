"""The one family of errors archivist reports to a person, each with the exit code it ends in.

Why one base class: every command must end a failure in one plain line and an exit code that a
script can act on, never a traceback. Library code raises an :class:`ArchivistError` (or a
subclass) with a message written for the archivist; the CLI catches it in one place
(``archivist.cli.main``) and prints ``error: <message>``. Exit codes:

- ``1`` some documents failed or problems were found (each listed);
- ``2`` a usage error: a bad option, a path that does not exist, a malformed query, the archive
  busy with another writer;
- ``3`` the environment stopped the work: the archive is read-only or the disk is full, the
  PostgreSQL index or the Dask cluster cannot be reached. Nothing is wrong with the documents;
  fix the cause and run the same command again, it resumes.
"""

from __future__ import annotations

import errno

EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_ENVIRONMENT = 3


def one_line(e: BaseException, limit: int = 200) -> str:
    """An exception as one short line for a report row: a reason that spans lines would split the
    batch report's one line per file, and a bare exception class name is all some libraries give."""
    text = " ".join(str(e).split())
    return text[:limit] if text else type(e).__name__


class ArchivistError(Exception):
    """A failure a person can act on; ``str(e)`` is one line naming what and where."""

    exit_code = EXIT_FAILED


class UsageProblem(ArchivistError):
    """The command was given something it cannot use (exit 2)."""

    exit_code = EXIT_USAGE


class NotAnArchive(UsageProblem):
    """The folder named with ``--archive`` holds no archive."""


class ArchiveBusy(UsageProblem):
    """Another process is writing the archive; a second writer waits for nobody and stops."""


class EnvironmentProblem(ArchivistError):
    """The machine or a service stopped the work (exit 3); re-running resumes."""

    exit_code = EXIT_ENVIRONMENT


class ArchiveReadOnly(EnvironmentProblem):
    """The archive folder cannot be written (a disc, a write-protected stick, permissions)."""


class DiskFull(EnvironmentProblem):
    """No space left where the archive is written."""


class ServiceUnavailable(EnvironmentProblem):
    """The PostgreSQL index or the Dask cluster cannot be reached, or lost all its workers."""


def from_os_error(e: BaseException, where: object) -> ArchivistError | None:
    """The archivist error an OS error means when writing ``where``, or None when it is no environment
    problem (a bug or a bad file, reported where it happened). SQLite and qpdf report a full or
    read-only disk in words rather than an errno; those are recognised too."""
    text = str(e).lower()
    if not isinstance(e, OSError):
        if "disk is full" in text or "no space left" in text:
            return from_os_error(OSError(errno.ENOSPC, "no space"), where)
        if "readonly database" in text or "read-only file system" in text:
            return from_os_error(OSError(errno.EROFS, "read-only"), where)
        return None
    if e.errno == errno.ENOSPC or e.errno == errno.EDQUOT:
        return DiskFull(f"no space left on the disk holding {where}: free some space and run the same command "
                        "again (it resumes where it stopped)")
    if e.errno == errno.EROFS:
        return ArchiveReadOnly(f"{where} is on a read-only disk: archivist can search, show and verify it, "
                               "but not write to it")
    if e.errno in (errno.EACCES, errno.EPERM):
        return ArchiveReadOnly(f"no permission to write in {where}: ask for write access, or use a copy")
    return None
