"""Review flags, seventy-ninth round (issue 14 item 9): a register entry read with a digit as a letter. AT62
ket-hon-46's labelled entry ``Số: 4G`` was stored ``4`` for ``46`` at 0.802, unflagged: the entry took the digits
before the letter. A labelled entry whose word runs on into a letter is no number, and is flagged as a register
table's entry cell that is no number is; the value is never changed."""

from __future__ import annotations

import pytest

from archivist.civil import entry_doubt
from tests.test_extract import meta


@pytest.mark.parametrize(("line", "digits"), [("Số: 4G", "4"), ("Số đăng ký: 12S.", "12"), ("Số: 1O7B", "107")])
def test_an_entry_running_on_into_a_letter_is_doubted(line: str, digits: str) -> None:
    start = line.index(digits[0], line.index(":"))
    reason = entry_doubt(line, start, start + len(digits))
    assert reason is not None and "is not a number" in reason and line.split()[-1].rstrip(".") in reason


@pytest.mark.parametrize("line", ["Số: 46", "Số đăng ký: 125", "Số: 106.", "Số: 46 ngày 05/03/2020", "Số: 46,",
                                  "Số: 176XNTTHN", "Số: 1527TLKS:BS"])  # a code after the digits: a slash lost
def test_an_entry_ending_its_word_on_punctuation_or_a_code_is_not(line: str) -> None:
    start = line.index(":") + 2
    end = start
    while end < len(line) and line[end].isdigit():
        end += 1
    assert entry_doubt(line, start, end) is None


CERT = ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nXÃ TÂN PHÚ Độc lập - Tự do - Hạnh phúc\n"
        "Số: 320/TLKS-BS Tân Phú, ngày 15 tháng 3 năm 2019\n\nTRÍCH LỤC KHAI SINH\n(BẢN SAO)\n\n"
        "Họ, chữ đệm, tên: NGUYEN VĂN BÌNH Giới tính: Nam\nNgày, tháng, năm sinh: 12/03/2019\n"
        "Nơi đăng ký: Ủy ban nhân dân xã Tân Phú\nQuyển số: 01/2019\nSố: {entry}\n\n"
        "NGƯỜI KÝ TRÍCH LỤC\n(Ký, ghi rõ họ, chữ đệm, tên)\nLê Văn Hải")


def test_the_targets_entry_is_flagged_through_extract_and_kept() -> None:
    m = meta(CERT.format(entry="4G"))
    assert m.values()["entry"] == "4" and "entry" in m.needs_review
    assert "'4G'" in (m.entry.review or "")
    whole = meta(CERT.format(entry="46"))
    assert whole.values()["entry"] == "46" and whole.entry.review is None and "entry" not in whole.needs_review
