"""Ingest, first half: turn the paths a user gives into documents (which files, which pages).

A file is one document; a sub-folder of page images is one dossier document, pages in natural name
order (``trang-2`` before ``trang-10``). Every file is checked and its pages counted from the header
only, so a batch of thousands of scans is planned in seconds and a bad file is reported before any
OCR starts. The pixels are read later, in the workers (archivist.ingest.load_page).
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from .errors import one_line
from .fsutil import sha256_file
from .ingest import IMAGE_EXTS, PDF_EXTS, IngestError, count_pages, shown
from .models import DocumentInput, Failure, PageRef
from .plural import plural
from .store import is_archive


def _nfc(name: str) -> str:
    """A name in composed form (NFC). macOS writes Vietnamese names decomposed (NFD: ``ờ`` as ``o`` and two
    marks), Windows and most copies composed: the same box, copied from one to the other, must give the same
    dossier, pages in the same order, not a second copy of it in the archive."""
    return unicodedata.normalize("NFC", name)


def natural_key(path: Path) -> list:
    """Name order with numbers by value (``trang-2`` before ``trang-10``) and letters decomposed, so the order
    is the same whichever form the names come in (:func:`_nfc`), and ``Ảnh`` sorts with ``A``, not after ``Z``."""
    name = unicodedata.normalize("NFD", path.name)
    return [int(t) if t.isdigit() else t.lower() for t in re.split(r"(\d+)", name)]


def _is_supported(path: Path) -> bool:
    return path.suffix.lower() in IMAGE_EXTS | PDF_EXTS


def _folder_sha(files: list[Path], composed: bool = True) -> str:
    """A dossier's identity: its pages' names (composed, :func:`_nfc`) and contents, in page order.
    ``composed=False`` hashes the names as they are, as records written before session 32 did (archivist
    verify accepts either)."""
    h = hashlib.sha256()
    for f in files:
        h.update((_nfc(f.name) if composed else f.name).encode("utf-8") + b"\0" + sha256_file(f).encode() + b"\n")
    return h.hexdigest()


def _document(label: str, files: list[Path], counts: list[int], sha: str) -> DocumentInput:
    kinds = {".pdf": "pdf", ".tif": "tiff", ".tiff": "tiff"}
    pages = [PageRef(f.resolve(), kinds.get(f.suffix.lower(), "image"), i)
             for f, n in zip(files, counts, strict=True) for i in range(n)]
    if not pages:
        raise IngestError("no pages found")
    return DocumentInput(id="doc-" + sha[:16], label=label, sources=[f.resolve() for f in files],
                         pages=pages, sha256=sha)


def _pages_of(f: Path) -> int:
    """Check one file can be a scan and count its pages; raises IngestError with a one-line reason.

    A name that is not UTF-8 could not be written to the UTF-8 record, so it is refused here.
    """
    try:
        str(f.resolve()).encode("utf-8")
        return count_pages(f)
    except UnicodeEncodeError:
        raise IngestError("the file name is not valid UTF-8 (perhaps written by an old Windows program); "
                          "rename the file and run again") from None
    except OSError as e:
        raise IngestError(f"cannot read the file ({e.strerror or one_line(e)})") from None


def _page_counts(scans: list[Path]) -> dict[Path, int]:
    """Page counts of a folder's TIFFs and PDFs, read once. Scanners that write a file per page write TIFF and
    PDF as often as JPEG (an office copier's "scan to PDF" makes ``scan0001.pdf``, ``scan0002.pdf``, ...), so a
    one-page TIFF or PDF is a page of the folder's dossier like any image; a multi-page one is a document of its
    own. Taken whole, a decision scanned a page per PDF was three documents, its last page filed as a death
    registration. A file whose header cannot be read is left out (its count unknown): it is taken as a page,
    and the dossier then fails naming it, as it would for a damaged JPEG page."""
    known: dict[Path, int] = {}
    for f in scans:
        if f.suffix.lower() in (".tif", ".tiff", *PDF_EXTS):
            try:
                known[f] = _pages_of(f)
            except IngestError:
                pass
    return known


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


class _Discovery:
    """One walk over the inputs. Every folder is entered by its real path at most once, so a link back
    to a parent (``ln -s . self``) or two of them (``l1``, ``l2``: 2^depth paths) cannot loop or read a
    scan twice; a link met during the walk that leads to files inside an input folder is left out,
    since those files are read where they are, under their own names. An archive found inside the
    inputs (an ``--archive`` placed there, or any other archive) is skipped whole: re-reading it would
    archive its own PDFs and report images again on every run."""

    def __init__(self, inputs: list[Path], archives: Iterable[Path], folders_as_dossiers: bool) -> None:
        self.dossiers = folders_as_dossiers
        self.roots = [os.path.realpath(p) for p in inputs if p.is_dir()]
        self.archives = {os.path.realpath(a) for a in archives}
        self.docs: list[DocumentInput] = []
        self.failures: list[Failure] = []
        self.skipped: list[str] = []
        self.warnings: list[str] = []
        self.ids: dict[str, str] = {}  # document id -> the label it was first found under
        self.folders: set[str] = set()  # real paths of folders entered
        self.files: set[str] = set()  # real paths of files taken

    def fail(self, path: Path, reason: str) -> None:
        self.failures.append(Failure(shown(path), reason, "ingest"))

    def add(self, doc: DocumentInput) -> None:
        """Keep ``doc`` unless the same content came under another name (a scan copied twice): it is archived
        once, and said, so a box's file count and the batch's document count do not part without a word."""
        first = self.ids.setdefault(doc.id, doc.label)
        if first == doc.label:
            self.docs.append(doc)
        else:
            self.warnings.append(f"{doc.label}: the same scan as {first} (identical files); archived once, as "
                                 f"{doc.id} under that name")

    def archive_of(self, path: Path) -> Path | None:
        """The archive ``path`` is or lies in (its own folder or any parent), if any."""
        real = Path(os.path.realpath(path))
        for folder in (real, *real.parents):
            if str(folder) in self.archives or is_archive(folder):
                return folder
        return None

    def add_file(self, f: Path) -> None:
        real = os.path.realpath(f)
        if real in self.files:
            return
        self.files.add(real)
        try:
            n = _pages_of(f)
            self.add(_document(shown(f), [f], [n], sha256_file(f)))
        except IngestError as e:
            self.fail(f, str(e))
        except OSError as e:
            self.fail(f, f"cannot read the file ({e.strerror or one_line(e)})")

    def add_dossier(self, folder: Path, images: list[Path], known: dict[Path, int]) -> None:
        counts: list[int] = []
        for f in images:
            try:
                counts.append(known[f] if f in known else _pages_of(f))
            except IngestError as e:
                self.fail(f, str(e))
        self.files.update(os.path.realpath(f) for f in images)
        bad = len(images) - len(counts)
        if bad:
            self.fail(folder, f"{bad} of {plural(len(images), 'page')} could not be read; document not written")
            return
        try:
            self.add(_document(shown(folder), images, counts, _folder_sha(images)))
        except (IngestError, OSError) as e:
            self.fail(folder, f"cannot read the dossier ({one_line(e)})")

    def _linked_inside(self, entry: Path) -> bool:
        """A link met during the walk whose target is inside an input folder (read there, under its own name)."""
        if not entry.is_symlink() or not entry.exists():  # a broken link is a failure of its own
            return False
        target = os.path.realpath(entry)
        if any(_within(target, r) for r in self.roots):
            what = "folder" if entry.is_dir() else "file"
            self.warnings.append(f"{shown(entry)}: a link to a {what} inside the input; skipped (read where it is)")
            return True
        return False

    def _entries(self, folder: Path) -> list[Path] | None:
        try:
            entries = sorted(folder.iterdir(), key=natural_key)
        except OSError as e:
            self.fail(folder, f"cannot read the folder ({e.strerror or one_line(e)})")
            return None
        entries = [e for e in entries if not e.name.startswith(".")]
        for e in entries:
            if e.is_symlink() and not e.exists():
                self.fail(e, "a link that leads back to itself" if _loops(e) else "a link to a file that does not "
                          "exist")
        return [e for e in entries if not self._linked_inside(e)]

    def walk(self, folder: Path, top: bool) -> None:
        real = os.path.realpath(folder)
        if real in self.folders:
            self.warnings.append(f"{shown(folder)}: a folder already read (through a link); skipped")
            return
        self.folders.add(real)
        if real in self.archives or is_archive(folder):
            self.warnings.append(f"{shown(folder)}: an archive inside the input; skipped with everything in it")
            return
        entries = self._entries(folder)
        if entries is None:
            return
        files = [e for e in entries if e.is_file()]
        scans = [f for f in files if _is_supported(f) and os.path.realpath(f) not in self.files]
        self.skipped.extend(shown(f) for f in files if not _is_supported(f))
        if top or not self.dossiers:
            for f in scans:
                self.add_file(f)
        else:
            known = _page_counts(scans)
            single_images = [f for f in scans if known.get(f, 1) == 1]
            if single_images:
                self.add_dossier(folder, single_images, known)
            for f in scans:
                if f not in single_images:
                    self.add_file(f)
        for d in entries:
            if d.is_dir():
                self.walk(d, top=False)

    def run(self, inputs: list[Path]) -> None:
        for p in inputs:
            archive = self.archive_of(p) if p.exists() else None
            if archive is not None:
                where = "an archive" if archive == Path(os.path.realpath(p)) else f"inside the archive {shown(archive)}"
                self.warnings.append(f"{shown(p)}: {where}, not scans; skipped")
            elif p.is_dir():
                self.walk(p, top=True)
            elif p.is_file():
                self.add_file(p)
            elif p.exists():
                self.fail(p, "not a regular file or folder")
            else:
                self.fail(p, "no such file or folder")


def _loops(link: Path) -> bool:
    try:
        os.stat(link)
    except OSError as e:
        return e.errno == errno.ELOOP
    return False


def discover(inputs: Iterable[Path], folders_as_dossiers: bool = True, archives: Iterable[Path] = ()
             ) -> tuple[list[DocumentInput], list[Failure], list[str], list[str]]:
    """Turn command-line inputs into documents.

    With ``folders_as_dossiers`` off (``--split file``) every image file is its own document.
    A dossier with a page that cannot be read is not made at all (each bad page is reported):
    written without the page it would look complete, and once the page is fixed the next run
    would add a second copy of the dossier beside it. ``archives`` names folders never to read
    (the batch's own ``--archive``, which may not look like an archive yet); any other archive met
    is recognised by its layout.

    Returns (documents, failures, skipped, warnings): skipped lists files that are not scans at all
    (``notes.txt``) so the report can say they were left alone; warnings are ``path: reason`` lines
    for what the walk left out on purpose (archives, links into the input, folders already read).
    """
    walk = _Discovery([Path(p) for p in inputs], archives, folders_as_dossiers)
    walk.run([Path(p) for p in inputs])
    return walk.docs, walk.failures, walk.skipped, walk.warnings
