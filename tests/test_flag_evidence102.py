"""Review flags, hundred-and-second round (issue 14 item 9, session 37): a subject holding a lexicon phrase with one
word one confusion off that stands in no word with its neighbours (HG128 typewriter-09 cv-150's ``V/v chuẩn bị các
điều kiện phòng, chống tụt bão năm 2005`` for ``lụt bão`` at 0.859: ``tụt`` read at 96.2 with no rival; ``lụt bão``
is a lexicon phrase and no entry of the list of words, so the pair rule is silent). Flagged, never changed."""

from __future__ import annotations

from archivist.itemslips import subject_phrase_doubt
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page

TARGET = "V/v chuẩn bị các điều kiện phòng, chống tụt bão năm 2005"


def test_a_phrase_with_a_word_one_confusion_off_is_doubted() -> None:
    why = subject_phrase_doubt(TARGET)
    assert why is not None and "'tụt'" in why and "'lụt bão'" in why, why
    assert subject_phrase_doubt("Họp tấy ý kiến nhân dân về dự án nhà văn hóa ấp 4") is not None  # HG116's


def test_the_phrase_itself_a_word_of_the_list_or_two_slips_are_no_doubt() -> None:
    assert subject_phrase_doubt("V/v chuẩn bị các điều kiện phòng, chống lụt bão năm 2005") is None
    # ``việc tang`` is a phrase one mark off ``việc tăng``, but ``tăng cường`` is a word (24 right subjects)
    assert subject_phrase_doubt("Về việc tăng cường công tác phòng, chống cháy nổ trên địa bàn xã") is None
    assert subject_phrase_doubt("V/v chuẩn bị các điều kiện phòng, chống mưa bão năm 2005") is None  # not one off
    assert subject_phrase_doubt("Về việc lịch trực Tết Nguyên đán năm 2016") is None


def _subject_page(subject: str):  # noqa: ANN202
    """HEAD's notice with ``subject`` for its subject line."""
    return _page([row if not row[0][1].startswith("Về việc") else [(400, subject)] for row in HEAD] + FOOT)


def test_the_subject_is_flagged_and_kept_through_extract() -> None:
    wrong = "Về việc chuẩn bị các điều kiện phòng, chống tụt bão năm 2016"
    meta = _extract(_subject_page(wrong))
    assert meta.subject.value == wrong and "subject" in meta.needs_review
    assert "'tụt' stands where the phrase 'lụt bão'" in (meta.subject.review or ""), meta.subject.review
    right = _extract(_subject_page(wrong.replace("tụt", "lụt")))
    assert right.subject.value == wrong.replace("tụt", "lụt") and right.subject.review is None
