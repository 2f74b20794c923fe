"""Register tables read row by row (archivist/registers.py) against the page text the generator drew.

The truth of a register page (the hard group ``tables``' ``so-khai-sinh-bang`` documents) is its text, cells
in reading order: per row the entry number, the registration date, the name (one or more lines), the birth
date, the sex, then the mother's and the father's names (each one or more lines, which the text alone does not
part). So a row is counted right when its entry, dates, name and sex are the truth's and its mother's and
father's names, one after the other, are the truth's remaining words; wrong when a value stored differs
(flagged, by a review or a confidence under the threshold, or not); incomplete when values were not read
but none stored differs; and missed when the truth's row was not read at all. Stored words are re-read with the
current code (no OCR)::

    .venv/bin/python bench/registers.py OUT SET [OUT SET ...]   # an archive's --out folder and its set

``--cells`` counts the cells instead (bench/registercells.py: right, flagged or not, wrong, flagged or not, and
missed, per kind), each register document described again as ``process`` would now (its restorer and flags
too), per set and in all::

    .venv/bin/python bench/registers.py --cells OUT SET [OUT SET ...]
"""

from __future__ import annotations

import json
import re
import sys
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archivist.chardoubt import stored_rivals  # noqa: E402
from archivist.classify import THRESHOLD  # noqa: E402
from archivist.ocrtext import PageText  # noqa: E402
from archivist.registerpages import read_register  # noqa: E402

_DATE = re.compile(r"^\d\d/\d\d/\d{4}$")


def truth_rows(text: str) -> list[dict]:
    """The rows of a register page's truth text (see the module's docstring)."""
    lines = text.split("\n")
    numbers = [i for i, ln in enumerate(lines) if re.fullmatch(r"\(\d+\)", ln)]
    if not numbers:  # a page of the register's document without its table (the signature alone)
        return []
    start = max(numbers) + 1
    rows: list[dict] = []
    i = start
    while i + 1 < len(lines) and lines[i].isdigit() and _DATE.match(lines[i + 1]):
        j = i + 2
        name = []
        while not _DATE.match(lines[j]):
            name.append(lines[j])
            j += 1
        born, sex = lines[j], lines[j + 1]
        k = j + 2
        rest = []
        while k < len(lines) and not (lines[k].isdigit() and k + 1 < len(lines) and _DATE.match(lines[k + 1])) \
                and not lines[k].isupper():
            rest.append(lines[k])
            k += 1
        iso = [datetime.strptime(d, "%d/%m/%Y").date().isoformat() for d in (lines[i + 1], born)]
        rows.append({"entry": lines[i], "registered": iso[0], "person": " ".join(name), "event_date": iso[1],
                     "sex": sex, "parents": " ".join(rest)})
        i = k
    return rows


def score(read: list[dict], truth: list[dict]) -> dict:
    """Per truth row, matched to the row read with its registration date and name, else its place."""
    out = {"rows": len(truth), "read": len(read), "right": 0, "right_flagged": 0, "wrong": 0,
           "wrong_unflagged": 0, "incomplete": 0, "incomplete_flagged": 0, "missed": 0, "cells_wrong_unflagged": []}
    for n, t in enumerate(truth):
        r = read[n] if n < len(read) else None
        if r is None:
            out["missed"] += 1
            continue
        got = {k: r.get(k) for k in ("entry", "registered", "person", "event_date", "sex")}
        got["parents"] = " ".join(x for x in (r.get("mother"), r.get("father")) if x)
        bad = [k for k in got if got[k] != t[k]]
        flagged = bool(r.get("review")) or r["confidence"] < THRESHOLD  # as archivist/extract.py lists the entries
        if not bad:
            out["right"] += 1
            out["right_flagged"] += flagged
            continue
        stored_wrong = [k for k in bad if got[k] not in (None, "")]
        if not stored_wrong:  # values not read, none read wrong
            out["incomplete"] += 1
            out["incomplete_flagged"] += flagged
            continue
        out["wrong"] += 1
        if not flagged:
            out["wrong_unflagged"] += 1
            out["cells_wrong_unflagged"] += [f"{k}: {got[k]!r} for {t[k]!r}" for k in stored_wrong]
    return out


