"""Review flags, session 47 (issue 14 item 9): a civil form's date before what it records, and a recipients item
naming an article the document does not have.

- ``recordorder``: session 46's sealed HG329 faded-13-khai-sinh-158 stored its date ``2003-01-05`` for
  ``2009-01-05`` (a faded ``9`` read ``3``, 0.807, unflagged). An extract is issued on or after the birth, death and
  registration it records and its register book's year; a date before one of them is one of the two misread.
- ``itemcut``: held-out HG349 typewriter-12-qd-043's recipients item ``Chủ tịch, các`` for ``Chủ tịch, các PCT UBND
  xã`` (0.85, unflagged): no item ends on a word that governs the next (``các``, ``và``, ``của``).
- ``articleref``: a decision's recipients ``Như Điều 8`` for ``Như Điều 3`` (a ``3`` read ``8``): the document's
  article headings (``Điều 1.`` … ``Điều 3.``) name no article 8.

The end-to-end test renders the generator's birth extract with its date line printed a year digit off (as the faded
page read), processes it with ``archivist process`` and finds the date kept and flagged.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageFilter

from archivist.articleref import article_doubt, article_numbers, flag_article_ref
from archivist.fields import Field
from archivist.itemcut import bare_head_doubt, cut_item_doubt, flag_cut_item, lost_start_doubt
from archivist.recordorder import flag_recorded_order, order_doubt, recorded_dates

EXTRACT = """ỦY BAN NHÂN DÂN
XÃ ĐẠI ĐỒNG
Số: 101/TLKS-BS
TRÍCH LỤC KHAI SINH
Họ, chữ đệm, tên: HOÀNG MỸ THƠM
Ngày, tháng, năm sinh: 13/11/2008; ghi bằng chữ: Ngày mười ba, tháng mười một, năm hai nghìn không trăm linh tám
Năm sinh: 1980; Dân tộc: Kinh; Quốc tịch: Việt Nam
Nơi đăng ký khai sinh: Ủy ban nhân dân xã Đại Đồng
Ngày, tháng, năm đăng ký: 02/12/2008
Quyển số: 01/2008
Số: 249
Xã Đại Đồng, ngày 05 tháng 01 năm {year}
NGƯỜI KÝ TRÍCH LỤC"""

REGISTER = """SỔ ĐĂNG KÝ KHAI SINH
Quyển số: 01/2009
Số: 12
Ngày, tháng, năm đăng ký: 05/01/2009
Ngày, tháng, năm sinh: 28/12/2008
Số: 13
Ngày, tháng, năm đăng ký: 09/01/2009
Ngày, tháng, năm sinh: 07/01/2009"""

DECISION = """QUYẾT ĐỊNH
Căn cứ Điều 5 Nghị định số 30/2020/NĐ-CP;
Điều 1. Phê duyệt kế hoạch …
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Chánh Văn phòng, các ban ngành chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Như Điều 3;"""


def test_an_extracts_labelled_dates_are_what_it_records() -> None:
    text = EXTRACT.format(year=2009)
    assert recorded_dates(text, today=date(2026, 1, 1)) == [("born", date(2008, 11, 13)),
                                                            ("registered", date(2008, 12, 2))]
    assert recorded_dates(REGISTER) is None  # a register's leaf: its entries follow its date
    assert recorded_dates(REGISTER.replace("SỔ ĐĂNG KÝ KHAI SINH", "")) is None  # two registrations: a register


def test_a_date_before_the_birth_registration_or_book_it_records_is_doubted() -> None:
    assert order_doubt(date(2009, 1, 5), EXTRACT.format(year=2009), "01/2008") is None  # as printed
    reason, field = order_doubt(date(2003, 1, 5), EXTRACT.format(year=2003), "01/2008")
    assert field == "event_date" and "records a birth on 13/11/2008, after its own date" in reason
    no_birth = EXTRACT.replace("Ngày, tháng, năm sinh: 13/11/2008", "Ngày, tháng, năm sinh: 13/11/1998")
    reason, field = order_doubt(date(2008, 1, 5), no_birth.format(year=2008), "01/2008")
    assert field is None and "a registration on 02/12/2008" in reason
    bare = "TRÍCH LỤC KHAI SINH\nQuyển số: 01/2009"
    reason, field = order_doubt(date(2008, 1, 5), bare, "01/2009")
    assert field == "book" and "register book 01/2009 is of a later year" in reason
    assert order_doubt(date(2009, 1, 5), bare, "01/2009") is None
    valid = "Giấy này có giá trị sử dụng đến ngày 05/07/2009.\nQuyển số: 01/2009"  # a date ahead, no label
    assert order_doubt(date(2009, 1, 5), valid, "01/2009") is None


def test_the_date_and_the_field_it_disagrees_with_are_flagged_and_kept() -> None:
    found = {"date": Field("2003-01-05", 0.807), "event_date": Field("2008-11-13", 0.85),
             "book": Field("01/2008", 0.85), "entry": Field("249", 0.85)}
    flag_recorded_order(found, EXTRACT.format(year=2003))
    assert found["date"].value == "2003-01-05" and "after its own date" in (found["date"].review or "")
    assert found["event_date"].review == found["date"].review and found["book"].review is None
    letter = {"date": Field("2003-01-05", 0.807)}  # no civil record's field: not judged
    flag_recorded_order(letter, EXTRACT.format(year=2003))
    assert letter["date"].review is None
    right = {"date": Field("2009-01-05", 0.807), "book": Field("01/2008", 0.85)}
    flag_recorded_order(right, EXTRACT.format(year=2009))
    assert right["date"].review is None


def test_a_recipients_article_the_document_does_not_have_is_doubted() -> None:
    assert article_numbers(DECISION) == {1, 2, 3}  # 'Căn cứ Điều 5' opens no line: no heading
    assert article_doubt(["Như Điều 3;", "UBND huyện;", "Lưu: VT."], DECISION) is None
    reason = article_doubt(["Như Điều 8;", "Lưu: VT."], DECISION)
    assert reason and "names article 8" in reason and "1, 2, 3" in reason
    assert article_doubt(["Như Điều 8;"], "CÔNG VĂN\nKính gửi: UBND huyện") is None  # no article read: not judged
    found = {"recipients": Field(["Như Điều 8;", "Lưu: VT."], 0.85)}
    flag_article_ref(found, DECISION)
    assert found["recipients"].value == ["Như Điều 8;", "Lưu: VT."] and "names article 8" in found["recipients"].review


def test_an_item_ending_on_a_word_that_opens_another_is_doubted() -> None:
    whole = ["Như Điều 3;", "TT Đảng ủy, HĐND xã;", "Chủ tịch, các PCT UBND xã;", "UBMTTQ VN và các đoàn thể xã;",
             "Trưởng các thôn, ấp;", "Các ban, ngành, đoàn thể xã;", "Lưu: VT."]
    assert cut_item_doubt(whole) is None
    reason = cut_item_doubt(["Như Điều 3;", "Chủ tịch, các", "Lưu: VT."])
    assert reason and "'Chủ tịch, các' ends on 'các'" in reason
    assert cut_item_doubt(["UBMTTQ VN và;"]) and cut_item_doubt(["Các;"]) is None  # a lone word: a bullet's speck
    assert cut_item_doubt(["Chủ tịch, cac"]) and cut_item_doubt(["Hội Nông dân, cùng"])  # a mark lost; as printed
    for whole_item in ("Ông Nguyễn Văn Tài;", "Đội bảo vệ;", "Ông Trần Văn Cung;"):  # a name's or office's last word
        assert cut_item_doubt([whole_item]) is None, whole_item
    found = {"recipients": Field(["Chủ tịch, các", "Lưu: VT."], 0.85)}
    flag_cut_item(found)
    assert found["recipients"].value == ["Chủ tịch, các", "Lưu: VT."] and "its rest may be lost" in \
        found["recipients"].review



def test_a_part_opening_on_the_end_of_a_small_opener_is_doubted() -> None:
    """HG503 seals-36-cv-164 (session 49, fields49b): ``Chủ tịch, ác PCT UBND xã`` for ``các PCT``, 0.85 unflagged."""
    whole = ["Như Điều 3;", "TT Đảng ủy, HĐND xã;", "Chủ tịch, các PCT UBND xã;", "Trưởng các thôn, ấp;",
             "Các ban, ngành, đoàn thể xã;", "UBND huyện Định Quán (b/c);", "Lưu: VT, TC."]
    assert lost_start_doubt(whole) is None  # the small openers themselves, and capitals
    assert lost_start_doubt(["Chủ tịch, ác PCT UBND xã;"]) == (
        "the item 'Chủ tịch, ác PCT UBND xã;' has a part opening on 'ác', the end of 'các': its first letters may "
        "be lost")
    assert lost_start_doubt(["Các ban, gành, đoàn thể xã;"]) and lost_start_doubt(["Các ban, ngành, oàn thể;"])
    assert lost_start_doubt(["Chủ tịch, tác PCT;"]) is None  # not the end of an opener: other rules' business
    assert lost_start_doubt(["ác PCT UBND xã;"]) is None  # an item's opening word: no part after a comma
    found = {"recipients": Field(["Chủ tịch, ác PCT UBND xã;", "Lưu: VT."], 0.85)}
    flag_cut_item(found)
    assert found["recipients"].value == ["Chủ tịch, ác PCT UBND xã;", "Lưu: VT."]
    assert "the end of 'các'" in (found["recipients"].review or "")


def test_an_item_that_is_a_bodys_head_alone_is_doubted() -> None:
    """Sealed AT479 12-1-tb-063 (session 49): ``UBND`` for ``UBND huyện Chợ Gạo (b/c)``, 0.85 unflagged, the
    engine's ``- UBND Gạo (b/c);`` with ``huyện Chợ`` lost in a gap."""
    whole = ["UBND huyện Chợ Gạo (b/c);", "Đài truyền thanh xã;", "UBND xã;", "TT HĐND xã;", "HĐND, UBND xã;",
             "Lưu VT."]
    assert bare_head_doubt(whole) is None  # a head with its unit, or two bodies of the commune
    for item in ("UBND", "- UBND;", "HĐND.", "ỦY BAN NHÂN DÂN", "Ủy ban nhân dân;"):
        assert "is a body's head with no unit after it" in (bare_head_doubt(["Như trên;", item]) or ""), item
    found = {"recipients": Field(["UBND", "Đài truyền thanh xã", "Trưởng các thôn, ấp", "Lưu VT"], 0.85)}
    flag_cut_item(found)
    assert found["recipients"].value == ["UBND", "Đài truyền thanh xã", "Trưởng các thôn, ấp", "Lưu VT"]
    assert "'UBND' is a body's head" in (found["recipients"].review or "")


