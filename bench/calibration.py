"""Do the review flags catch the wrong values? Per field, against the generator's ground truth.

A value stored wrong *without* a review flag is the worst outcome for an archive (nobody looks at it
again), a right value flagged costs a person a minute. So for every field this counts the right values
and how many of them carry a flag, and the wrong values (a value other than the truth's, or none where
the truth has one) and how many of them carry *no* flag. Targets (issue 14): at most 2% of wrong values
unflagged (aim: none), at most 15% of right values flagged.

Beside the fields, a block counts the cells of civil-status registers' rows (bench/registercells.py: entry,
dates, name, sex, parents; each flagged when its row is), so item 9's totals can add its ``register cells`` line
to the ``all fields`` one (whose figures stay the fields' alone, comparable with earlier runs).

It reads the truth and the archive of a ``bench/accuracy.py`` run (its ``--out`` folder), and with
``--rescore`` re-describes the stored OCR words with the current code first (no OCR)::

    .venv/bin/python bench/calibration.py --out bench/out/acc --rescore
    .venv/bin/python bench/calibration.py --out bench/out/acc --reuse SET --rescore   # a --reuse run

``--fit`` writes the per-field calibration table (archivist/data/calibration.json) from this run: fit
it on one seed's run and report with it on another's (never on the documents it was fitted on).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import registercells  # noqa: E402
from bench.accuracy import _norm, load_truth, pair_pages, rescore_records, stored_records  # noqa: E402

#: (record field, where the truth holds it, its key there)
FIELDS = [("type", "", "type"), ("number_symbol", "metadata", "number"), ("date", "metadata", "date"),
          ("place", "metadata", "place"), ("issuer", "metadata", "issuer"),
          ("parent_issuer", "metadata", "parent_issuer"), ("subject", "metadata", "subject"),
          ("signer", "metadata", "signer"), ("signer_position", "metadata", "signer_position"),
          ("authority", "metadata", "authority"), ("recipients", "metadata", "recipients"),
          ("person", "civil", "person"), ("event_date", "civil", "event_date"), ("book", "civil", "book"),
          ("entry", "civil", "entry")]
CALIBRATION = ROOT / "archivist" / "data" / "calibration.json"
MAX_WRONG_UNFLAGGED = 0.02
EMPTY = (None, "", [], "unknown")  # nothing stored (a type not recognised is "unknown")
MAX_RIGHT_FLAGGED = 0.15


def _value(v: object) -> object:
    return [_norm(x) for x in v] if isinstance(v, list) else _norm(v)


def refix(record: dict) -> dict:
    """``record`` with its pages' words and text corrected by the current :func:`archivist.ocrfix.fix_words`."""
    from archivist.models import Word
    from archivist.ocrfix import fix_words, text_of

    pages = []
    for pg in record["pages"]:
        words = fix_words([Word(w[0], float(w[1]), tuple(w[2:6]), int(w[6])) for w in pg.get("words", [])])
        pages.append(pg | {"words": [[w.text, w.conf, *w.bbox, w.line] for w in words], "text": text_of(words)})
    return record | {"pages": pages}


def observations(truths: list[dict], records: list[dict], base: Path, empties: bool = False) -> list[dict]:
    """One row per (document, field) the truth has a value for: right or not, flagged or not, and the
    field's confidence and provenance as the record stores them (what a calibration is fitted on).
    ``empties`` keeps the fields the truth leaves empty too (``truth_empty``): whether a flag on an empty value
    is a right empty flagged or a value not found is told by them (bench/empties.py)."""
    docs, _ = pair_pages(truths, records, base)
    rows = []
    for t, r in docs:
        meta = r["metadata"]
        flagged = set(meta.get("needs_review") or [])
        for name, where, key in FIELDS:
            truth = t.get(key) if not where else (t.get(where) or {}).get(key)
            if truth in EMPTY and not empties and not (t.get("kind") == "none" and meta.get(name) not in EMPTY):
                continue  # scored where the truth has a value, and on a page with no text wherever one was stored
            got = meta.get(name)
            f = (meta.get("fields") or {}).get(name) or {}
            conf = meta.get("confidence") if name == "type" else f.get("confidence")
            rows.append({"document": t["document"], "field": name, "truth": truth, "value": got,
                         "right": _value(got) == _value(truth), "missing": got in EMPTY,
                         "flagged": name in flagged,
                         "confidence": conf, "source_text": f.get("source_text"), "review": f.get("review"),
                         "group": t.get("group"), "truth_empty": truth in EMPTY, "kind": t.get("kind"),
                         "doc_type": t.get("type")})
    return rows


