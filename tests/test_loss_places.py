"""bench/loss_places.py: a page's lost words by class and by the page part their truth line stands in (session 39)."""

from __future__ import annotations

from bench.loss_places import line_places, page_table

LETTER = ("UBND HUYỆN HẢI HẬU\nỦY BAN NHÂN DÂN\nSố: 20/KH-UBND\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
          "Độc lập - Tự do - Hạnh phúc\nHải Xuân, ngày 10 tháng 10 năm 2009\nKẾ HOẠCH\n"
          "Thực hiện công tác tuyển chọn năm 2009\nNơi nhận:\n- Lưu VT.\nTM. UỶ BAN NHÂN DÂN\nCHỦ TỊCH\nMai Mỹ Linh")
EXTRACT = ("UBND HUYỆN PHỔ YÊN\nỦY BAN NHÂN DÂN\nSố: 150/TLKS-BS\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
           "Độc lập - Tự do - Hạnh phúc\nTRÍCH LỤC KHAI SINH\nHọ, chữ đệm, tên: LƯƠNG THỊ MAI\nNơi sinh: Trạm Y tế xã\n"
           "Thái Nguyên\nXã Tiên Phong, ngày 1 tháng 10 năm 2006\nNGƯỜI KÝ TRÍCH LỤC\nTrịnh Ngọc Hoa")


def test_a_letter_and_a_register_extract_in_their_parts() -> None:
    (letter,) = line_places([LETTER], register=False)
    assert letter[:6] == ["header"] * 6  # down to the place-and-date line
    assert letter[6:8] == ["body", "body"] and letter[8:] == ["signature block"] * 5
    (extract,) = line_places([EXTRACT], register=True)
    assert extract[:5] == ["header"] * 5  # down to the motto: an extract dates itself at its foot
    assert extract[5] == "body"  # its title
    assert extract[6:9] == ["form fields"] * 3  # a field's value run on to the next line too
    assert extract[9:] == ["signature block"] * 3
    second = line_places([LETTER, "2\ncác thôn thực hiện\nNơi nhận:\n- Lưu VT."], register=False)[1]
    assert second == ["body", "body", "signature block", "signature block"]  # no header after the first page


def test_lost_words_by_class_and_place() -> None:
    read = LETTER.replace("2009\nKẾ", "2099\nKẾ").replace("Mai Mỹ Linh", "").replace("chọn năm", "chọi năm")
    counts = page_table(LETTER, read, line_places([LETTER], register=False)[0])
    assert counts[("digit", "header")] == 1  # the date line's 2009 read 2099
    assert counts[("letter", "body")] == 1  # chọn read chọi
    assert counts[("whole line lost", "signature block")] == 3  # the signer's name, not one word of it read
    assert sum(counts.values()) == 5
