"""Minutes' chair and signers stored empty (issue 14, items 7/9; bench/RESULTS.md "Signers stored empty (session 42)").

Two causes, from the records of sessions 40-41's processed sets: the chair's heading read with small letters
(``CHỦ Tọa``: no position, so the secretary's block and name were taken, flagged), and the chair's name line read
with a small first letter or stray letters (``Đặng Mỹ vàn``, ``wWguyễn Xuân Nghĩa``: no name, the signer empty).
The rows below are the records' words, their x positions as read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archivist.footer import parse_footer, stroke_under
from archivist.ocrtext import page_lines
from archivist.signerline import body_name, merged
from archivist.signwords import in_capitals
from tests.pdfcheck import assert_valid_pdfs
from tests.test_dateread_day_cli import processed
from tests.test_flag_evidence import _extract, _page
from tests.test_flag_evidence21 import MINUTES

#: flags40 tw145's bb-011: the chair's heading read ``CHỦ Tọa`` (4 capitals of 6 letters), both names read
SMALL_HEADING = [[(767, "THỰ KÝ"), (1755, "CHỦ Tọa")], [(755, "A2"), (1795, "MS")],
                 [(646, "Tạ Thanh Toàn"), (1635, "Phan Quang Hải")]]
#: flags41 tw-169's bb-148: the chair's name read with a small first letter and a grave for the circumflex
SMALL_NAME = [[(690, "THỰ KÝ"), (1682, "CHỦ TỌA")], [(667, "(€Y$"), (1705, "MNNNN")],
              [(596, "Lý Tiến Bình"), (1615, "Đặng Mỹ vàn")]]
#: the body's lines naming the chair and the secretary, as bb-148's were read (``Đặng`` read ``bặng``, the colon lost)
SMALL_BODY = [[(100, "Chủ trì bà bặng Mỹ vân, chủ tịch Ủy ban nhân dân xã.")],
              [(100, "Thư ký: Ông Lý Tiến Bình, công chức Địa chính - Xây dựng.")]]
STROKES = {"A2": 63.0, "MS": 49.0, "(€Y$": 0.0, "MNNNN": 0.0}


def _minutes(body: list, foot: list) -> list:
    """MINUTES (session 21's typed minutes) with its body's chair and secretary lines and its footer replaced."""
    return MINUTES[:5] + body + MINUTES[7:-3] + foot


def test_a_position_read_with_small_letters_is_set_in_capitals_only_when_the_list_prints_it_so() -> None:
    assert in_capitals("CHỦ Tọa") == "CHỦ TỌA" and in_capitals("Phó Chủ tịch") == "PHÓ CHỦ TỊCH"
    assert in_capitals("CHỦ TỌA") is None  # already in capitals
    assert in_capitals("thủ TỌA") is None and in_capitals("CHỦ Tòa") is None  # a letter or a mark misread
    assert in_capitals("Phan Quang Hải") is None


def test_the_chairs_heading_in_small_letters_is_the_chairs_block_not_a_name() -> None:
    f = parse_footer(page_lines(_page(SMALL_HEADING, conf=STROKES)), 1)
    assert f is not None and f.positions[-1].text == "CHỦ Tọa" and f.name is not None
    assert f.name.text == "Phan Quang Hải" and f.doubt is None
    meta = _extract(_page(MINUTES[:-3] + SMALL_HEADING, conf=STROKES))
    assert meta.signer.value == "Phan Quang Hải" and meta.signer_position.value == "CHỦ TỌA"
    assert meta.signer_position.changes == ["'CHỦ Tọa' set in capitals: a printed position"]


def test_the_body_names_the_chair_after_its_label_and_title() -> None:
    assert body_name(["Chủ trì: ông Nguyễn Xuân Nghĩa, Chủ tịch Ủy ban nhân dân"]) == ("Nguyễn Xuân Nghĩa", "Chủ trì:")
    assert body_name([SMALL_BODY[0][0][1]]) == ("bặng Mỹ vân", "Chủ trì")
    assert body_name(["Chủ tọa: Đồng chí Lê Văn An - Chủ tịch UBND xã"]) == ("Lê Văn An", "Chủ tọa:")
    assert body_name(["Thư ký: ông Trần Đức Tài, công chức Văn hóa - Xã hội."]) is None  # the secretary's
    assert body_name(["Chủ trì: ông Lê Văn An.", "Chủ trì: bà Vũ Thanh Phượng."]) is None  # two: which?


def test_two_readings_settle_a_name_word_by_word_as_the_names_list_spells_it() -> None:
    # the records' name lines under CHỦ TỌA and their body's ``Chủ trì:`` names (flags40-41's typed minutes)
    assert merged(["Đặng Mỹ vàn", "bặng Mỹ vân"]) == "Đặng Mỹ Vân"  # tw-169 bb-148: each reading one word right
    assert merged(["wWguyễn Xuân Nghĩa", "Nguyễn Xuân Nghĩa"]) == "Nguyễn Xuân Nghĩa"  # TW135 bb-139
    assert merged(["Mai tương Thủy", "Mai Phương Thủy"]) == "Mai Phương Thủy"  # tw-170 bb-222
    assert merged(["Phạm ¡!2ng Liên", "Phạm Hồng Liên"]) == "Phạm Hồng Liên"  # tw146 bb-231
    assert merged(["Lâm Văn khiêm", "Lâm Văn Khiêm"]) == "Lâm Văn Khiêm"  # an unlisted name both spell alike


def test_readings_that_do_not_settle_a_name_give_none() -> None:
    assert merged(["ương Thánh Đại", "Dương Thành Đạt"]) is None  # HG136 bb-012: one word alike, not one person
    assert merged(["Vũ Bình Trí", "Vũ Đình Trí"]) is None  # two listed names disagree: the pixels must say
    assert merged(["Lâm Văn khiêm", "Lâm Văn Khiêm"]) is not None
    assert merged(["Lâm Văn khiêm", "Lâm Văn Khiếm"]) is None  # unlisted, spelled two ways
    assert merged(["Lâm Văn khiêm", "Lâm Văn khiêm"]) is None  # neither with its capital
    assert merged(["Đặng Mỹ", "Đặng Mỹ Vân"]) is None  # a word lost: the words do not pair
    assert merged(["Đặng Mỹ vàn"]) is None and merged(["Phạm ¡!2ng Liên"]) is None  # alone: listed words only
    assert merged(["lê Ngọc Mai"]) == "Lê Ngọc Mai"  # HG229 faded-17 tb-163: each word listed, its capital set
    assert merged(["Lưu VT, TC"]) is None and merged(["lâm Văn khiêm"]) is None


def test_the_chairs_name_read_with_a_small_letter_is_taken_from_both_readings_and_flagged() -> None:
    meta = _extract(_page(_minutes(SMALL_BODY, SMALL_NAME), conf=STROKES))
    assert meta.signer.value == "Đặng Mỹ Vân" and meta.signer_position.value == "CHỦ TỌA"
    assert "signer" in meta.needs_review and "was not read as a name ('Đặng Mỹ vàn')" in (meta.signer.review or "")
    assert meta.signer.source_text == "Đặng Mỹ vàn"
    unsettled = [[(1615, "ương Thánh Đại")] if r[-1][1] == "Đặng Mỹ vàn" else r for r in SMALL_NAME]
    body = [[(100, "Chủ trì: ông Dương Thành Đạt, Chủ tịch Ủy ban nhân dân")], SMALL_BODY[1]]
    empty = _extract(_page(_minutes(body, unsettled), conf=STROKES))
    assert empty.signer.value is None and "signer" in empty.needs_review  # left empty, never guessed
    secretary = [[(100, "Chủ trì: bà Lý Tiến Bình, Chủ tịch.")], SMALL_BODY[1]]  # not the name under CHỦ TỌA
    assert _extract(_page(_minutes(secretary, SMALL_NAME), conf=STROKES)).signer.value is None


def test_a_name_line_alone_is_taken_flagged_when_every_word_is_a_listed_name() -> None:
    # HG229 faded-17 tb-163: ``lê Ngọc Mai`` under TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH, the family name's capital read small
    foot = [[(100, "Nơi nhận:"), (1000, "TM. ỦY BAN NHÂN DÂN")], [(100, "- Như trên;"), (1120, "CHỦ TỊCH")],
            [(100, "- Lưu VT,.")], [(1090, "lê Ngọc Mai")]]
    meta = _extract(_page(MINUTES[:5] + MINUTES[7:-3] + foot))
    assert meta.signer.value == "Lê Ngọc Mai" and "signer" in meta.needs_review
    assert "each of its words, a small first letter set capital, is a listed name" in (meta.signer.review or "")
    off = [row if row[-1][1] != "lê Ngọc Mai" else [(100, "lê Ngọc Mai")] for row in foot]  # not in the column
    assert _extract(_page(MINUTES[:5] + MINUTES[7:-3] + off)).signer.value is None



def test_a_name_line_alone_is_found_past_the_recipients_rows_beside_the_column() -> None:
    # session 44's sealed HG271 seals-31 tb-153: the recipients list stands on rows of its own between the position
    # and the name (a seal's specks read ``j`` and ``:`` in the column); rows are counted in the column only
    foot = [[(100, "Nơi nhận:"), (1000, "TM. ỦY BAN NHÂN DÂN")], [(100, "- Như trên;"), (1120, "CHỦ TỊCH")],
            [(100, "- TT Đảng ủy, HĐND xã;")], [(1150, "j")], [(100, "- Các ban, ngành, đoàn thể xã;")],
            [(1150, ":")], [(100, "- Lưu: VT, VP.")], [(1090, "lê Ngọc Mai")]]
    meta = _extract(_page(MINUTES[:5] + MINUTES[7:-3] + foot))
    assert meta.signer.value == "Lê Ngọc Mai" and "signer" in meta.needs_review

#: flags40b e-AT137's 06-tth-021: a party's heading, the chair's position, the signature's strokes read ``NNNN`` (at 50)
STROKE_ROWS = [[(1136, "ĐẠI DIỆN BÊN A")], [(1188, "CHỦ TỊCH")], [(503, "/V//")], [(1211, "NNNN")],
               [(474, "Đỗ Quang Lộc")], [(1150, "Trần Ngọc Hằng")]]


def test_strokes_read_under_the_position_leave_the_position_above_them_flagged() -> None:
    f = parse_footer(page_lines(_page(STROKE_ROWS, conf={"NNNN": 50.0, "/V//": 36.0})), 1)
    assert f is not None and [p.text for p in f.positions][-1] == "NNNN"
    line, why = stroke_under(f)
    assert line.text == "CHỦ TỊCH" and "reads no vowel" in (why or "")
    meta = _extract(_page(MINUTES[:5] + MINUTES[7:-3] + STROKE_ROWS, conf={"NNNN": 50.0, "/V//": 36.0}))
    assert meta.signer_position.value == "CHỦ TỊCH" and "signer_position" in meta.needs_review
    assert meta.signer.value == "Trần Ngọc Hằng"
    deputy = [[(1050, "TM. ỦY BAN NHÂN DÂN")], [(1100, "KT. CHỦ TỊCH")], [(1150, "NNNN")], [(1100, "Trần Ngọc Hằng")]]
    g = parse_footer(page_lines(_page(deputy, conf={"NNNN": 50.0})), 1)  # the deputy's PHÓ CHỦ TỊCH read NNNN?
    assert g is not None and [p.text for p in g.positions] == ["KT. CHỦ TỊCH", "NNNN"]
    assert stroke_under(g) == (g.positions[-1], None)  # no position of the list above: kept as read, not CHỦ TỊCH


@pytest.mark.slow
def test_typed_minutes_whose_chairs_name_has_a_small_letter_store_it_flagged(tmp_path: Path) -> None:
    """Seed 229's typed minutes bb-095 (``--docs 6 --groups all``) through ``archivist process`` (real Tesseract):
    the chair's name read ``Dương Diệu bung`` under ``CHỦ TỌA``, which the base tree stored empty. Now the name is
    taken with the body's ``Chủ trì:`` line, flagged; a wrong signer is never stored unflagged."""
    ((rec, truth, pdf),) = processed(229, [9], tmp_path)
    assert truth["document"] == "typewriter-10-bb-095-quynh-hau"
    meta, want = rec["metadata"], truth["metadata"]["signer"]
    assert want == "Dương Diệu Dung" and meta["signer_position"] == "CHỦ TỌA"
    assert "signer" in meta["needs_review"], json.dumps(meta["fields"]["signer"], ensure_ascii=False)
    assert meta["signer"] == want, json.dumps(meta["fields"]["signer"], ensure_ascii=False)
    assert "'Chủ trì:' line" in meta["fields"]["signer"]["review"]
    assert_valid_pdfs([pdf])
