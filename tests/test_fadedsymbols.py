"""A faded page's ``0`` and the note's ``c`` read as a symbol set back (archivist/fadedsymbols.py): on readings,
and on a generated faded document end to end (its ``Ø1``, and its position's ``TTICH`` by archivist/fadedmotto.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from archivist import fadedmotto, fadedsymbols, pagework
from tests.rereadcheck import assert_mended, typed_both_ways
from tests.test_fadedmotto import assert_only_on_a_faded_page


@pytest.mark.parametrize(("read", "printed"), [
    ("Ø1", "01"), ("20€5", "2005"), ("26/06/19Ø1", "26/06/1901"), ("12.€00.000", "12.000.000"), ("(Ø2)", "(02)"),
    ("Ø1,", "01,"), ("(b/€);", "(b/c);"), ("(b/€C);", "(b/c);"), ("(b/€)", "(b/c)"),
])
def test_a_symbol_read_for_a_zero_or_the_notes_c_is_set_back(read: str, printed: str) -> None:
    assert fadedsymbols.symbol_reading(read) == printed


@pytest.mark.parametrize("read", [
    "2005", "(b/c);", "(b/C);",  # nothing to set back
    "€", "Ø", "€.", "ØC",  # no digit beside the symbol
    "2€a", "Ø1a", "Số:Ø1", "(đ/€);", "(b/€x)",  # a letter in the number; not the note
])
def test_a_symbol_elsewhere_is_left(read: str) -> None:
    assert fadedsymbols.symbol_reading(read) is None


def test_faded_symbols_only_on_a_faded_page_boxes_kept() -> None:
    assert_only_on_a_faded_page(fadedsymbols.faded_symbols, "tháng Ø1 năm 20€5 (b/€);", "tháng 01 năm 2005 (b/c);")


@pytest.mark.slow
def test_generated_faded_document_reads_its_zero_and_seat_end_to_end(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The first faded document of seed 415's set of eight (session 47's fit set: a plan of Tân Thạnh Đông, one
    page): its date's ``01`` read ``Ø1`` and its ``CHỦ TỊCH`` read ``CHỦ TTICH`` without the rules are ``01`` and
    ``TỊCH`` in the record and the PDF/A's text layer, no truth word is lost, fewer words are, PDF/A-1b valid."""
    def switch_off() -> None:
        monkeypatch.setattr(pagework, "faded_symbols", lambda ocr, prep: ocr)
        monkeypatch.setattr(fadedmotto, "seat_words", lambda ws: [None] * len(ws))

    done = typed_both_ways(tmp_path, 415, switch_off, group="faded", docs=8)
    assert_mended(done, "Ø1", "01")
    assert done.read["without"]["TTICH"] == 1 and done.read["with"]["TTICH"] == 0
    assert done.read["with"]["TỊCH"] == done.read["without"]["TỊCH"] + 1
