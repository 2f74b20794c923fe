"""A faded body line's right part, read as a block of its own after the lines under it, put back on its line
(archivist/lineorder.py): on word boxes as the page stage read them for a generated faded page, on a header and a
footer read as blocks (left as read), and end to end on a generated faded scan through ``archivist process``."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from archivist.lineorder import continues, faded_lines, rejoin_lines
from archivist.models import Word
from archivist.ocr import OcrResult
from archivist.ocrfix import text_of
from archivist.restore import Prepared

#: Seed 284's ``faded-08-tb-198-binh-minh`` page 2 as ``pagework._read`` gave it (words and boxes at 300 dpi): a
#: pale patch after ``nhi`` (``nhiệm``) left the line's right part a block of its own, read after the line under it.
FADED = [
    [("vận", 362, 329, 438, 377), ("động", 455, 329, 561, 381), ("nhân", 576, 329, 679, 370),
     ("dân", 695, 329, 770, 370), ("tích", 785, 329, 866, 371), ("tham", 970, 330, 1077, 371),
     ("thực", 1172, 330, 1265, 378), ("hiện,", 1280, 328, 1384, 378), ("đảm", 1491, 330, 1583, 370),
     ("ra.", 1946, 341, 1998, 370)],
    [("14.", 516, 432, 577, 470), ("Trưởng", 592, 429, 754, 482), ("ấp", 767, 427, 817, 482),
     ("Mỹ", 833, 432, 878, 470), ("”“Ehuận", 980, 429, 1058, 478), ("chịu", 1073, 429, 1163, 478),
     ("trách", 1178, 428, 1286, 471), ("nhi", 1301, 431, 1365, 469)],
    [("từng", 363, 497, 460, 549), ("hộ", 474, 497, 527, 545), ("gia", 542, 500, 606, 549),
     ("đình", 621, 496, 716, 539), ("và", 730, 497, 780, 539), ("niêm", 795, 496, 902, 539),
     ("yếFtại", 916, 500, 1045, 550), ("nhà", 1063, 497, 1140, 538), ("văn", 1154, 498, 1232, 538)],
    [("thông", 1449, 429, 1571, 481), ("báo", 1585, 429, 1662, 470), ("rộng", 1676, 428, 1775, 481),
     ("rãi", 1789, 431, 1844, 470), ("nội", 1861, 428, 1927, 478), ("dung", 1942, 430, 2049, 481),
     ("này", 2064, 429, 2141, 481), ("đến", 2155, 427, 2232, 470)],
    [("15.", 517, 600, 577, 638), ("Ban", 594, 600, 679, 638), ("Chỉ", 695, 598, 771, 639),
     ("đạo", 785, 598, 862, 646), ("thực", 2136, 598, 2229, 645)],
]


def words_of(lines: list[list[tuple[str, int, int, int, int]]]) -> list[Word]:
    return [Word(t, 90.0, (x0, y0, x1, y1), n) for n, line in enumerate(lines) for t, x0, y0, x1, y1 in line]


def test_the_right_part_read_after_the_line_under_it_goes_back_on_its_line() -> None:
    words = words_of(FADED)
    out = rejoin_lines(words)
    lines = text_of(out).split("\n")
    assert lines[1] == "14. Trưởng ấp Mỹ ”“Ehuận chịu trách nhi thông báo rộng rãi nội dung này đến"
    assert lines[2].startswith("từng hộ") and lines[3].startswith("15.") and len(lines) == 4
    assert sorted((w.text, w.bbox) for w in out) == sorted((w.text, w.bbox) for w in words)  # no word changed
    assert [w.line for w in out] == sorted(w.line for w in out)


def test_lines_in_order_and_columns_read_as_blocks_are_left_as_read() -> None:
    body = words_of([FADED[0], FADED[1], FADED[2], FADED[4]])
    assert rejoin_lines(body) is body
    # a typeset header read as blocks: the issuer's column, then the national title's on the same rows
    header = words_of([[("UBND", 300, 195, 382, 225), ("HUYỆN", 406, 195, 506, 225)],
                       [("ỦY", 362, 240, 405, 270), ("BAN", 426, 240, 486, 270)],
                       [("CỘNG", 785, 195, 868, 225), ("HÒA", 891, 195, 954, 225)]])
    assert rejoin_lines(header) is header
    # a footer read as blocks: the recipients, then the signature block far right of them
    footer = words_of([[("Nơi", 300, 1000, 360, 1030), ("nhận:", 370, 1000, 450, 1030)],
                       [("-", 300, 1045, 310, 1075), ("Như", 320, 1045, 380, 1075), ("trên;", 390, 1045, 470, 1075)],
                       [("Phó", 1500, 1000, 1570, 1030), ("chủ", 1580, 1000, 1650, 1030),
                        ("tịch", 1660, 1000, 1730, 1030)]])
    assert rejoin_lines(footer) is footer
    marks = [list(line) for line in (FADED[1], FADED[2], [("%", 1449, 429, 1470, 481)])]
    assert not continues([words_of([line])for line in marks], 0, 2)  # a speck's row beside it: no line's part
    assert continues([words_of([line]) for line in FADED[1:4]], 0, 2)


def test_only_a_faded_page_without_a_grid_is_looked_at() -> None:
    words = words_of(FADED)
    ocr = OcrResult(words, text_of(words), 90.0)
    page = np.full((100, 100), 255, np.uint8)
    faded = Prepared(page, 300.0, [], [], before_contrast=page)
    assert faded_lines(ocr, faded).text.split("\n")[1].endswith("này đến")
    assert faded_lines(ocr, Prepared(page, 300.0, [], [])) is ocr  # not faded
    assert faded_lines(ocr, Prepared(page, 300.0, [object()], [], before_contrast=page)) is ocr  # a table's grid


@pytest.mark.slow
def test_faded_line_read_in_two_blocks_comes_back_in_order_end_to_end(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Seed 284's eighth faded document (``generate.py --docs 8 --groups faded``: a notice of Bình Minh, two pages)
    through ``archivist process``: on page 2 the line ``14. Trưởng ấp … nhiệm thông báo … đến`` is read whole, where
    without the rule its right part came after the line under it; the same words either way, fewer lost in reading
    order; the PDF/A's text layer in the record's order (``pdftotext -raw``), PDF/A-1b valid."""
    from archivist import lineorder
    from tests.rereadcheck import assert_reordered, typed_both_ways

    done = typed_both_ways(tmp_path, 284, lambda: monkeypatch.setattr(lineorder, "rejoin_lines", lambda w: w),
                           doc=8, group="faded")
    lines = assert_reordered(done, tmp_path, 1).split("\n")
    assert any(line.startswith("14.") and line.endswith("này đến") for line in lines)
