"""Review flags, twelfth round (issue 14 item 9): recipients lists, whose confidence is a flat 0.85 once they end
with the archive copy. Seed 19's four wrong lists without a flag, each on a small page with the slip and without
it, which must stay unflagged: ``mài`` with ``ờ`` weighed close (``mời``), a signature block's ``KT. CHỦ TỊCH``
taken into the list, ``(b/);`` dropped as debris (the ``(b/c)`` lost), ``VX.`` left beside ``Lưu:`` on its row."""

from __future__ import annotations

from archivist.fields import Field
from archivist.listflags import bracket_lost_doubt, flag_list, signature_item_doubt, syllable_rival_doubt
from tests.test_flag_evidence import HEAD, _extract, _page

SIGN = [(1000, "TM. ỦY BAN NHÂN DÂN")]


def _recipients(rows: list[list[tuple[int, str]]], **kw) -> Field:
    return _extract(_page(HEAD + rows + [[(1000, "Hà Hữu Thắng")]], **kw)).fields()["recipients"]


# --- a list word the engine nearly read as another syllable -----------------------------------------------

INVITED = [[(100, "Nơi nhận:")] + SIGN, [(100, "- Như thành phần mài;"), (1000, "CHỦ TỊCH")], [(100, "- Lưu VT, ĐC.")]]


def test_a_list_word_weighed_for_another_syllable_is_flagged():
    f = _recipients(INVITED, rivals={"mài;": ((1, "ờ", 89.4, 68.8),)})  # HG19 typewriter: 20.6 points behind
    assert f.value == ["Như thành phần mài", "Lưu VT, ĐC"] and "'mời' for 'mài'" in f.review
    # no rival (or one 39 points behind): the rival gives nothing to go by; since flags47 the formula 'Như thành
    # phần mời' read a letter off flags the list (archivist/lostwords.py), not for the rival
    for plain in (_recipients(INVITED).review, _recipients(INVITED, rivals={"mài;": ((1, "ờ", 89.4, 50.0),)}).review):
        assert plain is not None and "for 'mài'" not in plain and "formula 'Như thành phần mời'" in plain


def test_syllable_rival_doubt_wants_two_syllables_a_small_letter_and_another_letter():
    assert syllable_rival_doubt("mài;", ((1, "ờ", 89.4, 68.8),))
    assert syllable_rival_doubt("mài;", ((1, "À", 89.4, 88.0),)) is None  # the case: case_doubt's matter
    assert syllable_rival_doubt("TT", ((1, "Y", 76.9, 66.2),)) is None  # a code, not a syllable
    assert syllable_rival_doubt("trên;", ((2, "q", 95.0, 90.0),)) is None  # 'tqên' is no syllable


# --- an item in capitals: a signature block's line ---------------------------------------------------------

def test_an_item_in_capitals_or_opening_with_an_authority_is_flagged():
    assert "'KT. CHỦ TỊCH'" in signature_item_doubt(["KT. CHỦ TỊCH", "Như trên", "TT HĐND xã", "Lưu: VT"])
    assert signature_item_doubt(["Như Điều 4", "PHÓ CHỦ TỊCH", "Lưu: VT"])
    assert signature_item_doubt(["Như trên", "TT HĐND xã", "UBMTTQ VN xã", "Lưu: VT, VX"]) is None
    assert signature_item_doubt(["UBND huyện Yên Mô (b/c)", "Lưu VT"]) is None


def test_flag_list_marks_a_list_with_a_signature_line_and_leaves_a_flag_already_given():
    rec = Field(["KT. CHỦ TỊCH", "Như trên", "Lưu: VT"], 0.85, source_text="- _ KT. CHỦ TỊCH\n- Như trên;\n- Lưu: VT.")
    flag_list({"recipients": rec}, None, [])
    assert "signature block" in rec.review
    held = Field(["KT. CHỦ TỊCH", "Như trên"], 0.85, review="another reason")
    flag_list({"recipients": held}, None, [])
    assert held.review == "another reason"


# --- a bracket read and dropped ----------------------------------------------------------------------------

def _report(item: str) -> list[list[tuple[int, str]]]:
    return [[(100, "Nơi nhận:")] + SIGN, [(100, "- Như trên;"), (1000, "CHỦ TỊCH")], [(100, f"- {item}")],
            [(100, "- Lưu: VT.")]]


def test_a_bracket_dropped_with_the_debris_flags_the_list():
    f = _recipients(_report("TT Đảng ủy xã (b/);"), conf={"(b/);": 10.7})  # AT19: read at confidence 11
    assert f.value == ["Như trên", "TT Đảng ủy xã", "Lưu: VT"] and "'(b/);'" in f.review
    assert _recipients(_report("TT Đảng ủy xã (b/c);")).review is None
    assert bracket_lost_doubt("- TT Đảng ủy xã (b/c);\n- Lưu: VT.", ["TT Đảng ủy xã (b/c)", "Lưu: VT"]) is None


# --- a unit's code left beside an item on its row ----------------------------------------------------------

def _copy(last: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    return [[(100, "Nơi nhận:")] + SIGN, [(100, "- Như trên;"), (1000, "CHỦ TỊCH")],
            [(100, "- TT Đảng ủy xã (b/c);")], [(100, "- Trưởng các thôn, ấp;")], [(100, "- TT HĐND xã;")], last]


def test_a_code_left_on_the_archive_copys_row_flags_the_list():
    f = _recipients(_copy([(100, "- Lưu:"), (250, "VX.")]))  # HG19 seals: 'VX.' 100 px after 'Lưu:'
    assert f.value[-1] == "Lưu: VT" and "'VX.' on an item's row" in f.review
    assert _recipients(_copy([(100, "- Lưu: VT, VX.")])).review is None
