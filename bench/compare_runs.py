"""Two runs of ``bench/accuracy.py`` over one generated set, side by side: what a change gained and what it broke.

Why: every round measures a change by running a base tree and the new tree on the same set and comparing, and the
scripts that did the comparing were scratch, lost with each machine, and each counted a little differently. This one
compares with the measures the benches report (:func:`bench.accuracy.score`, :func:`bench.groups.ordered_word_error`,
:func:`bench.calibration.observations` and :func:`bench.calibration.table`), per sample group (``samples/hard.py``;
the whole set when it has none) and in all, each figure ``A → B``:

- the record text's word error, order-free (bag of words) and in reading order, mean and worst; the PDF text layer's
  (bag of words) as each run's ``accuracy.json`` reports it (per group; the ``all`` row weighs the groups by pages);
- truth words gained and broken, page by page: the multiset of a page's truth words that its record text matches (what
  the bag of words counts) in A and in B; gained = matched in B not in A, broken = matched in A not in B. The bar of a
  change is 0 broken, so every broken word is listed with its page;
- type accuracy, and the fields as ``bench/calibration.py`` counts them: right, wrong stored, wrong stored without a
  review flag (the worst outcome for an archivist), right flagged, not found (flagged / unflagged); the wrong values
  stored unflagged and the values not found unflagged are listed (document, field, truth, stored, confidence), each
  saying whether A, B or both have it; and every value whose stored value or flag moved, A's and B's side by side
  (equal counts can hide one value right-flagged newly and another no longer).

OUT_A and OUT_B are ``bench/accuracy.py --reuse SET --out OUT`` folders: the records compared are the ones their
``archive/documents`` hold, the layer's figures their ``accuracy.json``'s::

    .venv/bin/python bench/compare_runs.py --set SET --a OUT_A --b OUT_B              # text tables
    .venv/bin/python bench/compare_runs.py --set SET --a OUT_A --b OUT_B --markdown   # for bench/RESULTS.md
    .venv/bin/python bench/compare_runs.py --set SET --a OUT_A --b OUT_B --json       # every figure and list
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archivist.metrics import summarise, words  # noqa: E402
from bench.accuracy import load_truth, pair_pages_in_records, score, stored_records  # noqa: E402
from bench.calibration import observations, table  # noqa: E402
from bench.groups import ordered_word_error  # noqa: E402

ALL = "all"
#: The field counts compared, as bench.calibration.table names them.
FIELD_COUNTS = ("n", "right", "wrong", "wrong_unflagged", "right_flagged", "missing", "missing_flagged")


def matched_words(truth: str, text: str) -> Counter:
    """The truth words ``text`` matches, with multiplicity: the multiset whose size
    :func:`archivist.metrics.bag_of_words_error` counts (``1 - size / truth words``)."""
    return Counter(words(truth)) & Counter(words(text))


def group_names(truths: list[dict]) -> list[str]:
    """The set's groups in ``samples.hard.GROUPS`` order (any other after them), then :data:`ALL`; only
    :data:`ALL` for a set without groups."""
    from samples.hard import GROUPS

    seen = {t["group"] for t in truths if t.get("group")}
    return [g for g in GROUPS if g in seen] + sorted(seen - set(GROUPS)) + [ALL]


def _in_group(truths: list[dict], group: str) -> list[dict]:
    return truths if group == ALL else [t for t in truths if t.get("group") == group]


def page_texts(truths: list[dict], records: list[dict], base: Path) -> dict[tuple[str, int], str]:
    """Each truth page's record text, by the page's (file, index); a page no record holds is absent."""
    _, pages = pair_pages_in_records(truths, records, base)
    return {(gt["file"], gt["index"]): pg.get("text") or "" for gt, pg, _, _ in pages}


def page_changes(truths: list[dict], texts_a: dict, texts_b: dict) -> list[dict]:
    """Per truth page whose matched words differ between the runs: its id (document and page number), group, truth
    word count, and the words gained and broken with their counts (a page one run lacks matches nothing there)."""
    out = []
    for t in truths:
        for n, p in enumerate(t["pages"], start=1):
            key = (p["file"], p["index"])
            a = matched_words(p["text"], texts_a.get(key, ""))
            b = matched_words(p["text"], texts_b.get(key, ""))
            if a != b:
                out.append({"page": f"{t['document']} p{n}", "group": t.get("group") or ALL,
                            "truth_words": len(words(p["text"])), "gained": dict(b - a), "broken": dict(a - b)})
    return out


def reading(truths: list[dict], records: list[dict], base: Path, accuracy: dict) -> dict:
    """A run's reading figures over ``truths``: bag-of-words word error and type accuracy as bench/accuracy.py scores
    them, word error in reading order as bench/groups.py does, and the layer's from ``accuracy`` (its accuracy.json)
    where it reports the groups."""
    res = score(truths, records, base)
    _, pages = pair_pages_in_records(truths, records, base)
    ordered = summarise([ordered_word_error(gt["text"], pg.get("text") or "") for gt, pg, _, _ in pages])
    per_group = accuracy.get("groups") or {}
    layers = [(g["pages"], g["wer_layer"], g["wer_layer_worst"]) for name, g in per_group.items()
              if name in {t.get("group") for t in truths} and g.get("wer_layer") is not None]
    n_layer = sum(n for n, _, _ in layers)
    return {"pages": res["pages_matched"], "documents": res["documents_matched"],
            "wer": res["word_error_bow"]["mean"], "wer_worst": res["word_error_bow"]["worst"],
            "wer_ordered": ordered.mean, "wer_ordered_worst": ordered.worst,
            "wer_layer": sum(n * m for n, m, _ in layers) / n_layer if n_layer else None,
            "wer_layer_worst": max(w for _, _, w in layers) if layers else None,
            "type_right": round(res["type_accuracy"] * res["documents_matched"]), "type_n": res["documents_matched"]}


def field_counts(rows: list[dict]) -> dict[str, int]:
    """bench.calibration.table's counts summed over the fields (its ``all fields`` line), and the values not found
    left unflagged."""
    tab = table(rows)
    out = {k: sum(c[k] for c in tab.values()) for k in FIELD_COUNTS}
    out["missing_unflagged"] = out["missing"] - out["missing_flagged"]
    return out


def _listed(rows: list[dict], missing: bool) -> list[dict]:
    """The values stored wrong (``missing`` False) or not found (True) without a review flag."""
    return [{"document": r["document"], "field": r["field"], "truth": r["truth"], "stored": r["value"],
             "confidence": r["confidence"]}
            for r in rows if not r["right"] and r["missing"] == missing and not r["flagged"]]


def _which(a: list[dict], b: list[dict]) -> list[dict]:
    """Both runs' listed values, each saying whether A, B or both stored it so."""
    def key(r: dict) -> str:
        return json.dumps([r["document"], r["field"], r["stored"]], ensure_ascii=False)

    ka, kb = {key(r) for r in a}, {key(r) for r in b}
    both = [r | {"run": "both"} for r in b if key(r) in ka]
    return [r | {"run": "A"} for r in a if key(r) not in kb] + [r | {"run": "B"} for r in b if key(r) not in ka] + both


