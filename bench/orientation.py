"""Orientation and deskew on the generated orientation set (samples/orientset.py): signals, decisions, flags.

Every page of the set is processed by the real pipeline and its record compared with the truth:

- **wrong turn**: the page was turned, and not to its true orientation (the target is 0);
- **unflagged**: the page ends up not upright and its record does not say so (decision "upright" or
  "turned" although wrong; the target is 0: every page that is not the right way up must be flagged);
- **kept, flagged**: kept as scanned with a warning ("too little text" or "uncertain");
- signals: how often archivist's own test was right, how often OSD and extra readings were needed;
- the added cost: the record's ``orient`` timing (OSD and the extra readings) per page.

Usage::

    .venv/bin/python bench/orientation.py                    # 11 groups x 2 drawings x 4 turns = 88 pages
    .venv/bin/python bench/orientation.py --variants 1 --groups map-cmyk photo
    .venv/bin/python bench/accuracy.py --docs 40 --orientation   # the same, after the accuracy report
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archivist.metrics import angle_error  # noqa: E402

TEXT_GROUPS_DESKEW = ("vie-text", "fr-text", "typewriter-1bit", "table", "form")


def page_rows(truth: list[dict], records: list[dict], base: Path) -> list[dict]:
    """One row per page of the set: truth, what each signal said, what was decided."""
    by_file = {str((base / t["file"]).resolve()): t for t in truth}
    rows = []
    for rec in records:
        for pg in rec["pages"]:
            t = by_file.get(str(Path(pg["source"]["path"]).resolve()))
            if t is None:
                continue
            ev = pg.get("orientation_evidence") or {}
            osd = ev.get("osd")
            decision = pg.get("orientation_decision", "")
            turned_wrong = pg["orientation"] not in (0, t["rotation"])
            right = pg["orientation"] == t["rotation"]
            rows.append({
                "file": Path(t["file"]).name, "group": t["group"], "rotation": t["rotation"], "text": t["text"],
                "own": (ev.get("own") or {}).get("orientation"), "own_conf": (ev.get("own") or {}).get("confidence"),
                "osd": None if osd is None else osd.get("orientation"),
                "osd_conf": None if osd is None else osd.get("confidence"),
                "reads": [(r["orientation"], r["mean_confidence"], r["good_words"]) for r in ev.get("reads", [])],
                "decision": decision, "orientation": pg["orientation"], "right": right, "wrong_turn": turned_wrong,
                # kept as scanned, and a warning says so (uncertain, too little text, or no text at all);
                # records from before orientation decisions: the old "page orientation uncertain" warning
                # or turned by a photo's camera tag alone (archivist/exiforient.py), which a warning says too
                # or turned the only way it reads (archivist/orient.py ONLY_WAY), which a warning says too
                "flagged": (decision.startswith("kept as scanned")
                            or decision in ("turned as the camera recorded it", "turned: the only way it reads"))
                and bool(pg.get("warnings")) or
                (not decision and any("orientation uncertain" in w for w in pg.get("warnings", []))),
                "skew_truth": t["skew"], "skew": pg["skew"], "deskew": pg.get("deskew") or {},
                "orient_s": (pg.get("timings") or {}).get("orient", 0.0),
            })
    for r in rows:
        r["unflagged"] = not r["right"] and not r["flagged"]
    return sorted(rows, key=lambda r: (r["group"], r["file"]))


def summary(rows: list[dict]) -> dict:
    groups: dict[str, dict] = {}
    for r in rows:
        g = groups.setdefault(r["group"], {"pages": 0, "right": 0, "wrong_turn": 0, "unflagged": 0, "kept_flagged": 0,
                                           "own_right": 0, "osd_asked": 0, "extra_reads": 0, "deskewed": 0,
                                           "orient_s": 0.0, "evidence": 0})
        g["evidence"] += r["own"] is not None  # records from before the decisions hold none
        g["pages"] += 1
        g["right"] += r["right"]
        g["wrong_turn"] += r["wrong_turn"]
        g["unflagged"] += r["unflagged"]
        g["kept_flagged"] += r["decision"].startswith("kept as scanned") and r["flagged"]
        g["own_right"] += r["own"] == r["rotation"]
        g["osd_asked"] += r["osd"] is not None or r["osd_conf"] is not None
        g["extra_reads"] += max(0, len(r["reads"]) - 1)
        g["deskewed"] += bool(r["deskew"].get("applied"))
        g["orient_s"] += r["orient_s"]
    return groups


def deskew_errors(rows: list[dict]) -> list[float]:
    return [angle_error(r["skew"], r["skew_truth"]) for r in rows if r["group"] in TEXT_GROUPS_DESKEW and r["right"]]


def markdown(rows: list[dict], seconds: float, command: str) -> str:
    groups = summary(rows)
    n = len(rows)
    tot = {k: sum(g[k] for g in groups.values()) for k in next(iter(groups.values()))} if groups else {}
    errs = deskew_errors(rows)
    lines = [f"## Orientation set ({n} pages, {len(groups)} groups x 4 turns, {seconds:.0f} s)", "",
             f"Command: `{command}`", "",
             "| group | pages | right way up | wrong turns | kept as scanned, flagged | unflagged wrong | "
             "own test right | OSD asked | extra readings | deskewed | added s/page |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for name, g in sorted(groups.items()) + [("**all**", tot)]:
        signals = (f"{g['own_right']} | {g['osd_asked']} | {g['extra_reads']} | {g['deskewed']} | "
                   f"{g['orient_s'] / max(g['pages'], 1):.2f}") if g["evidence"] else "– | – | – | – | –"
        lines.append(f"| {name} | {g['pages']} | {g['right']} | {g['wrong_turn']} | {g['kept_flagged']} | "
                     f"{g['unflagged']} | {signals} |")
    if errs:
        lines += ["", f"Deskew error on the text pages turned right: mean {sum(errs) / len(errs):.3f}°, "
                  f"worst {max(errs):.3f}° ({len(errs)} pages)."]
    lines += ["", "| page | own test | OSD | readings (turn: mean conf / good words) | decision | orientation | "
              "flagged | deskew |", "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        own = f"{r['own']} ({r['own_conf']:.2f})" if r["own"] is not None else "–"
        osd = "–" if r["osd_conf"] is None else f"{r['osd']} ({r['osd_conf']:.1f})"
        reads = ", ".join(f"{o}: {m:.0f}/{g}" for o, m, g in r["reads"])
        mark = " **WRONG TURN**" if r["wrong_turn"] else " **UNFLAGGED**" if r["unflagged"] else ""
        d = r["deskew"]
        desk = f"{d.get('measured', 0):+.2f}° {'applied' if d.get('applied') else 'not applied'}" if d else "–"
        lines.append(f"| {r['file']} | {own} | {osd} | {reads} | {r['decision']}{mark} | {r['orientation']} | "
                     f"{'yes' if r['flagged'] else 'no'} | {desk} |")
    return "\n".join(lines) + "\n"


def run(out: Path, seed: int = 0, variants: int = 2, groups: list[str] | None = None, workers: int = 2,
        command: str = "", rescore: bool = False, layout: str | None = None) -> tuple[str, dict]:
    """Generate the set, process it, score it; returns the Markdown report and the figures.
    ``rescore``: score the set and archive a previous run left in ``out`` again (no processing);
    ``layout``: archivist process --layout (default: archivist's)."""
    from archivist.pipeline import Settings, process
    from samples.orientset import generate_set

    base = out / "set"
    if rescore:
        truth = json.loads((base / "ground-truth" / "orientation.json").read_text(encoding="utf-8"))
        seconds = json.loads((out / "orientation.json").read_text(encoding="utf-8"))["seconds"]
    else:
        if out.exists():
            shutil.rmtree(out)
        truth = generate_set(base, seed=seed, variants=variants, groups=groups)
        t0 = time.perf_counter()
        process([base / "scans"], out / "archive", Settings(workers=workers, layout=layout or Settings.layout))
        seconds = time.perf_counter() - t0
    docs = sorted((out / "archive" / "documents").glob("*.json"))
    records = [json.loads(p.read_text(encoding="utf-8")) for p in docs]
    rows = page_rows(truth, records, base)
    md = markdown(rows, seconds, command)
    figures = {"pages": len(rows), "wrong_turns": sum(r["wrong_turn"] for r in rows),
               "unflagged": sum(r["unflagged"] for r in rows), "seconds": round(seconds, 1), "rows": rows}
    (out / "orientation.json").write_text(json.dumps(figures, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (out / "orientation.md").write_text(md, encoding="utf-8")
    return md, figures


def main(argv: list[str] | None = None) -> int:
    from samples.orientset import GROUPS

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "orientation")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--variants", type=int, default=2, help="drawings per group (each at four turns)")
    ap.add_argument("--groups", nargs="*", choices=sorted(GROUPS))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--rescore", action="store_true", help="score the archive a previous run left in OUT again")
    ap.add_argument("--layout", choices=("tesseract", "blocks"), help="archivist process --layout")
    args = ap.parse_args(argv)
    md, figures = run(args.out, args.seed, args.variants, args.groups, args.workers,
                      "bench/orientation.py " + " ".join(argv if argv is not None else sys.argv[1:]), args.rescore,
                      args.layout)
    print(md)
    print(f"wrong turns: {figures['wrong_turns']}, unflagged: {figures['unflagged']} of {figures['pages']} pages; "
          f"details: {args.out / 'orientation.md'}")
    return 1 if figures["wrong_turns"] or figures["unflagged"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
