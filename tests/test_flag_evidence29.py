"""Review flags, twenty-ninth round (issue 14 item 9): seed 36's wrong values stored without a flag. Typed minutes
whose chair's position was read with small letters (``CHỉử TỌA``), so that it was taken for the secretary's
name beside ``THƯ KÝ`` on its row, have their position flagged; an issuer whose unit's name the document's vote
gave the body's marks (``TIỀN PHONG`` for the header's ``TIÊN PHONG``) is flagged because the text still spells
that unit the other way. The same pages read whole are left alone."""

from __future__ import annotations

from archivist.agreement import flag_disagreeing, issuer_twin_doubt
from archivist.crosscheck import check
from archivist.fields import Field
from archivist.footer import parse_footer
from archivist.marks import MarkRestorer
from tests.test_flag_evidence import _extract, _page
from tests.test_flag_evidence17 import _cell


def _minutes(chair_position: str) -> list:
    # HG36 typewriter-11 bb-221: the two columns on one engine row, cut at the gap (secretary left, chair right);
    # the secretary's name read with a speck (``¡an``), so no name under ``THƯ KÝ``
    return [_cell(33, "và nhất trí thông qua./.", 365, 2689),
            _cell(34, "THƯ KÝ", 644, 2785), _cell(34, chair_position, 1636, 2779),
            _cell(35, "⁄⁄⁄⁄", 612, 2985, 38.0), _cell(35, "NwwNs", 1657, 2983, 39.8),
            _cell(36, "Dương Thị ¡an", 533, 3194), _cell(36, "Hà Văn Trí", 1588, 3188)]


def test_a_name_read_beside_its_position_on_the_row_doubts_the_block():
    f = parse_footer(_minutes("CHỉử TỌA"), 2)  # small letters: no capitals line, so read as a name
    assert f is not None and f.name is not None and f.name.text == "CHỉử TỌA"
    assert f.positions and f.positions[-1].text == "THƯ KÝ"
    assert f.doubt and "stands beside the position 'THƯ KÝ'" in f.doubt
    found = {"signer": Field("CHỉử TỌA", 0.242, 2), "signer_position": Field("THƯ KÝ", 0.792, 2)}
    check(found, MarkRestorer([]), f)
    assert found["signer_position"].review == f.doubt


def test_minutes_read_whole_are_not_doubted():
    f = parse_footer(_minutes("CHỦ TỌA"), 2)
    assert f is not None and f.name is not None and f.name.text == "Hà Văn Trí" and f.doubt is None
    # one column: the name under its position
    f = parse_footer([_cell(0, "CHỦ TỊCH", 1500, 418), _cell(1, "Lâm Bá Đạt", 1480, 600)], 2)
    assert f is not None and f.doubt is None


def test_an_issuer_spelled_otherwise_in_the_text_is_doubted():
    texts = ["ỦY BAN NHÂN DÂN\nXÃ TIÊN PHONG", "BÊN A: ỦY BAN NHÂN DÂN XÃ TIỀN PHONG"]
    why = issuer_twin_doubt("ỦY BAN NHÂN DÂN XÃ TIỀN PHONG", texts)
    assert why and "'TIỀN PHONG'" in why and "'TIÊN PHONG'" in why
    assert issuer_twin_doubt("ỦY BAN NHÂN DÂN XÃ TIỀN PHONG", ["BÊN A: ỦY BAN NHÂN DÂN XÃ TIỀN PHONG"]) is None
    assert issuer_twin_doubt("ỦY BAN NHÂN DÂN XÃ PHƯỚC THIỀN", ["ấp 3, xã Phước Thiên"]) is None  # no unit so
    iss = Field("ỦY BAN NHÂN DÂN XÃ TIỀN PHONG", 0.879, 1, None, "ỦY BAN NHÂN DÂN XÃ TIÊN PHONG")
    flag_disagreeing({"issuer": iss}, texts, [])
    assert iss.review == why


def _memo(body_spelling: str):
    head = [[(100, "UBND HUYỆN PHỔ YÊN")], [(100, "ỦY BAN NHÂN DÂN")], [(100, "XÃ TIÊN PHONG")],
            [(100, "Số: 75/TB-UBND"), (1000, "Tiên Phong, ngày 3 tháng 5 năm 2009")], [(600, "THÔNG BÁO")],
            [(400, "Về việc lịch trực Tết Nguyên đán năm 2009")],
            [(100, f"Ủy ban nhân dân xã {body_spelling} thông báo để các đơn vị được biết.")],
            [(100, f"Hợp tác xã nông nghiệp {body_spelling} phối hợp thực hiện.")]]
    foot = [[(100, "Nơi nhận:"), (1000, "TM. ỦY BAN NHÂN DÂN")], [(100, "- Như trên;"), (1000, "CHỦ TỊCH")],
            [(100, "- Lưu: VT, TC.")], [(1000, "Đinh Bích Tuyết")]]
    return _extract(_page(head + foot))


def test_through_extract_the_body_spelling_taken_by_the_issuer_is_flagged():
    m = _memo("Tiền Phong")  # the body's misreading as often as the header's reading: the vote takes the body's
    assert m.issuer.value == "ỦY BAN NHÂN DÂN XÃ TIỀN PHONG" and m.place.value == "Tiền Phong"
    assert "issuer" in m.needs_review and "'TIÊN PHONG'" in (m.issuer.review or "")
    whole = _memo("Tiên Phong")
    assert whole.issuer.value == "ỦY BAN NHÂN DÂN XÃ TIÊN PHONG"
    assert "issuer" not in whole.needs_review
