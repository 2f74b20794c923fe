"""Review flags, fifth round (issue 14 item 9; bench/RESULTS.md, "Flags, fifth round (session 22)"): each
new piece of evidence on a small page that has exactly the slip the generated sets showed, and the same page
without it, which must stay as it was.

- a number whose low word confidence lies on nothing the grammar leaves open gets its pattern's confidence;
- a recipient whose first letter the engine nearly read in the other case, a recipients list that lost its
  archive copy's code to the debris rules, or one of whose words swallowed a line, is flagged;
- a recipient line is not cut where its rest stands a word's gap after it (``Lưu: VT, ĐC.``);
- a subject with a syllable no Vietnamese word uses, a body's name with a hyphen glued between words.

Sixth round ("Flags, sixth round (session 22)"): a subject with debris inside or ending on a joining word, a
recipient with a word of one small letter, and ``chi hội nghị`` read back from ``chỉ hội nghị`` by the lexicon.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from archivist import classify
from archivist.chardoubt import case_doubt, flag_doubted, grammar_settles
from archivist.classify import PageText
from archivist.crosscheck import cut_doubt, debris_doubt, glued_doubt, speck_doubt, syllable_doubt
from archivist.extract import Metadata, extract
from archivist.fields import Field
from archivist.marks import MarkRestorer
from archivist.recipients import read_recipients
from archivist.syllables import attested

Box = tuple[int, int, int, int]
needs_words = pytest.mark.skipif(not attested(), reason="Tesseract's word list (combine_tessdata) is not installed")


def _page(rows: list[list[tuple[int, str]]], conf: dict[str, float] | None = None,
          tall: dict[str, int] | None = None, rivals: dict[str, tuple] | None = None) -> PageText:
    """A page of rows, each a list of ``(left x, text)`` segments on one line (two columns share a row), with
    word boxes 14 px a letter, rows 40 px apart; ``conf``, ``tall`` (extra height) and ``rivals`` by word."""
    conf, tall, rivals = conf or {}, tall or {}, rivals or {}
    words, by_box, texts = [], {}, []
    for i, segments in enumerate(rows):
        for x, text in segments:
            for w in text.split():
                box: Box = (x, 100 + 40 * i - tall.get(w, 0), x + 14 * len(w), 130 + 40 * i)
                words.append((w, conf.get(w, 95.0), box, i))
                if w in rivals:
                    by_box[box] = (w, rivals[w])
                x += 14 * len(w) + 12
        texts.append("   ".join(t for _, t in segments))
    return PageText(1, "\n".join(texts), words, (), by_box)


def _extract(page: PageText) -> Metadata:
    """``extract`` of one page, afresh: :func:`archivist.classify.analysed` keeps the last layout by the pages'
    text and word count, and these pages differ from each other only in their words' boxes and confidences."""
    classify._LAST = None
    return extract([page])


HEAD = [[(100, "UBND HUYỆN QUỲNH LƯU")], [(100, "ỦY BAN NHÂN DÂN")], [(100, "XÃ QUỲNH HẬU")],
        [(100, "Số: 118/TB-UBND"), (1000, "Quỳnh Hậu, ngày 21 tháng 3 năm 2016")], [(600, "THÔNG BÁO")],
        [(400, "Về việc lịch trực Tết Nguyên đán năm 2016")],
        [(100, "Ủy ban nhân dân xã thông báo để các cơ quan, đơn vị được biết.")]]
FOOT = [[(100, "Nơi nhận:"), (1000, "TM. ỦY BAN NHÂN DÂN")], [(100, "- Như trên;"), (1000, "CHỦ TỊCH")],
        [(100, "- TT Đảng ủy, HĐND xã;")], [(100, "- Lưu: VT, TC.")], [(1000, "Hà Hữu Thắng")]]
#: a character somewhere on the page the engine weighed another for: the page was read keeping its choices
CHOICES = {"Nguyên": ((0, "N", 90.0, 60.0),)}


# --- a number whose doubt the grammar settles ---------------------------------------------------------

