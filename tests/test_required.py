"""A field the catalogue needs, stored empty, goes to review saying why (archivist/required.py; issue 14 item 9,
"Bad input"): the place and the signer's position on every typed document, ``TM.``/``KT.``, the recipients and the
parent body where the type's form prints them, the signer of a civil-status record; never a line the type's form
does not print (a minutes' or a contract's authority and recipients, a petition's parent body), nor a parent body
on a commune's paper dated from the 2025 merger on. Pages built as tests/test_flag_evidence.py builds them."""

from __future__ import annotations

from archivist.doctypes import load_table
from archivist.required import NOT_FOUND, missing_reason, required_fields
from archivist.toreview import review_items
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page

NEW = ("place", "signer_position", "authority", "recipients", "parent_issuer")


def _notice(head: list = HEAD, foot: list = FOOT):  # noqa: ANN202
    return _extract(_page(head + foot))


def _without(rows: list, text: str) -> list:
    """``rows`` with the segment ``text`` left off (its row dropped when nothing else is on it)."""
    out = [[seg for seg in row if seg[1] != text] for row in rows]
    assert out != rows, text
    return [row for row in out if row]


def _reason(meta, name: str) -> str:  # noqa: ANN001
    rec = {"id": "doc-1", "metadata": meta.to_dict()}
    return next(i["reason"] for i in review_items(rec) if i["field"] == name)


def test_a_whole_notice_names_none_of_them() -> None:
    meta = _notice()
    assert all(meta.fields()[n].value for n in NEW), meta.values()
    assert not set(NEW) & set(meta.needs_review), meta.needs_review


def test_a_notice_without_its_place_is_flagged_saying_why() -> None:
    head = [[(seg if seg[1] != "Quỳnh Hậu, ngày 21 tháng 3 năm 2016" else (1000, "ngày 21 tháng 3 năm 2016"))
             for seg in row] for row in HEAD]
    meta = _notice(head=head)
    assert meta.fields()["place"].value in (None, "") and meta.fields()["date"].value == "2016-03-21"
    assert "place" in meta.needs_review
    assert _reason(meta, "place") == f"{NOT_FOUND}: Decree 30 puts a place-and-date line on this type; read the " \
                                     "place before 'ngày'"


def test_a_notice_without_its_authority_line_is_flagged() -> None:
    meta = _notice(foot=_without(FOOT, "TM. ỦY BAN NHÂN DÂN"))
    assert meta.fields()["authority"].value in (None, "") and meta.fields()["signer_position"].value == "CHỦ TỊCH"
    assert "authority" in meta.needs_review and "TM., KT." in _reason(meta, "authority")


def test_a_notice_without_its_signers_position_is_flagged() -> None:
    meta = _notice(foot=_without(FOOT, "CHỦ TỊCH"))
    assert meta.fields()["signer_position"].value in (None, ""), meta.values()
    assert "signer_position" in meta.needs_review and "position" in _reason(meta, "signer_position")


def test_a_notice_without_its_recipients_is_flagged() -> None:
    foot = [[(1000, "TM. ỦY BAN NHÂN DÂN")], [(1000, "CHỦ TỊCH")], [(1000, "Hà Hữu Thắng")]]
    meta = _notice(foot=foot)
    assert meta.fields()["recipients"].value == [] and "recipients" in meta.needs_review
    assert "'Nơi nhận'" in _reason(meta, "recipients")


def test_a_parent_body_is_required_before_the_merger_only() -> None:
    head = _without(HEAD, "UBND HUYỆN QUỲNH LƯU")
    meta = _notice(head=head)
    assert meta.fields()["parent_issuer"].value in (None, "") and "parent_issuer" in meta.needs_review
    late = [[(x, t.replace("năm 2016", "năm 2025").replace("21 tháng 3", "21 tháng 8")) for x, t in row]
            for row in head]
    after = _notice(head=late)
    assert after.fields()["date"].value == "2025-08-21" and after.fields()["parent_issuer"].value in (None, "")
    assert "parent_issuer" not in after.needs_review  # no district above a commune from 1 July 2025
    assert "parent_issuer" in required_fields("Thông báo", "administrative", "2025-06-30")
    assert "parent_issuer" not in required_fields("Thông báo", "administrative", "2025-07-01")
    assert "parent_issuer" in required_fields("Thông báo", "administrative", None)  # no date: still asked


def test_a_minutes_is_not_asked_for_what_its_form_never_prints() -> None:
    head = [[(seg if seg[1] != "THÔNG BÁO" else (600, "BIÊN BẢN")) for seg in row] for row in HEAD]
    foot = [[(100, "THƯ KÝ"), (1000, "CHỦ TỌA")], [(100, "Lê Văn Nam"), (1000, "Hà Hữu Thắng")]]
    meta = _extract(_page(head[:-2] + [[(400, "Về việc họp xét duyệt hộ nghèo năm 2016")],
                                       [(100, "Hôm nay, vào lúc 8 giờ, tại trụ sở Ủy ban nhân dân xã.")]] + foot))
    assert meta.classification.type == "Biên bản"
    assert meta.fields()["authority"].value in (None, "") and meta.fields()["recipients"].value == []
    assert not {"authority", "recipients"} & set(meta.needs_review), meta.needs_review


def test_each_type_asks_what_the_truth_always_holds_for_it() -> None:
    table = load_table()
    for name in ("Biên bản", "Hợp đồng", "Bản ghi nhớ", "Bản thỏa thuận"):  # minutes and contracts: no TM., no list
        assert not {"authority", "recipients"} & set(table.expected_fields(name, "administrative")), name
        assert {"place", "signer_position", "parent_issuer"} <= set(table.expected_fields(name, "administrative"))
    assert "parent_issuer" not in table.expected_fields("Nghị quyết", "administrative")  # the council's own
    assert set(NEW) <= set(table.expected_fields("Quyết định", "administrative"))
    assert {"authority", "subject"} & set(table.expected_fields("Giấy nghỉ phép", "administrative")) == set()
    assert {"place", "signer_position", "recipients"} <= set(table.expected_fields("Giấy nghỉ phép", "administrative"))
    petition = set(table.expected_fields("Đơn đề nghị", "petition"))
    assert {"place", "signer_position"} <= petition and not {"authority", "recipients", "parent_issuer"} & petition
    birth = set(table.expected_fields("Khai sinh", "civil_status"))
    assert {"signer", "place", "signer_position", "parent_issuer"} <= birth and "authority" not in birth
    assert "authority" in table.expected_fields("Kết hôn", "civil_status")
    assert table.expected_fields("unknown", "unknown") == ()  # a page with no text: its type is what to review


def test_every_required_field_says_why_the_catalogue_needs_it() -> None:
    fields = {f for t in load_table().types for f in t.expects}
    for name in fields:
        said = missing_reason(name)
        assert said.startswith(f"{NOT_FOUND}: ") and "read" in said, name
    assert missing_reason("language") == NOT_FOUND  # a field no type requires: the bare words