def table(rows: list[dict]) -> dict[str, dict]:
    """Per field: n, right, right flagged, wrong, wrong unflagged, and the two shares."""
    out: dict[str, dict] = {}
    for name, *_ in FIELDS:
        mine = [r for r in rows if r["field"] == name]
        if not mine:
            continue
        right = [r for r in mine if r["right"]]
        wrong = [r for r in mine if not r["right"] and not r["missing"]]
        missing = [r for r in mine if r["missing"]]
        rf, wu = sum(r["flagged"] for r in right), sum(not r["flagged"] for r in wrong)
        out[name] = {"n": len(mine), "right": len(right), "right_flagged": rf, "wrong": len(wrong),
                     "wrong_unflagged": wu, "missing": len(missing),
                     "missing_flagged": sum(r["flagged"] for r in missing),
                     "right_flagged_share": rf / max(len(right), 1), "wrong_unflagged_share": wu / max(len(wrong), 1)}
    return out


def fit(rows: list[dict], floor: float = 0.7, margin: float = 0.005) -> dict:
    """Per field, the lowest review threshold (never below ``floor``) that leaves no wrong value of ``rows``
    unflagged, unless that flags more than 15% of the right ones: then the highest threshold that does not
    (and the wrong values it leaves are reported). Values flagged for another reason (a grammar decision,
    a missing expected value) do not need the threshold."""
    out: dict[str, dict] = {}
    for name, *_ in FIELDS:
        mine = [r for r in rows if r["field"] == name and r["confidence"] is not None and not r["missing"]]
        wrong = sorted(r["confidence"] for r in mine if not r["right"] and not r["review"])
        right = [r["confidence"] for r in mine if r["right"] and not r["review"]]
        if not wrong:
            continue
        best = max(floor, wrong[-1] + margin)
        limit = MAX_RIGHT_FLAGGED * len(right)
        if sum(c < best for c in right) > limit:  # too many right values: the highest threshold allowed
            allowed = [c for c in sorted(set(right + [floor])) if sum(x < c for x in right) <= limit]
            best = max(floor, max(allowed, default=floor))
        out[name] = {"threshold": round(best, 3), "right": len(right), "wrong": len(wrong),
                     "wrong_left_unflagged": sum(c >= best for c in wrong),
                     "right_flagged": sum(c < best for c in right)}
    return {"about": "Per-field review thresholds fitted by bench/calibration.py --fit; see archivist/calibration.py.",
            "fields": out}


def markdown(tab: dict[str, dict], title: str) -> str:
    """A wrong value is one stored other than the truth; a value not found is counted apart (nothing wrong is
    stored; it is flagged when the type expects the field)."""
    lines = [f"### {title}", "", "| field | values | right | right flagged | wrong stored | wrong unflagged | "
             "not found (flagged) |", "|---|---|---|---|---|---|---|"]
    tot = {k: 0 for k in ("n", "right", "right_flagged", "wrong", "wrong_unflagged", "missing", "missing_flagged")}
    for name, c in tab.items():
        lines.append(f"| {name} | {c['n']} | {c['right']} | {c['right_flagged']} ({c['right_flagged_share']:.1%}) | "
                     f"{c['wrong']} | {c['wrong_unflagged']} ({c['wrong_unflagged_share']:.1%}) | "
                     f"{c['missing']} ({c['missing_flagged']}) |")
        for k in tot:
            tot[k] += c[k]
    lines.append(f"| **all fields** | {tot['n']} | {tot['right']} | {tot['right_flagged']} "
                 f"({tot['right_flagged'] / max(tot['right'], 1):.1%}) | {tot['wrong']} | {tot['wrong_unflagged']} "
                 f"({tot['wrong_unflagged'] / max(tot['wrong'], 1):.1%}) | {tot['missing']} "
                 f"({tot['missing_flagged']}) |")
    return "\n".join(lines) + "\n"


