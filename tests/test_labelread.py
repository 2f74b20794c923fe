"""A header's ``Số:`` misread (``Sẽ:``, ``Sô:``, ``SỐ:``) read back by its place (archivist/labelread.py): in the
header's left column, directly before a number and symbol; running text and other places left as read. So are a
letter's ``V/v`` (``V/``, ``VIv``) opening the header's subject line and ``Kính gửi:`` (``Kinh gửi:``, ``Kính gưi:``)
opening the addressee's line (session 45)."""

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


def _letter(subject: str, after: str = "tăng", address: tuple[str, str] = ("Kính", "gửi:"), to: str | None = "Ủy",
            subject_x: int = 200, subject_y: int = 380, address_y: int = 1000,
            address_opens: bool = True) -> list[Word]:
    """A letter's words: the header's number line, at (subject_x, subject_y) its subject line opening with
    ``subject after``, at address_y the addressee's line opening with ``address`` (``to`` after it, or none), a body
    line and a signature far below."""
    lead = [] if address_opens else [Word("Đề", 90.0, (100, address_y, 180, address_y + 40), 4)]
    tail = [] if to is None else [Word(to, 90.0, (760, address_y, 840, address_y + 40), 4)]
    return [Word("UBND", 90.0, (200, 200, 400, 240), 0), Word("CỘNG", 90.0, (1300, 200, 1500, 240), 0),
            Word("Số:", 85.0, (200, 300, 280, 340), 1), Word("45/UBND", 85.0, (300, 300, 600, 340), 1),
            Word(subject, 60.0, (subject_x, subject_y, subject_x + 80, subject_y + 40), 2),
            Word(after, 90.0, (subject_x + 100, subject_y, subject_x + 200, subject_y + 40), 2),
            Word("Xã", 90.0, (1300, 300, 1360, 340), 3), *lead,
            Word(address[0], 60.0, (500, address_y, 600, address_y + 40), 4),
            Word(address[1], 60.0, (620, address_y, 740, address_y + 40), 4), *tail,
            Word("Thực", 90.0, (200, 1800, 300, 1840), 5), Word("Nguyễn", 90.0, (1400, 3000, 1700, 3040), 6)]


def test_a_letters_subject_label_misread_in_the_header_is_read_back() -> None:
    for misread in ("V/", "VIv", "V/y", "Vév", "V/ự", "V:v", "//v", "VN", ".V/v", "V⁄+:", "V/vw", "v/v", "V⁄v"):
        words = _letter(misread)
        out = read_labels(words)
        assert out[4].text == "V/v" and out[4].rivals == () and out[4].bbox == words[4].bbox
        assert [w.text for w in out[:4] + out[5:]] == [w.text for w in words[:4] + words[5:]]


def test_a_word_not_proved_the_subject_label_is_kept() -> None:
    for words in (_letter("V/v"), _letter("V/V"),  # as printed (both are)
                  _letter("V/", "Tăng"),  # a capital after it: no subject going on
                  _letter("Về", "việc"), _letter("Vì"), _letter("Vi"), _letter("Va"), _letter("VII."),  # words
                  _letter("V/", subject_x=1300),  # the right column
                  _letter("V/", subject_y=1400)):  # below the header
        assert read_labels(words) is words
    inside = _letter("V/")
    inside.insert(4, Word("Ông", 90.0, (100, 380, 180, 420), 2))  # not opening its line
    assert read_labels(inside) is inside


def test_an_address_label_misread_opening_its_line_is_read_back() -> None:
    for first, second in (("Kinh", "gửi:"), ("kính", "gửi:"), ("_Kính", "gửi:"), ("Kính", "gưi:"), ("Kính", "gứi:"),
                          ("Kính", "gửt:"), ("Kính", "gử1:"), ("Kính", "gử::"), ("Kính", "gửi."), ("Kính", "gửi;"),
                          ("kính", "gử1;:"), ("Kính", "gửi"), ("Kính", "gủ::")):
        out = read_labels(_letter("V/v", address=(first, second)))
        assert (out[7].text, out[8].text, out[9].text) == ("Kính", "gửi:", "Ủy")
    alone = read_labels(_letter("V/v", address=("Kinh", "gưi:"), to=None))  # the list on the lines after it
    assert (alone[7].text, alone[8].text) == ("Kính", "gửi:")
    colon = read_labels(_letter("V/v", address=("Kính", "gu)"), to=":Ủy"))  # the colon read into the word after
    assert (colon[7].text, colon[8].text, colon[9].text) == ("Kính", "gửi", ":Ủy")


def test_a_pair_not_proved_the_address_label_is_kept() -> None:
    for words in (_letter("V/v"),  # as printed
                  _letter("V/v", address=("Kính", "gởi:")),  # a spelling of its own
                  _letter("V/v", address=("kinh", "phí")), _letter("V/v", address=("kính", "trình")),  # words
                  _letter("V/v", address=("Kính", "gửi"), to=":"),  # the colon apart: as printed
                  _letter("V/v", address=("kính", "gửi:"), to="đến"),  # a lower-case word after it: running text
                  _letter("V/v", address=("Kinh", "gửi:"), address_y=2400),  # the lower half
                  _letter("V/v", address=("Kinh", "gửi:"), address_opens=False)):  # inside a line
        assert read_labels(words) is words


@pytest.mark.slow
def test_generated_page_s_misread_address_label_is_stored_as_printed(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A generated speckled report (seed 323's hard groups, three documents a group: its tenth document) whose
    ``Kính gửi:`` the engine reads ``Kính gưi:``: stored ``Kính gửi:`` in the record and the PDF/A's text layer; with
    the step switched off, the misreading."""
    from archivist import pagework
    from tests.pdfpages import pdftotext
    from tests.steprun import first_page_with_and_without
    from tests.test_dateread_day_cli import _render

    scans = tmp_path / "set" / "scans"
    scans.mkdir(parents=True)
    (truth,) = _render(323, [9], scans, docs=3).values()
    assert truth["document"].startswith("speckle-10-bc-096") and "Kính gửi:" in truth["pages"][0]["text"]
    texts = first_page_with_and_without(scans, tmp_path,
                                        lambda: monkeypatch.setattr(pagework, "read_labels", lambda words: words))
    assert "gưi:" in texts["without"].split() and "Kính gửi:" not in texts["without"]  # as the engine reads it
    assert "Kính gửi:" in texts["with"] and "gưi:" not in texts["with"].split()
    assert texts["with"].replace("Kính gửi:", "Kính gưi:") == texts["without"]  # nothing else changed
    (pdf,) = (tmp_path / "with" / "documents").glob("*.pdf")
    layer = pdftotext(pdf, 1).split()
    assert "gửi:" in layer and "gưi:" not in layer
