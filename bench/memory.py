"""Memory on long inputs: is resident memory bounded by the page, or does it grow with the input?

Builds inputs of ``--pages`` pages in three shapes and runs the real ``archivist process`` on each
with 1 and 2 workers, sampling the RSS of the parent and of every worker every 0.5 s:

- ``files``:   N one-page JPEG files in one folder, N documents (each committed when done);
- ``dossier``: one sub-folder of N JPEG pages, one document of N pages;
- ``tiff``:    one N-page bilevel (CCITT G4) TIFF, one document of N pages.

"Bounded" means a flat RSS curve: what a process holds at 90 % of the pages is what it held at
10 %. A worker must be flat in every shape. The parent must be flat for ``files``; for one
N-page document it holds each page's result (words, text, the encoded image to embed) until the
document is written, so it grows by a fixed amount per page; the figure per page is printed so
it can be multiplied out to a real 2,000-page dossier.

Pages are small (A6 at 150 dpi, 4 lines) so OCR costs a fraction of a second; copies of a few
rendered pages differ by a JPEG comment (or, in the TIFF, a page number) so no two are the same file.

    .venv/bin/python bench/memory.py --pages 2000 --shapes files,tiff --workers 1,2
"""

from __future__ import annotations

import argparse
import io
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psutil
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.textpage import FONT, text_page  # noqa: E402

MB = 1 << 20
BASES = 6  # distinct rendered pages the input is made of


def _base_pages(dpi: int = 150) -> list[Image.Image]:
    """A6 pages holding 4 lines of Vietnamese text: real OCR work, a fraction of a second each."""
    pages = []
    for seed in range(BASES):
        page, _ = text_page(dpi, seed=seed, lines=4)
        pages.append(page.crop((0, 0, int(4.13 * dpi), int(5.83 * dpi))))
    return pages


def _jpeg_copies(n: int) -> Iterator[tuple[int, bytes]]:
    """``n`` JPEGs from a few encodings: a COM segment after SOI carries the page number (new SHA, same pixels)."""
    encoded = []
    for page in _base_pages():
        buf = io.BytesIO()
        page.save(buf, format="JPEG", quality=80, dpi=(150, 150))
        encoded.append(buf.getvalue())
    for i in range(n):
        data = encoded[i % len(encoded)]
        comment = f"page {i + 1}".encode()
        yield i, data[:2] + b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment + data[2:]


def _tiff_frames(n: int) -> Iterator[Image.Image]:
    """Bilevel frames with the page number drawn in the corner, as a scanner's multi-page TIFF would hold."""
    bases = [p.point(lambda v: 255 if v > 140 else 0).convert("1", dither=Image.Dither.NONE) for p in _base_pages()]
    font = ImageFont.truetype(FONT, 18)
    for i in range(n):
        frame = bases[i % len(bases)].copy()
        ImageDraw.Draw(frame).text((20, 10), f"- {i + 1} -", font=font, fill=0)
        yield frame


def build(shape: str, n: int, out: Path) -> Path:
    """The ``shape`` input of ``n`` pages under ``out`` (made once, in a child process so that what
    Pillow keeps while writing 2,000 TIFF frames does not count in this process's RSS)."""
    import multiprocessing

    folder = out / f"{shape}-{n}"
    if not folder.exists():
        child = multiprocessing.get_context("fork").Process(target=_write, args=(shape, n, out, folder))
        child.start()
        child.join()
        if child.exitcode:
            raise SystemExit(f"building {folder} failed")
    return folder


def _write(shape: str, n: int, out: Path, folder: Path) -> None:
    tmp = out / f".{shape}-{n}.part"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    if shape in ("files", "dossier"):
        target = tmp if shape == "files" else tmp / "hồ sơ"
        target.mkdir(exist_ok=True)
        for i, data in _jpeg_copies(n):
            (target / f"trang-{i + 1:04d}.jpg").write_bytes(data)
    elif shape == "tiff":
        frames = _tiff_frames(n)
        first = next(frames)
        first.save(tmp / "so-dang-ky.tif", save_all=True, append_images=frames, compression="group4",
                   dpi=(150, 150))
    else:
        raise ValueError(shape)
    tmp.rename(folder)


@dataclass
class Sample:
    t: float
    done: int  # pages done, from the progress lines (interpolated between them)
    rss: dict[int, int]  # pid -> bytes


@dataclass
class Run:
    shape: str
    workers: int
    pages: int
    seconds: float = 0.0
    ppm: float = 0.0
    returncode: int = 0
    samples: list[Sample] = field(default_factory=list)
    roles: dict[int, str] = field(default_factory=dict)  # pid -> "parent" | "worker N"
    load_ms: tuple[float, float] = (0.0, 0.0)  # median page load time, first and last 10 % of pages


def _rss(proc: psutil.Process) -> dict[int, int]:
    out = {}
    for p in [proc, *proc.children(recursive=True)]:
        try:
            out[p.pid] = p.memory_info().rss
        except psutil.Error:
            pass
    return out


