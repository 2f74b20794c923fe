"""Review flags, eighteenth round (issue 14 item 9): seed 25's three recipients lists stored wrong at 0.85 without
a flag. A speck's ``la`` joined after an item's closing ``;``, an archive row read twice whose codes went into the
lost reading (``- Lưu`` kept, ``VT, ĐC`` lost), and an item's ``TT`` read ``TY`` with the ``T`` nearly chosen."""

from __future__ import annotations

from archivist.fields import Field
from archivist.footer import Footer
from archivist.listflags import closed_item_doubt, code_rival_doubt, flag_list, lost_row_word_doubt
from archivist.ocrtext import Line, PageText

from .test_flag_evidence17 import _cell as _line  # one line of page 2: words 30 px apart, 22 px a letter


def _words(lines: list[Line]) -> list[tuple[str, float, tuple[int, int, int, int], int]]:
    return [(ln.text[a:b], c, box, ln.index) for ln in lines for a, b, box, c in ln.spans]


def _list() -> list[Line]:
    return [_line(15, "- Như trên;", 200, 912), _line(16, "- TT Đảng ủy xã (b/c);", 200, 952),
            _line(17, "- TT HĐND xã;", 200, 992), _line(18, "- Lưu", 200, 1032)]


ITEMS = ["Như trên", "TT Đảng ủy xã (b/c)", "TT HĐND xã", "Lưu VT"]


def test_an_item_going_on_after_its_closing_semicolon_is_doubted():
    assert closed_item_doubt(["UBND huyện Quảng Điền", "TT Đảng ủy, HĐND xã; la", "Lưu: VT"])
    assert closed_item_doubt(["Như trên", "TT Đảng ủy, HĐND xã", "Lưu: VT, ĐC"]) is None
    assert closed_item_doubt(["Lưu: VT;"]) is None  # a closing ';' with nothing after it
    rec = Field(["UBND huyện Quảng Điền", "TT Đảng ủy, HĐND xã; la", "Lưu: VT"], 0.85, 2)
    flag_list({"recipients": rec}, None, [])
    assert rec.review and "closing ';'" in rec.review


def test_a_row_of_the_list_read_twice_flags_the_list():
    # AT25: the archive row read again as another line, ``Lưu VT, ĐC``, which no line of the list kept
    lines = _list()
    again = _line(19, "Lưu VT, ĐC", 215, 1028)
    footer = Footer(2, recipients=lines, noi_nhan=True)
    why = lost_row_word_doubt(footer, ITEMS, _words([*lines, again]))
    assert why and "'Lưu'" in why
    rec = Field(ITEMS, 0.85, 2, (200, 912, 724, 1068))
    flag_list({"recipients": rec}, footer, [PageText(2, "", _words([*lines, again]))])
    assert rec.review == why


def test_words_beside_the_list_are_not_a_lost_piece():
    lines = _list()
    beside = [_line(15, "CHỦ TỊCH", 760, 909), _line(19, "-N", 200, 1080)]  # the signature column; a speck's line
    footer = Footer(2, recipients=[*lines, beside[1]], noi_nhan=True)
    assert lost_row_word_doubt(footer, ITEMS, _words([*lines, *beside])) is None
    speck = _line(17, "„", 300, 992)  # no word of two letters
    assert lost_row_word_doubt(footer, ITEMS, _words([*lines, speck])) is None


def test_a_code_the_engine_nearly_read_as_a_known_one_flags_the_list():
    assert code_rival_doubt("TY", [(1, "T", 84.7, 83.0)]) == "the OCR nearly read 'TT' for 'TY' in the list"
    assert code_rival_doubt("TY", [(1, "T", 84.7, 50.0)]) is None  # the rival far behind
    assert code_rival_doubt("TT", [(1, "Y", 84.7, 83.0)]) is None  # read as a known code
    assert code_rival_doubt("HĐND", [(1, "D", 91.1, 86.1)]) is None  # a known code read
    line = _line(22, "- TY HĐND xã;", 348, 1622)
    box = line.spans[1][2]
    rec = Field(["TY HĐND xã"], 0.85, 2, line.box(), "- TY HĐND xã;")
    page = PageText(2, "", _words([line]), rivals={box: ("TY", ((1, "T", 84.7, 83.0),))})
    flag_list({"recipients": rec}, None, [page])
    assert rec.review == "the OCR nearly read 'TT' for 'TY' in the list"
