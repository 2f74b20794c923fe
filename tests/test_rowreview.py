"""A register's rows checked through the review sheet (archivist/rowreview.py): each flagged row named by its page
and place, shown as ``column=value`` pairs, confirmed as read or corrected, with history; a confirmed row never
listed again and kept by a re-run; unclear input refused with one line. Rows here are read by the real register
reader from word boxes laid out as a scan's OCR gives them (tests/test_registers.py)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

import archivist
from archivist.corrections import ReviewError, carry_confirmed
from archivist.ocrtext import PageText
from archivist.registerpages import read_register
from archivist.rowreview import apply_row, sheet_place
from archivist.schemas import validate_record
from archivist.toreview import review_items, to_review
from tests.test_registers import _words

AT = "2026-12-06T04:00:00Z"
ROWS = [[["11"], ["24/03/2021"], ["Đinh Kim Tuyết"], ["13/02/2021"], ["Nữ"], ["Phạm Ngọc Yến"]],
        [["12"], ["27/03/2021"], ["Trân Đình Hải"], ["06/03/2021"], ["Nam"], ["Đỗ Thị Nhàn"]],  # a mark misread
        [["18"], ["01/04/2021"], ["Lý Hồng Tuyết"], ["08/03/2021"], ["Nữ"], ["Hồ Thùy Nga"]],  # 13 read 18
        [["14"], ["02/04/2021"], ["Lê Văn Bình"], ["09/03/2021"], ["Nam"], ["Hồ Thị Mai"]]]


def _record(rows: list = ROWS, first_flagged: bool = False) -> dict:
    """A register's record as the extractor leaves it: its rows, its first row's civil fields, ``entries`` named."""
    entries = read_register([PageText(1, "", _words(rows))])
    first = entries[0]
    fields = {k: {"value": first[k], "confidence": first["cells"][k]["confidence"], "page": 1, "bbox": None,
                  "source_text": first["cells"][k]["source_text"]} for k in ("person", "entry", "event_date")}
    meta = {"type": "Khai sinh", "kind": "civil_status", "needs_review": ["entries"] + (["person"] if first_flagged
            else []), "fields": fields, "entries": entries, **{k: f["value"] for k, f in fields.items()}}
    return {"id": "doc-0123456789abcdef", "metadata": meta}


def _flagged(rec: dict) -> list[tuple[int, int]]:
    return [(i["page"], i["row"]) for i in review_items(rec) if i["field"] == "entries"]


def test_each_flagged_row_is_named_by_page_and_place_and_shows_every_column() -> None:
    rec = _record()
    assert _flagged(rec) == [(1, 2), (1, 3)]
    item = review_items(rec)[1]
    assert item["value"] == ("entry=18; registered=2021-04-01; person=Lý Hồng Tuyết; event_date=2021-03-08; "
                             "sex=Nữ; mother=Hồ Thùy Nga")
    assert "entry number 18 is out of sequence" in item["reason"] and item["source_text"].startswith("18; ")
    rec["metadata"]["entries"][2]["mother"] = None  # an empty cell is shown, so every value keeps its name
    assert "sex=Nữ; mother=" == review_items(rec)[1]["value"][-15:]


def test_a_row_copied_unchanged_is_confirmed_and_never_listed_again() -> None:
    rec = _record()
    value = review_items(rec)[0]["value"]
    before = copy.deepcopy(rec["metadata"]["entries"][1])
    assert apply_row(rec, 1, 2, value, "Nguyễn Thị Lan", AT)
    row = rec["metadata"]["entries"][1]
    assert row["confirmed"] is True and row["confidence"] == 1.0 and row["person"] == "Trân Đình Hải"
    assert row["review"] == before["review"]  # why it was checked is kept
    h = rec["history"][-1]
    assert (h["field"], h["page"], h["row"], h["reviewer"], h["at"]) == ("entries", 1, 2, "Nguyễn Thị Lan", AT)
    assert h["old"] == h["new"] and h["new"]["person"] == "Trân Đình Hải"
    assert _flagged(rec) == [(1, 3)] and "entries" in rec["metadata"]["needs_review"]
    assert not apply_row(rec, 1, 2, value, "Nguyễn Thị Lan", AT)  # already so: nothing logged
    assert len(rec["history"]) == 1


def test_a_corrected_row_changes_only_the_columns_named_and_clears_the_document() -> None:
    rec = _record()
    assert apply_row(rec, 1, 3, "entry=13", None, AT)
    row = rec["metadata"]["entries"][2]
    assert (row["entry"], row["person"], row["registered"]) == ("13", "Lý Hồng Tuyết", "2021-04-01")
    assert row["cells"]["entry"]["confidence"] == 1.0 and row["cells"]["entry"]["source_text"] == "18"
    assert rec["history"][-1]["old"]["entry"] == "18" and rec["history"][-1]["new"]["entry"] == "13"
    assert to_review(rec)  # row 2 is still to check
    assert apply_row(rec, 1, 2, " person = Trần Đình Hải ;sex=nam ; ", "Lan", AT)  # spaces and case forgiven
    row = rec["metadata"]["entries"][1]
    assert (row["person"], row["sex"], row["mother"]) == ("Trần Đình Hải", "Nam", "Đỗ Thị Nhàn")
    assert review_items(rec) == [] and not to_review(rec) and rec["metadata"]["needs_review"] == []
    _validate(rec)


def _validate(rec: dict) -> None:
    """The schema's worked example holding ``rec``'s rows and history: a changed row validates as the commit
    path validates it."""
    example = json.loads((Path(archivist.__file__).parent / "schemas" / "examples" / "document.json")
                         .read_text(encoding="utf-8"))
    example["metadata"]["entries"] = rec["metadata"]["entries"]
    example["history"] = [*example.get("history", []), *rec["history"]]
    validate_record(example)


def test_the_first_row_carries_the_documents_civil_fields_with_it() -> None:
    rows = [[["11"], ["24/03/2021"], ["Trân Kim Tuyết"], ["13/02/2021"], ["Nữ"], ["Phạm Ngọc Yến"]], *ROWS[1:]]
    rec = _record(rows, first_flagged=True)
    assert {i["field"] for i in review_items(rec)} == {"entries", "person"}
    assert apply_row(rec, 1, 1, "person=Trần Kim Tuyết", "Lan", AT)
    meta = rec["metadata"]
    assert meta["person"] == "Trần Kim Tuyết" and meta["fields"]["person"]["confirmed"] is True
    assert meta["fields"]["entry"]["confirmed"] is True and meta["entry"] == "11"  # confirmed as read
    assert "person" not in meta["needs_review"] and "person" not in {i["field"] for i in review_items(rec)}
    assert [(h["field"], h["old"] if h["field"] != "entries" else None) for h in rec["history"]] == [
        ("entries", None), ("person", "Trân Kim Tuyết"), ("entry", "11"), ("event_date", "2021-02-13")]


@pytest.mark.parametrize(("text", "says"), [
    ("entry 13", "'entry 13' is not column=value"),
    ("colour=red", "the row has no column 'colour' (its columns: entry, registered, person"),
    ("entry=13; entry=14", "column entry is given twice"),
    ("entry=I3", "entry must be a number, not 'I3'"),
    ("registered=01/04/2021", "registered must be a date as YYYY-MM-DD, not '01/04/2021'"),
    ("sex=Trai", "sex must be Nam or Nữ, not 'Trai'"),
    ("  ;  ", "no column=value given"),
])
def test_unclear_input_is_refused_in_one_line_and_changes_nothing(text: str, says: str) -> None:
    rec = _record()
    before = copy.deepcopy(rec)
    with pytest.raises(ReviewError) as e:
        apply_row(rec, 1, 3, text, "Lan", AT)
    assert str(e.value).startswith("register row 3 of page 1: ") and says in str(e.value)
    assert "\n" not in str(e.value) and rec == before


def test_a_row_or_place_that_is_not_there_is_refused() -> None:
    with pytest.raises(ReviewError, match="has no register row 9 on page 1"):
        apply_row(_record(), 1, 9, "entry=13", None, AT)
    with pytest.raises(ReviewError, match="page and register_row columns as exported, not page '1' register_row ''"):
        sheet_place("1", "")
    assert sheet_place(" 2", "3 ") == (2, 3)


def test_a_page_whose_rows_were_not_read_can_be_confirmed_as_seen_not_filled_in() -> None:
    rec = _record()
    rec["metadata"]["entries"].append({"page": 2, "row": 1, "cells": {}, "bbox": None, "confidence": 0.0,
                                       "review": "page 2 seems to continue the register …"})
    with pytest.raises(ReviewError, match="page 2's rows were not read, so they cannot be filled in"):
        apply_row(rec, 2, 1, "entry=15", None, AT)
    assert apply_row(rec, 2, 1, "page 2:  rows not read", None, AT)
    assert (2, 1) not in _flagged(rec)


def test_a_rerun_keeps_the_rows_a_person_confirmed() -> None:
    rec = _record()
    apply_row(rec, 1, 3, "entry=13", "Lan", AT)
    fresh = _record()["metadata"]  # the register read again: 18 again, flagged again
    kept = carry_confirmed(rec, fresh)
    assert kept["entries"][2]["entry"] == "13" and kept["entries"][2]["confirmed"] is True
    assert _flagged({"id": "x", "metadata": kept}) == [(1, 2)]
    assert fresh["entries"][2]["entry"] == "18"  # the input is not changed


def test_a_row_listed_for_its_low_confidence_alone_shows_what_was_read() -> None:
    rec = _record()
    rec["metadata"]["entries"][3]["confidence"] = 0.6  # no reason, a weak reading
    item = review_items(rec)[-1]
    assert (item["row"], item["source_text"]) == (4, "14; 02/04/2021; Lê Văn Bình; 09/03/2021; Nam; Hồ Thị Mai")
    assert item["reason"] == "read with confidence 0.60, under 0.70"


def _reread(rows: list) -> dict:
    """The register's metadata as a re-run reads it: the real reader over ``rows``, nothing confirmed."""
    return _record(rows)["metadata"]


