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


def _timed(calls: list[float]):  # noqa: ANN202
    """dateread's crop reader, each call's CPU seconds appended to ``calls`` (a way's cost per word read)."""
    def read(*args: object, **kw: object) -> str:
        t0 = time.process_time()
        out = _READ_CROP(*args, **kw)
        calls.append(time.process_time() - t0)
        return out
    return read


_READ_CROP = dateread.read_crop


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
    calls: list[float] = []
    dateread.read_crop = _timed(calls)
    got = dateread.read_date(1, words, upright, loaded.dpi, prep)
    t2 = time.process_time()
    for i, w in enumerate(got["words"] if got else []):  # read_date reads each word with every way in turn
        w["cpu_ms"] = {name: round(1000 * calls[i * len(WAYS) + k], 2) for k, (name, *_) in enumerate(WAYS)}
    row.update({"size_ok": list(upright.shape) == [page["height"], page["width"]], "reading": got,
                "typed": prep.plain is not None,  # the page restored as typed (archivist.typewritten.typed_body)
                "steps": prep.steps,  # how it was restored ("clahe": a faded carbon copy; "thicken": faint)
                "cpu_rebuild": round(t1 - t0, 4), "cpu_read": round(t2 - t1, 4),
                "crops": len(got["words"]) if got else 0})
    return row


def run(args: argparse.Namespace) -> None:
    by_first = truths(args.set)
    dateread.WAYS = WAYS
    if args.all_digits:  # every word of the date line holding a digit: the day's and the month's too
        dateread.YEAR_DIGITS = 1
    with open(args.jsonl, "w") as fh:
        for rec in records(args.out):
            first = rec["pages"][0]["source"]
            truth = by_first.get((first["path"], int(first.get("index", 0))))
            if truth is None or truth["document"].startswith(GROUPS) != (not args.other_groups):
                continue
            if args.group and not truth["document"].startswith(args.group):
                continue
            row = one(rec, truth["document"])
            row["set"] = args.set.name
            row["truth"] = (truth.get("metadata") or {}).get("date")
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


def day_word(got: dict | None, value: str) -> dict | None:
    """The date line's word writing the stored date's day alone (``ngày 10``), not the year's word (a numeric date
    in one word is the year rule's: all its digits are read)."""
    d = iso_date(value)
    if d is None or not got:
        return None
    return next((w for w in got["words"] if str(d.day) in [r.lstrip("0") for r in re.findall(r"\d+", w["text"])]
                 and not any(len(r) >= dateread.YEAR_DIGITS for r in re.findall(r"\d+", w["text"]))), None)


def day_rule(ways: tuple[str, ...], checks: tuple[str, ...], need: int = 0):  # noqa: ANN201
    """A rule on the day's word: at least ``need`` (all by default) of the readings ``ways`` contradict the stored
    day. ``checks``: ``clean`` (a reading counts only when it is digits alone), ``len`` (as many digits as the day),
    ``day`` (a day 1-31), ``no0`` (no ``0`` of the word read as another digit), ``agree`` (the counted readings give
    one number)."""
    def rule(got: dict | None, value: str) -> str | None:
        w = day_word(got, value)
        if w is None:
            return None
        own = str(iso_date(value).day)
        texts = [(w.get(name) or "").strip() for name in ways]
        found = [dateread.digits(t) if t.isdigit() or "clean" not in checks else "" for t in texts]
        text_own = next(r for r in re.findall(r"\d+", w["text"]) if r.lstrip("0") == own)

        def counts(f: str) -> bool:
            if not f or f == own or ("len" in checks and len(f) != len(own)):
                return False
            if "day" in checks and not 1 <= int(f) <= 31:
                return False
            return not ("no0" in checks and any(a == "0" and b != "0" for a, b in
                                                zip(text_own.zfill(len(f)), f.zfill(len(text_own)), strict=False)))
        hits = [f for f in found if counts(f)]
        if "agree" in checks and len(set(hits)) > 1:
            return None
        return f"day '{w['text']}' read {texts}" if hits and len(hits) >= (need or len(ways)) else None
    return rule


DAY_RULES = {
    **{f"{'+'.join(ways)}, {', '.join(checks)}": day_rule(ways, checks)
       for ways in (("read8", "scan"), ("read", "scan7"), ("read", "scan"), ("read8", "scan7"), ("read", "read8"),
                    ("scan7", "scan"), ("read", "read8", "scan7", "scan"))
       for checks in (("clean",), ("clean", "len"), ("clean", "day"), ("clean", "len", "no0"),
                      ("clean", "day", "no0"))},
    **{f"any {need} of 4, {', '.join(checks)}": day_rule(("read", "read8", "scan7", "scan"), checks, need)
       for need in (2, 3) for checks in (("clean", "day", "agree"), ("clean", "len", "agree"),
                                         ("clean", "day", "agree", "no0"))},
}


def _product_day(got: dict | None, value: str) -> str | None:
    """archivist.dateread.day_doubt on the row's psm 8 readings (the product's ``read`` and ``scan``), as on a typed
    page's reading: a row's own ``faded`` (rows run by a tree that marks faded pages) is dropped; :func:`_as_faded`
    sets it for the faded rule."""
    d = iso_date(value)
    if d is None or not got:
        return None
    words = [{**w, "read": w.get("read8", ""), "scan": w.get("scan", "")} for w in got["words"]]
    return dateread.day_doubt({**got, "words": words, "faded": bool(got.get("as_faded"))}, d.day)


DAY_RULES["the product's (dateread.day_doubt, read8 and scan): both another day"] = \
    lambda got, v: (why if (why := _product_day(got, v)) and "holds more" not in why else None)
