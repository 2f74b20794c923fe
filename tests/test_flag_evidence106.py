"""Review flags, hundred-and-sixth round (issue 14 item 9, session 38): a register row's name holding a word that is
no Vietnamese syllable and no listed name spelling (HG122 tables-26-so-khai-sinh-bang-01-2022: the mother ``Nguyễn
Thị Vâần``, printed ``Vân``, a vowel read twice, stored unflagged; held out in session 37's register round). The
row is flagged, its values kept; the names of the Highlands' and mountain peoples, no syllables, are listed."""

from __future__ import annotations

from archivist.cellwords import unspelled_doubt
from archivist.ocrtext import PageText
from archivist.registerpages import read_register
from tests.test_registers import _words

VAAN = "'Vâần' is no Vietnamese syllable and no name's spelling: a letter or a mark may be misread"


def test_a_name_word_that_is_no_syllable_is_doubted() -> None:
    assert unspelled_doubt("Nguyễn Thị Vâần") == VAAN
    assert unspelled_doubt("Trần Vănn Hải") is not None  # a letter read twice
    assert unspelled_doubt("Lê Thị Hoaà") is not None


def test_right_names_and_the_highland_peoples_names_are_not_doubted() -> None:
    for name in ("Nguyễn Thị Vân", "Hoàng Thùy Ánh", "Nguyễn Thị Ảnh", "Đỗ Thị Nhàn", "Ksor Kơk", "H'Nga Niê",
                 "Y Bih Niê", "Giàng A Páo", "Nguyễn Văn Quyết"):
        assert unspelled_doubt(name) is None, name  # Ảnh is a syllable: spelling_doubt's, not this rule's


def test_the_register_row_is_flagged_and_kept() -> None:
    rows = [[["8"], ["12/05/2022"], ["Ngô Minh Khoa"], ["01/05/2022"], ["Nam"], ["Phạm Thị Hồng"]],
            [["9"], ["14/05/2022"], ["Ngô Tiến Đạt"], ["03/05/2022"], ["Nam"], ["Nguyễn Thị Vâần"]],
            [["10"], ["16/05/2022"], ["Lê Thu Hà"], ["04/05/2022"], ["Nữ"], ["Nguyễn Thị Vân"]]]
    entries = read_register([PageText(1, "", _words(rows))])
    assert [e["mother"] for e in entries] == ["Phạm Thị Hồng", "Nguyễn Thị Vâần", "Nguyễn Thị Vân"]  # kept
    assert entries[1]["review"] == VAAN and entries[1]["cells"]["mother"]["review"] == VAAN
    assert entries[0]["review"] is None and entries[2]["review"] is None
