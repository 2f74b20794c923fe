"""The invisible text layer of one page, written as compactly as it can be without moving a word.

Why compact: on a bilevel G4 page (31–40 KiB) the text layer was 3–8 KiB compressed, the largest
part of what the PDF adds to the scan. Every word keeps what it had — its own glyphs on its own OCR box
(font size = box height, horizontal scaling so the glyphs span the box's width), a space glyph
stretched over the gap to the next word of its line so copy-paste and ``pdftotext`` give spaced text,
the OCR's reading order — but is written with fewer and shorter operators:

- the whole layer is drawn in pixel units through one ``cm`` (72/dpi), so a box's corners, which are
  whole pixels, are short integers rather than points to three decimals;
- one ``BT`` and ``3 Tr`` per page; each word is moved to from the one before by a relative ``Td``;
- ``Tf`` and ``Tz`` only where they change; a word's ``Tz`` rounded down to a tenth (a space's to a
  whole percent), so no glyph reaches past its box (each word's start is placed by ``Td``, so no
  rounding adds up along a line);
- literal strings of the 2-byte codes instead of hex (half the bytes before compression).
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence

from .layerwords import place_line
from .models import Word

CHAR_WIDTH = 0.5  # advance of the glyphless glyph, in em (pdf.ttf: 1024/2048; /DW 500)
DESCENT = 1  # /Descent -1 (must be negative); baselines are raised by this much so boxes stay exact
MAX_TZ = 30000.0  # PDF/A-1 caps reals at 32767; only a degenerate box (hair-thin, very wide) gets near it
_ESCAPES = {ord("\\"): b"\\\\", ord("("): b"\\(", ord(")"): b"\\)", ord("\r"): b"\\r", ord("\n"): b"\\n"}
SPACE = b"(\x00 )"


def clean_text(text: str) -> str:
    """NFC, no control characters, BMP only (each character must be one 2-byte code)."""
    text = unicodedata.normalize("NFC", text)
    return "".join(c if ord(c) < 0x10000 else "\ufffd" for c in text if c.isprintable() and not c.isspace())


def literal(text: str) -> bytes:
    """``text`` as a PDF literal string of UTF-16BE codes (the font's CIDs), escaped where PDF needs it.

    End-of-line bytes are escaped too: unescaped, a reader may turn CR or CR LF inside a string into LF.
    """
    raw = text.encode("utf-16-be")
    return b"(" + b"".join(_ESCAPES.get(c, bytes((c,))) for c in raw) + b")"


def num(v: float) -> str:
    """A number to a tenth, without trailing zeros (a tenth of a pixel is under 0.04 pt at 200 dpi)."""
    s = f"{v:.1f}".rstrip("0").rstrip(".")
    return s if s not in ("-0", "") else "0"


def _tz(width: float, glyphs: int, size: float, step: float = 0.1) -> float:
    """Horizontal scaling (percent) that makes ``glyphs`` glyphs span ``width``, rounded down to ``step``."""
    return min(math.floor(width / (glyphs * CHAR_WIDTH * size / 100.0) / step) * step, MAX_TZ)


def text_layer(words: Sequence[Word], page_h_px: int, dpi: float) -> bytes:
    """Content-stream operators for the invisible text of one page (render mode 3), in the OCR's order.

    Words whose boxes touch, overlap or stand out of their line are placed by
    :func:`archivist.layerwords.place_line`; everything else is on its OCR box.
    """
    lines: dict[int, list[tuple[str, tuple[int, int, int, int]]]] = {}
    for w in words:
        t = clean_text(w.text)
        x0, y0, x1, y1 = w.bbox
        if t and x1 > x0 and y1 > y0:
            lines.setdefault(w.line, []).append((t, w.bbox))
    if not lines:
        return b""
    out = [f"q {72.0 / dpi:.6f} 0 0 {72.0 / dpi:.6f} 0 0 cm BT 3 Tr".encode("ascii")]
    at = ("0", "0")  # the start of the last word drawn, as written
    size_now = tz_now = ""
    for line in (lines[i] for i in sorted(lines)):
        placed = place_line([box for _, box in line], 1.0)
        for j, ((t, _), (left, top, right, bottom)) in enumerate(zip(line, placed, strict=True)):
            size = bottom - top
            x, y = num(left), num(page_h_px - bottom + size * DESCENT / 1000.0)
            ops = []
            if num(size) != size_now:
                size_now = num(size)
                ops.append(f"/F0 {size_now} Tf")
            tz = num(_tz(right - left, len(t), size))
            if tz != tz_now:
                tz_now = tz
                ops.append(f"{tz} Tz")
            ops.append(f"{num(float(x) - float(at[0]))} {num(float(y) - float(at[1]))} Td")
            at = (x, y)
            word = " ".join(ops).encode("ascii") + b" " + literal(t) + b" Tj"
            if j + 1 < len(line):
                gap = max(placed[j + 1][0] - right, 0.05 * size)
                tz_now = num(_tz(gap, 1, size, 1.0))  # a space's width matters less: whole percents
                word += f" {tz_now} Tz ".encode("ascii") + SPACE + b" Tj"
            out.append(word)
    out.append(b"ET Q")
    return b"\n".join(out)
