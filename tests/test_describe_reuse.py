"""The document stage's two kept results (session 36, issue 16) change nothing it writes: a page's words in reading
order, sorted once for all the flags that ask for a field's words (archivist/faintflags.py ``reading_order``), and a
syllable's one-confusion neighbours, spelt out once per syllable (archivist/wordpairs.py ``_near_items``); session
49's a page's lines (archivist/ocrtext.py ``_word_lines``) and a document text's syllable pairs (archivist/itemtwin.py
``_text_pairs``), unit-tested in tests/test_describe_reuse49.py.

Each kept result is checked against the work done afresh: in place, on pages changed after their order was kept, and
end to end, where documents processed through the real CLI are described again with every kept result thrown away
before each call and give the same metadata as with them kept, and as their records hold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archivist import faintflags, itemtwin, ocrtext, wordpairs
from archivist.faintflags import reading_order, value_words, word_tuples
from archivist.fields import Field
from archivist.models import Word
from tests.test_faintflags import WORDS


def _fresh_order(words: list) -> list:
    """What reading_order gave before anything was kept: the page sorted on every call."""
    return sorted(word_tuples(words), key=lambda w: (w[3], w[2][0]))


@pytest.fixture(autouse=True)
def _nothing_kept() -> None:
    faintflags._ORDERED.clear()
    wordpairs._near_items.cache_clear()


def test_an_order_is_kept_for_the_same_page_and_is_the_fresh_one() -> None:
    page = list(reversed(WORDS))
    first = reading_order(page)
    assert first == _fresh_order(page)
    assert reading_order(page) is first  # the second field's call sorts nothing
    assert reading_order(list(page)) == first and reading_order(list(page)) is not first  # another list: sorted


def test_a_page_changed_in_place_is_sorted_again() -> None:
    page = list(WORDS)
    kept = reading_order(page)
    page[0] = ("ỦY", 96.0, (300, 900, 360, 940), 9)  # same length, another word: the order kept is stale
    assert reading_order(page) == _fresh_order(page) != kept
    page.append(("lũ", 97.0, (10, 10, 40, 40), 0))
    assert reading_order(page) == _fresh_order(page)
    del page[:3]
    assert reading_order(page) == _fresh_order(page)


def test_word_objects_are_never_kept() -> None:
    """A Word can change in place (its text, its box): its page is sorted on every call, as before."""
    page = [Word(t, c, b, ln) for t, c, b, ln in reversed(WORDS)]
    assert reading_order(page) == _fresh_order(page)
    assert faintflags._ORDERED == []
    page[-1].line = 9
    assert reading_order(page) == _fresh_order(page)


def test_only_the_last_pages_are_kept() -> None:
    pages = [[(w[0], w[1], (w[2][0] + i, *w[2][1:]), w[3]) for w in WORDS] for i in range(faintflags.KEPT_ORDERS + 2)]
    orders = [reading_order(p) for p in pages]
    assert len(faintflags._ORDERED) == faintflags.KEPT_ORDERS
    assert [reading_order(p) for p in pages] == orders == [_fresh_order(p) for p in pages]


def test_value_words_interleaved_over_two_pages_as_afresh() -> None:
    """Fields of a first and a last page asked in turns, the way extract's flags ask: the words each gets are the
    ones the former code (a sort per call) gave."""
    other = [(w[0], w[1], (w[2][0], w[2][1] + 1000, w[2][2], w[2][3] + 1000), w[3] + 10) for w in WORDS]
    fields = [Field("79/KH-UBND", 0.88, 1, (330, 330, 640, 370), "Số: 79/KH-UBND"),
              Field("Về việc hỗ trợ thiệt hại đo mưa lũ", 0.88, 1, (600, 500, 870, 540), "Về việc hỗ trợ"),
              Field("ỦY BAN NHÂN DÂN", 0.9, 1, (300, 200, 650, 240), "ỦY BAN NHÂN DÂN"),
              Field("none", 0.9, 1, None, "")]
    for _ in range(3):
        for f in fields:
            for page, shift in ((WORDS, 0), (other, 1000)):
                box = None if f.bbox is None else (f.bbox[0], f.bbox[1] + shift, f.bbox[2], f.bbox[3] + shift)
                g = Field(f.value, f.confidence, f.page, box, f.source_text)
                if shift:  # the first page's order stays kept, the second's is thrown away before each field
                    faintflags._ORDERED.clear()
                kept = value_words(page, g)
                faintflags._ORDERED.clear()
                assert kept == value_words(page, g)
    assert value_words(WORDS, fields[1])[-1][0] == "lũ"  # the subject's second line too


KEYS = ("type", "number_symbol", "date", "issuer", "subject", "signer", "signer_position")
SYLLABLES = ["sử", "sở", "phấn", "chuyến", "cơ", "tống", "hợp", "viến", "thôi", "ván", "quyết", "gìn", "a", "xã"]


def test_near_is_the_fresh_neighbours_each_time_and_a_new_dict() -> None:
    for syl in SYLLABLES:
        fresh = dict(wordpairs._near_items.__wrapped__(syl))
        got = wordpairs._near(syl)
        assert got == fresh and list(got) == list(fresh)
        got.clear()  # a caller changing its dict changes nothing kept
        assert wordpairs._near(syl) == fresh
    assert wordpairs._near("sử").get(wordpairs.canon("sở")) == "sở"  # the pair the doubt is about


def test_flags_through_the_neighbours_kept_or_not() -> None:
    values = ["Về việc kiện toàn cơ sử vật chất", "Về công tác chuyến đơn thư", "thực phấn an toàn", "cư sử"]
    before = [(wordpairs.pair_doubt(v), wordpairs.double_doubt(v), wordpairs.stroke_doubt(v)) for v in values]
    assert before[0][0] is not None  # ``cơ sử``: one confusion from ``cơ sở``
    for v, want in zip(values, before, strict=True):
        wordpairs._near_items.cache_clear()
        assert (wordpairs.pair_doubt(v), wordpairs.double_doubt(v), wordpairs.stroke_doubt(v)) == want


@pytest.mark.slow
def test_cli_documents_described_again_with_and_without_kept_results(tmp_path: Path) -> None:
    """Generated scans of every type through ``archivist process``; each record's pages described again (as
    bench/accuracy.py --rescore does) with the kept results warm from the other documents, and with them thrown
    away before every field's call: the same metadata both ways, and the metadata the record holds."""
    from click.testing import CliRunner

    from archivist.cli import main
    from bench.accuracy import rescore_records
    from samples.generate import generate
    from tests.pdfcheck import assert_valid_pdfs

    generate(tmp_path / "set", seed=36, n_docs=6, pages_max=2, types="all")
    archive = tmp_path / "archive"
    res = CliRunner().invoke(main, ["process", str(tmp_path / "set" / "scans"), "--archive", str(archive),
                                    "--workers", "2", "--json"])
    assert res.exit_code == 0, res.output
    records = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((archive / "documents").glob("*.json"))]
    assert len(records) >= 6
    warm = rescore_records(records)
    mp = pytest.MonkeyPatch()
    try:  # nothing kept: every page sorted and every syllable's neighbours spelt out on every call, as before
        mp.setattr(wordpairs, "_near_items", wordpairs._near_items.__wrapped__)
        mp.setattr(faintflags, "KEPT_ORDERS", 0)
        # session 49: a page's lines made on every call, the document text's syllable pairs counted on every call
        mp.setattr(ocrtext, "_word_lines", ocrtext._word_lines.__wrapped__)
        mp.setattr(itemtwin, "_text_pairs", itemtwin._pairs)
        cold = rescore_records(records)
        assert faintflags._ORDERED == []
    finally:
        mp.undo()
    assert [d["metadata"] for d in warm] == [d["metadata"] for d in cold]
    flagged = sum(bool(d["metadata"]["needs_review"]) for d in warm)
    assert flagged >= 1  # the flags ran and fired somewhere
    alone = {r["id"]: r for r in records if not r.get("dossier")}  # a record of one input, not a dossier's part
    compared = 0
    for d in warm:  # described again, such a record is the one the pipeline described
        rec = alone.get(d["id"].split("@")[0])
        if rec is not None:
            assert {k: d["metadata"].get(k) for k in KEYS} == {k: rec["metadata"].get(k) for k in KEYS}, rec["id"]
            compared += 1
    assert compared >= 3
    assert_valid_pdfs([archive / r["output"]["pdf"] for r in records])
