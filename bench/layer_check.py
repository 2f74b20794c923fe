"""Does the PDF text layer still say what the record says? Rewrites each page of a processed archive
with the current writer (the record's words, no image, so no OCR is run again), reads it back with
``pdftotext`` and reports, per sample group, the bag-of-words error of the text layer against the
record's words and the text layer's compressed bytes per page.

Why: the text layer's encoding changes (issue 16, output bytes) must not cost a word; this checks
that on every hard-page group in seconds, where bench/accuracy.py would OCR everything again.

    .venv/bin/python -m bench.layer_check ARCHIVE          # e.g. /work/calib-runs/acc-hg7/archive
    .venv/bin/python -m bench.layer_check --lost ARCHIVE   # and every word a reader loses, page by page

``--lost`` lists, for pdftotext, its ``-raw`` mode and PDFium (copy-paste), each page's record words the
reader does not give back and what it gives instead (``Thị`` and ``]`` lost, ``Thị]`` instead), and the
words each reader loses in all: what the causes in bench/RESULTS.md ("Text layer on typewriter and
speckled pages") were read from.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from archivist.metrics import bag_of_words_error, words
from archivist.models import PageRef, PageResult, Word
from archivist.pdfa import page_content, write_pdfa
from bench.harness import pdftotext


def _group(source: str) -> str:
    """The sample group a page came from: the first word of its file or folder under ``scans``
    (``scans/seals-31-…/page-001.jpg``, ``scans/clean-02-….jpg``), else of its folder."""
    parts = Path(source).parts
    name = parts[parts.index("scans") + 1] if "scans" in parts[:-1] else Path(source).parent.name
    return name.split("-")[0]


def record_pages(archive: Path) -> Iterator[tuple[str, PageResult]]:
    """Every page of a processed archive that has words, as the writer gets it (the record's words, no
    image), with its sample group."""
    for rec_path in sorted((archive / "documents").glob("*.json")):
        rec = json.loads(rec_path.read_text(encoding="utf-8"))
        for p in rec["pages"]:
            words = [Word(w[0], w[1], tuple(w[2:6]), w[6]) for w in p["words"]]
            if words:
                yield _group(p["source"]["path"]), PageResult(1, PageRef(Path(p["source"]["path"]), "image"),
                                                              p["width"], p["height"], p["dpi"], 0, 0.0, words=words)


def write_page(page: PageResult, out: Path) -> Path:
    """``page`` alone as a PDF/A-1b at ``out``, with the current writer."""
    write_pdfa([page], out, level="1b", title="t", created=datetime.now(UTC), producer="layer_check")
    return out


def check(archive: Path) -> dict[str, dict[str, float]]:
    """Per group: pages, mean text-layer error against the record (points), content bytes per page."""
    errors: dict[str, list[float]] = defaultdict(list)
    sizes: dict[str, list[int]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        for group, page in record_pages(archive):
            out = write_page(page, Path(tmp) / "page.pdf")
            errors[group].append(bag_of_words_error(" ".join(w.text for w in page.words), pdftotext(out, 1)))
            sizes[group].append(len(zlib.compress(page_content(page, False), 9)))
    return {g: {"pages": len(errors[g]), "error": 100 * sum(errors[g]) / len(errors[g]),
                "bytes": sum(sizes[g]) / len(sizes[g])} for g in sorted(errors)}


def _readers(pdf: Path) -> dict[str, str]:
    """What pdftotext, its ``-raw`` mode and PDFium read on the PDF's one page."""
    import pypdfium2

    raw = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True).stdout
    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        pdfium = doc[0].get_textpage().get_text_range()
    finally:
        doc.close()
    return {"pdftotext": pdftotext(pdf, 1), "pdftotext -raw": raw, "PDFium": pdfium}


def lost(archive: Path) -> tuple[list[tuple[str, str, str, Counter[str], Counter[str]]], Counter[str], int]:
    """Every page and reader that loses a record word, as (group, page source, reader, record words lost,
    words read instead); the words each reader loses in all; the record's words in all."""
    rows, total, n = [], Counter(), 0
    with tempfile.TemporaryDirectory() as tmp:
        for group, page in record_pages(archive):
            want = Counter(words(" ".join(w.text for w in page.words)))
            n += sum(want.values())
            for reader, text in _readers(write_page(page, Path(tmp) / "page.pdf")).items():
                got = Counter(words(text))
                total[reader] += sum((want - got).values())
                if want - got:
                    rows.append((group, str(page.source.path), reader, want - got, got - want))
    return rows, total, n


def main(argv: list[str]) -> int:
    if argv[0] == "--lost":
        rows, total, n = lost(Path(argv[1]))
        for group, source, reader, missing, instead in rows:
            print(f"{group}\t{source}\t{reader}\tlost {dict(missing)}\tinstead {dict(instead)}")
        print(f"{n} record words; lost: " + ", ".join(f"{r} {k}" for r, k in total.items()))
        return 0
    rows = check(Path(argv[0]))
    print("| group | pages | text layer vs record, word error (points) | page content B/page (zlib 9) |")
    print("|---|---|---|---|")
    for g, r in rows.items():
        print(f"| {g} | {r['pages']} | {r['error']:.2f} | {r['bytes']:,.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
