"""Which catalogue fields are stored empty, and does a person hear of it? Per field, against the generator's truth.

Issue 14 item 9 counts wrong values stored without a review flag; a value left *empty* is not wrong there, yet an
archivist building the catalogue must know which entries are incomplete (Circular 02/2019 asks every document's
number, symbol, date, type, subject and issuing body; Decree 30 puts a place-and-date line and the signer's position
on every administrative document). So this counts, per field, over the rescored sealed sets of the given seeds:

- *missed, unflagged*: the truth holds a value, nothing is stored, and no flag sends it to a person;
- *missed, flagged*: the same with a flag;
- *right empty* (flagged or not): the truth holds none and none is stored: a flag there costs a reviewer a minute;

and, per field, where those fall (the truth's kind and type), and the documents ``process`` would count to review.
``--rows`` keeps every row, ``--compare`` sets a kept run (the base tree's) beside this one::

    .venv/bin/python bench/empties.py --seeds 86-124 --rows /work/runs/empties37/after.json \\
        --compare /work/runs/empties37/before.json
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.accuracy import load_truth, pair_pages, rescore_records, stored_records  # noqa: E402
from bench.calibration import EMPTY, observations  # noqa: E402

SEALED = Path("/work/calib-runs/sealed")
#: the fields a catalogue entry of an administrative document holds (Circular 02/2019; Decree 30's layout)
WATCHED = ("number_symbol", "date", "issuer", "subject", "signer", "place", "signer_position", "authority",
           "recipients", "parent_issuer")


def seeds(spec: str) -> list[int]:
    """``86-124`` or ``86,90,101``: the seeds, explicitly (a sealed set is opened only when named)."""
    out: list[int] = []
    for part in spec.split(","):
        a, _, b = part.partition("-")
        out += list(range(int(a), int(b or a) + 1))
    return out


def measure(sealed: Path, seed_list: list[int]) -> dict:
    """Every (document, field) row of the named sets, rescored with this tree, and each document's to-review."""
    from archivist.toreview import review_fields

    rows: list[dict] = []
    docs: list[dict] = []
    for s in seed_list:
        for k in ("HG", "AT"):
            out, base = sealed / f"s{s}" / f"acc-{k}{s}", sealed / f"s{s}" / f"{k}{s}"
            if not (out / "accuracy.json").is_file():
                continue
            truths = load_truth(base)
            records = rescore_records(stored_records(out / "archive"))
            paired = pair_pages(truths, records, base)[0]
            read = {t["document"]: {"read_type": rec["metadata"].get("type"), "read_kind": rec["metadata"].get("kind")}
                    for t, rec in paired}
            for r in observations(truths, records, base, empties=True):
                if r["field"] in WATCHED:
                    rows.append({key: r[key] for key in ("document", "field", "truth", "value", "flagged", "group",
                                                         "truth_empty", "kind", "doc_type")}
                                | {"set": f"{k}{s}"} | read[r["document"]])
            for t, rec in paired:
                docs.append({"set": f"{k}{s}", "document": t["document"], "kind": t.get("kind"),
                             "doc_type": t.get("type"), "review": review_fields(rec)})
    return {"rows": rows, "documents": docs}


def counts(rows: list[dict]) -> dict[str, dict[str, int]]:
    """Per field: missed (truth has a value, nothing stored) flagged or not, right empties flagged or not."""
    out: dict[str, dict[str, int]] = {}
    for name in WATCHED:
        mine = [r for r in rows if r["field"] == name and r["value"] in EMPTY]
        missed = [r for r in mine if not r["truth_empty"]]
        right = [r for r in mine if r["truth_empty"]]
        out[name] = {"missed_unflagged": sum(not r["flagged"] for r in missed),
                     "missed_flagged": sum(r["flagged"] for r in missed),
                     "right_empty": len(right), "right_empty_flagged": sum(r["flagged"] for r in right),
                     "truth_has": sum(not r["truth_empty"] for r in rows if r["field"] == name),
                     "documents": sum(r["field"] == name for r in rows)}
    return out


def where(rows: list[dict], name: str, missed: bool) -> str:
    """Where a field's empties fall: per (kind, type) of the truth, with how often the truth holds the field there."""
    mine = [r for r in rows if r["field"] == name]
    empty = Counter((r["kind"], r["doc_type"]) for r in mine if r["value"] in EMPTY and r["truth_empty"] != missed
                    and not (missed and r["flagged"]))
    held = Counter((r["kind"], r["doc_type"]) for r in mine if not r["truth_empty"])
    total = Counter((r["kind"], r["doc_type"]) for r in mine)
    return ", ".join(f"{t or k} {n} (truth holds it {held[(k, t)]}/{total[(k, t)]})"
                     for (k, t), n in empty.most_common(12))


def table(now: dict[str, dict[str, int]], before: dict[str, dict[str, int]] | None) -> str:
    """Markdown: per field, missed unflagged and right empties flagged, before -> now when a kept run is given."""
    def cell(name: str, key: str) -> str:
        return f"{before[name][key]} → {now[name][key]}" if before else str(now[name][key])

    lines = ["| field | truth holds a value | missed, unflagged | missed, flagged | right empties | "
             "right empties flagged |", "|---|---|---|---|---|---|"]
    for name in WATCHED:
        c = now[name]
        lines.append(f"| {name} | {c['truth_has']} of {c['documents']} | {cell(name, 'missed_unflagged')} | "
                     f"{cell(name, 'missed_flagged')} | {c['right_empty']} | {cell(name, 'right_empty_flagged')} |")
    return "\n".join(lines) + "\n"


def to_review(docs: list[dict]) -> int:
    """The documents ``process`` counts to review: any field listed (archivist/toreview.py), empty or not."""
    return sum(bool(d["review"]) for d in docs)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", required=True, help="the sealed seeds, explicitly: 86-124 or 86,90")
    ap.add_argument("--sealed", type=Path, default=SEALED, help="folder of the sealed sets (sNN/{HG,AT}NN, acc-*)")
    ap.add_argument("--rows", type=Path, help="write every row and document here (JSON) to compare a later run with")
    ap.add_argument("--compare", type=Path, help="a --rows file of another tree: printed as before -> now")
    ap.add_argument("--where", action="store_true", help="also where each field's empties fall (kind and type)")
    args = ap.parse_args(argv)
    now = measure(args.sealed, seeds(args.seeds))
    if args.rows:
        args.rows.write_text(json.dumps(now, ensure_ascii=False) + "\n", encoding="utf-8")
    before = json.loads(args.compare.read_text(encoding="utf-8")) if args.compare else None
    print(table(counts(now["rows"]), counts(before["rows"]) if before else None))
    was = f"{to_review(before['documents'])} → " if before else ""
    print(f"documents to review: {was}{to_review(now['documents'])} of {len(now['documents'])}")
    if args.where:
        for name in WATCHED:
            print(f"- {name}: missed unflagged in {where(now['rows'], name, True) or 'none'}")
            print(f"  right empties in {where(now['rows'], name, False) or 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