def moved(rows_a: list[dict], rows_b: list[dict]) -> list[dict]:
    """The (document, field) values whose stored value or review flag differs between the runs: which value a
    change in the field counts is (truth, and each run's value, right or not, flagged or not)."""
    def state(r: dict | None) -> dict | None:
        return None if r is None else {"stored": r["value"], "right": r["right"], "flagged": r["flagged"]}

    by_a = {(r["document"], r["field"]): r for r in rows_a}
    by_b = {(r["document"], r["field"]): r for r in rows_b}
    out = []
    for key in list(by_a) + [k for k in by_b if k not in by_a]:
        sa, sb = state(by_a.get(key)), state(by_b.get(key))
        if sa != sb:
            out.append({"document": key[0], "field": key[1], "truth": (by_a.get(key) or by_b[key])["truth"],
                        "a": sa, "b": sb})
    return out


def compare(base: Path, out_a: Path, out_b: Path) -> dict:
    """Every figure and list of the comparison (module docstring) of runs ``out_a`` and ``out_b`` over set ``base``."""
    truths = load_truth(base)
    runs = {}
    for name, out in (("a", out_a), ("b", out_b)):
        acc = out / "accuracy.json"
        runs[name] = (stored_records(out / "archive"), json.loads(acc.read_text(encoding="utf-8")) if acc.exists()
                      else {})
        if not truths or not runs[name][0]:
            raise SystemExit(f"nothing to compare: {len(truths)} truth files in {base / 'ground-truth'}, "
                             f"{len(runs[name][0])} records in {out / 'archive' / 'documents'}")
    texts = {k: page_texts(truths, recs, base) for k, (recs, _) in runs.items()}
    changes = page_changes(truths, texts["a"], texts["b"])
    rows = {k: observations(truths, recs, base) for k, (recs, _) in runs.items()}
    groups = {}
    for g in group_names(truths):
        mine = _in_group(truths, g)
        fig = {k: reading(mine, recs, base, acc) | {"fields": field_counts([r for r in rows[k] if g == ALL
                                                                              or r["group"] == g])}
               for k, (recs, acc) in runs.items()}
        here = [c for c in changes if g in (ALL, c["group"])]
        groups[g] = fig | {"gained": sum(sum(c["gained"].values()) for c in here),
                           "broken": sum(sum(c["broken"].values()) for c in here)}
    notes = []
    for k, (_, acc) in runs.items():  # the records are what accuracy.json scored unless the archive changed since
        stored = (acc.get("word_error_bow") or {}).get("mean")
        if stored is not None and abs(stored - groups[ALL][k]["wer"]) > 1e-9:
            notes.append(f"run {k.upper()}: its records' word error {groups[ALL][k]['wer']:.4%} is not its "
                         f"accuracy.json's {stored:.4%}: the archive changed since (the layer's figures are the old)")
    return {"set": str(base), "a": str(out_a), "b": str(out_b), "groups": groups, "pages": changes,
            "wrong_unflagged": _which(_listed(rows["a"], False), _listed(rows["b"], False)),
            "not_found_unflagged": _which(_listed(rows["a"], True), _listed(rows["b"], True)),
            "fields_moved": moved(rows["a"], rows["b"]), "notes": notes}


