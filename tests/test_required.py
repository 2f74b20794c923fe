"""A field the catalogue needs, stored empty, goes to review saying why (archivist/required.py; issue 14 item 9,
"Bad input"): the place and the signer's position on every typed document, ``TM.``/``KT.`` and the recipients where
the type's form prints them, the signer of a civil-status extract; never a line the type's form does not print (a
minutes' or a contract's authority and recipients, a register leaf's signature), nor the parent body, which Decree 30
prints only where there is one. Pages built as tests/test_flag_evidence.py builds them."""

from __future__ import annotations

from archivist.doctypes import load_table
from archivist.required import NOT_FOUND, missing_reason, required_fields
from archivist.toreview import review_items
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page

NEW = ("place", "signer_position", "authority", "recipients")


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


def test_a_parent_body_is_never_required() -> None:
    meta = _notice(head=_without(HEAD, "UBND HUYỆN QUỲNH LƯU"))  # Decree 30 prints it only where there is one
    assert meta.fields()["parent_issuer"].value in (None, "") and "parent_issuer" not in meta.needs_review
    assert not any("parent_issuer" in required_fields(t.name, t.kind) for t in load_table().types)


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
        assert {"place", "signer_position"} <= set(table.expected_fields(name, "administrative"))
    assert set(NEW) <= set(table.expected_fields("Quyết định", "administrative"))
    assert {"authority", "subject"} & set(table.expected_fields("Giấy nghỉ phép", "administrative")) == set()
    assert {"place", "signer_position", "recipients"} <= set(table.expected_fields("Giấy nghỉ phép", "administrative"))
    petition = set(table.expected_fields("Đơn đề nghị", "petition"))
    assert {"place", "signer_position"} <= petition and not {"authority", "recipients"} & petition
    birth = set(table.expected_fields("Khai sinh", "civil_status"))
    assert {"signer", "place", "signer_position"} <= birth and "authority" not in birth
    assert "authority" in table.expected_fields("Kết hôn", "civil_status")
    assert table.expected_fields("unknown", "unknown") == ()  # a page with no text: its type is what to review


def test_a_register_leaf_is_not_asked_for_a_signature_an_extract_is() -> None:
    extract_ = required_fields("Khai sinh", "civil_status", "Trích lục")
    assert {"signer", "place", "signer_position", "person", "date"} <= extract_
    leaf = required_fields("Khai sinh", "civil_status", "Sổ đăng ký")
    assert not {"signer", "place", "signer_position"} & leaf and {"person", "date", "issuer"} <= leaf


def test_every_required_field_says_why_the_catalogue_needs_it() -> None:
    fields = {f for t in load_table().types for f in t.expects}
    for name in fields:
        said = missing_reason(name)
        assert said.startswith(f"{NOT_FOUND}: ") and "read" in said, name
    assert missing_reason("language") == NOT_FOUND  # a field no type requires: the bare words
