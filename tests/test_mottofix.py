"""Case slips of worn typewriter type (issue 14 item 8): the national title and motto in their printed case, and a
small ``l`` read as a capital mid-sentence. Only the case changes, and a name is never lowered."""

from __future__ import annotations

from archivist.models import Word
from archivist.mottofix import correct_headings
from archivist.ocrfix import fix_words


def _line(text: str, line: int = 0, conf: float = 95.0) -> list[Word]:
    return [Word(t, conf, (100 * i, 40 * line, 100 * i + 90, 40 * line + 30), line) for i, t in enumerate(text.split())]


def _text(words: list[Word]) -> str:
    return " ".join(w.text for w in words)


def test_the_motto_and_national_title_get_their_printed_case():
    assert _text(correct_headings(_line("Độc Lập - Tự do - Hạnh phúc"))) == "Độc lập - Tự do - Hạnh phúc"
    assert _text(correct_headings(_line("Độc Lập - TỰ do - Z#ạnh phúc"))) == "Độc lập - Tự do - Z#ạnh phúc"
    assert _text(correct_headings(_line("CỘNG HOÀ XÃ HỘi CHỦ NGHĨA VIỆT NAM"))) == "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def test_marks_and_words_outside_the_headings_are_left_as_read():
    kept = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc tệp - Tự do - Hạnh phúc",  # marks are the OCR's
            "Xã Cẩm Thạch, ngày 2 tháng 3 năm 2024",  # xã outside the title
            "giữ Độc Lập cho dân",  # two words of the motto are no motto
            ]
    for text in kept:
        assert _text(correct_headings(_line(text))) == text, text
    two_lines = _line("Độc Lập - Tự", 0) + _line("do - Hạnh phúc", 1)
    assert _text(correct_headings(two_lines)) == "Độc Lập - Tự do - Hạnh phúc"


def test_a_small_l_read_as_a_capital_mid_sentence_is_lowered_when_the_page_prints_it_small():
    page = _line("đây là việc cần làm", 0) + _line("nhất Là qua hệ thống", 1)
    assert _text(fix_words(page)).endswith("nhất là qua hệ thống")


def test_names_and_words_the_page_never_prints_small_keep_their_capital():
    for text in ("ông Lý Văn Tám là người", "là ấp Lập là nơi", "xử Lý Kịp thời là", "đây là luật của Luật này"):
        words = _line("là " + text)
        out = _text(fix_words(words))
        assert out == "là " + text, text
