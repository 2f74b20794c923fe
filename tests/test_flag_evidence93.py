"""Review flags, ninety-third round (issue 14 item 9): a register entry holding a ``6``, ``8`` or ``9`` beside a book
numbered as no book is, its leading ``0`` read as a loop digit (HG96 faded-13 khai-sinh-106: book ``93/1996`` for
``03/1996``, flagged; entry ``166`` for ``106`` at 0.817, unflagged). The two are typed on neighbouring lines in one
face and one fading. Flagged, never changed."""

from __future__ import annotations

import pytest

from archivist.bookyear import entry_zero_doubt
from tests.test_flag_evidence import _extract, _page
from tests.test_flag_evidence20 import REGISTER


@pytest.mark.parametrize("entry", ["166", "8", "209", "96"])
def test_a_loop_digit_beside_a_book_whose_0_was_misread_is_doubted(entry: str) -> None:
    why = entry_zero_doubt(entry, "93/1996")
    assert why is not None and "'93/1996'" in why, entry


@pytest.mark.parametrize(("entry", "book"), [("166", "03/1996"),  # the book read right: no sign
                                             ("175", "93/1996"),  # no loop digit in the entry
                                             ("166", "03/199"),  # a book doubted for a digit lost, not a 0 read
                                             ("106", "49/2020")])
def test_no_loop_digit_or_no_misread_book_is_no_doubt(entry: str, book: str) -> None:
    assert entry_zero_doubt(entry, book) is None


def _register(book: str, entry: str):  # noqa: ANN202
    rows = [[(x, t.format(book=book).replace("Số: 175", f"Số: {entry}")) for x, t in row] for row in REGISTER]
    return _extract(_page(rows))


def test_the_entry_through_extract_is_flagged_and_kept() -> None:
    faded = _register("93/2024", "166")
    assert faded.fields()["entry"].value == "166" and "entry" in faded.needs_review
    assert "'93/2024'" in (faded.fields()["entry"].review or "")
    whole = _register("03/2024", "166")
    assert whole.fields()["entry"].value == "166" and whole.fields()["entry"].review is None
