"""Would a second reading of the number's crop catch a typed digit misread? (issue 14 item 9; measurement only)

Why: the wrong number/symbols most often left unflagged are a digit misread on typewritten or faded pages at full
confidence (HG42 `78` for `76`, HG46 `85` for `89`, HG53 `93` for `99`): the box fits its text, the engine has no
rival, the number is not written twice, so nothing the record holds tells (bench/RESULTS.md, "Numbers' digits
(session 28)"). Only the pixels can: this script reads the number's box again in other ways and counts, per way, how
many wrong numbers it would catch (the reading disagrees with the stored number) and how many right numbers it would
flag (the same disagreement on a right one).

The stored boxes are in the coordinates of the upright page the OCR read, not the scan's (numbers37's hand crops from
the scans missed the number). So the page is rebuilt the way :mod:`archivist.pagework` built it: the scan decoded
(:func:`archivist.ingest.load_page`), turned and deskewed by the record's own orientation and skew
(:func:`archivist.preprocess.apply`), then prepared for OCR (:func:`archivist.restore.prepare`). The record's page
size is checked against the rebuilt page's, and each crop's ink is measured, so a box off the ink shows.

Ways (``WAYS``): the image read (``read``: the restored page, or on a typed page's header rows the page as on any
other page, as :func:`archivist.cells.read_prepared` read them) or the upright page unrestored (``scan``); Tesseract's
psm 7 (one line) or 8 (one word); the crop enlarged x1, x1.5, x2; all characters or digits (and ``/:``) only.

Usage (from /tmp, with the tree on PYTHONPATH)::

    python bench/number_reread.py run --set /work/calib-runs/sealed/HG46 \
        --out /work/calib-runs/sealed/main-HG46 --jsonl /work/runs/numbers38/HG46.jsonl
    python bench/number_reread.py table /work/runs/numbers38/*.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from archivist import preprocess, restore
from archivist.ingest import load_page
from archivist.models import PageRef
from archivist.numberread import BORDER, DIGITS, crop_box, number_of, read_image
from archivist.tessdata import tessdata_dir

SCALES = (1.0, 1.5, 2.0)
PSMS = (7, 8)
# DIGITS, MARGIN (the crop's margin, a share of the box's height) and BORDER (white pixels round a crop before
# enlarging) are the product's (archivist/numberread.py), which adopted this bench's pair of ways as measured.


@dataclass(frozen=True)
class Way:
    source: str  # "read" or "scan"
    psm: int
    scale: float
    digits: bool

    @property
    def name(self) -> str:
        return f"{self.source}-psm{self.psm}-x{self.scale:g}{'-digits' if self.digits else ''}"


WAYS = tuple(Way(src, psm, sc, dg) for src in ("read", "scan") for psm in PSMS for sc in SCALES for dg in (False, True))


def same(a: str, b: str) -> bool:
    return a.lstrip("0") == b.lstrip("0")


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    return "pdf" if suffix == ".pdf" else "tiff" if suffix in (".tif", ".tiff") else "image"

def rebuild(page: dict) -> tuple[Any, np.ndarray, restore.Prepared]:
    """A recorded page's scan loaded again, turned and deskewed as the record says, and restored: the images the
    page stage read (its OCR on ``prep``, its second readings on both)."""
    path = Path(page["source"]["path"])
    loaded = load_page(PageRef(path, _kind(path), int(page["source"].get("index", 0))))
    upright = preprocess.apply(loaded.gray, preprocess.Correction(int(page["orientation"]), float(page["skew"]),
                                                                  0.0, True))
    return loaded, upright, restore.prepare(upright, loaded.dpi)


def truths(set_dir: Path) -> dict[tuple[str, int], dict]:
    """The set's ground-truth documents by their first page (file under the set, frame index)."""
    out = {}
    for f in sorted((set_dir / "ground-truth").glob("*.json")):
        d = json.loads(f.read_text())
        if "pages" not in d or not d["pages"]:
            continue
        p = d["pages"][0]
        out[(str(set_dir / p["file"]), int(p.get("index", 0)))] = d
    return out


def records(out_dir: Path) -> Iterator[dict]:
    for f in sorted((out_dir / "archive" / "documents").glob("doc-*.json")):
        yield json.loads(f.read_text())