def register_docs(out: Path, base: Path) -> list[tuple[dict, dict]]:
    """The (truth, record) pairs of a run's register documents, each described again by the current code
    (only the inputs that hold a register: a whole set's rescoring takes minutes)."""
    from bench.accuracy import load_truth, pair_pages, rescore_records, stored_records

    truths = [t for t in load_truth(base) if t.get("kind") == "civil_status"]
    records = stored_records(out / "archive")
    docs, _ = pair_pages(truths, records, base)
    inputs = {(r.get("dossier") or {}).get("id") or r["id"] for _, r in docs}
    mine = [r for r in records if ((r.get("dossier") or {}).get("id") or r["id"]) in inputs]
    return pair_pages(truths, rescore_records(mine), base)[0]


def cells_main(argv: list[str]) -> int:
    """Per set, the wrong cells no flag catches and the matrix of cell kinds; then the kinds over all sets."""
    from bench.registercells import KINDS, markdown, observations, table, unflagged_lines

    every: list[dict] = []
    print("| set | " + " | ".join(KINDS) + " | all |", "|---|" + "---|" * (len(KINDS) + 1), sep="\n")
    notes = []
    for out, base in zip(argv[::2], argv[1::2], strict=True):
        obs = observations(register_docs(Path(out), Path(base)))
        every += obs
        tab = table(obs)
        print(f"| {Path(base).name} | " + " | ".join(
            f"{c['wrong_unflagged']}/{c['wrong_unflagged'] + c['wrong_flagged']}, {c['right_flagged']}/{c['right']}, "
            f"{c['missed']}" for c in tab.values()) + " |")
        notes += unflagged_lines(obs, limit=1000)
    print("\n(per cell kind: wrong unflagged/wrong stored, right flagged/right, missed)\n")
    print(markdown(table(every), "Register cells, all sets"))
    print("\n".join(notes))
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["--cells"]:
        return cells_main(argv[1:])
    total: dict = {}
    for out, base in zip(argv[::2], argv[1::2], strict=True):
        truths = {json.loads(p.read_text(encoding="utf-8"))["document"]: json.loads(p.read_text(encoding="utf-8"))
                  for p in Path(base, "ground-truth").glob("*so-khai-sinh-bang*.json")}
        for p in sorted(Path(out, "archive", "documents").glob("*.json")):
            rec = json.loads(p.read_text(encoding="utf-8"))
            doc = Path(rec["label"]).stem
            if doc not in truths:
                continue
            pages = [PageText(i, pg.get("text") or "", [(w[0], w[1], tuple(w[2:6]), w[6]) for w in pg["words"]],
                              rivals=stored_rivals(pg))
                     for i, pg in enumerate(rec["pages"], start=1)]
            read = read_register(pages)
            s = {}
            for n, truth_page in enumerate(truths[doc]["pages"], start=1):  # each page's rows against its own
                got = score([e for e in read if e["page"] == n and e["cells"]], truth_rows(truth_page["text"]))
                s = {k: s.get(k, 0 if not isinstance(v, list) else []) + v for k, v in got.items()}
            s["unread_pages"] = sum(1 for e in read if not e["cells"])  # continuation pages said not matched
            print(f"{Path(base).name} {doc}: {s['right']}/{s['rows']} right ({s['right_flagged']} flagged), "
                  f"{s['wrong']} wrong ({s['wrong_unflagged']} unflagged), {s['incomplete']} incomplete "
                  f"({s['incomplete_flagged']} flagged), {s['missed']} missed, {s['unread_pages']} pages unread "
                  "(flagged)",
                  "; ".join(s["cells_wrong_unflagged"]))
            for k, v in s.items():
                total[k] = total.get(k, 0) + v if not isinstance(v, list) else total.get(k, []) + v
    print(json.dumps({k: v for k, v in total.items() if k != "cells_wrong_unflagged"}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
