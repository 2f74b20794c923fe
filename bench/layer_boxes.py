"""Are the text layer's word boxes the same after a change of its writer? Rewrites each page of
processed archives with the current writer (as :mod:`bench.layer_check` does), reads every word's box
back with ``pdftotext -bbox-layout`` and converts it to the scan's pixels; ``compare`` then counts
the words whose text or pixel-rounded box differ between two dumps, and the largest shift.

Why: a compacter text layer (issue 16, output bytes) may write its numbers more coarsely, but the
OCR's boxes are whole pixels, so a box read back and rounded to whole pixels must not change.

    PYTHONPATH=TREE .venv/bin/python -m bench.layer_boxes dump OUT.json ARCHIVE [ARCHIVE ...]
    .venv/bin/python -m bench.layer_boxes compare BEFORE.json AFTER.json
    PYTHONPATH=TREE .venv/bin/python -m bench.layer_boxes cpu ARCHIVE [ARCHIVE ...]   # CPU s of the writer

``cpu`` times the tree's writer, one process: each page's content stream (``page_content``) and a
one-page PDF/A-1b without image (``write_pdfa``), CPU seconds per page, the best of 3 passes; run it
for two trees alternately (A, B, A, B) to compare them on a shared machine.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

from archivist.pdfa import page_content
from bench.layer_check import record_pages, write_page

WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def page_boxes(pdf: Path, dpi: float) -> list[list]:
    """Each word pdftotext finds on page 1: [text, xMin, yMin, xMax, yMax] in the scan's pixels."""
    xhtml = subprocess.run(["pdftotext", "-bbox-layout", "-enc", "UTF-8", "-f", "1", "-l", "1", str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
    return [[html.unescape(m[5]), *(float(v) * dpi / 72.0 for v in m.groups()[:4])] for m in WORD.finditer(xhtml)]


def dump(archives: list[Path]) -> list[dict]:
    """Per page: its archive, content stream bytes at zlib 9, and its words' boxes."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for archive in archives:
            for _, page in record_pages(archive):
                out = write_page(page, Path(tmp) / "page.pdf")
                rows.append({"archive": str(archive), "source": str(page.source.path),
                             "content": len(zlib.compress(page_content(page, False), 9)),
                             "words": page_boxes(out, page.dpi)})
    return rows


def compare(before: list[dict], after: list[dict]) -> dict[str, float]:
    """Pages whose words differ (text), or come in another order; on the others, the words whose
    pixel-rounded box differs, and the largest and mean shift of a box's edge (px); content bytes."""
    other_words = other_order = words = rounded = 0
    shifts: list[float] = []
    for a, b in zip(before, after, strict=True):
        if (a["archive"], a["source"]) != (b["archive"], b["source"]):
            raise ValueError(f"the dumps hold different pages: {a['source']} / {b['source']}")
        ta, tb = [w[0] for w in a["words"]], [w[0] for w in b["words"]]
        if sorted(ta) != sorted(tb):
            other_words += 1
        elif ta != tb:
            other_order += 1
        else:
            for wa, wb in zip(a["words"], b["words"], strict=True):
                words += 1
                rounded += [round(v) for v in wa[1:]] != [round(v) for v in wb[1:]]
                shifts.append(max(abs(u - v) for u, v in zip(wa[1:], wb[1:], strict=True)))
    n = max(len(before), 1)
    return {"pages": len(before), "pages_other_words": other_words, "pages_other_order": other_order,
            "words_compared": words, "words_rounded_box_differs": rounded,
            "max_shift_px": round(max(shifts, default=0.0), 3),
            "mean_shift_px": round(sum(shifts) / max(len(shifts), 1), 3),
            "content_before": round(sum(r["content"] for r in before) / n),
            "content_after": round(sum(r["content"] for r in after) / n)}


def cpu(archives: list[Path], passes: int = 3) -> dict[str, float]:
    """CPU seconds per page of the content stream and of the whole one-page PDF, best of ``passes``."""
    pages = [page for archive in archives for _, page in record_pages(archive)]
    best = {"content": float("inf"), "pdf": float("inf")}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(passes):
            t0 = time.process_time()
            for page in pages:
                page_content(page, False)
            t1 = time.process_time()
            for page in pages:
                write_page(page, Path(tmp) / "page.pdf")
            t2 = time.process_time()
            best = {"content": min(best["content"], (t1 - t0) / len(pages)),
                    "pdf": min(best["pdf"], (t2 - t1) / len(pages))}
    return {"pages": len(pages), **{k: round(v, 5) for k, v in best.items()}}


def main(argv: list[str]) -> int:
    if argv[:1] == ["dump"]:
        Path(argv[1]).write_text(json.dumps(dump([Path(a) for a in argv[2:]])), encoding="utf-8")
    elif argv[:1] == ["compare"]:
        before, after = (json.loads(Path(a).read_text(encoding="utf-8")) for a in argv[1:3])
        print(json.dumps(compare(before, after), indent=1))
    elif argv[:1] == ["cpu"]:
        print(json.dumps(cpu([Path(a) for a in argv[1:]])))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
