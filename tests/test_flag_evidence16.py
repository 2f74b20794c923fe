"""Review flags, sixteenth round (issue 14 item 9): HG23's two wrong values stored unflagged. A recipients list
whose lines the engine ordered by a box a seal stretched (``- TT Đảng ủy xã (b/c);`` read after ``- TT HĐND
xã;``, though it stands above it), and a two-column subject with the date line run into it."""

from __future__ import annotations

from archivist.fields import Field
from archivist.footer import Footer
from archivist.listflags import flag_list, order_doubt
from archivist.ocrtext import Line
from archivist.runinflags import date_line_doubt
from tests.test_flag_evidence import _extract, _page


def _line(index: int, text: str, top: int, extra: tuple[int, int] | None = None) -> Line:
    """One list line at height ``top`` (boxes 35 px tall), with ``extra`` (top, bottom) for a seal's debris at
    its end, as the engine grouped HG23's ``( x (`` with ``- TT Đảng ủy xã (b/c);``."""
    spans, x, at = [], 400, 0
    for w in text.split():
        spans.append((at, at + len(w), (x, top, x + 14 * len(w), top + 35), 0.95))
        at, x = at + len(w) + 1, x + 14 * len(w) + 12
    if extra:
        text += " ( x ("
        for i in range(3):
            spans.append((at + 2 * i, at + 2 * i + 1, (1450 + 40 * i, extra[0], 1480 + 40 * i, extra[1]), 0.8))
    return Line(1, index, text, spans)


ITEMS = ["Như trên", "TT Đảng ủy xã (b/c)", "TT HĐND xã", "Lưu: VT"]


def test_an_item_read_after_a_line_it_stands_above_flags_the_list():
    # HG23 seals-33: the engine's line 26 (Đảng ủy, at 2641-2688, with the seal's ring to 2755) after line 25
    swapped = [_line(24, "- Như trên;", 2578), _line(25, "- TT HĐND xã;", 2705),
               _line(26, "- TT Đảng ủy xã (b/c);", 2641, (2648, 2755)), _line(27, "- Lưu: VT.", 2767)]
    stored = [ITEMS[0], ITEMS[2], ITEMS[1], ITEMS[3]]
    why = order_doubt(Footer(1, recipients=swapped), stored)
    assert why and "'- TT Đảng ủy xã (b/c); ( x (' stands above '- TT HĐND xã;'" in why
    rec = Field(stored, 0.85, 1)
    flag_list({"recipients": rec}, Footer(1, recipients=swapped), [])
    assert rec.review == why
    in_order = [swapped[0], swapped[2], swapped[1], swapped[3]]
    assert order_doubt(Footer(1, recipients=in_order), ITEMS) is None


def test_a_line_holding_no_item_is_not_ordered():
    # HG21 speckle-19: a speck's ``-`` grouped into a line of its own above the first item; right lists
    lines = [_line(30, "- Như thành phần mời;", 2600), _line(31, "-", 2560), _line(32, "- Lưu: VT.", 2650)]
    assert order_doubt(Footer(1, recipients=lines), ["Như thành phần mời", "Lưu: VT"]) is None


def test_a_date_line_inside_the_subject_is_flagged_a_cited_date_is_not():
    why = date_line_doubt("V/v đôn đốc thu nộp thuế sử dụng Xã Tân Thạnh Đông, ngày 16 tháng 12 năm 2009 đất phi")
    assert why and "the date line run into it" in why
    assert date_line_doubt("V/v chuẩn bị Xã Cẩn Thạch. ngày 25 tháng 3 năm 2087 thải sinh hoạt")  # a dot misread
    assert date_line_doubt("Về việc thực hiện Công văn số 16/UBND-NV ngày 16 tháng 02 năm 2012 của UBND huyện") is None
    assert date_line_doubt("V/v tổ chức các ngày lễ năm 2024") is None


def test_a_subject_with_the_other_columns_date_line_is_flagged_end_to_end():
    rows = [[(100, "UBND HUYỆN QUỲNH LƯU")], [(100, "ỦY BAN NHÂN DÂN")], [(100, "XÃ QUỲNH HẬU")],
            [(100, "Số: 118/CV-UBND"), (1000, "Quỳnh Hậu, ngày 21 tháng 3 năm 2016")],
            [(100, "V/v đôn đốc thu nộp thuế sử dụng Quỳnh Hậu, ngày 21 tháng 3 năm 2016 đất phi nông nghiệp")],
            [(100, "Kính gửi: Trưởng các thôn.")], [(100, "Ủy ban nhân dân xã đề nghị các thôn thực hiện.")],
            [(100, "Nơi nhận:"), (1000, "TM. ỦY BAN NHÂN DÂN")], [(100, "- Như trên;"), (1000, "CHỦ TỊCH")],
            [(100, "- Lưu: VT.")], [(1000, "Hà Hữu Thắng")]]
    subj = _extract(_page(rows)).fields()["subject"]
    assert "ngày 21 tháng 3 năm 2016" in subj.value
    assert "the date line run into it" in subj.review


# --- right civil-status values flagged for words not theirs ------------------------------------------------

