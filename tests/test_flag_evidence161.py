"""Review flags, hundred-and-sixty-first round (issue 14 item 9): a signer's rival letter the name list answers.

:func:`archivist.chardoubt.name_letter_doubt` flagged every signer one of whose letters the engine weighed another
for within 30 points. Most right signers it flagged hold a listed name read as printed whose rival spells no name
(AT139 06-guq-044 ``Dương Thùy Trinh``: ``Trinh`` with ``ỉ`` weighed at 75.3 of 87.7), or a surname the restorer
put back whose rival only marks the same letters otherwise (HG264 typewriter-10-bc-119 ``Đinh Thị Nhàn``: ``Đỉnh``
read, its ``i`` weighed at 76.1). Those rivals are answered (:func:`archivist.nameanswer.name_unanswered`); every
wrong signer the rule flagged keeps its doubt. The fixtures are the records' words and rivals."""

from __future__ import annotations

import pytest

from archivist.chardoubt import flag_doubted
from archivist.fields import Field
from archivist.nameanswer import name_unanswered, only_spelling, spells_name
from tests.test_flag_evidence import _page

#: AT139 06-guq-044-phuoc-thien's signer word and its rival (right: ``Dương Thùy Trinh``)
TRINH = ("Trinh", ((2, "ỉ", 87.7, 75.3),))
#: HG264 typewriter-10-bc-119-binh-minh's surname word, read ``Đỉnh`` and stored ``Đinh`` (right)
DINH = ("Đỉnh", ((1, "i", 90.3, 76.1),))


@pytest.mark.parametrize(("text", "rivals", "value"), [
    (*TRINH, "Dương Thùy Trinh"),
    (*DINH, "Đinh Thị Nhàn"),
    ("Đỉnh", ((1, "ị", 90.0, 70.0),), "Đinh Thị Nhàn"),  # ``Định`` is no family name: the same letters marked
    ("Hữu", ((1, "Ữ", 92.0, 70.0),), "Hồ Hữu Toàn"),  # HG264 ttr-190: a capital weighed inside the word
    ("Vân", ((1, "ầ", 90.0, 70.0),), "Lê Bích Vân"),  # AT265 10-ket-hon-31: a rival tone, and ``Văn`` no tone away
])
def test_a_rival_spelling_no_name_beside_a_listed_one_is_answered(text: str, rivals: tuple, value: str) -> None:
    assert name_unanswered(text, rivals, value) == []


@pytest.mark.parametrize(("text", "rivals", "value"), [
    ("Vẽ", ((1, "ã", 90.3, 80.9),), "Vẽ Tiến Huy"),  # AT287 04-1-kh-172, for ``Võ``: ``Vẽ`` spells no name
    ('"Hoàng', ((2, "a", 86.5, 79.7), (3, "ã", 84.2, 83.1)), "Hoàng Thanh"),  # e-HG137: the given name lost
    ("Trinh", ((2, "ỉ", 87.7, 75.3),), "Thanh Trinh"),  # HG230 ttr-163: two words, the family name lost
    ("ĐỖ", ((1, "ỗ", 90.0, 70.0),), "ĐỖ Phương Trinh"),  # tw-170: no name is written in capitals
    ("Trị", ((1, "i", 90.0, 70.0),), "Đinh Trí Nhung"),  # db-172: a restored word whose rival changes letters
    ("Đình", ((0, "B", 90.0, 70.0),), "Hoàng Đình Hưng"),  # tw-142: ``Bình`` is a listed name too
    ("Anh", ((0, "Ả", 90.0, 70.0),), "Nguyễn Văn Anh"),  # ``Ánh`` is listed: the mark is in doubt
    ("Hùng", ((1, "ư", 90.0, 70.0),), "Trần Văn Hùng"),  # ``Hưng`` is a listed name
    ("Thanh", ((2, "ã", 90.0, 70.0),), "Phạm Thanh Tài"),  # a rival tone: ``Thành`` is listed, a tone away
    ("Vân", ((1, "ă", 90.0, 70.0),), "Lê Bích Vân"),  # ``Văn`` is listed
])
def test_a_rival_the_list_does_not_answer_is_kept(text: str, rivals: tuple, value: str) -> None:
    assert name_unanswered(text, rivals, value) == list(rivals)


def test_the_lists_answers() -> None:
    assert spells_name("Trinh", 2) and not spells_name("Trỉnh", 2) and spells_name("Đinh", 0)
    assert only_spelling("Trinh", 2) and not only_spelling("Anh", 2) and only_spelling("Đinh", 0)
    assert only_spelling("Vân", 2, "Vần") and not only_spelling("Vân", 2) and not only_spelling("Anh", 2, "Ảnh")


def _signer(value: str, line: str, word: str, rivals: tuple) -> Field:
    """``value`` as the signer read from a page's one line ``line``, its word ``word`` with ``rivals``; judged."""
    page = _page([[(1000, line)]], rivals={word: rivals})
    box = (page.words[0][2][0], page.words[0][2][1], page.words[-1][2][2], page.words[-1][2][3])
    f = Field(value, 0.9, page=1, bbox=box, source_text=line)
    flag_doubted({"signer": f}, [page])
    return f


def test_through_flag_doubted_a_right_name_is_not_flagged_and_a_wrong_one_is() -> None:
    assert _signer("Dương Thùy Trinh", "Dương Thùy Trinh", *TRINH).review is None
    assert _signer("Đinh Thị Nhàn", "Đỉnh Thị Nhàn", *DINH).review is None
    wrong = _signer("Vẽ Tiến Huy", "Vẽ Tiến Huy", "Vẽ", ((1, "ã", 90.3, 80.9),))
    assert wrong.value == "Vẽ Tiến Huy" and "nearly read 'ã' for 'ẽ'" in (wrong.review or "")
    short = _signer("Thanh Trinh", "Thanh Trinh", *TRINH)
    assert "nearly read 'ỉ'" in (short.review or "")
