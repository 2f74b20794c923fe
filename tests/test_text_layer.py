"""The PDF text layer says what the record says (issue 14, item 5): every recognised word its own word
for pdftotext (default and -raw), PDFium (Chromium's copy-paste) and pdfminer, even where the OCR
boxes touch or overlap; read back from PDF/A-1b files that Preflight accepts."""

from __future__ import annotations

import json
import subprocess
from collections import Counter
from pathlib import Path
from statistics import median

import pdfplumber
import pypdfium2
import pytest

from archivist.layerwords import MIN_WORD_GAP, place_line
from archivist.models import PageRef, PageResult, Word
from archivist.pdfa import write_pdfa
from tests.pdfcheck import assert_valid_pdfs
from tests.pdfpages import CREATED

# Boxes as Tesseract gives them on bleeding ink: touching (sửa|đổi), overlapping (cấp|tỉnh), a tall
# capital beside small letters (Ủy ban), a descender (ngày), and an ordinary gap.
WORDS = [Word("sửa", 90, (100, 100, 160, 140), 0), Word("đổi", 90, (160, 98, 215, 140), 0),
         Word("bổ", 90, (214, 100, 260, 140), 0), Word("sung", 90, (270, 108, 340, 150), 0),
         Word("cấp", 90, (352, 96, 420, 150), 0), Word("tỉnh", 90, (412, 95, 490, 140), 0),
         Word("Ủy", 90, (500, 80, 548, 140), 0), Word("ban", 90, (548, 110, 608, 140), 0),
         Word("ngày", 90, (100, 250, 190, 300), 1), Word("tháng", 90, (200, 240, 300, 290), 1),
         Word("Quyết", 90, (330, 240, 430, 290), 1), Word("định", 90, (430, 240, 510, 290), 1)]
EXPECTED = ["sửa đổi bổ sung cấp tỉnh Ủy ban", "ngày tháng Quyết định"]


def _core(token: str) -> str:
    """A token without the marks at its ends: a speck read as ``.`` or ``\u201d`` beside a word may be
    dropped, or joined to the word, by pdftotext; the word itself must be there, whole and alone."""
    start, end = 0, len(token)
    while start < end and not token[start].isalnum():
        start += 1
    while end > start and not token[end - 1].isalnum():
        end -= 1
    return token[start:end]


