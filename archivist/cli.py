"""The ``archivist`` command: a thin Click layer over the library (see archivist.pipeline).

Exit codes: 0 everything succeeded, 1 some documents failed, 2 usage error.
"""

from __future__ import annotations

from . import gcpause
from .plural import plural

_COLLECTING = gcpause.pause()  # the command's imports, kept for its whole life: frozen, not collected (gcpause.py)

import functools  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from collections import Counter  # noqa: E402
from pathlib import Path  # noqa: E402

from .forkstart import default_workers, start_early_for  # noqa: E402

# ``archivist process``'s fork server starts before anything else is imported: its page-stage imports and
# model load (the longest part of a short batch's start-up) then overlap this process's own imports.
start_early_for(sys.argv[1:])

import click  # noqa: E402 - after the fork server is on its way

from . import __version__  # noqa: E402
from .cli_common import ArchivistGroup, echo_json, index_address  # noqa: E402
from .errors import EXIT_ENVIRONMENT, EXIT_FAILED  # noqa: E402
from .models import to_jsonable  # noqa: E402

gcpause.resume(_COLLECTING)

EPILOG_PROCESS = """\b
Examples:
  archivist process scans/ --archive /data/archive
  archivist process hoso-1998/ qd-45.jpg --archive archive --workers 2 --pdfa 2b
  archivist process "kho xa Tan Huong/" --archive archive --fonds C04756   # one former commune's storeroom
  archivist process scans/ --archive archive --json > batch.json
  archivist process /mnt/share/scans --archive /mnt/share/archive --executor dask --scheduler tcp://10.0.0.5:8786
  archivist process scans/ --archive archive --split file --layout blocks --quiet   # every file its own document
  archivist process ban-dien-tu.pdf --archive archive --force-ocr --ocr-engine cli --page-timeout 120
"""


class _Commands(ArchivistGroup):
    """The top group: the other stages' commands (search, archive, review, report, fonds) are imported when one
    of them, or the list of all, is asked for. Why: ``archivist process`` needs none of them, and each page
    worker runs the ``archivist`` script again as its main module (multiprocessing does that for every child
    of the fork server) before its first page: their imports (the archive store, its schemas, the index, the
    unit lists; 0.1 s, 0.3 s under load) were on every short batch's critical path, once per worker."""

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands:
            _register_optional()
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        _register_optional()
        return super().list_commands(ctx)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="archivist")
def main() -> None:
    """Turn scanned Vietnamese records into a searchable PDF/A archive.

    \b
    Typical session:
      archivist init --archive archive --commune 04714  # once: whose archive it is, and its fonds
      archivist process scans/ --archive archive        # OCR every scan into PDF/A + records
      archivist search "quyet dinh" --archive archive   # find documents, with or without diacritics
      archivist report --archive archive                # the batch at a glance: archive/report.html
      archivist --version                               # which archivist this is (say it in a bug report)

    Each command's options, with examples: archivist COMMAND --help (a group such as 'archivist fonds'
    typed alone lists its commands).
    """


