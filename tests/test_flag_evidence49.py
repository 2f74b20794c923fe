"""Review flags, forty-ninth round (issue 14 item 9): a list row's tail cut off by a wide gap and left beside the list
as a stray (AT60 27-pa-176's ``(b/c);`` 50 px after ``- TT Đảng ủy xã``), and a number word read weakly on a
typewritten page that one of its box's second readings contradicts (HG60 typewriter-10-gm-206's ``296`` for ``206``,
read again ``298``). Flagged, never changed."""

from __future__ import annotations

from dataclasses import replace

from archivist.footer import Footer
from archivist.ocrtext import Line
from archivist.sideflags import row_tail_doubt
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page


def _line(index: int, words: list[tuple[str, tuple[int, int, int, int]]]) -> Line:
    """A line of ``words`` (text, box) on page 2, as the footer keeps it."""
    text, spans = "", []
    for w, box in words:
        start = len(text) + (1 if text else 0)
        text = f"{text} {w}" if text else w
        spans.append((start, start + len(w), box, 95.0))
    return Line(2, index, text, spans)


# AT60 pa-176's rows, as the stored words hold them
ITEM = _line(11, [("-", (346, 809, 356, 814)), ("TT", (370, 793, 398, 830)), ("Đảng", (413, 793, 469, 830)),
                  ("ủy", (484, 793, 508, 830)), ("xã", (520, 793, 545, 830))])
NEXT = _line(12, [("-", (346, 846, 357, 851)), ("TT", (363, 834, 402, 858)), ("HĐND", (410, 834, 499, 858)),
                  ("xã;", (507, 834, 543, 862))])


def test_the_targets_tail_beside_its_row_is_doubted() -> None:
    footer = Footer(2, recipients=[ITEM, NEXT], strays=[_line(11, [("(b/c);", (595, 803, 626, 824))])])
    why = row_tail_doubt(footer)
    assert why is not None and "'(b/c);'" in why


def test_a_speck_far_off_or_on_no_row_is_not_doubted() -> None:
    for stray in (_line(11, [("(b/c);", (640, 803, 671, 824))]),  # 95 px, 2.6 row heights after the row
                  _line(11, [(";", (560, 803, 566, 824))]),  # no two letters: a speck
                  _line(11, [("CHỦ", (1232, 800, 1310, 830))]),  # the signature column
                  _line(13, [("(b/c);", (595, 900, 626, 921))])):  # under the list, on no row
        assert row_tail_doubt(Footer(2, recipients=[ITEM, NEXT], strays=[stray])) is None, stray.text
    elsewhere = replace(_line(11, [("(b/c);", (595, 803, 626, 824))]), page=3)
    assert row_tail_doubt(Footer(2, recipients=[ITEM, NEXT], strays=[elsewhere])) is None


def test_a_list_with_its_tail_left_beside_it_is_flagged_and_kept_through_extract() -> None:
    def rows(gap: int) -> list[list[tuple[int, str]]]:
        """The footer with its second item's ``(b/c);`` ``gap`` px after ``xã`` (which ends at x 302)."""
        return HEAD + [FOOT[0], FOOT[1], [(100, "- TT Đảng ủy xã"), (302 + gap, "(b/c);")], *FOOT[3:]]

    cut = _extract(_page(rows(50)))  # the gap cuts the line: the tail is a stray
    assert cut.recipients.value == ["Như trên", "TT Đảng ủy xã", "Lưu: VT, TC"]
    assert "recipients" in cut.needs_review and "'(b/c);'" in (cut.recipients.review or "")
    whole = _extract(_page(rows(40)))  # read as one line: the item keeps its tail
    assert "TT Đảng ủy xã (b/c)" in whole.recipients.value and "recipients" not in whole.needs_review


def _number_page(conf: float, reading: tuple[str, str] | None):  # noqa: ANN202
    page = _page(HEAD + FOOT, conf={"118/TB-UBND": conf})
    meta = _extract(page)
    if reading is not None:
        page.number_reading = {"box": [int(v) for v in meta.number_symbol.bbox], "read": reading[0],
                               "scan": reading[1]}
    return page


def test_a_weak_typed_number_one_reading_contradicts_is_flagged_and_kept() -> None:
    meta = _extract(_number_page(60.0, (":118/", "Số: 119/TB-UBND.")))
    assert meta.number_symbol.value == "118/TB-UBND" and "number_symbol" in meta.needs_review
    assert "read again gave 119" in (meta.number_symbol.review or "")


def test_a_sure_number_or_readings_that_agree_are_not_flagged() -> None:
    for conf, reading in ((90.0, (":118/", "Số: 119/TB-UBND.")), (60.0, (":118/", "Số: 118/TB-UBND.")),
                          (60.0, None)):
        meta = _extract(_number_page(conf, reading))  # a word at 60 is under the threshold already: no new reason
        assert "typewritten" not in (meta.number_symbol.review or ""), (conf, reading)
    assert "number_symbol" not in _extract(_number_page(90.0, (":118/", "Số: 119/TB-UBND."))).needs_review
