"""What keeping the OCR engine's character choices costs, and where: CPU per page by choice setting.

archivist asks Tesseract's LSTM to keep, for each character, the others it weighed (``lstm_choice_mode``
2, archivist/ocr.py), so that a digit or letter it nearly read otherwise can flag its value
(archivist/chardoubt.py). That runs on every page. The cost has three candidate places, timed apart here:

- the Python walk of the choice iterator, symbol by symbol (``TesserocrEngine._words``), timed inside;
- the engine's per-timestep bookkeeping of its most certain choices (``lstm_choice_iterations`` 0: choices
  on, no further decoding);
- the secondary beam decodes Tesseract runs per text line, each excluding the characters found before, to
  find the next rival of every character (``lstm_choice_iterations``, Tesseract's default 5).

Each setting reads the same scans in turn in every round, so that the machine's load falls on all alike.
The words read must be the same in every setting (text, confidence, box, line); the rivals may not be,
so each setting is also judged the way chardoubt.py judges a word (a digit in doubt, a letter in doubt)
and compared word by word with Tesseract's default of 5 iterations, the setting of session 21::

    .venv/bin/python bench/choices_cost.py --set SET [--pages 12] [--rounds 2]

``SET``: a generated set (``samples/generate.py --out SET``); its first ``--pages`` page images
(scans/, JPEG and PNG, in name order) are read as scanned, with the engine's own page layout analysis.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ["OMP_THREAD_LIMIT"] = "1"

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archivist.chardoubt import digit_doubt, letter_doubt  # noqa: E402
from archivist.models import Word  # noqa: E402
from archivist.ocr import TESS_VARIABLES, TesserocrEngine  # noqa: E402
from bench.engine_floor import read_page  # noqa: E402

#: the reference: choices with Tesseract's default secondary decodes, as kept in session 21
REFERENCE = "choices, 5 iterations (session 21)"
WITHOUT = "without (lstm_choice_mode 0)"
MODES = {
    REFERENCE: {"lstm_choice_iterations": "5"},
    "choices, 2 iterations": {"lstm_choice_iterations": "2"},
    "choices, 1 iteration": {"lstm_choice_iterations": "1"},
    "choices, 0 iterations": {"lstm_choice_iterations": "0"},
    WITHOUT: {"lstm_choice_mode": "0"},
}


def _timed_walk(engine: TesserocrEngine, spent: list[float]) -> None:
    """Time the engine's walk of its results (words, boxes, choices) apart from its recognition: the walk is
    Python, so it is the part archivist could make cheaper by walking fewer symbols."""
    walk = engine._words

    def timed(*args: float) -> list[Word]:
        c0 = time.process_time()
        out = walk(*args)
        spent.append(time.process_time() - c0)
        return out

    engine._words = timed  # type: ignore[method-assign]


def _judged(words: list[Word], judge: Callable[..., str | None]) -> list[bool]:
    return [bool(judge(w.text, w.rivals)) for w in words]


def _verdicts(words: list[Word]) -> list[tuple[bool, bool]]:
    """Each word as chardoubt.py sees it: (a digit in doubt, a letter in doubt)."""
    return list(zip(_judged(words, digit_doubt), _judged(words, letter_doubt), strict=True))


def _iterations() -> str:
    """The number of secondary decodes archivist itself asks for (the row marked archivist's)."""
    return TESS_VARIABLES.get("lstm_choice_iterations", "5") if TESS_VARIABLES.get("lstm_choice_mode") != "0" else ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", type=Path, required=True, help="a generated set (its scans/ folder is read)")
    ap.add_argument("--pages", type=int, default=12)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args(argv)
    files = sorted(p for p in (args.set / "scans").rglob("*") if p.suffix.lower() in (".jpg", ".jpeg", ".png"))
    pages = [read_page(p) for p in files[:args.pages]]
    engines = {name: TesserocrEngine(variables=v) for name, v in MODES.items()}
    for engine in engines.values():  # each engine's first reading warms its caches outside the timing
        engine.recognize(*pages[0])
    walks: dict[str, list[float]] = {name: [] for name in MODES}
    for name, engine in engines.items():
        _timed_walk(engine, walks[name])
    cpu: dict[str, list[float]] = {name: [] for name in MODES}
    words: dict[str, list[list[Word]]] = {}
    for _ in range(args.rounds):
        for name, engine in engines.items():
            c0 = time.process_time()
            words[name] = [engine.recognize(gray, dpi).words for gray, dpi in pages]
            cpu[name].append((time.process_time() - c0) / len(pages))
    key = [[(w.text, w.conf, w.bbox, w.line) for w in page] for page in words[REFERENCE]]
    ref = [w for page in words[REFERENCE] for w in page]
    base = sum(cpu[WITHOUT]) / args.rounds
    mine = _iterations()
    print(f"{len(pages)} pages of {args.set}, {args.rounds} rounds, CPU seconds per page (user + system); "
          f"archivist's setting: {mine or 'no'} iterations\n")
    print("| OCR | CPU s/page, per round | mean | vs without | of which the walk | same words | "
          "words with a rival | digit in doubt | letter in doubt | words judged as with 5 |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, secs in cpu.items():
        flat = [w for page in words[name] for w in page]
        same = sum([(w.text, w.conf, w.bbox, w.line) for w in page] == k
                   for page, k in zip(words[name], key, strict=True))
        judged = "-"  # only said when the words are the same, word for word
        if same == len(key):
            agree = [a == b for a, b in zip(_verdicts(flat), _verdicts(ref), strict=True)]
            judged = f"{sum(agree)} of {len(agree)}"
        mean = sum(secs) / len(secs)
        shown = f"{name} (archivist's)" if MODES[name].get("lstm_choice_iterations") == mine else name
        print(f"| {shown} | {', '.join(f'{s:.3f}' for s in secs)} | {mean:.3f} | {mean / base - 1:+.1%} | "
              f"{sum(walks[name]) / args.rounds / len(pages):.3f} | {same} of {len(key)} | "
              f"{sum(bool(w.rivals) for w in flat)} | {sum(_judged(flat, digit_doubt))} | "
              f"{sum(_judged(flat, letter_doubt))} | {judged} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
