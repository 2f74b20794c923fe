"""The text layer says what the record says on typewritten and speckled pages (issue 14, item 5): words
taken, boxes and all, from real pages of the hard-group sets where pdftotext read the layer otherwise
than the record (bench/layer_check.py on seeds 30-42, bench/RESULTS.md "Text layer on typewriter and
speckled pages"), one page per cause, each read back from one PDF/A-1b that Preflight accepts."""

from __future__ import annotations

import subprocess
from collections import Counter
from pathlib import Path

import pypdfium2
import pytest

from archivist.layerwords import APART, MIN_ADVANCE, SOLO_GAP, place_line, place_page
from archivist.models import PageRef, PageResult, Word
from archivist.pdfa import write_pdfa
from tests.pdfcheck import assert_valid_pdfs
from tests.pdfpages import CREATED

# (cause, dpi, page width, page height, [(text, line, x0, y0, x1, y1)])
CASES = [
    # a line that ends in a hyphen: pdftotext dropped it and joined the next line ("`SĐặng", PDFium too), and
    # the lone "-" of "Văn phòng - / Thống kê" vanished (typewriter-10-kh-143 page 2, seed 40; typewriter-09-kh-074)
    ("hyphen ends a line", 200.0, 1919, 2457,
     [("`S-", 13, 1087, 990, 1238, 1031), ("Đặng", 14, 1158, 1042, 1245, 1079), ("Diệu", 14, 1270, 1042, 1352, 1078),
      ("Nhung", 14, 1377, 1043, 1482, 1078)]),
    ("lone dash at a line's end", 300.0, 2480, 3508,
     [("25/08/2016;", 20, 376, 2015, 718, 2065), ("kết", 20, 767, 2014, 853, 2059), ("quả", 20, 894, 2014, 987, 2070),
      ("tổng", 20, 1025, 2012, 1147, 2068), ("hợp", 20, 1187, 2016, 1278, 2069), ("gửi", 20, 1315, 2015, 1408, 2067),
      ("về", 20, 1444, 2013, 1504, 2058), ("bộ", 20, 1543, 2015, 1602, 2064), ("pñện", 20, 1641, 2015, 1763, 2069),
      ("Văn", 20, 1799, 2016, 1892, 2058), ("phòng", 20, 1932, 2017, 2087, 2069), ("-", 20, 2131, 2036, 2148, 2043),
      ("Thống", 21, 377, 2082, 530, 2134), ("kê", 21, 572, 2082, 630, 2126), ("để", 21, 667, 2078, 727, 2125),
      ("báo", 21, 766, 2083, 856, 2125), ("cáo", 21, 895, 2083, 987, 2126), ("Ủy", 21, 1024, 2075, 1084, 2133),
      ("ban", 21, 1122, 2084, 1211, 2127), ("nhân", 21, 1252, 2082, 1373, 2124), ("da::", 21, 1413, 2082, 1502, 2125),
      ("huy", 21, 1543, 2083, 1619, 2134), ("ệ::.", 21, 1619, 2083, 1721, 2134)]),
    # a speck's word 4 px wide drawn at its line's 39 px band: glyphs under a tenth of the font size apart
    # are fake bold to pdftotext, which kept one of two alike ("__" -> "_", "CC" -> "C"; speckle-24-ttr-233)
    ("glyphs closer than fake bold", 200.0, 1929, 2462,
     [("ỦY", 1, 459, 272, 508, 304), ("BAN", 1, 521, 279, 593, 303), ("NHÂN", 1, 612, 271, 701, 310),
      ("DÂN", 1, 723, 271, 795, 317), ("__", 1, 951, 307, 955, 310), ("Độc", 1, 1024, 269, 1093, 311),
      ("lập-", 1, 1105, 271, 1177, 311), ("Tự", 1, 1186, 276, 1238, 318), ("do", 1, 1248, 276, 1287, 315),
      ("-", 1, 1299, 292, 1309, 295), ("Hạnh", 1, 1331, 271, 1408, 311), ("phúc", 1, 1425, 276, 1505, 311)]),
    ("two alike in 4 px", 200.0, 1714, 2350,
     [("XÃ", 2, 411, 284, 455, 323), ("MỸ", 2, 477, 282, 518, 339), ("LỘC", 2, 537, 283, 609, 321),
      ("XI", 2, 1011, 287, 1014, 289), ("CC", 2, 1117, 286, 1121, 291), ("S0", 2, 1204, 287, 1207, 290),
      ("2", 2, 1246, 281, 1255, 333), ("SPC", 2, 1290, 285, 1309, 287), ("củ", 2, 1320, 281, 1335, 333)]),
    # a box of no height (Tesseract's, on a speck): the word was left out of the layer (speckle-20-qd-170)
    ("box of no height", 200.0, 1654, 2339,
     [("XÃ", 3, 372, 271, 420, 301), ("HÒA", 3, 440, 262, 501, 323), ("BÌNH", 3, 521, 271, 611, 320),
      ("SA", 3, 1184, 273, 1231, 273), ("co", 3, 1283, 265, 1314, 311), ("3", 3, 1409, 300, 1416, 308)]),
    # two one-glyph words 5 px apart: pdftotext takes a line of one-glyph words for letter-spaced text
    # ("Í:", clean-04-bc-134 page 2; "((", clean-02-tb-071 page 2)
    ("one-glyph words", 300.0, 2593, 3537,
     [("-", 12, 414, 1443, 429, 1449), ("Phòng", 12, 443, 1422, 570, 1470), ("Nội", 12, 583, 1423, 657, 1467),
      ("vụ", 12, 669, 1434, 720, 1467), ("huyện;", 12, 732, 1422, 865, 1470), ("Í", 12, 1428, 1404, 1449, 1464),
      (":", 12, 1454, 1437, 1462, 1441), ("⁄⁄⁄", 12, 1702, 1418, 2002, 1532)]),
    ("one-glyph brackets", 300.0, 2920, 3706,
     [("-", 14, 621, 1673, 634, 1677), ("Lưu:", 14, 650, 1654, 741, 1687), ("VT,", 14, 758, 1654, 829, 1694),
      ("VP.", 14, 846, 1654, 913, 1687), ("(", 14, 1624, 1650, 1665, 1790), ("(", 14, 1680, 1675, 1707, 1763),
      ("hộ", 14, 1790, 1621, 1870, 1788)]),
    # a line of specks Tesseract found under a line of text, its band's baseline 7 px below the text's:
    # pdftotext read the two as one line and "]" under "Thị" as part of it (typewriter-11-gm-210, seed 40)
    ("speck line under a line", 300.0, 2480, 3508,
     [("phủ", 11, 530, 1332, 620, 1377), ("trì:", 11, 678, 1335, 790, 1377), ("Bồng", 11, 853, 1333, 945, 1376),
      ("chí", 11, 1034, 1332, 1125, 1377), ("Trịnh", 11, 1179, 1332, 1335, 1376), ("Thị", 11, 1390, 1332, 1483, 1376),
      ("Linh,", 11, 1541, 1332, 1660, 1376), ("chủ", 11, 1749, 1332, 1839, 1377), ("tịch", 11, 1897, 1332, 2017, 1377),
      ("Ủy", 11, 2074, 1326, 2100, 1375), ("ban", 11, 2189, 1336, 2278, 1377), ("g", 12, 953, 1346, 977, 1387),
      ("]", 12, 1467, 1377, 1473, 1382), ("Ị", 12, 1938, 1377, 1944, 1382), ("vỳ", 12, 2105, 1346, 2134, 1386)]),
    # a table cell's word nested under the line above it ("Thựctháng", tables-27-bc-131)
    ("cell nested in the line above", 200.0, 1654, 2339,
     [("Thực", 23, 1110, 1405, 1182, 1459), ("hiện", 23, 1195, 1405, 1258, 1459), ("9", 23, 1265, 1411, 1282, 1435),
      ("tháng", 24, 1158, 1449, 1239, 1481)]),
    # a word nested in the one before it, moved past it and widened, reached past the page's right edge,
    # where pdftotext drops glyphs (faded-15-qd-067, 1654 px wide)
    ("at the page's right edge", 200.0, 1654, 2339,
     [("ggHuÁ", 4, 1591, 215, 1614, 238), ("k2————S", 4, 1601, 150, 1608, 210)]),
]


