"""Whose character choices are ever read? The OCR readings of processed runs, and the fields that judge rivals.

Why: the LSTM's character choices (``lstm_choice_mode`` 2, archivist/ocr.py) cost OCR CPU on every reading
(+5-8%, bench/choices_cost.py), but only archivist/chardoubt.py reads them (``Word.rivals``), and only on the
words of some fields (``flag_doubted``: the DIGIT_FIELDS, LETTER_FIELDS and CASE_FIELDS; ``settle_number``:
the number/symbol). A reading whose rivals no field ever looks at could be made without them. This asks,
of the records ``bench/accuracy.py --reuse SET --out OUT`` wrote, described again by the current code
(``rescore_records``, as bench/same_reading.py does):

- which page of its input and of its document each judged field sits on (first, middle, last, only): the
  page's position is what a worker would have to know when it reads the page, before the input is split;
- how many readings each page had (``orientation_evidence.reads``: the page read the other ways when its
  orientation was in doubt) and whether the kept reading was the first one, or one of the others (whose
  rivals would then be needed too);
- how many judged fields have words with rivals, and how many chardoubt flagged::

    .venv/bin/python bench/choice_readings.py OUT [OUT ...]

The only readings known, when they are made, not to be needed are none; the only ones never kept are the
page's other orientations that lose. ``--measure OUT`` times, on the pages of OUT whose orientation took
several readings, the one policy that could spare them: every reading after the first made without choices
(``SetVariable("lstm_choice_mode", "0")``, same words), and the page read again with choices when one of those
won. Both policies run the pipeline's own ``orient`` and ``_read`` in turn on each page (order alternating),
CPU by ``time.process_time``; the kept words and rivals must come out the same::

    .venv/bin/python bench/choice_readings.py --measure OUT [--measure OUT ...] [--rounds 2]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archivist.chardoubt import CASE_FIELDS, DIGIT_FIELDS, LETTER_FIELDS, stored_rivals  # noqa: E402
from archivist.faintflags import value_words  # noqa: E402
from archivist.fields import Field  # noqa: E402
from bench.accuracy import rescore_records  # noqa: E402
from bench.same_reading import _records  # noqa: E402

JUDGED = (*DIGIT_FIELDS, *LETTER_FIELDS, *CASE_FIELDS)
DOUBT = "the OCR nearly read"


def position(number: int, count: int) -> str:
    """Where page ``number`` of ``count`` sits: only, first, middle or last."""
    return "only" if count == 1 else "first" if number == 1 else "last" if number == count else "middle"


def kept_reading(page: dict) -> str:
    """Which of the page's orientation readings its words come from: the first (the one every page has),
    or another one (the page read another way, or read again as scanned when kept)."""
    reads = (page.get("orientation_evidence") or {}).get("reads") or []
    if len(reads) <= 1:
        return "single reading"
    return "first of several" if page.get("orientation") == reads[0]["orientation"] else "another of several"


def tally(out: Path) -> tuple[Counter, Counter]:
    """(readings per kind, judged fields per kind) of one processed run."""
    readings: Counter = Counter()
    fields: Counter = Counter()
    records = list(_records(out).values())
    inputs: dict[str, list[dict]] = {}
    for r in sorted(records, key=lambda r: (r.get("dossier") or {}).get("sequence", 0)):
        inputs.setdefault((r.get("dossier") or {}).get("id") or r["id"], []).extend(r["pages"])
    in_input = {id(pg): position(k, len(pgs)) for pgs in inputs.values() for k, pg in enumerate(pgs, 1)}
    for r in records:
        for pg in r["pages"]:
            n = len((pg.get("orientation_evidence") or {}).get("reads") or [])
            readings["pages"] += 1
            readings["readings"] += max(1, n)
            readings[f"kept: {kept_reading(pg)}"] += 1
            readings["readings lost (never kept)"] += max(0, n - 1) - (kept_reading(pg) == "another of several")
    for doc in rescore_records(records):
        pages = doc["pages"]
        for name, f in (doc["metadata"].get("fields") or {}).items():
            if name not in JUDGED or f.get("value") in (None, "", []) or not f.get("page"):
                continue
            pg = pages[f["page"] - 1]
            rivals = stored_rivals(pg)
            words = [(w[0], w[1], tuple(w[2:6]), w[6]) for w in pg.get("words", [])]
            field = Field(f["value"], f.get("confidence", 0.0), f["page"], tuple(f["bbox"]) if f.get("bbox") else None,
                          f.get("source_text") or "")
            with_rivals = any(tuple(w[2]) in rivals and rivals[tuple(w[2])][1] for w in value_words(words, field))
            where = (f"document {position(f['page'], len(pages))}", f"input {in_input.get(id(pg), '?')}",
                     kept_reading(pg))
            for key in where:
                fields[(key, "judged")] += 1
                fields[(key, "words with rivals")] += with_rivals
                fields[(key, "flagged by chardoubt")] += str(f.get("review") or "").startswith(DOUBT)
    return readings, fields


def multi_read_pages(out: Path) -> list[dict]:
    """The record pages of a processed run whose orientation was decided by several readings."""
    return [pg for r in _records(out).values() for pg in r["pages"]
            if len((pg.get("orientation_evidence") or {}).get("reads") or []) > 1]


def policy_read(engine, page, first_only: bool) -> tuple[tuple, float, int]:  # noqa: ANN001 - bench helper
    """One page through ``orient`` with the pipeline's ``_read``: choices on every reading (today), or with
    ``first_only`` on the first reading alone and the kept reading made again with them when it was
    another. (kept words with rivals, CPU seconds, readings made)."""
    from archivist import pagework, ruledtilt
    from archivist.orient import orient

    calls: list = []

    def read(up):  # noqa: ANN001, ANN202
        engine.api.SetVariable("lstm_choice_mode", "0" if first_only and calls else "2")
        got = pagework._read(engine, up, page.dpi)
        calls.append(got)
        return got

    c = time.process_time()
    found = ruledtilt.detect(page.gray, page.dpi)
    done = orient(page.gray, page.dpi, found, read, pagework._osd())
    ocr = done.ocr
    if first_only and ocr is not calls[0]:
        engine.api.SetVariable("lstm_choice_mode", "2")
        ocr = pagework._read(engine, done.upright, page.dpi)
        calls.append(ocr)
    cpu = time.process_time() - c
    engine.api.SetVariable("lstm_choice_mode", "2")
    return tuple((w.text, w.conf, w.bbox, w.line, w.rivals) for w in ocr.words), cpu, len(calls)


def measure(outs: list[Path], rounds: int) -> None:
    """Today's policy against choices on the first reading only, on the multi-reading pages of the runs."""
    from archivist.ingest import load_page
    from archivist.models import PageRef
    from archivist.ocr import TesserocrEngine

    engine = TesserocrEngine()
    pages = []
    for out in outs:
        for pg in multi_read_pages(out):
            src = pg["source"]
            path = Path(src["path"])
            pages.append(load_page(PageRef(path, "tiff" if path.suffix in (".tif", ".tiff") else "image",
                                           src["index"])))
    cpu = {False: 0.0, True: 0.0}
    reads = {False: 0, True: 0}
    same = 0
    for r in range(rounds):
        for i, page in enumerate(pages):
            got = {}
            for first_only in ((False, True) if (i + r) % 2 == 0 else (True, False)):
                got[first_only], secs, n = policy_read(engine, page, first_only)
                cpu[first_only] += secs
                reads[first_only] += n
            same += got[False] == got[True]
    n = len(pages) * rounds
    print(f"{len(pages)} pages read several ways, {rounds} rounds: kept words and rivals the same on {same} of {n}")
    for first_only, name in ((False, "choices on every reading (today)"),
                             (True, "choices on the first reading, a winning other one read again")):
        print(f"| {name} | {cpu[first_only] / n:.3f} CPU s/page | {reads[first_only] / n:.2f} readings/page |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outs", nargs="*", type=Path)
    ap.add_argument("--measure", action="append", type=Path, metavar="OUT", help="time the two policies (see above)")
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    if args.measure:
        return measure(args.measure, args.rounds)
    total_r: Counter = Counter()
    total_f: Counter = Counter()
    for out in args.outs:
        r, f = tally(out)
        total_r += r
        total_f += f
        print(f"{out.name}: " + ", ".join(f"{k} {v}" for k, v in r.items()))
    print("\nall: " + ", ".join(f"{k} {v}" for k, v in total_r.items()))
    print("\n| judged fields' page | judged | words with rivals | flagged by chardoubt |\n|---|---|---|---|")
    kinds = [f"{w} {p}" for w in ("document", "input") for p in ("only", "first", "middle", "last")]
    for key in kinds + ["single reading", "first of several", "another of several"]:
        print(f"| {key} | {total_f[(key, 'judged')]} | {total_f[(key, 'words with rivals')]} | "
              f"{total_f[(key, 'flagged by chardoubt')]} |")


if __name__ == "__main__":
    main()