def _pdftotext(pdf: Path, *opts: str) -> str:
    return subprocess.run(["pdftotext", *opts, "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.fixture(scope="module")
def touching_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("layer") / "touching.pdf"
    page = PageResult(1, PageRef(Path("x.jpg"), "image"), 1000, 400, 200.0, 0, 0.0, words=WORDS)
    write_pdfa([page], out, level="1b", title="t", created=CREATED, producer="archivist test")
    return out


def test_touching_boxes_are_separate_words_for_every_reader(touching_pdf: Path) -> None:
    assert [ln.strip() for ln in _pdftotext(touching_pdf).splitlines() if ln.strip()] == EXPECTED
    assert " ".join(_pdftotext(touching_pdf, "-raw").split()) == " ".join(EXPECTED)
    doc = pypdfium2.PdfDocument(str(touching_pdf))
    try:
        pdfium = doc[0].get_textpage().get_text_range()
    finally:
        doc.close()
    assert pdfium.split() == " ".join(EXPECTED).split()
    with pdfplumber.open(touching_pdf) as pdf:
        assert sorted(w["text"] for w in pdf.pages[0].extract_words()) == sorted(" ".join(EXPECTED).split())


def test_words_stay_inside_their_boxes_and_apart(touching_pdf: Path) -> None:
    """Narrowed only at the touching ends, never beyond the OCR box sideways; every gap at least MIN_WORD_GAP;
    drawn over the line's band."""
    k = 72 / 200.0
    with pdfplumber.open(touching_pdf) as pdf:
        got = pdf.pages[0].extract_words(use_text_flow=True, keep_blank_chars=False, x_tolerance=0.5)
    assert [g["text"] for g in got] == [w.text for w in WORDS]
    for g, w in zip(got, WORDS, strict=True):
        x0, y0, x1, y1 = (v * k for v in w.bbox)
        assert x0 - 0.01 <= g["x0"] < g["x1"] <= x1 + 0.01
        assert g["x1"] - g["x0"] >= 0.39 * (x1 - x0)
    bands = {}
    for w in WORDS:  # every word of a line on the line's median band: one baseline, one font size
        line = [v.bbox for v in WORDS if v.line == w.line]
        bands[w.line] = (median(b[3] for b in line) - median(b[3] - b[1] for b in line), median(b[3] for b in line))
    for g, w in zip(got, WORDS, strict=True):
        top, bottom = (v * k for v in bands[w.line])
        assert abs(g["top"] - top) < 0.05 and abs(g["bottom"] - bottom) < 0.05
    for a, b, wa, wb in zip(got, got[1:], WORDS, WORDS[1:], strict=False):
        if wa.line == wb.line:
            size = (bands[wa.line][1] - bands[wa.line][0]) * k  # the font size both are drawn at
            assert b["x0"] - a["x1"] >= MIN_WORD_GAP * size - 0.01


def test_words_apart_stay_on_their_boxes_and_outliers_join_their_line() -> None:
    assert place_line([(0, 0, 50, 40), (70, 0, 120, 40)], 1.0) == [(0, 0, 50, 40), (70, 0, 120, 40)]
    # a word nested in the one before it is moved past it; every word of a line of three or more, a
    # speck-stretched one and a dash alike, gets the line's median height and bottom
    placed = place_line([(0, 10, 150, 50), (60, 12, 110, 50), (160, 28, 170, 31), (200, 0, 260, 130),
                         (270, 12, 330, 52)], 1.0)
    assert all(b[0] - a[2] >= MIN_WORD_GAP * 38 - 1e-6 for a, b in zip(placed, placed[1:], strict=False))
    assert {p[1:4:2] for p in placed} == {(10.0, 50.0)}


def test_touching_pdf_is_pdfa(touching_pdf: Path) -> None:
    assert_valid_pdfs([touching_pdf])


@pytest.mark.slow
def test_text_layer_equals_the_record_on_speckled_pages(tmp_path: Path) -> None:
    """End to end on generated 200 dpi speckled pages, where Tesseract's boxes often touch: no two
    words whose boxes touch run together in the PDF (pdftotext), and the PDF's words are the
    record's, page by page, compared by their letters and digits (:func:`_core`), but for at most 1%
    (a word of one line read as glued to one of the next, where their boxes meet)."""
    from archivist.pipeline import Settings, process
    from samples.generate import generate

    generate(tmp_path / "set", seed=11, n_docs=2, groups=["speckle"], max_skew=3.0, rotations=False)
    archive = tmp_path / "archive"
    report = process([tmp_path / "set" / "scans"], archive, Settings(workers=2, pdfa="1b"))
    assert not report.failures
    touching, pdfs = 0, []
    for rec_path in sorted((archive / "documents").glob("*.json")):
        rec = json.loads(rec_path.read_text(encoding="utf-8"))
        pdf = archive / rec["output"]["pdf"]
        pdfs.append(pdf)
        layer = _pdftotext(pdf).split("\f")
        for i, page in enumerate(rec["pages"]):
            ws = page["words"]
            got = Counter(c for c in map(_core, layer[i].split()) if c)
            for a, b in zip(ws, ws[1:], strict=False):
                if a[6] == b[6] and b[2] <= a[4] and _core(a[0]) and _core(b[0]):
                    touching += 1
                    assert _core(a[0] + b[0]) not in got or _core(a[0] + b[0]) in map(_core, (w[0] for w in ws))
            want = Counter(c for c in (_core(w[0]) for w in ws) if c)
            lost = sum((want - got).values())
            assert lost <= max(2.0, 0.01 * sum(want.values())), (page["number"], want - got, got - want)
    assert touching >= 3  # the case this is about did occur
    assert_valid_pdfs(pdfs)


# ---------------------------------------------------------------- the fast paths of clean_text and literal (session 26)

def _clean_text_char_by_char(text: str) -> str:
    """clean_text as it was before session 26: every character tested."""
    import unicodedata

    text = unicodedata.normalize("NFC", text)
    return "".join(c if ord(c) < 0x10000 else "\ufffd" for c in text if c.isprintable() and not c.isspace())


def _literal_byte_by_byte(text: str) -> bytes:
    """literal as it was before session 26: every byte of the codes looked up."""
    from archivist.textlayer import _ESCAPES

    return b"(" + b"".join(_ESCAPES.get(c, bytes((c,))) for c in text.encode("utf-16-be")) + b")"


def test_printable_characters_hold_no_whitespace_but_the_space() -> None:
    """What clean_text's fast path rests on, over every code point of this Python's Unicode tables."""
    assert [hex(i) for i in range(0x110000) if chr(i).isprintable() and chr(i).isspace() and chr(i) != " "] == []


def test_clean_text_and_literal_are_what_they_were() -> None:
    """Every BMP character alone and beside letters, astral ones, controls, spaces and the escaped bytes
    (a code whose high or low byte is ``(``, ``)``, ``\\``, CR or LF), and random mixtures."""
    import random

    from archivist.textlayer import clean_text, literal

    samples = [chr(i) for i in range(0x10000) if not 0xD800 <= i <= 0xDFFF]
    samples += [f"Quyết{c}định" for c in samples[::7]]
    samples += ["", " ", "a b", "\t", "x\ny", "Xã\u00a0Tân", "𝐀bc", "Hà Nội😀", "(a)", "a\\b", "\u2028", "\u0928\u0029",
                "\u0a0d", "\u285c", "e\u0301", "Đ\u0323", "\ufeffx", "\u200bx"]
    rng = random.Random(26)
    pool = "aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẠẢÃẦẤẬẨẪ()\\\r\n\t \u00a0\u0301\u0323.,;:-–—\u2028\U0001d400😀\u0a0d\u285c"
    samples += ["".join(rng.choice(pool) for _ in range(rng.randint(1, 12))) for _ in range(20000)]
    for s in samples:
        assert clean_text(s) == _clean_text_char_by_char(s), repr(s)
        if "\ud800" <= s[:1] <= "\udfff":
            continue
        t = _clean_text_char_by_char(s)
        assert literal(t) == _literal_byte_by_byte(t) and literal(s) == _literal_byte_by_byte(s), repr(s)
