"""Review flags, hundred-and-twelfth round (issue 14 item 9, session 39, fitted on the opened sealed seed 134;
nothing held out behind it): a subject's word the engine read into letters that are no syllable (``tiất`` for
``đất``, a speck before it) and the corrector cut into two syllables (``ti`` + ``ất``), which no spelling rule
doubts afterwards (HG134 speckle-23-cv-056: ``… thuế sử dụng ti ất phi nông nghiệp năm 2007``, stored at 0.883
unflagged). The two words share one box edge and one confidence, and neither makes a word with its neighbours.
Flagged, kept."""

from __future__ import annotations

from archivist.classify import PageText
from archivist.subjectsplit import split_word_doubt
from tests.test_flag_evidence import FOOT, _extract, _page

SUBJECT = "V/v đôn đốc thu nộp thuế sử dụng ti ất phi nông nghiệp năm 2007"
REASON = "'ti ất' was read as one word and cut in two, and neither part makes a word with its neighbours: a letter " \
    "of it was misread"
Word = tuple[str, float, tuple[int, int, int, int], int]


def _line(text: str, cut: tuple[str, str] = ("ti", "ất"), gap: int = 0, confs: tuple[float, float] = (83.0, 83.0),
          line: int = 4) -> list[Word]:
    """``text``'s words on one line, 12 px apart but for the two of ``cut``: ``gap`` px, read at ``confs``."""
    out: list[Word] = []
    x = 100
    for w in text.split():
        after_cut = bool(out) and (out[-1][0], w) == cut
        x -= 0 if not after_cut else 12 - gap
        conf = confs[1] if after_cut else confs[0] if w == cut[0] else 96.0
        out.append((w, conf, (x, 400, x + 14 * len(w), 430), line))
        x += 14 * len(w) + 12
    return out


def test_one_word_cut_into_two_that_make_no_word_is_doubted() -> None:
    assert split_word_doubt(SUBJECT, _line("Kính gửi:") + _line(SUBJECT)) == REASON
    # the body repeating the phrase elsewhere does not matter: the subject's own words are judged
    assert split_word_doubt(SUBJECT, _line(SUBJECT) + _line("Thu thuế sử dụng đất năm 2007.", line=9)) == REASON


def test_words_read_apart_a_cut_that_makes_words_or_no_subject_found_say_nothing() -> None:
    assert split_word_doubt(SUBJECT, _line(SUBJECT, gap=9)) is None  # a space between: two words the engine read
    assert split_word_doubt(SUBJECT, _line(SUBJECT, confs=(83.0, 91.0))) is None  # two readings, two confidences
    words = _line(SUBJECT)
    at = next(i for i, w in enumerate(words) if w[0] == "ất")
    words[at] = (words[at][0], words[at][1], words[at][2], 5)  # the next line's first word
    assert split_word_doubt(SUBJECT, words) is None
    right = "V/v đôn đốc thu nộp thuế sử dụng đất phi nông nghiệp năm 2007"
    assert split_word_doubt(right, _line(right, cut=("sử", "dụng"))) is None  # 'sửdụng' cut right: 'sử dụng'
    assert split_word_doubt(SUBJECT, _line(" ".join(SUBJECT.split()[:5]))) is None  # the subject not on the page
    assert split_word_doubt(SUBJECT, _line(SUBJECT) + _line(SUBJECT, line=9)) is None  # twice: which is its own?


HEAD = [[(100, "UBND HUYỆN YÊN PHONG")], [(100, "ỦY BAN NHÂN DÂN")], [(100, "XÃ TRUNG NGHĨA")],
        [(100, "Số: 56/UBND-TC"), (1000, "Xã Trung Nghĩa, ngày 26 tháng 10 năm 2007")],
        [(100, "V/v đôn đốc thu nộp thuế sử dụng")], [(100, "ti ất phi nông nghiệp năm 2007")],
        [(400, "Kính gửi: Trưởng các thôn, ấp trên địa bàn xã.")],
        [(100, "Thực hiện Công văn số 41/UBND-NV của Ủy ban nhân dân huyện, đề nghị các đơn vị thực hiện.")]]


def _letter(gap: int) -> PageText:
    """The letter as the record keeps it: ``ti`` and ``ất`` at 83, ``ất``'s box ``gap`` px after ``ti``'s."""
    page = _page(HEAD + FOOT, conf={"ti": 83.0, "ất": 83.0})
    words = list(page.words or [])
    at = next(i for i, w in enumerate(words) if w[0] == "ất")
    (_, _, (_, _, end, _), _), (text, conf, (_, top, right, bottom), line) = words[at - 1], words[at]
    words[at:] = [(text, conf, (end + gap, top, end + gap + right - end - 12, bottom), line)] + words[at + 1:]
    return PageText(page.number, page.text, words, page.notes, page.rivals)


def test_the_subject_is_flagged_and_kept_through_extract() -> None:
    cut = _extract(_letter(0))
    assert cut.subject.value == SUBJECT and "subject" in cut.needs_review
    assert cut.subject.review == REASON, cut.subject.review
    apart = _extract(_letter(12))
    assert apart.subject.value == SUBJECT and apart.subject.review != REASON
