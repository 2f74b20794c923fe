"""Does the number's digit look like the page's own renderings of another digit? (issue 14 item 9; measurement)

Why: the wrong numbers left unflagged most are one digit of a typed or faded number misread at full confidence
(HG42 ``78`` for ``76``, HG50 ``235`` for ``238``, HG53 ``93`` for ``99``); the engine weighed no rival digit and two
second readings of the box repeat some of them (bench/RESULTS.md, "A second reading of the number (session 28)").
A typed or printed page repeats its digits in the same face (the date, the body, the register, the page number),
mostly read at high confidence: if the number's ``3`` looks more like the page's ``9`` s than like its ``3`` s, the
digit is in doubt, whatever the engine said.

How: the page the OCR read is rebuilt upright as :mod:`bench.number_reread` does (the scan decoded, turned and
deskewed by the record's orientation and skew; the stored word boxes are in its pixels). A word is split into its
characters' slices by their advances (the page's face, :func:`archivist.numberbox.page_scale`: Times New Roman's
widths or one advance for all on a typewriter's page); the word's ink (Otsu inside its box, padded) is cut into
connected components, each given to the slice its centre falls in: a glyph is a slice's components. Glyphs are
cropped to their ink, scaled to GLYPH pixels high (width by the same factor, centred), blurred a little, and
compared by normalised correlation. For each digit of the number's word, against every digit the page's sure words
(confidence >= SURE, the number's word left out) render: the best correlation with one rendering (``nn``) and with
their mean (``proto``). The number's ``margin``: over its digits, the most any other digit scores above the digit
read (only digits the page renders, both the one read and the other). Also the LSTM's rival digits of the number's
word as stored (``lstm_choice_mode`` 2), with the margin of the best rival digit.

Usage (from /tmp, the tree on PYTHONPATH)::

    python bench/digit_glyphs.py run --set /work/calib-runs/sealed/HG53 --out /work/calib-runs/sealed/main-HG53 \
        --jsonl /work/runs/digits29/HG53.jsonl
    python bench/digit_glyphs.py table /work/runs/digits29/*.jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from number_reread import _kind, records, run_table_parser, same, truths

from archivist import digitglyphs, preprocess
from archivist.digitglyphs import digit_scores, digits_at
from archivist.ingest import load_page
from archivist.models import PageRef

# The glyphs are the product's (archivist/digitglyphs.py, which adopted this bench's rule). Its first measurement
# ran with Otsu's threshold, renderings from words read at 90 or more and no shift: DG_INK=0 DG_CONF=90 DG_SHIFT=0
# give it again.
for _env, _name, _type in (("DG_INK", "INK_SHARE", float), ("DG_CONF", "RENDER_CONF", float),
                           ("DG_SHIFT", "SHIFT", int)):
    if _env in os.environ:
        setattr(digitglyphs, _name, _type(os.environ[_env]))


def number_word(page: dict, bbox: list, stored: str) -> tuple[list, int] | None:
    """The word of the number's box holding the stored number, and where the number starts in it."""
    x0, y0, x1, y1 = bbox
    for w in sorted(page["words"], key=lambda w: (w[6], w[2])):
        if w[2] >= x0 - 3 and w[4] <= x1 + 3 and w[3] >= y0 - 3 and w[5] <= y1 + 3:
            at = digits_at(w[0], stored)
            if at is not None:
                return w, at
    return None


def one(rec: dict, truth: dict | None) -> dict | None:
    """One record's number: its digits' scores against its page's renderings, the LSTM's rival digits, the truth."""
    md = rec["metadata"]
    ns = md.get("fields", {}).get("number_symbol")
    stored = md.get("number")
    if not ns or not ns.get("bbox") or not stored:
        return None
    page = rec["pages"][int(ns["page"]) - 1]
    true_number = truth["metadata"]["number"].split("/")[0].strip() if truth and truth["metadata"].get("number") \
        else None
    row = {"document": truth["document"] if truth else None, "id": rec["id"], "stored": stored, "truth": true_number,
           "flagged": bool({"number", "number_symbol"} & set(md.get("needs_review") or [])),
           "confidence": ns.get("confidence")}
    found = number_word(page, ns["bbox"], stored)
    if found is None:
        return {**row, "skip": "no word holds the number"}
    w, at = found
    rivals = [r for r in (w[7] if len(w) > 7 else []) if at <= r[0] < at + len(stored) and str(r[1]).isdigit()]
    row["rival_margin"] = min((r[2] - r[3] for r in rivals), default=None)
    row["word"], row["word_conf"] = w[0], w[1]
    words = [(x[0], x[1], tuple(x[2:6]), x[6]) for x in page["words"]]
    t0 = time.process_time()
    path = Path(page["source"]["path"])
    loaded = load_page(PageRef(path, _kind(path), int(page["source"].get("index", 0))))
    upright = preprocess.apply(loaded.gray, preprocess.Correction(int(page["orientation"]), float(page["skew"]),
                                                                  0.0, True))
    rebuilt = time.process_time() - t0
    t1 = time.process_time()
    judged = digit_scores(upright, words, ns["bbox"])
    cpu = time.process_time() - t1
    if judged is None:
        return {**row, "skip": "no face"}
    mine = next((j for j in judged if j["box"] == list(w[2:6])), None)
    scores = mine["digits"] if mine else {}
    row.update({"size_ok": list(upright.shape) == [page["height"], page["width"]],
                "digits": [{"digit": w[0][i], "scores": {k: round(v, 4) for k, v in scores[i].items()}
                            if i in scores else None} for i in range(at, at + len(stored))],
                "cpu_rebuild": round(rebuilt, 4), "cpu_glyphs": round(cpu, 4)})
    return row


