"""The signer's name read a second time (namereread34, issue 14 item 9): the name line of the page's signature block
read again as one line, enlarged 1.5 times, on the image the OCR read and on the upright scan; the signer is
flagged, never changed, when a reading puts another listed name in one of its words' places (bench/RESULTS.md,
"The signer's name read again (session 34, namereread34)")."""

from __future__ import annotations

import numpy as np
import pytest

from archivist.nameread import name_box, other_name, page_footer, read_name, reread_doubt
from archivist.ocrtext import PageText
from archivist.restore import Prepared
from tests.drawnline import drawn_line
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page

#: FOOT's name line (``Hà Hữu Thắng``), as extract's signer field holds it
BOX = [1000, 540, 1164, 570]


def _read_as(name: str, reading: dict | None) -> PageText:
    """The test page with its signer's family name read as ``name`` and the name line's second readings ``reading``."""
    page = _page(HEAD + FOOT)
    words = [(name, *w[1:]) if w[0] == "Hà" else w for w in page.words or []]
    return PageText(1, page.text.replace("Hà Hữu", f"{name} Hữu"), words, (), page.rivals, name_reading=reading)


def test_a_reading_names_another_listed_name_in_a_words_place() -> None:
    assert other_name("Lý Kinh Sơn", "Lý Minh Sơn") == ("Minh", "Kinh")  # HG97: a typed M read K
    assert other_name("Hà Thu Hoa", "Hồ Thụ Hoa") == ("Hồ", "Hà")  # HG98: the family name first, in its own list
    assert other_name("Lý Minh Sơn", "Lý Minh Sơn.") is None  # the same name, a speck after it
    assert other_name("Đặng Hữu Toàn", "Đặng HỮU Toàn") is None  # capitals only
    assert other_name("Lý Minh Sơn", "Lý Mính Sơn") is None  # no listed name: a misreading of the reading
    assert other_name("Lý Minh Sơn", "Lý Ngô Sơn") is None  # a family name where a given name stands
    assert other_name("Lý Minh Sơn", "Lý Minh") is None  # the words do not pair one to one


def test_the_page_stage_finds_the_box_extract_takes_for_the_signer() -> None:
    assert name_box(1, _page(HEAD + FOOT).words or []) == BOX
    assert _extract(_read_as("Hà", None)).signer.bbox == tuple(BOX)
    assert name_box(1, _page(HEAD).words or []) is None  # no signature block


def test_the_signer_is_flagged_when_a_reading_gives_another_listed_name() -> None:
    wrong = _extract(_read_as("Hồ", {"box": BOX, "read": "Hồ Hữu Thắng", "scan": "Hà Hữu Thắng"}))
    assert wrong.signer.value == "Hồ Hữu Thắng"  # never changed
    assert wrong.signer.review == "the name's line read again gave 'Hà Hữu Thắng': 'Hà' is a name too, not 'Hồ'"
    assert "signer" in wrong.needs_review
    for reading in ({"box": BOX, "read": "Hồ Hữu Thắng", "scan": "Hồ Hữu Thắng."},  # both agree
                    {"box": BOX, "read": "Hồ Hữu Thắng", "scan": "Hố Hữu Thắng"},  # no listed name
                    {"box": BOX, "read": "", "scan": "Hồ Hữu"},  # nothing, a word lost: no evidence
                    {"box": [1000, 540, 1160, 570], "read": "Hà Hữu Thắng", "scan": "Hà Hữu Thắng"},  # another box
                    None):
        meta = _extract(_read_as("Hồ", reading))
        assert meta.signer.value == "Hồ Hữu Thắng" and meta.signer.review is None, reading
        assert "signer" not in meta.needs_review


def test_either_reading_is_evidence_alone() -> None:
    """Unlike the number's and the year's, one reading is enough: two listed names one letter or mark apart are
    rarely both read where one is printed (1 right signer of 461 newly flagged on seeds 86-108)."""
    assert reread_doubt({"box": BOX, "read": "Lý Minh Sơn", "scan": "Lý Kinh Sơn"}, "Lý Kinh Sơn") is not None
    assert reread_doubt({"box": BOX, "read": "Lý Kinh Sơn", "scan": "Lý Minh Sơn"}, "Lý Kinh Sơn") is not None
    assert reread_doubt({"box": BOX, "read": "Lý Kinh Sơn", "scan": "Lý Kinh Sơn"}, "Lý Kinh Sơn") is None


@pytest.fixture(scope="module")
def drawn() -> tuple[np.ndarray, list]:
    """The test page's signer name drawn, and the page's words with that line's boxes the drawn words'."""
    image, line = drawn_line("Hà Hữu Thắng", 1000, 530, 11)
    return image, [w for w in _page(HEAD + FOOT).words or [] if w[3] != 11] + line


def test_the_drawn_name_read_again_flags_a_planted_wrong_family_name(drawn: tuple[np.ndarray, list]) -> None:
    image, words = drawn
    right = read_name(1, words, image, 300.0, Prepared(image, 300.0))
    assert right is not None and right["box"] == name_box(1, words)
    assert right["read"] == right["scan"] == "Hà Hữu Thắng"  # both ways read the drawn name
    footer = page_footer(1, words)  # the page stage finds the block once, for this and the name zone: the same
    assert footer is not None and read_name(1, words, image, 300.0, Prepared(image, 300.0), footer=footer) == right
    page = _page(HEAD + FOOT)
    meta = _extract(PageText(1, page.text, words, (), {}, name_reading=right))
    assert meta.signer.value == "Hà Hữu Thắng" and list(meta.signer.bbox) == right["box"]
    assert meta.signer.review is None
    wrong = [("Hồ", *w[1:]) if w[0] == "Hà" else w for w in words]  # the OCR misread the family name: not again
    planted = read_name(1, wrong, image, 300.0, Prepared(image, 300.0))
    flagged = _extract(PageText(1, page.text.replace("Hà Hữu", "Hồ Hữu"), wrong, (), {}, name_reading=planted))
    assert flagged.signer.value == "Hồ Hữu Thắng"
    assert flagged.signer.review == "the name's line read again gave 'Hà Hữu Thắng': 'Hà' is a name too, not 'Hồ'"
    assert "signer" in flagged.needs_review
