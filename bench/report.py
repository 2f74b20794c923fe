"""Turn the harness's JSON into the Markdown table kept in bench/RESULTS.md."""

from __future__ import annotations


def markdown(data: dict) -> str:
    res = data["results"]
    raw = next((r for r in res if r["tool"] == "raw tesseract"), None)
    ocrm = [r for r in res if r["tool"].startswith("OCRmyPDF")]
    best_ocrm = max(ocrm, key=lambda r: r["pages_per_minute"]) if ocrm else None
    engine = next((r for r in res if r["tool"].startswith("archivist's OCR engine alone")), None)
    lines = [
        f"Pages: {data['pages']} generated degraded pages (seed {data['seed']}); command: `{data['command']}`",
        "",
        "| tool | pages/min | runs (s) | CPU s/page | × raw Tesseract | × engine alone | × best OCRmyPDF "
        "| word error mean / worst "
        "| CER mean / worst | deskew error mean / worst (°) | bytes/page | peak RSS total / per process (MB) "
        "| PDF/A (Preflight) |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in res:
        vs_raw = f"{r['pages_per_minute'] / raw['pages_per_minute']:.2f}" if raw else "–"
        vs_e = f"{r['pages_per_minute'] / engine['pages_per_minute']:.2f}" if engine else "–"
        vs_o = f"{r['pages_per_minute'] / best_ocrm['pages_per_minute']:.2f}" if best_ocrm else "–"
        desk = (f"{r['deskew_error']['mean']:.3f} / {r['deskew_error']['worst']:.3f}"
                if r.get("deskew_error") else "–")
        size = f"{r['bytes_per_page'] / 1024:.0f} KiB" if r["bytes_per_page"] else "–"
        cpu = f"{r['cpu_seconds'] / r['pages']:.2f}" if r.get("cpu_seconds") else "–"
        runs = ", ".join(f"{x:.0f}" for x in r.get("runs", []))
        side = r.get("sidecar_word_error")  # OCRmyPDF: its OCR's own text, before its renderer (session 30)
        side = f" (sidecar {100 * side['mean']:.2f}%)" if side else ""
        lines.append(
            f"| {r['tool']} | {r['pages_per_minute']:.1f} | {runs} | {cpu} | {vs_raw} | {vs_e} | {vs_o} | "
            f"{100 * r['word_error']['mean']:.2f}% / {100 * r['word_error']['worst']:.2f}%{side} | "
            f"{100 * r['cer']['mean']:.2f}% / {100 * r['cer']['worst']:.2f}% | {desk} | {size} | "
            f"{r['peak_rss_mb_total']:.0f} / {r['peak_rss_mb_process']:.0f} | {r['pdfa_valid']} |")
    lines += ["", machine_line(data["versions"])]
    return "\n".join(lines) + "\n"


def machine_line(v: dict) -> str:
    return f"Machine: {v['machine']}; {v['tesseract']}; OCRmyPDF {v['ocrmypdf']}; Python {v['python']}."