class Reader:
    """One Tesseract (vie, LSTM) for all the crops, its mode and whitelist set per reading."""

    def __init__(self) -> None:
        import tesserocr

        self.api = tesserocr.PyTessBaseAPI(path=tessdata_dir(), lang="vie", oem=tesserocr.OEM.LSTM_ONLY)

    def read(self, crop: np.ndarray, dpi: float, way: Way) -> tuple[str, float]:
        from PIL import Image

        img = cv2.copyMakeBorder(crop, BORDER, BORDER, BORDER, BORDER, cv2.BORDER_CONSTANT, value=255)
        if way.scale != 1.0:
            img = cv2.resize(img, None, fx=way.scale, fy=way.scale, interpolation=cv2.INTER_CUBIC)
        self.api.SetPageSegMode(way.psm)
        self.api.SetVariable("tessedit_char_whitelist", DIGITS if way.digits else "")
        self.api.SetImage(Image.fromarray(img))
        self.api.SetSourceResolution(int(round(dpi * way.scale)))
        text = self.api.GetUTF8Text().strip()
        return text, float(self.api.MeanTextConf())


#: How much darker than the crop's paper (its 90th percentile) a pixel is to count as ink (faded ink is lighter
#: than mid-grey, so a fixed threshold would miss it).
INK_DEPTH = 40


def ink(crop: np.ndarray) -> float:
    """Share of the crop's pixels that are ink: about 0 when the box missed the text."""
    if not crop.size:
        return 0.0
    return float((crop < np.percentile(crop, 90) - INK_DEPTH).mean())


def one(rec: dict, truth: dict | None, reader: Reader) -> dict | None:
    """Every way's reading of one record's number, with the truth and the CPU it took."""
    fields = rec["metadata"].get("fields", {})
    ns = fields.get("number_symbol")
    stored = rec["metadata"].get("number")
    if not ns or not ns.get("bbox") or not stored:
        return None
    page = rec["pages"][int(ns["page"]) - 1]
    t0 = time.process_time()
    loaded, upright, prep = rebuild(page)
    rebuilt = time.process_time() - t0
    bbox = ns["bbox"]
    seen = read_image(prep, bbox)
    crops = {"read": (crop_box(seen, bbox, prep.scale), prep.dpi), "scan": (crop_box(upright, bbox, 1.0), loaded.dpi)}
    readings = {}
    t1 = time.process_time()
    for way in WAYS:
        crop, dpi = crops[way.source]
        text, conf = reader.read(crop, dpi, way)
        readings[way.name] = {"text": text, "conf": conf, "number": number_of(text)}
    reading_cpu = time.process_time() - t1
    true_number = None
    if truth and truth["metadata"].get("number"):
        true_number = truth["metadata"]["number"].split("/")[0].strip()
    return {
        "document": truth["document"] if truth else None, "id": rec["id"], "stored": stored,
        "stored_ns": ns["value"], "confidence": ns.get("confidence"), "source_text": ns.get("source_text"),
        "flagged": "number_symbol" in (rec["metadata"].get("needs_review") or []) or "number" in (
            rec["metadata"].get("needs_review") or []),
        "truth": true_number, "size_ok": list(upright.shape) == [page["height"], page["width"]],
        "ink_read": round(ink(crops["read"][0]), 4), "ink_scan": round(ink(crops["scan"][0]), 4),
        "cpu_rebuild": round(rebuilt, 4), "cpu_readings": round(reading_cpu, 4), "readings": readings,
    }


def run(args: argparse.Namespace) -> None:
    by_first = truths(args.set)
    reader = Reader()
    with open(args.jsonl, "w") as fh:
        for rec in records(args.out):
            first = rec["pages"][0]["source"]
            truth = by_first.get((first["path"], int(first.get("index", 0))))
            row = one(rec, truth, reader)
            if row is None:
                continue
            row["set"] = args.set.name
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            fh.flush()


