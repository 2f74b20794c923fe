"""Page-text corrections the syllable set cannot make (issue 14 item 8): a phrase of the lexicon misread in one
mark that still makes a syllable, section numerals whose ``II`` was read ``H``, and the case slips of worn typewriter
type (the national title and motto, a small ``l`` read as a capital mid-sentence). Never a right word made
wrong: names, two-word headings in capitals and phrases already right are left as read."""

from __future__ import annotations

from pathlib import Path

import pytest

from archivist.datewords import correct_date_words
from archivist.models import Word
from archivist.mottofix import correct_headings
from archivist.ocrfix import fix_words
from archivist.phrasefix import correct_phrases, phrase_words
from archivist.sections import correct_numerals


def _line(text: str, line: int = 0, conf: float = 95.0) -> list[Word]:
    return [Word(t, conf, (100 * i, 40 * line, 100 * i + 90, 40 * line + 30), line) for i, t in enumerate(text.split())]


def _text(words: list[Word]) -> str:
    return " ".join(w.text for w in words)


def test_a_phrase_misread_in_one_mark_is_read_back():
    assert _text(correct_phrases(_line("kết quả tống hợp của nhân dần xã"))) == "kết quả tổng hợp của nhân dân xã"
    assert _text(correct_phrases(_line("Tố chức lẫy ý kiến nhân dân."))) == "Tổ chức lấy ý kiến nhân dân."


def test_names_headings_and_right_phrases_are_left_as_read():
    kept = ["Ủy ban nhân dân xã Xuân Trường ban hành", "bà Nguyễn Thị Hạnh thi hành", "TỐNG KẾT",
            "bắt đầu từ 07 giờ", "về việc tăng cường công tác", "tống, hợp"]
    for text in kept:
        assert _text(correct_phrases(_line(text))) == text, text


def test_of_two_overlapping_readings_the_smaller_change_wins():
    assert _text(correct_phrases(_line("về việc tắng cường"))) == "về việc tăng cường"  # not "việc tang"


def test_the_words_a_phrase_puts_at_a_place_given_its_neighbours_on_its_line():
    """At ``tan``'s place ``Ủy _ nhân dân`` puts ``ban`` (neighbours' case and marks aside), spelt as the phrase
    spells it; nothing across lines, nor across punctuation."""
    words = "Căn cứ Ủy tan nhân dân huyện".split()
    assert "ban" in phrase_words(words, [0] * 7, 3)
    assert not {"bán", "lan", "tan"} & phrase_words(words, [0] * 7, 3)
    assert "ban" not in phrase_words(words, [0, 0, 0, 0, 1, 1, 1], 3)  # across lines
    assert "ban" not in phrase_words("Ủy tan, nhân dân".split(), [0] * 4, 1)  # punctuation inside
    assert "dân" in phrase_words("nhân tân".split(), [0, 0], 1)


def test_a_phrase_is_not_read_across_lines():
    words = _line("tống", 0) + _line("kết", 1)
    assert _text(correct_phrases(words)) == "tống kết"


def test_section_numerals_are_read_back_by_their_order():
    page = _line("I. MỤC TIÊU", 0) + _line("Nội dung.", 1) + _line("H. NỘI DUNG", 2) + _line("HI. TỔ CHỨC", 3)
    assert [w.text for w in correct_numerals(page) if w.text.endswith(".") and w.text[:-1].isupper()] == \
        ["I.", "II.", "III."]
    header = _line("H. ĐÔNG TRIỀU", 0) + _line("I. MỤC TIÊU", 1)  # before the first I.: a district
    assert correct_numerals(header)[0].text == "H."
    again = _line("I. PHẦN MỘT", 0) + _line("I. PHẦN HAI", 1)  # a valid numeral is never changed
    assert [w.text for w in correct_numerals(again)] == [w.text for w in again]


def test_a_numeral_that_repeats_the_one_before_and_lacks_a_stroke_of_the_next_is_the_next():
    page = _line("I. MỤC TIÊU", 0) + _line("II. NỘI DUNG", 1) + _line("II. TỔ CHỨC THỰC HIỆN", 2)
    assert [w.text for w in correct_numerals(page) if w.text.endswith(".")] == ["I.", "II.", "III."]
    for kept in (_line("I. MỤC TIÊU", 0) + _line("I. NỘI DUNG", 1),  # I. again: parts numbered anew
                 _line("I. MỤC TIÊU", 0) + _line("II. NỘI DUNG", 1) + _line("IV. TỔ CHỨC", 2),  # not a stroke lost
                 _line("II. NỘI DUNG", 0) + _line("II. TỔ CHỨC", 1)):  # no I. before them: no order known
        assert [w.text for w in correct_numerals(kept)] == [w.text for w in kept]


def test_the_ocr_stage_applies_both():
    page = _line("I. MỤC TIÊU", 0) + _line("H. TỔ CHỨC", 1) + _line("nhân dần tống hợp", 2)
    assert _text(fix_words(page)) == "I. MỤC TIÊU II. TỔ CHỨC nhân dân tổng hợp"


