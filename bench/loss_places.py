"""Where a group's lost words go, by class and by the part of the page they stand in.

``bench/word_loss.py --fine`` names the cause of every truth word a set's records lost; this groups those causes
into the classes a change can aim at (a tone mark, a vowel's hook/breve/circumflex, a letter, a digit, a word
split or joined, a word lost, a whole line lost, a line read too faintly to be found) and counts them by the page
part the truth line belongs to (header, body, signature block, form fields). Why: a second reading aims at one
glyph in one place (the date line, the signer's name), and a whole line lost is the largest single loss a page
can have, so the table must say which class is where before a change is chosen (bench/RESULTS.md, "Faded pages,
third round (session 39)").

    .venv/bin/python bench/loss_places.py --run /work/runs/faded39/acc/FN117-base --set /work/runs/faded39/sets/FN117 \
        --groups faded --out /work/runs/faded39/loss/places-117.md
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archivist.metrics import normalise, words  # noqa: E402
from bench.accuracy import load_truth, pair_pages_in_records, stored_records  # noqa: E402
from bench.word_loss import page_losses  # noqa: E402

#: word_loss's fine causes grouped into the classes a change aims at.
CLASS_OF = {"tone mark": "tone mark", "hook, breve, circumflex or đ": "hook/breve/circumflex",
            "tone and vowel mark": "hook/breve/circumflex", "letters confused": "letter", "garbled": "letter",
            "digits confused": "digit", "broken apart": "split/joined", "run together": "split/joined",
            "word dropped": "word lost", "elsewhere": "word lost", "case": "case or punctuation",
            "mark added": "case or punctuation", "mark lost": "case or punctuation"}
CLASSES = ("tone mark", "hook/breve/circumflex", "letter", "digit", "split/joined", "word lost",
           "whole line lost", "faint line under the threshold", "case or punctuation")
PLACES = ("header", "body", "signature block", "form fields")
#: A register extract's labelled lines (``Họ, chữ đệm, tên: …``, ``Quyển số: …``): a form's fields.
FORM_LABEL = re.compile(r"^[^:]{2,40}:")
DATE_LINE = re.compile(r"ngày \S+ tháng \S+ năm")
#: The lines a signature block or a recipients list opens with.
FOOT_OPENS = ("Nơi nhận", "TM.", "KT.", "TL.", "NGƯỜI KÝ")


def line_places(pages: list[str], register: bool) -> list[list[str]]:
    """Each truth line's page part. The header is the first page's lines up to its place-and-date line when that
    stands among its first ten lines, else up to the motto's second line (``Độc lập - Tự do - Hạnh phúc``: a
    register extract dates itself at its foot); the signature block runs from the recipients list, a ``TM.``/``KT.``
    line or, on a register extract, its date line to the page's end; a register extract's lines between are its
    form's fields; everything else is body."""
    out = []
    for n, text in enumerate(pages):
        lines = text.splitlines()
        places = ["body"] * len(lines)
        if n == 0:
            head = next((i for i, ln in enumerate(lines[:10]) if DATE_LINE.search(ln) and not register), None)
            if head is None:
                head = next((i for i, ln in enumerate(lines[:10]) if ln.startswith("Độc lập")), -1)
            for i in range(head + 1):
                places[i] = "header"
        foot = next((i for i, ln in enumerate(lines) if places[i] != "header" and (
            ln.startswith(FOOT_OPENS) or (register and DATE_LINE.search(ln)))), None)
        for i in range(len(lines)):
            if foot is not None and i >= foot:
                places[i] = "signature block"
            elif register and places[i] == "body" and (FORM_LABEL.match(lines[i]) or i > 0
                                                        and places[i - 1] == "form fields"):
                places[i] = "form fields"
        out.append(places)
    return out


def page_table(truth_text: str, read: str, places: list[str]) -> Counter:
    """(class, place) counts of the truth words one page lost. A missed line (no stretch of the reading as alike as
    word_loss.LINE_FOUND) is a whole line lost when not one of its words is in the reading's bag, and a faint line
    under the threshold when some are (read in pieces among other words, too little to be found as a line)."""
    _, lines = page_losses(truth_text, read, fine=True)
    place_of: dict[str, str] = {}
    for ln, place in zip(truth_text.splitlines(), places, strict=True):
        place_of.setdefault(" ".join(normalise(ln).split(" ")), place)
    bag = Counter(words(read))
    counts: Counter = Counter()
    for ln in lines:
        place = place_of.get(ln["truth"], "body")
        none_read = not any(bag[t] for t in ln["truth"].split(" "))
        for _, cause, _ in ln["lost"]:
            if cause == "line missed":
                cls = "whole line lost" if none_read else "faint line under the threshold"
            else:
                cls = CLASS_OF.get(cause, "letter")
            counts[(cls, place)] += 1
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", type=Path, required=True, help="a generated set (scans/, ground-truth/)")
    ap.add_argument("--run", type=Path, required=True, help="bench/accuracy.py's output over it (archive/)")
    ap.add_argument("--groups", nargs="+", default=["faded"])
    ap.add_argument("--out", type=Path, help="the per-page table (Markdown); the set's totals go to stdout")
    args = ap.parse_args(argv)
    truths = [t for t in load_truth(args.set) if t.get("group") in args.groups]
    _, pages = pair_pages_in_records(truths, stored_records(args.run / "archive"), args.set)
    doc_of = {(p["file"], p["index"]): t for t in truths for p in t["pages"]}
    totals: Counter = Counter()
    n_words = 0
    out = []
    for gt, pg, _, _ in sorted(pages, key=lambda x: (x[0]["file"], x[0]["index"])):
        doc = doc_of[(gt["file"], gt["index"])]
        texts = [p["text"] for p in doc["pages"]]
        places = line_places(texts, doc.get("kind") == "civil_status")[texts.index(gt["text"])]
        counts = page_table(gt["text"], pg.get("text") or "", places)
        totals.update(counts)
        n_words += len(words(gt["text"]))
        out.append(f"- {gt['file']}: " + ", ".join(f"{c} in {p} {v}" for (c, p), v in sorted(counts.items())))
    if args.out:
        args.out.write_text("\n".join(out) + "\n", encoding="utf-8")
    lost = sum(totals.values())
    print(f"truth words {n_words}, lost {lost}")
    print("| class | " + " | ".join(PLACES) + " | all | share |")
    print("|---|" + "---|" * (len(PLACES) + 2))
    for c in CLASSES:
        row = [totals[(c, p)] for p in PLACES]
        print(f"| {c} | " + " | ".join(map(str, row)) + f" | {sum(row)} | {sum(row) / max(lost, 1):.1%} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
