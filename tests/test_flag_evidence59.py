"""Review flags, fifty-ninth round (issue 14 item 9): a deputy's position read without ``PHÓ`` (HG69
seals-36-tb-152-kim-son: under the seal the block reads ``CHỦ TỊCH`` then ``"PHÓ HDD``, and ``CHỦ TỊCH`` was
stored for ``PHÓ CHỦ TỊCH``). A word ``PHÓ`` or ``KT`` in capitals in the signature column at or under the position
flags it; the value is kept. And a name word that no listed given name spells, one letter from one that is (HG69
cv-191: ``Đặng Ngạc Hương`` for ``Đặng Ngọc Hương``): flagged, kept."""

from __future__ import annotations

from archivist.deputyflags import deputy_doubt
from archivist.fields import Field
from archivist.footer import Footer
from archivist.namerival import near_name_doubt
from archivist.ocrtext import page_lines
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page

SEAL = [[(100, "Nơi nhận:"), (1000, "CHỦ TỊCH")], [(100, "- UBND huyện Đông Triều (b/c);"), (960, '"PHÓ HDD')],
        [(100, "- TT Đảng ủy, HĐND xã;")], [(100, "- Lưu: VT, ĐC.")], [(1000, "Phan Diệu Lan")]]


def _doubt(rows: list[list[tuple[int, str]]], value: str = "CHỦ TỊCH") -> str | None:
    """:func:`deputy_doubt` of ``value`` read from the block of ``rows``: the position on the row holding
    ``value`` in the right column, the name on the last row."""
    page = _page(rows)
    lines = [ln for ln in page_lines(page) if ln.spans and ln.spans[0][2][0] >= 900]
    pos = next(ln for ln in lines if value in ln.text)
    footer = Footer(1, positions=[pos], name=lines[-1])
    return deputy_doubt(Field(value, 0.85, 1, pos.box(), pos.text), footer, [page])


def test_a_position_without_pho_over_a_pho_in_its_column_is_doubted() -> None:
    why = _doubt(SEAL)
    assert why is not None and "'\"PHÓ'" in why and "'CHỦ TỊCH'" in why
    kt = [[(100, "Nơi nhận:"), (1000, "KT. CHỦ TỊCH")], [(100, "- Như trên;")], [(1000, "Phan Diệu Lan")]]
    assert "'KT.'" in (_doubt(kt) or "")


def test_a_chairs_block_and_a_place_name_in_the_recipients_are_not_doubted() -> None:
    chair = [[(100, "Nơi nhận:"), (1000, "TM. ỦY BAN NHÂN DÂN")], [(100, "- UBND huyện Phổ Yên;"), (1000, "CHỦ TỊCH")],
             [(100, "- PHÓ CHỦ TỊCH UBND xã;")], [(100, "- Lưu: VT.")], [(1000, "Hà Hữu Thắng")]]
    assert _doubt(chair) is None  # 'PHÓ' stands in the recipients' column, 'Phổ' is no capital word
    beside = [[(100, "Nơi nhận:"), (1000, "CHỦ TỊCH")], [(1000, "Phố Yên")], [(1000, "Hà Hữu Thắng")]]
    assert _doubt(beside) is None  # title case: a place, not the deputy's word
    deputy = [[(100, "Nơi nhận:"), (1000, "KT. CHỦ TỊCH")], [(1000, "PHÓ CHỦ TỊCH")], [(1000, "Phan Diệu Lan")]]
    assert _doubt(deputy, "PHÓ CHỦ TỊCH") is None  # a deputy's position already


def test_the_seals_position_is_flagged_and_kept_through_extract() -> None:
    meta = _extract(_page(HEAD + SEAL, conf={'"PHÓ': 56.9, "HDD": 8.8}))  # as the seal left them: no position
    assert meta.signer_position.value == "CHỦ TỊCH"
    assert "signer_position" in meta.needs_review and "'\"PHÓ'" in (meta.signer_position.review or "")
    chair = [[(100, "Nơi nhận:"), (1000, "TM. ỦY BAN NHÂN DÂN")], [(100, "- Như trên;"), (1000, "CHỦ TỊCH")],
             [(100, "- TT Đảng ủy, HĐND xã;")], [(100, "- Lưu: VT, ĐC.")], [(1000, "Phan Diệu Lan")]]
    right = _extract(_page(HEAD + chair))
    assert right.signer_position.value == "CHỦ TỊCH" and "signer_position" not in right.needs_review


# --- a name word one letter from a listed given name (HG69 cv-191: 'Đặng Ngạc Hương' for 'Đặng Ngọc Hương') ------

def test_a_name_word_one_letter_from_a_listed_given_name_is_doubted() -> None:
    why = near_name_doubt("Đặng Ngạc Hương")
    assert why is not None and "'Ngạc'" in why and "'Ngọc'" in why
    for right in ("Đặng Ngọc Hương", "Hà Hữu Thắng", "Phan Diệu Lan", "Trần Mỹ Vân"):
        assert near_name_doubt(right) is None, right
    assert near_name_doubt("Trần Mỹ Vần") is None  # a listed name's letters with other marks: the marks rules' case
    assert near_name_doubt("Ngạc") is None  # one word: no given name to judge


def test_the_signers_misread_name_is_flagged_and_kept_through_extract() -> None:
    rows = [r if r[0][1] != "Hà Hữu Thắng" else [(1000, "Đặng Ngạc Hương")] for r in HEAD + FOOT]
    meta = _extract(_page(rows))
    assert meta.signer.value == "Đặng Ngạc Hương"
    assert "signer" in meta.needs_review and "'Ngọc'" in (meta.signer.review or "")
    right = _extract(_page([r if r[0][1] != "Hà Hữu Thắng" else [(1000, "Đặng Ngọc Hương")] for r in HEAD + FOOT]))
    assert right.signer.value == "Đặng Ngọc Hương" and "signer" not in right.needs_review
