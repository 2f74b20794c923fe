"""The report's page images: small JPEGs in a folder beside ``report.html``, made by the workers while they
process or rendered from the PDF/A with ``pdftoppm`` when missing (see archivist/htmlreport.py's docstring).

Split from archivist/htmlreport.py, which writes the page, because the commit path (archivist/commit.py) keeps
the workers' images as each document is written and needs these files, not the report. The names stay
importable from ``archivist.htmlreport``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from io import BytesIO
from pathlib import Path

from .fsutil import TMP_PREFIX, atomic_write_bytes
from .pageimage import PAGE_PX, QUALITY

THUMB_PX = 200  #: width of the first-page thumbnail of the table


def images_folder(report: Path) -> Path:
    """The folder of a report's page images: ``report.html`` -> ``report-files/`` beside it."""
    return report.parent / f"{report.stem}-files"


class PageImages:
    """JPEG page images in one folder, named ``<id>-<sha12>-p<n>.jpg`` (+ ``-t.jpg``, the thumbnail).

    The name holds the start of the PDF's SHA-256: a document whose PDF changed gets new images,
    an unchanged one keeps its files, and images no record names any more are removed.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @staticmethod
    def names(rec: dict) -> tuple[list[str], str]:
        stem = f"{rec['id']}-{rec['output']['sha256'][:12]}"
        return [f"{stem}-p{n}.jpg" for n in range(1, rec["page_count"] + 1)], f"{stem}-t.jpg"

    def files(self, rec: dict) -> list[str]:
        pages, thumb = self.names(rec)
        return [*pages, thumb] if pages else []

    def update(self, archive: Path, records: list[dict]) -> dict[str, bool]:
        """Render what is missing (in parallel: pdftoppm runs as its own process); id -> images present."""
        self.folder.mkdir(parents=True, exist_ok=True)
        present: dict[str, bool] = {}
        todo = []
        for rec in records:
            names = self.files(rec)
            present[rec["id"]] = bool(names) and all((self.folder / n).is_file() for n in names)
            if names and not present[rec["id"]]:
                todo.append(rec)
        with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
            for rec, ok in zip(todo, pool.map(lambda r: self._render(archive / r["output"]["pdf"], r), todo),
                               strict=True):
                present[rec["id"]] = ok
        self._prune({n for rec in records for n in self.files(rec)})
        return present

    def store(self, rec: dict, previews: list[bytes]) -> bool:
        """Keep the page images the workers made (archivist/preview.py) for a just-written record, so
        the report need not render them from its PDF. All or nothing: a page without one leaves the
        document to :meth:`update`."""
        pages, thumb = self.names(rec)
        if not pages or len(previews) != len(pages) or not all(previews):
            return False
        self.folder.mkdir(parents=True, exist_ok=True)
        for name, data in zip(pages, previews, strict=True):
            atomic_write_bytes(self.folder / name, data)
        atomic_write_bytes(self.folder / thumb, _thumbnail(previews[0]))
        return True

    def _render(self, pdf: Path, rec: dict) -> bool:
        """Every page at PAGE_PX wide, then the thumbnail; each file appears whole or not at all."""
        pages, thumb = self.names(rec)
        tmp = Path(tempfile.mkdtemp(prefix=TMP_PREFIX, dir=self.folder))
        try:
            subprocess.run(["pdftoppm", "-scale-to-x", str(PAGE_PX), "-scale-to-y", "-1", "-jpeg", "-jpegopt",
                            f"quality={QUALITY}", str(pdf), str(tmp / "p")], check=True, capture_output=True,
                           timeout=300)
            made = sorted(tmp.glob("p-*.jpg"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
            if len(made) != len(pages):
                return False
            for src, name in zip(made, pages, strict=True):
                os.replace(src, self.folder / name)
            atomic_write_bytes(self.folder / thumb, _thumbnail((self.folder / pages[0]).read_bytes()))
            return True
        except (OSError, subprocess.SubprocessError):
            return False  # no pdftoppm, or an unreadable PDF: the report shows "no image" instead
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def _prune(self, keep: set[str]) -> None:
        for p in self.folder.iterdir():
            if p.suffix == ".jpg" and p.name not in keep:
                p.unlink(missing_ok=True)
            elif p.name.startswith(TMP_PREFIX) and p.is_dir():
                shutil.rmtree(p, ignore_errors=True)  # left by a killed run


def _thumbnail(page_jpeg: bytes) -> bytes:
    """The table's thumbnail (THUMB_PX wide) from a page image."""
    from PIL import Image

    with Image.open(BytesIO(page_jpeg)) as im:
        small = im.resize((THUMB_PX, max(1, round(im.height * THUMB_PX / im.width))), Image.LANCZOS)
        buf = BytesIO()
        small.convert("RGB").save(buf, "JPEG", quality=75, optimize=True)
    return buf.getvalue()
