"""Session 33: a JPEG with data after its picture (a phone's motion photo) through ``archivist process``.

Google's and Samsung's motion photos are a ``.jpg`` whose JPEG picture is followed by an MP4 of a second or
two (1-4 MB); Pillow opens them as a plain JPEG. This makes the typed A4 page of ``bench/mpo_page.py`` (300 dpi,
colour, JPEG quality 90) and writes it twice: as it is (``plain.jpg``) and followed by ``--trailer`` bytes that
start as an MP4 does (an ``ftyp`` box, then random bytes: ``motion.jpg``). It runs the CLI of ``--tree`` on each
(one worker) and prints what a user gets: the file's and the PDF's bytes, the PDF image stream's length and
whether it is the file's picture (its bytes up to the JPEG's end), the load stage's wall and CPU seconds from
the record, the words read, the warnings. Then ``archivist.ingest.load_page`` of ``--tree`` alone on each page in
one process, CPU ms (each page warmed once, then ``--load-repeat`` times; the least and the mean), which the
shared machine's load does not stretch as it does the worker's wall time. ``--tree`` may be an export of an
older commit (``git archive 5f950e0 | tar -x -C /tmp/base``) to compare before and after.

    .venv/bin/python -m bench.jpeg_trailer --tree . --out /tmp/trailer-bench [--repeat 3] [--load-repeat 30]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import struct
import subprocess
import sys
from pathlib import Path

import pikepdf

from bench.mpo_page import run, typed_photo

MIB = 1 << 20


def mp4_like(size: int, seed: int = 33) -> bytes:
    """``size`` bytes that begin as an MP4 file does (an ``ftyp`` box naming its brands), then noise."""
    box = struct.pack(">I", 24) + b"ftypmp42" + struct.pack(">I", 0) + b"isommp42"
    return box + random.Random(seed).randbytes(size - len(box))


def make_pages(scans: Path, trailer: int) -> int:
    """``plain.jpg`` and ``motion.jpg`` (the same bytes, then ``trailer`` more) in ``scans/<name>/``; the
    picture's length."""
    for name in ("plain", "motion"):
        (scans / name).mkdir(parents=True, exist_ok=True)
    plain = scans / "plain" / "plain.jpg"
    if not plain.exists():
        typed_photo().save(plain, "JPEG", quality=90, dpi=(300, 300))
    picture = plain.read_bytes()
    motion = scans / "motion" / "motion.jpg"
    if not motion.exists() or motion.stat().st_size != len(picture) + trailer:
        motion.write_bytes(picture + mp4_like(trailer))
    return len(picture)


def image_stream(pdf_path: Path) -> bytes:
    """The raw (still compressed) data of the first page's image."""
    with pikepdf.open(pdf_path) as pdf:
        (image,) = [v for v in pdf.pages[0].images.values()]
        return image.read_raw_bytes()


def measure(tree: Path, folder: Path, archive: Path, picture: int) -> dict:
    """One run of ``folder``: :func:`bench.mpo_page.run`'s figures and the PDF's image stream."""
    result = run(tree, folder, archive)
    (pdf_path,) = (archive / "documents").glob("*.pdf")
    stream = image_stream(pdf_path)
    source = next(folder.glob("*.jpg")).read_bytes()
    rec = json.loads(next((archive / "documents").glob("*.json")).read_text(encoding="utf-8"))
    return {"input": folder.name, **result, "stream_bytes": len(stream),
            "stream_is_picture": stream == source[:picture], "stream_is_file": stream == source,
            "image": rec["pages"][0]["image"]}


#: Times ``load_page`` of the file ``argv[1]`` ``argv[2]`` times after one warm-up; prints least and mean CPU ms.
_LOAD_CPU = """
import sys, time
from pathlib import Path
from archivist.ingest import load_page
from archivist.models import PageRef
ref, times = PageRef(Path(sys.argv[1]), "image"), []
load_page(ref)
for _ in range(int(sys.argv[2])):
    t = time.process_time()
    load_page(ref)
    times.append(time.process_time() - t)
print(round(min(times) * 1000, 1), round(sum(times) / len(times) * 1000, 1))
"""


def load_cpu(tree: Path, page: Path, repeat: int) -> dict:
    """``load_page`` of ``tree`` on ``page`` in a fresh process: least and mean CPU ms of ``repeat`` runs."""
    out = subprocess.run([sys.executable, "-c", _LOAD_CPU, str(page), str(repeat)], cwd=tree, check=True,
                         capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(tree)}).stdout
    least, mean = map(float, out.split())
    return {"input": page.parent.name, "load_page_cpu_ms_least": least, "mean": mean, "runs": repeat}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tree", type=Path, required=True, help="the project tree whose CLI runs (e.g. . or an export)")
    ap.add_argument("--out", type=Path, required=True, help="a scratch folder: the pages and the archives go there")
    ap.add_argument("--trailer", type=int, default=MIB, help="bytes after the picture (default 1 MiB)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each page (the load time moves with the load)")
    ap.add_argument("--load-repeat", type=int, default=30, help="timed load_page runs of each page (0: none)")
    args = ap.parse_args()
    scans = args.out / "scans"
    picture = make_pages(scans, args.trailer)
    for _ in range(args.repeat):
        for name in ("plain", "motion"):
            print(json.dumps(measure(args.tree.resolve(), scans / name, args.out / f"archive-{name}", picture),
                             ensure_ascii=False), flush=True)
    for name in ("plain", "motion") if args.load_repeat else ():
        print(json.dumps(load_cpu(args.tree.resolve(), scans / name / f"{name}.jpg", args.load_repeat)), flush=True)


if __name__ == "__main__":
    main()
