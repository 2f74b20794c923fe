"""The per-format Markdown tables of ``bench/run --corpus mixed`` (kept in bench/RESULTS.md)."""

from __future__ import annotations

import numpy as np

from bench.format_cpu import cpu_markdown
from bench.pdf_bytes import markdown as parts_markdown
from bench.report import machine_line


def _ppm(pages: int, runs: list[float]) -> float:
    return 60.0 * pages / float(np.mean(runs)) if runs else 0.0


def _mean_max(values: list[float]) -> str:
    return f"{np.mean(values):.3f} / {np.max(values):.3f}" if values else "–"


def markdown(data: dict) -> str:
    rows = data["results"]
    lines = [
        f"{data['per_format']} pages per format (seed {data['seed']}), {data['rounds']} alternating rounds, "
        f"{data['date']}; command: `{data['command']}`",
        "",
        "| format | pages (files) | archivist pages/min | raw Tesseract upright pages/min | × raw upright "
        "| OCRmyPDF pages/min | × OCRmyPDF | load s/page mean / max | orientation + deskew s/page | OCR s/page "
        "| report image s/page | document stage s/page | input KiB/page | output KiB/page | output / input "
        "| images in the PDF | their bytes / input "
        "| word error archivist / raw upright / OCRmyPDF | PDF/A (Preflight) |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    tot = {"pages": 0, "arch": 0.0, "raw": 0.0, "ocrm": 0.0}
    for r in rows:
        n = r["pages"]
        arch, raw = _ppm(n, r["archivist_runs"]), _ppm(n, r["raw_runs"])
        ocrm = 60.0 * n / r["ocrmypdf_seconds"] if r["ocrmypdf_seconds"] else 0.0
        tot["pages"] += n
        tot["arch"] += float(np.mean(r["archivist_runs"]))
        tot["raw"] += float(np.mean(r["raw_runs"]))
        tot["ocrm"] += r["ocrmypdf_seconds"] or 0.0
        st = r["stages"]
        doc = r["main"].get("document_stage", 0.0) / n
        inp, outp = r["input_bytes"] / n, r["output_bytes"] / n
        ocrm_err = f"{100 * r['ocrmypdf_word_error']:.2f}%" if r["ocrmypdf_word_error"] is not None else "–"
        if r.get("ocrmypdf_sidecar_error") is not None:  # its OCR's own text, before its renderer (session 30)
            ocrm_err += f" (sidecar {100 * r['ocrmypdf_sidecar_error']:.2f}%)"
        filters = ", ".join(f"{k} {v}" for k, v in sorted(r["payload_filters"].items()))
        lines.append(
            f"| {r['fmt']} | {n} ({r['files']}) | {arch:.1f} | {raw:.1f} | {arch / raw:.2f} | "
            f"{ocrm:.1f} | {arch / ocrm if ocrm else 0:.2f} | {_mean_max(st.get('load', []))} | "
            f"{np.mean(st.get('preprocess', [0])):.3f} | {np.mean(st.get('ocr', [0])):.3f} | "
            f"{np.mean(st.get('preview', [0])):.3f} | {doc:.3f} | {inp / 1024:.0f} | {outp / 1024:.0f} | "
            f"{outp / inp:.2f} | {filters} | {r.get('image_bytes', 0) / r['input_bytes']:.2f} | "
            f"{100 * r['word_error']:.2f}% / {100 * r['raw_word_error']:.2f}% / "
            f"{ocrm_err} | {r['pdfa_valid']} |")
    if tot["arch"] and tot["raw"]:
        a, w = 60 * tot["pages"] / tot["arch"], 60 * tot["pages"] / tot["raw"]
        o = 60 * tot["pages"] / tot["ocrm"] if tot["ocrm"] else 0.0
        lines.append(f"| all | {tot['pages']} | {a:.1f} | {w:.1f} | {a / w:.2f} | {o:.1f} | "
                     f"{a / o if o else 0:.2f} | | | | | | | | | | | | |")
    lines += ["", "Main process of the last archivist run per format (bench/timed_cli.py), seconds:", "",
              "| format | imports | executor start | first page back | its own work | document stage | HTML report "
              "| batch | command |", "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        m = r["main"]
        lines.append(f"| {r['fmt']} | {m.get('imports', 0):.2f} | {m.get('executor_start', 0):.2f} | "
                     f"{m.get('first_result') or 0:.2f} | {m.get('first_page_work') or 0:.2f} | "
                     f"{m.get('document_stage', 0):.2f} | {m.get('html_report', 0):.2f} | {m.get('process', 0):.2f} | "
                     f"{m.get('wall', 0):.2f} |")
    lines += cpu_markdown(rows)
    if all(r.get("parts") for r in rows):
        lines += ["", "Where the PDFs' bytes go, per page (bench/pdf_bytes.py; text floor = the record's words through "
                  "zlib 9):", "", parts_markdown({r["fmt"]: r["parts"] for r in rows},
                                                 {r["fmt"]: r["input_bytes"] for r in rows}).rstrip("\n")]
    lines += ["", machine_line(data["versions"])]
    return "\n".join(lines) + "\n"
