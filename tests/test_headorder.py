"""The header's two columns put in reading order (archivist/headorder.py), on word boxes as Tesseract gave them for
a typed page, and end to end on a generated typewritten scan through ``archivist process``."""

from __future__ import annotations

from pathlib import Path

import pytest

from archivist import pagework
from archivist.headorder import clear_cut, header_order, split_line, stray
from archivist.models import Word
from archivist.ocr import OcrResult
from archivist.ocrfix import text_of

#: A typed official letter's first lines at 200 dpi as Tesseract read them (generated seed 244's
#: ``typewriter-07-cv-234-phuoc-thien``, words as its record holds them): each header line read across both
#: columns; the place and date 27 px from ``Số:``'s number, a word gap; the ``V/v`` subject under the number.
TYPED = [
    [("UBND", 300, 382), ("HUYỆN", 406, 506), ("NHƠN", 531, 612), ("TRẠCH", 635, 738), ("CỘNG", 785, 868),
     ("HÒA", 891, 954), ("XÃ", 974, 1017), ("HỘI", 1038, 1098), ("CHỦ", 1121, 1182), ("NGHĨA", 1206, 1310),
     ("VIỆT", 1330, 1415), ("NAM", 1437, 1498)],
    [("ỦY", 362, 405), ("BAN", 426, 486), ("NHÂN", 510, 592), ("DÂN", 614, 675), ("Độc", 834, 901),
     ("lập", 929, 993), ("-", 1022, 1035), ("Tự", 1062, 1110), ("do", 1131, 1177), ("-", 1203, 1217),
     ("Hạnh", 1246, 1334), ("phúc", 1360, 1448)],
    [("XÃ", 371, 414), ("PHƯỚC", 436, 539), ("THIỀN", 561, 665)],
    [("Số:", 358, 414), ("234/UBND-ĐC", 444, 681), ("Xã", 708, 751), ("Phước", 774, 882), ("Thiền,", 907, 1025),
     ("ngày", 1057, 1143), ("14", 1164, 1206), ("tháng", 1233, 1336), ("9", 1360, 1380), ("năm", 1402, 1466),
     ("2007", 1488, 1575)],
    [("V/v", 278, 340), ("tăng", 364, 444), ("cường", 468, 570), ("công", 594, 675), ("tác", 700, 759)],
    [("quản", 268, 350), ("lý", 375, 414), ("đất", 436, 495), ("đai,", 520, 593), ("trật", 626, 706),
     ("tự", 731, 773)],
    [("Kính", 402, 486), ("gửi:", 510, 588), ("Trưởng", 617, 745), ("các", 770, 831), ("thôn,", 857, 954)],
]
READING = ["UBND HUYỆN NHƠN TRẠCH", "ỦY BAN NHÂN DÂN", "XÃ PHƯỚC THIỀN", "Số: 234/UBND-ĐC", "V/v tăng cường công tác",
           "quản lý đất đai, trật tự", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
           "Xã Phước Thiền, ngày 14 tháng 9 năm 2007", "Kính gửi: Trưởng các thôn,"]


def page(lines: list[list[tuple[str, int, int]]], top: int = 195, step: int = 45) -> list[Word]:
    """Words of ``lines`` (text, left, right), line ``n`` at ``top + n * step``, 30 px tall."""
    return [Word(t, 90.0, (x0, top + n * step, x1, top + n * step + 30), n)
            for n, line in enumerate(lines) for t, x0, x1 in line]


def test_typed_header_read_across_its_columns_comes_back_one_column_after_the_other() -> None:
    words = page(TYPED)
    out = header_order(words)
    assert text_of(out).split("\n") == READING
    assert sorted((w.text, w.bbox, w.conf) for w in out) == sorted((w.text, w.bbox, w.conf) for w in words)
    assert [w.line for w in out] == sorted(w.line for w in out)  # lines numbered in their new order
    assert out[-1].line == len(READING) - 1  # the body's lines after the header's


def test_a_line_is_cut_where_both_parts_stand_on_their_axes_not_at_its_widest_gap() -> None:
    number_and_date = page(TYPED)[27:38]
    assert number_and_date[0].text == "Số:" and clear_cut(number_and_date) is None  # 27 px: no gap to cut at
    left, right = split_line(number_and_date, 519.0, 1141.5)
    assert [w.text for w in left] == ["Số:", "234/UBND-ĐC"] and right[0].text == "Xã"
    title = page([[("BÁO", 760, 830), ("CÁO", 855, 925)]])
    assert split_line(title, 519.0, 1141.5) is None  # centred on the page: the header ends above it


def test_a_word_lost_at_a_parts_outer_end_still_cuts_at_the_clear_gap() -> None:
    lines = [list(TYPED[0][:-1]), *TYPED[1:]]  # ``NAM`` not read: the motto's part no longer centred
    assert text_of(header_order(page(lines))).split("\n")[6] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT"


def test_a_speck_read_between_the_columns_stays_with_the_left_part() -> None:
    """A speck read ``ˆ`` (a modifier letter) in the gap belongs to neither column: the parts' centres are measured
    without it and it stays after the parent issuer, as read, not before the national title (where the subject,
    put above it, took it in: seed 249's ``seals-05-cv-009``)."""
    lines = [[*TYPED[0][:4], ("ˆ", 752, 770), *TYPED[0][4:]], *TYPED[1:]]
    out = text_of(header_order(page(lines))).split("\n")
    assert out[0] == "UBND HUYỆN NHƠN TRẠCH ˆ" and out[6] == READING[6]


