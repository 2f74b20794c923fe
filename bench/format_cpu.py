"""The CPU tables of ``bench/run --corpus mixed``: each tool's CPU seconds beside its wall time.

Why: the bench machine is shared by several jobs, and a format's wall-time ratio to raw Tesseract
moved by ±0.2 between runs. CPU seconds (user + system of every process of a tool) count only the
tool's own work, so "× raw upright by CPU" is the ratio to compare between runs; the wall ratio is
what a user waits, and is shown per round so its spread is visible inside one run.
"""

from __future__ import annotations

import numpy as np

STAGES = ("load", "preprocess", "orient", "ocr", "number", "preview")


def _ratios(raw: list[float], arch: list[float]) -> str:
    """raw / archivist per round (higher is faster for archivist)."""
    return ", ".join(f"{r / a:.2f}" for r, a in zip(raw, arch, strict=False) if a)


def _per_page(values: list[float], n: int) -> float:
    return float(np.mean(values)) / n if values else 0.0


def cpu_markdown(rows: list[dict]) -> list[str]:
    """Lines of the two CPU tables (empty when the results hold no CPU figures, as older runs' do)."""
    if not any(r.get("archivist_cpu") for r in rows):
        return []
    lines = ["", "CPU seconds per page (user + system of every process of the tool, mean of the rounds); "
             "× is raw Tesseract's seconds over archivist's, per round:", "",
             "| format | archivist wall s/page | archivist CPU s/page | raw upright CPU s/page | × raw upright (wall) "
             "| × raw upright (wall) per round | × raw upright by CPU | × raw upright by CPU per round "
             "| OCRmyPDF CPU s/page | × OCRmyPDF by CPU |", "|---|---|---|---|---|---|---|---|---|---|"]
    tot = {"pages": 0, "arch": 0.0, "raw": 0.0, "arch_cpu": 0.0, "raw_cpu": 0.0, "ocrm_cpu": 0.0}
    for r in rows:
        n = r["pages"]
        a_cpu, w_cpu = _per_page(r["archivist_cpu"], n), _per_page(r["raw_cpu"], n)
        o_cpu = (r.get("ocrmypdf_cpu") or 0.0) / n
        wall_a, wall_w = _per_page(r["archivist_runs"], n), _per_page(r["raw_runs"], n)
        tot["pages"] += n
        for k, v in (("arch", wall_a), ("raw", wall_w), ("arch_cpu", a_cpu), ("raw_cpu", w_cpu), ("ocrm_cpu", o_cpu)):
            tot[k] += v * n
        lines.append(f"| {r['fmt']} | {wall_a:.3f} | {a_cpu:.3f} | {w_cpu:.3f} | {wall_w / wall_a:.2f} | "
                     f"{_ratios(r['raw_runs'], r['archivist_runs'])} | {w_cpu / a_cpu:.2f} | "
                     f"{_ratios(r['raw_cpu'], r['archivist_cpu'])} | {o_cpu:.3f} | "
                     f"{o_cpu / a_cpu if o_cpu else 0:.2f} |")
    p = tot["pages"]
    lines.append(f"| all | {tot['arch'] / p:.3f} | {tot['arch_cpu'] / p:.3f} | {tot['raw_cpu'] / p:.3f} | "
                 f"{tot['raw'] / tot['arch']:.2f} | | {tot['raw_cpu'] / tot['arch_cpu']:.2f} | | "
                 f"{tot['ocrm_cpu'] / p:.3f} | {tot['ocrm_cpu'] / tot['arch_cpu'] if tot['ocrm_cpu'] else 0:.2f} |")
    lines += ["", "CPU seconds per page by stage (workers: the records' `cpu_*` timings of the last run; main "
              "process: bench/timed_cli.py), and what is left of archivist's CPU beside the OCR stage:", "",
              "| format | load | orientation + deskew | OSD + extra readings | OCR | number read again | report image "
              "| document stage (main) | main process in all | archivist CPU − OCR stage |",
              "|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        n, st, m = r["pages"], r.get("stages_cpu") or {}, r.get("main") or {}
        per = {k: float(np.mean(st[k])) if st.get(k) else 0.0 for k in STAGES}
        rest = _per_page(r["archivist_cpu"], n) - per["ocr"]
        lines.append(f"| {r['fmt']} | " + " | ".join(f"{per[k]:.3f}" for k in STAGES)
                     + f" | {m.get('document_stage_cpu', 0.0) / n:.3f} | {m.get('main_cpu', 0.0) / n:.3f} | "
                     f"{rest:.3f} |")
    return lines