def table(args: argparse.Namespace) -> None:
    rows = [json.loads(line) for f in args.jsonl for line in open(f) if line.strip()]
    judged = [r for r in rows if r["truth"]]
    wrong = [r for r in judged if r["stored"] != r["truth"]]
    right = [r for r in judged if r["stored"] == r["truth"]]
    print(f"records with a number {len(rows)}; with a true number {len(judged)}: right {len(right)}, "
          f"wrong {len(wrong)} (unflagged {sum(not r['flagged'] for r in wrong)}); page size as stored "
          f"{sum(r['size_ok'] for r in rows)}/{len(rows)}; crops with ink >= 2%: read "
          f"{sum(r['ink_read'] >= 0.02 for r in rows)}, scan {sum(r['ink_scan'] >= 0.02 for r in rows)}")
    n = max(1, len(rows))
    print(f"CPU ms per document: rebuild {1000 * sum(r['cpu_rebuild'] for r in rows) / n:.0f}, all "
          f"{len(WAYS)} readings {1000 * sum(r['cpu_readings'] for r in rows) / n:.0f} "
          f"(one reading {1000 * sum(r['cpu_readings'] for r in rows) / n / len(WAYS):.0f})")
    named = args.named or []
    print("\n| way | wrong: disagree | wrong unflagged: disagree | right: disagree | right: no number read |"
          + "".join(f" {d} |" for d in named))
    print("|---|---|---|---|---|" + "---|" * len(named))
    wu = [r for r in wrong if not r["flagged"]]
    for way in WAYS:
        def dis(r: dict, way: Way = way) -> bool:
            return disagrees(r, way.name)
        rd = sum(dis(r) for r in right)
        empty = sum(not r["readings"][way.name]["number"] for r in right)
        cells = "".join(f" {_shown(rows, d, way)} |" for d in named)
        print(f"| {way.name} | {sum(dis(r) for r in wrong)}/{len(wrong)} | {sum(dis(r) for r in wu)}/{len(wu)} | "
              f"{rd}/{len(right)} ({100 * rd / max(1, len(right)):.1f}%) | {empty} |{cells}")
    if args.pairs or args.pair:
        pairs(wrong, right, args.pairs, args.pair or [])


def both(row: dict, pair: str) -> bool:
    """Both ways of ``A+B`` disagree with the stored number."""
    return all(disagrees(row, way) for way in pair.split("+"))


def pairs(wrong: list[dict], right: list[dict], top: int, fixed: list[str]) -> None:
    """Two ways that must both disagree with the stored number (two readings rarely err alike on a right one):
    the ``fixed`` pairs, then the ``top`` pairs that flag at most 2% of right numbers and catch the most wrong
    ones (chosen on these rows: to be checked on others, with ``fixed``)."""
    names = [w.name for w in WAYS]
    found = [f"{a}+{b}" for i, a in enumerate(names) for b in names[i + 1:]]

    def counts(pair: str) -> tuple[int, int]:
        return sum(both(r, pair) for r in wrong), sum(both(r, pair) for r in right)

    def key(pair: str) -> tuple[bool, int, int]:
        caught, flagged = counts(pair)
        return flagged > 0.02 * len(right), -caught, flagged

    print("\n| both of two ways disagree | wrong: disagree | right: disagree |\n|---|---|---|")
    for pair in [*fixed, *[p for p in sorted(found, key=key) if p not in fixed][:top]]:
        caught, flagged = counts(pair)
        share = 100 * flagged / max(1, len(right))
        print(f"| {pair.replace('+', ' + ')} | {caught}/{len(wrong)} | {flagged}/{len(right)} ({share:.1f}%) |")


def disagrees(row: dict, way: str) -> bool:
    """The way read a number, and not the stored one (a reading with no digits is no evidence)."""
    got = row["readings"][way]["number"]
    return bool(got) and not same(got, row["stored"])


def _shown(rows: list[dict], named: str, way: Way) -> str:
    """The number one way read on a named document (``SET:prefix``)."""
    set_name, _, document = named.rpartition(":")
    for r in rows:
        if r["document"] and r["document"].startswith(document) and set_name in ("", r["set"]):
            return r["readings"][way.name]["number"] or "-"
    return "?"


def run_table_parser(doc: str, run_help: str, table_help: str,
                     named_help: str) -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
    """The two commands a bench over processed sets' numbers takes (this one and bench/digit_glyphs.py): ``run``
    on one set and its output, writing JSONL, and ``table`` over such JSONL; returns the parser and ``table``'s,
    for a bench's own options."""
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run", help=run_help)
    r.add_argument("--set", type=Path, required=True, help="the set (scans/, ground-truth/)")
    r.add_argument("--out", type=Path, required=True, help="its processed output (archive/documents/)")
    r.add_argument("--jsonl", type=Path, required=True)
    t = sub.add_parser("table", help=table_help)
    t.add_argument("jsonl", nargs="+", type=Path)
    t.add_argument("--named", nargs="*", help=named_help)
    return ap, t


def main(argv: list[str] | None = None) -> None:
    ap, t = run_table_parser(__doc__, "read the numbers of one processed set again", "the table over runs' JSONL",
                             "documents (SET:name prefix) whose readings are shown")
    t.add_argument("--pairs", type=int, default=0, help="show this many best pairs of ways")
    t.add_argument("--pair", nargs="*", help="pairs of ways (A+B) to show whatever they score")
    args = ap.parse_args(argv)
    run(args) if args.cmd == "run" else table(args)


if __name__ == "__main__":
    sys.exit(main())
