"""Page images of a long document wait on disk, not in memory, until the document is written.

Why: the main process must hold every page of a document until its last page is OCR'd (splitting,
classification and the PDF need them all), and a page's image is most of what it holds — a 300 dpi
colour JPEG is a quarter to half a megabyte, so a 2,000-page register bound as one scan would pin
a gigabyte. Pages of a document longer than :data:`SPOOL_AFTER` are therefore written, as soon as
they arrive, :data:`CHUNK` at a time into small PDF files holding only their image streams. When
the document is written, :func:`archivist.pdfa.write_pdfa` copies each image from its chunk with
qpdf's foreign-object copy, which reads the stream data from the chunk file only while the final
PDF is being saved: the images pass from disk to disk. Chunk files are ``.tmp-`` files beside the
documents, so a killed run leaves nothing the next run does not remove.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pikepdf

from .fsutil import temp_path_beside
from .models import ImagePayload, PageResult
from .pdfwrite import image_xobject, save_pdf

SPOOL_AFTER = 64  # documents up to this many pages stay in memory: nothing to gain, one file less
CHUNK = 32  # images per chunk file: few open files at write time, little held while a chunk fills


class ImageSpool:
    """The chunk files of one document being processed."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.waiting: list[PageResult] = []
        self.files: list[Path] = []

    def add(self, page: PageResult) -> None:
        """Take the page's image; once a chunk is full, its images go to disk and leave memory."""
        page.preview = b""  # memory stays flat: the report renders a long document's pages from its PDF
        if page.image is None or page.image.spool is not None:
            return
        self.waiting.append(page)
        if len(self.waiting) >= CHUNK:
            self.flush()

    def flush(self) -> None:
        if not self.waiting:
            return
        path = temp_path_beside(self.folder / "spool.pdf")
        self.files.append(path)
        with pikepdf.new() as pdf:
            images = pikepdf.Dictionary()
            for page in self.waiting:
                images[f"/p{page.number}"] = image_xobject(pdf, page.image)
            pdf.Root.ArchivistSpool = images
            save_pdf(pdf, path)
        for page in self.waiting:
            page.image = dataclasses.replace(page.image, data=b"", spool=(str(path), f"/p{page.number}"))
        self.waiting = []

    def close(self) -> None:
        """Delete the chunk files (the document is written, or failed)."""
        for path in self.files:
            try:
                os.unlink(path)
            except FileNotFoundError:
                pass
        self.files = []
        self.waiting = []


class SpooledImages:
    """The chunk files a PDF being written copies images from; open until that PDF is saved."""

    def __init__(self) -> None:
        self.open: dict[str, pikepdf.Pdf] = {}

    def copy(self, pdf: pikepdf.Pdf, payload: ImagePayload) -> pikepdf.Object:
        path, key = payload.spool  # type: ignore[misc]
        if path not in self.open:
            self.open[path] = pikepdf.open(path)
        return pdf.copy_foreign(self.open[path].Root.ArchivistSpool[key])

    def close(self) -> None:
        for src in self.open.values():
            src.close()
        self.open = {}
