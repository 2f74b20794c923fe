"""Accuracy per hard group (issue 14): what each difficulty of ``samples.hard`` costs, measured the same way
on every group so one group's figure can be compared with the ``clean`` control's.

Per group: pages and documents; word error of the record's text and of the PDF's text layer (read back
with ``pdftotext``, page by page, as a search engine sees it), both order-free (bag of words) and in
reading order (word-level edit distance, which is what "cells in reading order" changes). The layer is
read in order twice: by ``pdftotext``'s layout analysis (``wer_layer_ordered``), which reorders the words
by its own guess at columns, and by ``pdftotext -raw`` (``wer_layer_ordered_raw``), which follows the
content stream as copy-paste in common viewers does: the order the record's words were written in, so
only this one shows the reading-order work. Then orientation right/wrong and how many pages were flagged
uncertain; OCR seconds a page; the type and every metadata field: exact, and wrong values left without a
review flag (the worst outcome for an archivist). ``notext`` documents score "left empty": a field is
right when nothing was stored (the type ``unknown`` counts as empty: it is how a record says no type was
found).
"""

from __future__ import annotations

import subprocess
from collections import defaultdict
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from archivist.metrics import bag_of_words_error, words

#: (label, record metadata key, truth key, where the truth keeps it)
FIELDS = [("type", "type", "type", ""), ("number/symbol", "number_symbol", "number", "metadata"),
          ("date", "date", "date", "metadata"), ("issuer", "issuer", "issuer", "metadata"),
          ("subject", "subject", "subject", "metadata"), ("signer", "signer", "signer", "metadata"),
          ("position", "signer_position", "signer_position", "metadata"),
          ("civil: person", "person", "person", "civil"), ("civil: event date", "event_date", "event_date", "civil"),
          ("civil: book", "book", "book", "civil"), ("civil: entry", "entry", "entry", "civil")]
UNCERTAIN = "orientation uncertain"


def ordered_word_error(reference: str, hypothesis: str) -> float:
    """Word-level edit distance over reference words: words read out of order count as errors."""
    ref = words(reference)
    return Levenshtein.distance(ref, words(hypothesis)) / len(ref) if ref else 0.0


def pdf_page_texts(pdf: Path, raw: bool = False) -> list[str]:
    """The text layer of every page as ``pdftotext`` gives it (pages split at form feeds): by its layout
    analysis, or ``raw`` in content-stream order. One call a PDF, not one a page."""
    cmd = ["pdftotext", "-enc", "UTF-8", *(["-raw"] if raw else []), str(pdf), "-"]
    out = subprocess.run(cmd, capture_output=True, check=True).stdout
    return out.decode("utf-8").split("\f")


def _norm(v: object) -> str | None:
    import unicodedata

    if v in (None, "", []):
        return None
    return " ".join(unicodedata.normalize("NFC", str(v)).split())


def _truth_value(t: dict, key: str, where: str) -> object:
    return t.get(key) if not where else (t.get(where) or {}).get(key)


