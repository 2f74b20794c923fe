"""Review flags, thirty-third round (issue 14 item 9): a right parent body no longer flagged for a weak word where the
issuer's commune, read too, is one the administrative units' lists hold under that district (``UBND HUYỆN CAN LỘC``
above ``ỦY BAN NHÂN DÂN XÃ MỸ LỘC``). Each test also holds the cases that must stay flagged: another district, a
misread name or head, a value not read word for word, an issuer in doubt."""

from __future__ import annotations

import pytest

from archivist.confirmations import district_wards, parent_confirmed
from archivist.faintflags import FAINT_NOTE
from archivist.fields import Field
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page

needs_units = pytest.mark.skipif(not district_wards(), reason="the administrative units' lists are not installed")


def _field(value: str, source: str | None = None, review: str | None = None) -> Field:
    return Field(value, 0.425, 1, None, value if source is None else source, review=review)


@needs_units
def test_the_lists_hold_each_former_commune_under_its_district() -> None:
    pairs = district_wards()
    assert "huyện can lộc\txã mỹ lộc" in pairs
    assert "huyện quỳnh lưu\txã quỳnh hậu" in pairs
    assert "thành phố phổ yên\tphường tiên phong" in pairs  # a district's level word as the lists write it
    assert "huyện cẩm xuyên\txã mỹ lộc" not in pairs


@needs_units
def test_a_parent_is_confirmed_by_an_issuer_of_its_district() -> None:
    # HG36 clean-01-tb-226-my-loc: a word of the parent's line read at confidence 0, both lines read right
    issuer = _field("ỦY BAN NHÂN DÂN XÃ MỸ LỘC")
    assert parent_confirmed(_field("UBND HUYỆN CAN LỘC"), issuer)
    assert parent_confirmed(_field("ỦY BAN NHÂN DÂN HUYỆN CAN LỘC"), issuer)
    assert parent_confirmed(_field("UBND HUYỆN QUỲNH LƯU"), _field("HỘI ĐỒNG NHÂN DÂN XÃ QUỲNH HẬU"))


@needs_units
def test_a_parent_the_issuer_does_not_confirm_stays_in_doubt() -> None:
    issuer = _field("ỦY BAN NHÂN DÂN XÃ MỸ LỘC")
    assert not parent_confirmed(_field("UBND HUYỆN CẨM XUYÊN"), issuer)  # Mỹ Lộc is no commune of Cẩm Xuyên
    assert not parent_confirmed(_field("UBND HUYỆN CAN LÔC"), issuer)  # a mark misread: no district
    assert not parent_confirmed(_field("UBNĐ HUYỆN CAN LỘC"), issuer)  # the head misread (HG41 `UBNĐ`)
    assert not parent_confirmed(_field("UBND.HUYỆN CAN LỘC"), issuer)  # a speck glued (HG30 `UBND.HUYỆN`)
    assert not parent_confirmed(_field("UBND TỈNH HÀ TĨNH"), issuer)  # a province: not the district level
    # the value is not what the OCR read: a mark restored from elsewhere is no second reading (HG33 `TRIÊU`)
    assert not parent_confirmed(_field("UBND HUYỆN CAN LỘC", "UBND HUYỆN CAN LÔC"), issuer)
    restored = _field("ỦY BAN NHÂN DÂN XÃ MỸ LỘC", "ỦY BAN NHÂN DÂN XÃ MỸ LÔC")
    assert not parent_confirmed(_field("UBND HUYỆN CAN LỘC"), restored)
    # a check doubts either line
    assert not parent_confirmed(_field("UBND HUYỆN CAN LỘC", review="a doubt"), issuer)
    assert not parent_confirmed(_field("UBND HUYỆN CAN LỘC"), _field("ỦY BAN NHÂN DÂN XÃ MỸ LỘC", review="a doubt"))
    assert not parent_confirmed(_field("UBND HUYỆN CAN LỘC"), None)
    assert not parent_confirmed(_field("UBND HUYỆN CAN LỘC"), _field("ỦY BAN NHÂN DÂN"))  # no commune named


def _header(parent: str, commune: str) -> list:
    return [[(100, parent)], [(100, "ỦY BAN NHÂN DÂN")], [(100, commune)]] + HEAD[3:]


@needs_units
def test_through_extract_a_weakly_read_parent_of_the_issuers_district_is_not_flagged() -> None:
    weak = {"LƯU": 0.0}  # the engine gave a word of the parent's line confidence 0 (AT31, AT32, HG36 …)
    m = _extract(_page(_header("UBND HUYỆN QUỲNH LƯU", "XÃ QUỲNH HẬU") + FOOT, conf=weak))
    assert m.parent_issuer.value == "UBND HUYỆN QUỲNH LƯU"
    assert m.parent_issuer.confidence == 0.85
    assert "parent_issuer" not in m.needs_review
    # the same weak line above a commune of another district: flagged as before
    other = _extract(_page(_header("UBND HUYỆN QUỲNH LƯU", "XÃ MỸ LỘC") + FOOT, conf=weak))
    assert other.parent_issuer.value == "UBND HUYỆN QUỲNH LƯU"
    assert other.parent_issuer.confidence < 0.7
    assert "parent_issuer" in other.needs_review


