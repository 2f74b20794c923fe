"""Ingest, first half: turn the paths a user gives into documents (which files, which pages).

A file is one document; a sub-folder of page images is one dossier document, pages in natural name
order (``trang-2`` before ``trang-10``). Every file is checked and its pages counted from the header
only, so a batch of thousands of scans is planned in seconds and a bad file is reported before any
OCR starts. The pixels are read later, in the workers (archivist.ingest.load_page).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

from .fsutil import sha256_file
from .ingest import IMAGE_EXTS, PDF_EXTS, IngestError, _one_line, count_pages, shown
from .models import DocumentInput, Failure, PageRef


def natural_key(path: Path) -> list:
    return [int(t) if t.isdigit() else t.lower() for t in re.split(r"(\d+)", path.name)]


def _is_supported(path: Path) -> bool:
    return path.suffix.lower() in IMAGE_EXTS | PDF_EXTS


def _folder_sha(files: list[Path]) -> str:
    h = hashlib.sha256()
    for f in files:
        h.update(f.name.encode("utf-8") + b"\0" + sha256_file(f).encode() + b"\n")
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
        raise IngestError(f"cannot read the file ({e.strerror or _one_line(e)})") from None


def discover(inputs: Iterable[Path], folders_as_dossiers: bool = True) -> tuple[list[DocumentInput], list[Failure],
                                                                                list[str]]:
    """Turn command-line inputs into documents.

    With ``folders_as_dossiers`` off (``--split file``) every image file is its own document.
    A dossier with a page that cannot be read is not made at all (each bad page is reported):
    written without the page it would look complete, and once the page is fixed the next run
    would add a second copy of the dossier beside it.

    Returns (documents, failures, skipped) where skipped lists files that are not scans at all
    (``notes.txt``) so the report can say they were left alone.
    """
    docs: list[DocumentInput] = []
    failures: list[Failure] = []
    skipped: list[str] = []
    seen: set[str] = set()

    def add(doc: DocumentInput) -> None:
        if doc.id not in seen:
            seen.add(doc.id)
            docs.append(doc)

    def add_file(f: Path) -> None:
        try:
            n = _pages_of(f)
            add(_document(shown(f), [f], [n], sha256_file(f)))
        except IngestError as e:
            failures.append(Failure(shown(f), str(e), "ingest"))
        except OSError as e:
            failures.append(Failure(shown(f), f"cannot read the file ({e.strerror or _one_line(e)})", "ingest"))

    def add_dossier(folder: Path, images: list[Path]) -> None:
        counts: list[int] = []
        for f in images:
            try:
                counts.append(_pages_of(f))
            except IngestError as e:
                failures.append(Failure(shown(f), str(e), "ingest"))
        bad = len(images) - len(counts)
        if bad:
            failures.append(Failure(shown(folder), f"{bad} of {len(images)} pages could not be read; "
                                    "document not written", "ingest"))
            return
        try:
            add(_document(shown(folder), images, counts, _folder_sha(images)))
        except (IngestError, OSError) as e:
            failures.append(Failure(shown(folder), f"cannot read the dossier ({_one_line(e)})", "ingest"))

    def walk(folder: Path, top: bool) -> None:
        try:
            entries = sorted(folder.iterdir(), key=natural_key)
        except OSError as e:
            failures.append(Failure(shown(folder), f"cannot read the folder ({e.strerror or _one_line(e)})", "ingest"))
            return
        entries = [e for e in entries if not e.name.startswith(".")]
        for e in entries:
            if e.is_symlink() and not e.exists():
                failures.append(Failure(shown(e), "a link to a file that does not exist", "ingest"))
        files = [e for e in entries if e.is_file()]
        scans = [f for f in files if _is_supported(f)]
        skipped.extend(shown(f) for f in files if not _is_supported(f))
        single_images = [f for f in scans if f.suffix.lower() not in PDF_EXTS | {".tif", ".tiff"}]
        if top or not folders_as_dossiers:
            for f in scans:
                add_file(f)
        else:
            if single_images:
                add_dossier(folder, single_images)
            for f in scans:
                if f not in single_images:
                    add_file(f)
        for d in entries:
            if d.is_dir():
                walk(d, top=False)

    for p in inputs:
        p = Path(p)
        if p.is_dir():
            walk(p, top=True)
        elif p.is_file():
            add_file(p)
        elif p.exists():
            failures.append(Failure(shown(p), "not a regular file or folder", "ingest"))
        else:
            failures.append(Failure(shown(p), "no such file or folder", "ingest"))
    return docs, failures, skipped
