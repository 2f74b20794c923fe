"""Review flags, forty-second round (issue 14 item 9): a body's head whose ``NHÂN`` lost a letter (sealed seed 52:
HG52 ttr-023's issuer ``ỦY BAN HÂN DÂN XÃ TÂN PHÚ`` at 0.771, ``NHÂN`` read ``&HÂN`` and the ``&`` dropped as a
speck). ``HÂN`` is a real syllable and the other words are the head's, so only the head's structure doubts it;
other bodies sharing a word with the head are tested beside it."""

from __future__ import annotations

from archivist.structflags import body_doubt, head_doubt
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page
from tests.test_flag_evidence37 import RIGHT_BODIES

#: more right bodies with two of the head's words, or a word a letter from ``NHÂN``, but not its ``NHÂN``
OTHER_BODIES = ("ỦY BAN KIỂM TRA ĐẢNG ỦY XÃ TÂN PHÚ", "BAN CHỈ HUY QUÂN SỰ XÃ TÂN PHÚ", "HỘI NÔNG DÂN XÃ TÂN PHÚ",
                "ỦY BAN DÂN TỘC", "HỘI CỰU CHIẾN BINH XÃ TÂN PHÚ", "HỘI ĐỒNG THI ĐUA KHEN THƯỞNG XÃ TÂN PHÚ",
                "ỦY BAN NHÂN DÂN XÃ NHÂN THÀNH", "ỦY BAN NHÂN DÂN XÃ THANH NHÀN")


def test_a_head_whose_nhan_lost_or_changed_a_letter_is_doubted() -> None:
    assert head_doubt("ỦY BAN HÂN DÂN XÃ TÂN PHÚ") == \
        "'ỦY BAN HÂN DÂN' is not 'ỦY BAN NHÂN DÂN' written whole: the header misread"
    for value in ("ỦY BAN NHÂ DÂN XÃ QUỲNH HẬU", "ỦY BAN WHÂN ĐÂN XÃ BÌNH MINH", "HỘI ĐỒNG HÂN DÂN XÃ TÂN PHÚ",
                  "ỦY BAN HÂN ÂN XÃ QUỲNH HẬU"):
        assert head_doubt(value), value
    assert head_doubt("ỦY BAN HÀNH CHÍNH XÃ TÂN PHÚ") is None  # a word two letters from NHÂN: another body


def test_right_and_other_bodies_are_not_doubted() -> None:
    for value in RIGHT_BODIES + OTHER_BODIES:
        assert body_doubt(value) is None, value


def test_the_head_that_lost_a_letter_is_flagged_through_extract() -> None:
    meta = _extract(_page(HEAD[:1] + [[(100, "ỦY BAN HÂN DÂN")]] + HEAD[2:] + FOOT))
    assert meta.issuer.value == "ỦY BAN HÂN DÂN XÃ QUỲNH HẬU"  # flagged, never changed
    assert "not 'ỦY BAN NHÂN DÂN' written whole" in (meta.issuer.review or "") and "issuer" in meta.needs_review