def test_the_grammar_settles_look_alikes_and_stray_marks_not_digits_or_another_code() -> None:
    # bench pages: right numbers read at word confidence 41-63 with these rivals, or none at all
    assert grammar_settles("118/TB-UBND", ())
    assert grammar_settles('"191/QĐ-UBND', ((0, "ˆ", 80.8, 78.7),))  # the quote glued to it
    assert grammar_settles("199/2009/QĐ-UBND", ((10, "Ð", 96.2, 60.3),))  # Đ's look-alike: QÐ is no code
    assert grammar_settles("16/TTr-UBND", ((4, "I", 85.7, 68.5),))  # TTI is no code
    assert grammar_settles("Số:39/BC-UBND", ((7, "G", 90.1, 60.9),))  # BG is no code
    assert not grammar_settles("Số:99/UBND-VX", ((3, "8", 82.0, 60.0),))  # a digit weighed: it may be 89
    assert not grammar_settles("21/TB-UBND", ((4, "P", 90.0, 80.0),))  # TP is a code too: the grammar can't tell
    assert not grammar_settles("21/TB-UBND", ((40, "P", 90.0, 80.0),))  # a rival past the word: not this word


def _number(conf: float, rivals: dict[str, tuple]) -> Metadata:
    meta = _extract(_page(HEAD + FOOT, conf={"118/TB-UBND": conf}, rivals=CHOICES | rivals))
    assert meta.number_symbol.value == "118/TB-UBND"
    return meta


def test_a_weakly_read_number_the_grammar_settles_is_not_flagged_a_doubted_digit_keeps_its_flag() -> None:
    settled = _number(45.0, {})
    assert settled.number_symbol.confidence == 0.95 and "number_symbol" not in settled.needs_review
    assert "number" not in settled.needs_review and "symbol" not in settled.needs_review
    digit = _number(45.0, {"118/TB-UBND": ((1, "7", 80.0, 60.0),)})
    assert digit.number_symbol.confidence < 0.7 and "number_symbol" in digit.needs_review
    code = _number(45.0, {"118/TB-UBND": ((4, "P", 80.0, 70.0),)})
    assert "number_symbol" in code.needs_review
    unknown = _extract(_page(HEAD + FOOT, conf={"118/TB-UBND": 45.0}))  # no choices kept: nothing to say
    assert "number_symbol" in unknown.needs_review
    # seed 13: '191/KH-UBNWD', its rivals no other code: a part that is no code keeps the confidence it was read at
    rows = [r if r[0][1] != "Số: 118/TB-UBND" else [(100, "Số: 118/TB-UBNWD"), r[1]] for r in HEAD] + FOOT
    odd = _extract(_page(rows, conf={"118/TB-UBNWD": 45.0}, rivals=CHOICES))
    assert odd.number_symbol.value == "118/TB-UBNWD" and odd.number_symbol.confidence < 0.7
    assert "UBNWD" in (odd.number_symbol.review or "")


# --- recipients ------------------------------------------------------------------------------------

def test_a_recipients_first_letter_nearly_read_in_the_other_case_is_in_doubt() -> None:
    assert case_doubt("Các", ((0, "c", 87.5, 82.4),)) == "the OCR nearly read 'c' for 'C' in 'Các'"
    assert case_doubt("Xã;", ((0, "x", 90.3, 53.0),)) is None  # far behind
    assert case_doubt("(b/c);", ((3, "C", 87.1, 71.4),)) is None  # no plain word: restored by its own rule
    assert case_doubt("Đảng", ((1, "ả", 85.0, 84.0),)) is None  # not the case of the first letter


def test_recipients_with_a_letter_whose_case_is_in_doubt_are_flagged() -> None:
    rows = HEAD + FOOT[:2] + [[(100, "- Chủ tịch, Các PCT UBND xã;")]] + FOOT[2:]
    doubted = _extract(_page(rows, rivals=CHOICES | {"Các": ((0, "c", 87.5, 82.4),)}))
    assert "Chủ tịch, Các PCT UBND xã" in doubted.recipients.value
    assert "'Các'" in (doubted.recipients.review or "") and "recipients" in doubted.needs_review
    sure = _extract(_page(rows, rivals=CHOICES | {"Các": ((0, "c", 95.0, 50.0),)}))
    assert sure.recipients.review is None and "recipients" not in sure.needs_review


class _Line:
    def __init__(self, text: str) -> None:
        self.text = text


