"""The archive store: the one place that knows the archive's layout, its records and its writer lock.

Layout::

    ARCHIVE/
      archive.json              what made this archive and when (organisation, index, units list)
      archive.lock              who is writing it now (pid, host, command); empty when nobody is
      documents/<id>.pdf        the searchable PDF/A
      documents/<id>.json       its record
      index.sqlite              the full-text index (or a PostgreSQL index named in archive.json)
      report.json, report.html  the last batch's report
      archive-manifest.json     fixity of every evidence file (archivist/fixity.py)

Why a lock: two writers in one archive undo each other (the second one removed the first one's
half-written files, and both did the same OCR). Every command that writes opens the store with
:meth:`ArchiveStore.writer`, which takes ``archive.lock`` with ``flock`` — the kernel releases it
when its process dies, so a stale lock never blocks anyone — and writes its holder into the file
so that a second writer can be told who holds it. A holder on another machine (a shared folder,
where ``flock`` may not reach) refreshes the file's time every half minute; a lock untouched for
longer than :data:`archivist.writerlock.STALE_AFTER` belongs to a writer that is gone and is taken over.

Readers (search, show, open, manifest, verify, report to another folder) open the store without the
lock and never write, so an archive on a disc or a write-protected stick can be read.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from . import __version__
from .archiveinfo import INDEX_FILE, INFO, SQLITE_INDEX, SQLITE_SIDE, index_url, read_info, write_info
from .errors import ArchiveReadOnly, ArchivistError, NotAnArchive, from_os_error
from .fsutil import atomic_write_json, read_json_object, remove_stale_temps
from .indexmove import settle_index
from .indexowner import archive_id, name_index
from .plural import plural
from .record import utc_now
from .writerlock import LOCK, WriterLock

PRODUCER = f"archivist {__version__}"
DOCUMENTS = "documents"
REPORT = "report.json"


def is_archive(path: Path) -> bool:
    """Whether ``path`` is an archive folder: its ``archive.json`` and ``documents/`` (an archive of an
    early version may lack the first, never the second with records in it)."""
    path = Path(path)
    docs = path / DOCUMENTS
    try:
        return docs.is_dir() and ((path / INFO).is_file() or any(docs.glob("doc-*.json")))
    except OSError:
        return False


class ArchiveStore:
    """An archive folder: its paths, its records, its settings and (for a writer) its lock.

    Open it with :meth:`reader` to look, or with :meth:`writer` (a context manager) to change it;
    writes through a reader raise, so a command that forgot the lock fails loudly in the tests.
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.docs_dir = self.root / DOCUMENTS
        self.lock: WriterLock | None = None
        self.written: list[Path] = []  # files this session wrote, sealed when it ends (archivist/fixity.py)
        self.notes: list[str] = []  # what opening it found (a stale lock taken over, temps removed)
        self._schedule = None
        self._index = None
        self._fonds: list | None = None
        self._rebuilding = False  # the caller rebuilds the index (reindex): opening does not build it too
        self._moved_from: str | None = None  # the index archive.json named before this session moved it

    # --- opening ------------------------------------------------------------------------------

    @classmethod
    def reader(cls, root: Path) -> ArchiveStore:
        """The archive at ``root`` for reading; raises :class:`NotAnArchive` when there is none."""
        store = cls(root)
        if not is_archive(store.root):
            raise NotAnArchive(f"{root} is not an archive (no {DOCUMENTS}/ folder with records, no {INFO})")
        return store

    @classmethod
    @contextmanager
    def writer(cls, root: Path, *, create: bool = False, index_url: str | None = None,
               command: str | None = None, rebuild_index: bool = False) -> Iterator[ArchiveStore]:
        """The archive at ``root``, locked for writing for the duration of the block.

        ``create`` makes the folder an archive if it is not one yet. Opening clears what a killed writer
        left half-done (its temp files: they belong to nobody now that we hold the lock) and brings the
        index up to date with the records. Leaving the block seals what was written and releases the
        lock, whatever happened inside it. ``rebuild_index``: the caller rebuilds the index
        (:meth:`rebuild_index`), so opening leaves it as it is rather than building it first as well.
        """
        store = cls(root)
        store._rebuilding = rebuild_index
        if not create and not is_archive(store.root):
            raise NotAnArchive(f"{root} is not an archive (no {DOCUMENTS}/ folder with records, no {INFO})")
        try:
            store.root.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise (from_os_error(e, store.root) or ArchivistError(f"cannot create {root}: {e.strerror}")) from None
        if not os.access(store.root, os.W_OK):
            raise ArchiveReadOnly(f"{root} cannot be written (read-only disk or no permission): archivist can "
                                  "search, show and verify it, but not write to it")
        store.lock = WriterLock(store.root, command).acquire()
        try:
            if store.lock.took_over:
                store.notes.append(f"took over the lock of a writer that is gone ({store.lock.took_over})")
            store._prepare(index_url)
            yield store
        finally:
            try:
                store.close()
            finally:
                store.lock.release()
                store.lock = None

    def _prepare(self, index_url: str | None) -> None:
        try:
            self.docs_dir.mkdir(exist_ok=True)
            removed = remove_stale_temps(self.root)
            if removed:
                self.notes.append(f"removed {plural(removed, 'half-written file')} a stopped run left behind")
            info = self.info()
            if not info:
                info = {"created": utc_now(), "created_by": PRODUCER, "layout": 1}
            before = info.get("index")
            if index_url == SQLITE_INDEX:
                info.pop("index", None)
            else:  # a database another archive indexes is refused before archive.json names it
                name_index(info, index_url, self.record_ids, self.root)
            if info.get("index") != before:
                self._moved_from = before
            if info != self.info():
                self.write_info(info)
        except OSError as e:
            raise (from_os_error(e, self.root) or ArchivistError(f"cannot prepare {self.root}: {e}")) from None
        if self._rebuilding:
            return
        with self._settling():
            if self.index_url() or self.sqlite_files() or self.record_ids():
                self.index().reconcile()  # an archive with nothing to index gets no index.sqlite (init, fonds …)

    def rebuild_index(self) -> int:
        """Rebuild the index from the records alone, once (a writer opened with ``rebuild_index``); then
        remove the copies it makes stale (archivist/indexmove.py). Returns the documents indexed."""
        with self._settling():
            n = self.index().reindex()
        return n

    @contextmanager
    def _settling(self) -> Iterator[None]:
        """Run an index update, then remove the copies it leaves stale (archivist/indexmove.py); a full disk or a
        read-only folder met on the way is told as the archive's error, not a traceback."""
        try:
            yield
            self.notes += settle_index(self.index_url(), self.sqlite_files(), self._moved_from, self.record_ids,
                                       archive_id(self.root), self.root)
        except Exception as e:
            if (env := from_os_error(e, self.root)) is not None:
                raise env from None
            raise

    def sqlite_files(self) -> list[Path]:
        """``index.sqlite`` and the journal files SQLite keeps beside it, those present.

        Why they matter when archive.json names a PostgreSQL index: an ``index.sqlite`` there is a copy nobody
        updates (made before the index moved, or by an earlier version's ``init``), and a person or a copy of the
        archive could take it for the index. A writer removes it once the PostgreSQL index holds the records:
        it is derived data, rebuilt from the records whenever the archive moves back (``reindex --index sqlite``).
        """
        return [p for p in (self.root / name for name in (INDEX_FILE, *(INDEX_FILE + x for x in SQLITE_SIDE)))
                if p.exists()]

    def seal(self) -> None:
        """Record the fixity of what this session wrote (archivist/fixity.py). A disk too full to take the
        manifest leaves a note: the next session seals what this one could not."""
        if not self.written:
            return
        from .fixity import seal

        try:
            seal(self.root, changed=self.written)
            self.written = []
        except Exception as e:
            if from_os_error(e, self.root) is None:
                raise
            self.notes.append(f"the fixity manifest could not be updated ({e}); the next run records it")

    def close(self) -> None:
        """Seal what this session wrote and close the index."""
        try:
            self.seal()
        finally:
            if self._index is not None:
                self._index.close()
                self._index = None

    def require_writer(self) -> None:
        if self.lock is None:
            raise RuntimeError("the archive was opened for reading; open it with ArchiveStore.writer to change it")

    # --- archive.json -------------------------------------------------------------------------

    def info(self) -> dict:
        """``archive.json`` (empty when missing; ArchiveInfoInvalid naming the key when it is invalid)."""
        return read_info(self.root)

    def write_info(self, info: dict) -> None:
        """Write ``archive.json`` (checked against its schema first: archivist/archiveinfo.py), under the lock."""
        self.require_writer()
        write_info(self.root, info)

    def organisation(self) -> dict | None:
        """The organisation of ``archive.json`` (validated: raises ArchiveInfoInvalid naming a bad field)."""
        return self.info().get("organisation")

    def index_url(self) -> str | None:
        return index_url(self.root)

    # --- records ------------------------------------------------------------------------------

    def pdf_path(self, doc_id: str) -> Path:
        return self.docs_dir / f"{doc_id}.pdf"

    def record_path(self, doc_id: str) -> Path:
        return self.docs_dir / f"{doc_id}.json"

    def load_record(self, doc_id: str) -> dict | None:
        """The record of ``doc_id``; None when there is none or it cannot be read (verify reports that)."""
        return read_json_object(self.record_path(doc_id))

    def record_ids(self) -> list[str]:
        return sorted(p.stem for p in self.docs_dir.glob("*.json"))

    def records(self) -> Iterator[dict]:
        """Every readable document record, in id order."""
        for doc_id in self.record_ids():
            rec = self.load_record(doc_id)
            if rec is not None and rec.get("id") and isinstance(rec.get("output"), dict):
                yield rec

    def write_record(self, rec: dict) -> Path:
        """Write a record atomically (the caller has validated it: archivist/commit.py)."""
        self.require_writer()
        path = self.record_path(rec["id"])
        atomic_write_json(path, rec)
        self.written.append(path)
        return path

    # --- what records derive from -------------------------------------------------------------

    def schedule(self):
        """The retention schedule: built-in, overridden by the archive's own retention.json."""
        if self._schedule is None:
            from .retention import load_schedule

            self._schedule = load_schedule(archive=self.root)
        return self._schedule

    def fonds(self) -> list:
        """The archive's fonds records (archivist/fonds.py), read once per session; empty before ``init``."""
        if self._fonds is None:
            from .fonds import load_fonds

            self._fonds = load_fonds(self.root)
        return self._fonds

    def index(self):
        """The archive's index, opened once per session: for a reader read-only, for a writer read-write.

        A reader that finds the SQLite index missing or outdated has it rebuilt under the writer lock
        when the archive can be written (a search must not fail for want of a ``reindex``).
        """
        if self._index is None:
            from .indexing import needs_rebuild, open_index

            url = self.index_url()
            if self.lock is None and not url and needs_rebuild(self.root) and os.access(self.root, os.W_OK):
                with ArchiveStore.writer(self.root, command="archivist reindex (for a reader)"):
                    pass  # opening for writing rebuilds and reconciles the index
            self._index = open_index(self.root, url, writable=self.lock is not None, build=not self._rebuilding)
        return self._index


def writable_error(e: OSError, where: Path) -> ArchivistError:
    """An OSError met while writing ``where`` as the archivist error to report (see archivist.errors)."""
    return from_os_error(e, where) or ArchivistError(f"cannot write {where}: {e.strerror or e}")


__all__ = ["DOCUMENTS", "INDEX_FILE", "INFO", "LOCK", "SQLITE_INDEX", "ArchiveStore", "WriterLock", "is_archive",
           "writable_error"]
