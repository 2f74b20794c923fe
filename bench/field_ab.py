"""Two accuracy runs of the same set, field by field: which values each got wrong, and whether flagged.

Why: a change to how pages are read (bench/bilevel_cost.py: grey pages under 240 dpi enlarged or not) can
lower the word error and still cost a field, and a total of "fields wrong" hides which ones moved. This
lists every document-field either run got wrong (truth, each run's value, each run's review flag), and
per run the counts that matter for the archive: right, wrong or missing but flagged, wrong or missing
unflagged (a wrong value that passes unseen, or a gap nobody is asked to fill), right but flagged (a
person's time), and the pages' word error. Fields and flags as bench/calibration.py scores them::

    .venv/bin/python bench/field_ab.py SET BEFORE_OUT AFTER_OUT [SET BEFORE_OUT AFTER_OUT ...]

``SET``: the generated set both runs read (``bench/accuracy.py --reuse SET --out OUT``).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archivist.metrics import bag_of_words_error  # noqa: E402
from bench.accuracy import load_truth, pair_pages, stored_records  # noqa: E402
from bench.calibration import observations  # noqa: E402

Outcome = tuple[object, bool, bool]  # (value stored, right, flagged)


def outcomes(base: Path, out: Path) -> tuple[dict[tuple[str, str], tuple[object, Outcome]], list[float]]:
    """(document, field) -> (truth, outcome) for one run, every field bench/calibration.py scores, and its
    pages' word errors."""
    records = stored_records(out / "archive")
    truths = load_truth(base)
    got = {(o["document"], o["field"]): (o["truth"], (o["value"], o["right"], o["flagged"]))
           for o in observations(truths, records, base)}
    _, pages = pair_pages(truths, records, base)
    return got, [bag_of_words_error(gt["text"], pg.get("text") or "") for gt, pg in pages]


def counts(got: dict) -> Counter:
    c: Counter = Counter()
    for _, (_, right, flagged) in got.values():
        c["fields"] += 1
        c["right"] += right
        c["wrong or missing, flagged"] += (not right) and flagged
        c["wrong or missing, unflagged"] += (not right) and not flagged
        c["right, flagged"] += right and flagged
    return c


def _mean(errors: list[float]) -> float:
    return 100 * sum(errors) / max(len(errors), 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("triples", nargs="+", type=Path, help="SET BEFORE_OUT AFTER_OUT, repeated")
    args = ap.parse_args()
    if len(args.triples) % 3:
        ap.error("give SET BEFORE_OUT AFTER_OUT triples")
    total = {"before": Counter(), "after": Counter()}
    errors: dict[str, list[float]] = {"before": [], "after": []}
    for k in range(0, len(args.triples), 3):
        base, before, after = args.triples[k:k + 3]
        a, wa = outcomes(base.resolve(), before)
        b, wb = outcomes(base.resolve(), after)
        errors["before"] += wa
        errors["after"] += wb
        total["before"] += counts(a)
        total["after"] += counts(b)
        print(f"\n{base.name}: word error {_mean(wa):.2f}% -> {_mean(wb):.2f}% ({len(wa)} pages); "
              f"{dict(counts(a))} -> {dict(counts(b))}")
        for key in sorted(a.keys() | b.keys()):
            (truth, ra), (_, rb) = a.get(key, (None, (None, False, False))), b.get(key, (None, (None, False, False)))
            if not (ra[1] and rb[1]):
                mark = lambda r: f"{r[0]!r} {'right' if r[1] else 'WRONG'}{', flagged' if r[2] else ''}"  # noqa: E731
                print(f"  {key[0]} {key[1]}: truth {truth!r}; before {mark(ra)}; after {mark(rb)}")
    for run in ("before", "after"):
        w = errors[run]
        print(f"\nall, {run}: word error {_mean(w):.2f}% ({len(w)} pages), {dict(total[run])}")


if __name__ == "__main__":
    main()
