"""Two syllables joined by a speck read as ``-``, ``.`` or ``,`` (``thông-báo``) are put back as two words, with
their own boxes, and nothing Vietnamese prints joined is touched (issue 14 items 4 and 8, session 29)."""

from __future__ import annotations

from archivist.models import Word
from archivist.ocrfix import correct_syllables, fix_words, text_of


def _words(*texts: str) -> list[Word]:
    return [Word(t, 70.0, (100 * i, 0, 100 * i + 90, 30), 0) for i, t in enumerate(texts)]


def test_a_speck_between_two_syllables_is_a_space():
    out = correct_syllables(_words("thông-báo", "đất.đai", "ban,hành", "(quyết-định)."))
    assert [w.text for w in out] == ["thông", "báo", "đất", "đai", "ban", "hành", "(quyết", "định)."]


def test_the_split_words_share_the_box_and_the_speck_keeps_its_place_as_the_space():
    a, b = correct_syllables([Word("thông-báo", 70.0, (0, 5, 90, 35), 3)])
    assert a.bbox == (0, 5, 50, 35) and b.bbox == (60, 5, 90, 35)  # 5 letters, the speck, 3 letters
    assert (a.line, b.line, a.conf, b.conf) == (3, 3, 70.0, 70.0)


def test_what_vietnamese_prints_joined_is_left_alone():
    kept = ["vắc-xin",  # a loanword: ``vắc`` is a syllable no word uses alone
            "2019-2020", "QĐ-UBND", "TP.HCM", "Chỉ.huy", "Gia-rai",  # digits, codes, a capital (names)
            "v.v", "ra-đi-ô", "thông-bá0", "1.250.000", "a-b"]  # no syllable, three parts, a digit
    assert [w.text for w in correct_syllables(_words(*kept))] == kept


def test_the_record_text_reads_the_two_words():
    page = _words("Ủy", "ban", "nhân-dân", "xã") + [Word("thông.báo", 60.0, (0, 50, 90, 80), 1)]
    assert text_of(fix_words(page)) == "Ủy ban nhân dân xã\nthông báo"