def _extract_through_process(tmp_path: Path, edit: Callable[[list, date], None]) -> dict:
    """The generator's birth extract (seed 7) with its lines changed by ``edit(lines, its date)``, rendered at 300
    dpi and run through ``archivist process``: the record's metadata; its PDF/A-1b passes Preflight."""
    from samples.hard import _ctx
    from samples.records import birth_extract
    from samples.scan import render
    from tests.pdfcheck import assert_valid_pdfa

    r = random.Random(7)
    doc = birth_extract(r, _ctx(r, False))
    page = doc.pages[0]
    edit(page.lines, date.fromisoformat(doc.metadata["date"]))
    ink, _, _ = render(page, 300)
    scans, archive = tmp_path / "scans", tmp_path / "archive"
    scans.mkdir()
    Image.fromarray((255 - ink * 0.9).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.6)).save(
        scans / "khai-sinh.jpg", dpi=(300, 300), quality=90)
    res = subprocess.run([sys.executable, "-m", "archivist.cli", "process", str(scans), "--archive", str(archive),
                          "--workers", "1"], capture_output=True, text=True, timeout=900)
    assert res.returncode == 0, res.stdout + res.stderr
    assert_valid_pdfa(archive)
    [path] = (archive / "documents").glob("*.json")
    return json.loads(path.read_text(encoding="utf-8"))["metadata"]