def test_specks_are_dropped_but_never_a_dash_a_code_a_numeral_or_a_two_letter_syllable():
    page = [Word(t, c, (100 * i, 0, 100 * i + 90, 30), 0) for i, (t, c) in enumerate(
        [("công", 96.0), ("dân", 96.0), ("số", 0.0), ("081171863171", 95.0), ("~", 12.0), ("-", 20.0), ("TT", 17.0),
         ("HĐND", 95.0),
         ("Chương", 95.0), ("I", 26.0), ("ˆ", 5.0), ("x", 10.0)])]
    assert _text(fix_words(page)) == "công dân số 081171863171 - TT HĐND Chương I"
    stain = [Word(t, c, (100 * i, 0, 100 * i + 90, 30), 0) for i, (t, c) in enumerate([("xã;", 96.0), ("đế", 6.0)])]
    assert _text(fix_words(stain)) == "xã;"  # a syllable alone at the line's end: a stain


def test_a_code_or_numeral_in_capitals_is_not_lowered_mid_sentence():
    assert _text(fix_words(_line("khóa XX, kỳ họp thứ hai và CƠ SỞ vật chất"))) == \
        "khóa XX, kỳ họp thứ hai và cơ sở vật chất"
    assert _text(fix_words(_line("Lưu: VT, VX. của xã"))) == "Lưu: VT, VX. của xã"


def test_spending_read_with_a_hook_is_read_back_but_chi_dao_and_chi_tieu_stay():
    text = "chỉ ngân sách đạt 112.000.000 đồng, bảo đảm chỉ lương và chỉ đạo giao chỉ tiêu"
    assert _text(correct_phrases(_line(text))) == \
        "chi ngân sách đạt 112.000.000 đồng, bảo đảm chi lương và chỉ đạo giao chỉ tiêu"


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


def test_an_unsure_first_word_of_a_lexicon_phrase_is_no_speck():
    page = [Word("ỦY", 14.0, (0, 0, 80, 50), 0)] + [Word(t, 96.0, (100 * i, 0, 100 * i + 90, 50), 0)
                                                     for i, t in enumerate("BAN NHÂN DÂN XÃ".split(), 1)]
    assert _text(fix_words(page)) == "ỦY BAN NHÂN DÂN XÃ"
    stain = [Word("XI", 14.0, (0, 0, 80, 50), 0), Word("Trung", 96.0, (100, 0, 190, 50), 0),
             Word("Nghĩa", 96.0, (200, 0, 290, 50), 0)]
    assert _text(fix_words(stain)) == "Trung Nghĩa"


def test_a_capital_after_a_small_letter_inside_a_word_is_lowered():
    assert _text(fix_words(_line("theo hƯớng dẫn NhƯ trên, giữ gìn sỰ ổn định"))) == \
        "theo hướng dẫn Như trên, giữ gìn sự ổn định"
    assert _text(fix_words(_line("UBND HUyệN THỌ XUÂN"))) == "UBND HUYỆN THỌ XUÂN"
    kept = "Số: 12/TTr-UBND HĐND xã"  # codes: no capital after a small letter makes a syllable
    assert _text(fix_words(_line(kept))) == kept


def test_a_page_that_reads_many_small_ls_as_capitals_has_them_lowered():
    page = _line("việc Lãnh đạo và quản Lý các nhiệm vụ", 0) + \
        _line("đã có Lúc chưa đạt, Lực lượng ông Lâm Văn Hùng", 1)
    assert _text(fix_words(page)) == \
        "việc lãnh đạo và quản lý các nhiệm vụ đã có lúc chưa đạt, lực lượng ông Lâm Văn Hùng"
    one = _line("đã có Lúc chưa đạt", 0)  # one slip alone on the page, the word nowhere small: kept
    assert _text(fix_words(one)) == "đã có Lúc chưa đạt"


def test_date_words_before_their_numbers_and_a_committees_u_are_read_back():
    words = _line("Quảng Phú, ngày 20 thắng 3 nằm 2005 Đảng Ủy, HĐND và Ủy ban")
    assert _text(correct_date_words(words)) == "Quảng Phú, ngày 20 tháng 3 năm 2005 Đảng ủy, HĐND và Ủy ban"
    kept = "Nam 2005 nằm 5 ngày thắng 13 trận"  # a name; numbers no date word takes
    assert _text(correct_date_words(_line(kept))) == kept


def test_the_word_between_a_month_and_its_year_is_read_nam():
    """Session 46's sealed HG329 (speckled): a subject stored ``… định kỳ tháng 3 năng 2025`` unflagged."""
    assert _text(correct_date_words(_line("định kỳ tháng 3 năng 2025"))) == "định kỳ tháng 3 năm 2025"
    assert _text(correct_date_words(_line("thắng 12 nàng 1999."))) == "tháng 12 năm 1999."
    assert _text(correct_date_words(_line("tháng 3 nan 2025"))) == "tháng 3 năm 2025"
    for kept in ("tháng 3 và 2025", "tháng 13 năng 2025", "tháng 3 Năng 2025", "tháng 3 năng 25", "năng 2025"):
        assert _text(correct_date_words(_line(kept))) == kept
    split = _line("tháng 3 năng", 0) + _line("2025", 1)  # the year on the next line: not the slot
    assert _text(correct_date_words(split)) == "tháng 3 năng 2025"


