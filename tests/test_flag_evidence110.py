"""Review flags, hundred-and-tenth round (issue 14 item 9, session 38, fitted on the opened sealed seed 130; nothing
held out behind it): an issuer whose commune's last word the engine garbled (``SƠN`` read ``SữŒN``) and the debris
filter dropped, leaving a name the unit checks pass (HG130 typewriter-07-cv-206-dong-son: ``ỦY BAN NHÂN DÂN XÃ
ĐÔNG`` for ``… XÃ ĐÔNG SƠN``, stored at 0.866 unflagged). The place line names the commune whole (``Xã Đông
Sơn``): the issuer's unit is only its start. Flagged, kept."""

from __future__ import annotations

from archivist.fields import Field
from archivist.unittail import cut_unit_doubt
from tests.test_flag_evidence import FOOT, _extract, _page

CUT = "ỦY BAN NHÂN DÂN XÃ ĐÔNG"
READ = "ỦY BAN NHÂN DÂN XÃ ĐÔNG SữŒN"
DROPPED = ["'SữŒN' dropped: OCR debris"]
REASON = "the issuer's commune 'ĐÔNG' is only the start of the place's 'Đông Sơn', and its last word read, " \
    "'SữŒN', was dropped as debris: a word of the commune's name may be lost"
HEAD = [[(100, "UBND HUYỆN THỦY NGUYÊN")], [(100, "ỦY BAN NHÂN DÂN")], [(100, "XÃ ĐÔNG {tail}")],
        [(100, "Số: 296/UBND-ĐC"), (1000, "{place}, ngày 22 tháng 8 năm 2005")],
        [(400, "V/v chuẩn bị phòng, chống lụt bão năm 2005")], [(100, "Kính gửi: các thôn")]]


def _issuer(value: str = CUT, read: str | None = READ, changes: list[str] | None = None) -> Field:
    return Field(value, 0.866, read=read, changes=DROPPED if changes is None else changes)


def test_a_commune_cut_short_by_dropped_debris_is_doubted() -> None:
    assert cut_unit_doubt(_issuer(), Field("Xã Đông Sơn", 0.78)) == REASON
    assert cut_unit_doubt(_issuer(), Field("Đông Sơn", 0.78)) == REASON  # a place without its level word
    ward = _issuer("UBND PHƯỜNG TÂN", "UBND PHƯỜNG TÂN PẊŒÚ", ["'PẊŒÚ' dropped: OCR debris"])
    assert cut_unit_doubt(ward, Field("Phường Tân Phú", 0.8)) is not None


def test_whole_names_other_places_and_inner_debris_say_nothing() -> None:
    place = Field("Xã Đông Sơn", 0.78)
    assert cut_unit_doubt(_issuer("ỦY BAN NHÂN DÂN XÃ ĐÔNG SƠN", None, []), place) is None  # read whole
    assert cut_unit_doubt(_issuer(read=CUT, changes=[]), place) is None  # nothing dropped: a commune may be 'Đông'
    inner = _issuer(read="ỦY BAN NHÂN DÂN ~~ XÃ ĐÔNG", changes=["'~~' dropped: OCR debris"])
    assert cut_unit_doubt(inner, place) is None  # the speck dropped was not the name's last word read
    assert cut_unit_doubt(_issuer(), Field("Xã Đông", 0.8)) is None  # the place names the same commune
    assert cut_unit_doubt(_issuer(), Field("Xã Tây Sơn", 0.8)) is None  # another commune
    assert cut_unit_doubt(_issuer(), None) is None
    assert cut_unit_doubt(_issuer("UBND HUYỆN ĐÔNG", "UBND HUYỆN ĐÔNG SữŒN"), place) is None  # no commune level


def _letter(tail: str, place: str = "Xã Đông Sơn") -> object:
    return _extract(_page([[(x, t.format(tail=tail, place=place)) for x, t in row] for row in HEAD] + FOOT))


def test_the_issuer_is_flagged_and_kept_through_extract() -> None:
    cut = _letter("SữŒN")
    assert cut.issuer.value == CUT and cut.issuer.read == READ
    assert cut.issuer.review == REASON and "issuer" in cut.needs_review
    whole = _letter("SƠN")
    assert whole.issuer.value == "ỦY BAN NHÂN DÂN XÃ ĐÔNG SƠN" and "issuer" not in whole.needs_review
    assert "issuer" not in _letter("SữŒN", "Xã Đông").needs_review  # the place names 'Đông' alone
