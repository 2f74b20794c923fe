"""Where do the words of a hard page go? The truth words a processed set's records lost, by cause.

Word error (``archivist.metrics.bag_of_words_error``) says how many truth words a page's text lacks, not
why. This bench pairs each truth line with the stretch of the record's text that reads it best (a fuzzy
alignment over the page's whole reading, so a line read in two pieces or out of order is still found),
aligns their words and names the cause of every truth word the bag of words lost:

- ``line missed``: no stretch of the reading resembles the line (under :data:`LINE_FOUND` similarity);
- ``word dropped``: the line was read but this word has no counterpart;
- ``broken apart`` / ``run together``: read as two tokens (a space inside it, a speck or a gap in a
  stroke) / two truth words read as one;
- ``mark added`` / ``mark lost``: the letters right, a punctuation mark or symbol more (a speck read as
  ``.``, ``'``, ``,``) / fewer (a real ``,`` or ``.`` painted out or missed);
- ``case``: the same letters in another case (``lý`` read ``Lý``, a type bar set high);
- ``tone or vowel mark``: the same letters without diacritics (``Quyết`` read ``Quyêt``);
- ``letters confused``: within two edits otherwise; ``garbled``: more;
- ``elsewhere``: lost in the bag but matched in the alignment (the reading has it where the line's is not).

    .venv/bin/python bench/word_loss.py --set /work/calib-runs/sealed/HG40 --run /work/calib-runs/sealed/main-HG40 \
        --groups speckle typewriter --out /work/runs/restore33/loss-HG40.md
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archivist.metrics import normalise, words  # noqa: E402
from bench.accuracy import load_truth, pair_pages_in_records, stored_records  # noqa: E402

#: A truth line whose best stretch of the reading is less alike than this (rapidfuzz's 0-100) was not read.
LINE_FOUND = 55.0
CAUSES = ("line missed", "word dropped", "broken apart", "run together", "mark added", "mark lost",
          "case", "tone or vowel mark", "letters confused", "garbled", "elsewhere")


def letters(w: str) -> str:
    """The word's letters and digits only (marks and symbols out), diacritics kept."""
    return "".join(c for c in w if c.isalnum())


def bare(w: str) -> str:
    """The word's letters without diacritics or case (``Quyết`` -> ``quyet``; ``đ`` -> ``d``)."""
    base = "".join(c for c in unicodedata.normalize("NFD", letters(w)) if not unicodedata.combining(c))
    return base.replace("đ", "d").replace("Đ", "D").lower()


def pair_cause(t: str, r: str) -> str:
    """The cause of truth word ``t`` read as the one token ``r``."""
    lt, lr = letters(t), letters(r)
    if lt == lr:
        return "mark added" if len(r) > len(t) else "mark lost"
    if lt.lower() == lr.lower():
        return "case"
    if lt and bare(t) == bare(r):
        return "tone or vowel mark"
    return "letters confused" if Levenshtein.distance(lt, lr) <= 2 else "garbled"


#: The combining marks that make a vowel (``â ê ô``, ``ă``, ``ơ ư``) and those that give its tone.
VOWEL_MARKS = ("\u0302", "\u0306", "\u031b")
TONE_MARKS = ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
#: The finer causes (``--fine``): "tone or vowel mark" and "letters confused" split by what was misread.
FINE = {"tone or vowel mark": ("tone mark", "hook, breve, circumflex or đ", "tone and vowel mark"),
        "letters confused": ("digits confused", "letters confused")}


def _without(w: str, marks: tuple[str, ...]) -> str:
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", letters(w)) if c not in marks))


def fine_cause(t: str, r: str, cause: str) -> str:
    """``cause`` split further for truth word ``t`` read as ``r``: a tone mark alone (``Thực`` -> ``Thục``), a vowel's
    hook, breve or circumflex or đ's stroke alone (``Kế`` -> ``Kế`` without its circumflex, ``Kê``... ``YÊU`` ->
    ``YẾU`` is a tone), both; a number's digits (``2009`` -> ``2099``) apart from letters. Why: the tone, the vowel
    mark and the digits are read from different strokes, and a second reading can aim at one of them only."""
    if cause == "tone or vowel mark":
        if _without(t, TONE_MARKS).lower() == _without(r, TONE_MARKS).lower():
            return "tone mark"
        tones = [c for c in unicodedata.normalize("NFD", t.lower()) if c in TONE_MARKS]
        if tones == [c for c in unicodedata.normalize("NFD", r.lower()) if c in TONE_MARKS]:
            return "hook, breve, circumflex or đ"
        return "tone and vowel mark"
    if cause == "letters confused" and any(c.isdigit() for c in letters(t)):
        return "digits confused"
    return cause


def block_causes(ts: list[str], rs: list[str]) -> list[str]:
    """Causes for the truth words ``ts`` of a replaced block read as ``rs``."""
    return [c for c, _ in block_reads(ts, rs)]


