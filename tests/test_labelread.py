"""A header's ``Số:`` misread (``Sẽ:``, ``Sô:``, ``SỐ:``) read back by its place (archivist/labelread.py): in the
header's left column, directly before a number and symbol; running text and other places left as read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archivist.labelread import LABEL, read_labels
from archivist.models import Word
from archivist.ocr import OcrResult
from archivist.pagework import as_stored


def _page(label: str, number: str = "45/QĐ-UBND", x: int = 200, y: int = 300) -> list[Word]:
    """A page's words: the header's number line at (x, y), a title, a body line and a signature far below."""
    return [Word("UBND", 90.0, (200, 200, 400, 240), 0), Word("CỘNG", 90.0, (1300, 200, 1500, 240), 0),
            Word(label, 60.0, (x, y, x + 80, y + 40), 1), Word(number, 85.0, (x + 100, y, x + 400, y + 40), 1),
            Word("QUYẾT", 90.0, (900, 800, 1200, 840), 2), Word("Việc", 90.0, (200, 1500, 300, 1540), 3),
            Word("sẽ:", 90.0, (320, 1500, 400, 1540), 3), Word("Nguyễn", 90.0, (1400, 3000, 1700, 3040), 4)]


def test_each_misreading_before_its_number_is_read_back() -> None:
    for misread in ("Sẽ:", "Sô:", "Sõ:", "Sổ:", "Sã:", "Sđ:", "SỐ:", "S6:", "Sở:"):
        words = _page(misread)
        out = read_labels(words)
        assert out[2].text == LABEL and out[2].bbox == words[2].bbox and out[2].rivals == ()
        assert [w.text for w in out[:2] + out[3:]] == [w.text for w in words[:2] + words[3:]]
    assert read_labels(_page("Sẽ:", "12/2019/QĐ-UBND"))[2].text == LABEL
    assert read_labels(_page("Sẽ:", "60-NQ/TW"))[2].text == LABEL


def test_a_word_not_proved_a_label_by_its_place_is_kept() -> None:
    for words in (_page("Sẽ:", "năm"),  # no number and symbol after it
                  _page("Sẽ:", "2019"),  # a number alone
                  _page("Sẽ:", x=1300),  # the right column
                  _page("Sẽ:", y=2000),  # below the header
                  _page("sẽ:"), _page("Sinh:"), _page("Sx:"), _page("S:")):  # not the label's shape
        assert read_labels(words) is words
    split = _page("Sẽ:")
    split[3] = Word("45/QĐ-UBND", 85.0, (300, 400, 600, 440), 2)  # the number on another line
    assert read_labels(split)[2].text == "Sẽ:"
    right = _page("Số:")
    assert read_labels(right) is right


def _footer(first: str, second: str = "nhận:", x: int = 200, y: int = 3000, opens: bool = True) -> list[Word]:
    """A page's words: a header, a body line, and at (x, y) a footer line opening with ``first second``."""
    lead = [] if opens else [Word("Ông", 90.0, (x - 150, y, x - 20, y + 40), 2)]
    return [Word("UBND", 90.0, (200, 200, 400, 240), 0), Word("CỘNG", 90.0, (1300, 200, 1500, 240), 0),
            Word("Việc", 90.0, (200, 1500, 300, 1540), 1), *lead,
            Word(first, 60.0, (x, y, x + 90, y + 40), 2), Word(second, 70.0, (x + 110, y, x + 230, y + 40), 2),
            Word("TM.", 90.0, (1400, y, 1500, y + 40), 2), Word("UBND", 90.0, (1400, 3600, 1600, 3640), 3)]


def test_a_footer_label_misread_opening_its_line_is_read_back() -> None:
    for first, second in (("Mơi", "nhận:"), ("Wơi", "nhận:"), ("Nai", "nhận:"), ("Nơi.", "nhận:"), ("Nơi", "nhân:"),
                          ("Nzi", "nhận:"), ("Rơi", "nhạn:")):
        out = read_labels(_footer(first, second))
        assert (out[3].text, out[4].text) == ("Nơi", "nhận:") and out[5].text == "TM."


def test_a_pair_not_proved_the_footer_label_is_kept() -> None:
    for words in (_footer("Ban", "nhân:"),  # a real word two letters off ``noi`` (``Ban nhân:``)
                  _footer("Nguyên", "nhân:"), _footer("ơi"), _footer("Mơi", "nhận"), _footer("Mơi", "nhanh:"),
                  _footer("Mơi", y=400),  # the upper half: not the footer
                  _footer("Mơi", x=1200),  # the right column
                  _footer("Mơi", opens=False),  # not opening its line: running text
                  _footer("Nơi")):  # the label as printed
        assert read_labels(words) is words


def test_the_stored_page_text_holds_the_label() -> None:
    words = _page("Sẽ:")
    text = "\n".join(["UBND CỘNG", "Sẽ: 45/QĐ-UBND", "QUYẾT", "Việc sẽ:", "Nguyễn"])
    stored = as_stored(OcrResult(words, text, 88.0))
    assert stored.words[2].text == "Số:" and stored.text == text.replace("Sẽ:", "Số:")
    assert "Việc sẽ:" in stored.text


@pytest.mark.slow
def test_generated_page_s_misread_label_is_stored_as_printed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A generated typewritten page (seed 143, sessions 40's typewriter set: its first document) whose ``Số:`` the
    engine reads ``Sẽ:``: stored ``Số:`` in the record and the PDF/A's text layer, its number and symbol as before;
    with the step switched off, the misreading."""
    from archivist import pagework
    from samples.generate import generate
    from tests.pdfpages import pdftotext
    from tests.steprun import first_page_with_and_without

    doc = generate(tmp_path / "set", seed=143, n_docs=1, groups=["typewriter"])[0]
    assert "Số:" in doc["pages"][0]["text"]
    texts = first_page_with_and_without(tmp_path / "set" / "scans", tmp_path,
                                        lambda: monkeypatch.setattr(pagework, "read_labels", lambda words: words))
    misread = [w for w in texts["without"].split() if w != "Số:" and w.startswith("S") and w.endswith(":")
               and len(w) == 3]
    assert misread and "Số:" not in texts["without"].split()  # as the engine reads it
    assert texts["with"].split().count("Số:") == 1 and not set(misread) & set(texts["with"].split())
    records = {name: json.loads(next((tmp_path / name / "documents").glob("*.json")).read_text(encoding="utf-8"))
               for name in ("with", "without")}
    assert records["with"]["metadata"]["number_symbol"] == records["without"]["metadata"]["number_symbol"]
    (pdf,) = (tmp_path / "with" / "documents").glob("*.pdf")
    assert "Số:" in pdftotext(pdf, 1).split()
