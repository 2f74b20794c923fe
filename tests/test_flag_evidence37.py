"""Review flags, thirty-seventh round (issue 14 item 9): values of typewritten pages whose structure is broken while
every syllable is a real one (sealed seed 46: HG46 ttr-177's issuer ``UBND HUYỆN CHÂU PHÚ ỦY NHÂN BÂN XÃ MỸ ĐỨC``,
bc-089's recipient ``TT ảng ủy``) and an archive copy whose unit's code was dropped as debris (AT46 tc-121's
``Lưu: VT FC`` stored ``Lưu: VT``). Right writings that look alike are tested beside them."""

from __future__ import annotations

from archivist.recipients import code_dropped
from archivist.structflags import body_doubt, head_doubt, levels_doubt, recipient_syllable_doubt
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page

#: right bodies' names: one level word (``THỊ XÃ`` is one), a unit whose name holds a level word, other bodies
#: that share a word with the people's committee's head, Circular 55's ``UỶ``, title case
RIGHT_BODIES = ("ỦY BAN NHÂN DÂN XÃ MỸ ĐỨC", "UBND HUYỆN CHÂU PHÚ", "HỘI ĐỒNG NHÂN DÂN THỊ XÃ AN NHƠN",
                "ỦY BAN NHÂN DÂN XÃ TỨ XÃ", "ỦY BAN NHÂN DÂN PHƯỜNG PHƯỜNG ĐÚC", "ĐẢNG ỦY XÃ MỸ ĐỨC",
                "ỦY BAN MẶT TRẬN TỔ QUỐC XÃ MỸ ĐỨC", "HỘI NÔNG DÂN XÃ MỸ ĐỨC", "ỦY BAN DÂN TỘC",
                "ỦY BAN DÂN SỐ, GIA ĐÌNH VÀ TRẺ EM XÃ MỸ ĐỨC", "HỘI ĐỒNG NGHĨA VỤ QUÂN SỰ XÃ MỸ ĐỨC",
                "UỶ BAN NHÂN DÂN XÃ MỸ ĐỨC", "Ủy ban nhân dân xã Mỹ Đức", "UBND TỈNH NGHỆ AN", "UBND TP. HÀ NỘI")


def test_right_bodies_are_not_doubted() -> None:
    for value in RIGHT_BODIES:
        assert body_doubt(value) is None, value


def test_a_body_with_two_level_words_is_two_lines_joined() -> None:
    why = levels_doubt("UBND HUYỆN CHÂU PHÚ ỦY NHÂN BÂN XÃ MỸ ĐỨC")
    assert why == "'HUYỆN' and 'XÃ' in one body's name: two lines of the header read as one"
    assert levels_doubt("UBND HUYỆN CHÂU PHÚ ỦY BAN NHÂN DÂN XÃ MỸ ĐỨC")
    assert levels_doubt("UBND TỈNH AN GIANG UBND HUYỆN CHÂU PHÚ")


def test_a_head_not_written_whole_is_doubted() -> None:
    assert head_doubt("ỦY NHÂN BÂN XÃ MỸ ĐỨC") == \
        "'ỦY NHÂN BÂN XÃ' is not 'ỦY BAN NHÂN DÂN' written whole: the header misread"
    assert head_doubt("HỘI NHÂN ĐỒNG DÂN XÃ MỸ ĐỨC") and head_doubt("ỦY BAN NHÂN DẦN XÃ MỸ ĐỨC")
    assert head_doubt("ỦY BAN MẶT TRẬN XÃ MỸ ĐỨC") is None  # one word of the head: another body


def test_a_recipient_word_no_vietnamese_word_uses_is_doubted() -> None:
    assert recipient_syllable_doubt(["UBND huyện Quảng Điền", "TT ảng ủy, HĐND xã"]) == \
        "'ảng' in 'TT ảng ủy, HĐND xã' is a syllable no Vietnamese word uses: a letter of it lost"
    # names with a capital (a unit's syllable the list may lack), codes, (b/c): not judged
    assert recipient_syllable_doubt(["UBND huyện Bến Lức (b/c)", "TT Đảng ủy, HĐND xã", "UBMTTQ VN và các đoàn thể xã",
                                     "Lưu: VT, ĐC"]) is None


def test_a_code_dropped_as_debris_from_the_archive_copy() -> None:
    assert code_dropped("Lưu: VT FC.", "Lưu: VT")
    for read, kept in (("Lưu VT. jc", "Lưu VT"), ("Lưu: VT, TC", "Lưu: VT, TC"), ("Lưu: VT. /", "Lưu: VT")):
        assert not code_dropped(read, kept), read


def test_the_structures_are_flagged_through_extract() -> None:
    meta = _extract(_page([[(100, "UBND HUYỆN QUỲNH LƯU ỦY NHÂN BÂN")], [(100, "XÃ QUỲNH HẬU")]] + HEAD[3:] + FOOT))
    assert meta.issuer.value == "UBND HUYỆN QUỲNH LƯU ỦY NHÂN BÂN XÃ QUỲNH HẬU"  # flagged, never changed
    assert "two lines of the header" in (meta.issuer.review or "") and "issuer" in meta.needs_review
    meta = _extract(_page(HEAD + FOOT[:2] + [[(100, "- TT ảng ủy, HĐND xã;")]] + FOOT[3:]))
    assert "TT ảng ủy, HĐND xã" in meta.recipients.value and "'ảng'" in (meta.recipients.review or "")
    meta = _extract(_page(HEAD + FOOT[:3] + [[(100, "- Lưu: VTE FC.")]] + FOOT[4:]))
    assert meta.recipients.value[-1] == "Lưu: VT" and "recipients" in meta.needs_review
    # the same page right, or its archive copy with specks only after it: nothing flagged
    assert _extract(_page(HEAD + FOOT)).needs_review == []
    meta = _extract(_page(HEAD + FOOT[:3] + [[(100, "- Lưu: VT.")]] + FOOT[4:]))
    assert meta.recipients.value[-1] == "Lưu: VT" and meta.needs_review == []
