"""Review flags, hundred-and-sixtieth round (issue 14 item 9): a register entry holding a ``6``, ``8`` or ``9``
beside a book one of whose ``0`` s the engine read as a loop digit and a page rule set back by its glyph (faded44 seed
284 faded-05-khai-sinh-263: book ``01⁄2002`` its fourth-from-last ``0`` first read ``6``; entry ``283`` for ``263``
read at 93 with no rival, stored unflagged). The book and the entry are typed in one face on neighbouring lines: a
rule mends only a ``0``, so an entry's ``6`` read ``8`` stays. Flagged, never changed."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest

from archivist.bookyear import entry_loop_doubt, zero_set_back
from archivist.extract import Metadata
from tests.test_dateread_day_cli import _render, processed
from tests.test_flag_evidence import _extract, _page
from tests.test_flag_evidence20 import REGISTER

#: the record's book word and its rivals (seed 284): a 9 weighed for its 0 at 60.4 of 85.9, a 6 first read for its
#: other 0 and set back (the same weight)
BOOK_284 = ("01⁄2002", ((4, "9", 85.9, 60.4), (5, "6", 51.78, 51.78)))
#: seed 286's book ``01/2003`` (entry ``228`` for ``229``): two 0s first read 9
BOOK_286 = ("01/2003", ((0, "9", 83.7, 66.8), (4, "9", 68.73, 68.73), (5, "9", 68.73, 68.73)))


@pytest.mark.parametrize(("entry", "book"), [("283", BOOK_284), ("228", BOOK_286), ("96", BOOK_284)])
def test_a_loop_digit_beside_a_book_whose_0_was_set_back_is_doubted(entry: str, book: tuple) -> None:
    why = entry_loop_doubt(entry, [book])
    assert why is not None and f"'{entry}'" in why


@pytest.mark.parametrize(("entry", "book"), [
    ("175", BOOK_284),  # no loop digit in the entry
    ("208", ("03/1984", ((0, "6", 83.1, 70.2),))),  # seed 228's right entry: the 0 only weighed, not set back
    ("283", ("01/2002", ())),  # the book read with no rival
    ("283", ("01/2002", ((1, "7", 80.0, 80.0),))),  # a 1 set back from a 7: no loop digit read for a 0
])
def test_no_loop_digit_or_no_zero_set_back_is_no_doubt(entry: str, book: tuple) -> None:
    assert entry_loop_doubt(entry, [book]) is None


def test_a_zero_set_back_is_a_rival_of_the_same_weight() -> None:
    assert zero_set_back(*BOOK_284) and zero_set_back(*BOOK_286)
    assert not zero_set_back("01/2002", ((4, "9", 85.9, 60.4),))


def _register(entry: str, rivals: tuple) -> Metadata:
    rows = [[(x, t.format(book="01/2024").replace("Số: 175", f"Số: {entry}")) for x, t in row] for row in REGISTER]
    return _extract(_page(rows, rivals={"01/2024": rivals}))


def test_the_entry_through_extract_is_flagged_and_kept() -> None:
    mended = _register("283", ((4, "6", 95.0, 95.0),))
    entry = mended.fields()["entry"]
    assert entry.value == "283" and "entry" in mended.needs_review and "a 0 of the book" in (entry.review or "")
    plain = _register("283", ())
    assert plain.fields()["entry"].value == "283" and plain.fields()["entry"].review is None


@pytest.mark.slow
def test_the_seed_284_entry_is_flagged_and_kept_through_process(tmp_path: Path) -> None:
    """End to end through ``archivist process`` (real Tesseract): faded44 seed 284 faded-05-khai-sinh-263-long-hung,
    rendered as its set renders it (``--docs 8 --groups faded``): the entry is read ``283`` (no rival) beside the
    book whose ``0`` was set back."""
    ((rec, truth, _pdf),) = processed(284, [4], tmp_path, partial(_render, docs=8, groups=["faded"]))
    assert truth["document"] == "faded-05-khai-sinh-263-long-hung"
    entry = rec["metadata"]["fields"]["entry"]
    assert entry["value"] == "283" != truth["civil"]["entry"]  # kept as read: a flag, no value changed
    assert "a 0 of the book" in (entry.get("review") or "") and "entry" in rec["metadata"]["needs_review"]
