"""Accuracy of the whole pipeline against the generator's ground truth: classification, metadata
fields, deskew/orientation and OCR word error.

The speed benchmark (``harness.py``) says how fast; this says how *right*, per field, because an
archive's metadata is evidence and a field that is fast but wrong costs a person's review time.
Documents are matched to ground truth by the source path of their first page, so a dossier the
splitter cut into parts is still scored (each part against the document it starts).

Usage::

    .venv/bin/python bench/accuracy.py --docs 40
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archivist.metrics import angle_error, bag_of_words_error, summarise  # noqa: E402

#: (label, record metadata key, truth metadata key)
FIELDS = [("number/symbol", "number_symbol", "number"), ("date", "date", "date"), ("issuer", "issuer", "issuer"),
          ("subject", "subject", "subject"), ("signer", "signer", "signer")]


def _norm(v: object) -> str | None:
    """NFC and collapsed spaces: a field is exact when it reads the same, not when bytes match."""
    if v is None or v == "":
        return None
    return " ".join(unicodedata.normalize("NFC", str(v)).split())


def _page_key(path: str | Path, index: int) -> tuple[str, int]:
    return str(Path(path).resolve()), int(index)


def pair_pages(truths: list[dict], records: list[dict], base: Path) -> tuple[list[tuple[dict, dict]], list[tuple]]:
    """(truth doc, record) pairs by the record's first page, and (truth page, record page) pairs."""
    by_page: dict[tuple[str, int], tuple[dict, dict]] = {}
    for t in truths:
        for p in t["pages"]:
            by_page[_page_key(base / p["file"], p["index"])] = (t, p)
    docs, pages = [], []
    for rec in records:
        first = rec["pages"][0]["source"]
        hit = by_page.get(_page_key(first["path"], first["index"]))
        if hit:
            docs.append((hit[0], rec))
        for pg in rec["pages"]:
            ph = by_page.get(_page_key(pg["source"]["path"], pg["source"]["index"]))
            if ph:
                pages.append((ph[1], pg))
    return docs, pages


def score(truths: list[dict], records: list[dict], base: Path) -> dict:
    """Every figure of the report, as plain numbers (also what accuracy.json holds)."""
    docs, pages = pair_pages(truths, records, base)
    n = len(docs)
    out: dict = {"documents_truth": len(truths), "documents_matched": n, "records": len(records),
                 "pages_matched": len(pages)}
    out["type_accuracy"] = sum(_norm(r["metadata"].get("type")) == _norm(t["type"]) for t, r in docs) / max(n, 1)
    fields: dict[str, dict] = {}
    misses: dict[str, list] = {}
    for label, rkey, tkey in FIELDS:
        scored = [(t, r) for t, r in docs if t["metadata"].get(tkey) not in (None, "")]
        ok = [_norm(r["metadata"].get(rkey)) == _norm(t["metadata"].get(tkey)) for t, r in scored]
        fields[label] = {"n": len(scored), "exact": sum(ok) / max(len(scored), 1)}
        misses[label] = [{"document": t["document"], "truth": t["metadata"].get(tkey), "read": r["metadata"].get(rkey)}
                         for (t, r), good in zip(scored, ok, strict=True) if not good][:10]
    out["fields"] = fields
    out["field_misses"] = misses
    skew = summarise([angle_error(pg["skew"], gt["skew"]) for gt, pg in pages])
    out["deskew_error"] = {"mean": skew.mean, "worst": skew.worst, "n": skew.n}
    out["orientation_accuracy"] = sum(pg["orientation"] == gt["rotation"] for gt, pg in pages) / max(len(pages), 1)
    wer = summarise([bag_of_words_error(gt["text"], pg.get("text") or "") for gt, pg in pages])
    out["word_error_bow"] = {"mean": wer.mean, "worst": wer.worst, "n": wer.n}
    return out


def load_truth(folder: Path) -> list[dict]:
    """The ground truth of a set written by ``samples/generate.py``."""
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((folder / "ground-truth").glob("*.json"))
            if p.name != "index.json"]


def markdown(res: dict, n_docs: int, seconds: float) -> str:
    """The report as the Markdown section appended to RESULTS.md."""
    lines = [f"## Accuracy ({n_docs} generated documents, {res['pages_matched']} pages, "
             f"{res['documents_matched']}/{res['documents_truth']} matched, {seconds:.0f} s)", "",
             "| measure | value | n |", "|---|---|---|",
             f"| type accuracy | {res['type_accuracy']:.1%} | {res['documents_matched']} |"]
    for label, f in res["fields"].items():
        lines.append(f"| {label} exact match | {f['exact']:.1%} | {f['n']} |")
    d, w = res["deskew_error"], res["word_error_bow"]
    lines += [f"| deskew error mean / worst (deg) | {d['mean']:.3f} / {d['worst']:.3f} | {d['n']} |",
              f"| orientation accuracy | {res['orientation_accuracy']:.1%} | {res['pages_matched']} |",
              f"| word error, bag of words, mean / worst | {w['mean']:.2%} / {w['worst']:.2%} | {w['n']} |", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from archivist.pipeline import Settings, process

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=40, help="generated documents")
    ap.add_argument("--seed", type=int, default=7, help="generator seed")
    ap.add_argument("--workers", type=int, default=2, help="pipeline workers")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "acc", help="work folder")
    ap.add_argument("--reuse", type=Path, help="process and score all of a generated set (scans/, ground-truth/)")
    args = ap.parse_args(argv)

    if args.out.exists():
        shutil.rmtree(args.out)
    if args.reuse:
        base = args.reuse.resolve()
        truths = load_truth(base)  # the whole set: a top-level folder's pages are not split by document
    else:
        from samples.generate import generate

        base = args.out
        truths = generate(args.out, seed=args.seed, n_docs=args.docs)
    archive = args.out / "archive"
    t0 = time.perf_counter()
    report = process([base / "scans"], archive, Settings(workers=args.workers))
    seconds = time.perf_counter() - t0
    records = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((archive / "documents").glob("*.json"))]
    res = score(truths, records, base)
    res.update({"seed": args.seed, "seconds": round(seconds, 1), "failures": len(report.failures)})
    (args.out.parent / "accuracy.json").write_text(json.dumps(res, ensure_ascii=False, indent=2) + "\n",
                                                   encoding="utf-8")
    md = markdown(res, len(truths), seconds)
    print(md)
    results = ROOT / "bench" / "RESULTS.md"
    if results.exists():
        with results.open("a", encoding="utf-8") as f:
            f.write("\n" + md)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
