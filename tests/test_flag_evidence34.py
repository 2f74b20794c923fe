"""Review flags, thirty-fourth round (issue 14 item 9): a place whose level word was lost whole (HG43
``Quỳnh Hậu`` for ``Xã Quỳnh Hậu``, unflagged at 0.885) is doubted by where the rest of its line stands: Decree 30
centres the place-and-date line under the national title and the motto, and a word lost at its start leaves the rest
right of that centre. A place written without its level word, centred, stays unflagged."""

from __future__ import annotations

from archivist.ocrtext import Line
from archivist.placeflags import PLACE_SHIFT, place_shift_doubt
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page

NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
CENTRE = 1400  # the right column's centre, in px


def _width(text: str) -> int:
    """The width ``_page`` gives ``text``: 14 px a letter, 12 between words."""
    words = text.split()
    return 14 * sum(len(w) for w in words) + 12 * (len(words) - 1)


def _centred(text: str, shift: int = 0) -> tuple[int, str]:
    return CENTRE - _width(text) // 2 + shift, text


def _place(placedate: str, shift: int = 0):
    head = [HEAD[0] + [_centred(NATIONAL)], HEAD[1] + [_centred(MOTTO)], HEAD[2],
            [HEAD[3][0], _centred(placedate, shift)]] + HEAD[4:]
    return _extract(_page(head + FOOT))


def test_a_place_line_right_of_the_mottos_centre_lost_a_word_before_the_place() -> None:
    # HG43 typewriter-09-gm-120: ``Xã Quỳnh Hậu, ngày …`` printed centred, ``Xã`` not read: the rest stands
    # right of the centre by half the lost word and its space (about one height of the line's words; 30 px here)
    lost = _place("Quỳnh Hậu, ngày 21 tháng 3 năm 2016", shift=32)
    assert lost.place.value == "Quỳnh Hậu"
    assert lost.place.review == "the place-and-date line stands 1.1 lines right of the motto's centre it is " \
        "centred under: a word before the place (its level word) was not read"
    assert "place" in lost.needs_review


def test_a_place_without_its_level_word_centred_under_the_motto_is_not_doubted() -> None:
    # 341 right places of seeds 22-43 are written without a level word (a short form), centred like the others
    bare = _place("Quỳnh Hậu, ngày 21 tháng 3 năm 2016")
    assert bare.place.value == "Quỳnh Hậu"
    assert bare.place.review is None
    assert "place" not in bare.needs_review
    # the level word read: centred, and a value with its level word is not judged at all
    full = _place("Xã Quỳnh Hậu, ngày 21 tháng 3 năm 2016", shift=32)
    assert full.place.value == "Xã Quỳnh Hậu"
    assert "place" not in full.needs_review


def test_the_shift_is_judged_against_the_nearer_anchor_and_needs_boxes() -> None:
    def line(x: int, text: str) -> Line:
        spans, pos = [], 0
        for w in text.split():
            start = text.index(w, pos)
            spans.append((start, start + len(w), (x, 100, x + 14 * len(w), 130), 0.95))
            x, pos = x + 14 * len(w) + 12, start + len(w)
        return Line(1, 0, text, spans)

    text = "Quỳnh Hậu, ngày 21 tháng 3 năm 2016"
    shifted = line(CENTRE - _width(text) // 2 + 32, text)
    place = shifted.sub(0, len("Quỳnh Hậu"))
    motto = line(CENTRE - _width(MOTTO) // 2, MOTTO)
    assert place_shift_doubt(place, shifted, [motto]) is not None
    # the line must stand right of both centres: a national title whose box reaches further right (a piece of
    # another line glued to it) moves its centre, and the nearer one is judged; one further left changes nothing
    assert place_shift_doubt(place, shifted, [line(CENTRE - _width(NATIONAL) // 2 + 60, NATIONAL), motto]) is None
    assert place_shift_doubt(place, shifted, [line(CENTRE - _width(NATIONAL) // 2 - 60, NATIONAL), motto]) \
        is not None
    # just under the bound, and no anchor or no boxes: nothing said
    near = line(CENTRE - _width(text) // 2 + int(30 * PLACE_SHIFT) - 2, text)
    assert place_shift_doubt(near.sub(0, len("Quỳnh Hậu")), near, [motto]) is None
    assert place_shift_doubt(place, shifted, []) is None
    assert place_shift_doubt(Line(1, 0, "Quỳnh Hậu"), Line(1, 0, text), [motto]) is None
