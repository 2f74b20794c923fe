"""OCRmyPDF as the benches run it: one configuration on a set of pages, its CPU, and its text read back three ways.

Why a module of its own: the harness (bench/harness.py), the mixed-corpus bench (bench/formats.py) and the
configuration bench (bench/ocrmypdf_configs.py) must run OCRmyPDF and read its output the same way, or
their word errors would not compare. Session 30 found the harness's 54-88% word error for OCRmyPDF was
mostly OCRmyPDF's own (its ``--deskew`` asks Tesseract's ``--psm 2`` for the angle, which reports 0 or
"Empty page" on pages skewed 5-15 degrees, so Tesseract then reads the skewed page), and partly the
reading: on a page left skewed, the default renderer (fpdf2) draws each line along its slope with a font
sized from the tilted line's box, and ``pdftotext``'s layout analysis cuts those lines into letters. So
each run is read three ways, per page: ``pdftotext`` (what the harness read), ``pdftotext -raw`` (content
order: a word drawn in one piece stays whole, however its line slopes, as a viewer's search meets it), and
OCRmyPDF's ``--sidecar`` (Tesseract's own text, before any renderer: the OCR's error alone).
"""

from __future__ import annotations

import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from bench.measure import MemoryWatch, cpu_clock, timed

OCRMYPDF_VENV = Path(__file__).resolve().parent / ".venv-ocrmypdf"
#: the configuration issue 16 measured against (bench/run's OCRmyPDF since session 9)
ISSUE_OPTIONS = ("-l", "vie", "--rotate-pages", "--deskew", "--output-type", "pdfa")
READINGS = ("pdftotext", "pdftotext -raw", "sidecar")
PDF_READINGS = READINGS[:2]


@dataclass(frozen=True)
class Config:
    """One way of running OCRmyPDF: its options, and whether it gets one joined PDF or each file on its own."""

    name: str
    options: tuple[str, ...]
    jobs: int = 2
    per_file: bool = False  # True: each input file its own ocrmypdf, two at a time (--jobs 1 each)

    def command(self) -> str:
        shown = ["ocrmypdf", *self.options, "--jobs", str(1 if self.per_file else self.jobs)]
        return " ".join(shown) + (" FILE (2 files at a time)" if self.per_file else " JOINED.pdf")


#: what bench/run runs (harness.py's ocrmypdf and ocrmypdf-batch, formats.py's mixed corpus): OCRmyPDF's best
#: configuration on the mixed corpus (session 30, bench/RESULTS.md "OCRmyPDF in the harness"): the issue's options,
#: a page turned when Tesseract's orientation confidence passes 5 (not 14: one JPEG page turned 270 degrees said
#: 13.6 and stayed turned), and the sandwich renderer, whose text layer reads whole on a page left skewed; the
#: lowest word error of those measured, at the issue's CPU.
BENCH_CONFIG = Config("issue-rot5-sandwich", (*ISSUE_OPTIONS, "--rotate-pages-threshold", "5",
                                              "--pdf-renderer", "sandwich"))


@dataclass
class Run:
    """What one configuration did on one set of pages: seconds, CPU, bytes, the text of each page by reading."""

    config: Config
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    output_bytes: int = 0
    peak_rss_total: int = 0  # bytes: the largest sum over one command's processes (times two for per-file runs)
    peak_rss_process: int = 0  # bytes: the largest single process
    failed: str = ""
    pdfs: list[Path] = field(default_factory=list)
    texts: dict[str, list[str]] = field(default_factory=dict)  # reading -> text of each page, in input order


def executable(name: str = "ocrmypdf") -> Path:
    return OCRMYPDF_VENV / "bin" / name


def installed() -> bool:
    return executable().exists()


def join_pages(files: list[Path], joined: Path) -> Path:
    """The files' pages in one PDF, images embedded as they are (img2pdf), PDFs' pages copied (pikepdf)."""
    if files and all(f.suffix.lower() == ".pdf" for f in files):
        import pikepdf

        with pikepdf.new() as merged:
            for f in files:
                with pikepdf.open(f) as src:
                    merged.pages.extend(src.pages)
            merged.save(joined)
    else:
        subprocess.run([str(executable("img2pdf")), *map(str, files), "-o", str(joined)], check=True)
    return joined


