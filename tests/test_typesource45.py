"""A number whose type part alone gave the document a type in doubt is doubted with it (session 45, coordinator;
:func:`archivist.typeflags.type_source_doubt`). Sealed HG299 speckle-24's ``05/TT-UBND`` for ``05/TTr-UBND``: the
title ``TỜ TRÌNH`` lost to the specks, the type taken from ``TT`` (``Thông tư``) and sent to review against a
submission's words, the number stored unflagged at 0.95. Flagged, never changed."""

from __future__ import annotations

from types import SimpleNamespace

from archivist.typeflags import type_source_doubt
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page


def _cls(code: str, *, review: bool = True, confidence: float = 0.5, signals: tuple[str, ...] = ()) -> SimpleNamespace:
    return SimpleNamespace(code=code, type="Thông tư", needs_review=review, confidence=confidence,
                           signals=list(signals) or [f"symbol {code} in 05/{code}-UBND"])


def test_a_type_in_doubt_resting_on_the_type_part_alone_doubts_the_number() -> None:
    why = type_source_doubt("05/TT-UBND", _cls("TT"))
    assert why is not None and "'TT'" in why and "no title read" in why


def test_a_sure_type_a_title_read_or_another_type_part_leave_the_number_alone() -> None:
    assert type_source_doubt("05/TT-UBND", _cls("TT", review=False, confidence=0.95)) is None  # the type is sure
    titled = _cls("TT", signals=("title 'THÔNG TƯ' on page 1", "symbol TT in 05/TT-UBND"))
    assert type_source_doubt("05/TT-UBND", titled) is None  # the title says it, not the symbol alone
    assert type_source_doubt("05/TB-UBND", _cls("TT")) is None  # the type came from elsewhere
    assert type_source_doubt("60-NQ/TW", _cls("NQ")) is None  # a Party number
    assert type_source_doubt(None, _cls("TT")) is None and type_source_doubt("05/TT-UBND", _cls("")) is None


def _untitled(number: str, body: str) -> list[list[tuple[int, str]]]:
    """HEAD with its number, its title line dropped (read as specks) and a body line of its own."""
    return [*HEAD[:3], [(100, f"Số: {number}"), (1000, "Quỳnh Hậu, ngày 21 tháng 3 năm 2016")],
            [(400, "Về việc đề nghị bổ sung kinh phí hỗ trợ hộ nghèo năm 2016")], [(100, body)]]


def test_through_extract_the_number_is_flagged_where_the_title_was_lost_and_the_words_say_otherwise() -> None:
    body = "Ủy ban nhân dân xã kính trình Ủy ban nhân dân huyện xem xét, phê duyệt."
    meta = _extract(_page(_untitled("05/TT-UBND", body) + FOOT))
    cls = meta.classification
    assert cls is not None and cls.code == "TT" and cls.needs_review
    assert meta.number_symbol.value == "05/TT-UBND" and "number_symbol" in meta.needs_review
    assert "only evidence of the type" in (meta.number_symbol.review or "")
    titled = _extract(_page([*HEAD[:3], [(100, "Số: 05/TTr-UBND"), (1000, "Quỳnh Hậu, ngày 21 tháng 3 năm 2016")],
                             [(600, "TỜ TRÌNH")], *_untitled("05/TTr-UBND", body)[4:]] + FOOT))
    assert titled.number_symbol.value == "05/TTr-UBND" and "number_symbol" not in titled.needs_review
