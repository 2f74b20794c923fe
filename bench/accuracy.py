"""Accuracy of the whole pipeline against the generator's ground truth: classification, metadata
fields, deskew/orientation and OCR word error.

The speed benchmark (``harness.py``) says how fast; this says how *right*, per field, because an
archive's metadata is evidence and a field that is fast but wrong costs a person's review time.
Documents are matched to ground truth by the source path of their first page, so a dossier the
splitter cut into parts is still scored (each part against the document it starts).

Issue 3's check: every type, both layout eras, multi-document dossiers (and the split's boundary
precision/recall/F1, :mod:`bench.split`)::

    .venv/bin/python bench/accuracy.py --docs 120 --types all --layout-era mixed
    .venv/bin/python bench/accuracy.py --docs 120 --types all --layout-era mixed --rescore   # no OCR

``--rescore`` keeps the generated set and the archive of the last run and re-runs the current
splitter, classifier and extractor on the OCR words its records hold: minutes instead of an hour
when only the reading of the text changed.

Issue 14's hard groups (typewriter, faded carbon, speckle, tables, seals, two-column headers, no-text
pages, and a clean control; ``--docs`` documents per group), scored group by group (:mod:`bench.groups`:
word error of the record and of the PDF text layer, orientation, every field)::

    .venv/bin/python bench/accuracy.py --groups all --docs 6
    .venv/bin/python bench/accuracy.py --groups all --docs 6 --rescore   # fields only, on the stored OCR

Usage::

    .venv/bin/python bench/accuracy.py --docs 40
    .venv/bin/python bench/accuracy.py --docs 40 --orientation   # and the orientation set: 0 wrong turns?
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

from archivist.chardoubt import stored_rivals  # noqa: E402
from archivist.metrics import angle_error, bag_of_words_error, summarise  # noqa: E402
from bench.split import boundaries  # noqa: E402

#: (label, record metadata key, truth metadata key): civil-status keys are read from the truth's "civil"
FIELDS = [("number/symbol", "number_symbol", "number"), ("date", "date", "date"), ("issuer", "issuer", "issuer"),
          ("subject", "subject", "subject"), ("signer", "signer", "signer")]
CIVIL_FIELDS = [("civil: person", "person", "person"), ("civil: event date", "event_date", "event_date"),
                ("civil: book", "book", "book"), ("civil: entry", "entry", "entry")]
TARGETS = {"type": 0.97, "number/symbol": 0.95, "date": 0.95, "issuer": 0.95, "subject": 0.90, "signer": 0.90,
           "split F1": 0.95}


def _norm(v: object) -> str | None:
    """NFC and collapsed spaces: a field is exact when it reads the same, not when bytes match."""
    if v is None or v == "":
        return None
    return " ".join(unicodedata.normalize("NFC", str(v)).split())


def _page_key(path: str | Path, index: int) -> tuple[str, int]:
    return str(Path(path).resolve()), int(index)


def pair_pages(truths: list[dict], records: list[dict], base: Path) -> tuple[list[tuple[dict, dict]], list[tuple]]:
    """(truth doc, record) pairs by the record's first page, and (truth page, record page) pairs."""
    docs, pages = pair_pages_in_records(truths, records, base)
    return docs, [(gt, pg) for gt, pg, _, _ in pages]


def pair_pages_in_records(truths: list[dict], records: list[dict],
                          base: Path) -> tuple[list[tuple[dict, dict]], list[tuple[dict, dict, str, int]]]:
    """As :func:`pair_pages`, the page pairs also naming the record and the page's place in it (its PDF)."""
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
        for i, pg in enumerate(rec["pages"]):
            ph = by_page.get(_page_key(pg["source"]["path"], pg["source"]["index"]))
            if ph:
                pages.append((ph[1], pg, rec["id"], i))
    return docs, pages


