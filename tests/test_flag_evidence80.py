"""Review flags, eightieth round (issue 14 item 9): held-out seed 101's parent issuer ``UBND HUYỆN`` for ``UBND HUYỆN
CỦ CHI`` (AT101 08-2-thu-083-tan-thanh-dong, 0.821), a body's name that stops at its level word. Flagged, never
changed."""

from __future__ import annotations

import pytest

from archivist.fields import Field
from archivist.parentflags import bare_body_doubt, flag_parent_and_stub
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page


@pytest.mark.parametrize("name", ["UBND HUYỆN", "UBND HUYỆN;", "UBND TỈNH", "UBND THÀNH PHỐ", "Ủy ban nhân dân huyện",
                                  "ỦY BAN NHÂN DÂN", "ủy BAN NHÂN DÂN.", "UBND", "HĐND XÃ", "UBND THỊ XÃ"])
def test_a_body_that_stops_at_its_level_word_or_head_is_doubted(name: str) -> None:
    assert "no unit named after it" in (bare_body_doubt(name) or ""), name


@pytest.mark.parametrize("name", ["UBND HUYỆN CỦ CHI", "UBND THÀNH PHỐ HÀ NỘI", "ỦY BAN NHÂN DÂN XÃ MỸ LỘC",
                                  "UBND TỈNH NGHỆ AN", "UBND PHƯỜNG 3", "UBND THỊ XÃ HOÀNG MAI", "HUYỆN ỦY CỦ CHI"])
def test_a_body_with_its_units_name_is_not_doubted(name: str) -> None:
    assert bare_body_doubt(name) is None, name


def test_the_issuer_and_parent_are_flagged_a_reason_kept_and_no_value_changed() -> None:
    found = {"parent_issuer": Field("UBND HUYỆN", 0.821), "issuer": Field("ỦY BAN NHÂN DÂN", 0.9)}
    flag_parent_and_stub(found)
    assert "'HUYỆN'" in (found["parent_issuer"].review or "")
    assert "'ỦY BAN NHÂN DÂN'" in (found["issuer"].review or "")
    assert found["parent_issuer"].value == "UBND HUYỆN" and found["parent_issuer"].confidence == 0.821
    kept = {"parent_issuer": Field("UBND TỈNH", 0.8, review="an earlier reason")}
    flag_parent_and_stub(kept)
    assert kept["parent_issuer"].review == "an earlier reason"


def test_the_targets_parent_through_extract_is_flagged_and_kept() -> None:
    meta = _extract(_page([[(100, "UBND HUYỆN")]] + HEAD[1:] + FOOT))
    assert meta.parent_issuer.value == "UBND HUYỆN" and "parent_issuer" in meta.needs_review
    assert "no unit named after it" in (meta.parent_issuer.review or ""), meta.parent_issuer.review
    plain = _extract(_page(HEAD + FOOT))
    assert plain.parent_issuer.value == "UBND HUYỆN QUỲNH LƯU" and "parent_issuer" not in plain.needs_review