def test_an_archive_copys_code_dropped_as_debris_lowers_the_lists_confidence() -> None:
    def read(last: str) -> tuple[list[str], float]:
        kept, _, conf = read_recipients([_Line("- Như trên;"), _Line(last)], True, lambda t: t.rstrip("."))
        return kept, conf

    assert read("- Lưu: VT, TC.") == (["Như trên", "Lưu: VT, TC"], 0.85)
    assert read("- Lưu: VT; TŒ.") == (["Như trên", "Lưu: VT"], 0.51)  # TC read TŒ, dropped as a speck
    assert read("- Lưu: VT; :'.") == (["Như trên", "Lưu: VT"], 0.85)  # a speck after it: nothing lost


def test_a_recipient_line_is_not_cut_where_its_rest_stands_beside_it_the_signature_column_is() -> None:
    # seed 12: '- Lưu: VT, ĐC. ,' then specks far right; 'ĐC. , 22220 N' looked like a signature line
    rows = HEAD + FOOT[:3] + [[(100, "- Lưu: VT, ĐC. ,"), (900, "22220 N")], FOOT[4]]
    meta = _extract(_page(rows, conf={"22220": 0.0, "N": 40.0}))
    assert meta.recipients.value[-1] == "Lưu: VT, ĐC"
    apart = _extract(_page(HEAD + FOOT[:3] + [[(100, "- Lưu: VT."), (1000, "PHÓ CHỦ TỊCH")], FOOT[4]]))
    assert apart.recipients.value[-1] == "Lưu: VT" and apart.signer_position.value == "PHÓ CHỦ TỊCH"


def test_a_list_word_read_weakly_in_a_box_a_line_and_a_half_tall_flags_the_recipients() -> None:
    swallowed = _extract(_page(HEAD + FOOT, conf={"trên;": 3.0}, tall={"trên;": 24}))
    assert "'trên;'" in (swallowed.recipients.review or "") and "recipients" in swallowed.needs_review
    for conf, tall in ((3.0, 0), (90.0, 24)):  # weak but one line tall; tall but read well
        meta = _extract(_page(HEAD + FOOT, conf={"trên;": conf}, tall={"trên;": tall}))
        assert meta.recipients.review is None, (conf, tall)


# --- subject and body names ------------------------------------------------------------------------

@needs_words
def test_a_subject_with_a_syllable_no_word_uses_is_flagged() -> None:
    assert "'noạt'" in syllable_doubt("V/v tổ chức thu gom rác thải sinh noạt tại các thôn, ấp")
    assert "'Lựi'" in syllable_doubt("Về việc sửa chữa điểm trường mầm non ấp Phú Lựi")
    for right in ("V/v tổ chức thu gom rác thải sinh hoạt tại các thôn, ấp", "Dự hội nghị sơ kết quý I năm 2024",
                  "Về việc sửa chữa điểm trường mầm non ấp Phú Lợi", "V/v kiểm tra UBND xã"):
        assert syllable_doubt(right) is None, right
    rows = [r if r[0][1] != "Về việc lịch trực Tết Nguyên đán năm 2016" else [(400, "Về việc lịch trực Tết noạt")]
            for r in HEAD] + FOOT
    assert "'noạt'" in (_extract(_page(rows)).subject.review or "")


def test_a_body_name_with_a_hyphen_glued_between_words_is_flagged() -> None:
    assert "'UBND-HUYỆN'" in glued_doubt("UBND-HUYỆN THẠCH THẤT")
    for right in ("UBND HUYỆN THẠCH THẤT", "UBND TỈNH BÀ RỊA - VŨNG TÀU", "ỦY BAN NHÂN DÂN XÃ QUỲNH HẬU"):
        assert glued_doubt(right) is None, right
    rows = [[(100, "UBND-HUYỆN QUỲNH LƯU")]] + HEAD[1:] + FOOT
    meta = _extract(_page(rows))
    assert meta.parent_issuer.value == "UBND-HUYỆN QUỲNH LƯU" and "parent_issuer" in meta.needs_review
    assert _extract(_page(HEAD + FOOT)).parent_issuer.review is None


def test_flag_doubted_leaves_recipients_without_choices_alone() -> None:
    rec = Field(["Chủ tịch, Các PCT UBND xã"], 0.85, 1, (100, 100, 600, 130), "- Chủ tịch, Các PCT UBND xã;")
    flag_doubted({"recipients": rec}, [_page([[(100, "- Chủ tịch, Các PCT UBND xã;")]])])
    assert rec.review is None


