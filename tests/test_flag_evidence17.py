"""Review flags, seventeenth round (issue 14 item 9): seed 24's wrong values stored unflagged. Typed minutes
whose chair's column was misread (``CHỦ TẠ A`` over ``Đặng Kim :i ên``) so that the secretary's block was taken,
an issuer whose last word was read mostly as symbols (``Ht#‡©``), and an annex table's household head taken
for the signer under the ``STT`` heading."""

from __future__ import annotations

from archivist.crosscheck import check
from archivist.fields import Field
from archivist.footer import parse_footer
from archivist.marks import MarkRestorer
from archivist.ocrtext import Line
from archivist.speckflags import symbol_word_doubt


def _cell(index: int, text: str, left: int, top: int, conf: float = 95.0) -> Line:
    """One line or cell of page 2 at (``left``, ``top``), words 30 px apart, boxes 36 px tall."""
    spans, x, at = [], left, 0
    for w in text.split():
        spans.append((at, at + len(w), (x, top, x + 22 * len(w), top + 36), conf))
        at, x = at + len(w) + 1, x + 22 * len(w) + 30
    return Line(2, index, text, spans)


def _minutes(chair_position: str, chair_name: str) -> list[Line]:
    # HG24 typewriter-08: the two columns on one engine row each, cut at the gap (secretary left, chair right)
    return [_cell(7, "cùng nghe và nhất trí thông qua./.", 354, 621),
            _cell(8, "THƯ KỸ", 526, 711), _cell(8, chair_position, 1177, 708),
            _cell(9, "1»,", 521, 842, 0.0), _cell(9, "NNX", 1202, 844, 14.0),
            _cell(10, "Hồ Văn Hưng", 466, 982), _cell(10, chair_name, 1105, 984)]


def test_a_capitals_line_beside_a_position_is_the_other_columns_position_not_a_name():
    # ``CHỦ TẠ A`` reads as a name (``Chu`` is a family name): it was taken for the secretary's block's name
    f = parse_footer(_minutes("CHỦ TẠ A", "Đặng Kim :i ên"), 2)
    assert f is not None and f.name is not None and f.name.text == "Hồ Văn Hưng"
    assert f.doubt and "'CHỦ TẠ A'" in f.doubt


def test_the_secretarys_block_beside_an_unread_column_flags_signer_and_position():
    f = parse_footer(_minutes("CHỦ TẠ A", "Đặng Kim :i ên"), 2)
    found = {"signer": Field("Hồ Văn Hưng", 0.844, 2), "signer_position": Field("THƯ KÝ", 0.811, 2)}
    check(found, MarkRestorer([]), f)
    assert found["signer"].review == f.doubt and found["signer_position"].review == f.doubt


def test_minutes_read_whole_take_the_chair_unflagged():
    f = parse_footer(_minutes("CHỦ TỌA", "Đặng Kim Liên"), 2)
    assert f is not None and f.name is not None and f.name.text == "Đặng Kim Liên" and f.doubt is None


def test_a_word_read_mostly_as_symbols_flags_the_body_name():
    assert symbol_word_doubt("ỦY BAN NHÂN DÂN XÃ NGHĨA Ht#‡©")
    assert symbol_word_doubt("ỦY BAN NHÂN DÂN: XÃ _NGHĨA HƯNG.") is None  # one speck at a word's edge
    assert symbol_word_doubt("UBND TỈNH BÀ RỊA - VŨNG TÀU") is None
    iss = Field("ỦY BAN NHÂN DÂN XÃ NGHĨA Ht", 0.748, 1, None, "ỦY BAN NHÂN DÂN XÃ NGHĨA Ht#‡©")
    check({"issuer": iss}, MarkRestorer([]), None)
    assert iss.review and "'Ht#‡©' read mostly as symbols" in iss.review


def test_a_name_in_a_table_row_is_no_signer():
    # HG24 tables-30, the annex's last page: ``STT`` heading, then rows of number, name, address, numbers;
    # the first row's number was lost, its other numbers stand on its row
    lines = [_cell(0, "STT", 576, 418), _cell(1, "Họ và tên chủ hộ", 785, 416),
             _cell(8, "Ngô Văn Dũng", 709, 534), _cell(9, "Thôn Cầu Đá", 1251, 532), _cell(10, "7", 1722, 535),
             _cell(11, "1.500.000", 1971, 535), _cell(12, "23", 599, 622), _cell(13, "Trần Tiến Quang", 708, 619)]
    assert parse_footer(lines, 2) is None
    signed = [_cell(0, "CHỦ TỊCH", 1500, 418), _cell(1, "Lâm Bá Đạt", 1480, 600)]
    f = parse_footer(signed, 2)
    assert f is not None and f.name is not None and f.name.text == "Lâm Bá Đạt"
