"""The mark over a name's `ầ` measured in the pixels (marks46, issue 14 item 9): the page stage keeps the height of
the mark of every word read with ``ầ`` (archivist.markheight.measure_marks); extract flags a signer or person holding
one under THIN x-heights, a circumflex alone read with a grave (the AT signers' bold ``Vân`` stored ``Vần``); the
value is never changed (bench/RESULTS.md, "A grave over a circumflex, measured (session 29)")."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from archivist.markheight import THIN, mark_height, measure_marks
from archivist.ocrtext import PageText
from archivist.schemas import errors
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page

BOLD = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf"


class _Word:
    """An OCR word as the page stage has it (archivist.models.Word's text and box)."""

    def __init__(self, text: str, bbox: tuple[int, int, int, int]) -> None:
        self.text, self.bbox = text, bbox


def _signed(name: str) -> PageText:
    """The test page signed ``name`` (its last word's box 14 px a letter, as archivist's tests draw pages)."""
    foot = [[(1000, name)] if row[0][1] == "Hà Hữu Thắng" else row for row in FOOT]
    return _page(HEAD + foot)


def _drawn(word: str, box: tuple[int, int, int, int]) -> np.ndarray:
    """A page with ``word`` printed in bold (Liberation Serif Bold, 28 px) on the baseline of ``box``."""
    im = Image.new("L", (1600, 800), 255)
    ImageDraw.Draw(im).text((box[0], box[3] - 4), word, font=ImageFont.truetype(BOLD, 28), fill=0, anchor="ls")
    return np.asarray(im)


def _box(page: PageText, word: str) -> tuple[int, int, int, int]:
    return next(tuple(w[2]) for w in page.words or [] if w[0] == word)


def test_a_circumflex_alone_stands_lower_than_one_with_its_grave() -> None:
    box = (100, 100, 160, 130)
    alone, graved = mark_height(_drawn("Vân", box), box), mark_height(_drawn("Vần", box), box)
    assert alone is not None and graved is not None
    assert alone < THIN <= graved  # 0.31 and 0.38 x-heights at this size (Liberation Serif Bold, 28 px)
    assert mark_height(_drawn("Van", box), box) is None  # no mark: nothing measured
    assert mark_height(np.full((200, 200), 255, np.uint8), box) is None  # no ink


def test_only_words_read_with_a_grave_over_a_circumflex_are_measured() -> None:
    box = (100, 100, 160, 130)
    page = _drawn("Vân", box)
    got = measure_marks([_Word("Vần", box), _Word("Vân", (300, 100, 360, 130)), _Word("Trung", (400, 100, 480, 130))],
                        page)
    assert [m["word"] for m in got] == ["Vần"] and got[0]["box"] == list(box) and got[0]["height"] < THIN
    assert measure_marks([_Word("Nguyễn", box)], page) == []
    assert measure_marks([_Word("TRẦN", box)], page) == []  # a capital's last letter is no x-height


@pytest.mark.parametrize("printed, flagged", [("Vân", True), ("Vần", False)])
def test_a_bold_van_read_with_a_grave_flags_the_signer(printed: str, flagged: bool) -> None:
    page = _signed("Hà Bích Vần")  # the engine's reading: a grave over the circumflex
    box = _box(page, "Vần")
    marks = measure_marks([_Word("Vần", box)], _drawn(printed, box))  # the page stage, on the printed word
    read = PageText(1, page.text, page.words, page.notes, page.rivals, None, marks)
    meta = _extract(read)
    assert meta.signer.value == "Hà Bích Vần"  # never changed
    if flagged:
        assert meta.signer.review is not None and "x-heights high" in meta.signer.review
        assert "signer" in meta.needs_review
    else:  # the marks as printed: no height doubt (the name is flagged anyway: 'Vần' is no name, flags85)
        assert "x-heights high" not in (meta.signer.review or "")


def test_a_thin_mark_outside_the_name_or_under_a_restored_value_flags_nothing() -> None:
    page = _signed("Hà Hữu Thắng")
    far = [{"box": [100, 300, 156, 330], "word": "Trần", "height": 0.30}]  # a body word, not the signer's
    assert _extract(PageText(1, page.text, page.words, page.notes, page.rivals, None, far)).signer.review is None
    unmeasured = [{"box": list(_box(page, "Thắng")), "word": "Thắng", "height": None}]
    assert _extract(PageText(1, page.text, page.words, page.notes, page.rivals, None, unmeasured)).signer.review is None


def test_the_record_keeps_the_measured_marks_as_its_schema_says() -> None:
    example = json.loads((Path(__file__).resolve().parent.parent / "schemas" / "examples" / "document.json")
                         .read_text(encoding="utf-8"))
    example["pages"][0]["mark_heights"] = [{"box": [1887, 1606, 1988, 1648], "word": "Vần", "height": 0.321},
                                           {"box": [444, 503, 524, 546], "word": "đầu", "height": None}]
    assert errors(example, "document") == []
    example["pages"][0]["mark_heights"][0]["height"] = "0.321"
    assert errors(example, "document") != []


def _generated(name: str, where: Path) -> Path:
    """A notice of one page (A4 at 300 dpi, Liberation Serif 40 px) signed ``name`` in bold, as the AT signers are."""
    im = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(im)
    plain, bold = ImageFont.truetype(BOLD.replace("Bold", "Regular"), 40), ImageFont.truetype(BOLD, 40)
    rows = [(150, 200, "UBND HUYỆN QUỲNH LƯU", bold), (150, 260, "ỦY BAN NHÂN DÂN XÃ QUỲNH HẬU", bold),
            (150, 360, "Số: 118/TB-UBND", plain), (1300, 360, "Quỳnh Hậu, ngày 21 tháng 3 năm 2016", plain),
            (1000, 520, "THÔNG BÁO", bold), (600, 590, "Về việc lịch trực Tết Nguyên đán năm 2016", bold),
            (150, 700, "Ủy ban nhân dân xã thông báo để các cơ quan, đơn vị được biết.", plain),
            (150, 1000, "Nơi nhận:", bold), (1500, 1000, "TM. ỦY BAN NHÂN DÂN", bold),
            (150, 1060, "- Như trên;", plain), (1600, 1060, "CHỦ TỊCH", bold), (150, 1120, "- Lưu: VT.", plain),
            (1500, 1350, name, bold)]
    for x, y, text, font in rows:
        draw.text((x, y), text, font=font, fill=0)
    path = where / "page.png"
    im.save(path, dpi=(300, 300))
    return path


@pytest.mark.slow
@pytest.mark.parametrize("name", ["Hà Bích Vân", "Trần Văn Hưng"])
def test_a_generated_bold_signer_through_the_page_stage_and_extract(name: str, tmp_path: Path) -> None:
    """End to end: the page stage measures the printed ``ầ`` of a bold ``Trần`` (0.37 x-heights here) and keeps it,
    and extract leaves the signer unflagged; a bold ``Vân`` read right has no ``ầ`` to measure. (The engine reads
    these clean pages right: the misread ``Vần`` of the AT scans is planted in the tests above.)"""
    from archivist.assemble import page_texts
    from archivist.extract import extract
    from archivist.models import PageRef, PageTask, Settings
    from archivist.pagework import process_page

    s = Settings()
    page = process_page(PageTask(0, 1, PageRef(_generated(name, tmp_path), "image", 0), s.ocr_engine, s.lang,
                                 False, s.layout))
    assert not hasattr(page, "reason"), page
    measured = [m for m in page.mark_heights if m["word"] == "Trần"]
    assert len(measured) == ("ầ" in name) and all(m["height"] >= THIN for m in measured)
    meta = extract(page_texts([page]))
    assert meta.signer.value == name and meta.signer.review is None