def _pct(v: float | None) -> str:
    return "–" if v is None else f"{v:.2%}"


def _ab(a: object, b: object) -> str:
    """``a → b``, or the one value where both runs have it."""
    return str(a) if a == b else f"{a} → {b}"


def _table(header: list[str], rows: list[list[str]], md: bool) -> list[str]:
    """A Markdown table, or the same columns aligned as plain text."""
    if md:
        return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)] + \
               ["| " + " | ".join(r) + " |" for r in rows]
    widths = [max(len(x) for x in col) for col in zip(header, *rows, strict=True)]
    return ["  ".join(x.ljust(w) for x, w in zip(r, widths, strict=True)).rstrip() for r in [header, *rows]]


def _words(counts: dict[str, int]) -> str:
    return ", ".join(w + (f" ×{n}" if n > 1 else "") for w, n in sorted(counts.items()))


def _on(pages: list[dict]) -> str:
    return f"on {len(pages)} page" + ("" if len(pages) == 1 else "s")


def render(res: dict, md: bool = False) -> str:
    """The comparison as tables (Markdown with ``md``) and lists."""
    g = res["groups"]

    def wer(f: dict, key: str) -> str:
        return f"{_pct(f[key])} / {_pct(f[key + '_worst'])}"

    bullet = "- " if md else "  "
    lines = [f"{bullet}A: {res['a']}", f"{bullet}B: {res['b']}", f"{bullet}set: {res['set']}", ""]
    lines += _table(["group", "pages", "record word error, bag (mean / worst)", "in reading order (mean / worst)",
                     "text layer, bag (mean / worst)", "type right", "truth words gained / broken"],
                    [[name, str(f["b"]["pages"]), _ab(wer(f["a"], "wer"), wer(f["b"], "wer")),
                      _ab(wer(f["a"], "wer_ordered"), wer(f["b"], "wer_ordered")),
                      _ab(wer(f["a"], "wer_layer"), wer(f["b"], "wer_layer")),
                      _ab(f"{f['a']['type_right']}/{f['a']['type_n']}", f"{f['b']['type_right']}/{f['b']['type_n']}"),
                      f"{f['gained']} / {f['broken']}"] for name, f in g.items()], md)
    lines += ["", "Fields (bench/calibration.py's counts, all fields together):", ""]
    lines += _table(["group", "values", "right", "wrong stored", "wrong unflagged", "right flagged",
                     "not found (flagged / unflagged)"],
                    [[name, _ab(a["n"], b["n"]), _ab(a["right"], b["right"]), _ab(a["wrong"], b["wrong"]),
                      _ab(a["wrong_unflagged"], b["wrong_unflagged"]), _ab(a["right_flagged"], b["right_flagged"]),
                      _ab(f"{a['missing_flagged']} / {a['missing_unflagged']}",
                          f"{b['missing_flagged']} / {b['missing_unflagged']}")]
                     for name, f in g.items() for a, b in [(f["a"]["fields"], f["b"]["fields"])]], md)
    broken = [c for c in res["pages"] if c["broken"]]
    lines += ["", f"Truth words broken ({sum(sum(c['broken'].values()) for c in broken)}, {_on(broken)}):"]
    lines += [f"{bullet}{c['page']} ({c['group']}): {_words(c['broken'])}" for c in broken] or [f"{bullet}none"]
    gained = [c for c in res["pages"] if c["gained"]]
    lines += ["", f"Truth words gained ({sum(sum(c['gained'].values()) for c in gained)}, {_on(gained)}):"]
    lines += [f"{bullet}{c['page']} ({c['group']}): {_words(c['gained'])}" for c in gained] or [f"{bullet}none"]
    def shown(st: dict | None) -> str:
        if st is None:
            return "(not scored)"
        return json.dumps(st["stored"], ensure_ascii=False) + (" right" if st["right"] else " wrong") + \
            (", flagged" if st["flagged"] else "")

    lines += ["", "Values whose value or flag moved:", ""]
    lines += _table(["document", "field", "truth", "A", "B"],
                    [[r["document"], r["field"], json.dumps(r["truth"], ensure_ascii=False), shown(r["a"]),
                      shown(r["b"])] for r in res["fields_moved"]], md) if res["fields_moved"] else [f"{bullet}none"]
    for key, title in (("wrong_unflagged", "Wrong values stored without a review flag"),
                       ("not_found_unflagged", "Values not found, without a review flag")):
        lines += ["", f"{title}:", ""]
        lines += _table(["run", "document", "field", "truth", "stored", "confidence"],
                        [[r["run"], r["document"], r["field"], json.dumps(r["truth"], ensure_ascii=False),
                          json.dumps(r["stored"], ensure_ascii=False), str(r["confidence"])] for r in res[key]], md) \
            if res[key] else [f"{bullet}none"]
    return "\n".join(lines + [""] + [f"note: {n}" for n in res["notes"]]).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", type=Path, required=True, help="the generated set both runs processed (--reuse SET)")
    ap.add_argument("--a", type=Path, required=True, help="the first run's --out folder (the base)")
    ap.add_argument("--b", type=Path, required=True, help="the second run's --out folder (the change)")
    ap.add_argument("--markdown", action="store_true", help="Markdown tables and lists (for bench/RESULTS.md)")
    ap.add_argument("--json", action="store_true", help="every figure and list as JSON")
    args = ap.parse_args(argv)
    res = compare(args.set.resolve(), args.a, args.b)
    print(json.dumps(res, ensure_ascii=False, indent=1) if args.json else render(res, md=args.markdown), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
