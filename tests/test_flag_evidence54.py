"""Review flags, fifty-fourth round (issue 14 item 9): a body's unit name holding a code (HG63 typewriter-11-kh-212's
parent issuer ``UBND HUYỆN CỦ HT`` for ``CỦ CHI``: the typed ``CHI`` read ``€HT``, its ``€`` dropped, and ``HT`` is a
known code, so ``crosscheck.unit_doubt`` took the name for none). Flagged, never changed."""

from __future__ import annotations

import pytest

from archivist.crosscheck import unit_doubt, unit_name, unit_names
from archivist.structflags import body_doubt, code_name_doubt
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page

needs_lists = pytest.mark.skipif(not unit_names(), reason="the administrative unit lists are not installed")


@needs_lists
def test_a_unit_name_holding_a_code_is_doubted_a_known_name_not() -> None:
    for value in ("UBND HUYỆN CỦ HT", "UBND HUYỆN TH XUÂN", "ỦY BAN NHÂN DÂN XÃ NGHĨA Ht",
                  "ỦY BAN NHÂN DÂN XÃ MỸ LỘC GTẤY MỒT KT. CHỦ TỊCH PHÓ CHỦ TỊCH"):
        assert unit_doubt(value) is None, value  # what let it pass: a name with a code is none to unit_doubt
        assert code_name_doubt(value) is not None and body_doubt(value) is not None, value
    assert "'CỦ HT'" in (code_name_doubt("UBND HUYỆN CỦ HT") or "")
    for value in ("UBND HUYỆN CỦ CHI", "ỦY BAN NHÂN DÂN XÃ TÂN THẠNH ĐÔNG", "UBND HUYỆN QUỲNH LƯU",
                  "ỦY BAN NHÂN DÂN XÃ QUỲNH HẬU", "UBND HUYỆN CỦ CHỈ", "ĐẢNG ỦY XÃ"):
        assert code_name_doubt(value) is None, value  # no code (CHỈ, no unit's name, is unit_doubt's)


def test_unit_name_keeps_refusing_codes_unless_asked() -> None:
    assert unit_name("UBND HUYỆN CỦ HT") is None
    assert unit_name("UBND HUYỆN CỦ HT", codes=True) == "CỦ HT"
    assert unit_name("TT Đảng ủy xã TT HĐND", codes=True) == "TT HĐND"  # a list's bodies: body names only are judged
    assert unit_name("UBND HUYỆN CỦ CHI", codes=True) == unit_name("UBND HUYỆN CỦ CHI") == "CỦ CHI"


@needs_lists
def test_the_targets_parent_issuer_is_flagged_and_kept_through_extract() -> None:
    head = [[(100, "UBND HUYỆN CỦ HT")], *HEAD[1:]]
    meta = _extract(_page(head + FOOT))
    assert meta.parent_issuer.value == "UBND HUYỆN CỦ HT" and "parent_issuer" in meta.needs_review
    assert "'CỦ HT'" in (meta.parent_issuer.review or "")
    plain = _extract(_page(HEAD + FOOT))
    assert plain.parent_issuer.value == "UBND HUYỆN QUỲNH LƯU" and "parent_issuer" not in plain.needs_review
