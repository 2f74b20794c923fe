"""Names of the Central Highlands' and northern mountain peoples (archivist/highland.py): the footer's name test takes
them, the restorer keeps them as read (lost marks aside), and a form's capitals are written back as the name is."""

from __future__ import annotations

import pytest

from archivist.highland import is_highland, known, name_case
from archivist.marks import MarkRestorer, restored_word
from archivist.registers import _value
from archivist.signwords import is_name
from archivist.unlisted import unlisted_name_doubt

#: the brief's names, as signers, civil-status persons and register rows print them
NAMES = ["Y Bih Niê", "H'Nga Niê", "Hơ Niê H'Nga", "Ksor Kơk", "Rơ Châm Pơ", "Siu Blếch", "Rcom H'Ly",
         "Đinh Văn Thứ", "A Tuấn", "Y Ngông Niê Kdăm", "Giàng A Páo", "Sùng Mí Chứ", "Vàng Thị Mỷ", "Lò Văn Hặc",
         "Hờ A Dế", "Mùa A Sung"]


@pytest.mark.parametrize("name", NAMES)
def test_the_name_test_takes_their_names_written_and_in_capitals(name: str) -> None:
    assert is_name(name)
    assert is_name(name.upper())  # a form's capitals: no Kinh family name opens most of them
    assert is_name(name.replace("'", "’"))  # the typographic apostrophe


@pytest.mark.parametrize("text", [
    "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN", "Lưu: VT", "Lưu VT, VP",  # positions, lists
    "Xã Ea H'Leo", "XÃ EA H'LEO", "HUYỆN EA H'LEO", "TỈNH ĐẮK LẮK",  # places
    "Y TẾ XÃ", "TRẠM Y TẾ", "Trạm Y Tế", "A B", "Y A", "A AU XS", "A AU",  # stock phrases, debris
    "H'Nga", "Y'Bih Niê x", "H'Nga 12",  # one word, an apostrophe not after one letter, digits
])
def test_the_name_test_takes_no_position_place_or_stock_phrase(text: str) -> None:
    assert not is_name(text)


def test_kinh_names_are_taken_as_before() -> None:
    assert is_name("Nguyễn Văn An") and is_name("NGUYỄN VĂN AN") and is_name("Hà Thị Ngoan")
    assert not is_highland("Ả MưUU") and is_name("Ả MưUU")  # AT100's debris: no opener, taken as before
    assert not is_name("NGƯỜI LÀM ĐƠN") and not is_name("BAN CHẤP HÀNH")


@pytest.mark.parametrize("name", ["Hơ Niê H'Nga", "Hờ A Dế", "Vàng Thị Mỷ", "Giàng A Páo", "Y Ngông Niê Kdăm",
                                  "Rcom H'Ly", "Ksor Kơk", "HỜ A DẾ", "VÀNG THỊ MỶ", "Phàn A Sử"])
def test_the_restorer_keeps_their_names_as_read(name: str) -> None:
    """Before, ``Hơ``/``Hờ`` became the listed ``Hồ`` and ``Mỷ`` the listed ``Mỹ``, without a flag."""
    assert is_highland(name)
    assert MarkRestorer([]).restore(name) == name


@pytest.mark.parametrize(("read", "restored"), [
    ("Y Bih Nie", "Y Bih Niê"), ("Lò Văn Hac", "Lò Văn Hặc"), ("Ksor H'Bo", "Ksor H'Bơ"),
    ("Y BIH NIE", "Y BIH NIÊ"), ("A Tuan", "A Tuấn"),  # a Kinh given name's lost marks too
    ("Y Dế Niê", "Y Dế Niê"), ("Lò Thị On", "Lò Thị On"),  # two listed spellings (Dế/Dợ/Dở, Ón/Ỏn): as read
])
def test_the_restorer_puts_back_lost_marks_only(read: str, restored: str) -> None:
    assert MarkRestorer([]).restore(read) == restored


