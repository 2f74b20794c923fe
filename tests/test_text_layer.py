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


#: A typed invitation's header at 300 dpi put in reading order (archivist/headorder.py), as its record holds it
#: (seed 244's ``typewriter-04-gm-198``): the issuer's column's lines, then the national title's, each row's two
#: parts lines of their own, the title's a few pixels higher than the parent issuer beside it.
HEADER = [
    [("UBND", 584, 367, 704, 411), ("HUYỆN", 740, 363, 890, 408), ("THỌ", 925, 369, 1016, 416),
     ("XUÂN", 1050, 367, 1170, 408)],
    [("ỦY", 645, 425, 706, 475), ("BAN", 740, 435, 828, 476), ("NHÂN", 865, 431, 984, 476),
     ("DÂN", 1021, 431, 1109, 477)],
    [("XÃ", 659, 497, 723, 543), ("XUÂN", 753, 497, 876, 544), ("TRƯỜNG", 909, 499, 1094, 545)],
    [("Số:", 636, 606, 720, 649), ("198/GM-UBND", 767, 606, 1119, 651)],
    [("CỘNG", 1294, 361, 1417, 416), ("HÒA", 1452, 363, 1543, 409), ("XÃ", 1574, 362, 1637, 407),
     ("HỘI", 1670, 361, 1759, 416), ("CHỦ", 1793, 357, 1885, 407), ("NGHĨA", 1919, 361, 2074, 408),
     ("VIỆT", 2104, 362, 2229, 418), ("NAM", 2263, 370, 2353, 409)],
    [("Độc", 1370, 432, 1469, 484), ("lập", 1509, 432, 1604, 485), ("-", 1647, 454, 1665, 463),
     ("Tự", 1707, 434, 1777, 485), ("do", 1808, 433, 1873, 479), ("-", 1915, 453, 1933, 463),
     ("Hạnh", 1978, 429, 2108, 487), ("phúc", 2146, 427, 2275, 485)],
    [("Xã", 1173, 606, 1239, 648), ("Xuân", 1271, 607, 1401, 649), ("Trường,", 1440, 608, 1647, 658),
     ("ngày", 1696, 606, 1825, 658), ("18", 1858, 609, 1920, 650), ("tháng", 1960, 603, 2115, 658),
     ("8", 2150, 609, 2180, 650), ("năm", 2214, 606, 2310, 649), ("2005", 2343, 605, 2471, 650)],
    [("GIẤY", 1320, 766, 1457, 819), ("MỜI", 1494, 769, 1594, 820)],
]


def test_a_rows_columns_as_lines_of_their_own_share_one_band(tmp_path: Path) -> None:
    """Each row of the header cut into its columns' lines is drawn on one band (``row_mates``), as the row was
    drawn whole before: pdftotext (default) reads the issuer's column first (each part on its own band, it read the
    national title, a few pixels higher, after the issuer's second line); ``-raw`` reads the record's order; lines
    above and below are no row mates."""
    from archivist.layerwords import row_mates

    boxes = [[w[1:] for w in line] for line in HEADER]
    mates = row_mates(boxes)
    assert mates[0] == boxes[4] and mates[4] == boxes[0] and mates[3] == boxes[6] and mates[7] == []
    words = [Word(w[0], 90, w[1:], n) for n, line in enumerate(HEADER) for w in line]
    pdf = tmp_path / "row.pdf"
    write_pdfa([PageResult(1, PageRef(Path("x.png"), "image"), 2764, 3629, 300.0, 0, 0.0, words=words)], pdf,
               level="1b", title="t", created=CREATED, producer="test")
    lines = [ln.split() for ln in _pdftotext(pdf).splitlines() if ln.strip()]
    assert lines[:3] == [["UBND", "HUYỆN", "THỌ", "XUÂN"], ["ỦY", "BAN", "NHÂN", "DÂN"], ["XÃ", "XUÂN", "TRƯỜNG"]]
    assert _pdftotext(pdf, "-raw").split() == [w.text for w in words]
