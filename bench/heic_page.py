"""Session 34: an iPhone's HEIC photo of a page, what it costs to read and to store (archivist/heif.py).

``pages``: makes a phone-like photo of a typed A4 page (300 dpi text on a desk, uneven light, the lens's blur,
the sensor's noise left after the phone's denoising) at 12 MP (3024 x 4032) and at 3 MP (1512 x 2016), saves
each as HEIC at two qualities (pillow-heif's default, 50, and 75) and as a phone's JPEG (quality 90) of the same
pixels, then prints per file: its bytes; the ``load`` stage's CPU seconds (:func:`archivist.ingest.load_page`,
mean of ``--repeat`` after one warm-up); and for the HEIC, what storing the decoded pixels costs each way: the
lossless Flate archivist writes (level 1, as every re-encoded page), level 6, and a JPEG at quality 95 with its
error against the decoded pixels.

``startup``: CPU seconds of a fresh process importing what a batch imports (the CLI, discovery, the page stage
the fork server loads) and reading one JPEG page, for each ``--tree`` in turn, ``--runs`` times alternating, and
whether pillow-heif was imported.

``cli``: ``archivist process`` of ``--tree`` (one worker) on each HEIC and the JPEG of ``pages``: the PDF's
bytes against the file's, the record's load CPU, the words read.

    .venv/bin/python -m bench.heic_page pages --out /tmp/heic-bench [--repeat 3]
    .venv/bin/python -m bench.heic_page startup --tree /tmp/base --tree . [--runs 8]
    .venv/bin/python -m bench.heic_page cli --out /tmp/heic-bench --tree .
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

from tests.textpage import text_page

SIZES = {"12mp": (3024, 4032), "3mp": (1512, 2016)}
QUALITIES = (50, 75)


def phone_photo(size: tuple[int, int], seed: int = 3) -> Image.Image:
    """A typed A4 page photographed on a desk: the page 86% of the frame's width, tilted 1.2°, slightly yellow
    paper, light falling off across the frame, the lens's blur and the noise a phone leaves."""
    page, _ = text_page(300, seed=seed)
    rng = np.random.default_rng(seed)
    w, h = size
    frame = np.zeros((h, w, 3), np.float32)
    frame[:] = (120, 95, 70)  # a wooden desk
    pw = int(w * 0.86)
    ph = int(pw * page.height / page.width)
    grey = np.asarray(page.resize((pw, ph), Image.Resampling.LANCZOS).rotate(1.2, Image.Resampling.BICUBIC,
                                                                             fillcolor=235), np.float32)
    x0, y0 = (w - pw) // 2, (h - ph) // 2
    frame[y0:y0 + ph, x0:x0 + pw] = np.stack([grey, grey * 0.97, grey * 0.90], -1)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    frame *= (0.75 + 0.3 * (xx / w) * (1 - 0.4 * yy / h))[..., None]
    blurred = Image.fromarray(frame.clip(0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(1.0))
    noisy = np.asarray(blurred, np.float32) + rng.normal(0, 3.0, (h, w, 3))
    return Image.fromarray(noisy.clip(0, 255).astype(np.uint8), "RGB")


def make_files(out: Path) -> dict[str, Path]:
    """The HEIC and JPEG files of every size (made once; kept in ``out/scans``)."""
    import pillow_heif

    scans = out / "scans"
    scans.mkdir(parents=True, exist_ok=True)
    files = {}
    for name, size in SIZES.items():
        photo = None
        for q in QUALITIES:
            path = scans / f"{name}-q{q}.heic"
            if not path.exists():
                photo = photo or phone_photo(size)
                pillow_heif.from_pillow(photo).save(path, quality=q)
            files[path.stem] = path
        path = scans / f"{name}.jpg"
        if not path.exists():
            (photo or phone_photo(size)).save(path, quality=90)
        files[path.stem] = path
    return files


def load_cpu(path: Path, repeat: int) -> float:
    from archivist.ingest import load_page
    from archivist.models import PageRef

    ref = PageRef(path, "image", 0)
    load_page(ref)
    t = time.process_time()
    for _ in range(repeat):
        load_page(ref)
    return (time.process_time() - t) / repeat


def storage(path: Path) -> dict:
    """The decoded HEIC stored each way: bytes, CPU seconds, and a JPEG's error against the decoded pixels."""
    import pillow_heif

    from archivist.payload import encode_lossless

    im = pillow_heif.open_heif(path, convert_hdr_to_8bit=True).to_pillow()
    out = {}
    for level in (1, 6):
        t = time.process_time()
        size = len(encode_lossless(im, level).data)
        out[f"flate{level}"] = {"bytes": size, "cpu_s": round(time.process_time() - t, 3)}
    buf = io.BytesIO()
    t = time.process_time()
    im.save(buf, "JPEG", quality=95)
    cpu = time.process_time() - t
    err = np.abs(np.asarray(Image.open(io.BytesIO(buf.getvalue())), np.int16) - np.asarray(im, np.int16))
    out["jpeg95"] = {"bytes": len(buf.getvalue()), "cpu_s": round(cpu, 3), "max_error": int(err.max()),
                     "mean_error": round(float(err.mean()), 2)}
    return out


def pages(args: argparse.Namespace) -> None:
    for stem, path in make_files(args.out).items():
        row = {"file": stem, "bytes": path.stat().st_size, "load_cpu_s": round(load_cpu(path, args.repeat), 3)}
        if path.suffix == ".heic":
            row["stored"] = storage(path)
        print(json.dumps(row))


STARTUP = """
import sys
from pathlib import Path
import archivist.cli, archivist.discover, archivist.pagework, archivist.warm
from archivist.ingest import count_pages, load_page
from archivist.models import PageRef
page = Path(sys.argv[1])
count_pages(page)
load_page(PageRef(page, "image", 0))
print("pillow_heif" in sys.modules)
"""


def startup(args: argparse.Namespace) -> None:
    jpeg = args.out / "startup.jpg"
    args.out.mkdir(parents=True, exist_ok=True)
    text_page(200, seed=1)[0].save(jpeg, quality=90)
    cpu: dict[str, list[float]] = {str(t): [] for t in args.tree}
    loaded = {}
    for _ in range(args.runs):
        for tree in args.tree:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            res = subprocess.run([sys.executable, "-c", STARTUP, str(jpeg)], cwd=tree, capture_output=True, text=True,
                                 env={**os.environ, "PYTHONPATH": os.pathsep.join([str(tree), *args.path])},
                                 check=True)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[str(tree)].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
            loaded[str(tree)] = res.stdout.strip()
    for tree, times in cpu.items():
        print(json.dumps({"tree": tree, "cpu_s_median": round(float(np.median(times)), 3),
                          "cpu_s": [round(t, 3) for t in times], "pillow_heif_imported": loaded[tree]}))


def cli(args: argparse.Namespace) -> None:
    tree = args.tree[0].resolve()
    for stem, path in make_files(args.out).items():
        scans = args.out / "one" / stem
        scans.mkdir(parents=True, exist_ok=True)
        if not (scans / path.name).exists():
            shutil.copy(path, scans / path.name)
        archive = args.out / "archive" / stem
        shutil.rmtree(archive, ignore_errors=True)
        subprocess.run([sys.executable, "-c", "from archivist.cli import main; main()", "process", str(scans),
                        "--archive", str(archive), "--workers", "1", "--quiet"], cwd=tree, check=True,
                       env={**os.environ, "PYTHONPATH": os.pathsep.join([str(tree), *args.path])})
        (rec_path,) = (archive / "documents").glob("*.json")
        rec = json.loads(rec_path.read_text(encoding="utf-8"))
        page = rec["pages"][0]
        print(json.dumps({"file": stem, "format": page["source"].get("format"), "input_bytes": rec["source"]["bytes"],
                          "pdf_bytes": rec["output"]["bytes"],
                          "pdf_over_input": round(rec["output"]["bytes"] / rec["source"]["bytes"], 2),
                          "filter": page["image"]["filter"], "cpu_load_s": page["timings"].get("cpu_load"),
                          "words": len(page["words"]), "decision": page["orientation_decision"]}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=("pages", "startup", "cli"))
    ap.add_argument("--out", type=Path, default=Path("/tmp/heic-bench"), help="a scratch folder for the files")
    ap.add_argument("--tree", type=Path, action="append", default=[], help="a project tree (startup, cli)")
    ap.add_argument("--path", action="append", default=[], help="more PYTHONPATH entries for the trees' runs")
    ap.add_argument("--repeat", type=int, default=3, help="load_page runs per file after a warm-up (pages)")
    ap.add_argument("--runs", type=int, default=8, help="fresh processes per tree (startup)")
    args = ap.parse_args()
    args.tree = args.tree or [Path(".")]
    {"pages": pages, "startup": startup, "cli": cli}[args.what](args)


if __name__ == "__main__":
    main()
