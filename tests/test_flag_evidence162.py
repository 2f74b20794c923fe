"""Review flags, hundred-and-sixty-second round (issue 14 item 9, values stored wrong): what the OCR read after a
recipient's closing sign on its line, and the archive copy's codes as Decree 30 writes them. The fixtures are the
stored items of the runs counted (AT265 26-ctr-147's ``TT HĐND xã; đã``, AT264 07-pg-050's ``Lưu VT. é``, AT264
20-2-qd-246's ``Lưu: VT, ĐC. xLLUUƯ``, AT203 11-qyd-164's ``Lưu VT; VP``, HG264 typewriter-08-cv-027's
``Như trên; c"ủ TỊCH``, HG266 speckle-21-cv-200's ``Lưu: VT,VX``)."""

from __future__ import annotations

import pytest

from archivist.closingsign import copy_codes, item_tail
from archivist.fields import Field
from archivist.recipients import read_recipients

from .test_flag_evidence17 import _cell as _line  # one line of page 2: words 30 px apart, 22 px a letter


@pytest.mark.parametrize(("read", "printed"), [
    ("TT HĐND xã; đã", "TT HĐND xã"),
    ('Như trên; c"ủ TỊCH', "Như trên"),
    ("TT Đảng ủy, HĐND xã (b/c); bắc", "TT Đảng ủy, HĐND xã (b/c)"),
    ("Các thành viên Ban chỉ đạo; min", "Các thành viên Ban chỉ đạo"),
    ("Lưu VT. é", "Lưu VT"),
    ("Lưu: VT, ĐC. xLLUUƯ", "Lưu: VT, ĐC"),
    ("Lưu: VT; VP. v77", "Lưu: VT, VP"),
    ("Lưu VT; VP", "Lưu VT, VP"),
    ("Lưu: VT,VX", "Lưu: VT, VX"),
    ("Lựu: VT", "Lưu: VT"),
    ("Lưu VI; VP", "Lưu VT, VP"),  # its first code is ``VT`` (Decree 30): ``VI``, ``Vĩ``, ``VỀ`` read for it
    ("Lưu Vĩ, TP", "Lưu VT, TP"),
    ("FT HĐND xã", "TT HĐND xã"),  # the standing committee's ``TT`` (FT 17, FI 5, TY 4 on the sets counted)
    ("TY Đảng ủy, HĐND xã", "TT Đảng ủy, HĐND xã"),
    ("TỶ HĐND xã", "TT HĐND xã"),  # AT320 16-1-pa-014
    ("Tỉ HĐND xã", "TT HĐND xã"),
])
def test_what_follows_the_closing_sign_is_dropped(read: str, printed: str) -> None:
    assert item_tail(read) == printed


@pytest.mark.parametrize("read", [
    "Như trên; Lưu VT",  # a bullet lost: two items joined, not one item's tail
    "Như trên; TT HĐND xã",  # names a body
    "TT HĐND xã; co vu 26, xi2 GỮg",  # more than two words: left to the list's flags
    "Lưu: VT; TŒ",  # a code no table knows: a person reads it
    "LƯU VT, VX",  # capitals left as read: listflags.signature_item_doubt's evidence (HG113 kh-008)
    "Lưu: VP",  # a first code that is a known unit's: another unit's copy, not ``VT`` misread
    "Xã Hải Xuân",  # a commune's name opening the item
    "UBMTTQ VN Xã",  # a capital left as read: listflags.level_case_doubt's evidence of a page misreading case
    "UBND huyện Đông Hưng",
    "Lưu: VT c(ccc€¬",  # no closing stop before the debris
    "Lưu: VT, TC",
    "UBND huyện Củ Chi (b/c)",
])
def test_an_item_without_a_tail_or_one_that_may_be_an_item_is_kept(read: str) -> None:
    assert item_tail(read) == read


def test_only_known_codes_are_rewritten() -> None:
    assert copy_codes("Lưu: VT; TE") == "Lưu: VT; TE" and copy_codes("Lưu VT; TC") == "Lưu VT, TC"
    assert copy_codes("Như trên") == "Như trên"


