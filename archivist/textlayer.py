"""The invisible text layer of one page, written as compactly as it can be without moving a word.

Why compact: on a bilevel G4 page (31–40 KiB) the text layer was 3–8 KiB compressed, the largest
part of what the PDF adds to the scan. Every word keeps what it had — its own glyphs on its own OCR box
(font size = box height, horizontal scaling so the glyphs span the box's width), a space glyph
stretched over the gap to the next word of its line so copy-paste and ``pdftotext`` give spaced text,
the OCR's reading order — but is written with fewer and shorter operators:

- the whole layer is drawn in pixel units through one ``cm`` (72/dpi), so a box's corners, which are
  whole pixels, are short integers rather than points to three decimals;
- one ``BT`` and ``3 Tr`` per page; the first word of a line is moved to from the one before by a
  relative ``Td``; the words after it need none: the space glyph stretched over the gap already ends
  where the next word starts, so its scaling is chosen to land there (within :data:`LAND_PT`, never
  before the box), and ``Td`` is written only where that cannot be (a new baseline, a gap too narrow);
- ``Tf`` and ``Tz`` only where they change; each ``Tz`` is the shortest number (whole percent where it
  can be, else a tenth, ...) that puts the word's right end within :data:`FIT_PT` inside its box, so
  every box read back and rounded to the scan's pixels is the OCR's (no glyph reaches past its box);
- literal strings of the 2-byte codes instead of hex (half the bytes before compression).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence

from .layerwords import place_page
from .models import Word

CHAR_WIDTH = 0.5  # advance of the glyphless glyph, in em (pdf.ttf: 1024/2048; /DW 500)
DESCENT = 1  # /Descent -1 (must be negative); baselines are raised by this much so boxes stay exact
MAX_TZ = 30000.0  # PDF/A-1 caps reals at 32767; only a degenerate box (hair-thin, very wide) gets near it
_ESCAPES = {ord("\\"): b"\\\\", ord("("): b"\\(", ord(")"): b"\\)", ord("\r"): b"\\r", ord("\n"): b"\\n"}
#: The bytes of a string's codes that a PDF literal string must escape (the keys of ``_ESCAPES``).
_SPECIAL = re.compile(rb"[\\()\r\n]")
SPACE = b"(\x00 )"
#: The code drawn after a word that ends in a hyphen, which the ToUnicode CMap reads as a space and a no-break
#: space (:data:`HYPHEN_END_UNICODE`). Why: pdftotext drops the hyphen that ends one of its lines and joins the
#: next line to it (``\`S-`` / ``Đặng`` -> ``\`SĐặng``; a lone ``-`` of a list lost), and PDFium (copy-paste)
#: does the same where a letter stands before the hyphen, a dehyphenation for languages that break words at
#: line ends which Vietnamese, whose line-end dashes are dashes, never wants. A code read as one space would
#: be skipped (pdftotext keeps no space glyph), two are kept, so the line no longer ends in ``-``; PDFium looks
#: past trailing ``U+0020`` only, hence the no-break space last. The code is a surrogate, which no word's text
#: holds (:func:`clean_text`).
HYPHEN_END = b"\xdf\xff"
HYPHEN_END_UNICODE = "<DFFF> <002000A0>"
#: How far inside its box a word's right end may fall, in points: what tests/test_pdf_geometry.py holds a
#: word to ("on its box", 0.05 pt), and under half a pixel at any dpi under 720, so a box read back and
#: rounded to the scan's pixels stays the OCR's; the slack lets most ``Tz`` be whole percents.
FIT_PT = 0.05
#: How far past its box's left a word reached by the space before it may start (points; never before it).
LAND_PT = 0.025


def clean_text(text: str) -> str:
    """NFC, no control characters, BMP only (each character must be one 2-byte code).

    A word that is already clean (nearly all: printable, no space, in the BMP) is returned without going
    through it character by character; printable characters include no whitespace but the ASCII space
    (pinned over every code point in tests/test_text_layer.py), so the test below keeps exactly what the
    loop would. Every word of every page goes through here twice (the font's code blocks, the layer)."""
    text = unicodedata.normalize("NFC", text)
    if text.isprintable() and " " not in text and (text.isascii() or max(text) <= "\uffff"):
        return text
    return "".join(c if ord(c) < 0x10000 else "\ufffd" for c in text if c.isprintable() and not c.isspace())


def literal(text: str) -> bytes:
    """``text`` as a PDF literal string of UTF-16BE codes (the font's CIDs), escaped where PDF needs it.

    End-of-line bytes are escaped too: unescaped, a reader may turn CR or CR LF inside a string into LF.
    """
    return b"(" + _SPECIAL.sub(lambda m: _ESCAPES[m[0][0]], text.encode("utf-16-be")) + b")"


def num(v: float) -> str:
    """A number to a tenth, without trailing zeros (a tenth of a pixel is under 0.04 pt at 200 dpi)."""
    s = f"{v:.1f}".rstrip("0").rstrip(".")
    return s if s not in ("-0", "") else "0"


def shortest(lo: float, hi: float) -> str:
    """The number with the fewest decimals (up to 3) in ``[lo, hi]``, as :func:`num` would write it.

    Why: a scaling or a move only has to land within a fraction of a pixel, and "133" compresses to
    less than "133.4"; the fallback (an interval narrower than a thousandth) is its middle to 3 decimals.
    """
    for scale in (1, 10, 100, 1000):
        v = math.ceil(lo * scale - 1e-9) / scale
        if v <= hi + 1e-9:
            s = f"{v:.3f}".rstrip("0").rstrip(".")
            return s if s not in ("-0", "") else "0"
    return f"{(lo + hi) / 2:.3f}"


def _tz(width: float, glyphs: int, size: float, slack: float) -> str:
    """Horizontal scaling (percent) that makes ``glyphs`` glyphs span between ``width - slack`` and ``width``."""
    per = glyphs * CHAR_WIDTH * size / 100.0  # pixels per percent
    return shortest(min(max(width - slack, width / 2) / per, MAX_TZ), min(width / per, MAX_TZ))


def glyphs(text: str) -> int:
    """How many glyphs a word's (clean) text is drawn with: one a character, and :data:`HYPHEN_END` after a hyphen."""
    return len(text) + text.endswith("-")


def text_layer(words: Sequence[Word], page_w_px: int, page_h_px: int, dpi: float) -> bytes:
    """Content-stream operators for the invisible text of one page (render mode 3), in the OCR's order.

    Words whose boxes touch, overlap or stand out of their line are placed by
    :func:`archivist.layerwords.place_line`; everything else is on its OCR box. Positions are tracked
    as a reader computes them from the numbers written, so no rounding adds up along a line.
    """
    lines: dict[int, list[tuple[str, tuple[int, int, int, int]]]] = {}
    for w in words:
        t = clean_text(w.text)
        if t:  # a box of no height or width (Tesseract gives them on specks: "SA" at y 273..273) is one pixel
            x0, y0, x1, y1 = w.bbox
            lines.setdefault(w.line, []).append((t, (x0, y0, max(x1, x0 + 1), max(y1, y0 + 1))))
    if not lines:
        return b""
    out = [f"q {72.0 / dpi:.6f} 0 0 {72.0 / dpi:.6f} 0 0 cm BT 3 Tr".encode("ascii")]
    fit, land = FIT_PT * dpi / 72.0, LAND_PT * dpi / 72.0  # in the layer's units: pixels
    at = (0.0, 0.0)  # the line matrix: where the last Td put it
    pen: tuple[float, str] | None = None  # where the last space ended (x) and its baseline, if it can go on
    size_now = tz_now = ""
    ordered = [lines[i] for i in sorted(lines)]
    pages = place_page([([box for _, box in line], [glyphs(t) for t, _ in line]) for line in ordered], 1.0,
                       page_w_px, page_h_px)
    for line, placed in zip(ordered, pages, strict=True):
        for j, ((t, _), (left, top, right, bottom)) in enumerate(zip(line, placed, strict=True)):
            size = bottom - top
            y = num(page_h_px - bottom + size * DESCENT / 1000.0)
            ops = []
            if num(size) != size_now:
                size_now = num(size)
                ops.append(f"/F0 {size_now} Tf")
            if pen is not None and pen[1] == y and left - 1e-6 <= pen[0] <= left + land:
                start = pen[0]
            else:
                start = float(num(left))
                ops.append(f"{num(start - at[0])} {num(float(y) - at[1])} Td")
                at = (start, float(y))
            n = glyphs(t)
            tz = _tz(right - start, n, float(size_now), fit)
            if tz != tz_now:
                tz_now = tz
                ops.append(f"{tz} Tz")
            text = literal(t) if n == len(t) else literal(t)[:-1] + HYPHEN_END + b")"
            word = " ".join(ops).encode("ascii") + b" " + text + b" Tj"
            pen = None
            if j + 1 < len(line):
                end = start + n * CHAR_WIDTH * float(size_now) * float(tz_now) / 100.0
                nxt = placed[j + 1][0]
                per = CHAR_WIDTH * float(size_now) / 100.0
                if 0.05 * size <= nxt - end <= MAX_TZ * per:  # the space ends where the next word starts
                    tz_now = shortest((nxt - end) / per, min((nxt + land - end) / per, MAX_TZ))
                    pen = (end + float(tz_now) * per, y)
                else:  # too narrow a gap for the space to reach across exactly: the next word is moved to
                    tz_now = shortest(0.05 * size / per, 0.05 * size / per + 1)
                word += f" {tz_now} Tz ".encode("ascii") + SPACE + b" Tj"
            out.append(word)
    out.append(b"ET Q")
    return b"\n".join(out)