@needs_units
def test_on_a_faint_page_a_confirmed_parent_is_not_judged_by_its_weak_word() -> None:
    def faint(commune: str):
        page = _page(_header("UBND HUYỆN QUỲNH LƯU", commune) + FOOT, conf={"LƯU": 80.0})
        return type(page)(page.number, page.text, page.words, (FAINT_NOTE,), page.rivals)

    confirmed = _extract(faint("XÃ QUỲNH HẬU"))
    assert confirmed.parent_issuer.review is None
    assert "parent_issuer" not in confirmed.needs_review
    doubted = _extract(faint("XÃ MỸ LỘC"))
    assert doubted.parent_issuer.review == "read on a faint page, 'LƯU' at OCR confidence 80"
    assert "parent_issuer" in doubted.needs_review


def test_a_name_that_lost_its_last_word_stands_left_of_the_block_and_is_flagged() -> None:
    from tests.test_flag_evidence27 import POSITION_X, _signed

    # HG38 gm-050 (faded): ``Hồ Thanh Dũng`` centred under ``CHỦ TỊCH``, ``Dũng`` not read, ``Hồ Thanh`` left where
    # it stood, its centre left of the position's
    whole = _signed("Hồ Thanh Dũng", POSITION_X - 34)
    assert "signer" not in whole.needs_review
    lost = _signed("Hồ Thanh", POSITION_X - 34)
    assert lost.signer.value == "Hồ Thanh"
    assert "left of the position's centre: a word after it (the given name) was not read" in (lost.signer.review or "")
    assert "signer" in lost.needs_review
    centred = _signed("Hồ Thanh", POSITION_X)  # a name of two words centred under the position: not doubted
    assert "signer" not in centred.needs_review


def test_a_mark_given_on_a_tie_of_the_documents_spellings_is_a_guess() -> None:
    from archivist.marks import MarkRestorer

    # HG42 qd-017: the subject's ``thôn Đông Hạ`` read right; the body's ``thôn Đồng Tâm`` (another hamlet) writes
    # ``thôn Đồng`` as often as the subject writes ``thôn Đông``. The restorer gave the mark on a guess until session
    # 49 (fields49b): ``Hạ`` follows ``Đồng`` nowhere in the document, so the engine's plain tone is kept
    lines = ["Về việc hỗ trợ kinh phí tại thôn Đông Hạ", "số hộ gia đình tại thôn Đồng", "Tâm và báo cáo"]
    restore = MarkRestorer(lines)
    assert restore.restore("Về việc hỗ trợ kinh phí tại thôn Đông Hạ", "text").endswith("thôn Đông Hạ")
    assert restore.guesses == []
    # the body naming the same hamlet with the mark as often: the mark is given, on a guess
    lines = ["Về việc hỗ trợ kinh phí tại thôn Đông Hạ", "số hộ gia đình tại thôn Đồng Hạ"]
    restore = MarkRestorer(lines)
    assert restore.restore("Về việc hỗ trợ kinh phí tại thôn Đông Hạ", "text").endswith("thôn Đồng Hạ")
    assert restore.guesses == [("đông", "đồng")]
    # written so twice, once so: no tie, and a later value clears the guesses
    restore = MarkRestorer(lines + ["tại thôn Đồng Hạ"])
    restore.restore("Về việc hỗ trợ kinh phí tại thôn Đông Hạ", "text")
    assert restore.guesses == []


def test_through_extract_a_subject_restored_on_a_guess_is_flagged() -> None:
    def subject(body: str):
        head = [row if i != 5 else [(400, "Về việc hỗ trợ kinh phí cho thôn Đông Hạ")] for i, row in enumerate(HEAD)]
        return _extract(_page(head[:6] + [[(100, body)]] + FOOT))

    kept = subject("Căn cứ báo cáo của thôn Đồng.")  # another hamlet, perhaps: Hạ follows Đồng nowhere (fields49b)
    assert kept.subject.value == "Về việc hỗ trợ kinh phí cho thôn Đông Hạ" and "subject" not in kept.needs_review
    guessed = subject("Căn cứ báo cáo của thôn Đồng Hạ.")
    assert guessed.subject.value == "Về việc hỗ trợ kinh phí cho thôn Đồng Hạ"
    assert guessed.subject.review == \
        "'đông' given the marks of 'đồng': the document writes these words as often each way"
    assert "subject" in guessed.needs_review
    plain = subject("Căn cứ báo cáo của thôn Đông.")  # the body writes it as read: nothing restored, no doubt
    assert plain.subject.value == "Về việc hỗ trợ kinh phí cho thôn Đông Hạ"
    assert "subject" not in plain.needs_review


def test_a_recipients_item_of_two_letters_is_a_speck_whatever_its_case() -> None:
    from archivist.crosscheck import speck_doubt

    # AT42 kh-176: ``-Sỏ`` between two items, a speck read as letters
    items = ["UBND huyện Châu Phú (b/c)", "Trưởng các thôn, ấp", "Sỏ", "UBMTTQ VN và các đoàn thể xã", "Lưu VT, VP"]
    assert speck_doubt(items) == "'Sỏ' in 'Sỏ': a speck read as letters"
    assert speck_doubt(["Như trên", "ni"]) is not None  # as before
    assert speck_doubt(["Xã", "TC"]) == "'Xã' in 'Xã': a speck read as letters"  # a level word alone: no item
    assert speck_doubt(["Như trên", "VT"]) is None  # a code in capitals may stand alone
    assert speck_doubt(["Như trên", "12"]) is None  # no letters: not judged so
    assert speck_doubt([it for it in items if it != "Sỏ"]) is None
