"""The Highlands' signers, second round (bench/RESULTS.md "Highland signers, second round (session 38)").

A name of two syllables, a one-letter opener and one name (``Y Blơ``, ``A Pơng``), is short, and the OCR may read its
gap away: HA371 26-don-de-nghi's petitioner was read ``YBlơ`` (at 92), one word, so no name, and the block had no
signer and no position. Where the word stands where a signer's name goes (under the position, past the signature's
gap) its opener is parted from the name (:func:`archivist.highland.unglue`), and the signer is flagged as every
signer of these peoples is. And the signer and a civil record's person are doubted, as register cells are since
session 37, when a given name has the letters of ``Anh``/``Ánh`` or ``Văn``/``Vân`` with marks no name gives them
(``Ảnh``, ``Vần``: :func:`archivist.namerival.spelling_doubt`); the value is kept.
"""

from __future__ import annotations

import pytest

from archivist.extract import extract
from archivist.fields import Field
from archivist.highland import unglue
from archivist.namerival import flag_name_rivals
from archivist.ocrtext import PageText

#: a petition's body, then the place and date, the position, and the name's rows under it (:func:`_petition`)
BODY = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ĐƠN ĐỀ NGHỊ",
        "Kính gửi: Ủy ban nhân dân xã Hòa Bình", "Tôi tên là: Y Blơ", "Nơi cư trú: thôn Yên Lạc, xã Hòa Bình",
        "Nay tôi làm đơn này kính đề nghị Ủy ban nhân dân xã xem xét, giải quyết", "cho gia đình tôi."]


def _petition(name: str, gap: int) -> PageText:
    """A petition's page as the OCR gives it: words 40 px high, 30 px a letter, a row every 60 px; the signer's
    ``name`` row ``gap`` px under the position ``NGƯỜI LÀM ĐƠN`` (top to top: 60 is the next row, no gap)."""
    words: list[tuple] = []

    def put(text: str, x: int, y: int, line: int) -> None:
        for w in text.split():
            words.append((w, 95.0, (x, y, x + 30 * len(w), y + 40), line))
            x += 30 * len(w) + 20

    y = 300
    for line, text in enumerate(BODY):
        put(text, 300, y, line)
        y += 60
    put("Xã Hòa Bình, ngày 13 tháng 3 năm 2009", 840, y, len(BODY))
    put("NGƯỜI LÀM ĐƠN", 1025, y + 60, len(BODY) + 1)
    put(name, 1140, y + 60 + gap, len(BODY) + 2)
    rows = len(BODY) + 3
    return PageText(1, "\n".join(" ".join(w[0] for w in words if w[3] == i) for i in range(rows)), words)


@pytest.mark.parametrize("read,name", [("YBlơ", "Y Blơ"), ("APơng", "A Pơng"), ("YHlên", "Y Hlên"),
                                       ("ATuấn", "A Tuấn")])
def test_an_opener_read_into_a_listed_name_is_parted(read: str, name: str) -> None:
    assert unglue(read) == name


@pytest.mark.parametrize("word", ["YTế", "ANH", "YBLƠ", "Ytế", "YBlo", "XBlơ", "Ả Blơ", "Blơ", "Y Blơ", "AUXS",
                                  "Anh", "Yên"])
def test_other_words_are_left_as_read(word: str) -> None:
    """Only ``A``/``Y`` before one capitalised word in small letters after it that is a listed name: not a word of
    the lexicon's phrases (``YTế``), a word in capitals (``ANH``, ``YBLƠ``), a name with its marks lost (``YBlo``:
    no listed spelling to go by), another letter, or a word that is simply a word (``Anh``, ``Yên``)."""
    assert unglue(word) == word


def test_a_glued_name_under_the_position_past_the_gap_is_the_signer_flagged() -> None:
    meta = extract([_petition("YBlơ", 280)]).to_dict()
    assert meta["signer"] == meta["fields"]["signer"]["value"] == "Y Blơ"
    assert meta["fields"]["signer"]["source_text"] == "YBlơ"  # as read: the record says what the page gave
    assert meta["signer_position"] == "NGƯỜI LÀM ĐƠN"  # the block is found with its name
    assert meta["fields"]["signer"]["confidence"] <= 0.6 and "signer" in meta["needs_review"]


def test_a_glued_word_right_under_the_position_is_no_signer() -> None:
    """Without the signature's gap the word is the next line of text, not where a signer's name goes."""
    meta = extract([_petition("YBlơ", 60)]).to_dict()
    assert meta["signer"] is None and "signer" in meta["needs_review"]


def test_a_two_syllable_name_read_with_its_gap_is_taken_as_before() -> None:
    meta = extract([_petition("Y Blơ", 280)]).to_dict()
    assert meta["signer"] == "Y Blơ" and meta["signer_position"] == "NGƯỜI LÀM ĐƠN"
    assert "signer" in meta["needs_review"]  # no Kinh family name: flagged as every signer of these peoples


@pytest.mark.parametrize("field", ["signer", "person"])
@pytest.mark.parametrize("value,word", [("Nguyễn Thị Ảnh", "Ảnh"), ("Hoàng Diệu Ảnh", "Ảnh"),
                                        ("Lương Thị Vần", "Vần")])
def test_a_signer_or_person_whose_given_name_has_marks_no_name_gives_is_flagged_and_kept(field: str, value: str,
                                                                                        word: str) -> None:
    f = Field(value, 0.9, None, None, value)
    found = {field: f}
    flag_name_rivals(found, [])
    assert f.value == value  # a flag, never a change
    assert f.review is not None and f.review.startswith(f"'{word}' is no name: a name writes these letters")


@pytest.mark.parametrize("value", ["Nguyễn Thị Ánh", "Hoàng Anh Tuấn", "Lương Thị Vân", "Lê Văn Hải", "Y Blơ"])
def test_names_written_as_names_are_not_flagged_by_it(value: str) -> None:
    f = Field(value, 0.9, None, None, value)
    flag_name_rivals({"signer": f}, [])
    assert f.review is None