# --- sixth round: subject and recipients ----------------------------------------------------------------

def _judged(judge: Callable[[str], str | None], slips: dict[str, str], rights: tuple[str, ...]) -> None:
    """``judge`` names the word in doubt of each slip (value -> the word as quoted in its reason) and no right value."""
    for value, named in slips.items():
        assert named in (judge(value) or ""), value
    for right in rights:
        assert judge(right) is None, right


def _with_subject(subject: str) -> list[list[tuple[int, str]]]:
    """HEAD and FOOT with ``subject`` for the subject line."""
    return [[(400, subject)] if r[0][1].startswith("Về việc lịch") else r for r in HEAD] + FOOT


def _subject_rule_through_extract(target: str, right: str, reason: str) -> None:
    """A subject rule end to end through ``extract``: ``target`` stored as read and flagged with ``reason`` in its
    review, the ``right`` subject beside it not flagged."""
    flagged = _extract(_page(_with_subject(target)))
    assert flagged.subject.value == target and "subject" in flagged.needs_review
    assert reason in (flagged.subject.review or ""), flagged.subject.review
    kept = _extract(_page(_with_subject(right)))
    assert kept.subject.review is None and "subject" not in kept.needs_review


def test_a_subject_with_debris_inside_is_flagged() -> None:
    _judged(debris_doubt, {'Thực hiện công tác tuyến chọn và _".. gọi công dân nhập ngũ năm 2009': """'_"..'"""},
            ("Kế hoạch phát triển kinh tế - xã hội năm 2021 – 2025", "V/v kiểm tra UBND xã",
             "Về việc hỗ trợ hộ nghèo & cận nghèo", "Về việc lịch trực Tết Nguyên đán năm 2016"))
    meta = _extract(_page(_with_subject('Về việc lịch trực Tết _".. Nguyên đán năm 2016')))
    assert "debris" in (meta.subject.review or "") and "subject" in meta.needs_review
    assert _extract(_page(HEAD + FOOT)).subject.review is None


def test_a_subject_ending_on_a_joining_word_is_flagged() -> None:
    _judged(cut_doubt, {"Tổ chức Tháng hành động và": "'và'", "Về việc kiện toàn Ban chỉ đạo của": "'của'"},
            ("Tổ chức Tháng hành động vì an toàn thực phẩm năm 2005", "Về việc thu chi",
             "V/v phân bổ kinh phí cho các thôn, ấp", "Về việc ban hành Quy chế làm việc"))
    meta = _extract(_page(_with_subject("Về việc lịch trực Tết Nguyên đán và")))
    assert meta.subject.value == "Về việc lịch trực Tết Nguyên đán và" and "subject" in meta.needs_review


def test_a_recipient_with_a_word_of_one_small_letter_is_flagged() -> None:
    assert "'h'" in speck_doubt(["Như trên", "TT HĐND xã; h"])
    assert "'ọ'" in speck_doubt(["Lưu VT, TC. ọ"])
    assert speck_doubt(["Như trên", "TT HĐND xã", "TT Đảng ủy xã (b/c)", "Lưu VT, VX", "Trưởng các thôn, ấp"]) is None
    rows = HEAD + FOOT[:2] + [[(100, "- TT HĐND xã; h")]] + FOOT[2:]
    meta = _extract(_page(rows))
    assert "TT HĐND xã; h" in meta.recipients.value
    assert "'h'" in (meta.recipients.review or "") and "recipients" in meta.needs_review
    assert _extract(_page(HEAD + FOOT)).recipients.review is None


def test_chi_hoi_nghi_is_read_back_from_its_real_word_slip_chi_dao_is_left() -> None:
    restore = MarkRestorer([])
    slip = "Về chế độ công tác phí, chỉ hội nghị của xã năm 2025"
    assert restore.restore(slip, "text") == "Về chế độ công tác phí, chi hội nghị của xã năm 2025"
    for right in ("Về việc kiện toàn Ban chỉ đạo phòng, chống thiên tai", "Về việc tổ chức hội nghị của xã"):
        assert restore.restore(right, "text") == right
