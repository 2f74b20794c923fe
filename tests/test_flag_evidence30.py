"""Review flags, thirtieth round (issue 14 item 9): HG37's list holding a speck read as an item (``-Y^`` between
``Phòng Nội vụ huyện`` and ``Lưu: VT``), stored at 0.85 unflagged. Every recipient is named by a word or a code of two
letters at least, so an item without one is a speck. The lists that must stay unflagged are tested beside it."""

from __future__ import annotations

from archivist.listflags import speck_item_doubt
from archivist.recipients import read_recipients
from tests.test_flag_evidence import FOOT, HEAD, _extract, _Line, _page


def test_an_item_with_no_word_of_two_letters_is_doubted() -> None:
    items, _, conf = read_recipients([_Line("- Phòng Nội vụ huyện;"), _Line("-Y^"), _Line("- Lưu: VT.")], True,
                                     lambda t: t)
    assert items == ["Phòng Nội vụ huyện", "Y^", "Lưu: VT"] and conf == 0.85  # kept: a lone ``Y`` is a syllable
    assert speck_item_doubt(items) == "'Y^' holds no word of two letters: a speck read as an item of the list"
    assert speck_item_doubt(["y ^ ."]) is not None


def test_items_named_by_a_word_or_a_code_are_not_doubted() -> None:
    assert speck_item_doubt(["Như trên", "TT Đảng ủy, HĐND xã", "Lưu: VT, TC"]) is None
    assert speck_item_doubt(["Ông A", "Lưu VT"]) is None  # one word of two letters is enough


def test_a_list_with_a_speck_item_is_flagged_through_extract() -> None:
    # HG37 bc-152: ``—Y^`` read at confidence 0 on an item's row, under the signature's column, taken as an item
    speck = _extract(_page(HEAD + FOOT[:2] + [[(100, "- TT Đảng ủy, HĐND xã;"), (990, "—Y^")]] + FOOT[3:]))
    assert speck.recipients.value == ["Như trên", "TT Đảng ủy, HĐND xã", "Y^", "Lưu: VT, TC"]
    assert speck.recipients.confidence == 0.85
    assert "recipients" in speck.needs_review
    plain = _extract(_page(HEAD + FOOT))
    assert "recipients" not in plain.needs_review
