"""Issue 16: the ``load`` stage alone, in CPU seconds, per format of the mixed corpus.

``bench/run`` reports ``load`` as wall time inside a worker, which on a shared 2-core machine moves
with the load of other jobs. This times :func:`archivist.ingest.load_page` (decode, pass-through
payload, grey pixels, the colour report copy) in one process with ``time.process_time`` on the pages
of ``OUT/corpus`` (made by ``bench/run --corpus mixed``), each page once to warm the file cache and
then ``--repeat`` times.

    .venv/bin/python bench/load_cpu.py --out bench/out/mixed [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archivist.discover import discover  # noqa: E402
from archivist.ingest import load_page  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True, help="the folder bench/run --corpus mixed wrote (has corpus/)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    print("| format | pages | load CPU ms/page mean | max |")
    print("|---|---|---|---|")
    for folder in sorted(p for p in (args.out / "corpus").iterdir() if p.is_dir()):
        documents = discover([folder])[0]
        refs = [ref for doc in documents for ref in doc.pages]
        times = []
        for ref in refs:
            load_page(ref)
            t = time.process_time()
            for _ in range(args.repeat):
                load_page(ref)
            times.append((time.process_time() - t) / args.repeat)
        if times:
            print(f"| {folder.name} | {len(times)} | {1000 * sum(times) / len(times):.0f} | {1000 * max(times):.0f} |")


if __name__ == "__main__":
    main()
