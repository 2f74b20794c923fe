"""The header's left column read on after the right column put back under its first lines
(archivist/headleft.py), on word boxes as Tesseract gave them for a typeset letter, and end to end on a generated
two-column scan through ``archivist process``."""

from __future__ import annotations

from pathlib import Path

import pytest

from archivist import pagework
from archivist.headleft import header_left_rest, left_rest
from archivist.headorder import _lines
from archivist.models import Word
from archivist.ocr import OcrResult
from archivist.ocrfix import text_of
from tests.test_footorder import boxed as page

#: A typeset official letter's first lines at 300 dpi as Tesseract read them (generated seed 495's
#: ``twocol-08-cv-121-xuan-truong``, words and boxes as its base record holds them): the issuer's column to
#: ``Số:``, the national title's column, then the ``V/v`` subject, which stands under ``Số:`` beside the place and
#: date, read after them; then ``Kính gửi:`` centred on the page.
LETTER = [
    [("UBND", 615, 404, 764, 440), ("HUYỆN", 781, 392, 966, 448), ("THỌ", 983, 403, 1091, 448),
     ("XUÂN", 1107, 392, 1260, 440)],
    [("ỦY", 684, 462, 760, 510), ("BAN", 776, 473, 888, 509), ("NHÂN", 903, 462, 1060, 509),
     ("DÂN", 1076, 462, 1191, 509)],
    [("XÃ", 688, 532, 764, 579), ("XUÂN", 779, 532, 933, 580), ("TRƯỜNG", 948, 533, 1187, 580)],
    [("Số:", 727, 648, 792, 689), ("121/UBND-ĐC", 814, 652, 1148, 689)],
    [("CỘNG", 1292, 392, 1450, 450), ("HOÀ", 1466, 393, 1588, 440), ("XÃ", 1603, 392, 1679, 439),
     ("HỘI", 1694, 392, 1796, 450), ("CHỦ", 1814, 392, 1931, 440), ("NGHĨA", 1946, 392, 2127, 440),
     ("VIỆT", 2143, 392, 2273, 450), ("NAM", 2288, 403, 2414, 439)],
    [("Độc", 1499, 468, 1593, 521), ("lập", 1610, 468, 1684, 521), ("-", 1703, 493, 1718, 498),
     ("Tự", 1736, 471, 1809, 521), ("do", 1825, 469, 1882, 510), ("-", 1901, 493, 1916, 498),
     ("Hạnh", 1934, 469, 2070, 521), ("phúc", 2087, 468, 2206, 521)],
    [("Xuân", 1386, 718, 1508, 760), ("Trường,", 1529, 718, 1709, 771), ("ngày", 1729, 718, 1840, 771),
     ("3", 1854, 721, 1881, 760), ("tháng", 1899, 718, 2027, 771), ("4", 2044, 721, 2072, 759),
     ("năm", 2089, 719, 2184, 760), ("2005", 2202, 720, 2316, 760)],
    [("V/v", 584, 743, 660, 779), ("đôn", 676, 742, 751, 779), ("đốc", 767, 741, 838, 779),
     ("thu", 854, 742, 919, 779), ("nộp", 934, 742, 1009, 789), ("thuế", 1025, 741, 1114, 779),
     ("sử", 1128, 743, 1177, 779), ("dụng", 1190, 742, 1291, 789)],
    [("đất", 623, 806, 684, 844), ("phi", 698, 807, 762, 854), ("nông", 778, 807, 880, 854),
     ("nghiệp", 895, 807, 1033, 854), ("năm", 1050, 808, 1136, 844), ("2005", 1153, 808, 1253, 844)],
    [("Kính", 1006, 940, 1119, 981), ("gửi:", 1137, 941, 1222, 993), ("Trưởng", 1243, 941, 1414, 993),
     ("các", 1431, 940, 1505, 982), ("thôn,", 1522, 940, 1635, 990), ("ấp", 1655, 939, 1706, 993),
     ("trên", 1723, 940, 1811, 982), ("địa", 1829, 941, 1896, 990), ("bàn", 1912, 940, 1995, 982),
     ("xã.", 2012, 942, 2076, 982)],
]
READING = ["UBND HUYỆN THỌ XUÂN", "ỦY BAN NHÂN DÂN", "XÃ XUÂN TRƯỜNG", "Số: 121/UBND-ĐC",
           "V/v đôn đốc thu nộp thuế sử dụng", "đất phi nông nghiệp năm 2005", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
           "Độc lập - Tự do - Hạnh phúc", "Xuân Trường, ngày 3 tháng 4 năm 2005",
           "Kính gửi: Trưởng các thôn, ấp trên địa bàn xã."]


