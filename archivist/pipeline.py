"""The processing pipeline: ingest -> preprocess -> ocr per page, then pdfa -> record -> index per document.

Page work (decode, orientation, deskew, OCR) is CPU-bound and runs on an executor; document
work (writing the PDF/A, the record, the index row) is cheap I/O and runs here, in one place,
so that only one process ever writes the archive. Importable without the CLI::

    from archivist.pipeline import Settings, process
    report = process([Path("scans")], Path("archive"), Settings(workers=2))
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import preprocess
from .discover import discover
from .ingest import IngestError, load_page, shown
from .models import DocumentInput, Failure, PageRef, PageResult
from .ocr import OcrEngine, OcrError, make_engine, text_from_words
from .preview import make_preview
from .spool import SPOOL_AFTER, ImageSpool

if TYPE_CHECKING:
    from .archive import Archive

#: Pages below this resolution do not meet the digitization standard (Circular 02/2019: 200 dpi).
STANDARD_DPI = 200.0


@dataclass(frozen=True)
class Settings:
    """Everything that changes the output; a change re-processes documents done with other settings."""

    workers: int = 1
    executor: str = "local"  # "local" | "dask-local" | "dask"
    scheduler: str | None = None  # tcp://HOST:PORT for "dask"
    pdfa: str = "2b"  # "2b" or "1b"
    ocr_engine: str = "tesserocr"
    lang: str = "vie"
    force_ocr: bool = False
    split: str = "auto"  # "auto" | "none" | "file"
    index_url: str | None = None  # postgresql://… for a shared index; None: SQLite in the archive

    def fingerprint(self) -> dict:
        """The settings that affect what is written (not how fast)."""
        return {"pdfa": self.pdfa, "ocr_engine": self.ocr_engine, "lang": self.lang, "force_ocr": self.force_ocr,
                "split": self.split}


@dataclass(frozen=True)
class PageTask:
    doc: int  # index of the document in the batch
    number: int  # 1-based page number in the document
    ref: PageRef
    engine: str
    lang: str
    force_ocr: bool = False


@dataclass
class BatchReport:
    archive: str
    documents: list[dict] = field(default_factory=list)  # one summary per document done or skipped
    failures: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped_files: list[str] = field(default_factory=list)
    pages: int = 0
    seconds: float = 0.0
    failed_documents: int = 0  # inputs not written (a failed dossier counts once, whatever its failed pages)

    @property
    def ok(self) -> bool:
        return not self.failures

    @property
    def pages_per_minute(self) -> float:
        return 60.0 * self.pages / self.seconds if self.seconds > 0 else 0.0


# --- page stage (runs in workers) ------------------------------------------------------------

_ENGINE: OcrEngine | None = None


def _engine(name: str, lang: str) -> OcrEngine:
    global _ENGINE
    if _ENGINE is None or _ENGINE.name != name:
        _ENGINE = make_engine(name, lang)
    return _ENGINE


def process_page(task: PageTask) -> PageResult | Failure:
    """Decode, orient, deskew and OCR one page. Never raises: a failure comes back as data."""
    where = shown(task.ref.path) + (f" (page {task.ref.index + 1})" if task.ref.kind != "image" else "")
    try:
        t0 = time.perf_counter()
        page = load_page(task.ref, task.force_ocr)
        t1 = time.perf_counter()
        if page.words is not None:  # born-digital: its own text is exact, and its pages are upright
            corr, upright = preprocess.Correction(0, 0.0, 1.0, bool(page.words)), page.gray
            t2 = time.perf_counter()
            ocr = text_from_words(page.words)
        else:
            corr = preprocess.detect(page.gray, page.dpi)
            upright = preprocess.apply(page.gray, corr)
            t2 = time.perf_counter()
            ocr = _engine(task.engine, task.lang).recognize(preprocess.flatten_background(upright, page.dpi),
                                                            page.dpi)
        t3 = time.perf_counter()
        preview = make_preview(upright, page.payload, corr.orientation, corr.skew)
        t4 = time.perf_counter()
    except IngestError as e:
        return Failure(where, str(e), "ingest")
    except OcrError as e:
        return Failure(where, str(e), "ocr")
    except MemoryError:
        return Failure(where, "not enough memory to process this page", "preprocess")
    except Exception as e:  # noqa: BLE001 - one bad page must not stop the batch; the reason is reported
        return Failure(where, f"unexpected error: {type(e).__name__}: {e}", "preprocess")
    warnings = []
    if not page.dpi_known:
        warnings.append(f"resolution not recorded in the file; assumed {page.dpi:.0f} dpi")
    elif page.dpi < STANDARD_DPI - 0.5:
        warnings.append(f"scanned at {page.dpi:.0f} dpi, below the {STANDARD_DPI:.0f} dpi digitization standard")
    if corr.has_text and corr.orientation_confidence < 0.3:
        warnings.append("page orientation uncertain")
    if not ocr.words:
        warnings.append("no text found on the page")
    if page.words is not None:
        warnings.append("the PDF page already has text: kept it instead of OCR (use --force-ocr to OCR it)")
    h, w = upright.shape
    return PageResult(
        number=task.number, source=task.ref, width=w, height=h, dpi=round(page.dpi, 2),
        orientation=corr.orientation, skew=corr.skew, orientation_confidence=corr.orientation_confidence,
        mean_confidence=ocr.mean_confidence, text=ocr.text, words=ocr.words,
        timings={"load": round(t1 - t0, 4), "preprocess": round(t2 - t1, 4), "ocr": round(t3 - t2, 4),
                 "preview": round(t4 - t3, 4)},
        warnings=warnings, image=page.payload, preview=preview,
    )


def init_worker() -> None:
    """Keep each worker on one core: parallelism comes from the pool, not from OpenMP or OpenCV."""
    import os

    import cv2

    os.environ["OMP_THREAD_LIMIT"] = "1"
    cv2.setNumThreads(1)


# --- document stage (runs here) --------------------------------------------------------------


def _tasks(docs: list[DocumentInput], settings: Settings) -> Iterator[PageTask]:
    for i, doc in enumerate(docs):
        for n, ref in enumerate(doc.pages, start=1):
            yield PageTask(i, n, ref, settings.ocr_engine, settings.lang, settings.force_ocr)


def _finish(store, doc: DocumentInput, pages: list[PageResult], settings: Settings, report: BatchReport) -> None:
    """Split, classify, describe and commit the documents of one input; failures go in the report."""
    from .assemble import assemble

    try:
        parts = assemble(doc, pages, settings.split)
        for part in parts:
            summary = store.commit(doc, part, settings)
            report.documents.append({**summary, "status": "processed"})
    except Exception as e:  # noqa: BLE001 - reported, and the batch goes on
        report.failures.append(Failure(doc.label, f"could not write the document: {type(e).__name__}: {e}", "pdfa"))
        report.failed_documents += 1
        return
    report.warnings.extend(f"{doc.label} p.{p.number}: {w}" for p in pages for w in p.warnings)


ProgressFn = Callable[[str, int], None]  # (event, pages) where event is "start" | "page" | "doc"


def process(inputs: list[Path], archive: Path, settings: Settings = Settings(),
            progress: ProgressFn | None = None) -> BatchReport:
    """Process every document found in ``inputs`` into ``archive``; returns the batch report."""
    from .archive import Archive
    from .executor import make_executor

    t_start = time.perf_counter()
    store = Archive.open(archive, index_url=settings.index_url)
    report = BatchReport(archive=str(archive))
    docs, failures, skipped = discover(inputs, folders_as_dossiers=settings.split != "file")
    report.failures.extend(failures)
    report.failed_documents += len(failures)
    report.skipped_files.extend(skipped)
    todo: list[DocumentInput] = []
    for doc in docs:
        done = store.finished(doc, settings)
        if done is not None:
            report.documents.extend({**d, "status": "already done"} for d in done)
        else:
            todo.append(doc)
    total = sum(len(d.pages) for d in todo)
    if progress:
        progress("start", total)
    results: dict[int, dict[int, PageResult]] = {i: {} for i in range(len(todo))}
    failed: dict[int, list[Failure]] = {i: [] for i in range(len(todo))}
    spools: dict[int, ImageSpool] = {}  # long documents' page images wait on disk (archivist/spool.py)
    executor = make_executor(settings.workers, init_worker, settings.executor, settings.scheduler)
    try:
        for task, res in executor.map_unordered(process_page, _tasks(todo, settings)):
            if isinstance(res, Failure):
                failed[task.doc].append(res)
            else:
                results[task.doc][task.number] = res
                report.pages += 1
                if len(todo[task.doc].pages) > SPOOL_AFTER:
                    spools.setdefault(task.doc, ImageSpool(store.docs_dir)).add(res)
            if progress:
                progress("page", 1)
            doc = todo[task.doc]
            if len(results[task.doc]) + len(failed[task.doc]) == len(doc.pages):
                pages = [results[task.doc][n] for n in sorted(results[task.doc])]
                if failed[task.doc]:
                    report.failures.extend(failed[task.doc])
                    report.failed_documents += 1
                    if len(doc.pages) > 1:  # a one-page document's page line already says it all
                        report.failures.append(Failure(doc.label, f"{len(failed[task.doc])} of {len(doc.pages)} "
                                                       "pages could not be read; document not written", "ingest"))
                else:
                    _finish(store, doc, pages, settings, report)
                if task.doc in spools:
                    spools.pop(task.doc).close()
                del results[task.doc], failed[task.doc]
                if progress:
                    progress("doc", 0)
    finally:
        executor.close()
        for spool in spools.values():
            spool.close()
    store.seal()
    report.seconds = time.perf_counter() - t_start
    store.write_report(report)
    _write_html_report(store, report)
    return report


def _write_html_report(store: Archive, report: BatchReport) -> None:
    """The visual report (report.html, drawn from report.json and the records) after every batch;
    a problem drawing it is a warning in report.json, never a failed batch."""
    from .htmlreport import write_html_report

    try:
        write_html_report(store.root)
    except (OSError, ValueError, RuntimeError, subprocess.SubprocessError) as e:
        report.warnings.append(f"the HTML report could not be written: {e}")
        store.write_report(report)
