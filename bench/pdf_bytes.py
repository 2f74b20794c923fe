"""Where an archive PDF's bytes go: page images, the invisible text layer, the font, the output
intent's ICC profile, the XMP packet, and the rest (dictionaries, xref, trailer).

Why: a bilevel G4 page is 31–40 KiB, so a few KiB of text layer and per-document overhead decide
whether the PDF stays within 5% of the scan. The *floor* is what the text alone costs: the
record's words, one space between them, through zlib level 9 — no PDF text layer that keeps every
word can be much smaller than that, so it says how close the +5% target can get.

    .venv/bin/python -m bench.pdf_bytes [--corpus CORPUS] ARCHIVE [ARCHIVE ...]   # one row per archive

``bench/run --corpus mixed`` prints the same table per format; to read a run's archives again, e.g.
``-m bench.pdf_bytes --corpus OUT/corpus OUT/archives/*`` (an archive is named after its format, as
the corpus's folders are, for the input's bytes).
"""

from __future__ import annotations

import json
import sys
import zlib
from pathlib import Path

import pikepdf

PARTS = ("images", "text layer", "font", "ICC", "XMP", "structure")
FONT_KEYS = ("/FontFile2", "/CIDSet", "/CIDToGIDMap", "/ToUnicode")


def _stream_size(obj: pikepdf.Object) -> int:
    return len(obj.read_raw_bytes())


def breakdown(path: Path) -> dict[str, int]:
    """Bytes of each part of one PDF (see :data:`PARTS`); ``structure`` is the file size less the streams."""
    parts = dict.fromkeys(PARTS, 0)
    with pikepdf.open(path) as pdf:
        seen: set[tuple[int, int]] = set()

        def add(part: str, obj: pikepdf.Object) -> None:
            if isinstance(obj, pikepdf.Stream) and obj.objgen not in seen:
                seen.add(obj.objgen)
                parts[part] += _stream_size(obj)

        for page in pdf.pages:
            for img in page.get_images().values():
                add("images", img)
            contents = page.obj.get("/Contents")
            for c in contents if isinstance(contents, pikepdf.Array) else [contents]:
                add("text layer", c)
            for font in page.obj.Resources.get("/Font", {}).values():
                add("font", font.get("/ToUnicode"))
                for cid in font.get("/DescendantFonts", []):
                    add("font", cid.get("/CIDToGIDMap"))
                    desc = cid.get("/FontDescriptor", {})
                    for key in ("/FontFile2", "/CIDSet"):
                        add("font", desc.get(key))
        for intent in pdf.Root.get("/OutputIntents", []):
            add("ICC", intent.get("/DestOutputProfile"))
        add("XMP", pdf.Root.get("/Metadata"))
    parts["structure"] = path.stat().st_size - sum(parts.values())
    return parts


def text_floor(record: dict) -> int:
    """The record's words, spaced, UTF-8, through zlib level 9: the least a lossless text layer needs."""
    text = "\n".join(" ".join(w[0] for w in p["words"]) for p in record["pages"])
    return len(zlib.compress(text.encode("utf-8"), 9))


def archive_bytes(archive: Path) -> dict[str, int]:
    """Summed parts of every PDF an archive holds, plus ``floor`` (text floor) and ``pages``."""
    total = dict.fromkeys((*PARTS, "floor", "pages"), 0)
    for rec_path in sorted((archive / "documents").glob("*.json")):
        rec = json.loads(rec_path.read_text(encoding="utf-8"))
        for k, v in breakdown(archive / rec["output"]["pdf"]).items():
            total[k] += v
        total["floor"] += text_floor(rec)
        total["pages"] += len(rec["pages"])
    return total


def markdown(rows: dict[str, dict[str, int]], inputs: dict[str, int] | None = None) -> str:
    """One row per format (bytes per page, and the text layer against its floor)."""
    head = "| format | " + " | ".join(f"{p} B/page" for p in PARTS) + " | text floor B/page | text layer / floor |"
    if inputs:
        head += " input B/page | output − input, % of input | overhead without images, % of input |"
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for fmt, t in rows.items():
        n = max(t["pages"], 1)
        cells = [f"{t[p] / n:,.0f}" for p in PARTS]
        ratio = t["text layer"] / max(t["floor"], 1)
        row = f"| {fmt} | " + " | ".join(cells) + f" | {t['floor'] / n:,.0f} | {ratio:.2f} |"
        if inputs:
            out = sum(t[p] for p in PARTS)
            rest = out - t["images"]
            row += (f" {inputs[fmt] / n:,.0f} | {100 * (out - inputs[fmt]) / inputs[fmt]:+.1f}% | "
                    f"{100 * rest / inputs[fmt]:.1f}% |")
        lines.append(row)
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    corpus = None
    if argv[:1] == ["--corpus"]:
        corpus, argv = Path(argv[1]), argv[2:]
    rows = {Path(a).name: archive_bytes(Path(a)) for a in argv}
    inputs = {name: sum(f.stat().st_size for f in (corpus / name).iterdir()) for name in rows} if corpus else None
    print(markdown(rows, inputs), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