def _people(meta: dict) -> list[tuple[int, str, str, bool]]:
    return [(e["row"], e["entry"], e["person"], bool(e.get("confirmed"))) for e in meta["entries"]]


def test_a_row_read_again_the_same_keeps_its_check_and_nothing_else_changes() -> None:
    rec = _record()
    apply_row(rec, 1, 2, "person=Trần Đình Hải", "Lan", AT)
    apply_row(rec, 1, 3, "entry=13", "Lan", AT)
    kept = carry_confirmed(rec, _reread(ROWS))
    assert kept["entries"] == rec["metadata"]["entries"]  # both checks back in place, the other rows as read
    assert kept["needs_review"] == [] and not to_review({"id": "x", "metadata": kept})


def test_a_row_added_above_moves_the_check_with_its_row() -> None:
    rec = _record()
    apply_row(rec, 1, 3, "entry=13", "Lan", AT)
    debris = [["10"], ["20/03/2021"], ["Vũ Thị Hoa"], ["01/02/2021"], ["Nữ"], ["Vũ Thị Lan"]]
    kept = carry_confirmed(rec, _reread([debris, *ROWS]))  # the new reading has a row more on top
    assert _people(kept) == [(1, "10", "Vũ Thị Hoa", False), (2, "11", "Đinh Kim Tuyết", False),
                             (3, "12", "Trân Đình Hải", False), (4, "13", "Lý Hồng Tuyết", True),
                             (5, "14", "Lê Văn Bình", False)]
    assert kept["entries"][3]["cells"] == rec["metadata"]["entries"][2]["cells"]


