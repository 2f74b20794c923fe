"""Review flags, fourteenth round (issue 14 item 9): values of seed 21 that were wrong and not flagged. Where a
rule can make the value right it does, rather than flag it: AT21's ``Lưu VT`` (Circular 55/2005, no colon) was read
``Lưu`` alone and restored ``Lưu: VT``, a colon archivist added itself."""

from __future__ import annotations

from archivist.recipients import recipient, typed_under_circular55
from tests.test_flag_evidence import _extract, _page

OLD_HEAD = [[(100, "UBND HUYỆN HẢI HẬU"), (900, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")], [(100, "ỦY BAN NHÂN DÂN")],
            [(100, "XÃ HẢI XUÂN")], [(100, "Số: 66/QC-UBND"), (900, "Xã Hải Xuân, ngày 8 tháng 3 năm 2005")],
            [(600, "QUY CHẾ")], [(400, "Quản lý, sử dụng tài sản công của Ủy ban nhân dân xã")],
            [(100, "Ủy ban nhân dân xã ban hành quy chế để các cơ quan, đơn vị được biết.")]]
FOOT = [[(100, "Nơi nhận:"), (1000, "TM. UỶ BAN NHÂN DÂN")], [(100, "- Như trên;"), (1000, "CHỦ TỊCH")],
        [(100, "- TT HĐND xã;")], [(100, "- Lưu")], [(1000, "Phạm Thanh Phong")]]


def test_a_lone_luu_gets_its_vt_back_with_a_colon_only_where_the_rules_wrote_one():
    assert recipient("Lưu") == "Lưu: VT"  # Circular 01/2011 and Decree 30: ``Lưu: VT``
    assert recipient("Lưu", colon=False) == "Lưu VT"  # Circular 55/2005: ``Lưu VT``
    assert recipient("Lưu: VT, TP", colon=False) == "Lưu: VT, TP"  # a colon read is kept whatever the era


def test_circular55_needs_both_the_date_and_the_old_spelling():
    old = ["CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TM. UỶ BAN NHÂN DÂN"]
    assert typed_under_circular55("2005-03-08", old)
    assert not typed_under_circular55("2012-03-08", old)  # the old spelling is still seen after 2011
    assert not typed_under_circular55("2005-03-08", ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])  # new form, old date
    assert not typed_under_circular55(None, old)


def test_an_old_documents_lone_luu_is_read_back_without_a_colon():
    f = _extract(_page(OLD_HEAD + FOOT)).fields()["recipients"]
    assert f.value == ["Như trên", "TT HĐND xã", "Lưu VT"]
    new = [[(x, t.replace("HOÀ", "HÒA").replace("UỶ", "ỦY")) for x, t in row] for row in OLD_HEAD + FOOT]
    assert _extract(_page(new)).fields()["recipients"].value[-1] == "Lưu: VT"  # the new form, an old date


# --- minutes: the chair's name unread, the secretary's block beside it --------------------------------------

MINUTES = [[(100, "UBND HUYỆN CẨM XUYÊN"), (900, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")], [(100, "ỦY BAN NHÂN DÂN")],
           [(100, "XÃ CẨM THẠCH"), (900, "Độc lập - Tự do - Hạnh phúc")],
           [(100, "Số: 49/BB-UBND"), (900, "Cẩm Thạch, ngày 06 tháng 10 năm 2018")], [(600, "BIÊN BẢN")],
           [(400, "Họp Ban Chỉ đạo phòng, chống thiên tai xã")],
           [(100, "Cuộc họp kết thúc vào 11 giờ cùng ngày; biên bản đã được thông qua.")]]


def _minutes(chair_name: str):
    rows = MINUTES + [[(200, "THƯ KÝ"), (1000, "CHỦ TỌA")], [(200, "Mai Ngọc Yến"), (1000, chair_name)]]
    return _extract(_page(rows))


def test_a_chairs_unread_name_does_not_hand_the_signature_to_the_secretary():
    read = _minutes("Lâm Kim Thơm").fields()
    assert (read["signer"].value, read["signer_position"].value) == ("Lâm Kim Thơm", "CHỦ TỌA")
    lost = _minutes("Lâm Xi:: Thơm")  # HG21: the chair's name misread past a name
    assert lost.fields()["signer_position"].value == "CHỦ TỌA"
    assert lost.fields()["signer"].value is None and "signer" in lost.needs_review  # not the secretary's


# --- a position with a seal's or a speck's marks before it -----------------------------------------------------

def _position(text: str):
    from tests.test_flag_evidence import HEAD

    rows = HEAD + [[(100, "Nơi nhận:"), (1000, "TM. ỦY BAN NHÂN DÂN")], [(100, "- Như trên;"), (1000, text)],
                   [(100, "- Lưu: VT.")], [(1000, "Dương Bá Tùng")]]
    return _extract(_page(rows)).fields()["signer_position"]


def test_marks_before_a_known_position_are_dropped_and_said():
    f = _position("/ CHỦ TỊCH")  # HG21: a sealed page
    assert f.value == "CHỦ TỊCH" and f.changes == ["'/' dropped: OCR debris"]
    assert _position("„PHÓ CHỦ TỊCH").value == "PHÓ CHỦ TỊCH"
    kept = _position("/ CHỦY TỊCH")  # what follows is no known position: nothing dropped, and doubted
    assert kept.value == "/ CHỦY TỊCH" and kept.confidence < 0.6


# --- a chapter's heading under the subject, its numeral misread or lost -----------------------------------------

def test_a_chapter_heading_without_its_numeral_ends_the_subject():
    rows = OLD_HEAD[:5] + [[(400, "Về quản lý, sử dụng nhà văn hóa các thôn, ấp")]]
    for heading in ("Chương", "Chương l", "Chương I"):  # AT21: the numeral lost, or read as an ``l``
        page = _page(rows + [[(600, heading)], [(500, "QUY ĐỊNH CHUNG")], [(100, "Điều 1. Phạm vi điều chỉnh.")]])
        assert _extract(page).fields()["subject"].value == "Về quản lý, sử dụng nhà văn hóa các thôn, ấp"
    from archivist.subject import SUBJECT_STOP

    assert not SUBJECT_STOP.match("chuong trinh cong tac nam 2024")  # a programme, not a chapter


# --- a faint page's number beside a date whose year no document has ----------------------------------------------

def test_a_faint_pages_number_beside_an_impossible_year_is_flagged_when_it_holds_a_6_or_9():
    from archivist.agreement import faded_zero_doubt, flag_disagreeing
    from archivist.faintflags import FAINT_NOTE
    from archivist.fields import Field

    assert "the number's 6 may be such a 0" in faded_zero_doubt("64/TTr-UBND", 2995)
    assert faded_zero_doubt("43/KH-UBND", 2966) is None  # no 6 nor 9 in the number: nothing to doubt
    assert faded_zero_doubt("64/TTr-UBND", 2005) is None  # the year is possible: no misread shown

    def found(date_box):
        return {"number_symbol": Field("64/TTr-UBND", 0.95, 1, (542, 417, 777, 444)),
                "date": Field("2995-02-27", 0.29, 1, date_box)}

    page = _page([[(100, "Số: 64/TTr-UBND"), (800, "Xã Yên Thịnh, ngày 27 tháng 2 năm 2995")]])
    faint = type(page)(page.number, page.text, page.words, (FAINT_NOTE,), page.rivals)
    same = found((1146, 416, 1662, 450))
    flag_disagreeing(same, [page.text], [faint])
    assert "may be such a 0" in same["number_symbol"].review
    clear = found((1146, 416, 1662, 450))
    flag_disagreeing(clear, [page.text], [page])  # not a faint page
    assert clear["number_symbol"].review is None
    below = found((1146, 516, 1662, 550))  # the date on another line
    flag_disagreeing(below, [page.text], [faint])
    assert below["number_symbol"].review is None


# --- a place read without its level word, the word before it holding it --------------------------------------

def test_a_place_without_its_level_word_glued_to_the_number_is_flagged():
    from archivist.agreement import place_glue_doubt

    assert "'104/2096/QĐ-UBNWấã'" in place_glue_doubt("Thạnh Lợi", "104/2096/QĐ-UBNWấã")  # HG21: ``UBND Xã``
    assert place_glue_doubt("Thạnh Lợi", "104/QĐ-UBND") is None  # a clean number: the place had no level word
    assert place_glue_doubt("Thạnh Lợi", "12/TTr") is None  # a known code with a small letter
    assert place_glue_doubt("Xã Thạnh Lợi", "104/2096/QĐ-UBNWấã") is None  # the level word is there
    assert place_glue_doubt("Thạnh Lợi", None) is None


def test_the_word_before_must_stand_a_words_space_from_the_place():
    def place(between: int):
        rows = [[(100, "UBND HUYỆN BẾN LỨC")], [(100, "ỦY BAN NHÂN DÂN")], [(100, "XÃ THẠNH LỢI")],
                [(100, "Số: 104/QĐ-UBNWấã"), (100 + between, "Thạnh Lợi, ngày 18 tháng 4 năm 2016")],
                [(600, "QUYẾT ĐỊNH")], [(400, "Về việc thành lập Tổ công tác rà soát hộ nghèo năm 2016")],
                [(100, "Ủy ban nhân dân xã quyết định thành lập tổ công tác.")]]
        return _extract(_page(rows)).fields()["place"]

    near, far = place(17 * 14 + 14), place(17 * 14 + 200)  # a space after the number's 17 letters; a column gap
    assert near.value == far.value == "Thạnh Lợi"
    assert "may hold its first word" in (near.review or "") and far.review is None
