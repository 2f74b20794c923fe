"""Did a change to the OCR stage change what archivist stores and flags? Two processed runs, word by word.

A change meant only to make the OCR cheaper (bench/choices_cost.py: fewer of the LSTM's secondary decodes)
must leave the words stored as they were, and every field's value and review flag too: a flag lost is a
wrong value that may now pass unseen. This compares two ``bench/accuracy.py --reuse SET --out OUT`` runs of
the same set (records matched by id, which follows the input's bytes): per page the words (text,
confidence, box, line), per word the characters in doubt as archivist/chardoubt.py judges them, and per
document, described again from the stored words by the current code (``rescore_records``), each field's
value and review reason::

    .venv/bin/python bench/same_reading.py BEFORE_OUT AFTER_OUT
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archivist.chardoubt import digit_doubt, letter_doubt, stored_rivals  # noqa: E402
from bench.accuracy import rescore_records, stored_records  # noqa: E402


def _records(out: Path) -> dict[str, dict]:
    return {r["id"]: r for r in stored_records(out / "archive")}


def _doubts(page: dict) -> dict[tuple, tuple[bool, bool]]:
    """Each word box of a stored page: (a digit in doubt, a letter in doubt)."""
    return {box: (bool(digit_doubt(text, rivals)), bool(letter_doubt(text, rivals)))
            for box, (text, rivals) in stored_rivals(page).items()}


def _fields(records: list[dict]) -> dict[tuple[str, str], tuple]:
    return {(r["id"], name): (f.get("value"), f.get("review"))
            for r in rescore_records(records) for name, f in (r["metadata"].get("fields") or {}).items()}


def compare(before: Path, after: Path) -> dict:
    """What differs between two runs: pages, words, doubts and fields, with the differing fields listed."""
    a, b = _records(before), _records(after)
    pages = [(p, q) for rid in sorted(a.keys() & b.keys()) for p, q in zip(a[rid]["pages"], b[rid]["pages"],
                                                                               strict=False)]
    same_pages = sum([w[:7] for w in p.get("words", [])] == [w[:7] for w in q.get("words", [])] for p, q in pages)
    da = {(i, k): v for i, (p, _) in enumerate(pages) for k, v in _doubts(p).items()}
    db = {(i, k): v for i, (_, q) in enumerate(pages) for k, v in _doubts(q).items()}
    flips = {k: (da.get(k, (False, False)), db.get(k, (False, False))) for k in da.keys() | db.keys()}
    flips = {k: v for k, v in flips.items() if v[0] != v[1]}
    fa, fb = _fields(list(a.values())), _fields(list(b.values()))
    diff = {k: (fa.get(k), fb.get(k)) for k in sorted(fa.keys() | fb.keys()) if fa.get(k) != fb.get(k)}
    return {"records": (len(a), len(b), len(a.keys() & b.keys())), "pages": len(pages), "same_pages": same_pages,
            "doubt_words": (sum(any(v) for v in da.values()), sum(any(v) for v in db.values())),
            "doubt_changed": len(flips), "fields": len(fa), "fields_differ": diff}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("before", type=Path, help="a bench/accuracy.py --out folder")
    ap.add_argument("after", type=Path, help="another run of the same set")
    args = ap.parse_args(argv)
    got = compare(args.before, args.after)
    (na, nb, both) = got["records"]
    print(f"records {na} / {nb} ({both} in both); pages with the same words: {got['same_pages']} of {got['pages']}; "
          f"words with a character in doubt: {got['doubt_words'][0]} -> {got['doubt_words'][1]} "
          f"({got['doubt_changed']} words judged otherwise); fields differing in value or review: "
          f"{len(got['fields_differ'])} of {got['fields']}")
    for (rid, name), (x, y) in got["fields_differ"].items():
        print(f"  {rid} {name}: {x!r} -> {y!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