def test_a_row_merged_by_the_new_reading_takes_no_check_and_the_document_is_to_review_again() -> None:
    rec = _record()
    apply_row(rec, 1, 3, "entry=13", "Lan", "2026-11-20T09:00:00Z")
    apply_row(rec, 1, 2, "person=Trần Đình Hải", "Lan", "2026-11-20T09:05:00Z")
    history = copy.deepcopy(rec["history"])
    merged = [ROWS[0], [a + b for a, b in zip(ROWS[1], ROWS[2], strict=True)], ROWS[3]]  # rows 2 and 3 read as one
    meta = carry_confirmed(rec, _reread(merged))
    assert _people(meta) == [(1, "11", "Đinh Kim Tuyết", False), (2, "12 18", "Trân Đình Hải Lý Hồng Tuyết", False),
                             (3, "14", "Lê Văn Bình", False)]  # no one's check on another's row
    why = meta["entries"][2]["review"]
    assert why == ("entry number 14 is out of sequence with the other rows' numbers; "
                   "row 3 was confirmed on 2026-11-20 as "
                   "'entry=13; registered=2021-04-01; person=Lý Hồng Tuyết; "
                   "event_date=2021-03-08; sex=Nữ; mother=Hồ Thùy Nga'; the page was read again and this row "
                   "changed, so that check was not applied: check the row again")
    assert "row 2 was confirmed on 2026-11-20 as 'entry=12; registered=2021-03-27; person=Trần Đình Hải" \
           in meta["entries"][1]["review"]
    doc = {"id": "x", "metadata": meta}
    assert to_review(doc) and "entries" in meta["needs_review"] and {(1, 2), (1, 3)} <= set(_flagged(doc))
    assert rec["history"] == history  # the checks stay in the history, with their values
    _validate({"metadata": meta, "history": history})


def test_a_row_read_a_little_otherwise_is_found_by_its_entry_number_and_person() -> None:
    rec = _record()
    apply_row(rec, 1, 3, "entry=13", "Lan", AT)
    moved = copy.deepcopy(ROWS)
    moved[2][1] = ["01/04/2O21"]  # the registration date read otherwise this time; the entry read 18 again
    moved.insert(1, [["19"], ["25/03/2021"], ["Hà Văn Tư"], ["02/03/2021"], ["Nam"], ["Hà Thị Vân"]])
    kept = carry_confirmed(rec, _reread(moved))
    assert [(r, n, c) for r, n, _, c in _people(kept)] == [(1, "11", False), (2, "19", False), (3, "12", False),
                                                           (4, "13", True), (5, "14", False)]
