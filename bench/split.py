"""Dossier-split accuracy: does archivist start a new document on exactly the pages where one starts?

A *boundary* is a page that starts a document other than an input's first page (the first page always
starts one, so counting it would only flatter the figure). Inputs are what the pipeline reads as one
scan: a folder of page images, or a file (a multi-page TIFF holds several pages). Every multi-page
input is scored, not only the dossiers, because a split inside a long single document is as wrong as
a missed one. Predicted boundaries are the first pages of the records; true ones the first pages of
the ground-truth documents.
"""

from __future__ import annotations

from pathlib import Path

Key = tuple[str, int]


def _key(path: str | Path, index: int) -> Key:
    return str(Path(path).resolve()), int(index)


def _input_of(file: str, base: Path) -> str:
    """The input a page belongs to: its folder inside ``scans/``, or its own file."""
    p = (base / file).resolve()
    return str(p.parent) if p.parent != (base / "scans").resolve() else str(p)


def boundaries(truths: list[dict], records: list[dict], base: Path) -> dict:
    """Precision, recall and F1 of the predicted document starts over all multi-page inputs, with the
    counts behind them and the inputs that went wrong."""
    inputs: dict[str, list[Key]] = {}
    starts: set[Key] = set()
    for t in truths:
        keys = [_key(base / p["file"], p["index"]) for p in t["pages"]]
        inputs.setdefault(_input_of(t["pages"][0]["file"], base), []).extend(keys)
        starts.add(keys[0])
    firsts = {min(keys) for keys in inputs.values()}
    multi = {k for keys in inputs.values() if len(keys) > 1 for k in keys}
    truth = (starts & multi) - firsts
    pred = {_key(r["pages"][0]["source"]["path"], r["pages"][0]["source"]["index"]) for r in records}
    pred = (pred & multi) - firsts
    tp, fp, fn = len(pred & truth), len(pred - truth), len(truth - pred)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    wrong = sorted({Path(i).name for i, keys in inputs.items() for k in keys if (k in pred) != (k in truth)})
    dossiers = sum(1 for keys in inputs.values() if len(starts & set(keys)) > 1)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn,
            "multi_page_inputs": sum(len(k) > 1 for k in inputs.values()), "dossiers": dossiers,
            "wrong_inputs": wrong}
