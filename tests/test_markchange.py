"""A subject's name whose marks were changed after the engine read it (archivist/markchange.py; bench/RESULTS.md,
"Flags, tone twins (session 49)"): session 48's sealed HG438 tables-29-qd-131 stored ``… tại thôn Đồng Hạ`` for the
printed ``Đông Hạ``, which the engine had read right at 95.3; the document's table writes ``Thôn Đồng Tâm``, and the
mark restorer gave the hamlet that spelling. The value is kept; the reviewer is told what the engine read."""

from __future__ import annotations

from archivist import classify
from archivist.classify import PageText
from archivist.extract import extract
from archivist.fields import Field
from archivist.markchange import changed_names, flag_changed_marks

SUBJECT = "Về việc hỗ trợ kinh phí cho các hộ gia đình bị thiệt hại do mưa lũ tại thôn Đồng Hạ"
LINES = ["UBND HUYỆN LẤP VÒ", "ỦY BAN NHÂN DÂN", "XÃ VĨNH THẠNH", "Số: 131/QĐ-UBND",
         "Vĩnh Thạnh, ngày 21 tháng 12 năm 2022", "QUYẾT ĐỊNH",
         "Về việc hỗ trợ kinh phí cho các hộ gia đình", "bị thiệt hại do mưa lũ tại thôn Đông Hạ",
         "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ VĨNH THẠNH", "Điều 1. Hỗ trợ kinh phí cho các hộ gia đình như sau",
         "Hộ bà Lý Hồng Tuyết, Thôn Đồng Tâm", "Hộ ông Đinh Hữu Phong, Thôn Đồng Tâm",
         "Hộ ông Hà Trọng Duy, Thôn Đồng Tâm", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Bùi Minh Nam"]
CENTRED = (5, 6, 7)  # the title and the subject's two lines


def _words(lines: list[str]) -> list[tuple[str, float, tuple[int, int, int, int], int]]:
    """The page's OCR words, one line a row, each read at 95.3 (as HG438's ``Đông``)."""
    out = []
    for n, line in enumerate(lines):
        x = 600 if n in CENTRED else 100
        for w in line.split():
            out.append((w, 95.3, (x, 100 + 50 * n, x + 20 * len(w), 135 + 50 * n), n))
            x += 20 * len(w) + 12
    return out


def test_a_capitalised_word_stored_with_other_marks_than_read() -> None:
    read = SUBJECT.replace("Đồng", "Đông").split()
    assert changed_names(SUBJECT, read) == [("Đồng", "Đông")]
    assert changed_names(SUBJECT, SUBJECT.split()) == []  # stored as read


def test_the_opening_word_a_small_word_or_an_unpaired_reading_are_not_judged() -> None:
    assert changed_names("Sổ đăng ký khai sinh", ["SỐ", "ĐĂNG", "KÝ", "KHAI", "SINH"]) == []  # the title's case
    assert changed_names("Về việc hỗ trợ các hộ", ["Về", "việc", "hỗ", "trợ", "các", "hỗ"]) == []  # not a name
    assert changed_names("tại thôn Đồng Hạ", ["tại", "thôn", "Đông"]) == []  # words not paired one to one
    assert changed_names("tại thôn Đồng Hạ", ["tại", "thôn", "Đông,", "Hạ"]) == [("Đồng", "Đông")]  # its comma aside
    assert changed_names("tại thôn Đồng Hạ", ["tại", "thôn", "Tây", "Hạ"]) == []  # another word, not its marks


def test_the_subject_flagged_with_what_the_engine_read() -> None:
    words = _words(LINES[6:8])
    f = Field(SUBJECT, 0.87, 1, (100, 100, 1200, 135), " ".join(LINES[6:8]))
    flag_changed_marks({"subject": f}, [PageText(1, "\n".join(LINES[6:8]), words, (), {})])
    assert f.value == SUBJECT
    assert f.review == ("'Đồng' is stored where the engine read 'Đông' at 95.3: a name's mark was changed after "
                        "reading, and the page may print either")
    kept = Field(SUBJECT.replace("Đồng", "Đông"), 0.87, 1, (100, 100, 1200, 135), " ".join(LINES[6:8]))
    flag_changed_marks({"subject": kept}, [PageText(1, "\n".join(LINES[6:8]), words, (), {})])
    assert kept.review is None  # stored as the engine read it
    sure = Field(SUBJECT, 0.87, 1, (100, 100, 1200, 135), "", review="an earlier reason")
    flag_changed_marks({"subject": sure}, [PageText(1, "", words, (), {})])
    assert sure.review == "an earlier reason"  # the first reason stands


def test_through_extract_the_restored_hamlet_is_flagged_not_changed() -> None:
    classify._LAST = None
    meta = extract([PageText(1, "\n".join(LINES), _words(LINES), (), {})])
    assert meta.subject.value == SUBJECT  # the restorer's spelling is kept
    assert "subject" in meta.needs_review
    assert meta.subject.review.startswith("'Đồng' is stored where the engine read 'Đông' at 95.3")
