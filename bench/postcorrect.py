"""The syllable post-correction (archivist/ocrfix.py) measured on the OCR words of a processed archive.

For every page of a ``bench/accuracy.py`` run whose truth is known, the page's stored words (what the
OCR stage kept) are corrected again with the current ``fix_words`` and both texts are scored against
the generator's truth: word error (bag of words, as bench/accuracy.py), and every word the correction
changed, counted as *fixed* (it now reads as the truth has it, and did not before), *broken* (it read
as the truth has it, and no longer does) or *still wrong*. The target of issue 14: word error down by
30% relative, no word broken. Run it on an archive processed without the correction (main before
issue 14) to see its whole effect; on one processed with it, it shows what a second pass would add::

    .venv/bin/python bench/postcorrect.py --out bench/out/acc [--reuse SET]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archivist.metrics import bag_of_words_error, summarise, words  # noqa: E402
from archivist.models import Word  # noqa: E402
from archivist.ocrfix import fix_words, text_of  # noqa: E402
from bench.accuracy import load_truth, pair_pages, stored_records  # noqa: E402
from bench.lexicon_judge import in_context  # noqa: E402
from bench.lexicon_judge import load as load_lexicon  # noqa: E402


def measure(pages: list[tuple[dict, dict]], context: float | None = None, bound: bool = False) -> dict:
    """Word error before/after and the changed words, over (truth page, record page) pairs. ``context``: then
    also correct valid syllables read under that confidence by the words they make with their neighbours
    (bench/lexicon_judge.py ``in_context``, measured only)."""
    before, after, fixed, broken, still, examples = [], [], 0, 0, 0, Counter()
    for gt, pg in pages:
        ws = [Word(w[0], float(w[1]), tuple(w[2:6]), int(w[6])) for w in pg.get("words", [])]
        new = fix_words(ws)
        if context is not None:
            new = in_context(new, load_lexicon(), context, bound)
        truth = Counter(words(gt["text"]))
        old_text, new_text = pg.get("text") or text_of(ws), text_of(new)
        before.append(bag_of_words_error(gt["text"], old_text))
        after.append(bag_of_words_error(gt["text"], new_text))
        old_bag, new_bag = Counter(words(old_text)), Counter(words(new_text))
        for w in old_bag - new_bag:  # words the correction changed away
            for _ in range((old_bag - new_bag)[w]):
                if truth[w] and old_bag[w] <= truth[w]:
                    broken += 1
                    examples[f"broken: {w}"] += 1
        for w, n in (new_bag - old_bag).items():
            good = min(n, max(0, truth[w] - old_bag[w]))
            fixed += good
            still += n - good
            examples[f"{'fixed' if good else 'still wrong'}: {w}"] += 1
    b, a = summarise(before), summarise(after)
    return {"pages": len(pages), "word_error_before": b.mean, "word_error_after": a.mean,
            "relative_change": (a.mean - b.mean) / b.mean if b.mean else 0.0, "fixed": fixed, "broken": broken,
            "still_wrong": still, "examples": examples.most_common(60)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "acc", help="a bench/accuracy.py --out folder")
    ap.add_argument("--reuse", type=Path, help="the generated set of a --reuse run (default OUT/set)")
    ap.add_argument("--by-group", action="store_true", help="also per sample group (hard groups)")
    ap.add_argument("--context", type=float, metavar="CONF",
                    help="also correct by context words read under CONF (pyvi's word list; measured only)")
    ap.add_argument("--bound", action="store_true", help="with --context: a neighbour already in a word is no "
                    "context")
    ap.add_argument("--report", type=Path, help="where the JSON goes (default OUT/postcorrect.json; give another "
                    "path for a shared read-only OUT)")
    args = ap.parse_args(argv)
    base = (args.reuse or args.out / "set").resolve()
    truths = load_truth(base)
    records = stored_records(args.out / "archive")
    _, pages = pair_pages(truths, records, base)
    groups = {"all": pages}
    if args.by_group:
        for gt, pg in pages:
            groups.setdefault(gt.get("group") or "-", []).append((gt, pg))
    print("| pages | word error before | after | relative | words fixed | words broken | changed, still wrong |")
    print("|---|---|---|---|---|---|---|")
    for name, sel in groups.items():
        r = measure(sel, args.context, args.bound)
        print(f"| {name}: {r['pages']} | {r['word_error_before']:.2%} | {r['word_error_after']:.2%} | "
              f"{r['relative_change']:+.1%} | {r['fixed']} | {r['broken']} | {r['still_wrong']} |")
        if name == "all":
            report = args.report or args.out / "postcorrect.json"
            report.write_text(json.dumps(r, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