def _read(texts: list[str]) -> Field:
    """The recipients field as extract() makes it from these lines under ``Nơi nhận:``."""
    lines = [_line(12 + i, t, 279, 1033 + 42 * i) for i, t in enumerate(texts)]
    kept, changes, conf = read_recipients(lines, True, lambda t: t)
    return Field(kept, conf, 2, None, "\n".join(texts), changes=changes)


def test_through_read_recipients_the_list_is_stored_as_printed_with_the_change_said() -> None:
    rec = _read(["- Như trên;", "- FT HĐND xã; đã", "- Lưu VT; VP."])
    assert rec.value == ["Như trên", "TT HĐND xã", "Lưu VT, VP"]
    assert any("as Decree 30 writes a recipient" in c and "'FT HĐND xã; đã'" in c for c in rec.changes)
    assert rec.confidence == 0.51  # words were dropped after a closing sign: specks there, the list stays low
    whole = _read(["- Như trên;", "- FT HĐND xã;", "- Lựu VT; VP."])
    assert whole.value == ["Như trên", "TT HĐND xã", "Lưu VT, VP"]
    assert whole.confidence == 0.85  # the archive copy whole, nothing dropped: ``VT`` and a known unit's code


def test_a_list_whose_copy_lost_specks_after_its_stop_stays_low() -> None:
    # db-171 speckle-24-ttr-234: ``Lưu: VT, VP. kzx`` on a speckled page that lost the item ``TT HĐND xã``
    rec = _read(["- Như trên;", "- TT Đảng ủy xã (b/c);", "- Lưu: VT, VP. kzx"])
    assert rec.value == ["Như trên", "TT Đảng ủy xã (b/c)", "Lưu: VT, VP"] and rec.confidence == 0.51


@pytest.mark.parametrize("stroke", ["-", "--=", "*"])
def test_a_stroke_read_as_a_lone_bullet_under_the_list_does_not_hide_its_open_end(stroke: str) -> None:
    # sealed AT439 29-pb-038 (session 48): ``- Lưu: ,`` then a signature stroke read ``-``; ``Lưu: VT, ĐC`` was
    # stored ``Lưu: VT`` at 0.85 unflagged, where the same list without the stroke's line is low
    bare = _read(["- Như trên;", "- TT HĐND xã;", "- Lưu: VT,"])
    stroked = _read(["- Như trên;", "- TT HĐND xã;", "- Lưu: VT,", stroke])
    assert stroked.value == bare.value == ["Như trên", "TT HĐND xã", "Lưu: VT"]
    assert stroked.confidence == bare.confidence < 0.85
    whole = _read(["- Như trên;", "- TT HĐND xã;", "- Lưu: VT, VP", stroke])  # a whole copy stays whole
    assert whole.confidence == 0.85


@pytest.mark.parametrize(("items", "doubted"), [
    (["Như Điều 4", "UBND huyện củ Chỉ", "Lưu VT, VP"], True),  # sealed HG439 typewriter-08-qd-135 (session 48)
    (["UBND huyện cái Bè (b/c)"], True),
    (["UBND huyện Củ Chi (b/c)", "Lưu: VT"], False),
    (["Các xã có liên quan", "UBND các xã, thị trấn", "UBND xã (b/c)"], False),
    (["TT Huyện ủy Củ Chi", "Tỉnh uỷ Đồng Nai", "Phòng Lao động - Thương binh và Xã hội huyện"], False),
    (["UBND huyện đảo Lý Sơn (b/c)", "UBND thị xã Sơn Tây", "Thành phố Hồ Chí Minh"], False),  # a unit's kind
])
def test_a_units_name_read_with_a_small_first_letter_before_a_capital_is_doubted(items: list[str],
                                                                                 doubted: bool) -> None:
    from archivist.structflags import flag_structure
    found = {"recipients": Field(items, 0.85, 1, None, "\n".join(items))}
    flag_structure(found)
    assert bool(found["recipients"].review) is doubted
    if doubted:
        assert "a unit's name is written with capitals" in found["recipients"].review
