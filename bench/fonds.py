"""Which fonds each document is filed in, without ``--fonds``, against the generator's ground truth (issue 13).

A merged commune's archive keeps each former commune's records apart from the others' and from the new
commune's; a document filed in the wrong fonds is in another body's archive. So the measure that counts
is not only how many documents land in the right fonds (target ≥ 95%) but how many land in a wrong
one *without a review flag* (target 0): those nobody will look at again.

The set is a merged commune's (``samples/merged.py``, all types and dossiers): each former unit's own
records, documents its district sent one of them (received from outside: the receiver's fonds), the
new commune's own from 1 July 2025, and citizens' petitions and applications. The bench sets the
archive up with the real ``archivist init`` and processes the scans with the real pipeline (OCR and
all), without ``--fonds``; documents are matched to their truth by their first page (bench/accuracy.py).

Usage::

    .venv/bin/python bench/fonds.py --docs 44 --seed 21            # generate, init, process, score
    .venv/bin/python bench/fonds.py --docs 44 --seed 24 --layout-era mixed   # two in five laid out before 2011
    .venv/bin/python bench/fonds.py --out bench/out/fonds --rescore  # choose again on the stored records (no OCR)

``--rescore`` keeps the last run's set and archive and re-runs the current ``archivist/fondsassign.py`` on
what each record read (issuer, place, date, recipients, first page): seconds instead of minutes, for
changing the rules on one seed and checking them on another.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.accuracy import load_truth, pair_pages, stored_records  # noqa: E402

TARGET_RIGHT, TARGET_SILENT_WRONG = 0.95, 0
OUTCOMES = ("right", "right, flagged", "wrong, flagged", "wrong, unflagged", "not assigned (flagged)")
#: What the truth says a document is, for the rows of the per-source table.
SOURCES = {"issued": "issued by a former unit", "received": "received from the district",
           "new": "issued by the new commune (after 1 July 2025)", "citizen": "a citizen's (petition, application)"}


def truth_source(t: dict) -> str:
    """``issued``/``received``/``new`` as the generator planned it; a document with no issuing body (a
    citizen's petition or land application) is ``citizen`` whoever keeps it."""
    return "citizen" if t["metadata"].get("issuer") is None else t["provenance"]


def outcome(truth: str, chosen: str | None, flagged: bool) -> str:
    if chosen is None:
        return OUTCOMES[4]
    if chosen == truth:
        return OUTCOMES[1] if flagged else OUTCOMES[0]
    return OUTCOMES[2] if flagged else OUTCOMES[3]


def choose(rec: dict, fonds: list) -> object:
    """archivist's choice for a stored record, as the commit path makes it (archivist/commit.py)."""
    from archivist.fondsassign import choose_fonds

    pages = rec.get("pages") or []
    return choose_fonds(rec.get("metadata") or {}, pages[0].get("text", "") if pages else "", fonds)


def score(truths: list[dict], records: list[dict], base: Path, archive: Path, rescore: bool) -> dict:
    """Every figure of the report as plain data (what fonds.json holds)."""
    from archivist.fonds import load_fonds

    fonds = load_fonds(archive)
    pairs, _ = pair_pages(truths, records, base)
    rows = []
    for t, rec in pairs:
        meta, c = rec.get("metadata") or {}, choose(rec, fonds)
        if rescore:
            chosen, flagged = c.code, c.review
        else:
            chosen, flagged = meta.get("fonds"), "fonds" in (meta.get("needs_review") or [])
            assert (chosen, flagged) == (c.code, c.review), (rec["id"], chosen, c)  # the bench scores what is stored
        rows.append({"document": t["document"], "type": t["type"], "truth": t["fonds"], "source": truth_source(t),
                     "chosen": chosen, "flagged": flagged, "evidence": c.source, "confidence": c.confidence,
                     "reasons": c.reasons, "outcome": outcome(t["fonds"], chosen, flagged), "record": rec["id"]})
    matched = {r["document"] for r in rows}
    return {"documents": len(truths), "matched": len(rows), "records": len(records),
            "unmatched": sorted(t["document"] for t in truths if t["document"] not in matched),
            "outcomes": dict(Counter(r["outcome"] for r in rows)), "rows": rows}


def _share(n: int, d: int) -> str:
    return f"{n}/{d} ({n / d:.1%})" if d else "0/0"


def markdown(res: dict, command: str, seconds: float) -> str:
    """The report as the Markdown section for RESULTS.md."""
    rows, n = res["rows"], res["matched"]
    right = sum(r["chosen"] == r["truth"] for r in rows)
    silent = sum(r["outcome"] == "wrong, unflagged" for r in rows)
    lines = [f"`{command}` ({res['documents']} documents, {n} matched to a record, {seconds:.0f} s)", "",
             "| measure | value | target |", "|---|---|---|",
             f"| assigned to the right fonds | {_share(right, n)} | ≥ {TARGET_RIGHT:.0%} |",
             f"| wrong and unflagged | {silent} | {TARGET_SILENT_WRONG} |"]
    lines += [f"| {o} | {_share(res['outcomes'].get(o, 0), n)} | |" for o in OUTCOMES if o != "wrong, unflagged"]
    if res["unmatched"]:
        lines.append(f"| not matched to a record (split elsewhere) | {len(res['unmatched'])} | |")
    lines += ["", "| per source (truth) | documents | right | right, unflagged | wrong, flagged | wrong, unflagged | "
              "not assigned |", "|---|---|---|---|---|---|---|"]
    for key, label in SOURCES.items():
        part = [r for r in rows if r["source"] == key]
        if part:
            c = Counter(r["outcome"] for r in part)
            lines.append(f"| {label} | {len(part)} | {sum(r['chosen'] == r['truth'] for r in part)} | {c[OUTCOMES[0]]}"
                         f" | {c[OUTCOMES[2]]} | {c[OUTCOMES[3]]} | {c[OUTCOMES[4]]} |")
    lines += ["", "| archivist's evidence | documents | right | flagged |", "|---|---|---|---|"]
    for ev in sorted({r["evidence"] for r in rows}):
        part = [r for r in rows if r["evidence"] == ev]
        lines.append(f"| {ev} | {len(part)} | {sum(r['chosen'] == r['truth'] for r in part)} | "
                     f"{sum(r['flagged'] for r in part)} |")
    odd = [r for r in rows if r["outcome"] != "right"]
    if odd:
        lines += ["", "Not right, or flagged:", ""]
        lines += [f"- {r['document']} ({r['type']}): truth {r['truth']}, chose {r['chosen']}"
                  f"{' (flagged)' if r['flagged'] else ''}: {'; '.join(r['reasons'])}" for r in odd]
    return "\n".join(lines) + "\n"


def _cli(*args: str) -> None:
    res = subprocess.run([sys.executable, "-m", "archivist.cli", *args], capture_output=True, text=True)
    if res.returncode:
        raise SystemExit(f"archivist {args[0]} failed: {res.stderr.strip()}")


def main(argv: list[str] | None = None) -> int:
    from archivist.pipeline import Settings, process

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=44, help="generated documents")
    ap.add_argument("--seed", type=int, default=21, help="generator seed")
    ap.add_argument("--commune", default="04714", help="the merged commune (a 2025 code or name)")
    ap.add_argument("--layout-era", choices=("decree30", "mixed", "old"), default="decree30",
                    help="mixed/old: documents before 2011 laid out after Circular 55/2005 (see samples/)")
    ap.add_argument("--workers", type=int, default=2, help="pipeline workers")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "fonds", help="work folder")
    ap.add_argument("--rescore", action="store_true",
                    help="keep OUT's set and archive; choose each fonds again with the current rules (no OCR)")
    args = ap.parse_args(argv)
    base, archive = args.out / "set", args.out / "archive"
    t0 = time.perf_counter()
    if not args.rescore:
        from samples.generate import generate

        shutil.rmtree(args.out, ignore_errors=True)
        generate(base, seed=args.seed, n_docs=args.docs, types="all", layout_era=args.layout_era, commune=args.commune)
        _cli("init", "--archive", str(archive), "--commune", args.commune)
        t0 = time.perf_counter()
        report = process([base / "scans"], archive, Settings(workers=args.workers))
        if report.failures:
            print(f"{len(report.failures)} input(s) failed: " + "; ".join(f.line() for f in report.failures))
    truths = load_truth(base)
    records = stored_records(archive)
    res = score(truths, records, base, archive, args.rescore)
    seconds = time.perf_counter() - t0
    res.update({"seed": args.seed, "commune": args.commune, "layout_era": args.layout_era, "rescored": args.rescore,
                "seconds": round(seconds, 1)})
    (args.out / "fonds.json").write_text(json.dumps(res, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    shown = argv if argv is not None else sys.argv[1:]
    print(markdown(res, "bench/fonds.py " + " ".join(shown), seconds))
    print(f"details: {args.out / 'fonds.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