def pdf_page_texts(pdf: Path, pages: int, raw: bool = False) -> list[str]:
    """Each page's text by ``pdftotext`` (its layout analysis) or ``pdftotext -raw`` (content-stream order)."""
    from bench.harness import pdftotext

    return [pdftotext(pdf, i, raw=raw) for i in range(1, pages + 1)]


def sidecar_pages(path: Path, pages: int) -> list[str]:
    """OCRmyPDF's ``--sidecar`` text split into its pages (it ends each page with a form feed)."""
    parts = path.read_text(encoding="utf-8").split("\f") if path.exists() else []
    return (parts + [""] * pages)[:pages]


def _page_count(path: Path) -> int:
    import pikepdf

    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def _one(config: Config, src: Path, pdf: Path, jobs: int) -> tuple[float, float, str, MemoryWatch]:
    """One ocrmypdf command: wall seconds, CPU seconds (children included), its error if it failed, its memory."""
    cmd = [str(executable()), "-q", *config.options, "--jobs", str(jobs), "--sidecar", str(pdf.with_suffix(".txt")),
           str(src), str(pdf)]
    with cpu_clock() as cpu:
        secs, watch, cp = timed(cmd)
    failed = "" if cp.returncode == 0 else f"exit {cp.returncode}: {cp.stderr.decode('utf-8', 'replace')[-300:]}"
    return secs, max(cpu.seconds, watch.cpu_seconds), failed, watch


def run_config(config: Config, files: list[Path], dest: Path) -> Run:
    """Run ``config`` on ``files`` (sorted as the truth is) into ``dest``; every page read the three ways.

    Joined: the files' pages in one PDF (bench/run's way since session 9), made before the clock starts.
    Per file: each file (image, multi-page TIFF or PDF: OCRmyPDF takes them all) its own ocrmypdf with
    ``--jobs 1``, two at a time; CPU is the sum of the commands.
    """
    dest.mkdir(parents=True, exist_ok=True)
    res = Run(config)
    if config.per_file:
        outs = [dest / f"{f.stem}.pdf" for f in files]
        t0 = time.perf_counter()
        with ThreadPoolExecutor(2) as ex:
            done = list(ex.map(lambda io: _one(config, io[0], io[1], 1), zip(files, outs, strict=True)))
        res.seconds = time.perf_counter() - t0
        res.cpu_seconds = sum(d[1] for d in done)
        res.failed = "; ".join(d[2] for d in done if d[2])
        res.peak_rss_total = 2 * max(d[3].total for d in done)
        res.peak_rss_process = max(d[3].single for d in done)
    else:
        joined = join_pages(files, dest / "input.pdf")
        outs = [dest / "output.pdf"]
        res.seconds, res.cpu_seconds, res.failed, watch = _one(config, joined, outs[0], config.jobs)
        res.peak_rss_total, res.peak_rss_process = watch.total, watch.single
    res.pdfs = [o for o in outs if o.exists()]
    res.texts = {k: [] for k in READINGS}
    for out in outs:
        n = _page_count(out) if out.exists() else 0
        res.output_bytes += out.stat().st_size if out.exists() else 0
        res.texts["pdftotext"] += pdf_page_texts(out, n)
        res.texts["pdftotext -raw"] += pdf_page_texts(out, n, raw=True)
        res.texts["sidecar"] += sidecar_pages(out.with_suffix(".txt"), n)
    return res



def pdf_word_errors(truth: list[dict], texts: dict[str, list[str]]) -> tuple[str, list[float]]:
    """The PDF's word error per page by the pdftotext reading that reads this run better, and its name.

    The better of the two, not one fixed: on pages OCRmyPDF leaves skewed, its fpdf2 renderer's words
    come out whole by layout analysis and glued by content order, its sandwich renderer's the other way
    round (session 30); archivist's read the same both ways. Crediting OCRmyPDF with the better reading
    errs on its side. A page the run did not give back counts as all wrong.
    """
    from archivist.metrics import bag_of_words_error

    by = {k: [bag_of_words_error(t["text"], (texts.get(k, []) + [""] * len(truth))[i]) for i, t in enumerate(truth)]
          for k in PDF_READINGS}
    best = min(PDF_READINGS, key=lambda k: sum(by[k]))
    return best, by[best]