def test_a_certificates_entry_is_its_number_not_a_guess():
    from archivist.civil import NUMBER_IS_ENTRY
    from tests.test_flag_evidence15 import _xnhn

    m = _xnhn()
    assert m.classification.type in NUMBER_IS_ENTRY
    entry = m.fields()["entry"]
    assert entry.value == "43" and entry.confidence > 0.7 and "entry" not in m.needs_review
    extract = _xnhn("TLKS", "TRÍCH LỤC KHAI SINH")  # an extract's number is no entry: still a guess, for review
    assert extract.fields()["entry"].value == "43" and "entry" in extract.needs_review


def _birth(words_conf: float):
    rows = [[(100, "UBND HUYỆN HẢI HẬU"), (900, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")],
            [(100, "UBND XÃ HẢI XUÂN"), (900, "Độc lập - Tự do - Hạnh phúc")],
            [(100, "Số: 297/TLKS-BS"), (900, "Hải Xuân, ngày 01 tháng 11 năm 2009")], [(500, "TRÍCH LỤC KHAI SINH")],
            [(100, "Họ, chữ đệm, tên: NGUYỄN VĂN BÌNH")],
            [(100, "Ngày, tháng, năm sinh: 30/09/2001; ghi bằng chữ: Ngày ba mươi, tháng chín")],
            [(100, "Nơi sinh: xã Hải Xuân, huyện Hải Hậu")],
            [(1000, "TM. ỦY BAN NHÂN DÂN")], [(1000, "CHỦ TỊCH")], [(1000, "Phạm Thanh Phong")]]
    return _extract(_page(rows, conf={"mươi,": words_conf, "30/09/2001;": 96.0})).fields()["event_date"]


def test_a_birth_date_is_as_sure_as_its_digits_not_the_date_in_words_beside_it():
    # HG23 clean-02: '30/09/2001;' at 96, 'mươi,' at 15 in the words' half of the line: 0.515 before
    weak_words, sure_words = _birth(15.0), _birth(96.0)
    assert weak_words.value == sure_words.value == "2001-09-30"
    assert weak_words.confidence == sure_words.confidence > 0.85
    assert weak_words.source_text == "30/09/2001"


# --- a faint page's recipients: judged by their items' words, not a bullet or the archive's own code ---------

def _faint_list(conf: dict[str, float]):
    from archivist.faintflags import FAINT_NOTE, flag_faint
    from archivist.ocrtext import PageText

    rows = [["-", "Như", "thành", "phần", "mời;"], ["-", "Lưu:", "VT."]]
    words = [(w, conf.get(w, 95.0), (100 + 80 * j, 2600 + 60 * i, 170 + 80 * j, 2640 + 60 * i), i)
             for i, row in enumerate(rows) for j, w in enumerate(row)]
    page = PageText(1, "\n".join(" ".join(r) for r in rows), words, (FAINT_NOTE,))
    rec = Field(["Như thành phần mời", "Lưu: VT"], 0.85, 1, (100, 2600, 500, 2700), "- Như thành phần mời;\n- Lưu: VT.")
    flag_faint({"recipients": rec}, [page])
    return rec.review


def test_a_faint_lists_bullet_or_vt_read_weakly_does_not_flag_it():
    # HG23 faded-16 and six more right lists on the fit sets: 'VT.' at 9-69; HG13 faded-16: a bullet
    assert _faint_list({"VT.": 9.0}) is None
    assert _faint_list({"-": 40.0}) is None
    assert _faint_list({"mời;": 80.0}) == "read on a faint page, 'mời;' at OCR confidence 80"
    assert _faint_list({"Lưu:": 60.0, "VT.": 9.0}) == "read on a faint page, 'Lưu:' at OCR confidence 60"


def _item(index: int, text: str, top: int, first_x: int) -> Line:
    """A list line: its bullet at x 411-424, its first word from ``first_x``, words 14 px a letter."""
    spans, at = [(0, 1, (411, top + 20, 424, top + 24), 0.93)], 2
    x = first_x
    for w in text.split()[1:]:
        spans.append((at, at + len(w), (x, top, x + 14 * len(w), top + 35), 0.95))
        at, x = at + len(w) + 1, x + 14 * len(w) + 12
    return Line(1, index, text, spans)


def test_an_items_first_word_far_after_its_bullet_flags_the_list():
    from archivist.listflags import lost_head_doubt

    # AT22 20-1: '- HĐND xã;' with HĐND at 514, the other items' first words at 439-440: 'TT' was not read
    lines = [_item(25, "- Như trên;", 2632, 440), _item(26, "- HĐND xã;", 2697, 514),
             _item(27, "- TT Đảng ủy xã (b/c);", 2759, 439), _item(28, "- Lưu VT, TP.", 2822, 439)]
    items = ["Như trên", "HĐND xã", "TT Đảng ủy xã (b/c)", "Lưu VT, TP"]
    assert "'- HĐND xã;' stands 74 px further after its bullet" in lost_head_doubt(Footer(1, recipients=lines), items)
    whole = [lines[0], _item(26, "- TT HĐND xã;", 2697, 439), lines[2], lines[3]]
    assert lost_head_doubt(Footer(1, recipients=whole), ["Như trên", "TT HĐND xã"] + items[2:]) is None
    speck = [*whole, _item(29, "- „", 2880, 470)]  # a speck after a bullet is no item's word (HG22 seals-33)
    assert lost_head_doubt(Footer(1, recipients=speck), ["Như trên", "TT HĐND xã"] + items[2:]) is None
