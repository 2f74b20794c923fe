"""flags117 (session 40, issue 14 item 9): a number whose code is a people's committee's ``UBND`` cut to ``UB``
under an issuer whose committee head has one word misread. TW140 typewriter-11-kh-073-thanh-loi: ``Số: 73/KH-UB:D``
stored ``73/KH-UB`` (0.95) unflagged, because the issuer read ``ỦY BAN NšXÂN DÂN XÃ THẠNH LỢT`` was taken for no
committee (``cut_code_doubt`` wanted the four head words whole). Flagged, never changed."""

from __future__ import annotations

from archivist.codeflags import cut_code_doubt
from archivist.fields import Field
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page


def _issuer(value: str) -> Field:
    return Field(value=value, confidence=0.3)


def test_a_cut_code_under_a_committee_head_with_one_word_misread_is_doubted() -> None:
    for head in ("ỦY BAN NšXÂN DÂN XÃ THẠNH LỢT", "ỦY BẠN NHÂN DÂN XÃ YÊN BÌNH", "UỶ BAN NHÂN DẦN XÃ MỸ ĐỨC"):
        why = cut_code_doubt("73/KH-UB", _issuer(head))
        assert why is not None and "'UB'" in why, head


def test_another_bodys_head_or_two_words_off_is_not_a_committee() -> None:
    for head in ("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM XÃ MỸ ĐỨC", "HỘI ĐỒNG NHÂN DÂN XÃ YÊN BÌNH", "BAN CHỈ ĐẠO XÃ MỸ ĐỨC",
                 "ỦY BAN NšXÂN DẤN XÃ THẠNH LỢT", "ỦY BAN"):
        assert cut_code_doubt("73/KH-UB", _issuer(head)) is None, head
    assert cut_code_doubt("73/KH-UBND", _issuer("ỦY BAN NšXÂN DÂN XÃ THẠNH LỢT")) is None  # the code whole


def test_the_cut_code_under_a_misread_head_is_flagged_and_kept_through_extract() -> None:
    rows = [[(100, "ỦY BAN NšXÂN DÂN")] if r[0][1] == "ỦY BAN NHÂN DÂN" else
            [(100, "Số: 118/TB-UB"), r[1]] if r[0][1].startswith("Số:") else r for r in HEAD] + FOOT
    meta = _extract(_page(rows))
    assert meta.number_symbol.value == "118/TB-UB" and "number_symbol" in meta.needs_review
    assert "cut short" in (meta.number_symbol.review or "")
