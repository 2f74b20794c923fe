"""Real names the lexicon lists apart (``[other surnames]``, ``[other given]``): a name the restorer changed from one
of them is flagged with the word as read (archivist/unlisted.py), in a signer, a civil record's person and a register
row's names; the value is never changed."""

from __future__ import annotations

import pytest

from archivist.fields import Field
from archivist.lexicon import name_spellings, other_names
from archivist.marks import MarkRestorer
from archivist.namerival import flag_name_rivals
from archivist.ocrtext import _fold
from archivist.registers import _value
from archivist.unlisted import read_run, unlisted_name_doubt


def test_names_listed_apart_fold_like_a_listed_name_and_are_read_as_it() -> None:
    """Each word listed apart is a spelling of a listed name's letters that the lexicon's own sections do not hold,
    so the restorer reads it as the listed name: the change the flag is for."""
    others, spellings = other_names(), name_spellings()
    assert {"lường", "doãn", "phàn"} <= others["surnames"] and {"tám", "thư", "hường", "tiên"} <= others["given"]
    restorer = MarkRestorer([])
    for section, words in others.items():
        for word in words:
            listed = spellings[section].get(_fold(word), set())
            assert listed and word not in listed, word
            name = f"{word.capitalize()} Văn An" if section == "surnames" else f"Nguyễn Văn {word.capitalize()}"
            assert restorer.restore(name) != name, word


@pytest.mark.parametrize(("value", "source", "reason"), [
    ("Nguyễn Văn Tâm", "Nguyễn Văn Tám.",
     "read 'Nguyễn Văn Tám' and stored with the listed 'Tâm', but 'Tám' is a name too: the page may print either"),
    ("Lương Thị Quý", "- Lường Thị Quỳ",
     "read 'Lường Thị Quỳ' and stored with the listed 'Lương', 'Quý', but 'Lường', 'Quỳ' are names too: "
     "the page may print either"),
    ("Lê Thị Tiến", "LÊ THỊ TIÊN",  # a form's capitals; a tone lacking, the vowel's mark kept
     "read 'LÊ THỊ TIÊN' and stored with the listed 'Tiến', but 'Tiên' is a name too: the page may print either"),
])
def test_a_name_changed_from_a_name_listed_apart_is_doubted_with_the_reading(value: str, source: str,
                                                                            reason: str) -> None:
    assert unlisted_name_doubt(value, source) == reason


@pytest.mark.parametrize(("value", "source"), [
    ("Nguyễn Văn Tâm", "Nguyễn Văn Tam"),  # marks lost: put back, no other name read
    ("Đinh Văn An", "Đỉnh Văn An"),  # a syllable with other marks that is no name listed apart: the OCR's misread
    ("Đinh Văn An", "Định Văn An"),  # a given name listed apart, read where the family name stands
    ("Nguyễn Văn Tám", "Nguyễn Văn Tám"),  # kept as read
    ("Nguyễn Văn Tâm", "Trần Văn Tám"),  # not the words it was read from
    ("Nguyễn Văn Tâm", None),
])
def test_no_doubt_without_a_name_listed_apart_changed(value: str, source: str | None) -> None:
    assert unlisted_name_doubt(value, source) is None


def test_read_run_finds_the_words_a_name_was_made_of() -> None:
    assert read_run("Nguyễn Văn Tâm", "KT. CHỦ TỊCH Nguyễn Văn Tám,") == ["Nguyễn", "Văn", "Tám"]
    assert read_run("Nguyễn Văn Tâm", "Nguyễn Văn") is None


def test_signer_and_person_are_flagged_value_kept_even_without_page_words() -> None:
    """flag_name_rivals judges it from the value and its source text, so a name read from a text layer is judged."""
    found = {"signer": Field("Nguyễn Văn Tâm", 0.9, 1, (10, 10, 200, 40), "Nguyễn Văn Tám"),
             "person": Field("Lương Văn Ngọc", 0.85, 1, (10, 50, 200, 80), "LƯỜNG VĂN NGỌC"),
             "subject": Field("Về việc Tám", 0.9, 1, None, "Về việc Tám")}
    flag_name_rivals(found, [])
    assert found["signer"].value == "Nguyễn Văn Tâm" and "'Tám' is a name too" in (found["signer"].review or "")
    assert found["person"].value == "Lương Văn Ngọc" and "'Lường' is a name too" in (found["person"].review or "")
    assert found["subject"].review is None
    listed = {"signer": Field("Nguyễn Văn Tâm", 0.9, 1, None, "Nguyễn Văn Tâm")}
    flag_name_rivals(listed, [])
    assert listed["signer"].review is None


def test_a_register_rows_name_cell_says_why() -> None:
    restorer = MarkRestorer([])
    value, _, why = _value("person", "NGUYỄN VĂN TÁM", restorer)
    assert value == "Nguyễn Văn Tâm" and why is not None and "'Tám' is a name too" in why
    assert _value("mother", "Nguyễn Thị Lan", restorer)[2] is None


def test_the_bench_tells_a_right_reading_changed_by_the_restorer() -> None:
    """bench/unlisted_names.py: a name read as printed and restored to a listed one is wrong, read right, and its
    changed word is a syllable with other marks; a lost mark put back is right."""
    from bench.unlisted_names import judge, kind_of

    outcome, changes = judge("Nguyễn Văn Tâm", "Nguyễn Văn Tám", "Nguyễn Văn Tám", flagged=False)
    assert outcome == {"outcome": "wrong", "flagged": False, "read_right": True}
    assert [(c["read"], c["stored"], c["printed"], c["kind"], c["right"]) for c in changes] == \
        [("Tám", "Tâm", "Tám", "other marks", False)]
    outcome, changes = judge("Nguyễn Văn Tâm", "Nguyễn Văn Tâm", "NGUYEN VAN TAM", flagged=True)
    assert outcome["outcome"] == "right" and [c["kind"] for c in changes] == ["lost marks"] * 3
    assert judge(None, "Nguyễn Văn Tám", None, flagged=True)[0]["outcome"] == "missing"
    assert kind_of("Ngưyễn", "Nguyễn") == "no syllable"
