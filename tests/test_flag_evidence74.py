"""Review flags, seventy-fourth round (issue 14 item 9): a weakly read number whose box's digits-only reading gives
another number while the upright scan's reading gives no digits (HG70 speckle-24-cv-185's ``188/UBND-VX`` for
``185``: the word read at 25.3 on a speckled page set in a proportional face, read again ``:18/:`` and ``“`...``).
Flagged, never changed."""

from __future__ import annotations

from types import SimpleNamespace

from archivist.fields import Field
from archivist.numberbox import WEAK_NUMBER, advance
from archivist.ocrtext import PageText
from archivist.sideflags import lone_read_doubt
from tests.test_flag_evidence import FOOT, HEAD, _extract

TEXT = ["Căn", "Luật", "Chính", "quyền", "phương", "nhân", "thành", "những", "người", "trong", "huyện"]
BOX = [100, 40, 400, 70]


def _pages(conf: float, read: str, scan: str, mono: bool = False) -> list[SimpleNamespace]:
    """A page whose number word ``188/UBND-VX`` (read at ``conf``) sits over a line of sure words set in a
    proportional face (20 px an em; the typewriter's with ``mono``), its box read again as ``read`` and ``scan``."""
    words, x = [("188/UBND-VX", conf, (100, 40, 100 + int(20 * advance("188/UBND-VX", mono)), 70), 0)], 100
    for w in TEXT:
        width = int(20 * advance(w, mono))
        words.append((w, 95.0, (x, 100, x + width, 130), 1))
        x += width + 10
    return [SimpleNamespace(number=1, words=words, number_reading={"box": BOX, "read": read, "scan": scan})]


def _doubt(conf: float, read: str, scan: str, mono: bool = False) -> str | None:
    field = Field("188/UBND-VX", 0.95, page=1, bbox=tuple(BOX), source_text="Số: 188/UBND-VX")
    return lone_read_doubt(field, "188", _pages(conf, read, scan, mono))


def test_the_targets_digits_reading_against_it_with_the_scan_silent_is_doubted() -> None:
    why = _doubt(25.3, ":18/:", "“`...")
    assert why is not None and "gave 18, not 188" in why and "read at 25" in why
    assert _doubt(25.3, ":18/:", "", mono=True) is not None  # whatever the face


def test_an_agreeing_or_silent_digits_reading_a_speaking_scan_or_a_sure_word_is_not() -> None:
    assert _doubt(25.3, ":188/", "“`...") is None  # the digits reading repeats it
    assert _doubt(25.3, "", "“`...") is None  # no reading with digits: no evidence
    assert _doubt(25.3, ":0188/", "") is None  # leading zeros are no other number
    assert _doubt(29.1, ": 167/", "_S16/1rUBND-") is None  # the scan against alone (HG60 ttr-167's, right)
    assert _doubt(25.3, ":18/:", "Số: 188/UBND-VX.") is None  # the scan confirms it (both against: reread_doubt's)
    assert _doubt(25.3, ":18/:", "Số: 18/UBND-VX.") is None
    assert _doubt(WEAK_NUMBER, ":18/:", "“`...") is None and _doubt(89.3, ":18/:", "") is None


def test_another_box_read_is_no_evidence() -> None:
    field = Field("188/UBND-VX", 0.95, page=1, bbox=(100, 140, 400, 170), source_text="Số: 188/UBND-VX")
    assert lone_read_doubt(field, "188", _pages(25.3, ":18/:", "")) is None


def _proportional_page(conf: float) -> PageText:
    """:func:`tests.test_flag_evidence._page`'s header and footer, each word's box as wide as its text in a
    proportional face (20 px an em), the number word read at ``conf``."""
    words = []
    for i, segments in enumerate(HEAD + FOOT):
        for x, text in segments:
            for w in text.split():
                width = int(20 * advance(w, False))
                words.append((w, conf if w == "118/TB-UBND" else 95.0, (x, 100 + 40 * i, x + width, 130 + 40 * i), i))
                x += width + 8
    text = "\n".join("   ".join(t for _, t in segments) for segments in HEAD + FOOT)
    return PageText(1, text, words, (), {})


def test_through_extract_the_number_is_flagged_and_kept() -> None:
    for conf, read, scan, flagged in ((25.0, ":18/:", "“`...", True), (25.0, ":118/", "“`...", False),
                                      (25.0, ":18/:", "Số: 118/TB-UBND.", False), (80.0, ":18/:", "", False)):
        page = _proportional_page(conf)
        meta = _extract(page)
        assert meta.number_symbol.value == "118/TB-UBND" and meta.number.value == "118"
        page.number_reading = {"box": [int(v) for v in meta.number_symbol.bbox], "read": read, "scan": scan}
        after = _extract(page)
        assert after.number_symbol.value == "118/TB-UBND" and after.number.value == "118", (conf, read, scan)
        assert after.number_symbol.confidence == meta.number_symbol.confidence  # flags only
        assert ("the scan no digits" in (after.number_symbol.review or "")) is flagged, (conf, read, scan)
        if flagged:
            assert "number_symbol" in after.needs_review and "number" in after.needs_review
            assert "the scan no digits" in (after.number.review or "")
