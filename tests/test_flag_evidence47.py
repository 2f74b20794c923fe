"""Review flags, forty-seventh round (issue 14 item 9): a subject whose line leaves a word's room between two of its
adjacent words (HG57 speckle-19-kh-079's ``chuyển đổi trên``, ``số`` lost in 55 px), and a recipients list whose
fixed formula is read a letter off (HG57 typewriter-08-gm-205's ``Như thành phần mờ``). Flagged, never changed."""

from __future__ import annotations

from archivist.lostwords import formula_doubt, gap_doubt
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page


def _line(texts: str, gaps: list[int], line: int = 0, height: int = 33) -> list[tuple]:
    """Words of one line, each 40 px wide, separated by ``gaps`` (one fewer than the words)."""
    out, x = [], 100
    for i, w in enumerate(texts.split()):
        out.append((w, 95.0, (x, 100, x + 40, 100 + height), line))
        x += 40 + (gaps[i] if i < len(gaps) else 0)
    return out


# --- a word lost in a gap of the subject's line --------------------------------------------------------

def test_the_targets_gap_is_doubted() -> None:
    value = "Triển khai công tác chuyển đổi trên địa bàn xã năm 2012"
    words = _line(value, [12, 11, 12, 13, 12, 55, 12, 12, 11, 12, 13])
    why = gap_doubt(value, words)
    assert why is not None and "'đổi' and 'trên'" in why and "55 px" in why


def test_even_spacing_a_narrow_gap_or_a_gap_to_words_beside_the_value_is_not_doubted() -> None:
    value = "Triển khai công tác chuyển đổi trên địa bàn xã"
    assert gap_doubt(value, _line(value, [12] * 9)) is None
    assert gap_doubt(value, _line(value, [12, 12, 12, 12, 24, 12, 12, 12, 12])) is None  # 2 times: a right line's
    assert gap_doubt(value, _line(value, [12, 12, 12, 12, 12, 30, 12, 12, 12], height=33)) is None  # under a word
    beside = _line("V/v cấp giấy khai sinh Xã Tân Phú, ngày", [12, 12, 12, 12, 72, 12, 12, 12])
    assert gap_doubt("V/v cấp giấy khai sinh", beside) is None  # the place and date beside it: not the value's
    assert gap_doubt("Về việc lịch", _line("Về việc lịch", [80, 12])) is None  # too few words to tell the spacing


def test_a_gap_on_another_line_of_the_value_is_judged_on_its_own_line() -> None:
    value = "Về việc đề nghị cấp kinh phí hỗ trợ hộ nghèo năm 2023"
    second = _line("phí hỗ trợ hộ nghèo năm 2023", [12, 12, 60, 12, 12, 12], 1)
    words = _line("Về việc đề nghị cấp kinh", [12] * 5) + second
    why = gap_doubt(value, words)
    assert why is not None and "'trợ' and 'hộ'" in why


def test_a_subject_with_a_words_room_empty_is_flagged_and_kept_through_extract() -> None:
    def rows(gap: int) -> list[list[tuple[int, str]]]:
        first = "Về việc lịch trực Tết"
        end = 400 + sum(14 * len(w) + 12 for w in first.split()) - 12
        return HEAD[:5] + [[(400, first), (end + gap, "Nguyên đán năm 2016")]] + HEAD[6:] + FOOT

    meta = _extract(_page(rows(60)))
    assert meta.subject.value == "Về việc lịch trực Tết Nguyên đán năm 2016" and "subject" in meta.needs_review
    assert "'Tết' and 'Nguyên'" in (meta.subject.review or "")
    even = _extract(_page(rows(12)))
    assert even.subject.value == meta.subject.value and "subject" not in even.needs_review


# --- a recipients formula read a letter off -------------------------------------------------------------

def test_a_formula_a_letter_or_two_off_is_doubted() -> None:
    why = formula_doubt(["Như trên", "Như thành phần mờ", "Lưu: VT"])
    assert why is not None and "'Như thành phần mờ'" in why and "'Như thành phần mời'" in why
    assert formula_doubt(["Nhự thành phần mời;"]) and formula_doubt(["Như thành phần nơi"])
    assert formula_doubt(["Như trẽn;"]) and formula_doubt(["Nhu tren"])


def test_a_formula_as_written_or_another_item_is_not_doubted() -> None:
    assert formula_doubt(["Như trên;", "Như thành phần mời.", "Lưu: VT, VP"]) is None
    assert formula_doubt(["Như Điều 3", "TT Đảng ủy xã", "Như thành phần mời họp"]) is None
    assert formula_doubt([]) is None and formula_doubt([None]) is None


def test_a_list_with_its_formula_misread_is_flagged_and_kept_through_extract() -> None:
    def foot(item: str) -> list[list[tuple[int, str]]]:
        return [[(100, "Nơi nhận:"), (1000, "TM. ỦY BAN NHÂN DÂN")], [(100, f"- {item};"), (1000, "CHỦ TỊCH")],
                [(100, "- TT Đảng ủy, HĐND xã;")], [(100, "- Lưu: VT, TC.")], [(1000, "Hà Hữu Thắng")]]

    meta = _extract(_page(HEAD + foot("Như thành phần mờ")))
    assert "Như thành phần mờ" in meta.recipients.value and "recipients" in meta.needs_review
    assert "misread" in (meta.recipients.review or "")
    right = _extract(_page(HEAD + foot("Như thành phần mời")))
    assert "Như thành phần mời" in right.recipients.value and "recipients" not in right.needs_review