def block_reads(ts: list[str], rs: list[str]) -> list[tuple[str, str]]:
    """Causes for the truth words ``ts`` of a replaced block read as ``rs``, each with the token it was read as
    (empty when it was not read as one token)."""
    if not rs:
        return [("word dropped", "")] * len(ts)
    jt = "".join(letters(x) for x in ts)
    # the block may hold a token of the line before or after (the stretch is taken a token wider)
    for sub in (rs, rs[1:], rs[:-1], rs[1:-1]):
        jr = "".join(letters(x) for x in sub)
        if len(ts) < len(sub) and Levenshtein.distance(jt, jr) <= max(1, len(ts) - 1):
            return [("broken apart", "")] * len(ts)
        if 0 < len(sub) < len(ts) and Levenshtein.distance(jt, jr) <= 1:
            return [("run together", "")] * len(ts)
    out = []
    for i, t in enumerate(ts):  # each truth word against the most alike token of the block
        near = min(rs, key=lambda r: (Levenshtein.distance(letters(t), letters(r)), abs(rs.index(r) - i)))
        ratio = fuzz.ratio(letters(t), letters(near))
        out.append((pair_cause(t, near), near) if ratio >= 50 or len(ts) == len(rs) else ("word dropped", ""))
    return out


def page_losses(truth: str, read: str, fine: bool = False) -> tuple[Counter, list[dict]]:
    """Counts of lost truth words by cause, and the lines that lost any (truth, read stretch, losses); with
    ``fine``, the causes :data:`FINE` splits split (:func:`fine_cause`)."""
    lost = Counter(words(truth)) - Counter(words(read))
    rtoks = words(read)
    joined = " ".join(rtoks)
    starts = [0]
    for tok in rtoks[:-1]:
        starts.append(starts[-1] + len(tok) + 1)
    found = []  # per line with a lost word: (line, read stretch, {truth word index: cause})
    for line in (normalise(x) for x in truth.splitlines()):
        toks = line.split(" ") if line else []
        if not toks or not any(lost[t] for t in toks):
            continue
        al = fuzz.partial_ratio_alignment(line, joined) if joined else None
        if al is None or al.score < LINE_FOUND:
            found.append((toks, [], dict.fromkeys(range(len(toks)), "line missed"), {}))
            continue
        a = bisect_right(starts, al.dest_start) - 1  # the token the stretch begins in
        b = bisect_left(starts, al.dest_end)  # and the first one after it
        span = rtoks[max(0, a - 1):b + 1]  # a token either side: a broken word's first or last piece
        causes: dict[int, str] = {}
        reads: dict[int, str] = {}
        for op, i1, i2, j1, j2 in SequenceMatcher(None, toks, span, autojunk=False).get_opcodes():
            if op != "equal":
                for i, (c, r) in zip(range(i1, i2), block_reads(toks[i1:i2], span[j1:j2]), strict=True):
                    causes[i] = fine_cause(toks[i], r, c) if fine else c
                    reads[i] = r
        found.append((toks, span, causes, reads))
    # the bag lost n of a word: charge them to the occurrences the alignment says were misread first
    counts: Counter = Counter()
    got: list[list[tuple[str, str, str]]] = [[] for _ in found]
    for pass_ in (0, 1):
        for k, (toks, _, causes, reads) in enumerate(found):
            for i, t in enumerate(toks):
                if lost[t] > 0 and (i in causes) == (pass_ == 0):
                    lost[t] -= 1
                    cause = causes.get(i, "elsewhere")
                    counts[cause] += 1
                    got[k].append((t, cause, reads.get(i, "")))
    lines = [{"truth": " ".join(toks), "read": " ".join(span), "lost": g}
             for (toks, span, _, _), g in zip(found, got, strict=True) if g]
    return counts, lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", type=Path, required=True, help="a generated set (scans/, ground-truth/)")
    ap.add_argument("--run", type=Path, required=True, help="bench/accuracy.py's output over it (archive/)")
    ap.add_argument("--groups", nargs="+", default=["speckle", "typewriter"])
    ap.add_argument("--out", type=Path, help="the per-page listing (Markdown); the totals go to stdout")
    ap.add_argument("--fine", action="store_true", help="tone marks apart from vowel marks, digits from letters")
    args = ap.parse_args(argv)
    causes = [f for c in CAUSES for f in (FINE.get(c, (c,)) if args.fine else (c,))]
    truths = [t for t in load_truth(args.set) if t.get("group") in args.groups]
    records = stored_records(args.run / "archive")
    _, pages = pair_pages_in_records(truths, records, args.set)
    group_of = {(p["file"], p["index"]): t["group"] for t in truths for p in t["pages"]}
    totals: dict[str, Counter] = {g: Counter() for g in args.groups}
    out = []
    for gt, pg, _, _ in sorted(pages, key=lambda x: (x[0]["file"], x[0]["index"])):
        group = group_of[(gt["file"], gt["index"])]
        counts, lines = page_losses(gt["text"], pg.get("text") or "", args.fine)
        n = len(words(gt["text"]))
        totals[group].update(counts)
        totals[group]["(truth words)"] += n
        out.append(f"## {gt['file']} [{gt['index']}] {group}: {sum(counts.values())} of {n} words lost\n")
        out.append(", ".join(f"{c} {counts[c]}" for c in causes if counts[c]) + "\n")
        for ln in lines:
            out.append(f"- truth: `{ln['truth']}`\n  read:  `{ln['read']}`\n  lost: "
                       + ", ".join(f"`{t}` ({c}{f': `{r}`' if r else ''})" for t, c, r in ln["lost"]))
        out.append("")
    if args.out:
        args.out.write_text("\n".join(out) + "\n", encoding="utf-8")
    print("| group | truth words | lost | " + " | ".join(causes) + " |")
    print("|---|---|---|" + "---|" * len(causes))
    for g, c in totals.items():
        lost = sum(v for k, v in c.items() if k in causes)
        print(f"| {g} | {c['(truth words)']} | {lost} | " + " | ".join(str(c[k]) for k in causes) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
