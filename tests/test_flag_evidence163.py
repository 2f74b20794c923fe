"""Review flags, hundred-and-sixty-third round (issue 14 item 9, values stored wrong): the parent body's ``UBND``
garbled by the OCR (HG265 typewriter-10-tb-162's ``UBNĐ HUYỆN CHÂU THÀNH``, HG264 typewriter-07-qd-224's ``UPBND
HUYỆN CAN LỘC``, HG265 typewriter-09-cv-104's ``UBNO HUYỆN ĐÔNG TRIỀU``) read back, the parent kept to review."""

from __future__ import annotations

import pytest

from archivist.fields import Field
from archivist.parenthead import garbled_head, mend_parent_head
from tests.test_flag_evidence import HEAD, _extract, _page


@pytest.mark.parametrize("read", ["UBNĐ HUYỆN CHÂU THÀNH", "UPBND HUYỆN CAN LỘC", "UBNO HUYỆN ĐÔNG TRIỀU",
                                  "ƯBND HUYỆN HẢI HẬU", "U8ND HUYỆN YÊN MÔ", "UBN THỊ XÃ SƠN TÂY"])
def test_a_garbled_ubnd_before_a_level_is_read_back(read: str) -> None:
    f = mend_parent_head(Field(read, 0.6))
    assert f.value == "UBND " + read.split(maxsplit=1)[1] and f.read == read and f.confidence == 0.6
    assert any("'UBND'" in c for c in f.changes)


def test_a_head_read_back_keeps_the_parent_under_its_threshold() -> None:
    assert mend_parent_head(Field("UBNĐ HUYỆN CHÂU THÀNH", 0.85)).confidence == 0.6


@pytest.mark.parametrize("read", ["UBND HUYỆN CHÂU THÀNH", "HĐND HUYỆN CHÂU THÀNH", "UBMTTQ HUYỆN X",
                                  "UBND CỦ CHI", "suễ THẠCH THẤT", "ĐẢNG ỦY HUYỆN X", "UBNĐ"])
def test_a_body_head_as_read_or_no_level_after_it_is_kept(read: str) -> None:
    assert garbled_head(read) is None and mend_parent_head(Field(read, 0.85)).value == read


def test_through_extract_the_parent_is_read_back_and_kept_to_review() -> None:
    meta = _extract(_page([[(100, "UBNĐ HUYỆN QUỲNH LƯU")], *HEAD[1:]]))
    parent = meta.fields()["parent_issuer"]
    assert parent.value == "UBND HUYỆN QUỲNH LƯU" and parent.read == "UBNĐ HUYỆN QUỲNH LƯU"
    assert "parent_issuer" in meta.needs_review
