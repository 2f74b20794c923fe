"""A faded page's fixed words phrasefix leaves for their capitals (archivist/fadedphrases.py): an article's ``Điều``,
a phrase opening its line, a two-word phrase in a heading in capitals, the recipients' ``Lưu``; on readings, and on
a generated faded document end to end."""

from __future__ import annotations

from pathlib import Path

import pytest

from archivist import fadedphrases, pagework
from tests.rereadcheck import assert_mended, typed_both_ways
from tests.test_fadedmotto import assert_only_on_a_faded_page
from tests.test_fadedwords import read_lines


def _read(*lines: str) -> str:
    return read_lines(fadedphrases.phrase_readings, *lines)


@pytest.mark.parametrize(("read", "printed"), [
    (("Điêu 1. Thành lập Tổ công tác",), "Điều 1. Thành lập Tổ công tác"),  # an article's number after it
    (("- Như Điêu 4;",), "- Như Điều 4;"),
    (("QUYẾT ĐỊNH", "Vê việc thành lập Ban Chỉ đạo"), "QUYẾT ĐỊNH | Về việc thành lập Ban Chỉ đạo"),  # opening
    (("I. KẾT QUÁ THỰC HIỆN",), "I. KẾT QUẢ THỰC HIỆN"),  # a heading in capitals
    (("III. TÔ CHỨC THỰC HIỆN",), "III. TỔ CHỨC THỰC HIỆN"),
    (("- LƯU VT.",), "- Lưu VT."),  # the recipients' Lưu
    (("- LƯU: VT, VP.",), "- Lưu: VT, VP."),
])
def test_a_fixed_word_a_mark_off_is_read_back(read: tuple[str, ...], printed: str) -> None:
    assert _read(*read) == printed


@pytest.mark.parametrize("read", [
    ("Điều 1. Thành lập",),  # read right
    ("Điêu khắc gỗ",),  # no article's number after it
    ("Điêu", "1. Thành lập"),  # the number on another line
    ("ông Diệu 1.",),  # not Điều's letters and mark (a name)
    ("tại xã Vê việc",),  # not opening its line
    ("Vê Việc",),  # capitals after: a name's run, not a sentence's
    ("KẾT QUÁ",),  # a heading of two words only: no heading
    ("UBND XÃ TÂN HƯNG",),  # capitals after a level word: a unit's name
    ("Kết QUÁ THỰC HIỆN",),  # not all capitals
    ("LƯU VT.",),  # no list dash before it
    ("- LƯU TRỮ",),  # not before VT
])
def test_a_word_read_right_or_out_of_its_place_is_left(read: tuple[str, ...]) -> None:
    assert _read(*read) == " | ".join(read)


def test_faded_phrases_only_on_a_faded_page_boxes_kept() -> None:
    assert_only_on_a_faded_page(fadedphrases.faded_phrases, "Điêu 1. Thành lập", "Điều 1. Thành lập")


@pytest.mark.slow
def test_generated_faded_document_reads_its_heading_end_to_end(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The sixth faded document of seed 491's set of eight (this rule's fit set: a report of Thạnh Lợi, one page):
    its heading's ``KẾT QUẢ`` read ``KẾT QUÁ`` without the rule is read as printed in the record and the PDF/A's
    text layer, no truth word is lost, fewer words are, PDF/A-1b valid."""
    done = typed_both_ways(tmp_path, 491, lambda: monkeypatch.setattr(pagework, "faded_phrases", lambda ocr, p: ocr),
                           doc=6, group="faded", docs=8)
    assert_mended(done, "QUÁ", "QUẢ")
