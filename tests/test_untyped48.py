"""A document whose type could not be told, but whose recipients list was read, is asked for its number (session
48, fields48b; issue 14 item 9): every type that prints ``Nơi nhận`` carries a number and symbol, so an empty one is
flagged, not left blank on the catalogue without a word (HG460 faded-17-cv-009)."""

from __future__ import annotations

from types import SimpleNamespace

from archivist.fields import Field, missing
from archivist.required import NOT_FOUND
from archivist.untyped import asked_fields, common_fields, flag_untyped, marked_fields
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page

UNKNOWN = SimpleNamespace(type="unknown")


def _found(**values: object) -> dict[str, Field]:
    found = {name: missing() for name in ("number_symbol", "date", "place", "issuer", "subject", "recipients",
                                          "authority")}
    found.update({name: Field(v, 0.9) for name, v in values.items()})
    return found


def test_every_type_with_a_recipients_list_carries_a_number() -> None:
    assert marked_fields("recipients") == {"number_symbol", "date", "issuer", "place", "signer", "signer_position",
                                           "recipients"}
    asked = asked_fields(_found(recipients=["Như trên", "Lưu VT"]))
    assert asked["number_symbol"] == "recipients" and asked["date"] is None  # a common field keeps its own reason
    assert set(asked) == common_fields() | marked_fields("recipients")
    assert set(asked_fields(_found(date="2007-12-23"))) == common_fields()  # no list read: the common ones only


def test_an_untold_type_with_recipients_read_flags_its_empty_number() -> None:
    found = _found(date="2007-12-23", recipients=["Như trên", "UBMTTQ VN xã", "Lưu"], authority="TM.")
    flag_untyped(found, UNKNOWN)
    why = found["number_symbol"].review or ""
    assert why.startswith(f"{NOT_FOUND}: the type could not be told, and every type with a recipients list"), why
    assert "read them from the 'Số:' line" in why
    assert found["subject"].review and "most types carry this field" in found["subject"].review
    assert found["recipients"].review is None and found["authority"].review is None  # read; the authority not asked


def test_a_number_read_an_authority_alone_or_a_told_type_is_left_alone() -> None:
    read = _found(number_symbol="09/UBND-VP", recipients=["Như trên"])
    flag_untyped(read, UNKNOWN)
    assert read["number_symbol"].review is None  # found: nothing to ask
    signed = _found(date="2007-12-23", authority="TM.")  # an authority is printed on civil forms and land papers too
    flag_untyped(signed, UNKNOWN)
    assert signed["number_symbol"].review is None
    typed = _found(date="2007-12-23", recipients=["Như trên"])
    flag_untyped(typed, SimpleNamespace(type="Thư công"))
    assert not any(f.review for f in typed.values())


def test_an_untold_page_with_a_recipients_list_is_asked_its_number_through_extract() -> None:
    body = "Ủy ban nhân dân xã đề nghị các cơ quan, đơn vị trên địa bàn xã được biết và thực hiện nghiêm túc."
    rows = [*HEAD[:3], [(1000, "Quỳnh Hậu, ngày 21 tháng 3 năm 2016")], [(100, body)], *FOOT]  # no Số:, no title
    meta = _extract(_page(rows))
    assert meta.classification is not None and meta.classification.type == "unknown", meta.classification
    assert meta.recipients.value, meta.recipients
    assert meta.number_symbol.value in (None, "") and "number_symbol" in meta.needs_review, meta.needs_review
    assert "every type with a recipients list" in (meta.number_symbol.review or ""), meta.number_symbol.review
