"""The date's year read a second time (dates30, issue 14 item 9): the word of the place-and-date line's date holding
the year read again digits only, one word (psm 8), on the image the OCR read and on the upright scan; the date is
flagged, never changed, when both read digits alone and give another plausible year of as many digits, no ``0`` of
it read as another digit (bench/RESULTS.md, "Flags, the date's year read again (session 30, dates30)")."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from archivist.dateread import contradicts, date_box, read_date, reread_doubt
from archivist.ocrtext import PageText
from archivist.restore import Prepared
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page

SERIF = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"
#: the date of HEAD's place-and-date line (``Quỳnh Hậu, ngày 21 tháng 3 năm 2016``), as extract's field holds it
BOX = [1150, 220, 1476, 250]


def _words(year: str) -> list:
    """The test page's words with its date's year read as ``year``."""
    return _planted(_page(HEAD + FOOT).words or [], year)


def _read_as(year: str, reading: dict | None) -> PageText:
    """The test page with its date's year read as ``year`` and the date's second readings ``reading``."""
    page = _page(HEAD + FOOT)
    text = page.text.replace("năm 2016\n", f"năm {year}\n", 1)
    return PageText(1, text, _words(year), (), page.rivals, None, [], reading)


def _words_read(year: str, read: str, scan: str) -> list[dict]:
    return [{"text": year, "box": [1420, 220, 1476, 250], "read": read, "scan": scan}]


def test_the_page_stage_finds_the_box_extract_takes_for_the_date() -> None:
    assert date_box(1, _page(HEAD + FOOT).words or []) == BOX
    assert _extract(_read_as("2016", None)).date.bbox == tuple(BOX)
    assert date_box(1, [w for w in _page(HEAD + FOOT).words or [] if w[3] != 3]) is None  # no date line


def test_the_date_is_flagged_only_when_both_readings_give_another_year() -> None:
    wrong = _extract(_read_as("2019", {"box": BOX, "words": _words_read("2019", "2016", "2016")}))
    assert wrong.date.value == "2019-03-21"  # never changed
    assert wrong.date.review == "the date's '2019' read again gave 2016 and 2016"
    assert "date" in wrong.needs_review
    for reading in ({"box": BOX, "words": _words_read("2019", "2019", "2016")},  # one reading agrees
                    {"box": BOX, "words": _words_read("2019", "", "2016")},  # no digits: no evidence
                    {"box": BOX, "words": _words_read("2019", "216", "2016")},  # a digit lost: no evidence
                    {"box": BOX, "words": _words_read("2019", "2016:", "2016")},  # a mark taken in: not clean
                    {"box": BOX, "words": _words_read("2019", "2916", "2916")},  # no year of a record
                    {"box": [1150, 220, 1470, 250], "words": _words_read("2019", "2016", "2016")},  # another box
                    None):
        meta = _extract(_read_as("2019", reading))
        assert meta.date.value == "2019-03-21" and meta.date.review is None, reading


def test_a_zero_read_as_another_digit_is_no_evidence() -> None:
    """A faded or filled ``0`` reads ``6``, ``8`` or ``9`` (two faded pages' right ``2010`` read ``2016`` twice)."""
    assert not contradicts("2010", "2016", True) and not contradicts("2006", "2806", True)
    assert contradicts("2019", "2010", True) and contradicts("2005", "2008", True)  # HG56's and HG60's years
    assert not contradicts("2019", "2019", True) and not contradicts("2019", "201", True)


def test_a_numeric_date_in_one_word_is_read_as_a_whole() -> None:
    one = {"box": BOX, "words": [{"text": "21/3/2019", "box": BOX, "read": "2132010", "scan": "2132010"}]}
    assert reread_doubt(one, "2019-03-21") == "the date's '21/3/2019' read again gave 2132010 and 2132010"
    assert reread_doubt(one, "2018-03-21") is None  # the word does not write the stored year


@pytest.fixture(scope="module")
def drawn() -> tuple[np.ndarray, list]:
    """The test page's place-and-date line drawn (:func:`draw_date_line`)."""
    return draw_date_line()


def draw_date_line(day: str = "21", ink: int = 0, month: str = "3") -> tuple[np.ndarray, list]:
    """The test page's place-and-date line drawn with the day ``day`` (and month ``month``) in grey ``ink``
    (Liberation Serif, 36 px), and the page's words with that line's boxes the drawn words' (ink-tight, as the OCR's
    are)."""
    im = Image.new("L", (1800, 700), 255)
    draw, font = ImageDraw.Draw(im), ImageFont.truetype(SERIF, 36)
    x, line = 1000, []
    for text in f"Quỳnh Hậu, ngày {day} tháng {month} năm 2016".split():
        draw.text((x, 210), text, font=font, fill=ink)
        box = draw.textbbox((x, 210), text, font=font)
        line.append((text, 95.0, tuple(box), 3))
        x = box[2] + 12
    rest = [w for w in _page(HEAD + FOOT).words or [] if not (w[3] == 3 and w[2][0] >= 1000)]
    return np.asarray(im), rest + line


def _planted(words: list, year: str) -> list:
    return [(year, *w[1:]) if w[0] == "2016" and w[3] == 3 else w for w in words]


def test_the_drawn_date_read_again_flags_a_planted_wrong_year(drawn: tuple[np.ndarray, list]) -> None:
    image, words = drawn
    right = read_date(1, words, image, 300.0, Prepared(image, 300.0))
    assert right is not None and right["box"] == [1191, 218, 1589, 251]
    assert [(w["text"], w["read"], w["scan"]) for w in right["words"]] == [("2016", "2016", "2016")]  # the year
    page = _page(HEAD + FOOT)
    meta = _extract(PageText(1, page.text, words, (), {}, None, [], right))
    assert meta.date.value == "2016-03-21" and meta.date.bbox == (1191, 218, 1589, 251) and meta.date.review is None
    wrong = _planted(words, "2018")  # the OCR misread the year's 6: its second readings do not
    planted = read_date(1, wrong, image, 300.0, Prepared(image, 300.0))
    flagged = _extract(PageText(1, page.text.replace("năm 2016\n", "năm 2018\n", 1), wrong, (), {}, None, [],
                                planted))
    assert flagged.date.value == "2018-03-21" and flagged.date.review == (
        "the date's '2018' read again gave 2016 and 2016")
    assert "date" in flagged.needs_review


def test_the_page_header_parsed_once_gives_both_readings_as_before(drawn: tuple[np.ndarray, list]) -> None:
    """Session 31: the page stage parses the page's lines and header once (``numberread.page_header``) and hands them
    to both boxes read again; each reading is the one it makes parsing them itself."""
    from archivist.numberread import page_header, read_number

    image, words = drawn
    header = page_header(1, words)
    for page in (words, _planted(words, "2018")):
        assert read_date(1, page, image, 300.0, Prepared(image, 300.0), None, page_header(1, page)) \
            == read_date(1, page, image, 300.0, Prepared(image, 300.0))
    assert date_box(1, words, header) == date_box(1, words) == [1191, 218, 1589, 251]
    assert read_number(1, words, image, 300.0, Prepared(image, 300.0), None, header) \
        == read_number(1, words, image, 300.0, Prepared(image, 300.0))