def run(shape: str, src: Path, n: int, workers: int, archive: Path) -> Run:
    """One ``archivist process`` run, RSS of each process every 0.5 s, progress from its plain output."""
    shutil.rmtree(archive, ignore_errors=True)
    cmd = [str(ROOT / ".venv" / "bin" / "archivist"), "process", str(src), "--archive", str(archive),
           "--workers", str(workers)]
    result = Run(shape, workers, n)
    progress: list[tuple[float, int]] = [(0.0, 0)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def read_progress() -> None:
        for line in proc.stderr:
            m = re.match(r"\s+(\d+)/(\d+) pages", line)
            if m:
                progress.append((time.perf_counter() - t0, int(m.group(1))))

    reader = threading.Thread(target=read_progress, daemon=True)
    reader.start()
    ps = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            result.samples.append(Sample(time.perf_counter() - t0, 0, _rss(ps)))
        except psutil.Error:
            pass
        time.sleep(0.5)
    stdout = proc.stdout.read()
    reader.join(timeout=5)
    result.returncode = proc.returncode
    result.seconds = time.perf_counter() - t0
    m = re.search(r"Pages: (\d+) in ([\d.]+) s \(([\d.]+) pages/min\)", stdout)
    if m:
        result.ppm = float(m.group(3))
    for s in result.samples:  # pages done at each sample, linear between progress lines
        s.done = _interpolate(progress, s.t)
    result.load_ms = _load_times(archive)
    result.roles = {proc.pid: "parent"}
    for i, pid in enumerate(sorted({p for s in result.samples for p in s.rss} - {proc.pid}), start=1):
        result.roles[pid] = f"worker {i}"
    return result


def _load_times(archive: Path) -> tuple[float, float]:
    """Median decode time of the first and the last tenth of the pages (a growing cost shows up here)."""
    import json
    import statistics

    loads = [p["timings"]["load"] * 1000 for rec in sorted((archive / "documents").glob("*.json"))
             for p in json.loads(rec.read_text(encoding="utf-8"))["pages"]]
    k = max(1, len(loads) // 10)
    return (statistics.median(loads[:k]), statistics.median(loads[-k:])) if loads else (0.0, 0.0)


def _interpolate(points: list[tuple[float, int]], t: float) -> int:
    for (t0, d0), (t1, d1) in zip(points, points[1:], strict=False):
        if t0 <= t <= t1:
            return int(d0 + (d1 - d0) * (t - t0) / max(t1 - t0, 1e-9))
    return points[-1][1]


def _at(run: Run, pid: int, fraction: float) -> float | None:
    """RSS (MB) of ``pid`` at the first sample where ``fraction`` of the pages were done."""
    for s in run.samples:
        if s.done >= fraction * run.pages and pid in s.rss:
            return s.rss[pid] / MB
    return None


def report(run: Run) -> list[str]:
    lines = [f"{run.shape}, {run.pages} pages, {run.workers} worker(s): {run.seconds:.0f} s, "
             f"{run.ppm:.1f} pages/min, exit {run.returncode}; page decode {run.load_ms[0]:.0f} ms (first 10 %) "
             f"-> {run.load_ms[1]:.0f} ms (last 10 %)",
             f"  {'process':10} {'peak MB':>8} {'@10%':>7} {'@50%':>7} {'@90%':>7} {'MB/1000 pages 10->90%':>22}"]
    for pid, role in run.roles.items():
        peak = max((s.rss.get(pid, 0) for s in run.samples), default=0) / MB
        at = [_at(run, pid, f) for f in (0.1, 0.5, 0.9)]
        slope = (at[2] - at[0]) / (0.8 * run.pages) * 1000 if None not in (at[0], at[2]) else None
        cells = " ".join(f"{a:7.0f}" if a is not None else f"{'-':>7}" for a in at)
        lines.append(f"  {role:10} {peak:8.0f} {cells} {slope if slope is not None else float('nan'):22.1f}")
    return lines


def probe_ingest(shape: str, src: Path) -> list[str]:
    """Discovery and page decoding alone, in this process, at pages spread over the whole input.

    No OCR, so it runs at the full 2,000 pages in seconds: what one worker's decode of page k
    costs, and whether this process grows as it decodes pages further into the input.
    """
    from archivist.discover import discover
    from archivist.ingest import load_page

    me = psutil.Process()
    t = time.perf_counter()
    docs, failures, _, _ = discover([src])
    lines = [f"ingest {shape}: discover {len(docs)} document(s), {sum(len(d.pages) for d in docs)} pages, "
             f"{len(failures)} failures in {time.perf_counter() - t:.1f} s, RSS {me.memory_info().rss / MB:.0f} MB"]
    refs = [r for d in docs for r in d.pages]
    cells = []
    for k in sorted({0, len(refs) // 4, len(refs) // 2, 3 * len(refs) // 4, len(refs) - 1}):
        t = time.perf_counter()
        load_page(refs[k])
        cells.append(f"p.{k + 1} {1000 * (time.perf_counter() - t):.0f} ms/{me.memory_info().rss / MB:.0f} MB")
    lines.append("  decode (time/RSS after): " + ", ".join(cells))
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=2000, help="pages per input (default 2000)")
    ap.add_argument("--shapes", default="files,dossier,tiff", help="comma-separated: files, dossier, tiff")
    ap.add_argument("--workers", default="1,2", help="comma-separated worker counts (empty: only the decode probe)")
    ap.add_argument("--ingest-pages", type=int, default=2000,
                    help="pages of the decode-only probe (no OCR; 0 to skip it)")
    ap.add_argument("--work", type=Path, default=ROOT / "bench" / ".memory", help="where inputs and archives go")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    for shape in args.shapes.split(",") if args.ingest_pages else ():
        print("\n".join(probe_ingest(shape, build(shape, args.ingest_pages, args.work))), flush=True)
    for shape in args.shapes.split(","):
        t = time.perf_counter()
        src = build(shape, args.pages, args.work)
        print(f"# input {src} ready in {time.perf_counter() - t:.1f} s", flush=True)
        for w in (int(x) for x in args.workers.split(",") if x):
            r = run(shape, src, args.pages, w, args.work / f"archive-{shape}-{w}")
            print("\n".join(report(r)), flush=True)


if __name__ == "__main__":
    main()
