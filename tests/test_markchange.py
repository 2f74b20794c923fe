"""A subject's name whose marks were changed after the engine read it (archivist/markchange.py; bench/RESULTS.md,
"Flags, tone twins (session 49)"): session 48's sealed HG438 tables-29-qd-131 stored ``… tại thôn Đồng Hạ`` for the
printed ``Đông Hạ``, which the engine had read right at 95.3; the document's table writes ``Thôn Đồng Tâm``, and the
mark restorer gave the hamlet that spelling. A signer's name word read with its marks lost and given back the first
of two listed spellings (faded48's HG450 ``Lâm Văn Hung`` stored ``Hùng`` for ``Hưng``) is flagged too. The values
are kept; the reviewer is told what the engine read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archivist import classify
from archivist.classify import PageText
from archivist.extract import extract
from archivist.fields import Field
from archivist.markchange import changed_names, flag_changed_marks, flag_guessed_marks, guessed_marks
from archivist.marks import MarkRestorer

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


def test_through_extract_another_hamlet_keeps_the_engines_marks() -> None:
    """HG438 itself (session 49, fields49b): the table's ``Thôn Đồng Tâm`` no longer gives ``thôn Đông Hạ`` its
    marks (``marks.MarkRestorer._other_name``); the value is stored as printed and nothing was changed to flag."""
    classify._LAST = None
    meta = extract([PageText(1, "\n".join(LINES), _words(LINES), (), {})])
    assert meta.subject.value == SUBJECT.replace("Đồng", "Đông")
    assert "subject" not in meta.needs_review


def test_through_extract_the_restored_hamlet_is_flagged_not_changed() -> None:
    """Where the table names the same hamlet (``Thôn Đồng Hạ``), the restorer still gives the subject's ``Đông`` the
    table's marks, and the change is flagged with what the engine read."""
    lines = [ln.replace("Đồng Tâm", "Đồng Hạ") for ln in LINES]
    classify._LAST = None
    meta = extract([PageText(1, "\n".join(lines), _words(lines), (), {})])
    assert meta.subject.value == SUBJECT  # the restorer's spelling is kept
    assert "subject" in meta.needs_review
    assert meta.subject.review.startswith("'Đồng' is stored where the engine read 'Đông' at 95.3")


def test_a_signers_lost_marks_given_back_one_of_two_ways() -> None:
    assert guessed_marks("Lâm Văn Hùng", ["Lâm", "Văn", "Hung"]) == [("Hùng", "Hung", ["hưng"])]
    assert guessed_marks("Lê Thị Thủy", ["Lê", "Thi", "Thuy"]) == [("Thủy", "Thuy", ["thùy"])]
    assert guessed_marks("Lâm Văn Hùng", ["Lâm", "Văn", "Hùng"]) == []  # read with its marks
    assert guessed_marks("Tạ Văn Sơn", ["Ta", "Văn", "Son"]) == []  # one listed spelling each: no guess
    assert guessed_marks("Lâm Văn Hùng", ["Lâm", "Hung"]) == []  # words not paired one to one


def test_the_signer_flagged_with_the_other_spelling() -> None:
    words = [("Lâm", 94.6, (1079, 2118, 1150, 2155), 30), ("Văn", 94.6, (1160, 2118, 1230, 2155), 30),
             ("Hung", 94.6, (1240, 2118, 1356, 2155), 30)]
    page = PageText(1, "Lâm Văn Hung", words, (), {})
    f = Field("Lâm Văn Hùng", 0.876, 1, (1079, 2118, 1356, 2155), "Lâm Văn Hung")
    flag_guessed_marks({"signer": f}, [page])
    assert f.value == "Lâm Văn Hùng"
    assert f.review == ("'Hung' was read with marks lost and stored 'Hùng'; 'Hưng' spells these letters too: "
                        "the marks were guessed")
    sure = Field("Lâm Văn Hùng", 0.876, 1, (1079, 2118, 1356, 2155), "Lâm Văn Hùng")
    marked = [w if w[0] != "Hung" else ("Hùng", *w[1:]) for w in words]
    flag_guessed_marks({"signer": sure}, [PageText(1, "Lâm Văn Hùng", marked, (), {})])
    assert sure.review is None


def test_through_extract_a_signer_read_without_marks() -> None:
    lines = [*LINES[:-1], "Lâm Văn Hung"]
    classify._LAST = None
    meta = extract([PageText(1, "\n".join(lines), _words(lines), (), {})])
    assert meta.signer.value == "Lâm Văn Hùng"
    assert "signer" in meta.needs_review and "the marks were guessed" in (meta.signer.review or "")


def test_the_restorer_keeps_a_plain_tone_where_the_next_word_names_another_place() -> None:
    """``marks.MarkRestorer._vote``: a run's last word read with its hat and stroke but no tone (``Đông``) is given
    the document's toned spelling (``Đồng``) only where the value's next word follows that spelling somewhere in the
    document; a word read with no marks at all, or a run that ends the value, is voted as before."""
    table = ["Hộ bà Lý Hồng Tuyết, Thôn Đồng Tâm"] * 3
    r = MarkRestorer([*table, "bị thiệt hại do mưa lũ tại thôn Đông Hạ"])
    assert r.restore("tại thôn Đông Hạ", "text") == "tại thôn Đông Hạ"  # Hạ never follows Đồng: another hamlet
    assert r.restore("tại thôn Đông Tâm", "text") == "tại thôn Đồng Tâm"  # the table's hamlet: its tone was lost
    assert r.restore("tại thôn Đông", "text") == "tại thôn Đồng"  # nothing after the run to tell
    r = MarkRestorer([*table, "bị thiệt hại do mưa lũ tại thôn Dong Hạ"])
    assert r.restore("tại thôn Dong Hạ", "text") == "tại thôn Đồng Hạ"  # every mark lost: nothing read to keep
    r = MarkRestorer(["Thôn Đồng Hạ"] * 3 + ["tại thôn Đông Hạ"])
    assert r.restore("tại thôn Đông Hạ", "text") == "tại thôn Đồng Hạ"  # the same hamlet written with its tone


@pytest.mark.slow
def test_a_generated_petition_keeps_its_hamlet_through_process(tmp_path: Path) -> None:
    """End to end: the seventeenth document of seed 501's hard set (``generate.py --docs 6 --groups all``, fields49b's
    held-out HG501), a one-page faded petition of Xuân Trường whose subject ends ``tại thôn Đông Hạ`` and whose body
    names ``Trưởng thôn Đồng Tâm``: before this rule the subject was stored ``thôn Đồng Hạ`` (wrong, flagged)."""
    from click.testing import CliRunner

    from archivist.cli import main
    from samples.generate import generate
    from samples.hard import GROUPS

    (truth,) = generate(tmp_path / "set", seed=501, n_docs=6, groups=list(GROUPS), only=[16])
    assert truth["document"] == "faded-17-ttr-061-xuan-truong"
    res = CliRunner().invoke(main, ["process", str(tmp_path / "set" / "scans"), "--archive", str(tmp_path / "out"),
                                    "--workers", "1"])
    assert res.exit_code == 0, res.output
    (path,) = (tmp_path / "out" / "documents").glob("doc-*.json")
    meta = json.loads(path.read_text(encoding="utf-8"))["metadata"]
    assert meta["subject"] == truth["metadata"]["subject"]
    assert meta["subject"].endswith("tại thôn Đông Hạ") and "subject" not in meta["needs_review"]
