"""What keeping the OCR engine's character choices costs: CPU per page with and without them.

archivist asks Tesseract's LSTM to keep, for each character, the others it weighed (``lstm_choice_mode``
2, archivist/ocr.py), so that a digit or letter it nearly read otherwise can flag its value
(archivist/chardoubt.py). That runs on every page. This times archivist's OCR engine on the same scans
with the choices kept and without (``lstm_choice_mode`` 0), the two settings in turn in each round so
that the machine's load falls on both alike, checks that the words read are the same both ways (text,
confidence, box, line), and counts the words that carry rivals::

    .venv/bin/python bench/choices_cost.py --set SET [--pages 12] [--rounds 2]

``SET``: a generated set (``samples/generate.py --out SET``); its first ``--pages`` page images
(scans/, JPEG and PNG, in name order) are read as scanned, with the engine's own page layout analysis.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ["OMP_THREAD_LIMIT"] = "1"

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archivist.chardoubt import digit_doubt, letter_doubt  # noqa: E402
from archivist.ocr import TesserocrEngine  # noqa: E402
from bench.engine_floor import read_page  # noqa: E402

MODES = {"with choices (archivist's)": {}, "without (lstm_choice_mode 0)": {"lstm_choice_mode": "0"}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", type=Path, required=True, help="a generated set (its scans/ folder is read)")
    ap.add_argument("--pages", type=int, default=12)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args(argv)
    files = sorted(p for p in (args.set / "scans").rglob("*") if p.suffix.lower() in (".jpg", ".jpeg", ".png"))
    pages = [read_page(p) for p in files[:args.pages]]
    engines = {name: TesserocrEngine(variables=v) for name, v in MODES.items()}
    cpu: dict[str, list[float]] = {name: [] for name in MODES}
    words: dict[str, list] = {}
    for _ in range(args.rounds):
        for name, engine in engines.items():
            c0 = time.process_time()
            words[name] = [engine.recognize(gray, dpi).words for gray, dpi in pages]
            cpu[name].append((time.process_time() - c0) / len(pages))
    (kept, plain) = (words[n] for n in MODES)
    same = [[(w.text, w.conf, w.bbox, w.line) for w in a] == [(w.text, w.conf, w.bbox, w.line) for w in b]
            for a, b in zip(kept, plain, strict=True)]
    flat = [w for page in kept for w in page]
    print(f"{len(pages)} pages of {args.set}, {args.rounds} rounds, CPU seconds per page (user + system)\n")
    print("| OCR | CPU s/page, per round | mean |\n|---|---|---|")
    for name, secs in cpu.items():
        print(f"| {name} | {', '.join(f'{s:.2f}' for s in secs)} | {sum(secs) / len(secs):.2f} |")
    base = sum(cpu[list(MODES)[1]]) / args.rounds
    print(f"\ncost of the choices: {sum(cpu[list(MODES)[0]]) / args.rounds / base - 1:+.1%} of OCR CPU; "
          f"same words both ways on {sum(same)} of {len(same)} pages; {len(flat)} words, "
          f"{sum(bool(w.rivals) for w in flat)} with a rival character, "
          f"{sum(bool(digit_doubt(w.text, w.rivals)) for w in flat)} with a digit in doubt, "
          f"{sum(bool(letter_doubt(w.text, w.rivals)) for w in flat)} with a letter in doubt")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
