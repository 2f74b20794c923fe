"""Review flags, fifty-second round (issue 14 item 9): a name word the restorer changed while the engine's other
choice for one of its letters spells another listed name (AT46 19-khai-tu-142's person ``VỠ VĂN NGHĨA.``, stored
``Võ Văn Nghĩa``, the ``Ỡ``'s rival ``Ũ`` spelling ``Vũ``, the printed name). Flagged, never changed."""

from __future__ import annotations

from archivist.namerival import rival_name_doubt
from tests.test_flag_evidence import CHOICES, FOOT, HEAD, _extract, _page

#: AT46 khai-tu-142's person box as stored: each word's text and the engine's rivals
AT46 = [("VỠ", ((1, "Ũ", 95.1, 61.4),)), ("VĂN", ()), ("NGHĨA.", ())]


def test_a_restored_word_whose_rival_spells_another_name_is_doubted() -> None:
    why = rival_name_doubt("Võ Văn Nghĩa", AT46)
    assert why is not None and "'VỠ' was stored 'Võ'" in why and "'Vũ'" in why
    # HG47 speckle-19-tb-174's signer: ``Tà`` restored ``Tạ``, the ``T``'s rival ``H`` spelling ``Hà``
    assert rival_name_doubt("Tạ Trọng Toàn", [("Tà", ((0, "H", 71.5, 69.4),)), ("Trọng", ()), ("Toàn", ())])


def test_a_word_kept_as_read_or_a_rival_spelling_no_name_is_not_doubted() -> None:
    # kept as read (HG48's ``Phượng``, rival ``ơ``: ``Phương``): chardoubt judges a read word's rivals
    assert rival_name_doubt("Đinh Ngọc Phượng", [("Đinh", ()), ("Ngọc", ()),
                                                ("Phượng", ((3, "ơ", 83.9, 53.8),))]) is None
    assert rival_name_doubt("Võ Văn Nghĩa", [("VÕ", ((1, "Ũ", 95.1, 61.4),)), ("VĂN", ()), ("NGHĨA.", ())]) is None
    # restored, but the rival spells no listed name, or the restored one itself
    assert rival_name_doubt("Võ Văn Nghĩa", [("VỠ", ((1, "Ž", 95.1, 61.4),)), ("VĂN", ()), ("NGHĨA", ())]) is None
    assert rival_name_doubt("Võ Văn Nghĩa", [("VỠ", ((1, "Õ", 95.1, 61.4),)), ("VĂN", ()), ("NGHĨA", ())]) is None
    # restored with no rival kept, or words that do not pair one to one with the value's
    assert rival_name_doubt("Võ Văn Nghĩa", [("VỠ", ()), ("VĂN", ()), ("NGHĨA", ())]) is None
    assert rival_name_doubt("Võ Văn Nghĩa", AT46[:2]) is None


def test_a_signer_restored_against_its_rival_is_flagged_through_extract() -> None:
    foot = [[(1000, "Vỡ Hữu Thắng")] if row == [(1000, "Hà Hữu Thắng")] else row for row in FOOT]
    # the rival 33.7 points behind: outside chardoubt's NAME_MARGIN, as AT46's
    signer = _extract(_page(HEAD + foot, rivals=CHOICES | {"Vỡ": ((1, "ũ", 95.1, 61.4),)})).fields()["signer"]
    assert signer.value == "Võ Hữu Thắng" and "'Vũ'" in (signer.review or "")
    plain = _extract(_page(HEAD + foot, rivals=CHOICES)).fields()["signer"]
    assert plain.value == "Võ Hữu Thắng" and plain.review is None
    kept = _extract(_page(HEAD + FOOT, rivals=CHOICES | {"Hà": ((1, "ạ", 95.1, 61.4),)})).fields()["signer"]
    assert kept.value == "Hà Hữu Thắng" and kept.review is None  # read as a listed name: not this rule's
