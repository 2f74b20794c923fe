"""Review flags, seventy-third round (issue 14 item 9): AT91 29-ct-111-binh-minh's recipients stored without
``TT HĐND xã``: the row ``- TT HĐND xã;`` was read as two engine lines, a bare ``-`` and ``TT HĐND xã`` on the same
band, and the signature block took the words as a position. Flagged, never changed."""

from __future__ import annotations

import pytest

from archivist.fields import Field
from archivist.footer import Footer
from archivist.listlossflags import bare_row_doubt, flag_list_loss
from archivist.ocrtext import Line, PageText
from tests.test_flag_evidence import HEAD, _extract, _page

ITEMS = ["Như trên", "TT Đảng ủy xã (b/c)", "Lưu VT, ĐC"]


def _line(index: int, words: list[tuple[str, tuple[int, int, int, int]]]) -> Line:
    spans, text = [], ""
    for w, box in words:
        text += " " if text else ""
        spans.append((len(text), len(text) + len(w), box, 95.0))
        text += w
    return Line(2, index, text, spans)


def _at91(band: list[tuple[str, tuple[int, int, int, int]]], bare: tuple[str, tuple[int, int, int, int]] = (
        "-", (194, 634, 201, 636))) -> tuple[Footer, list]:
    """AT91 ct-111's list as read (its word boxes), the bare row ``bare`` and ``band`` (words read as a line of
    their own): the footer, and the page's words."""
    rows = [_line(10, [("-", (194, 572, 201, 574)), ("Như", (208, 562, 252, 579)), ("trên;", (259, 561, 302, 582))]),
            _line(11, [("-", (194, 603, 200, 605)), ("TT", (207, 594, 238, 610)), ("Đảng", (245, 592, 298, 615)),
                       ("ủy", (305, 592, 329, 615)), ("xã", (337, 593, 358, 610)), ("(b/c);", (367, 593, 418, 614))]),
            _line(13, [bare]),
            _line(14, [("-", (194, 665, 201, 667)), ("Lưu", (212, 641, 245, 685)), ("VT,", (259, 641, 291, 685)),
                       ("ĐC.", (300, 656, 339, 672))])]
    other = _line(12, band) if band else None
    footer = Footer(2, recipients=rows, noi_nhan=True, label=_line(9, [("Nơi", (193, 524, 234, 543)),
                                                                       ("nhận:", (242, 524, 307, 548))]),
                    positions=[other] if other else [])
    lines = [*rows, *([other] if other else [])]
    words = [(ln.text[a:b], c, box, ln.index) for ln in lines for a, b, box, c in ln.spans]
    return footer, words


TARGET = [("TT", (207, 625, 234, 641)), ("HĐND", (245, 625, 315, 641)), ("xã", (337, 624, 344, 627))]


def test_a_bare_row_with_the_lists_words_on_its_band_is_doubted_and_the_list_kept() -> None:
    footer, words = _at91(TARGET)
    assert "'-' was read bare while 'TT' stands on it" in (bare_row_doubt(footer, ITEMS, words) or "")
    rec = Field(list(ITEMS), 0.85, 2, None, "- Như trên;\n- TT Đảng ủy xã (b/c);\n-\n- Lưu VT, ĐC.")
    flag_list_loss({"recipients": rec}, footer, [PageText(2, "", words)])
    assert rec.review and "an item was lost" in rec.review and rec.value == ITEMS and rec.confidence == 0.85


@pytest.mark.parametrize(("band", "bare"), [
    ([], ("-", (194, 634, 201, 636))),  # a bare bullet alone (273 right lists on the fit basis hold one)
    ([("x", (240, 628, 250, 640))], ("-", (194, 634, 201, 636))),  # a speck of one letter
    ([("CHỦ", (831, 628, 893, 643))], ("-", (194, 634, 201, 636))),  # the signature column's word, outside the list
    ([("TT", (207, 600, 234, 616))], ("-", (194, 634, 201, 636))),  # a word on another band
    (TARGET, ("-", (1000, 634, 1010, 636))),  # the bare bullet stands in the signature column
    (TARGET, ("-", (194, 540, 201, 542))),  # above the first item: no row between items
])
def test_a_bare_row_without_a_word_of_the_lists_column_on_its_band_is_not_doubted(band: list, bare: tuple) -> None:
    footer, words = _at91(band, bare)
    assert bare_row_doubt(footer, ITEMS, words) is None


def test_a_word_the_list_holds_is_no_lost_item() -> None:
    footer, words = _at91(TARGET)
    items = [*ITEMS[:2], "TT HĐND xã", ITEMS[2]]
    footer.recipients.insert(3, footer.positions.pop())
    assert bare_row_doubt(footer, items, words) is None


def _page73(lost: bool) -> PageText:
    """A page whose list's third row is read as AT91's was (a bare ``-`` two pixels tall, a pixel off the middle of
    ``TT HĐND xã`` read as a line of its own) or whole."""
    row = [[(120, "TT HĐND xã")], [(100, "-")]] if lost else [[(100, "- TT HĐND xã;")]]
    page = _page(HEAD + [[(100, "Nơi nhận:"), (1000, "TM. ỦY BAN NHÂN DÂN")],
                         [(100, "- Như trên;"), (1000, "CHỦ TỊCH")], [(100, "- TT Đảng ủy xã (b/c);")], *row,
                         [(100, "- Lưu VT, ĐC.")], [(1000, "Hà Hữu Thắng")]])
    if lost:
        bare = len(HEAD) + 4
        top = next(w[2][1] for w in page.words if w[0] == "HĐND") + 17
        page.words[:] = [(w[0], w[1], (w[2][0], top, w[2][2], top + 2), w[3]) if w[0] == "-" and w[3] == bare else w
                         for w in page.words]
    return page


def test_the_targets_list_is_flagged_through_extract_and_kept() -> None:
    lost = _extract(_page73(True))
    assert lost.recipients.value == ITEMS and "recipients" in lost.needs_review
    assert "was read bare while 'TT' stands on it" in (lost.recipients.review or "")
    whole = _extract(_page73(False))
    assert whole.recipients.value == [*ITEMS[:2], "TT HĐND xã", ITEMS[2]] and "recipients" not in whole.needs_review
