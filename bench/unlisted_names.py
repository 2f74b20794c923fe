"""Personal names against the truth, word by word: what the name restorer did to each name the OCR read.

Why: :class:`archivist.marks.MarkRestorer` reads a name word whose folded form is a listed name's as that name
(``Tám`` -> ``Tâm``). On a set generated with ``samples/generate.py --names unlisted`` (real names the lexicon does
not list, half of them folding like a listed one) that turns right readings into wrong values; on the usual sets
(listed names only) it puts back marks the OCR lost. This counts both, per name field (the signer, a civil record's
person, a register row's person and parents): right values (flagged), wrong ones flagged and unflagged, and of the
wrong ones those whose words the OCR read as printed and the restorer changed. The second table is per name word
the restorer changed, by what it was read as: the stored word with marks lost (``Tam`` for ``Tâm``), a syllable
with other marks (``Tám``), or no syllable at all (``Tâ`m``); each right or wrong, flagged or not::

    .venv/bin/python bench/unlisted_names.py OUT SET [OUT SET ...]            # bench/accuracy.py --out folders
    .venv/bin/python bench/unlisted_names.py OUT SET --rescore               # the stored words, current code
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archivist.classify import THRESHOLD  # noqa: E402
from archivist.marks import degraded  # noqa: E402
from archivist.syllables import is_syllable  # noqa: E402
from archivist.unlisted import read_run  # noqa: E402
from bench.accuracy import load_truth, pair_pages, rescore_records, stored_records  # noqa: E402
from bench.registers import truth_rows  # noqa: E402

_LETTERS = re.compile(r"[^\W\d_]+")
#: the name fields scored: the record's metadata field and where the truth holds it
FIELDS = (("signer", "metadata"), ("person", "civil"))


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def _words(s: str | None) -> list[str]:
    return _LETTERS.findall(_nfc(s or ""))


def kind_of(read: str, stored: str) -> str:
    """How a word the restorer changed was read: ``lost marks`` (the stored word with marks lost), ``other marks``
    (a syllable with other marks) or ``no syllable``."""
    if degraded(read, stored):
        return "lost marks"
    return "other marks" if is_syllable(read.lower()) else "no syllable"


def _ocr_word(words: list, bbox: list | None, text: str) -> tuple[float | None, bool]:
    """The confidence of the OCR word ``text`` inside ``bbox`` among a stored page's ``words``, and whether the
    engine kept a rival for one of its characters; (None, False) when it is not found."""
    if not bbox:
        return None, False
    x0, y0, x1, y1 = bbox
    for w in words:
        if _words(w[0]) == [text] and w[2] < x1 + 3 and w[4] > x0 - 3 and w[3] < y1 + 3 and w[5] > y0 - 3:
            return float(w[1]), len(w) > 7 and bool(w[7])
    return None, False


def judge(value: str | None, truth: str, source: str | None, flagged: bool,
          where: tuple[list, list | None] = ([], None)) -> tuple[dict, list[dict]]:
    """One name: its outcome, and a row per word the restorer changed (see the module docstring); ``where``: the
    stored page's words and the value's box, for the confidence the changed word was read at."""
    if value in (None, ""):
        return {"outcome": "missing", "flagged": flagged}, []
    right = _nfc(value).casefold() == _nfc(truth).casefold() or _nfc(value) == _nfc(truth)
    read = read_run(value, source or "")
    out = {"outcome": "right" if right else "wrong", "flagged": flagged,
           "read_right": read is not None and [w.casefold() for w in read] == [w.casefold() for w in _words(truth)]}
    changes = []
    truth_words = _words(truth)
    for i, (got, seen) in enumerate(zip(_words(value), read or [], strict=False)):
        if got.casefold() == seen.casefold():
            continue
        printed = truth_words[i] if i < len(truth_words) and len(truth_words) == len(_words(value)) else None
        conf, rivals = _ocr_word(*where, seen)
        changes.append({"read": seen, "stored": got, "printed": printed, "kind": kind_of(seen, got),
                        "right": printed is not None and printed.casefold() == got.casefold(), "flagged": flagged,
                        "index": i, "conf": conf, "rivals": rivals})
    return out, changes


def _where(record: dict, f: dict) -> tuple[list, list | None]:
    """A field's page words (of ``record``) and its box."""
    pages = record["pages"]
    page = f.get("page")
    words = pages[page - 1].get("words") or [] if isinstance(page, int) and 0 < page <= len(pages) else []
    return words, f.get("bbox")


def _union(boxes: list) -> list | None:
    boxes = [b for b in boxes if b]
    if not boxes:
        return None
    return [min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)]


