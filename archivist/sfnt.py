"""Strip a TrueType font program down to the tables a PDF's CIDFontType2 needs.

Why: the invisible text layer's font (Tesseract's ``pdf.ttf``, one empty glyph) is embedded in every
PDF, since PDF/A-1 wants every font embedded, even one drawn in render mode 3. A TrueType embedded for
a CIDFontType2 is reached through the CIDToGIDMap, never through its own ``cmap``, and PDF readers take
its name, metrics and style from the PDF's font dictionaries, so ``cmap``, ``name``, ``OS/2`` and
``post`` are not read (PDF 1.7, 9.9: the tables needed are head, hhea, loca, maxp, cvt, prep, glyf,
hmtx, fpgm, those present). On ``pdf.ttf`` that is 572 -> 272 bytes, 333 -> 180 compressed: ~150 bytes
of every PDF.
"""

from __future__ import annotations

import struct

#: The tables a PDF reader (and PDFBox Preflight) uses in an embedded CIDFontType2 program.
PDF_TABLES = frozenset({b"head", b"hhea", b"maxp", b"hmtx", b"loca", b"glyf", b"cvt ", b"prep", b"fpgm"})


def _checksum(data: bytes) -> int:
    data += b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(data) // 4}I", data)) & 0xFFFFFFFF


def keep_tables(font: bytes, keep: frozenset[bytes] = PDF_TABLES) -> bytes:
    """``font`` (an sfnt: TrueType) with only the tables in ``keep``, checksums and the directory rebuilt."""
    version, count = struct.unpack(">IH", font[:6])
    tables = {}
    for i in range(count):
        tag, _, offset, length = struct.unpack(">4sIII", font[12 + 16 * i:28 + 16 * i])
        if tag in keep:
            tables[tag] = bytearray(font[offset:offset + length])
    if b"head" in tables:
        tables[b"head"][8:12] = b"\0\0\0\0"  # checkSumAdjustment, set once the whole file is known
    n = len(tables)
    power = 1 << (n.bit_length() - 1)
    out = bytearray(struct.pack(">IHHHH", version, n, 16 * power, power.bit_length() - 1, 16 * (n - power)))
    offset = 12 + 16 * n
    body = bytearray()
    for tag in sorted(tables):
        data = bytes(tables[tag])
        out += struct.pack(">4sIII", tag, _checksum(data), offset + len(body), len(data))
        body += data + b"\0" * (-len(data) % 4)
    out += body
    if b"head" in tables:
        head_at = offset + sum(len(tables[t]) + (-len(tables[t]) % 4) for t in sorted(tables) if t < b"head")
        out[head_at + 8:head_at + 12] = struct.pack(">I", (0xB1B0AFBA - _checksum(bytes(out))) & 0xFFFFFFFF)
    return bytes(out)
