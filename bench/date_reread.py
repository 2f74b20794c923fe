"""Would the date line's words read again, and their digits against the page's, catch a typed date misread?
(issue 14 item 9; measures the product's archivist/dateread.py)

Why: the wrong dates stored unflagged are typed digits misread at full confidence (HG56 ``2019`` for ``2010``,
HG60 ``2005`` for ``2009``). For each record of a processed set whose document is typed, faded or speckled, the
first page is rebuilt as the page stage built it (as bench/number_reread.py does: the scan decoded, turned and
deskewed by the record's orientation and skew, prepared for OCR) and :func:`archivist.dateread.read_date` is run on
it with every way of ``WAYS`` (psm 7 and 8 on the image the OCR read and on the upright page, digits only). The row
keeps the readings, the glyphs, the stored date field's box (the reading counts only where its box is the field's)
and the CPU. The truth is joined in ``table`` from a reasons listing (/work/runs/fit30/why-base-all.jsonl).

Usage (from /tmp, the tree on PYTHONPATH)::

    python bench/date_reread.py run --set /work/calib-runs/sealed/HG56 --out /work/calib-runs/sealed/main-HG56 \
        --jsonl /work/runs/dates30/j/HG56.jsonl
    python bench/date_reread.py table /work/runs/dates30/j/*.jsonl --why /work/runs/fit30/why-base-all.jsonl
"""

from __future__ import annotations

import argparse
import json
import re
import time
from datetime import date
from pathlib import Path

from number_reread import rebuild, records, truths

from archivist import dateread, digitglyphs
from archivist.datefield import MIN_YEAR
from archivist.dateread import reread_doubt
from archivist.dates import iso_date

WAYS = (("read", "read", 7), ("read8", "read", 8), ("scan7", "scan", 7), ("scan", "scan", 8))
GROUPS = ("typewriter-", "faded-", "speckle-")


def parts(value: str) -> list[str]:
    """The stored date's day, month and year, without leading zeros."""
    d = iso_date(value)
    return [] if d is None else [str(d.day), str(d.month), str(d.year)]


def glyph_doubt(got: dict, value: str) -> str | None:
    """The number's glyph rule (archivist/digitglyphs.py) on the date: a digit of its day, month or year, in a word
    writing it, looks like the page's renderings of another digit (measured; not adopted)."""
    for part in parts(value):
        for w in got.get("glyphs") or []:
            run = next((r for r in re.findall(r"\d+", w["text"]) if r.lstrip("0") == part), None)
            why = digitglyphs.glyph_doubt([w], run) if run else None
            if why:
                return why
    return None


def one(rec: dict, document: str) -> dict:
    md = rec["metadata"]
    f = md.get("fields", {}).get("date") or {}
    page = rec["pages"][0]
    row = {"document": document, "id": rec["id"], "stored": md.get("date"), "field_page": f.get("page"),
           "field_box": f.get("bbox"), "flagged": "date" in (md.get("needs_review") or [])}
    words = [(w[0], w[1], tuple(w[2:6]), w[6]) for w in page.get("words", [])]
    t0 = time.process_time()
    loaded, upright, prep = rebuild(page)
    t1 = time.process_time()
    got = dateread.read_date(1, words, upright, loaded.dpi, prep)
    t2 = time.process_time()
    row.update({"size_ok": list(upright.shape) == [page["height"], page["width"]], "reading": got,
                "cpu_rebuild": round(t1 - t0, 4), "cpu_read": round(t2 - t1, 4),
                "crops": len(got["words"]) if got else 0})
    return row


def run(args: argparse.Namespace) -> None:
    by_first = truths(args.set)
    dateread.WAYS = WAYS
    with open(args.jsonl, "w") as fh:
        for rec in records(args.out):
            first = rec["pages"][0]["source"]
            truth = by_first.get((first["path"], int(first.get("index", 0))))
            if truth is None or truth["document"].startswith(GROUPS) != (not args.other_groups):
                continue
            row = one(rec, truth["document"])
            row["set"] = args.set.name
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            fh.flush()


