"""Why each line of the review sheet is there (archivist/reviewreason.py): a rule's reason on the field as it
wrote it, a low reading with the level it fell under (a field's own fitted level, a fonds choice's), a value the
type must have and the document lacks, the classifier's doubt between two types, a register row's reason or its
low reading; on records as the extractor writes them."""

from __future__ import annotations

from archivist.required import NOT_FOUND
from archivist.reviewreason import field_reason, row_reason, shown, type_reason
from archivist.toreview import review_items

DAY = "the date's day '16' read again gave 18 and 18"
AGAINST = ("against: Giấy chứng nhận quyền sử dụng đất (0.53) from vocabulary of Giấy chứng nhận quyền sử dụng đất: "
           "'nguồn gốc sử dụng'; vocabulary of land: 'thửa đất số'")


def _rec(needs: list[str], **fields: dict) -> dict:
    meta = {"needs_review": needs, "fields": fields, **{k: f.get("value") for k, f in fields.items()}}
    return {"id": "doc-1", "metadata": meta}


def _reasons(rec: dict, threshold: float = 0.7) -> dict[str, str]:
    return {i["field"]: i["reason"] for i in review_items(rec, threshold)}


def test_a_rules_reason_is_the_lines_reason_whatever_the_confidence() -> None:
    rec = _rec(["date"], date={"value": "2010-03-16", "confidence": 0.95, "review": DAY, "source_text": "ngày 16"})
    [item] = review_items(rec)
    assert item["reason"] == DAY and item["source_text"] == "ngày 16"  # what was read stays apart


def test_a_low_reading_says_the_level_it_fell_under() -> None:
    rec = _rec(["subject", "recipients", "fonds"], subject={"value": "Về việc", "confidence": 0.62},
               recipients={"value": ["Như trên"], "confidence": 0.8}, fonds={"value": "C1", "confidence": 0.75})
    assert _reasons(rec) == {"subject": "read with confidence 0.62, under 0.70",
                             "recipients": "read with confidence 0.80, under 0.85",  # its fitted level
                             "fonds": "chosen with confidence 0.75, under 0.85"}  # a fonds choice's own level
    # an export's higher threshold is the level a value then falls under
    assert _reasons(_rec([], subject={"value": "Về việc", "confidence": 0.75}), 0.8) == {
        "subject": "read with confidence 0.75, under 0.80"}


def test_a_confidence_is_never_shown_equal_to_the_level_it_is_under() -> None:
    assert shown(0.658) == "0.658" and shown(0.7) == "0.70" and shown(0.5) == "0.50"
    assert field_reason("subject", {"value": "x", "confidence": 0.6996}, "x", 0.7) == \
        "read with confidence 0.6996, under 0.70"


def test_a_missing_value_is_not_found() -> None:
    rec = _rec(["signer", "recipients"], signer={"value": None, "confidence": 0.0},
               recipients={"value": [], "confidence": 0.0})
    rec["metadata"]["needs_review"].append("person")  # named, never found: not in ``fields`` at all
    assert _reasons(rec) == {
        "signer": f"{NOT_FOUND}: the catalogue needs who signed; read the name under the signature",
        "recipients": f"{NOT_FOUND}: Decree 30 puts a recipients list ('Nơi nhận') on this type; read it from the "
                      "page's foot",
        "person": f"{NOT_FOUND}: a civil-status record is catalogued under its person; read the name from the page"}


def test_a_value_named_at_processing_above_every_level_says_so() -> None:
    rec = _rec(["place"], place={"value": "Yên Bình", "confidence": 0.9})
    assert _reasons(rec) == {"place": "named for review when the document was processed (confidence 0.90)"}


def test_the_type_says_the_classifiers_doubt() -> None:
    meta = {"type": "Biên bản", "confidence": 0.65, "needs_review": ["type"], "fields": {},
            "signals": ["title 'BIÊN BẢN' on page 1", AGAINST, "kind land: the title or subject names 'thua dat'"]}
    assert _reasons({"id": "doc-1", "metadata": meta}) == {"type": (
        "classified as Biên bản with confidence 0.65, under 0.70; it could also be Giấy chứng nhận quyền sử dụng đất "
        "(0.53): vocabulary of Giấy chứng nhận quyền sử dụng đất: 'nguồn gốc sử dụng'; vocabulary of land: "
        "'thửa đất số'")}
    weak = meta | {"type": "Tờ trình", "confidence": 0.41, "signals": ["vocabulary of Tờ trình: 'kính trình'"]}
    assert type_reason(weak, 0.7) == ("classified as Tờ trình with confidence 0.41, under 0.70, from vocabulary of "
                                      "Tờ trình: 'kính trình'")
    unknown = meta | {"type": "unknown", "confidence": 0.0, "signals": ["no title, symbol or vocabulary recognised"]}
    assert type_reason(unknown, 0.7) == "the type could not be told: no title, symbol or vocabulary recognised"


def test_a_register_row_gives_its_reason_and_what_was_read_apart() -> None:
    cells = {"entry": {"source_text": "26"}, "person": {"source_text": "Đặng Thanh Toàn"}}
    flagged = {"page": 1, "row": 3, "entry": "26", "person": "Đặng Thanh Toàn", "confidence": 0.44, "cells": cells,
               "review": "entry number 26 is out of sequence with the other rows' numbers"}
    low = {"page": 1, "row": 2, "entry": "19", "person": "Phạm Tiến Nam", "confidence": 0.698,
           "cells": {"entry": {"source_text": "19"}}}
    rec = _rec(["entries"])
    rec["metadata"]["entries"] = [low, flagged, {**flagged, "row": 4, "confirmed": True}]
    items = review_items(rec)
    assert [(i["row"], i["reason"], i["source_text"]) for i in items] == [
        (2, "read with confidence 0.698, under 0.70", "19"),
        (3, "entry number 26 is out of sequence with the other rows' numbers", "26; Đặng Thanh Toàn")]
    assert row_reason(low, 0.8) == "read with confidence 0.698, under 0.80"
