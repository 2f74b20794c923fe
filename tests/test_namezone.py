"""The signer read from the space under the position where the page's reading gave no name line (session 38,
archivist/namezone.py): on seed 371's highland sets 12 of the 15 signers not found had no word where the name goes
(short names under a signature and a seal). The page stage reads that space alone; extract takes its last line that
ends in a name, always flagged, and never where the page's reading gave a name (bench/RESULTS.md, "Highland signers,
second round (session 38)")."""

from __future__ import annotations

import numpy as np
import pytest

from archivist.nameread import page_footer
from archivist.namezone import REASON, read_zone, zone_name, zone_of
from archivist.ocrtext import PageText
from archivist.restore import Prepared
from tests.drawnline import drawn_line
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page

#: the test page's block with no name line: ``TM. ỦY BAN NHÂN DÂN`` / ``CHỦ TỊCH`` and the recipients
UNNAMED = HEAD + FOOT[:-1]
#: the space under its ``CHỦ TỊCH`` (row 8: 420-450): 9 of its line's heights, the block's width (``TM. ỦY BAN NHÂN
#: DÂN`` from 1000, ``CHỦ TỊCH`` as its line gives it) and 30% more each side
ZONE = [922, 459, 1335, 720]


def _zoned(zone: dict | None, rows: list = UNNAMED) -> PageText:
    page = _page(rows)
    return PageText(1, page.text, page.words, (), page.rivals, name_zone=zone)


def test_the_space_is_under_the_last_position_line_as_wide_as_the_block() -> None:
    from archivist.footer import find_footer
    from archivist.ocrtext import page_lines

    page = _page(UNNAMED)
    assert zone_of(find_footer([page_lines(page)], 0)) == ZONE
    named = _page(HEAD + FOOT)
    assert zone_of(find_footer([page_lines(named)], 0)) is None  # a name line read: nothing to read again


@pytest.mark.parametrize("text,name", [
    ("A Pơng", "A Pơng"),
    ("+)\n\nSN = s\nA Pơng\nẫ", "A Pơng"),  # HH371 faded-14: the seal's and signature's strokes above, a speck under
    ("Ặy ._ A Pơng :", "A Pơng"),  # speckle-23: a stroke read before the name on its line
    ("Kề \\\n4\nKpă H'Dương", "Kpă H'Dương"),
    ("Kpă H' Dương", "Kpă H'Dương"),  # twocol-39: the apostrophe parted from the name it belongs to
    ("YBlơ", "Y Blơ"),  # the opener read into the name: parted
    ("Nguyễn Văn Nam", "Nguyễn Văn Nam"),
])
def test_the_last_line_ending_in_a_name_is_taken(text: str, name: str) -> None:
    got = zone_name(text)
    assert got is not None and got[0] == name


@pytest.mark.parametrize("text", ["", '" Số', "CHỦ TỊCH", "co TT\n2)“\n“kpä H'Dương", "Lưu VT", "cầm Thị Pem"])
def test_debris_positions_and_names_in_small_letters_are_no_name(text: str) -> None:
    assert zone_name(text) is None


def test_the_name_read_from_the_space_is_the_signer_flagged() -> None:
    meta = _extract(_zoned({"box": ZONE, "read": "~ //\nA Pơng", "scan": ""}))
    assert meta.signer.value == "A Pơng" and list(meta.signer.bbox) == ZONE
    assert meta.signer.confidence == 0.5 and meta.signer.review == REASON
    assert "signer" in meta.needs_review
    scan_only = _extract(_zoned({"box": ZONE, "read": "", "scan": "Hà Hữu Thắng"}))
    assert scan_only.signer.value == "Hà Hữu Thắng" and "signer" in scan_only.needs_review  # a Kinh name alike


def test_no_signer_from_another_space_from_debris_or_where_the_page_read_a_name() -> None:
    for zone in (None, {"box": [920, 600, 1346, 860], "read": "A Pơng", "scan": "A Pơng"},  # not this block's
                 {"box": ZONE, "read": "~ //", "scan": "Z£—"}):
        meta = _extract(_zoned(zone))
        assert meta.signer.value is None and "signer" in meta.needs_review, zone
    named = _extract(_zoned({"box": ZONE, "read": "A Pơng", "scan": "A Pơng"}, HEAD + FOOT))
    assert named.signer.value == "Hà Hữu Thắng" and named.signer.review is None  # the page's reading wins


@pytest.fixture(scope="module")
def drawn() -> tuple[np.ndarray, list]:
    """The unnamed test page with a signer's name drawn in the space under its position, past the signature's gap,
    and the page's words without it: the page's reading left it out."""
    image, _ = drawn_line("A Pơng", 1040, 600, 12, size=(1800, 900))
    return image, _page(UNNAMED).words or []


def test_the_drawn_name_is_read_from_the_space_and_taken(drawn: tuple[np.ndarray, list]) -> None:
    image, words = drawn
    got = read_zone(1, words, image, 300.0, Prepared(image, 300.0))
    assert got is not None and got["box"] == ZONE
    assert got["read"] == got["scan"] == "A Pơng"  # both ways read the drawn name
    assert read_zone(1, words, image, 300.0, Prepared(image, 300.0), footer=page_footer(1, words)) == got  # found once
    meta = _extract(_zoned(got))
    assert meta.signer.value == "A Pơng" and meta.signer.review == REASON
    assert read_zone(1, _page(HEAD + FOOT).words or [], image, 300.0, Prepared(image, 300.0)) is None  # named