def table(args: argparse.Namespace) -> None:
    why = {}
    for line in open(args.why):
        r = json.loads(line)
        if r["field"] == "date":
            why[(r["set"], r["document"])] = r
    rows = [json.loads(x) for f in args.jsonl for x in open(f) if x.strip()]
    n = len(rows)
    read = [r for r in rows if r["reading"]]
    same = [r for r in read if r["field_box"] and r["reading"]["box"] == r["field_box"] and r["field_page"] == 1]
    print(f"documents {n}; size as stored {sum(r['size_ok'] for r in rows)}; a date line found {len(read)}; "
          f"its box the stored field's {len(same)}")
    crops = sum(r["crops"] for r in rows)
    print(f"CPU ms per document: rebuild {1000 * sum(r['cpu_rebuild'] for r in rows) / n:.0f}, read_date (all "
          f"{len(WAYS)} ways + glyphs) {1000 * sum(r['cpu_read'] for r in rows) / n:.0f}; words read {crops} "
          f"({crops / max(1, len(read)):.1f} a date line)")
    judged = []
    for r in same:
        w = why.get((r["set"], r["document"]))
        if w is None or w["missing"] or w["value"] is None:
            continue
        judged.append((r, w))
    right = [(r, w) for r, w in judged if w["right"]]
    wrong = [(r, w) for r, w in judged if not w["right"]]
    print(f"judged {len(judged)}: right {len(right)} (flagged {sum(w['flagged'] for _, w in right)}), wrong "
          f"{len(wrong)} (unflagged {sum(not w['flagged'] for _, w in wrong)})")
    rules = {}
    for combo in (("read",), ("read8",), ("scan7",), ("scan",), ("read", "scan"), ("read", "read8"),
                  ("scan7", "scan"), ("read", "scan7"), ("read8", "scan"), ("read8", "scan7"),
                  ("read", "read8", "scan"), ("read", "read8", "scan7", "scan")):
        for same, year in ((False, False), (True, False), (False, True), (True, True)):
            name = "+".join(combo) + (", as many digits" if same else "") + (", year only" if year else "")
            rules[name] = _variant(combo, same, year)
    for extra in (("plausible",), ("plausible", "agree"), ("plausible", "agree", "no0")):
        rules[f"read8+scan, as many digits, year only, {'+'.join(extra)}"] = _variant(("read8", "scan"), True, True,
                                                                                     extra)
        rules[f"read+read8+scan7+scan 3 of 4, as many digits, year only, {'+'.join(extra)}"] = _variant(
            ("read", "read8", "scan7", "scan"), True, True, extra, need=3)
        rules[f"read8+scan7+scan 2 of 3, as many digits, year only, {'+'.join(extra)}"] = _variant(
            ("read8", "scan7", "scan"), True, True, extra, need=2)
    rules["glyphs"] = lambda got, v: glyph_doubt(got, v)
    rules["the product's rule (dateread.reread_doubt: read8 and scan)"] = _product
    rules["glyphs, year only"] = lambda got, v: next(
        (why for w in got.get("glyphs") or [] if v[:4] in re.findall(r"\d+", w["text"])
         and (why := digitglyphs.glyph_doubt([w], v[:4]))), None)
    rules["read8+scan, as many digits, or glyphs"] = lambda got, v: _variant(("read8", "scan"), True, False)(
        got, v) or glyph_doubt(got, v)
    print("\n| rule | wrong: contradicted | wrong unflagged: contradicted | right: contradicted | right not flagged "
          "before: contradicted |")
    print("|---|---|---|---|---|")
    for name, rule in rules.items():
        wr = [(r, w) for r, w in wrong if rule(r["reading"], r["stored"])]
        rr = [(r, w) for r, w in right if rule(r["reading"], r["stored"])]
        share = 100 * len(rr) / max(1, len(right))
        print(f"| {name} | {len(wr)}/{len(wrong)} | {sum(not w['flagged'] for _, w in wr)}/"
              f"{sum(not w['flagged'] for _, w in wrong)} | {len(rr)}/{len(right)} ({share:.1f}%)"
              f" | {sum(not w['flagged'] for _, w in rr)} |")
        if args.verbose:
            for r, w in wr + rr:
                print(f"    {'WRONG' if not w['right'] else 'right'} {r['set']} {r['document']} {r['stored']} "
                      f"(truth {w['truth']}, flagged {w['flagged']}): {rule(r['reading'], r['stored'])}")
    if args.verbose:
        for r, w in wrong:
            print(f"  wrong {r['set']} {r['document']} {r['stored']} truth {w['truth']} flagged {w['flagged']}: "
                  + "; ".join(f"{x['text']}:{x.get('read')}/{x.get('read8')}/{x.get('scan7')}/{x.get('scan')}"
                              for x in r["reading"]["words"]))


def _variant(ways: tuple[str, ...], same: bool, year: bool, extra: tuple[str, ...] = (),  # noqa: ANN202
             need: int = 0):
    """reread_doubt's rule with the readings ``ways``; ``same``: a reading counts only with as many digits as the
    word (a substitution, not a digit lost or gained); ``year``: only the year's word is judged; ``extra``:
    ``plausible`` (a year reading counts only as a year 1900 to next year), ``agree`` (the readings give one
    number), ``no0`` (a reading turning the stored year's 0 into another digit does not count); ``need``: how many
    readings must contradict (all of them by default)."""
    def counts(own: str, found: str, is_year: bool) -> bool:
        if not found or (same and len(found) != len(own)) or found == own:
            return False
        if is_year and "plausible" in extra and not MIN_YEAR <= int(found) <= date.today().year + 1:
            return False
        return not ("no0" in extra and any(a == "0" and b != "0" for a, b in zip(own, found, strict=False)))

    def rule(got: dict, value: str) -> str | None:
        parts_ = parts(value)
        wanted = parts_[2:] if year else parts_
        for w in got["words"]:
            if not any(r.lstrip("0") in wanted for r in re.findall(r"\d+", w["text"])):
                continue
            own = dateread.digits(w["text"])
            found = [dateread.digits(w.get(name, "")) for name in ways]
            is_year = own == parts_[2]
            hits = [f for f in found if counts(own, f, is_year)]
            if "agree" in extra and len(set(hits)) > 1:
                continue
            if len(hits) >= (need or len(ways)):
                return f"'{w['text']}' read {found}"
        return None
    return rule


def _product(got: dict, value: str) -> str | None:
    """archivist.dateread.reread_doubt on the row's psm 8 readings (the product's ``read`` and ``scan``)."""
    words = [{**w, "read": w.get("read8", ""), "scan": w.get("scan", "")} for w in got["words"]]
    return reread_doubt({**got, "words": words}, value)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("--set", type=Path, required=True)
    r.add_argument("--out", type=Path, required=True)
    r.add_argument("--jsonl", type=Path, required=True)
    r.add_argument("--other-groups", action="store_true", help="the documents of the other groups (and AT sets')")
    t = sub.add_parser("table")
    t.add_argument("jsonl", nargs="+", type=Path)
    t.add_argument("--why", type=Path, required=True)
    t.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    run(args) if args.cmd == "run" else table(args)


if __name__ == "__main__":
    main()