def test_subject_read_after_the_right_column_comes_back_under_the_number() -> None:
    words = page(LETTER)
    assert left_rest(_lines(words), 0) == (4, 7, 9)  # the right block from line 4, the left column's rest 7-8
    out = header_left_rest(words)
    assert text_of(out).split("\n") == READING
    assert sorted((w.text, w.bbox, w.conf) for w in out) == sorted((w.text, w.bbox, w.conf) for w in words)
    assert [w.line for w in out] == sorted(w.line for w in out)  # lines numbered in their new order


def test_the_header_parser_finds_the_same_number_subject_and_date_in_either_order() -> None:
    from archivist.layout import parse_header
    from archivist.ocrtext import PageText, page_lines

    def parsed(words: list[Word]) -> tuple:
        h = parse_header(page_lines(PageText(1, text_of(words), words)))
        return (h.number.line.text if h.number else None, [ln.text for ln in h.vv],
                h.placedate.line.text if h.placedate else None, [ln.text for ln in h.issuer])

    words = page(LETTER)
    assert parsed(header_left_rest(words)) == parsed(words)
    assert parsed(words)[1] == ["V/v đôn đốc thu nộp thuế sử dụng", "đất phi nông nghiệp năm 2005"]


def test_a_header_already_in_order_and_a_body_page_are_left_as_read() -> None:
    in_order = page([*LETTER[:4], *LETTER[7:9], *LETTER[4:7], LETTER[9]])
    assert header_left_rest(in_order) is in_order
    body = page([[("Thực", 300, 100 + 60 * n, 380, 140 + 60 * n), ("hiện", 404, 100 + 60 * n, 2400, 140 + 60 * n)]
                 for n in range(8)])
    assert header_left_rest(body) is body


def test_a_line_centred_on_the_page_or_far_under_the_column_is_not_the_left_columns() -> None:
    """``Kính gửi:`` right after the right block, reaching past its left edge, is no subject; nor is a short line
    left of it that stands 3 heights under ``Số:`` (the body's first line, a list's label)."""
    wide = page([*LETTER[:7], LETTER[9]])
    assert header_left_rest(wide) is wide
    low = [[(t, x0, y0 + 120, x1, y1 + 120) for t, x0, y0, x1, y1 in LETTER[7]]]
    far = page([*LETTER[:7], *low])
    assert header_left_rest(far) is far


def test_in_reading_order_puts_the_subject_back() -> None:
    words = page(LETTER)
    out = pagework.in_reading_order(OcrResult(words=words, text=text_of(words)))
    assert out.text.split("\n") == READING


@pytest.mark.slow
def test_generated_letter_subject_read_in_order_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Seed 495's eighth two-column document (``generate.py --docs 8 --groups twocol``: an official letter of Xuân
    Trường, one page) through ``archivist process``: its record reads the ``V/v`` subject under ``Số:``, before the
    national title, where without the rule it came after the place and date; the same words either way, fewer
    words out of order, the PDF/A's text layer in the record's order (``pdftotext -raw``), PDF/A-1b valid, and the
    same subject stored."""
    import json

    from tests.rereadcheck import assert_reordered, typed_both_ways

    done = typed_both_ways(tmp_path, 495, lambda: monkeypatch.setattr(pagework, "header_left_rest", lambda w: w),
                           doc=8, group="twocol", docs=8)
    lines = assert_reordered(done, tmp_path).split("\n")
    assert lines.index(next(ln for ln in lines if ln.startswith("V/v"))) < lines.index(
        next(ln for ln in lines if ln.startswith("CỘNG")))
    subjects = {name: json.loads(next((tmp_path / name / "documents").glob("*.json")).read_text(encoding="utf-8"))[
        "metadata"].get("subject") for name in ("with", "without")}
    assert subjects["with"] == subjects["without"] and "đôn đốc" in (subjects["with"] or "")
