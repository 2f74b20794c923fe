"""Review flags, hundred-and-eleventh round (issue 14 item 9, session 38, fitted on HG123 typewriter-12-gm-038 as
typewriter38's tree reads it; nothing held out behind it): a subject's word read weakly into another real word
(``… kế hoạch tiêu chủng mở rộng năm 2007`` for ``tiêm chủng``, ``tiêu`` at 40) while the body writes the same
words around ``tiêm``, read at 97. ``tiêm chủng`` is not in Viet74K's pairs and ``tiêu`` is a word, so no
spelling or pair rule sees it: the body's sure reading between the same neighbours is the evidence. Flagged,
kept."""

from __future__ import annotations

from archivist.subjectword import weak_word_doubt
from tests.test_flag_evidence import FOOT, _extract, _page

SUBJECT = "Dự họp triển khai kế hoạch tiêu chủng mở rộng năm 2007"
BODY = "Tới dự họp triển khai kế hoạch tiêm chủng mở rộng năm 2007."
REASON = "the subject's 'tiêu' was read weakly (40) where the text writes 'hoạch tiêm chủng': one of the two was " \
    "misread"
HEAD = [[(100, "UBND HUYỆN ĐÔNG HƯNG")], [(100, "ỦY BAN NHÂN DÂN")], [(100, "XÃ PHÚ LƯƠNG")],
        [(100, "Số: 38/GM-UBND"), (1000, "Xã Phú Lương, ngày 19 tháng 4 năm 2007")], [(600, "GIẤY MỜI")],
        [(400, "Dự họp triển khai kế hoạch")], [(400, "tiêu chủng mở rộng năm 2007")],
        [(100, "Ủy ban nhân dân xã Phú Lương trân trọng kính mời dự họp.")], [(100, "{body}")]]


def _words(subject_conf: float = 40.0, body: str = BODY, body_conf: float = 97.0) -> list[tuple[str, float]]:
    mine = [(w, subject_conf if w == "tiêu" else 95.0) for w in SUBJECT.split()]
    return [("GIẤY", 95.0), ("MỜI", 95.0), *mine, *((w, body_conf) for w in body.split())]


def test_a_weak_word_the_body_writes_otherwise_is_doubted() -> None:
    assert weak_word_doubt(SUBJECT, _words()) == REASON


def test_a_sure_word_a_same_word_or_other_neighbours_say_nothing() -> None:
    assert weak_word_doubt(SUBJECT, _words(subject_conf=85.0)) is None  # read surely: the body may differ
    assert weak_word_doubt(SUBJECT, _words(body_conf=70.0)) is None  # the body's word weak too
    assert weak_word_doubt(SUBJECT, _words(body=SUBJECT)) is None  # the body writes 'tiêu' too
    assert weak_word_doubt(SUBJECT, _words(body="Tới dự họp về tiêm chủng mở rộng.")) is None  # other neighbours
    assert weak_word_doubt(SUBJECT, _words()[:-len(BODY.split())]) is None  # no other writing
    assert weak_word_doubt(SUBJECT, [(w, 40.0) for w in "Dự họp triển".split()]) is None  # subject not found
    assert weak_word_doubt(SUBJECT, _words() + _words()[2:14]) is None  # the subject twice: which is its own?


def _invitation(conf: float) -> object:
    return _extract(_page([[(x, t.format(body=BODY)) for x, t in row] for row in HEAD] + FOOT, conf={"tiêu": conf}))


def test_the_subject_is_flagged_and_kept_through_extract() -> None:
    weak = _invitation(40.0)
    assert weak.subject.value == SUBJECT and "subject" in weak.needs_review
    assert weak.subject.review == REASON, weak.subject.review
    sure = _invitation(95.0)  # read surely: not the weak word's reason; 'tiêu chủng' is no word beside the body's
    assert sure.subject.review != REASON  # listed 'tiêm chủng', which flags145 hears (tests/test_flag_evidence140.py)
    assert "'tiêm chủng', a word one letter otherwise" in (sure.subject.review or ""), sure.subject.review
