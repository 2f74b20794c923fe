"""Review flags, fifty-ninth round (issue 14 item 9): a deputy's position read without ``PHÓ`` (HG69
seals-36-tb-152-kim-son: under the seal the block reads ``CHỦ TỊCH`` then ``"PHÓ HDD``, and ``CHỦ TỊCH`` was
stored for ``PHÓ CHỦ TỊCH``). A word ``PHÓ`` or ``KT`` in capitals in the signature column at or under the position
flags it; the value is kept. A weakly read name word that no listed given name spells, one letter from one that is
(HG69 cv-191: ``Đặng Ngạc Hương`` for ``Đặng Ngọc Hương``, the word read at 77): flagged, kept. A register entry
whose word's box is a digit wider than its text (HG69 speckle-22-khai-sinh-31: ``1`` for ``31``): flagged, kept."""

from __future__ import annotations

from archivist.deputyflags import deputy_doubt
from archivist.extract import Metadata
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


# --- a weak name word one letter from a listed given name (HG69 cv-191: 'Ngạc' for 'Ngọc') ------------------

def _read(value: str, conf: float = 95.0, weak: str = "") -> list[tuple[str, float]]:
    """The OCR words of ``value``, each at ``conf`` but ``weak`` at 77 (HG69's ``Ngạc``)."""
    return [(w, 77.3 if w == weak else conf) for w in value.split()]


def test_a_weak_name_word_one_letter_from_a_listed_given_name_is_doubted() -> None:
    why = near_name_doubt("Đặng Ngạc Hương", _read("Đặng Ngạc Hương", weak="Ngạc"))
    assert why is not None and "'Ngạc' (read at 77)" in why and "'Ngọc'" in why
    assert near_name_doubt("Đặng Ngạc Hương", _read("Đặng Ngạc Hương")) is None  # read surely: a name as printed
    for right in ("Đặng Ngọc Hương", "Phan Diệu Lan", "Trần Mỹ Vân"):
        assert near_name_doubt(right, _read(right, 60.0)) is None, right
    assert near_name_doubt("Trần Mỹ Vần", _read("Trần Mỹ Vần", 60.0)) is None  # other marks: the marks rules'
    assert near_name_doubt("Nguyễn Thị Hà", _read("Nguyễn Thị Hà", 60.0)) is None  # two letters: 'Bá' is not near
    assert near_name_doubt("Đặng Ngạc Hương", _read("Đặng Ngạc", 60.0)) is None  # words not paired one to one


def test_the_signers_misread_name_is_flagged_and_kept_through_extract() -> None:
    rows = [r if r[0][1] != "Hà Hữu Thắng" else [(1000, "Đặng Ngạc Hương")] for r in HEAD + FOOT]
    meta = _extract(_page(rows, conf={"Ngạc": 77.3}))
    assert meta.signer.value == "Đặng Ngạc Hương"
    assert "signer" in meta.needs_review and "'Ngọc'" in (meta.signer.review or "")
    right = _extract(_page([r if r[0][1] != "Hà Hữu Thắng" else [(1000, "Đặng Ngọc Hương")] for r in HEAD + FOOT]))
    assert right.signer.value == "Đặng Ngọc Hương" and "signer" not in right.needs_review


# --- a register entry's digit lost to speckle (HG69 speckle-22-khai-sinh-31: entry '1' for '31') --------------

def _entry(read: str, widen: int = 0) -> Metadata:
    """A birth extract whose entry line reads ``Số: {read}``, the entry word's box ``widen`` px wider on its left
    (the lost digit's ink, as the speckle left it)."""
    rows = [[(100, "UBND HUYỆN HẢI HẬU"), (900, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")],
            [(100, "UBND XÃ HẢI XUÂN"), (900, "Độc lập - Tự do - Hạnh phúc")],
            [(100, "Số: 297/TLKS-BS"), (900, "Hải Xuân, ngày 01 tháng 11 năm 2009")], [(500, "TRÍCH LỤC KHAI SINH")],
            [(100, "Họ, chữ đệm, tên: NGUYỄN VĂN BÌNH")], [(100, "Ngày, tháng, năm sinh: 30/09/2001")],
            [(100, "Nơi sinh: xã Hải Xuân, huyện Hải Hậu")], [(100, "Quyển số: 02/2002")], [(100, f"Số: {read}")],
            [(1000, "TM. ỦY BAN NHÂN DÂN")], [(1000, "CHỦ TỊCH")], [(1000, "Phạm Thanh Phong")]]
    page = _page(rows)
    page.words = [(w, c, (b[0] - widen, b[1], b[2], b[3]) if w == read and i == 8 else b, i)
                  for w, c, b, i in page.words]
    return _extract(page)


def test_an_entry_whose_box_holds_a_digit_more_than_its_text_is_flagged_and_kept() -> None:
    lost = _entry("1", widen=12)  # up to the colon: 0.9 digits of the (monospaced) page wider
    assert lost.fields()["entry"].value == "1"
    assert "entry" in lost.needs_review and "digits wider than its text" in (lost.fields()["entry"].review or "")
    for read in ("1", "31"):  # boxes as wide as their text
        right = _entry(read)
        assert right.fields()["entry"].value == read and "entry" not in right.needs_review, read