def test_a_pages_date_words_are_read_again_after_the_glyph_rules():
    """Typed pages (session 46, seeds 330-344): a year read ``2C08`` when the OCR was fixed (so no date word was
    asked) and ``2008`` after the typed zero's glyph rule leaves ``nằm`` before it; the second run reads it ``năm``."""
    from archivist.ocr import OcrResult
    from archivist.pagework import correct_date_slots

    words = _line("ngày 16 tháng 6 nằm 2008.") + _line("tháng 8 năn 2010", 1)
    fixed = correct_date_slots(OcrResult(words, "as read", 90.0))
    assert fixed.text == "ngày 16 tháng 6 năm 2008.\ntháng 8 năm 2010"
    assert [w.bbox for w in fixed.words] == [w.bbox for w in words]
    same = OcrResult(_line("ngày 16 tháng 6 năm 2008."), "kept", 90.0)
    assert correct_date_slots(same) is same


def test_a_long_phrase_is_read_back_in_capitals_and_with_a_bodys_capital_mid_sentence():
    """Session 44's speckled pages: ``ỦY BAN NHẬN DÂN``, ``TM. ỦY BAN NHAN DAN`` (a heading, fit seed 272),
    ``của Ủy bân nhân dân`` (a body's name keeps its capital mid-sentence, fit seed 272)."""
    assert _text(correct_phrases(_line("ỦY BAN NHẬN DÂN"))) == "ỦY BAN NHÂN DÂN"
    assert _text(correct_phrases(_line("TM. ỦY BAN NHAN DAN"))) == "TM. ỦY BAN NHÂN DÂN"
    assert _text(correct_phrases(_line("huyện Cẩm Xuyên, Ủy bân nhân dân xã"))) == \
        "huyện Cẩm Xuyên, Ủy ban nhân dân xã"
    assert _text(correct_phrases(_line("CHỦ TỊCH ỦY BẠN NHÂN DÂN XÃ"))) == "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ"


def test_old_spellings_two_word_capitals_and_names_are_kept():
    """``UỶ`` (Circular 55's spelling) is ``ỦY`` as written, not a misread; a two-word run in capitals may be a
    name (``XUÂN TRƯỜNG``), and only a long phrase may open with a capital mid-sentence."""
    assert _text(correct_phrases(_line("UỶ BAN NHAN DAN"))) == "UỶ BAN NHÂN DÂN"
    kept = ["UỶ BAN NHÂN DÂN", "uỷ ban nhân dân", "TỐNG KẾT", "NGUYÊN VĂN", "bà Nhân Dần", "ông Lấy Ý"]
    for text in kept:
        assert _text(correct_phrases(_line(text))) == text, text


@pytest.mark.slow
def test_generated_speckled_heading_reads_its_committee_end_to_end(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A generated speckled page (seed 272, a fit seed: the fifth document, 200 dpi, JPEG) through ``archivist
    process``: its heading ``ỦY BAN NHÂN DÂN`` and signature ``TM. ỦY BAN NHÂN DÂN``, read ``NHẬN`` and ``NHAN DAN``
    without the rule (capitals left as read), are right in the record and the PDF/A's text layer."""
    from archivist import phrasefix
    from samples.generate import generate
    from tests.steprun import first_page_with_and_without, gain_and_layer

    (doc,) = generate(tmp_path / "set", seed=272, n_docs=5, groups=["speckle"], only=[4])  # the one page, as the set's
    truth = doc["pages"][0]["text"]
    assert "TM. ỦY BAN NHÂN DÂN" in truth
    scans = tmp_path / "set" / "scans"
    reads_as = phrasefix._reads_as

    def only_small(run: list[Word], phrase: tuple[str, ...], opens: bool) -> tuple[list[str], int] | None:
        return None if len(run) >= 3 and run[0].text.strip(".:,")[:1].isupper() and not opens \
            or all(w.text.isupper() for w in run) else reads_as(run, phrase, opens)

    texts = first_page_with_and_without(scans, tmp_path,
                                        lambda: monkeypatch.setattr(phrasefix, "_reads_as", only_small))
    assert "NHAN DAN" in texts["without"] or "NHẬN DÂN" in texts["without"]
    assert "NHAN DAN" not in texts["with"] and "NHẬN DÂN" not in texts["with"]
    assert "TM. ỦY BAN NHÂN DÂN" in texts["with"]
    layer = " ".join(gain_and_layer(truth, texts, tmp_path / "with"))
    assert "ỦY BAN NHÂN DÂN" in layer and "NHAN" not in layer
