"""A document number typed without the leading zero its page prints (``1/BB-UBND`` for Decree 30's
``01/BB-UBND``), or with zeros too many (``001``, ``016/BB-UBND`` as a file was named for ``16/BB-UBND``),
found nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archivist.query import Or, Term, parse
from tests.pdfcheck import assert_valid_pdfs
from tests.test_first_box import _cli


def test_a_number_and_symbol_matches_any_leading_zeros() -> None:
    assert parse("1/BB-UBND") == Or((Term(("1", "bb", "ubnd")), Term(("01", "bb", "ubnd"))))
    assert parse("001/BB-UBND") == Or((Term(("001", "bb", "ubnd")), Term(("1", "bb", "ubnd")),
                                       Term(("01", "bb", "ubnd"))))
    assert parse("016/BB-UBND") == Or((Term(("016", "bb", "ubnd")), Term(("16", "bb", "ubnd"))))
    assert parse("05/QĐ-UBND*") == Or((Term(("05", "qđ", "ubnd"), True), Term(("5", "qđ", "ubnd"), True)))


def test_words_phrases_and_numbers_without_a_symbol_stay_as_typed() -> None:
    assert parse("123/UBND-TP") == Term(("123", "ubnd", "tp"))  # no zero to add or take: one form
    assert parse("45/QĐ-UBND") == Term(("45", "qđ", "ubnd"))
    assert parse("so 16") != parse("so 016")  # a bare number is a word like any other
    assert parse('"01/QĐ-UBND"') == Term(("01", "qđ", "ubnd"))  # a quoted phrase is as typed
    assert parse("UBND/01") == Term(("ubnd", "01"))


@pytest.mark.slow
def test_search_finds_01_typed_as_1_and_001(tmp_path: Path) -> None:
    from samples.generate import generate

    truth = generate(tmp_path / "gen", seed=8, n_docs=5, pages_max=1, formats=("jpeg", "png"), dpi_choices=(200,),
                     commune="04714")
    assert truth[0]["metadata"]["number"] == "01/BB-UBND"
    scan = tmp_path / "gen" / truth[0]["files"][0]
    res = _cli(tmp_path, "process", str(scan), "--archive", "archive", "--workers", "1", "--quiet", "--json")
    assert res.returncode == 0, res.stderr
    doc_id = json.loads(res.stdout)["documents"][0]["id"]
    for typed in ("01/BB-UBND", "1/BB-UBND", "001/BB-UBND", "1/BB-UBND*"):
        res = _cli(tmp_path, "search", typed, "--archive", "archive", "--json")
        assert res.returncode == 0, res.stderr
        hits = json.loads(res.stdout)
        assert [h["doc_id"] for h in hits] == [doc_id], typed
        assert hits[0]["number"] == "01/BB-UBND"
    res = _cli(tmp_path, "search", "2/BB-UBND", "--archive", "archive", "--json")
    assert res.returncode == 0 and json.loads(res.stdout) == []
    assert_valid_pdfs(sorted((tmp_path / "archive" / "documents").glob("*.pdf")))