def observe(out: Path, base: Path, rescore: bool) -> tuple[list[dict], list[dict]]:
    """Every name of one set: (field, document, truth, value, outcome...) rows and the restorer's word changes."""
    records = stored_records(out / "archive")
    if rescore:
        records = rescore_records(records)
    names, words = [], []
    docs, _ = pair_pages(load_truth(base), records, base)
    for t, r in docs:
        meta = r["metadata"]
        flagged = set(meta.get("needs_review") or [])
        for name, where in FIELDS:
            truth = (t.get(where) or {}).get(name)
            if not truth:
                continue
            f = (meta.get("fields") or {}).get(name) or {}
            o, ch = judge(meta.get(name), truth, f.get("source_text"), name in flagged, _where(r, f))
            names.append({"field": name, "document": t["document"], "truth": truth, "value": meta.get(name),
                          "review": f.get("review"), **o})
            words += [{"field": name, "document": t["document"], **c} for c in ch]
        rows = [e for e in meta.get("entries") or [] if e.get("cells")]
        for n, page in enumerate(t["pages"], start=1):
            read = [e for e in rows if e["page"] == n]
            for i, tr in enumerate(truth_rows(page["text"])):
                e = read[i] if i < len(read) else None
                flag = e is not None and (bool(e.get("review")) or e["confidence"] < THRESHOLD)
                for col, truth in (("person", tr["person"]), ("parents", tr["parents"])):
                    value = None if e is None else e.get("person") if col == "person" else \
                        " ".join(x for x in (e.get("mother"), e.get("father")) if x) or None
                    cells = (e or {}).get("cells") or {}
                    source = " ".join(cells.get(k, {}).get("source_text") or "" for k in
                                      (("person",) if col == "person" else ("mother", "father")))
                    box = _union([cells.get(k, {}).get("bbox") for k in
                                  (("person",) if col == "person" else ("mother", "father"))])
                    o, ch = judge(value, truth, source, flag, _where(r, {"page": n, "bbox": box}))
                    names.append({"field": f"register {col}", "document": t["document"], "truth": truth,
                                  "value": value, "review": (e or {}).get("review"), **o})
                    words += [{"field": f"register {col}", "document": t["document"], **c} for c in ch]
    return names, words


def report(names: list[dict], words: list[dict]) -> str:
    """The two tables and the wrong values stored without a flag, as Markdown."""
    lines = ["| name field | values | right (flagged) | wrong flagged | wrong unflagged | of the wrong: read as "
             "printed, changed by the restorer | not found |", "|---|---|---|---|---|---|---|"]
    for field in dict.fromkeys(n["field"] for n in names):
        mine = [n for n in names if n["field"] == field]
        right = [n for n in mine if n["outcome"] == "right"]
        wrong = [n for n in mine if n["outcome"] == "wrong"]
        lines.append(f"| {field} | {len(mine)} | {len(right)} ({sum(n['flagged'] for n in right)}) | "
                     f"{sum(n['flagged'] for n in wrong)} | {sum(not n['flagged'] for n in wrong)} | "
                     f"{sum(n['read_right'] for n in wrong)} | {sum(n['outcome'] == 'missing' for n in mine)} |")
    lines += ["", "| restorer's change, read as | words | stored right (flagged) | stored wrong (flagged) |",
              "|---|---|---|---|"]
    for kind in ("lost marks", "other marks", "no syllable"):
        mine = [w for w in words if w["kind"] == kind]
        right = [w for w in mine if w["right"]]
        wrong = [w for w in mine if not w["right"]]
        lines.append(f"| {kind} | {len(mine)} | {len(right)} ({sum(w['flagged'] for w in right)}) | "
                     f"{len(wrong)} ({sum(w['flagged'] for w in wrong)}) |")
    lines.append("")
    for n in names:
        if n["outcome"] == "wrong" and not n["flagged"]:
            lines.append(f"- unflagged wrong {n['field']}: {n['value']!r} for {n['truth']!r} [{n['document']}]"
                         + (" (read as printed)" if n["read_right"] else ""))
    pairs = Counter(f"{w['read']}->{w['stored']} ({w['printed']}, {w['kind']})" for w in words)
    lines += ["", "changes: " + "; ".join(f"{k} x{v}" if v > 1 else k for k, v in pairs.most_common())]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pairs", nargs="+", type=Path, metavar="OUT SET",
                    help="a bench/accuracy.py --out folder and its generated set, as many pairs as wanted")
    ap.add_argument("--rescore", action="store_true", help="re-describe the stored OCR words with the current code")
    ap.add_argument("--json", type=Path, help="also write every name and word row to this file")
    args = ap.parse_args(argv)
    if len(args.pairs) % 2:
        ap.error("give OUT SET pairs")
    names, words = [], []
    for out, base in zip(args.pairs[::2], args.pairs[1::2], strict=True):
        n, w = observe(out, base.resolve(), args.rescore)
        names += n
        words += w
    print(report(names, words))
    if args.json:
        args.json.write_text(json.dumps({"names": names, "words": words}, ensure_ascii=False, indent=1) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
