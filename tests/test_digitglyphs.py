"""The number's digits against the page's own renderings (digits29, issue 14 item 9): a digit of the number that
looks like the page's renderings of another digit (at LIKE or more, MARGIN over its own, or its own rendered
nowhere) flags the number, never changes it (bench/RESULTS.md, "The page's own digits against the number's")."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from archivist import classify
from archivist.digitglyphs import LIKE, MARGIN, digits_at, glyph_doubt, judge, slices
from archivist.extract import extract
from archivist.numberread import read_number
from archivist.ocrtext import PageText
from archivist.restore import Prepared

MONO = "/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf"
#: a typed page's header and a body holding each digit the number has, and others (no ``4`` anywhere)
ROWS = [[(100, "UBND HUYỆN QUỲNH LƯU")], [(100, "ỦY BAN NHÂN DÂN")], [(100, "XÃ QUỲNH HẬU")],
        [(100, "Số: 118/TB-UBND"), (900, "Quỳnh Hậu, ngày 21 tháng 3 năm 2016")], [(600, "THÔNG BÁO")],
        [(100, "Căn cứ Quyết định số 17/QĐ-UBND ngày 11 tháng 7 năm 2018 của xã")],
        [(100, "Ủy ban nhân dân xã thông báo lịch trực Tết năm 2016 để các cơ quan biết.")],
        [(100, "Nơi nhận:"), (1000, "TM. ỦY BAN NHÂN DÂN")], [(100, "- Lưu: VT, TC."), (1000, "CHỦ TỊCH")],
        [(1000, "Hà Hữu Thắng")]]
NUMBER = "118/TB-UBND"


@pytest.fixture(scope="module")
def typed() -> tuple[np.ndarray, list[tuple]]:
    """The page typed in Liberation Mono (26 px, rows 50 px apart), and its words with the boxes of their ink."""
    font = ImageFont.truetype(MONO, 26)
    im = Image.new("L", (1700, 620), 255)
    draw = ImageDraw.Draw(im)
    words = []
    for line, segments in enumerate(ROWS):
        y = 60 + 50 * line
        for x, text in segments:
            draw.text((x, y), text, font=font, fill=0)
            at = 0
            for w in text.split(" "):
                left = x + font.getlength(text[:text.index(w, at)])
                b = font.getbbox(w)
                words.append((w, 95.0, (int(left + b[0]), y + b[1], int(left + b[2]), y + b[3]), line))
                at = text.index(w, at) + len(w)
    return np.asarray(im), words


def _as(words: list[tuple], text: str) -> list[tuple]:
    """The page's words with the number's read as ``text`` (its box, the ink, unchanged)."""
    return [(text, *w[1:]) if w[0] == NUMBER else w for w in words]


def test_a_word_splits_by_its_glyphs_advances() -> None:
    assert slices("12/A", (0, 0, 40, 10), True) == [(0, 10), (10, 20), (20, 30), (30, 40)]
    wide = slices("1/", (0, 0, 778, 10), False)  # Times: a digit 500, a slash 278 thousandths of an em
    assert wide[0] == (0, 500) and wide[1] == (500, 778)
    assert digits_at("Số:118/TB", "118") == 3 and digits_at("1118/TB", "118") is None
    assert digits_at("18/118", "118") == 3


def test_the_rule_on_planted_scores() -> None:
    word = {"text": "85/BC", "box": [0, 0, 50, 10]}
    assert glyph_doubt([{**word, "digits": [[0, 0.98, "3", 0.84], [1, 0.67, "9", 0.82]]}], "85") is None  # < LIKE
    caught = glyph_doubt([{**word, "digits": [[0, 0.98, "3", 0.84], [1, 0.70, "9", 0.90]]}], "85")
    assert caught is not None and "'5' looks like the page's '9'" in caught
    near = LIKE + MARGIN / 2
    assert glyph_doubt([{**word, "digits": [[1, near - MARGIN / 2, "9", near]]}], "85") is None  # within MARGIN
    absent = glyph_doubt([{**word, "digits": [[1, None, "3", 0.86]]}], "85")  # the page renders no 5
    assert absent is not None and "the page renders no '5'" in absent
    assert glyph_doubt([{**word, "digits": [[1, None, "3", 0.86]]}], "86") is None  # not the stored number's word
    label = {"text": "S6:", "box": [0, 0, 20, 10], "digits": [[1, None, "5", 0.99]]}
    assert glyph_doubt([label, {**word, "digits": []}], "85") is None  # ``Số:`` read with a digit is no number


def test_a_typed_number_matches_the_pages_digits_and_a_planted_misreading_does_not(typed) -> None:
    gray, words = typed
    box = next(w[2] for w in words if w[0] == NUMBER)
    right = judge(gray, words, box)
    assert right is not None and [w["text"] for w in right] == [NUMBER]
    assert all(own is not None and own > 0.95 for _, own, _, _ in right[0]["digits"])
    assert glyph_doubt(right, "118") is None
    planted = judge(gray, _as(words, "178/TB-UBND"), box)  # the engine read the middle 1 as a 7
    why = glyph_doubt(planted, "178")
    assert why is not None and "'7' looks like the page's '1'" in why
    absent = glyph_doubt(judge(gray, _as(words, "148/TB-UBND"), box), "148")  # the page types no 4
    assert absent is not None and "the page renders no '4'" in absent


def test_through_extract_the_number_is_flagged_and_kept(typed) -> None:
    gray, words = typed
    text = "\n".join("   ".join(t for _, t in row) for row in ROWS)

    def extracted(read_as: str, reread: str) -> object:
        page_words = _as(words, read_as)
        reading = read_number(1, page_words, gray, 300.0, Prepared(gray, 300.0))
        assert reading is not None and "glyphs" in reading
        reading = {**reading, "read": reread, "scan": reread}  # the box read again repeats the stored reading
        classify._LAST = None
        return extract([PageText(1, text.replace(NUMBER, read_as), page_words, (), {}, reading)])

    right = extracted(NUMBER, ":118/")
    assert right.number.value == "118" and right.number.review is None
    wrong = extracted("178/TB-UBND", ":178/")
    assert wrong.number.value == "178" and wrong.number_symbol.value == "178/TB-UBND"  # never changed
    assert wrong.number.review is not None and "looks like the page's '1'" in wrong.number.review
    assert wrong.number_symbol.review == wrong.number.review and wrong.symbol.review is None
    assert {"number", "number_symbol"} <= set(wrong.needs_review)


def _glyphs_as_before(gray: np.ndarray, text: str, box, mono: bool) -> dict[int, np.ndarray]:
    """:func:`archivist.digitglyphs.glyphs` as it was written to session 30: two percentile calls, the components
    kept by a loop, their mask by ``np.isin`` over the crop and cut to ``np.nonzero``'s extent."""
    import cv2

    from archivist.digitglyphs import INK_SHARE, PAD, normalise

    x0, y0, x1, y1 = (int(v) for v in box)
    pad = int(PAD * (y1 - y0)) + 1
    h, w = gray.shape[:2]
    a, b, c, d = max(0, x0 - pad), max(0, y0 - pad), min(w, x1 + pad), min(h, y1 + pad)
    crop = gray[b:d, a:c]
    paper, dark = np.percentile(crop, 90), np.percentile(crop, 2)
    ink = (crop < paper - INK_SHARE * (paper - dark)).astype(np.uint8)
    n, labels, stats, centres = cv2.connectedComponentsWithStats(ink, connectivity=8)
    out = {}
    for i, (lo, hi) in enumerate(slices(text, box, mono)):
        if not text[i].isdigit():
            continue
        keep = [k for k in range(1, n) if lo - a <= centres[k][0] < hi - a and stats[k][4] >= 3]
        if keep:
            mask = np.isin(labels, keep)
            ys, xs = np.nonzero(mask)
            out[i] = normalise(mask[ys.min():ys.max() + 1, xs.min():xs.max() + 1].astype(np.float32))
    return out


def test_the_glyphs_are_the_former_ones_to_the_bit(typed) -> None:
    """Session 31 cut the glyphs' CPU by a third (one partition for both percentiles, the components' stats for
    their extent, a look-up for their mask): the same arrays, on the typed page clean, speckled and faded."""
    from archivist.digitglyphs import glyphs

    gray, words = typed
    rng = np.random.default_rng(31)
    specks = gray.copy()
    specks[rng.random(gray.shape) < 0.01] = 0
    faded = (255 - (255 - gray.astype(np.int16)) // 3).astype(np.uint8)
    seen = 0
    for page in (gray, specks, faded):
        for text, _, box, _ in words:
            if not any(ch.isdigit() for ch in text):
                continue
            for mono in (True, False):
                got, want = glyphs(page, text, box, mono), _glyphs_as_before(page, text, box, mono)
                assert got.keys() == want.keys() and all(np.array_equal(got[k], want[k]) for k in got)
                seen += len(got)
    assert seen > 60