DAY_RULES["the product's: the word holds more than digits, one reading another day"] = \
    lambda got, v: (why if (why := _product_day(got, v)) and "holds more" in why else None)
DAY_RULES["the product's day_doubt (either)"] = _product_day
#: the rules judged on pages restored as typed alone (the row's ``typed``): the product reads the day there only
TYPED = ", typed pages"
for _name in ("read8+scan, clean", "read8+scan, clean, len, no0", "read8+scan7, clean", "any 2 of 4, clean, day, agree",
              "the product's day_doubt (either)"):
    DAY_RULES[_name + TYPED] = DAY_RULES[_name]


#: the rules judged on pages restored as faded copies alone (the row's ``steps`` holding dateread.FADED_STEP); the
#: product's reads the day there as ``faded`` (loop digits only: session 35, fadedday35)
FADED = ", faded pages"


def _faded(r: dict) -> bool:
    return dateread.FADED_STEP in (r.get("steps") or [])


def _as_faded(got: dict | None) -> dict | None:
    return {**got, "as_faded": True} if got else got


for _name in ("read8+scan, clean", "read8+scan, clean, len, no0", "the product's day_doubt (either)"):
    DAY_RULES[_name + FADED] = DAY_RULES[_name]
DAY_RULES["the product's day_doubt on a faded reading (loop digits only)" + FADED] = \
    lambda got, v: _product_day(_as_faded(got), v)


def _judged_here(r: dict, name: str) -> bool:
    """Whether the rule ``name`` reads the row's page: typed pages' rules on typed pages, faded ones' on faded."""
    return (bool(r.get("typed")) or not name.endswith(TYPED)) and (_faded(r) or not name.endswith(FADED))


def days(args: argparse.Namespace) -> None:
    """The day rules against the truth each row keeps (``run`` joins it from the set's ground truth)."""
    rows = [json.loads(x) for f in args.jsonl for x in open(f) if x.strip()]
    judged = [r for r in rows if r["stored"] and r.get("truth") and r["reading"] and r["field_page"] == 1
              and r["reading"]["box"] == r["field_box"]]
    right = [r for r in judged if r["stored"] == r["truth"]]
    wrong = [r for r in judged if r["stored"] != r["truth"]]
    print(f"pages restored as typed {sum(bool(r.get('typed')) for r in rows)} of {len(rows)}, as faded copies "
          f"{sum(_faded(r) for r in rows)}")
    print(f"documents {len(rows)}; judged (the date line read is the stored field's) {len(judged)}: right "
          f"{len(right)} (flagged {sum(r['flagged'] for r in right)}), wrong {len(wrong)} (unflagged "
          f"{sum(not r['flagged'] for r in wrong)}); a day word "
          f"{sum(day_word(r['reading'], r['stored']) is not None for r in judged)}")
    year = {r["id"] for r in judged if (why := _product(r["reading"], r["stored"])) and "date's day" not in why}
    print("\n| rule | wrong: contradicted | wrong unflagged: contradicted | right: contradicted | right not flagged "
          "before (nor by the year): contradicted | CPU ms a document |")
    print("|---|---|---|---|---|---|")
    for name, rule in DAY_RULES.items():
        named = name.split(",")[0].split("+")
        ways = ["read8", "scan"] if name.startswith("the product") else ["read", "read8", "scan7", "scan"] \
            if name.startswith("any") else [w for w in ("read", "read8", "scan7", "scan") if w in named]
        cpu = sum(sum(w["cpu_ms"][k] for k in ways) for r in rows if _judged_here(r, name)
                  and (w := day_word(r["reading"], r["stored"] or "")) is not None) / len(rows)
        def hit(r: dict) -> bool:
            return _judged_here(r, name) and bool(rule(r["reading"], r["stored"]))  # noqa: B023
        wr = [r for r in wrong if hit(r)]
        rr = [r for r in right if hit(r)]
        new = [r for r in rr if not r["flagged"] and r["id"] not in year]
        print(f"| {name} | {len(wr)}/{len(wrong)} | {sum(not r['flagged'] for r in wr)}/"
              f"{sum(not r['flagged'] for r in wrong)} | {len(rr)}/{len(right)} | {len(new)}/"
              f"{sum(not r['flagged'] and r['id'] not in year for r in right)} | {cpu:.1f} |")
        if args.verbose:
            for r in wr + new:
                print(f"    {'WRONG' if r in wr else 'right'} {r['set']} {r['document']} {r['stored']} (truth "
                      f"{r['truth']}, flagged {r['flagged']}): {rule(r['reading'], r['stored'])}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("--set", type=Path, required=True)
    r.add_argument("--out", type=Path, required=True)
    r.add_argument("--jsonl", type=Path, required=True)
    r.add_argument("--other-groups", action="store_true", help="the documents of the other groups (and AT sets')")
    r.add_argument("--group", help="only the documents whose name starts so (faded-)")
    r.add_argument("--all-digits", action="store_true",
                   help="read every word of the date line holding a digit (day, month, year), not the year's alone")
    t = sub.add_parser("table")
    t.add_argument("jsonl", nargs="+", type=Path)
    t.add_argument("--why", type=Path, required=True)
    t.add_argument("--verbose", action="store_true")
    d = sub.add_parser("days", help="rules on the day's word (rows of run --all-digits), judged by their truth")
    d.add_argument("jsonl", nargs="+", type=Path)
    d.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    {"run": run, "table": table, "days": days}[args.cmd](args)


if __name__ == "__main__":
    main()
