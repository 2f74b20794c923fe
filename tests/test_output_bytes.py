"""What a PDF adds to the scan stays small (issue 16, output bytes): the compact text layer still gives
every reader every word, grey documents carry a grey output intent instead of sRGB, colour documents
keep sRGB, and every variant is PDF/A-1b and 2b in PDFBox Preflight."""

from __future__ import annotations

import json
import subprocess
import zlib
from pathlib import Path

import pikepdf
import pypdfium2
import pytest
from PIL import Image

from archivist.metrics import bag_of_words_error
from archivist.models import ImagePayload, PageRef, PageResult, Word
from archivist.payload import encode_lossless, g4_payload
from archivist.pdfa import write_pdfa
from archivist.preflight import PART_ONLY
from archivist.textlayer import text_layer
from tests.pdfcheck import assert_valid_pdfs, preflight
from tests.pdfpages import CREATED, upright_page

# Vietnamese letters whose UTF-16 code holds a byte PDF strings must escape: ĩ/Ĩ (U+0129/0128: ")" "("),
# Ŝ (U+015C: "\"), č (U+010D: CR), Ċ (U+010A: LF); and the ASCII ones themselves.
ESCAPED = [Word("nghĩa", 90, (100, 100, 220, 140), 0), Word("KĨ", 90, (240, 100, 300, 140), 0),
           Word("(số)", 90, (320, 100, 420, 140), 0), Word("a\\b", 90, (440, 100, 520, 140), 0),
           Word("čĊŜ", 90, (100, 200, 200, 240), 1), Word("ũĩ", 90, (220, 200, 300, 240), 1)]


def _words(pdf: Path) -> list[str]:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout.split()


def _write(tmp: Path, name: str, payloads: list[ImagePayload | None], level: str, words=ESCAPED) -> Path:
    out = tmp / f"{name}-{level}.pdf"
    pages = [PageResult(i + 1, PageRef(Path("x.png"), "image"), p.width if p else 1300, p.height if p else 900,
                        200.0, 0, 0.0, words=list(words), image=p) for i, p in enumerate(payloads)]
    write_pdfa(pages, out, level=level, title="t", created=CREATED, producer="archivist test")
    return out


def _intent(pdf_path: Path) -> tuple[int, bytes]:
    with pikepdf.open(pdf_path) as pdf:
        profile = pdf.Root.OutputIntents[0].DestOutputProfile
        return int(profile.N), profile.read_bytes()[16:20]


def test_escaped_letters_reach_every_reader(tmp_path: Path) -> None:
    pdf = _write(tmp_path, "escaped", [None], "1b")
    expected = [w.text for w in ESCAPED]
    assert _words(pdf) == expected
    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        assert doc[0].get_textpage().get_text_range().split() == expected
    finally:
        doc.close()