def score(truths: list[dict], records: list[dict], base: Path) -> dict:
    """Every figure of the report, as plain numbers (also what accuracy.json holds)."""
    docs, pages = pair_pages(truths, records, base)
    n = len(docs)
    out: dict = {"documents_truth": len(truths), "documents_matched": n, "records": len(records),
                 "pages_matched": len(pages)}
    typed = [_norm(r["metadata"].get("type")) == _norm(t["type"]) for t, r in docs]
    out["type_accuracy"] = sum(typed) / max(n, 1)
    out["types_seen"] = len({t["type"] for t in truths})
    fields: dict[str, dict] = {}
    misses: dict[str, list] = {"type": [{"document": t["document"], "truth": t["type"],
                                         "read": r["metadata"].get("type")}
                                        for (t, r), good in zip(docs, typed, strict=True) if not good][:20]}
    for label, rkey, tkey in FIELDS + CIVIL_FIELDS:
        src = "civil" if (label, rkey, tkey) in CIVIL_FIELDS else "metadata"
        scored = [(t, r) for t, r in docs if (t.get(src) or {}).get(tkey) not in (None, "")]
        ok = [_norm(r["metadata"].get(rkey)) == _norm(t[src].get(tkey)) for t, r in scored]
        if not scored:
            continue
        fields[label] = {"n": len(scored), "exact": sum(ok) / len(scored)}
        misses[label] = [{"document": t["document"], "truth": t[src].get(tkey), "read": r["metadata"].get(rkey)}
                         for (t, r), good in zip(scored, ok, strict=True) if not good][:20]
    out["fields"] = fields
    out["field_misses"] = misses
    out["split"] = boundaries(truths, records, base)
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


def stored_records(archive: Path) -> list[dict]:
    """Every record ``archive`` holds (``documents/*.json``), in file order: what a bench scores or rescores."""
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((archive / "documents").glob("*.json"))]


def markdown(res: dict, n_docs: int, seconds: float) -> str:
    """The report as the Markdown section appended to RESULTS.md."""
    def target(label: str) -> str:
        return f"≥ {TARGETS[label]:.0%}" if label in TARGETS else ""

    sp = res["split"]
    lines = [f"## Accuracy ({n_docs} generated documents of {res['types_seen']} types, {res['pages_matched']} pages, "
             f"{res['documents_matched']}/{res['documents_truth']} matched, {seconds:.0f} s)", "",
             "| measure | value | target | n |", "|---|---|---|---|",
             f"| type accuracy | {res['type_accuracy']:.1%} | {target('type')} | {res['documents_matched']} |"]
    for label, f in res["fields"].items():
        lines.append(f"| {label} exact match | {f['exact']:.1%} | {target(label)} | {f['n']} |")
    d, w = res["deskew_error"], res["word_error_bow"]
    lines += [f"| dossier split boundaries precision / recall | {sp['precision']:.1%} / {sp['recall']:.1%} | | "
              f"{sp['tp'] + sp['fn']} boundaries in {sp['multi_page_inputs']} multi-page inputs "
              f"({sp['dossiers']} dossiers) |",
              f"| dossier split boundary F1 | {sp['f1']:.3f} | ≥ {TARGETS['split F1']:.2f} | tp {sp['tp']}, "
              f"fp {sp['fp']}, fn {sp['fn']} |",
              f"| deskew error mean / worst (deg) | {d['mean']:.3f} / {d['worst']:.3f} | | {d['n']} |",
              f"| orientation accuracy | {res['orientation_accuracy']:.1%} | | {res['pages_matched']} |",
              f"| word error, bag of words, mean / worst | {w['mean']:.2%} / {w['worst']:.2%} | | {w['n']} |", ""]
    return "\n".join(lines)


def rescore_records(records: list[dict]) -> list[dict]:
    """The records an archive would hold if processed now: each input's pages (with the OCR words
    its records kept) split, classified and described again by the current archivist code."""
    from archivist.assemble import describe_texts
    from archivist.classify import PageText, split_dossier

    inputs: dict[str, list[dict]] = {}
    for rec in records:
        inputs.setdefault((rec.get("dossier") or {}).get("id") or rec["id"], []).append(rec)
    out = []
    for recs in inputs.values():
        recs.sort(key=lambda r: (r.get("dossier") or {}).get("sequence", 0))
        pages = [pg for r in recs for pg in r["pages"]]
        texts = [PageText(i, pg.get("text") or "", [(w[0], w[1], tuple(w[2:6]), w[6]) for w in pg.get("words", [])],
                          tuple(pg.get("warnings", [])), stored_rivals(pg), pg.get("number_reading"),
                          pg.get("mark_heights") or [], pg.get("date_reading"), pg.get("name_reading"),
                          pg.get("name_zone"))
                 for i, pg in enumerate(pages, start=1)]
        starts = [b.start_page for b in split_dossier(texts)] if len(texts) > 1 else [1]
        for a, b in zip(starts, starts[1:] + [len(texts) + 1], strict=True):
            part = [PageText(i, t.text, t.words, t.notes, t.rivals, t.number_reading, t.mark_heights,
                             t.date_reading, t.name_reading, t.name_zone)
                    for i, t in enumerate(texts[a - 1:b - 1], start=1)]
            out.append({"id": f"{recs[0]['id']}@{a}", "pages": pages[a - 1:b - 1],
                        "metadata": describe_texts(part)[1]})
    return out


