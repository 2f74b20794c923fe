"""Review flags, eighty-fourth round (issue 14 item 9), two cases of the slash and one of a unit's code:

- HG102 speckle-22 khai-sinh-179: the extract's number ``Số: 44/TLKS-BS`` read ``Số: 44'TLKS-BS``. No number was
  found, and the register entry (``Số: 179`` further down) was taken from that line: ``44`` for ``179`` at 0.761,
  stored unflagged. Now the quote is read as the slash it stands for, the number is kept and flagged (the grammar,
  not the pixels, chose the slash), and the entry comes from its own line. HG92's ``Số:241)UBND-TC`` the same.
- HG107 clean-02 ttr-166: ``Lưu: VT, TC`` read ``Lưu: VT T7``, and ``T7`` dropped as debris: the list lost its
  unit's code, stored unflagged at 0.85. A dropped word shaped like a code with a digit read for its letter now
  lowers the list's confidence, as a dropped ``TC`` always did.
"""

from __future__ import annotations

from archivist.civil import _ENTRY
from archivist.numsym import find_number_symbols, parse_number_symbol
from archivist.recipients import read_recipients
from tests.test_flag_evidence import FOOT, HEAD, _extract, _Line, _page


def test_a_quote_or_bracket_read_for_the_slash_before_a_known_code_is_the_slash_for_a_person_to_confirm() -> None:
    for read, written, mark in (("Số: 44'TLKS-BS", "44/TLKS-BS", "'"), ("Số: 44’ TLKS-BS", "44/TLKS-BS", "'"),
                                ("Số:241)UBND-TC Xã Vĩnh Thạnh", "241/UBND-TC", ")")):
        found = find_number_symbols(read.replace("’", "'"))
        assert [str(f.value) for f in found] == [written], (read, found)
        change = found[0].changes[-1]
        assert change.grammar and change.why == f"the slash read as {mark}", change
    assert str(parse_number_symbol("Số: 185DA-UBND")) == "185/DA-UBND"  # the slash lost: no mark chosen
    assert not find_number_symbols("Số: 185DA-UBND")[0].changes[-1].grammar
    assert find_number_symbols("Số: 12) Ông Nguyễn Văn An") == []  # no known code after the mark: no number
    assert find_number_symbols("Số: 3' ngày") == []


def test_an_entry_is_not_read_from_a_number_whose_slash_was_read_as_a_mark() -> None:
    assert _ENTRY.search("so: 44'tlks-bs") is None and _ENTRY.search("so:241)ubnd-tc") is None
    assert _ENTRY.search("so: 179")["v"] == "179" and _ENTRY.search("so: 12)")["v"] == "12"


def _extract_of(number_line: str):
    rows = [[(100, "UBND HUYỆN THĂNG BÌNH"), (900, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")],
            [(100, "ỦY BAN NHÂN DÂN"), (900, "Độc lập - Tự do - Hạnh phúc")], [(100, "XÃ BÌNH MINH")],
            [(100, number_line)], [(500, "TRÍCH LỤC KHAI SINH")], [(100, "Họ, chữ đệm, tên: LÂM HỮU NAM")],
            [(100, "Ngày, tháng, năm sinh: 03/02/2001")], [(100, "Nơi sinh: Trạm Y tế xã Bình Minh")],
            [(100, "Ngày, tháng, năm đăng ký: 26/03/2001")], [(100, "Quyển số: 01/2001")], [(100, "Số: 179")],
            [(100, "Xã Bình Minh, ngày 02 tháng 02 năm 2018")], [(1000, "NGƯỜI KÝ TRÍCH LỤC")],
            [(1000, "Mai Trọng Lợi")]]
    return _extract(_page(rows))


def test_the_extract_through_extract_keeps_its_number_flagged_and_its_entry_from_its_own_line() -> None:
    misread = _extract_of("Số: 44'TLKS-BS")
    fields = misread.fields()
    assert fields["entry"].value == "179", fields["entry"]
    assert fields["number_symbol"].value == "44/TLKS-BS" and "number_symbol" in misread.needs_review
    right = _extract_of("Số: 44/TLKS-BS")
    assert right.fields()["entry"].value == "179" and right.fields()["number_symbol"].value == "44/TLKS-BS"
    assert "number_symbol" not in right.needs_review


def test_a_units_code_with_a_digit_for_a_letter_dropped_as_debris_lowers_the_lists_confidence() -> None:
    def read(last: str) -> tuple[list[str], float]:
        kept, _, conf = read_recipients([_Line("- Như trên;"), _Line(last)], True, lambda t: t.rstrip("."))
        return kept, conf

    assert read("- Lưu: VT T7.") == (["Như trên", "Lưu: VT"], 0.51)
    assert read("- Lưu: VT, TC.") == (["Như trên", "Lưu: VT, TC"], 0.85)
    assert read("- Lưu: VT. jc") == (["Như trên", "Lưu: VT"], 0.85)  # specks in small letters: nothing lost
    lost = _extract(_page(HEAD + FOOT[:3] + [[(100, "- Lưu: VT T7.")], FOOT[4]]))
    assert lost.recipients.value[-1] == "Lưu: VT" and "recipients" in lost.needs_review
    assert "recipients" not in _extract(_page(HEAD + FOOT)).needs_review