def test_text_layer_is_written_compactly() -> None:
    """One BT, no absolute Tm per word, literal strings (no hex), one Tf per change of size."""
    words = [Word(f"từ{i}", 90, (100 + 90 * (i % 20), 100 + 50 * (i // 20), 170 + 90 * (i % 20), 140 + 50 * (i // 20)),
                  i // 20) for i in range(200)]
    ops = text_layer(words, 2480, 3000, 300.0)
    assert ops.count(b"BT") == 1 and b" Tm" not in ops and b"<" not in ops
    assert ops.count(b" Tf") == 1  # every box is 40 px high
    assert ops.count(b" Tj") == 200 + 190  # each word, and a space after all but a line's last
    assert len(zlib.compress(ops, 9)) / len(words) < 10


@pytest.mark.parametrize("level", ["1b", "2b"])
def test_grey_intent_for_grey_documents_srgb_for_colour(tmp_path: Path, level: str) -> None:
    grey = Image.fromarray(upright_page(1, False))
    bilevel = g4_payload(grey.point(lambda v: 255 if v > 128 else 0).convert("1"))
    colour = encode_lossless(Image.fromarray(upright_page(1, True)))
    docs = {"grey": ([encode_lossless(grey)], 1), "bilevel": ([bilevel], 1), "no-image": ([None], 1),
            "colour": ([colour], 3), "grey-and-colour": ([bilevel, colour], 3)}
    files = {name: _write(tmp_path, name, pages, level) for name, (pages, _) in docs.items()}
    for name, (_, n) in docs.items():
        assert _intent(files[name]) == ((1, b"GRAY") if n == 1 else (3, b"RGB ")), name
        assert _words(files[name]) == [w.text for w in ESCAPED] * len(docs[name][0])
    assert files["bilevel"].stat().st_size < files["colour"].stat().st_size
    verdicts = preflight(list(files.values()))
    expected = [] if level == "1b" else [PART_ONLY]  # Preflight checks 1b rules; a clean 2b gets only this
    assert {f.stem: v for f, v in verdicts.items()} == {f.stem: expected for f in files.values()}


@pytest.mark.slow
def test_archive_pdfs_grey_intent_compact_layer_and_valid(archive_1b) -> None:
    """End to end on generated scans: the intent follows the page images, the XMP has no padding, the
    text layer is one BT of literal strings and gives pdftotext the record's words."""
    archive, _ = archive_1b
    pdfs, kinds = [], set()
    for rec_path in sorted((archive / "documents").glob("*.json")):
        rec = json.loads(rec_path.read_text(encoding="utf-8"))
        path = archive / rec["output"]["pdf"]
        pdfs.append(path)
        colour = any(p["image"]["colorspace"] == "DeviceRGB" for p in rec["pages"])
        kinds.add(colour)
        assert _intent(path)[0] == (3 if colour else 1), path
        with pikepdf.open(path) as pdf:
            assert b"      \n<?xpacket end" not in pdf.Root.Metadata.read_bytes()
            for page, prec in zip(pdf.pages, rec["pages"], strict=True):
                content = page.Contents.read_bytes()
                if prec["words"]:
                    assert content.count(b"BT") == 1 and b" Tm" not in content
        record_words = " ".join(w[0] for p in rec["pages"] for w in p["words"])
        assert bag_of_words_error(record_words, " ".join(_words(path))) <= 0.001, path
    assert kinds == {False, True}  # the set holds both grey and colour documents
    assert_valid_pdfs(pdfs)


def test_without_a_grey_profile_grey_documents_keep_srgb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A PC without Gray-CIE_L.icc still writes a valid PDF/A for grey pages, under sRGB as before."""
    import archivist.pdfa as pdfa

    monkeypatch.setitem(pdfa.ICC_PROFILES, "grey", (str(tmp_path / "missing.icc"), 1, "Gray"))
    pdfa._icc_profile.cache_clear()
    try:
        pdf = _write(tmp_path, "fallback", [encode_lossless(Image.fromarray(upright_page(2, False)))], "1b")
    finally:
        pdfa._icc_profile.cache_clear()
    assert _intent(pdf) == (3, b"RGB ")
    assert_valid_pdfs([pdf])


def test_words_land_on_their_boxes_within_a_fraction_of_a_pixel(tmp_path: Path) -> None:
    """The layer's shorter numbers move no box: read back by ``pdftotext -bbox-layout``, each word starts at
    most LAND_PT past its box's left (never before it) and ends at most FIT_PT inside its right, so
    rounded to the scan's pixels it is the OCR's box; the words after a line's first need no ``Td``."""
    from archivist.textlayer import FIT_PT, LAND_PT
    from bench.layer_boxes import page_boxes

    rng = __import__("random").Random(7)
    words, x = [], 60
    for i in range(40):  # five lines of eight words: widths, gaps and letters of every kind
        if i % 8 == 0:
            x = 60 + rng.randrange(40)
        text = "".join(rng.choice("aăâbcdđeêghiklmnoôơpqrstuưvxyỹ0123456789") for _ in range(rng.randrange(1, 8)))
        width = len(text) * rng.uniform(14, 32)
        top = 100 + 70 * (i // 8)
        words.append(Word(text, 90, (x, top, int(x + width), top + 44), i // 8))
        x = int(x + width) + rng.randrange(12, 60)
    page = PageResult(1, PageRef(Path("x.png"), "image"), 2480, 3508, 300.0, 0, 0.0, words=words)
    pdf = tmp_path / "boxes.pdf"
    write_pdfa([page], pdf, level="1b", title="t", created=CREATED, producer="archivist test")
    got = sorted(page_boxes(pdf, 300.0), key=lambda g: (round(g[2]), g[1]))  # pdftotext's order is its own
    assert [g[0] for g in got] == [w.text for w in words]
    px = 300.0 / 72.0  # pixels a point
    for g, w in zip(got, words, strict=True):
        assert w.bbox[0] - 1e-3 <= g[1] <= w.bbox[0] + LAND_PT * px + 1e-3, (g, w)
        assert w.bbox[2] - FIT_PT * px - 1e-3 <= g[3] <= w.bbox[2] + 1e-3, (g, w)
        assert [round(v) for v in (g[1], g[3])] == [w.bbox[0], w.bbox[2]]
    assert text_layer(words, 2480, 3508, 300.0).count(b" Td") == 5  # one per line


def test_font_program_keeps_only_the_tables_a_pdf_reads(tmp_path: Path) -> None:
    """``pdf.ttf`` without cmap, name, OS/2 and post: a well-formed sfnt (every table's checksum and the
    whole file's), the glyph tables unchanged; embedded as it is, without a CIDSet (not a subset), the
    PDF valid PDF/A-1b (the PDFs above read through pdftotext and PDFium with it)."""
    import struct

    from archivist.pdfa import FONT_CANDIDATES, _find
    from archivist.sfnt import PDF_TABLES, _checksum, keep_tables

    full = _find(FONT_CANDIDATES, "TESSDATA_PREFIX", "pdf.ttf").read_bytes()

    def tables(font: bytes) -> dict[bytes, bytes]:
        n = struct.unpack(">H", font[4:6])[0]
        out = {}
        for i in range(n):
            tag, check, offset, length = struct.unpack(">4sIII", font[12 + 16 * i:28 + 16 * i])
            data = font[offset:offset + length]
            assert tag == b"head" or _checksum(data) == check, tag
            out[tag] = data
        return out

    small = keep_tables(full)
    before, after = tables(full), tables(small)
    assert set(after) == set(before) & PDF_TABLES and b"glyf" in after and len(small) < len(full) / 2
    assert all(after[t] == before[t] for t in after if t != b"head")
    assert after[b"head"][:8] == before[b"head"][:8] and after[b"head"][12:] == before[b"head"][12:]
    assert _checksum(small) == 0xB1B0AFBA
    pdf = _write(tmp_path, "font", [None], "1b")
    with pikepdf.open(pdf) as doc:
        descriptor = doc.pages[0].Resources.Font.F0.DescendantFonts[0].FontDescriptor
        assert descriptor.FontFile2.read_bytes() == small and "/CIDSet" not in descriptor
    assert_valid_pdfs([pdf])