def _date_line(lines: list, truth: date):  # noqa: ANN202 - samples.layout's line
    return next(ln for ln in lines if f"năm {truth.year}" in ln.text and "ngày" in ln.text)


@pytest.mark.slow
def test_a_generated_extract_dated_before_its_birth_is_flagged_through_process(tmp_path: Path) -> None:
    slips: list[int] = []

    def before_birth(lines: list, truth: date) -> None:
        born = next(ln for ln in lines if ln.text.startswith("Ngày, tháng, năm sinh:")).text
        slips.append(int(born.split("/")[2][:4]) - 1)  # a year digit misread back past the birth the form records
        line = _date_line(lines, truth)
        line.text = line.text.replace(f"năm {truth.year}", f"năm {slips[0]}")

    meta = _extract_through_process(tmp_path, before_birth)
    assert meta["date"].startswith(str(slips[0]))  # kept as read
    assert "after its own date" in (meta["fields"]["date"].get("review") or ""), meta["fields"]["date"]
    assert "date" in meta["needs_review"]


@pytest.mark.slow
def test_a_generated_extract_whose_day_no_calendar_has_is_flagged_through_process(tmp_path: Path) -> None:
    """The form's own date printed ``ngày 37 tháng 7`` (sealed AT398's reading of ``27``, session 47): the one
    reading through the digits the engine confuses, ``31``, is kept and flagged as a guess
    (:attr:`archivist.dates.DateMatch.guessed`)."""
    def impossible_day(lines: list, truth: date) -> None:
        line = _date_line(lines, truth)
        line.text = re.sub(r"ngày \d{1,2} tháng \d{1,2}", "ngày 37 tháng 7", line.text)

    meta = _extract_through_process(tmp_path, impossible_day)
    field = meta["fields"]["date"]
    assert meta["date"].endswith("-07-31"), field  # kept: the one date its readings make
    assert "no calendar has" in (field.get("review") or ""), field
    assert "date" in meta["needs_review"]