def by_group(rows: list[dict]) -> str:
    """All fields together, per sample group: right values and their flags, wrong ones and theirs."""
    lines = ["| group | values | right (flagged) | wrong stored | wrong unflagged | not found (flagged) |",
             "|---|---|---|---|---|---|"]
    for g in sorted({r["group"] or "-" for r in rows}):
        mine = [r for r in rows if (r["group"] or "-") == g]
        right = [r for r in mine if r["right"]]
        wrong = [r for r in mine if not r["right"] and not r["missing"]]
        missing = [r for r in mine if r["missing"]]
        flagged = sum(r["flagged"] for r in missing)
        lines.append(f"| {g} | {len(mine)} | {len(right)} ({sum(r['flagged'] for r in right)}) | {len(wrong)} | "
                     f"{sum(not r['flagged'] for r in wrong)} | {len(missing)} ({flagged}) |")
    return "\n".join(lines) + "\n"


def matrix(rows: list[dict]) -> str:
    """Per sample group and per field: wrong unflagged / wrong stored, right flagged / right (a cell is
    blank where the group has no value of the field)."""
    names = [n for n, *_ in FIELDS if any(r["field"] == n for r in rows)]
    lines = ["| group | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    for g in sorted({r["group"] or "-" for r in rows}) + ["all"]:
        cells = []
        for name in names:
            mine = [r for r in rows if r["field"] == name and (g == "all" or (r["group"] or "-") == g)]
            right = [r for r in mine if r["right"]]
            wrong = [r for r in mine if not r["right"] and not r["missing"]]
            cells.append(f"{sum(not r['flagged'] for r in wrong)}/{len(wrong)}, "
                         f"{sum(r['flagged'] for r in right)}/{len(right)}" if mine else "")
        lines.append(f"| {'**all**' if g == 'all' else g} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "acc", help="a bench/accuracy.py --out folder")
    ap.add_argument("--reuse", type=Path, help="the generated set of a --reuse run (default OUT/set)")
    ap.add_argument("--rescore", action="store_true", help="re-describe the stored OCR words with the current code")
    ap.add_argument("--refix", action="store_true",
                    help="with --rescore: first correct the stored words with the current OCR-stage fixes "
                         "(an archive processed before them reads as if processed now)")
    ap.add_argument("--fit", action="store_true", help="write archivist/data/calibration.json from this run")
    ap.add_argument("--by-group", action="store_true", help="also a table per sample group (hard groups)")
    ap.add_argument("--matrix", action="store_true",
                    help="also per group and field: wrong unflagged/wrong stored, right flagged/right")
    ap.add_argument("--label", help="with --fit: what the runs were, for the table's fitted_on")
    ap.add_argument("--title", default="Review flags against the truth", help="heading of the printed table")
    ap.add_argument("--also", nargs=2, action="append", default=[], metavar=("OUT", "SET"),
                    help="another run (its --out folder and generated set) to pool with the first")
    args = ap.parse_args(argv)
    rows, cells, sets = [], [], []
    for out, reuse in [(args.out, args.reuse)] + [(Path(o), Path(s)) for o, s in args.also]:
        base = (reuse or out / "set").resolve()
        records = stored_records(out / "archive")
        if args.rescore:
            records = rescore_records([refix(r) for r in records] if args.refix else records)
        truths = load_truth(base)
        if not truths or not records:
            # Without this a run made with --reuse, scored without it, printed a table of zeros as if measured.
            ap.error(f"nothing to score: {len(truths)} truth files in {base / 'ground-truth'}, "
                     f"{len(records)} records in {out / 'archive' / 'documents'} (a --reuse run needs --reuse SET)")
        rows += observations(truths, records, base)
        cells += registercells.observations(pair_pages(truths, records, base)[0])
        sets.append(str(base))
    if args.fit:
        fitted = fit(rows)
        fitted["fitted_on"] = args.label or f"{', '.join(Path(x).name for x in sets)} " \
                                            f"({len({r['document'] for r in rows})} documents)"
        CALIBRATION.write_text(json.dumps(fitted, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(json.dumps(fitted["fields"], indent=1))
        return 0
    tab = table(rows)
    print(markdown(tab, args.title))
    if args.by_group:
        print(by_group(rows))
    if args.matrix:
        print(matrix(rows))
    wrong = [r for r in rows if not r["right"] and not r["missing"] and not r["flagged"]]
    for r in wrong[:40]:
        print(f"  unflagged wrong {r['field']} ({r['confidence']}): {r['value']!r} for {r['truth']!r}",
              f"[{r['document']}]")
    if cells:
        print(registercells.markdown(registercells.table(cells)))
        for line in registercells.unflagged_lines(cells):
            print(line)
    (args.out / "calibration.json").write_text(json.dumps({"fields": tab, "unflagged_wrong": wrong,
                                                           "register_cells": registercells.table(cells)},
                                                          ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