def run(args: argparse.Namespace) -> None:
    by_first = truths(args.set)
    with open(args.jsonl, "w") as fh:
        for rec in records(args.out):
            first = rec["pages"][0]["source"]
            row = one(rec, by_first.get((first["path"], int(first.get("index", 0)))))
            if row is not None:
                row["set"] = args.set.name
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
                fh.flush()


def _score(v: float | list) -> float:
    """A digit's score as stored (the first runs kept [best, mean, count]: the best)."""
    return v[0] if isinstance(v, list) else v


def hit(row: dict, like: float, margin: float, absent: bool) -> bool:
    """The rule (archivist/digitglyphs.py): a digit of the number looks like another digit of the page at ``like``
    or more and ``margin`` more than like its own (no rendering of its own: flagged when ``absent``)."""
    for d in row.get("digits") or []:
        s = d["scores"]
        if not s:
            continue
        other = max((_score(v) for k, v in s.items() if k != d["digit"]), default=None)
        if other is None or other < like:
            continue
        if d["digit"] not in s:
            if absent:
                return True
        elif other - _score(s[d["digit"]]) >= margin:
            return True
    return False


def table(args: argparse.Namespace) -> None:
    rows = [json.loads(line) for f in args.jsonl for line in open(f) if line.strip()]
    judged = [r for r in rows if r["truth"]]
    wrong = [r for r in judged if not same(r["stored"], r["truth"])]
    right = [r for r in judged if same(r["stored"], r["truth"])]
    misread = [r for r in wrong if len(r["stored"]) == len(r["truth"])]
    wu = [r for r in wrong if not r["flagged"]]
    done = [r for r in rows if "cpu_glyphs" in r]
    print(f"records with a number {len(rows)}; judged {len(judged)}: right {len(right)}, wrong {len(wrong)} "
          f"(same length {len(misread)}, unflagged in the stored records {len(wu)}); not compared "
          f"{sum('skip' in r for r in rows)}; page size as stored {sum(r.get('size_ok', True) for r in rows)}")
    if done:
        print(f"CPU ms per number: rebuild {1000 * sum(r['cpu_rebuild'] for r in done) / len(done):.1f}, glyphs "
              f"{1000 * sum(r['cpu_glyphs'] for r in done) / len(done):.1f}")
    print("\n| signal | wrong flagged | same-length wrong | wrong unflagged (which) | right flagged | right not "
          "flagged before |\n|---|---|---|---|---|---|")

    def line(name: str, rule) -> None:
        rf = [r for r in right if rule(r)]
        which = " ".join(f"{r['set']}:{r['stored']}" for r in wu if rule(r))
        print(f"| {name} | {sum(map(rule, wrong))}/{len(wrong)} | {sum(map(rule, misread))}/{len(misread)} | "
              f"{sum(map(rule, wu))}/{len(wu)} {which} | {len(rf)}/{len(right)} "
              f"({100 * len(rf) / max(1, len(right)):.1f}%) | {sum(not r['flagged'] for r in rf)} |")

    for m in (30, 50, 70):
        line(f"LSTM rival digit within {m}", lambda r, m=m: r.get("rival_margin") is not None
             and r["rival_margin"] <= m)
    for absent in (False, True):
        for like in (0.7, 0.8, 0.85, 0.9):
            for m in (0.1, 0.2):
                line(f"glyph: other >= {like}, {m} over own{', or own absent' if absent else ''}",
                     lambda r, a=absent, lk=like, mm=m: hit(r, lk, mm, a))
    if args.named:
        print("\nper number named (SET:document prefix): digit read, true, scores")
        for r in rows:
            if any(r["set"] == n.split(":")[0] and (r["document"] or "").startswith(n.split(":")[1])
                   for n in args.named):
                print(f"  {r['set']} {r['document']} stored {r['stored']} truth {r['truth']}")
                for i, d in enumerate(r.get("digits") or []):
                    s = " ".join(f"{k}:{_score(v):.2f}" for k, v in sorted((d["scores"] or {}).items()))
                    print(f"    {d['digit']} (true {r['truth'][i] if i < len(r['truth']) else '-'}): {s}")


def main(argv: list[str] | None = None) -> None:
    ap, _ = run_table_parser(__doc__, "compare the numbers' digits of one processed set with their pages'",
                             "the separation table over runs' JSONL",
                             "numbers (SET:document prefix) whose scores are shown")
    args = ap.parse_args(argv)
    run(args) if args.cmd == "run" else table(args)


if __name__ == "__main__":
    sys.exit(main())