def test_columns_already_one_after_the_other_and_pages_without_them_are_left_as_read() -> None:
    print_like = page([TYPED[0][:4], TYPED[1][:4], TYPED[2], TYPED[0][4:], TYPED[1][4:]])
    assert header_order(print_like) is print_like  # a typeset page: Tesseract gave the columns as blocks
    body = page([[("Thực", 300, 380), ("hiện", 404, 480), ("Kế", 505, 545), ("hoạch", 570, 680)]] * 4)
    assert header_order(body) is body
    one = page([TYPED[0], TYPED[6]])  # one line in two columns: a table's row or a label and its value
    assert header_order(one) is one


def test_in_reading_order_rebuilds_the_pages_text_from_the_words() -> None:
    words = page(TYPED)
    ocr = OcrResult(words, text_of(words), 90.0)
    out = pagework.in_reading_order(ocr)
    assert out.text.split("\n") == READING and out.mean_confidence == 90.0
    done = OcrResult(out.words, out.text, 90.0)
    assert pagework.in_reading_order(done) is done


@pytest.mark.slow
def test_generated_typed_header_is_read_in_order_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fourth typewritten document of seed 244 (``generate.py --docs 4 --groups typewriter``: an invitation of
    Xuân Trường, one page) through ``archivist process``: its record reads the issuer's column, then the national
    title's, where without the rule each header line ran across both; the same words either way; the words in the
    reading order lost fewer; the PDF/A's text layer in the record's order (``pdftotext -raw``), PDF/A-1b valid."""
    from tests.rereadcheck import assert_reordered, typed_both_ways

    done = typed_both_ways(tmp_path, 244, lambda: monkeypatch.setattr(pagework, "in_reading_order", lambda ocr: ocr),
                           doc=4)
    lines = assert_reordered(done, tmp_path).split("\n")
    assert "HUYỆN" in lines[0] and "NAM" not in lines[0]  # the parent issuer alone, not beside the title
    assert any(line.startswith("Độc lập") for line in lines[:8])


def test_the_subject_does_not_take_in_the_place_read_under_it_once_the_columns_are_in_order() -> None:
    """Put in reading order, the place and date come under the ``V/v`` subject, after the motto; a place read
    ``Xã hước`` is cut off before ``Thiền, ngày`` as a text piece, and reaching out from under the subject's last
    word it is not the subject's (seed 244's ``cv-234``: the subject took ``Xã hước`` in)."""
    from archivist.layout import parse_header
    from archivist.ocrtext import PageText, page_lines

    lines = [list(line) for line in TYPED]
    lines[3][3] = ("hước", 774, 882)
    words = header_order(page(lines))
    h = parse_header(page_lines(PageText(1, text_of(words), words)))
    assert [ln.text for ln in h.vv] == ["V/v tăng cường công tác", "quản lý đất đai, trật tự"]


def test_a_stray_line_over_the_header_is_kept_first_and_the_header_still_put_in_order() -> None:
    """A faded page's top edge read as a line of marks (``_—.``, ``——B.._____``) or one short word (``mm``) over
    the header stopped it at its first line: the whole header stayed read across both columns (seed 282's
    ``cv-158``, ``gm-160``, ``kh-238``). The stray lines stay where they stand, first; the header under them is cut."""
    for top in ([[("_—.", 300, 700)]], [[("——B.._____", 900, 1500)]], [[("__—", 40, 700)], [("mm", 1300, 1450)]]):
        out = text_of(header_order(page([*top, *TYPED]))).split("\n")
        assert out[:len(top)] == [line[0][0] for line in top]
        assert out[len(top):] == READING


def test_what_a_stray_line_is() -> None:
    assert stray(page([[("_—.", 300, 700)]])) and stray(page([[("——B.._____", 900, 1500)]]))
    assert stray(page([[("2", 700, 720)]])) and stray(page([[("mm", 1300, 1450)]]))  # a page number, one word
    assert not stray(page([[("XÃ", 371, 414), ("PHƯỚC", 436, 539)]])) and not stray(page([TYPED[3][:2]]))
    assert not stray(page([[("UBND", 300, 382), ("-", 400, 410)]]))  # a header's first word read, a mark after it


def test_a_stray_line_over_a_page_without_a_header_changes_nothing() -> None:
    body = page([[("2", 700, 720)], *[[("Thực", 300, 380), ("hiện", 404, 480), ("Kế", 505, 545)]] * 4])
    assert header_order(body) is body


@pytest.mark.slow
def test_faded_header_under_its_top_edge_read_in_order_end_to_end(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Seed 282's second faded document (``generate.py --docs 2 --groups faded``: an official letter of Quỳnh Hậu,
    one page) through ``archivist process``: its top edge is read as a line of marks over the header; with the rule
    the record reads the issuer's column, then the national title's, where without it each header line ran across
    both; the same words either way, fewer lost in reading order; the PDF/A's text layer in the record's order
    (``pdftotext -raw``), PDF/A-1b valid."""
    from archivist import headorder
    from tests.rereadcheck import assert_reordered, typed_both_ways

    done = typed_both_ways(tmp_path, 282, lambda: monkeypatch.setattr(headorder, "stray", lambda line: False),
                           doc=2, group="faded")
    lines = assert_reordered(done, tmp_path).split("\n")
    assert stray(page([[(lines[0], 0, 10)]]))  # the top edge's marks, first as read
    assert lines[1] == "UBND HUYỆN QUỲNH LƯU" and lines[2] == "ỦY BAN NHÂN DÂN"
    assert any(line.startswith("Độc lập") for line in lines[5:10])
