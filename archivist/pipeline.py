"""The processing pipeline: ingest -> preprocess -> ocr per page, then pdfa -> record -> index per document.

Page work (decode, orientation, deskew, OCR) is CPU-bound and runs on an executor; document
work (writing the PDF/A, the record, the index row) is cheap I/O and runs here, in one place,
so that only one process ever writes the archive. Importable without the CLI::

    from archivist.pipeline import Settings, process
    report = process([Path("scans")], Path("archive"), Settings(workers=2))

Failures of one page or one document are data (in the batch report); failures of the environment
(full disk, read-only archive, PostgreSQL or Dask gone) stop the batch: the report says which inputs
are unfinished, and the same command resumes them.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import notext, preprocess, restore
from .cells import read_page
from .cputime import StageClock
from .discover import discover
from .errors import EnvironmentProblem
from .executor import Executor, make_executor
from .ingest import IngestError, load_page, shown
from .models import STANDARD_DPI, BatchReport, DocumentInput, Failure, PageRef, PageResult, Settings
from .ocr import OcrEngine, OcrError, OcrResult, make_engine, text_from_words
from .orient import PDF_TEXT, orient
from .osd import Osd
from .preview import make_preview
from .spool import SPOOL_AFTER, ImageSpool
from .store import ArchiveStore

__all__ = ["BatchReport", "PageTask", "Settings", "process", "process_page"]

@dataclass(frozen=True)
class PageTask:
    doc: int  # index of the document in the batch
    number: int  # 1-based page number in the document
    ref: PageRef
    engine: str
    lang: str
    force_ocr: bool = False
    layout: str = "tesseract"


# --- page stage (runs in workers) ------------------------------------------------------------

_ENGINE: OcrEngine | None = None
_OSD: Osd | None = None


def _engine(name: str, lang: str, layout: str = "tesseract") -> OcrEngine:
    global _ENGINE
    if _ENGINE is None or _ENGINE.name != name or getattr(_ENGINE, "lang", lang) != lang:
        _ENGINE = make_engine(name, lang, layout)
    _ENGINE.layout = layout if _ENGINE.name == "tesserocr" else "tesseract"  # the model stays loaded
    return _ENGINE


def preload_engine() -> None:
    """Load the default engine in this process (the fork server's, archivist/warm.py), so the workers
    forked from it have the model in memory. Anything wrong here is left for the first page to report."""
    try:
        default = Settings()
        _engine(default.ocr_engine, default.lang, default.layout)
        build_word_tables()
    except Exception:  # noqa: BLE001 - an exception here would stop the fork server itself
        pass


def build_word_tables() -> None:
    """Build the OCR post-correction's word tables (syllables, their folded and attested forms, the phrase
    lexicon, the act types, the issuers' codes) now. Each is built on first use; done in the fork server, the
    workers forked from it have them instead of each building them on its first page (0.07-0.1 CPU s a worker,
    paid again by every batch)."""
    from importlib import import_module

    from . import doctypes, ocrfix, phrasefix, syllables

    import_module(f"{__package__}.recipients")  # datewords imports it on its first call
    syllables.folded_syllables(), syllables.attested(), doctypes.load_table()
    ocrfix._type_words(), ocrfix._by_toneless(), phrasefix._phrases(), phrasefix._openings()


def _osd() -> Osd:
    global _OSD
    if _OSD is None:
        _OSD = Osd()
    return _OSD


def process_page(task: PageTask) -> PageResult | Failure:
    """Decode, orient, deskew and OCR one page. Never raises: a failure comes back as data."""
    where = shown(task.ref.path) + (f" (page {task.ref.index + 1})" if task.ref.kind != "image" else "")
    try:
        clock = StageClock(("load", "preprocess", "ocr", "orient", "preview"))
        page = load_page(task.ref, task.force_ocr)
        clock.lap("load")
        verdict = None
        if page.words is not None:  # born-digital: its own text is exact, and its pages are upright
            corr, upright = preprocess.Correction(0, 0.0, 1.0, bool(page.words)), page.gray
            clock.lap("preprocess")
            ocr, decision, evidence, notes = text_from_words(page.words), PDF_TEXT, {}, []
        else:
            found = preprocess.detect(page.gray, page.dpi)
            clock.lap("preprocess")
            engine = _engine(task.engine, task.lang, task.layout)
            done = orient(page.gray, page.dpi, found, lambda up: _read(engine, up, page.dpi), _osd())
            corr, upright, ocr = done.correction, done.upright, done.ocr
            clock.take("orient", done.seconds_checking, done.cpu_checking)
            decision, evidence, notes = done.decision, done.evidence, done.warnings
            verdict = notext.judge(ocr)
            if not verdict.readable:  # an image only: nothing read, nothing to guess from
                ocr, notes = OcrResult(), [verdict.message()]
        clock.lap("ocr")
        preview = make_preview(upright, page.payload, corr.orientation, corr.skew, page.colour)
        clock.lap("preview")
    except IngestError as e:
        return Failure(where, str(e), "ingest")
    except OcrError as e:
        return Failure(where, str(e), "ocr")
    except MemoryError:
        return Failure(where, "not enough memory to process this page", "preprocess")
    except Exception as e:  # noqa: BLE001 - one bad page must not stop the batch; the reason is reported
        return Failure(where, f"unexpected error: {type(e).__name__}: {e}", "preprocess")
    warnings = []
    dpi_x, dpi_y = page.dpi_xy or (page.dpi, page.dpi)
    shown_dpi = f"{dpi_x:.0f}" if round(dpi_x) == round(dpi_y) else f"{dpi_x:.0f}x{dpi_y:.0f}"
    if not page.dpi_known:
        warnings.append(page.assumed_dpi())
    elif min(dpi_x, dpi_y) < STANDARD_DPI - 0.5:
        warnings.append(f"scanned at {shown_dpi} dpi, below the {STANDARD_DPI:.0f} dpi digitization standard")
    warnings.extend([*notes, *ocr.notes])
    if not ocr.words and (verdict is None or verdict.readable):
        warnings.append("no text found on the page")
    warnings.extend(page.notes)
    h, w = upright.shape
    return PageResult(
        number=task.number, source=task.ref, width=w, height=h, dpi=round(page.dpi, 2), dpi_xy=page.dpi_xy,
        orientation=corr.orientation, skew=corr.skew, orientation_confidence=corr.orientation_confidence,
        mean_confidence=ocr.mean_confidence, text=ocr.text, words=ocr.words,
        timings=clock.timings(),
        warnings=warnings, image=page.payload, preview=preview, orientation_decision=decision,
        orientation_evidence=evidence, deskew=_deskew(corr) if page.words is None else {},
    )


def _deskew(corr: preprocess.Correction) -> dict:
    """What the record says about the tilt: measured, applied or not, and why not."""
    out = {"measured": corr.measured_skew, "applied": bool(corr.skew), "sharpness": corr.sharpness}
    if corr.deskew_note:
        out["reason"] = corr.deskew_note
    return out


def _read(engine: OcrEngine, upright: np.ndarray, dpi: float) -> OcrResult:
    """The OCR of a page turned upright: on the restored image (restore.py), tables cell by cell (cells.py),
    in the page's own pixels."""
    prep = restore.prepare(upright, dpi)  # flattened, specks and rules out (never the stored image)
    ocr = restore.on_page(read_page(engine, prep.image, prep.dpi, prep.grids), prep.scale)
    return restore.faint_reading(ocr, prep)  # a faint page noted, the paper grain its contrast raised dropped


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
            yield PageTask(i, n, ref, settings.ocr_engine, settings.lang, settings.force_ocr, settings.layout)


def _page_failed(task: PageTask, reason: str) -> Failure:
    """A page the executor had to give up on (time limit, lost worker) as the batch's failure line."""
    where = shown(task.ref.path) + (f" (page {task.ref.index + 1})" if task.ref.kind != "image" else "")
    return Failure(where, reason, "ocr")


def _finish(store: ArchiveStore, doc: DocumentInput, pages: list[PageResult], settings: Settings,
            report: BatchReport) -> None:
    """Split, classify, describe and commit the documents of one input; failures go in the report.

    An environment problem (disk full, index server gone) is not this document's fault: it stops the batch.
    """
    from .assemble import assemble
    from .commit import commit_part, summary

    try:
        parts = assemble(doc, pages, settings.split)
        for part in parts:
            rec = commit_part(store, doc, part, settings)
            report.documents.append({**summary(store, rec.to_dict()), "status": "processed"})
    except EnvironmentProblem:
        raise
    except Exception as e:  # noqa: BLE001 - reported, and the batch goes on
        report.failures.append(Failure(doc.label, f"could not write the document: {type(e).__name__}: {e}", "pdfa"))
        report.failed_documents += 1
        return
    report.warnings.extend(f"{doc.label} p.{p.number}: {w}" for p in pages for w in p.warnings)


ProgressFn = Callable[[str, int], None]  # (event, pages) where event is "start" | "page" | "doc"


def _plan(store: ArchiveStore, inputs: list[Path], settings: Settings, report: BatchReport) -> list[DocumentInput]:
    """The inputs still to do; those already committed go in the report as such, damaged ones are said."""
    from .commit import finished, refile

    docs, failures, skipped, notes = discover(inputs, folders_as_dossiers=settings.split != "file",
                                              archives=[store.root])
    report.warnings.extend(notes)
    report.failures.extend(failures)
    report.failed_documents += len(failures)
    report.skipped_files.extend(skipped)
    todo: list[DocumentInput] = []
    refiled = 0
    for doc in docs:
        done, damaged = finished(store, doc, settings)
        report.warnings.extend(f"{pdf}: missing or damaged (its SHA-256 differs from its record's); made again "
                               f"from {doc.label}" for pdf in damaged)
        if done is not None:
            if settings.fonds:  # the box named another fonds than the one these were filed in: refile them
                refiled += sum(refile(store, rec, settings.fonds) for d in done if (rec := store.load_record(d["id"])))
            report.documents.extend({**d, "status": "already done"} for d in done)
        else:
            todo.append(doc)
    if refiled:
        report.warnings.append(f"{refiled} document(s) already done were filed in fonds {settings.fonds} "
                               "(no OCR again)")
    return todo


def process(inputs: list[Path], archive: Path, settings: Settings | None = None,
            progress: ProgressFn | None = None) -> BatchReport:
    """Process every document found in ``inputs`` into ``archive``; returns the batch report.

    Raises an :class:`archivist.errors.ArchivistError` when the archive cannot be opened for writing
    (another writer, read-only, not reachable); once the batch runs, problems are in the report.
    """
    settings = settings or Settings()
    t_start = time.perf_counter()
    report = BatchReport(archive=str(archive))
    with ArchiveStore.writer(archive, create=True, index_url=settings.index_url,
                             command="archivist process") as store:
        report.warnings.extend(store.notes)
        settings = _with_fonds(store, settings)
        # The workers start while discovery hashes the inputs; an unreachable cluster stops here, at once.
        executor = make_executor(settings.workers, init_worker, settings.executor, settings.scheduler,
                                 settings.page_timeout)
        try:
            todo = _plan(store, inputs, settings, report)
            _run(store, executor, todo, settings, report, progress)
        except EnvironmentProblem as e:
            report.stopped = str(e)
        finally:
            executor.close()
        _after_batch(store, report)
        store.seal()
        report.warnings.extend(n for n in store.notes if n not in report.warnings)
        report.seconds = time.perf_counter() - t_start
        _write_reports(store, report)
    return report


def _with_fonds(store: ArchiveStore, settings: Settings) -> Settings:
    """``--fonds`` as the code of a fonds this archive has (a usage error, listing them, otherwise)."""
    from dataclasses import replace

    from .fonds import FondsError, find_fonds

    if not settings.fonds:
        return settings
    if not store.fonds():
        raise FondsError(f"{store.root} has no fonds yet: run 'archivist init --archive {store.root} --commune NAME' "
                         "first, then process each box with --fonds")
    return replace(settings, fonds=find_fonds(store.fonds(), settings.fonds).code)


def _after_batch(store: ArchiveStore, report: BatchReport) -> None:
    """Number the dossiers the batch made and update each fonds' totals (archivist/manifest.py ``settle``)."""
    from .manifest import settle

    report.warnings.extend(settle(store))


def _run(store: ArchiveStore, executor: Executor, todo: list[DocumentInput], settings: Settings,
         report: BatchReport, progress: ProgressFn | None) -> None:
    """OCR every page of ``todo`` on the executor and commit each input as soon as its last page is in."""
    total = sum(len(d.pages) for d in todo)
    if progress:
        progress("start", total)
    results: dict[int, dict[int, PageResult]] = {i: {} for i in range(len(todo))}
    failed: dict[int, list[Failure]] = {i: [] for i in range(len(todo))}
    spools: dict[int, ImageSpool] = {}  # long documents' page images wait on disk (archivist/spool.py)
    report.unfinished = [d.label for d in todo]
    try:
        for task, res in executor.map_unordered(process_page, _tasks(todo, settings), _page_failed):
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
                report.unfinished.remove(doc.label)
                if task.doc in spools:
                    spools.pop(task.doc).close()
                del results[task.doc], failed[task.doc]
                if progress:
                    progress("doc", 0)
    finally:
        for spool in spools.values():
            spool.close()


def _write_reports(store: ArchiveStore, report: BatchReport) -> None:
    """report.json, then the visual report (report.html, drawn from report.json and the records).

    A problem drawing the HTML page is a warning, never a failed batch; a batch stopped for want of
    disk space may not be able to write either, and says so in its summary instead.
    """
    from .htmlreport import write_html_report

    try:
        write_batch_report(store, report)
    except OSError as e:
        report.warnings.append(f"report.json could not be written: {e.strerror or e}")
        return
    if report.stopped:
        return
    try:
        write_html_report(store.root)
    except (OSError, ValueError, RuntimeError, subprocess.SubprocessError) as e:
        report.warnings.append(f"the HTML report could not be written: {e}")
        write_batch_report(store, report)


def write_batch_report(store: ArchiveStore, report: BatchReport) -> None:
    """``ARCHIVE/report.json``: what the last batch did (the HTML report and ``verify`` read it)."""
    from dataclasses import asdict

    from .fsutil import atomic_write_json
    from .record import utc_now

    atomic_write_json(store.root / "report.json", {
        "archive": report.archive, "finished": utc_now(), "ok": report.ok, "pages": report.pages,
        "seconds": round(report.seconds, 2), "pages_per_minute": round(report.pages_per_minute, 1),
        "failed_documents": report.failed_documents, "documents": report.documents,
        "failures": [asdict(f) for f in report.failures], "warnings": report.warnings,
        "skipped_files": report.skipped_files, "stopped": report.stopped, "unfinished": report.unfinished,
    })
