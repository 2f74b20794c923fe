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
from pathlib import Path

from .discover import discover
from .errors import EnvironmentProblem
from .executor import Executor, make_executor
from .ingest import page_where, shown
from .models import BatchReport, DocumentInput, Failure, PageResult, PageTask, Settings
from .pagetask import init_worker, process_page
from .plural import plural
from .spool import SPOOL_AFTER, ImageSpool
from .store import ArchiveStore
from .versions import Earlier, Sources, version_warning

__all__ = ["BatchReport", "PageTask", "Settings", "process", "process_page"]

# --- document stage (runs here) --------------------------------------------------------------


def _tasks(docs: list[DocumentInput], settings: Settings) -> Iterator[PageTask]:
    for i, doc in enumerate(docs):
        for n, ref in enumerate(doc.pages, start=1):
            yield PageTask(i, n, ref, settings.ocr_engine, settings.lang, settings.force_ocr, settings.layout)


def _page_failed(task: PageTask, reason: str) -> Failure:
    """A page the executor had to give up on (time limit, lost worker) as the batch's failure line."""
    return Failure(page_where(task.ref), reason, "ocr")


def _as_given(doc: DocumentInput, task: PageTask, failure: Failure) -> Failure:
    """A page's failure renamed with the file as the person gave it (``in/scan.jpg``), like the failures
    found while discovering the inputs; workers only know the resolved path."""
    given = Path(doc.label).resolve()
    file = (doc.label if given == task.ref.path
            else shown(Path(doc.label) / task.ref.path.name) if given == task.ref.path.parent else None)
    return Failure(page_where(task.ref, file), failure.reason, failure.stage)


def _finish(store: ArchiveStore, doc: DocumentInput, pages: list[PageResult], settings: Settings,
            report: BatchReport, earlier: list[Earlier]) -> None:
    """Split, classify, describe and commit the documents of one input; failures go in the report, and so
    do the ``earlier`` versions of the input kept beside it (archivist/versions.py).

    An environment problem (disk full, index server gone) is not this document's fault: it stops the batch.
    """
    from .assemble import assemble
    from .commit import commit_part, summary

    try:
        parts = assemble(doc, pages, settings.split)
        ids = []
        for part in parts:
            rec = commit_part(store, doc, part, settings)
            report.documents.append({**summary(store, rec.to_dict()), "status": "processed"})
            ids.append(rec.id)
    except EnvironmentProblem:
        raise
    except Exception as e:  # noqa: BLE001 - reported, and the batch goes on
        report.failures.append(Failure(doc.label, f"could not write the document: {type(e).__name__}: {e}", "pdfa"))
        report.failed_documents += 1
        return
    if earlier:
        report.warnings.append(version_warning(doc.label, earlier, ids, len(pages), report.archive))
    report.warnings.extend(f"{doc.label} p.{p.number}: {w}" for p in pages for w in p.warnings)


#: (event, count): "start" with the pages to do, "page" per page done, "doc" per input done; or, when there is
#: nothing to do, "nothing" with the number of scan files found already in the archive (instead of "start")
ProgressFn = Callable[[str, int], None]


def _plan(store: ArchiveStore, inputs: list[Path], settings: Settings,
          report: BatchReport) -> tuple[list[DocumentInput], dict[str, list[Earlier]], int]:
    """The inputs still to do, with the earlier versions archived of each (by input id; looked up now, before
    the batch writes anything), and how many scan files were found already committed; those go in the report
    as such, damaged ones are said."""
    from .commit import finished, refile, summary

    docs, failures, skipped, notes = discover(inputs, folders_as_dossiers=settings.split != "file",
                                              archives=[store.root])
    report.warnings.extend(notes)
    report.failures.extend(failures)
    report.failed_documents += len(failures)
    report.skipped_files.extend(skipped)
    todo: list[DocumentInput] = []
    refiled = done_files = 0
    for doc in docs:
        done, damaged = finished(store, doc, settings)
        report.warnings.extend(f"{pdf}: missing or damaged (its SHA-256 differs from its record's); made again "
                               f"from {doc.label}" for pdf in damaged)
        if done is not None:
            summaries = [summary(store, rec) for rec in done]  # as committed, before any refiling
            if settings.fonds:  # the box named another fonds than the one these were filed in: refile them
                refiled += sum(refile(store, rec, settings.fonds) for rec in done)
            report.documents.extend({**d, "status": "already done"} for d in summaries)
            report.warnings.extend(_archived_before(doc, done))
            done_files += len(doc.sources)
        else:
            todo.append(doc)
    if refiled:
        report.warnings.append(f"{plural(refiled, 'document already done was', 'documents already done were')} "
                               f"filed in fonds {settings.fonds} (no OCR again)")
    sources = Sources(store.index().source_rows() if todo else [])
    return todo, {d.id: e for d in todo if (e := sources.earlier(d))}, done_files


def _archived_before(doc: DocumentInput, done: list[dict]) -> list[str]:
    """The warning for an input an earlier batch archived from other files with the same content (the box scanned
    into a new folder, a scan copied under another name): it is not archived again, and said, as the same scan
    twice in one batch is (archivist/discover.py), so the box's file count and the archive's do not part silently."""
    before = (done[0].get("source") or {}).get("paths") or []
    if not before or before == [str(p) for p in doc.sources]:
        return []
    return [f"{doc.label}: the same scan as {before[0]} (identical files), archived by an earlier batch as "
            f"{', '.join(r['id'] for r in done)}; not archived again"]


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
            todo, earlier, done_files = _plan(store, inputs, settings, report)
            if progress and not todo:
                progress("nothing", done_files)
            _run(store, executor, todo, earlier, settings, report, progress)
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


def _run(store: ArchiveStore, executor: Executor, todo: list[DocumentInput], earlier: dict[str, list[Earlier]],
         settings: Settings, report: BatchReport, progress: ProgressFn | None) -> None:
    """OCR every page of ``todo`` on the executor and commit each input as soon as its last page is in."""
    total = sum(len(d.pages) for d in todo)
    if progress and todo:
        progress("start", total)
    results: dict[int, dict[int, PageResult]] = {i: {} for i in range(len(todo))}
    failed: dict[int, list[Failure]] = {i: [] for i in range(len(todo))}
    spools: dict[int, ImageSpool] = {}  # long documents' page images wait on disk (archivist/spool.py)
    report.unfinished = [d.label for d in todo]
    try:
        for task, res in executor.map_unordered(process_page, _tasks(todo, settings), _page_failed):
            if isinstance(res, Failure):
                failed[task.doc].append(_as_given(todo[task.doc], task, res))
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
                    _finish(store, doc, pages, settings, report, earlier.get(doc.id, []))
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
