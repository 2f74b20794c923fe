"""A document number typed without the leading zero its page prints (``1/BB-UBND`` for Decree 30's
``01/BB-UBND``), or with zeros too many (``001``, ``016/BB-UBND`` as a file was named for ``16/BB-UBND``),
found nothing."""

from __future__ import annotations

import json
import shutil
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


TYPED = ("01/BB-UBND", "1/BB-UBND", "001/BB-UBND", "1/BB-UBND*")


@pytest.fixture(scope="module")
def zeros(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A generated minutes numbered ``01/BB-UBND``, processed by the CLI: (its folder, the document id)."""
    from samples.generate import generate

    work = tmp_path_factory.mktemp("zeros")
    truth = generate(work / "gen", seed=8, n_docs=5, pages_max=1, formats=("jpeg", "png"), dpi_choices=(200,),
                     commune="04714")
    assert truth[0]["metadata"]["number"] == "01/BB-UBND"
    res = _cli(work, "process", str(work / "gen" / truth[0]["files"][0]), "--archive", "archive", "--workers", "1",
               "--quiet", "--json")
    assert res.returncode == 0, res.stderr
    return work, json.loads(res.stdout)["documents"][0]["id"]


def _found(work: Path, typed: str, archive: str = "archive") -> list[dict]:
    res = _cli(work, "search", typed, "--archive", archive, "--json")
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)


@pytest.mark.slow
def test_search_finds_01_typed_as_1_and_001(zeros: tuple[Path, str]) -> None:
    work, doc_id = zeros
    for typed in TYPED:
        hits = _found(work, typed)
        assert [h["doc_id"] for h in hits] == [doc_id], typed
        assert hits[0]["number"] == "01/BB-UBND"
    assert _found(work, "2/BB-UBND") == []
    assert_valid_pdfs(sorted((work / "archive" / "documents").glob("*.pdf")))


@pytest.mark.slow
def test_the_postgresql_index_finds_them_too(zeros: tuple[Path, str], pg_url: str, tmp_path: Path) -> None:
    work, doc_id = zeros
    shutil.copytree(work / "archive", tmp_path / "archive")
    res = _cli(tmp_path, "reindex", "--archive", "archive", "--index", pg_url)
    assert res.returncode == 0, res.stderr
    assert "postgresql" in (tmp_path / "archive" / "archive.json").read_text(encoding="utf-8")
    for typed in TYPED:
        assert [h["doc_id"] for h in _found(tmp_path, typed)] == [doc_id], typed
    assert _found(tmp_path, "2/BB-UBND") == []
