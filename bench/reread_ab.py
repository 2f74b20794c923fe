"""Does reading the weak lines a second time, from other restorations, help? Variants scored per group.

Every page of a set's hard groups is turned upright with the generator's own angles (as
bench/restore_ab.py does) and read as the pipeline reads it (``pagework._read``: restore.prepare, tables
cell by cell, the faint page's debris dropped). Then each variant re-reads the lines with a word (or a mean)
under its threshold from its views (other restorations of the page, bench/reread_lines.py) and keeps
each line's best reading. One process, one thread; a line read from a view is read once and its CPU
charged to every variant that uses it, so each variant's CPU is what it would cost alone.

Reports per group the order-free word error of the page text and the extra CPU per page (views made and
lines re-read), the first reading's CPU alongside.

    .venv/bin/python bench/reread_ab.py --set /work/calib-runs/HG10 --groups faded speckle typewriter clean
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

os.environ["OMP_THREAD_LIMIT"] = "1"

import cv2  # noqa: E402
import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import lexicon_judge as lj  # noqa: E402
from reread_lines import View, box, line_reader, lines_of, read_line, same_numbers, score, vote, weak  # noqa: E402,E501
from restore_ab import gamma, read_set, set_parser  # noqa: E402

from archivist import restore  # noqa: E402
from archivist.cells import read_prepared  # noqa: E402
from archivist.metrics import bag_of_words_error, words  # noqa: E402
from archivist.models import Word  # noqa: E402
from archivist.ocr import TesserocrEngine  # noqa: E402

ViewMaker = Callable[[np.ndarray, float, restore.Prepared], "View | None"]


def _x2(up: np.ndarray, dpi: float, p: restore.Prepared) -> View:
    return View(cv2.resize(p.image, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC), p.dpi * 2, p.scale * 2)


def _step(f: Callable[[np.ndarray, float], np.ndarray]) -> ViewMaker:
    return lambda up, dpi, p: View(f(p.image, p.dpi), p.dpi, p.scale)


def _other(**kw: float) -> ViewMaker:
    def make(up: np.ndarray, dpi: float, p: restore.Prepared) -> View:
        q = restore.prepare(up, dpi, restore.Recipe(**kw))  # type: ignore[arg-type]
        return View(q.image, q.dpi, q.scale)
    return make


VIEWS: dict[str, ViewMaker] = {
    "same": lambda up, dpi, p: View(p.image, p.dpi, p.scale),
    "x2": _x2,
    "thicken 3": _step(lambda im, d: restore.thicken(im, 3)),
    "thicken 2": _step(lambda im, d: restore.thicken(im, 2)),
    "clahe": _step(restore.clahe),
    "gamma 2": _step(lambda im, d: gamma(im)),
    "no clahe (faint: thicken 3)": _other(faintest=256.0),
    "no thickening": _other(thicken_size=0),
    "clahe 4": _step(lambda im, d: cv2.createCLAHE(clipLimit=4.0, tileGridSize=(8, 8)).apply(im)),
    "sharpen": _step(restore.sharpen),
    "not faded or speckled: thicken 3": lambda up, dpi, p: (
        View(restore.thicken(p.image, 3), p.dpi, p.scale) if not {"clahe", "despeckle"} & set(p.steps) else None),
    "thickened pages: thicken 3": lambda up, dpi, p: (View(restore.thicken(p.image, 3), p.dpi, p.scale)
                                                      if "thicken" in p.steps else None),
    "x2 thicken 3": lambda up, dpi, p: _x2(up, dpi, restore.Prepared(restore.thicken(p.image, 3), p.dpi,
                                                                     scale=p.scale)),
    "x2 no clahe": lambda up, dpi, p: _x2(up, dpi, restore.prepare(up, dpi, restore.Recipe(thicken_size=0))),
}

Pick = Callable[[list[Word]], tuple[float, ...]]
ORACLE: Pick = lambda line: ()  # noqa: E731  (a marker: main() picks with the page's truth)
VOTE: Pick = lambda line: (1,)  # noqa: E731  (markers: main() votes word by word, reread_lines.vote)
VOTE_CONF: Pick = lambda line: (2,)  # noqa: E731
SIX = ("same", "x2", "thicken 3", "clahe", "no clahe (faint: thicken 3)", "gamma 2")
ALL = ("same", "x2", "thicken 2", "thicken 3", "clahe", "gamma 2", "no clahe (faint: thicken 3)", "no thickening",
       "clahe 4", "sharpen", "x2 thicken 3", "x2 no clahe")


def _conf(line: list[Word]) -> tuple[float, ...]:
    return (float(np.mean([w.conf for w in line])),)


#: name -> (threshold, "word" (any word under it) or "mean" (the line's mean under it), views, pick[, share of the
#: page's lines that must be weak for any to be read again])
VARIANTS: dict[str, tuple] = {
    "psm 7 same image, mean<80, syllables": (80, "mean", ("same",), score),
    "psm 7 same image, word<85, syllables": (85, "word", ("same",), score),
    "x2, mean<80, syllables": (80, "mean", ("x2",), score),
    "x2, word<85, syllables": (85, "word", ("x2",), score),
    "x2, word<85, confidence": (85, "word", ("x2",), _conf),
    "thicken 2, word<85, syllables": (85, "word", ("thicken 2",), score),
    "thicken 3, word<85, syllables": (85, "word", ("thicken 3",), score),
    "clahe, word<85, syllables": (85, "word", ("clahe",), score),
    "gamma 2, word<85, syllables": (85, "word", ("gamma 2",), score),
    "no clahe, word<85, syllables": (85, "word", ("no clahe (faint: thicken 3)",), score),
    "no thickening, word<85, syllables": (85, "word", ("no thickening",), score),
    "same + x2, word<85, syllables": (85, "word", ("same", "x2"), score),
    "x2 + thicken 2 + clahe, word<85, syllables": (85, "word", ("x2", "thicken 2", "clahe"), score),
    "x2 + thicken 2 + clahe, word<85, confidence": (85, "word", ("x2", "thicken 2", "clahe"), _conf),
    "x2 + thicken 2 + clahe, word<70, syllables": (70, "word", ("x2", "thicken 2", "clahe"), score),
    "x2 + thicken 2 + clahe, word<92, syllables": (92, "word", ("x2", "thicken 2", "clahe"), score),
    "x2 + thicken 2 + clahe, mean<80, syllables": (80, "mean", ("x2", "thicken 2", "clahe"), score),
    # the oracle: each line's reading that matches more words of the page's truth (what any rule could gain)
    "oracle, same, word<85": (85, "word", ("same",), ORACLE),
    "oracle, x2, word<85": (85, "word", ("x2",), ORACLE),
    "oracle, thicken 3, word<85": (85, "word", ("thicken 3",), ORACLE),
    "oracle, clahe, word<85": (85, "word", ("clahe",), ORACLE),
    "oracle, no clahe, word<85": (85, "word", ("no clahe (faint: thicken 3)",), ORACLE),
    "oracle, all views, word<92": (92, "word", ALL, ORACLE),
    "vote, 6 views, word<85": (85, "word", SIX, VOTE),
    "vote by confidence, 6 views, word<85": (85, "word", SIX, VOTE_CONF),
    "vote, all views, word<85": (85, "word", ALL, VOTE),
    "vote by confidence, all views, word<85": (85, "word", ALL, VOTE_CONF),
    "vote, thicken 3 + clahe + no clahe, word<85": (85, "word", ("thicken 3", "clahe", "no clahe (faint: thicken 3)"),
                                                   VOTE),
    "vote by confidence, 6 views, word<92": (92, "word", SIX, VOTE_CONF),
    # thickened (typewritten-like) pages only
    "thickened pages: thicken 3, word<85, syllables": (85, "word", ("thickened pages: thicken 3",), score),
    "not faded, not speckled: thicken 3, word<85, syllables": (85, "word", ("not faded or speckled: thicken 3",),
                                                               score),
    "not faded, not speckled: thicken 3, word<85, syllables or +5 confidence": (
        85, "word", ("not faded or speckled: thicken 3",), lambda line: _margin(line)),
    "not faded, not speckled: thicken 3, word<75, syllables": (75, "word", ("not faded or speckled: thicken 3",),
                                                               score),
    # ... and only on a page where at least this share of the lines is weak (a typewritten page, not a clean one)
    "not faded, not speckled, 30% of lines weak: thicken 3, word<85, syllables": (
        85, "word", ("not faded or speckled: thicken 3",), score, 0.3),
    "not faded, not speckled, 40% of lines weak: thicken 3, word<85, syllables": (
        85, "word", ("not faded or speckled: thicken 3",), score, 0.4),
    "not faded, not speckled, 50% of lines weak: thicken 3, word<85, syllables": (
        85, "word", ("not faded or speckled: thicken 3",), score, 0.5),
    "clahe 4, word<85, confidence": (85, "word", ("clahe 4",), _conf),
    "sharpen, word<85, confidence": (85, "word", ("sharpen",), _conf),
    "x2 thicken 3, word<85, confidence": (85, "word", ("x2 thicken 3",), _conf),
    "x2 no clahe, word<85, confidence": (85, "word", ("x2 no clahe",), _conf),
    "all views, word<85, confidence": (85, "word", ALL, _conf),
}


def _lex(make: Callable[[lj.Lexicon], Pick]) -> Pick:
    """A pick judged by the word list (archivist/wordlist.py), loaded on first use only."""
    return lambda line: make(lj.load())(line)

#: Judged by context (session 23): syllables that stand in known words of two syllables or more.
_JUDGES: dict[str, Pick] = {
    "words": _lex(lj.by_words),
    "word share": _lex(lj.by_share),
    "confidence + 5/word syllable": lj.by_points(5.0),
    "confidence + 10/word syllable": lj.by_points(10.0),
    # the judge measured end to end in session 23 (lexicon_judge.judged), on faded pages from the page thickened 3
    "confidence + 5/word syllable + 10 prior": lj.by_points(5.0, 10.0),
}
_JUDGED_VIEWS = {"thicken 3": ("thicken 3",), "x2 + thicken 2 + clahe": ("x2", "thicken 2", "clahe"),
                 "6 views": SIX, "all views": ALL}
VARIANTS.update({f"lexicon {j}, {v}, word<85": (85, "word", views, pick)
                 for v, views in _JUDGED_VIEWS.items() for j, pick in _JUDGES.items()})


def _faded_only(make: ViewMaker) -> ViewMaker:
    """The view on faded pages only (those prepare raised the contrast of, "clahe"): the judge kept to its target."""
    return lambda up, dpi, p: make(up, dpi, p) if "clahe" in p.steps else None


VIEWS.update({f"faded: {v}": _faded_only(VIEWS[v]) for v in ALL})
VARIANTS.update({f"faded pages: lexicon {j}, {v}, word<85": (85, "word", tuple(f"faded: {x}" for x in views), pick)
                 for v, views in _JUDGED_VIEWS.items() for j, pick in _JUDGES.items()})
#: ... and the variants that keep a line's first reading when the second changes its numbers (reread_lines.py)
SAME_NUMBERS = {f"faded pages, same numbers: lexicon {j}, {v}, word<85"
                for v in ("thicken 3", "all views") for j in ("words", "confidence + 5/word syllable + 10 prior")}
VARIANTS.update({n: VARIANTS[n.replace(", same numbers", "")] for n in sorted(SAME_NUMBERS)})


def _margin(line: list[Word]) -> tuple[float, ...]:
    """As reread_lines.score, but confidence only counts in steps of 5 points: a line read as many valid syllables
    wins only by 5 points more (the first reading wins ties, as in main())."""
    share, conf = score(line)
    return share, conf // 5


def _oracle(truth: str) -> Pick:
    """Picks by the truth (a diagnostic, not a rule): the reading with more of its words in the page's
    truth, then with the higher confidence."""
    ref = Counter(words(truth))

    def pick(line: list[Word]) -> tuple[float, ...]:
        return (sum((ref & Counter(words(" ".join(w.text for w in line)))).values()), *_conf(line))
    return pick


def main(argv: list[str] | None = None) -> int:
    ap = set_parser(__doc__, 20)
    ap.add_argument("--variants", nargs="+", help="names (or beginnings) of variants (default: all)")
    args = ap.parse_args(argv)
    pages, groups = read_set(args)
    names = [n for n in VARIANTS if not args.variants or any(n.startswith(c) for c in args.variants)]
    engine = TesserocrEngine()
    read_one = line_reader(engine)
    wer: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    cpu: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    lines_read: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for group, up, dpi, text in pages:
        c0 = time.process_time()
        prep = restore.prepare(up, dpi)
        first = read_prepared(engine, prep.image, prep.dpi, prep.grids, prep.plain, prep.restored)
        first = restore.faint_reading(restore.on_page(first, prep.scale), prep)  # pagework._read, no second reading
        cpu["first reading"][group] += time.process_time() - c0
        wer["first reading"][group].append(bag_of_words_error(text, first.text))
        lines = lines_of(first.words)
        views: dict[str, tuple[View, float]] = {}
        got: dict[tuple[str, int], tuple[list[Word], float]] = {}
        for name in names:
            threshold, by, vnames, pick, *page_share = VARIANTS[name]
            if pick is ORACLE:
                pick = _oracle(text)
            todo = [n for n, ws in lines.items() if weak(ws, threshold, by)]
            if page_share and len(todo) < page_share[0] * len(lines):
                todo = []
            spent = 0.0
            kept = dict(lines)
            for v in vnames if todo else ():
                if v not in views:
                    t = time.process_time()
                    views[v] = (VIEWS[v](up, dpi, prep), time.process_time() - t)
                spent += views[v][1]
                if views[v][0] is None:  # not a page this view is for
                    continue
                for n in todo:
                    if (v, n) not in got:
                        t = time.process_time()
                        got[v, n] = (read_line(read_one, views[v][0], box(lines[n]), n),
                                     time.process_time() - t)
                    words, c = got[v, n]
                    spent += c
                    if pick in (VOTE, VOTE_CONF):
                        continue
                    if name in SAME_NUMBERS and not same_numbers(words, lines[n]):
                        continue
                    if words and pick(words) > pick(kept[n]):
                        kept[n] = words
            if pick in (VOTE, VOTE_CONF):
                for n in todo:
                    kept[n] = vote(lines[n], [got[v, n][0] for v in vnames], "count" if pick is VOTE else "conf")
            cpu[name][group] += spent
            lines_read[name][group] += len(todo)
            text_after = "\n".join(" ".join(w.text for w in kept[n]) for n in sorted(kept))
            wer[name][group].append(bag_of_words_error(text, text_after))
    n_pages = {g: sum(1 for x in pages if x[0] == g) for g in groups}
    print("| variant | " + " | ".join(groups) + " | lines re-read per page | CPU s/page (first reading: OCR and "
          "restoration; variants: added) |")
    print("|---|" + "---|" * (len(groups) + 2))
    for name in ["first reading", *names]:
        cells = " | ".join(f"{100 * np.mean(wer[name][g]):.2f}%" for g in groups)
        per_group_cpu = " / ".join(f"{cpu[name][g] / n_pages[g]:.2f}" for g in groups)
        read = " / ".join(f"{lines_read[name][g] / n_pages[g]:.1f}" for g in groups) if name in lines_read else "–"
        print(f"| {name} | {cells} | {read} | {per_group_cpu} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
