"""Review flags, twenty-eighth round (issue 14 item 9): right values no longer flagged where the page itself answers
the doubt. A list whose archive copy is whole (``Lưu: VT, TC``) and read with a comma for its stop; a subject whose
letter the engine weighed against one that makes no word (``thỉ`` for ``thi``); ``kênh mương``, a word the engine's
list lacks; an issuer read with a lone modifier letter (``ˆ``) between its words, which the place line confirms. Each
test also holds the case that must stay flagged."""

from __future__ import annotations

from archivist.chardoubt import letter_doubt, word_letter_doubt
from archivist.confirmations import issuer_confirmed
from archivist.crosscheck import syllable_doubt
from archivist.fields import Field
from archivist.recipients import read_recipients
from tests.test_flag_evidence import CHOICES, FOOT, HEAD, _extract, _Line, _page, needs_words


def _read(last: str) -> tuple[list[str], float]:
    kept, _, conf = read_recipients([_Line("- Như trên;"), _Line(last)], True, lambda t: t)
    return kept, conf


def test_a_whole_archive_copy_ending_on_a_comma_keeps_its_trust_a_bare_one_does_not() -> None:
    # AT26 pb-190: ``- Lưu VT, VP,`` read for ``- Lưu VT, VP.``: VT and the unit's code, nothing of the line lost
    assert _read("- Lưu VT, VP,") == (["Như trên", "Lưu VT, VP"], 0.85)
    assert _read("- Lưu: VT, TC,") == (["Như trên", "Lưu: VT, TC"], 0.85)
    # ``Lưu: VT,``: the unit's code may be what was lost; ``VE`` is no unit's code (``VP`` misread)
    assert _read("- Lưu: VT,") == (["Như trên", "Lưu: VT"], 0.51)
    assert _read("- Lưu: VT, VE,") == (["Như trên", "Lưu: VT, VE"], 0.51)


def test_a_list_ending_on_a_whole_archive_copy_and_a_comma_is_not_flagged() -> None:
    whole = _extract(_page(HEAD + FOOT[:3] + [[(100, "- Lưu: VT, TC,")], FOOT[4]]))
    assert whole.recipients.value[-1] == "Lưu: VT, TC"
    assert "recipients" not in whole.needs_review
    bare = _extract(_page(HEAD + FOOT[:3] + [[(100, "- Lưu: VT,")], FOOT[4]]))
    assert bare.recipients.value[-1] == "Lưu: VT"
    assert "recipients" in bare.needs_review


@needs_words
def test_a_subjects_rival_letter_counts_only_when_it_makes_a_word() -> None:
    thi = (2, "ỉ", 90.0, 80.0)  # ``thỉ``: no word
    assert letter_doubt("thi", [thi]) is not None
    assert word_letter_doubt("thi", [thi]) is None
    assert word_letter_doubt("tăng", [(1, "ắ", 91.0, 70.0)]) is None  # ``tắng``
    # a rival that makes a word keeps the doubt: ``bố`` for ``bổ``, ``Đông`` for ``Đồng``
    assert word_letter_doubt("bổ", [(1, "ố", 90.0, 75.0)]) == "the OCR nearly read 'ố' for 'ổ' in 'bổ'"
    assert word_letter_doubt("Đồng", [(1, "ô", 92.0, 80.0)]) is not None
    # a rival for a character that is no letter: the letter it stands for is lost (``thôi:`` for ``thôn``)
    assert word_letter_doubt("thôi:", [(4, "n", 89.7, 86.5)]) == "the OCR nearly read 'n' for ':' in 'thôi:'"


def _subject_page(subject: str, rivals: dict[str, tuple]) -> list:
    head = [row if i != 5 else [(400, subject)] for i, row in enumerate(HEAD)]
    return _page(head + FOOT, rivals=CHOICES | rivals)


@needs_words
def test_a_subject_is_not_flagged_for_a_rival_that_makes_no_word() -> None:
    # AT29 hd-024: ``thi công`` with ``ỉ`` 10 points behind the ``i``
    m = _extract(_subject_page("Về việc thi công xây dựng nhà văn hóa thôn An Phú", {"thi": ((2, "ỉ", 90.0, 80.0),)}))
    assert m.subject.value == "Về việc thi công xây dựng nhà văn hóa thôn An Phú"
    assert "subject" not in m.needs_review
    # ``sửa`` with ``ử`` weighed as ``ữ``: ``sữa`` is a word (milk), the doubt stands where no word of two
    # syllables answers it (flags32: in ``sửa chữa`` the list of words does, ``sữa chữa`` being none)
    doubted = _extract(_subject_page("Về việc sửa nhà văn hóa thôn An Phú", {"sửa": ((1, "ữ", 90.0, 80.0),)}))
    assert doubted.subject.review == "the OCR nearly read 'ữ' for 'ử' in 'sửa'"
    assert "subject" in doubted.needs_review
    answered = _extract(_subject_page("Về việc sửa chữa nhà văn hóa thôn An Phú", {"sửa": ((1, "ữ", 90.0, 80.0),)}))
    assert "subject" not in answered.needs_review


@needs_words
def test_kenh_muong_is_a_word() -> None:
    # ``mương`` (a canal) is missing from the engine's word list: nine right subjects were flagged for it
    assert syllable_doubt("Về việc sửa chữa kênh mương nội đồng thôn Cầu Đá") is None
    assert syllable_doubt("Về việc sửa chữa kênh mướng nội đồng") is not None  # ``mướng``: still no word
    m = _extract(_subject_page("Về việc sửa chữa kênh mương nội đồng thôn An Phú", {}))
    assert "subject" not in m.needs_review


def test_an_issuer_read_with_a_lone_modifier_letter_is_confirmed_by_the_place_line() -> None:
    # AT31 nq-088: ``HỘI ĐỒNG NHÂN DÂN ˆ XÃ PHÚ LƯƠNG`` (a speck read as a circumflex), the place line
    # ``Xã Phú Lương`` read surely: the same commune, read twice
    place = Field("Xã Phú Lương", 0.883, 1, None, "Xã Phú Lương")
    read = Field("HỘI ĐỒNG NHÂN DÂN XÃ PHÚ LƯƠNG", 0.693, 1, None, "HỘI ĐỒNG NHÂN DÂN ˆ XÃ PHÚ LƯƠNG")
    assert issuer_confirmed(read, place)
    # a letter between the words is no speck: the issuer as read is not its value
    other = Field("HỘI ĐỒNG NHÂN DÂN XÃ PHÚ LƯƠNG", 0.693, 1, None, "HỘI ĐỒNG NHÂN DÂN Â XÃ PHÚ LƯƠNG")
    assert not issuer_confirmed(other, place)
