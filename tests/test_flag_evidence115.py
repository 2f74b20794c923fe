"""Review flags, hundred-and-fifteenth round (issue 14 item 9, session 39, fitted on the fresh seed 136; nothing held
out behind it): a speck between two words read as a hyphen joining them, the first capitalised (HG136
speckle-21-ttr-081: ``… sửa chữa trụ sở Ủy-ban nhân dân xã``, stored at 0.869 unflagged). The rule for two small
syllables so joined leaves a capital, since peoples' and places' names are written with a hyphen (``Ê-đê``); the
document writes ``Ủy ban`` apart seven times and never joined. Flagged, kept."""

from __future__ import annotations

from archivist.subjecthyphen import apart_hyphen_doubt
from tests.test_flag_evidence import FOOT, _extract, _page

SUBJECT = "Về việc đề nghị phê duyệt dự toán kinh phí sửa chữa trụ sở Ủy-ban nhân dân xã"
BODY = "Ủy ban nhân dân xã Bình Minh kính trình Ủy ban nhân dân huyện xem xét."
REASON = "'Ủy-ban' joins two words with a hyphen that the text writes apart ('Ủy ban', 2 times): a speck read " \
    "between them"


def _words(subject: str = SUBJECT, body: str = BODY) -> list[tuple[str, float]]:
    return [(w, 95.0) for w in f"TỜ TRÌNH {subject} Kính gửi: {body}".split()]


def test_a_hyphen_between_words_the_text_writes_apart_is_doubted() -> None:
    assert apart_hyphen_doubt(SUBJECT, _words()) == REASON
    small = SUBJECT.replace("Ủy-ban", "ủy-ban")  # in small letters too (the older rule names it first in extract)
    assert apart_hyphen_doubt(small, _words(small)) is not None


def test_a_name_written_so_throughout_or_never_apart_says_nothing() -> None:
    people = "Về việc hỗ trợ đồng bào Ê-đê xã Ea Tu"
    assert apart_hyphen_doubt(people, _words(people, "Đồng bào Ê-đê ở các buôn.")) is None  # joined elsewhere too
    assert apart_hyphen_doubt(people, _words(people, "Đồng bào ở các buôn.")) is None  # never written apart
    assert apart_hyphen_doubt(SUBJECT, _words(body="Kính trình xem xét.")) is None  # the parts written nowhere
    assert apart_hyphen_doubt(SUBJECT.replace("Ủy-ban", "Ủy ban"), _words(SUBJECT.replace("Ủy-ban", "Ủy ban"))) is None
    coded = "Về việc thực hiện Công văn số 41/UBND-NV"
    assert apart_hyphen_doubt(coded, _words(coded, "UBND NV")) is None  # a code's parts: not letters both


HEAD = [[(100, "UBND HUYỆN THĂNG BÌNH")], [(100, "ỦY BAN NHÂN DÂN")], [(100, "XÃ BÌNH MINH")],
        [(100, "Số: 81/TTr-UBND"), (1000, "Xã Bình Minh, ngày 05 tháng 12 năm 2013")], [(700, "TỜ TRÌNH")],
        [(500, "Về việc đề nghị phê duyệt dự toán kinh")], [(500, "phí sửa chữa trụ sở {word} nhân dân xã")],
        [(500, "Kính gửi: Ủy ban nhân dân huyện Thăng Bình.")], [(100, BODY)]]


def _petition(word: str) -> object:
    return _extract(_page([[(x, t.format(word=word)) for x, t in row] for row in HEAD] + FOOT))


def test_the_subject_is_flagged_and_kept_through_extract() -> None:
    joined = _petition("Ủy-ban")
    assert joined.subject.value == SUBJECT and "subject" in joined.needs_review
    assert joined.subject.review is not None and joined.subject.review.startswith("'Ủy-ban' joins two words"), \
        joined.subject.review
    assert "subject" not in _petition("Ủy ban").needs_review
