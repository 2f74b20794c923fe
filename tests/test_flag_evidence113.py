"""Review flags, hundred-and-thirteenth round (issue 14 item 9, session 39, fitted on the opened sealed seed 133
as main b02d2ee processes it end to end; nothing held out behind it): a subject's word read with a capital where
the body writes the same words in small letters (HG133 typewriter-12-qd-097: ``… cá nhân có thành tích Xuất sắc
trong phong trào thi đua năm 2005``, stored at 0.876 unflagged, the body's ``… có thành tích xuất sắc trong …``).
A typed ``x`` and ``X`` differ in height alone; ``Xuất sắc`` opens with its capital, so the inner-capital rule
passes it. Flagged, kept."""

from __future__ import annotations

from archivist.subjectcase import capital_word_doubt
from tests.test_flag_evidence import FOOT, _extract, _page

SUBJECT = "Về việc khen thưởng các tập thể, cá nhân có thành tích Xuất sắc trong phong trào thi đua năm 2005"
BODY = "Điều 1. Khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua năm 2005."
REASON = "the subject writes 'Xuất' with a capital where the text writes 'tích xuất sắc' in small letters: a letter " \
    "read in the wrong case"


def _words(subject: str = SUBJECT, body: str = BODY) -> list[tuple[str, float]]:
    return [(w, 95.0) for w in f"QUYẾT ĐỊNH {subject} ỦY BAN NHÂN DÂN XÃ QUYẾT ĐỊNH: {body}".split()]


def test_a_capital_the_body_writes_small_between_the_same_words_is_doubted() -> None:
    assert capital_word_doubt(SUBJECT, _words()) == REASON
    inner = "Về việc thành Lập Ban Chỉ đạo phòng, chống thiên tai năm 2005"  # any letter, not only x, c, s, o, v
    assert capital_word_doubt(inner, _words(inner, "Thành lập Ban Chỉ đạo phòng, chống thiên tai.")) is not None


def test_a_name_a_capital_the_body_writes_so_or_other_neighbours_say_nothing() -> None:
    assert capital_word_doubt(SUBJECT, _words(body=BODY.replace("xuất", "Xuất"))) is None  # the body's capital too
    assert capital_word_doubt(SUBJECT, _words(body="Khen thưởng các cá nhân xuất sắc.")) is None  # other neighbours
    assert capital_word_doubt(SUBJECT, _words(body="")) is None  # no other writing
    assert capital_word_doubt(SUBJECT.replace("Xuất", "xuất"), _words(SUBJECT.replace("Xuất", "xuất"))) is None
    named = "Về việc công nhận xã Yên Thịnh đạt chuẩn nông thôn mới năm 2015"
    assert capital_word_doubt(named, _words(named, "Công nhận xã yên Thịnh đạt chuẩn.")) is None  # a level word
    ban = "Về việc kiện toàn Ban Chỉ đạo phòng, chống thiên tai năm 2005"
    assert capital_word_doubt(ban, _words(ban, "Kiện toàn Ban chỉ đạo phòng, chống thiên tai.")) is None  # 'Ban Chỉ'
    twice = _words() + _words()[2:2 + len(SUBJECT.split())]
    assert capital_word_doubt(SUBJECT, twice) is None  # the subject twice: which is its own?


HEAD = [[(100, "UBND HUYỆN CẦN GIUỘC")], [(100, "ỦY BAN NHÂN DÂN")], [(100, "XÃ QUẢNG PHÚ")],
        [(100, "Số: 97/QĐ-UBND"), (1000, "Quảng Phú, ngày 12 tháng 4 năm 2005")], [(700, "QUYẾT ĐỊNH")],
        [(500, "Về việc khen thưởng các tập thể,")], [(500, "cá nhân có thành tích {word} sắc")],
        [(500, "trong phong trào thi đua năm 2005")], [(600, "ỦY BAN NHÂN DÂN XÃ QUẢNG PHÚ")],
        [(100, "Căn cứ Luật Tổ chức chính quyền địa phương;")], [(600, "QUYẾT ĐỊNH:")], [(100, BODY)]]


def _decision(word: str) -> object:
    return _extract(_page([[(x, t.format(word=word)) for x, t in row] for row in HEAD] + FOOT))


def test_the_subject_is_flagged_and_kept_through_extract() -> None:
    capital = _decision("Xuất")
    assert capital.subject.value == SUBJECT and "subject" in capital.needs_review
    assert capital.subject.review == REASON, capital.subject.review
    assert "subject" not in _decision("xuất").needs_review