def score_groups(pairs_docs: list[tuple[dict, dict]], pairs_pages: list[tuple[dict, dict, str, int]],
                 archive: Path) -> dict[str, dict]:
    """Figures per group from (truth doc, record) and (truth page, record page, record id, index of the
    page in the record) pairs."""
    layer_cache: dict[str, tuple[list[str], list[str]]] = {}  # record id -> (layout, raw) page texts
    out: dict[str, dict] = defaultdict(lambda: {"pages": 0, "documents": 0, "wer": [], "wer_layer": [],
                                                "wer_ordered": [], "wer_layer_ordered": [],
                                                "wer_layer_ordered_raw": [], "orientation_wrong": 0,
                                                "uncertain": 0, "ocr_s": [], "fields": {}})
    for gt, pg, rec_id, idx in pairs_pages:
        g = out[gt.get("group", "")]
        g["pages"] += 1
        text = pg.get("text") or ""
        g["wer"].append(bag_of_words_error(gt["text"], text))
        g["wer_ordered"].append(ordered_word_error(gt["text"], text))
        pdf = archive / "documents" / f"{rec_id}.pdf"  # a rescored record (id@page) has no PDF of its own
        if rec_id not in layer_cache:
            layer_cache[rec_id] = (pdf_page_texts(pdf), pdf_page_texts(pdf, raw=True)) if pdf.exists() else ([], [])
        layouts, raws = layer_cache[rec_id]
        if idx < len(layouts):
            layer = layouts[idx]
            g["wer_layer"].append(bag_of_words_error(gt["text"], layer))
            g["wer_layer_ordered"].append(ordered_word_error(gt["text"], layer))
        if idx < len(raws):
            g["wer_layer_ordered_raw"].append(ordered_word_error(gt["text"], raws[idx]))
        g["orientation_wrong"] += pg["orientation"] != gt["rotation"]
        g["uncertain"] += any(UNCERTAIN in w for w in pg.get("warnings", []))
        g["ocr_s"].append((pg.get("timings") or {}).get("ocr", 0.0))
        if not gt["text"].strip():  # nothing to read: any word read is a word too many
            g.setdefault("notext_pages_with_words", 0)
            g["notext_pages_with_words"] += bool(words(text))
    for t, rec in pairs_docs:
        g = out[t.get("group", "")]
        g["documents"] += 1
        meta = rec["metadata"]
        review = set(meta.get("needs_review") or [])
        empty_doc = t.get("type") is None
        for label, rkey, tkey, where in FIELDS:
            truth = _norm(_truth_value(t, tkey, where))
            read = _norm(meta.get(rkey))
            if rkey == "type" and read == "unknown":  # the record's way of saying no type was found
                read = None
            if truth is None and not empty_doc:
                continue
            f = g["fields"].setdefault(label, {"n": 0, "right": 0, "wrong_unflagged": 0, "right_flagged": 0})
            f["n"] += 1
            right = read == truth
            flagged = rkey in review
            f["right"] += right
            f["wrong_unflagged"] += (not right) and not flagged
            f["right_flagged"] += right and flagged
    return {k: _summary(v) for k, v in out.items()}


def _summary(g: dict) -> dict:
    def mean(xs: list[float]) -> float:
        return sum(xs) / len(xs) if xs else 0.0

    res = {k: g[k] for k in ("pages", "documents", "orientation_wrong", "uncertain", "fields")}
    for k in ("wer", "wer_layer", "wer_ordered", "wer_layer_ordered", "wer_layer_ordered_raw"):
        res[k] = mean(g[k]) if g[k] else None
        res[k + "_worst"] = max(g[k]) if g[k] else None
    res["ocr_s"] = mean(g["ocr_s"])
    if "notext_pages_with_words" in g:
        res["notext_pages_with_words"] = g["notext_pages_with_words"]
    return res


def markdown_groups(res: dict[str, dict], order: list[str]) -> str:
    """Two tables: reading (word error, orientation, OCR time) and fields, one row per group."""
    lines = ["| group | pages | word error record (mean / worst) | text layer (pdftotext) | in reading order: record / "
             "layer (pdftotext -raw: as copied) / layer (pdftotext layout) | orientation wrong | flagged uncertain | "
             "OCR s/page |", "|---|---|---|---|---|---|---|---|"]
    def pct(v: float | None) -> str:
        return "–" if v is None else f"{v:.2%}"

    for name in order:
        g = res.get(name)
        if not g:
            continue
        lines.append(f"| {name} | {g['pages']} | {pct(g['wer'])} / {pct(g['wer_worst'])} | {pct(g['wer_layer'])} / "
                     f"{pct(g['wer_layer_worst'])} | {pct(g['wer_ordered'])} / "
                     f"{pct(g.get('wer_layer_ordered_raw'))} / {pct(g['wer_layer_ordered'])} | "
                     f"{g['orientation_wrong']} | {g['uncertain']} | {g['ocr_s']:.2f} |")
    labels = [f[0] for f in FIELDS if any(f[0] in (res.get(n) or {}).get("fields", {}) for n in order)]
    for name in order:
        g = res.get(name) or {}
        if "notext_pages_with_words" in g:
            lines += ["", f"{name}: {g['notext_pages_with_words']} of {g['pages']} pages without text kept words "
                          "(each word is a word too many; word error does not apply)."]
    lines += ["", "Fields: exact (right/n), and wrong values without a review flag; on pages without text, right "
                  "means left empty.", "",
              "| group | docs | " + " | ".join(labels) + " |", "|---|---|" + "---|" * len(labels)]
    for name in order:
        g = res.get(name)
        if not g:
            continue
        cells = []
        for label in labels:
            f = g["fields"].get(label)
            cells.append(f"{f['right']}/{f['n']}, {f['wrong_unflagged']} unflagged" if f else "")
        lines.append(f"| {name} | {g['documents']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