def _pages() -> list[PageResult]:
    return [PageResult(i + 1, PageRef(Path(f"p{i}.jpg"), "image"), w, h, dpi, 0, 0.0,
                       words=[Word(t, 90, (x0, y0, x1, y1), ln) for t, ln, x0, y0, x1, y1 in words])
            for i, (_, dpi, w, h, words) in enumerate(CASES)]


@pytest.fixture(scope="module")
def cases_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("layerpages") / "cases.pdf"
    write_pdfa(_pages(), out, level="1b", title="t", created=CREATED, producer="archivist test")
    return out


def _pdftotext(pdf: Path, page: int, *opts: str) -> str:
    return subprocess.run(["pdftotext", *opts, "-f", str(page), "-l", str(page), "-enc", "UTF-8", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("i", range(len(CASES)), ids=[c[0] for c in CASES])
def test_every_word_is_read_back_as_it_is(cases_pdf: Path, i: int) -> None:
    """pdftotext (as bench/layer_check.py reads it), its -raw mode and PDFium (copy-paste) give the record's
    words, each alone: no word lost, none joined to another, no glyph dropped."""
    want = Counter(w[0] for w in CASES[i][4])
    assert Counter(_pdftotext(cases_pdf, i + 1).split()) == want
    assert Counter(_pdftotext(cases_pdf, i + 1, "-raw").split()) == want
    doc = pypdfium2.PdfDocument(str(cases_pdf))
    try:
        assert Counter(doc[i].get_textpage().get_text_range().split()) == want
    finally:
        doc.close()


def test_cases_pdf_is_pdfa(cases_pdf: Path) -> None:
    assert_valid_pdfs([cases_pdf])


def test_narrow_words_are_widened_into_the_room_beside_them() -> None:
    """``__`` (4 px, 2 glyphs) on a 39 px band gets the width of 2 glyphs at MIN_ADVANCE of the font size,
    grown to the right, where there is room; its neighbours stay on their boxes."""
    boxes = [(723, 271, 795, 317), (951, 307, 955, 310), (1024, 269, 1093, 311)]
    placed = place_line(boxes, 1.0, [3, 2, 3])
    size = placed[1][3] - placed[1][1]
    assert placed[1][0] == 951 and placed[1][2] - placed[1][0] == pytest.approx(2 * MIN_ADVANCE * size)
    assert [p[0::2] for p in (placed[0], placed[2])] == [(723, 795), (1024, 1093)]


def test_one_glyph_words_are_kept_apart_and_inside_the_page() -> None:
    placed = place_line([(1428, 1404, 1449, 1464), (1454, 1437, 1462, 1441), (1480, 1420, 1490, 1466)], 1.0, [1, 1, 1])
    size = placed[0][3] - placed[0][1]
    assert all(b[0] - a[2] >= SOLO_GAP * size - 1e-6 for a, b in zip(placed, placed[1:], strict=False))
    assert max(p[2] for p in place_line([(1591, 215, 1614, 238), (1601, 150, 1608, 210)], 1.0, [5, 8], 1654)) <= 1654


def test_a_line_read_as_one_with_the_line_before_is_moved_off_it() -> None:
    """The speck line under ``Thị`` is moved down, whole, to APART of the text's font size below it."""
    text = ([(1390, 1332, 1483, 1376), (1541, 1332, 1660, 1376), (1749, 1332, 1839, 1377)], [3, 5, 3])
    specks = ([(953, 1346, 977, 1387), (1467, 1377, 1473, 1382), (1938, 1377, 1944, 1382)], [1, 1, 1])
    first, second = place_page([text, specks], 1.0, 2480, 3508)
    size = first[0][3] - first[0][1]
    assert [p[3] for p in second] == pytest.approx([first[0][3] + APART * size] * 3)
    assert place_page([text, ([(953, 1450, 977, 1480)], [1])], 1.0, 2480, 3508)[1] == [(953, 1450, 977, 1480)]