class _Progress:
    """Pages done, pages per minute and ETA: a rich bar on a terminal, plain lines otherwise."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.tty = sys.stderr.isatty()
        self.done = 0
        self.total = 0
        self.bar = None
        self.task = None
        self._last_line = 0.0
        self.already: int | None = None  # set when the batch found nothing to do: scan files already archived

    def __call__(self, event: str, n: int) -> None:
        import time

        if self.quiet:
            return
        if event == "nothing":  # said once the batch's failures are known (nothing_to_do), not as 0 pages to do
            self.already = n
            return
        if event == "start":
            self.total = n
            self.t0 = time.perf_counter()
            if self.tty:
                from rich.console import Console
                from rich.progress import (
                    BarColumn,
                    MofNCompleteColumn,
                    Progress,
                    TextColumn,
                    TimeRemainingColumn,
                )

                self.bar = Progress(TextColumn("[bold]OCR"), BarColumn(), MofNCompleteColumn(),
                                    TextColumn("pages · {task.fields[ppm]} pages/min · ETA"), TimeRemainingColumn(),
                                    transient=True, console=Console(stderr=True))
                self.bar.start()
                self.task = self.bar.add_task("pages", total=n, ppm="–")
            else:
                click.echo(f"Processing {plural(n, 'page')}…", err=True)
            return
        if event == "page":
            self.done += n
            elapsed = time.perf_counter() - self.t0
            ppm = f"{60 * self.done / elapsed:.0f}" if elapsed > 0 else "–"
            if self.bar is not None:
                self.bar.update(self.task, advance=n, ppm=ppm)
            elif elapsed - self._last_line > 10 or self.done == self.total:
                self._last_line = elapsed
                click.echo(f"  {self.done}/{plural(self.total, 'page')}, {ppm} pages/min", err=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()

    def nothing_to_do(self, failed: int) -> None:
        """The one line a batch with no page to do prints instead of "Processing 0 pages…" and a bar over nothing:
        a re-run of a finished box says it is finished."""
        if self.already is None:
            return
        if failed:
            line = (f"Nothing to process: {plural(self.already, 'file')} already in the archive, {failed} could not "
                    "be read (listed below).")
        elif self.already:
            line = ("Nothing to do: the 1 file found is already in the archive." if self.already == 1 else
                    f"Nothing to do: all {self.already} files found are already in the archive.")
        else:
            line = "No scans found: nothing to do."
        click.echo(line, err=True)


@main.command(epilog=EPILOG_PROCESS)
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--archive", "-a", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Archive folder to write into (created if missing). Re-running the same command resumes.")
@click.option("--workers", "-w", type=click.IntRange(1, 256), default=default_workers, show_default="all cores",
              help="Pages processed in parallel, one process and one core each.")
@click.option("--executor", type=click.Choice(["local", "dask-local", "dask"]), default="local", show_default=True,
              help="Where pages are processed: this PC's cores, a Dask cluster started here, or an existing "
                   "Dask cluster (with --scheduler).")
@click.option("--scheduler", metavar="tcp://HOST:PORT",
              help="Address of the Dask scheduler for --executor dask (which it implies). Workers must see the "
                   "input files.")
@click.option("--index", "index_url", metavar="postgresql://USER@HOST/DB", callback=index_address,
              help="Keep the index in a shared PostgreSQL database instead of index.sqlite (remembered "
                   "in archive.json, so 'archivist search' finds it); an index.sqlite already there is removed "
                   "once PostgreSQL holds the records ('archivist reindex --index sqlite' moves it back), and so are "
                   "this archive's rows in the PostgreSQL database it names no longer. One database per archive: "
                   "one holding another archive's index, or the index of the archive this one is a copy of, is "
                   "refused. Example: --index postgresql://archivist@db.local/archive_xa_a")
@click.option("--pdfa", type=click.Choice(["1b", "2b"]), default="1b", show_default=True,
              help="PDF/A conformance level. 1b is what Vietnam's standard TCVN 14159-1:2024 (PDF/A-1) asks "
                   "for; 2b is the international default.")
@click.option("--fonds", "fonds_ref", metavar="FONDS",
              help="The fonds (phông) the box comes from: its code or name, as 'archivist fonds list' shows. "
                   "Without it each document's fonds is read from its issuer, addressees and date, and a doubtful "
                   "one is flagged for review.")
@click.option("--page-timeout", type=click.FloatRange(0), default=600, show_default=True, metavar="SECONDS",
              help="Stop a page that takes longer than this (a scan on which the OCR loops); it fails alone "
                   "and the batch goes on. 0: no limit.")
@click.option("--ocr-engine", type=click.Choice(["tesserocr", "cli"]), default="tesserocr", show_default=True,
              help="Tesseract in-process (fast) or the tesseract command (no Python binding needed).")
@click.option("--layout", type=click.Choice(["tesseract", "blocks"]), default="tesseract", show_default=True,
              help="How a page is cut for the OCR: Tesseract's own layout analysis, or the text blocks archivist "
                   "finds from the ink, each read as one block (faster; the cli engine always uses Tesseract's).")
@click.option("--split", type=click.Choice(["auto", "none", "file"]), default="auto", show_default=True,
              help="auto: find where documents start inside multi-page files and folders of pages; "
                   "none: each file or folder is one document; file: each file is one document.")
@click.option("--force-ocr", is_flag=True,
              help="OCR PDF pages that already carry text (born-digital) instead of keeping their own text.")
@click.option("--json", "as_json", is_flag=True, help="Print the batch report as JSON on stdout.")
@click.option("--quiet", "-q", is_flag=True, help="No progress display.")
def process(inputs: tuple[Path, ...], archive: Path, workers: int, executor: str, scheduler: str | None,
            index_url: str | None, pdfa: str, fonds_ref: str | None, page_timeout: float,
            ocr_engine: str, layout: str, split: str, force_ocr: bool, as_json: bool, quiet: bool) -> None:
    """OCR scans into searchable PDF/A documents with records and an index.

    INPUTS are files (JPEG, PNG, TIFF, PDF; also WebP, JPEG 2000, BMP, GIF, PNM and an iPhone's HEIC)
    and folders. A file is one document; a sub-folder of
    page images (one-page TIFFs and PDFs too) is one dossier document, pages in name order; a
    multi-page PDF or TIFF in it stays a document of its own. Every page is turned upright,
    deskewed, OCR'd in Vietnamese and written as PDF/A with an invisible text layer.
    Originals are only read, never changed. At the end the batch report is written to
    ARCHIVE/report.json and the visual quality report to ARCHIVE/report.html.
    Only one command writes an archive at a time (ARCHIVE/archive.lock names it).
    Exit code 0: all documents written; 1: some failed (each listed); 2: usage error or the
    archive busy with another writer; 3: the disk, the archive folder, PostgreSQL or Dask stopped
    the batch (the summary says what is unfinished; the same command resumes it).
    """
    from .forkstart import command_preload, start_early

    if scheduler and executor != "dask":  # a scheduler named is a cluster meant, never a silently local batch
        if click.get_current_context().get_parameter_source("executor") is not click.core.ParameterSource.DEFAULT:
            raise click.UsageError(f"--scheduler is for --executor dask, not --executor {executor}: leave one out")
        executor = "dask"
    start_early(workers, executor, page_timeout, command_preload())  # the workers' imports and model load overlap ours
    collecting = gcpause.pause()  # the pipeline's imports, frozen as the command's own (gcpause.py)
    try:
        from .pipeline import Settings
        from .pipeline import process as run
    finally:
        gcpause.resume(collecting)

    if executor == "dask" and not scheduler:
        raise click.UsageError("--executor dask needs --scheduler tcp://HOST:PORT")
    from .fsutil import as_on_disk

    inputs = tuple(as_on_disk(p) for p in inputs)  # a Mac's decomposed name typed composed, or the reverse
    missing = [p for p in inputs if not os.path.lexists(p)]
    if missing:  # a mistyped path is a usage error (exit 2), not a failed document
        raise click.UsageError(f"no such file or folder: {missing[0]}")
    settings = Settings(workers=workers, executor=executor, scheduler=scheduler, pdfa=pdfa, ocr_engine=ocr_engine,
                        force_ocr=force_ocr, split=split, index_url=index_url, page_timeout=page_timeout,
                        fonds=fonds_ref, layout=layout)
    prog = _Progress(quiet)  # on stderr: with --json too, a long batch shows it is moving while stdout stays JSON
    try:
        report = run(list(inputs), archive, settings, progress=prog)
    finally:
        prog.close()
    prog.nothing_to_do(report.failed_documents)
    if as_json:
        echo_json(to_jsonable({
            "ok": report.ok, "archive": str(archive), "pages": report.pages, "seconds": round(report.seconds, 2),
            "pages_per_minute": round(report.pages_per_minute, 1), "failed_documents": report.failed_documents,
            "documents": report.documents,
            "failures": report.failures, "warnings": report.warnings, "skipped_files": report.skipped_files,
            "stopped": report.stopped, "unfinished": report.unfinished,
        }))
        _print_problems(report)
    else:
        _print_summary(report)
    sys.exit(0 if report.ok else EXIT_ENVIRONMENT if report.stopped else EXIT_FAILED)


def _print_summary(report) -> None:
    """A short summary on stdout; warnings and failures as a table on stderr (plain lines when piped)."""

    done = [d for d in report.documents if d["status"] == "processed"]
    again = len(report.documents) - len(done)
    click.echo(f"Archive: {report.archive}")
    click.echo(f"Documents: {len(done)} processed, {again} already done, {report.failed_documents} failed")
    click.echo(f"Pages: {report.pages} in {report.seconds:.1f} s"  # a re-run with nothing left to do has no rate
               + (f" ({report.pages_per_minute:.1f} pages/min)" if report.pages else ""))
    if line := _fonds_line(report.documents):
        click.echo(line)
    if review := sum(bool(d.get("to_review")) for d in report.documents):
        click.echo(f"To review: {plural(review, 'document')} ('archivist review export' lists their fields)")
    if (html := Path(report.archive) / "report.html").is_file():
        # A stopped batch writes no HTML report (a full disk may not take it): the file there is an earlier batch's.
        click.echo(f"Report: {html} (open it in a web browser)" if not report.stopped else
                   f"Report: {html} is still the last finished batch's; this batch's is written when it finishes")
    if report.stopped:
        click.echo(f"Stopped early: {report.stopped}")
        click.echo(f"Unfinished: {plural(len(report.unfinished), 'input')}"
                   + (f" ({', '.join(report.unfinished[:5])}{', …' if len(report.unfinished) > 5 else ''})"
                      if report.unfinished else "") + "; run the same command again to finish them")
    _print_problems(report)


def _plain_stderr() -> bool:
    """True when stderr is surely no terminal for rich (``Console(stderr=True).is_terminal`` False), told without
    importing rich: neither ``TTY_COMPATIBLE`` nor ``FORCE_COLOR`` set (rich obeys those before asking the file)
    and stderr not a tty. Why: rich's console and table cost the main process 25 CPU ms a batch to import, and a
    piped batch (a script, a scheduler, the benches) prints plain lines (bench/RESULTS.md, issue 16, session 42).
    False leaves the choice to rich, as before."""
    if "TTY_COMPATIBLE" in os.environ or "FORCE_COLOR" in os.environ:
        return False
    isatty = getattr(sys.stderr, "isatty", None)
    try:
        return isatty is None or not isatty()
    except ValueError:  # a closed stream: rich says no terminal too
        return True


def _terminal_stderr():
    """rich's console on stderr when rich takes it for a terminal, else None (rich not imported when
    :func:`_plain_stderr` tells)."""
    if _plain_stderr():
        return None
    from rich.console import Console

    err = Console(stderr=True, soft_wrap=True)
    return err if err.is_terminal else None


def _print_problems(report) -> None:
    """Failures, warnings and skipped files on stderr: a table on a terminal, one line each when piped. With
    --json too, where they are also in the JSON: someone who sent stdout to a file still sees what went wrong."""
    from .warnparts import part_warning

    names = [d.get("label") for d in report.documents if d.get("label")] + [f.path for f in report.failures] \
        + list(report.skipped_files)
    rows = ([("error", f.path, f.reason) for f in report.failures]
            + [("warning", *part_warning(w, names, [Path(report.archive)])) for w in report.warnings]
            + [("skipped", f, "not a scan (left alone)") for f in report.skipped_files])
    if not rows:
        return
    err = _terminal_stderr()
    if err is not None:
        from rich.table import Table

        table = Table("", "file", "reason", title="Batch report (also in report.json)", title_justify="left")
        for kind, path, reason in rows:
            table.add_row(f"[red]{kind}[/]" if kind == "error" else kind, path, reason)
        err.print(table)
    else:
        for kind, path, reason in rows:
            click.echo(f"{kind}: {path}: {reason}" if path else f"{kind}: {reason}", err=True)


def _fonds_line(documents: list[dict]) -> str | None:
    """``Fonds: C04756 2, M04714 1 (1 uncertain)``: where this batch's documents were filed (none in an archive
    without fonds). The uncertain ones are among the documents the ``To review`` line counts."""
    if not any(d.get("fonds") for d in documents):
        return None
    counts = Counter(d.get("fonds") or "none yet" for d in documents)
    review = sum(bool(d.get("fonds_review")) for d in documents)
    return ("Fonds: " + ", ".join(f"{code} {n}" for code, n in sorted(counts.items()))
            + (f" ({review} uncertain)" if review else ""))


@functools.cache
def _register_optional() -> None:
    """Commands of the other stages live in their own modules; the CLI only lists them (when asked: see
    :class:`_Commands`)."""
    import importlib
    import importlib.util

    for module in ("cli_search", "cli_archive", "cli_review", "cli_report", "cli_fonds", "cli_supersede"):
        if importlib.util.find_spec(f"archivist.{module}") is None:
            continue
        mod = importlib.import_module(f"archivist.{module}")
        for obj in vars(mod).values():
            if isinstance(obj, click.Command) and obj.name not in main.commands:
                main.add_command(obj)


if __name__ == "__main__":
    main()
