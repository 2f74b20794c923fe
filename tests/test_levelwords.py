"""The level words' one table (session 32): its subsets, and the patterns the rules derive from it reading what the
rules' own patterns read before."""

from __future__ import annotations

import pytest

from archivist import agreement, bodies, codeflags, confirmations, extract, indexrows, levelwords, parentflags
from archivist.adminunits import UNIT_TYPES
from archivist.levelwords import COMMUNE, DISTRICT, LEVEL, LEVELS, ONE_WORD, capital_level


def test_subsets_of_the_table() -> None:
    assert set(COMMUNE) == {"xã", "phường", "thị trấn", "đặc khu"}
    assert set(DISTRICT) == {"huyện", "quận", "thị xã", "thành phố"}
    assert set(ONE_WORD) == {"xã", "phường", "huyện", "quận", "tỉnh"}
    assert LEVELS["tỉnh"] == 3 and LEVELS["thành phố"] is None
    assert set(UNIT_TYPES) == {"Đặc khu", "Thị trấn", "Phường", "Xã", "Huyện"}


@pytest.mark.parametrize("text, found", [
    ("UBND HUYỆN CAN LỘC", "HUYỆN "), ("tại xã Cẩm Thạch", "xã "), ("TP. Hồ Chí Minh", "TP. "),
    ("Tp Vinh", "Tp "), ("H. Can Lộc", "H. "), ("Đặc khu Phú Quốc", "Đặc khu "), ("UBND THỊ XÃ KỲ ANH", "THỊ XÃ "),
    ("UBND-XÃ MỸ LỘC", None), ("xã", None), ("Thịnh Long", None),
])
def test_level_opens_a_name_after_a_space(text: str, found: str | None) -> None:
    m = LEVEL.search(text)
    assert (m.group() if m else None) == found


def test_parent_levels_skip_the_motto() -> None:
    assert parentflags.unit_level("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") is None
    assert parentflags.unit_level("UBND THỊ XÃ HỒNG LĨNH") == 2
    assert parentflags.unit_level("UBND THÀNH PHỐ VINH") is None
    assert parentflags.unit_level("ỦY BAN NHÂN DÂN ĐẶC KHU CÔN ĐẢO") == 1
    assert parentflags.unit_level("UBND TỈNH HÀ TĨNH") == 3
    assert parentflags.parent_rank_doubt("UBND  HUYỆN CAN LỘC", "UỶ BAN NHÂN DÂN HUYỆN CAN LỘC") is not None


def test_capital_level_after_the_first_word() -> None:
    assert capital_level("tại Xã Trung Nghĩa".split()) == ("tại", "Xã")
    assert capital_level("UBMTTQ VN Huyện,".split()) == ("VN", "Huyện")
    assert capital_level("Xã Trung Nghĩa".split()) is None  # the first word opens the value
    assert capital_level("UBND XÃ".split()) is None  # capitals are another rule's
    assert capital_level("tại Thị trấn".split()) is None  # two words: no word-by-word check sees them
    assert codeflags.text_level_doubt("khắc phục tại Xã Trung Nghĩa") is not None
    assert codeflags.level_mark_doubt(["TT Đảng ủy, HĐND xả"]) is not None


def test_rules_read_the_table() -> None:
    assert agreement._LEVEL_WORD.match("thị trấn Yên Bình") and not agreement._LEVEL_WORD.match("huyện Can Lộc")
    assert "dac khu" in agreement._LEVELS and "thi xa" in agreement._LEVELS
    assert extract._name_of("ỦY BAN NHÂN DÂN THỊ XÃ KỲ ANH") == "KỲ ANH"
    assert "dac" in bodies._LEVELS and "thị trấn" in bodies.HEADS
    assert confirmations._DISTRICT_BODY.fullmatch("UBND THỊ XÃ KỲ ANH")
    assert confirmations._COMMUNE_UNIT.fullmatch("ỦY BAN NHÂN DÂN THỊ TRẤN YÊN BÌNH")
    assert indexrows.commune_key("Đặc khu Phú Quốc") == "phu quoc"
    assert indexrows.fonds_commune_key({"name": "Ủy ban nhân dân thị trấn Yên Bình"}) == "yen binh"


def test_alternation_tries_longer_words_first() -> None:
    assert levelwords.alternation(["xã", "thị xã"]) == "thị xã|xã"
    assert levelwords.alternation(["ỦY BAN"], r"\s+") == r"ỦY\s+BAN"