def _groups(names: list[str] | None) -> list[str] | None:
    if not names:
        return None
    from samples.hard import GROUPS

    return list(GROUPS) if names == ["all"] else names


def main(argv: list[str] | None = None) -> int:
    from archivist.pipeline import Settings, process

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=40, help="generated documents")
    ap.add_argument("--seed", type=int, default=7,
                    help="generator seed (accuracy.json records it and --types, --layout-era for a set this run made)")
    ap.add_argument("--workers", type=int, default=2, help="pipeline workers")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "acc", help="work folder")
    ap.add_argument("--reuse", type=Path, help="process and score all of a generated set (scans/, ground-truth/)")
    ap.add_argument("--types", choices=("default", "all"), default="default", help="generator types (see samples/)")
    ap.add_argument("--layout-era", choices=("decree30", "mixed", "old"), default="decree30",
                    help="generator layout era (see samples/)")
    ap.add_argument("--groups", nargs="+", metavar="GROUP",
                    help="issue 14's hard groups (samples/hard.py), --docs documents each, scored per group: "
                         "all, or some of clean typewriter faded speckle tables seals twocol notext")
    ap.add_argument("--rescore", action="store_true",
                    help="keep OUT's set and archive; re-run split, classify and extract on the stored OCR words")
    ap.add_argument("--layout", choices=("tesseract", "blocks"), default=Settings.layout,
                    help="how pages are cut for the OCR (archivist process --layout)")
    ap.add_argument("--append", action="store_true", help="append the Markdown table to bench/RESULTS.md")
    ap.add_argument("--orientation", action="store_true",
                    help="also run the generated orientation set (bench/orientation.py): signals, decisions, flags")
    args = ap.parse_args(argv)

    base = args.reuse.resolve() if args.reuse else args.out / "set"
    archive = args.out / "archive"
    if args.rescore:
        truths = load_truth(base)
        t0 = time.perf_counter()
        records, failures = rescore_records(stored_records(archive)), 0
    else:
        if args.out.exists():
            shutil.rmtree(args.out)
        if args.reuse:
            truths = load_truth(base)  # the whole set: a top-level folder's pages are not split by document
        else:
            from samples.generate import generate

            truths = generate(base, seed=args.seed, n_docs=args.docs, types=args.types, layout_era=args.layout_era,
                              groups=_groups(args.groups))
        t0 = time.perf_counter()
        report = process([base / "scans"], archive, Settings(workers=args.workers, layout=args.layout))
        failures = len(report.failures)
        records = stored_records(archive)
    seconds = time.perf_counter() - t0
    res = score(truths, records, base)
    made = not (args.reuse or args.rescore)  # a set given or made by an earlier run: these options did not make it
    res.update({"seed": args.seed if made else None, "types": args.types if made else None,
                "layout_era": args.layout_era if made else None, "set": str(base), "rescored": args.rescore,
                "seconds": round(seconds, 1), "failures": failures})
    md = markdown(res, len(truths), seconds)
    if args.orientation:
        from bench.orientation import run as run_orientation

        omd, _ = run_orientation(args.out / "orientation", workers=args.workers,  # details: orientation/*.md, json
                                 command="bench/accuracy.py " + " ".join(argv if argv is not None else sys.argv[1:]),
                                 layout=args.layout)
        md += "\n" + omd
    if any("group" in t for t in truths):
        from bench.groups import markdown_groups, score_groups

        docs, pages = pair_pages_in_records(truths, records, base)
        res["groups"] = score_groups(docs, pages, archive)
        order = list(dict.fromkeys(t["group"] for t in truths if "group" in t))
        md += "\n### Per group (issue 14)\n\n" + markdown_groups(res["groups"], order) + "\n"
        from bench import registercells

        if cells := registercells.observations(docs):  # the tables group's registers, cell by cell (item 9)
            res["register_cells"] = registercells.table(cells)
            md += "\n" + registercells.markdown(res["register_cells"]) + "\n"
    (args.out / "accuracy.json").write_text(json.dumps(res, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(md)
    print(f"details (misses per field, wrong split inputs): {args.out / 'accuracy.json'}")
    results = ROOT / "bench" / "RESULTS.md"
    if args.append and results.exists():
        with results.open("a", encoding="utf-8") as f:
            f.write("\n" + md)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