def test_a_word_of_theirs_spelled_like_a_kinh_name_is_restored_and_flagged_outside_such_a_name() -> None:
    """``Đinh Văn Thứ`` has no word only their names hold: the restorer reads the listed ``Thu``, and the name is
    flagged with the reading (``thứ``, ``hờ``, ``hơ`` listed apart); a listed Kinh name is not."""
    restorer = MarkRestorer([])
    for read, stored in (("Đinh Văn Thứ", "Đinh Văn Thu"), ("Hờ Văn Minh", "Hồ Văn Minh")):
        value = restorer.restore(read)
        assert value == stored
        assert unlisted_name_doubt(value, read) == (
            f"read '{read}' and stored with the listed '{stored.split()[0 if stored[0] == 'H' else 2]}', but "
            f"'{read.split()[0 if stored[0] == 'H' else 2]}' is a name too: the page may print either")
    assert restorer.restore("Hồ Văn Minh") == "Hồ Văn Minh"


def test_restored_word_needs_one_spelling() -> None:
    assert restored_word("Nie") == "niê" and restored_word("Niê") is None and restored_word("Do") is None


@pytest.mark.parametrize(("caps", "written"), [("H'NGA NIÊ", "H'Nga Niê"), ("RCOM H’LY", "Rcom H’Ly"),
                                               ("NGUYỄN VĂN AN", "Nguyễn Văn An"), ("Y BIH NIÊ", "Y Bih Niê")])
def test_a_name_in_capitals_is_written_back_with_its_apostrophe(caps: str, written: str) -> None:
    assert name_case(caps) == written


def test_a_register_row_prints_their_name_and_is_sure_only_when_every_word_is_listed() -> None:
    restorer = MarkRestorer([])
    assert _value("person", "H'NGA NIÊ", restorer) == ("H'Nga Niê", 0.85, None)
    assert _value("person", "KSOR KƠK", restorer) == ("Ksor Kơk", 0.85, None)
    assert _value("person", "Y BIH NIÊ", restorer) == ("Y Bih Niê", 0.85, None)
    value, conf, why = _value("person", "KSOR KLUNG", restorer)  # a word no list holds: kept, flagged
    assert (value, conf) == ("Ksor Klung", 0.85) and why == "the family name 'Ksor' is not one known as written"
    assert known("Nay H'Nhi") and not known("Nay H Nhi")  # the apostrophe lost: flagged
    assert _value("person", "NAY H NHI", restorer)[2] is not None


def _civil(person: str) -> dict:
    """A birth extract whose person the form prints ``person`` (capitals), through extract."""
    from archivist.classify import PageText
    from archivist.extract import extract

    text = ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nXÃ EA KAO Độc lập - Tự do - Hạnh phúc\n"
            "Số: 320/TLKS-BS Ea Kao, ngày 15 tháng 3 năm 2019\n\nTRÍCH LỤC KHAI SINH\n(BẢN SAO)\n\n"
            f"Họ, chữ đệm, tên: {person} Giới tính: Nữ\nNgày, tháng, năm sinh: 12/03/2019\n"
            "Nơi đăng ký: Ủy ban nhân dân xã Ea Kao\nQuyển số: 01/2019\nSố đăng ký: 125\n\n"
            "NGƯỜI KÝ TRÍCH LỤC\n(Ký, ghi rõ họ, chữ đệm, tên)\nLê Văn Hải")
    return extract([PageText(1, text)]).to_dict()["fields"]["person"]


def test_a_civil_persons_name_in_capitals_is_filed_as_written_and_sure_when_every_word_is_listed() -> None:
    """Before, ``H'NGA NIÊ`` was filed ``H'nga Niê`` at 0.6 (no Kinh family name opened it), ``HỜ A DẾ`` ``Hồ A
    Dế``."""
    person = _civil("H'NGA NIÊ")
    assert person["value"] == "H'Nga Niê" and person["confidence"] == pytest.approx(0.85)
    assert _civil("HỜ A DẾ")["value"] == "Hờ A Dế"
    unknown = _civil("H'KLƯNG NIÊ")  # a word no list holds: kept, and flagged
    assert unknown["value"] == "H'Klưng Niê" and unknown["confidence"] < 0.8
