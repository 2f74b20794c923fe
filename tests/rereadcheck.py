"""A word read again from its crop, checked the same way for every second reading whose call is
``reread(engine, ocr, image, dpi)`` (archivist/hookread.py, archivist/typedread.py), and a generated typewritten
document processed with and without one (:func:`typed_both_ways`)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from archivist.models import Word
from archivist.ocr import OcrResult, TesserocrEngine


def assert_read_again(reread: Callable, img: np.ndarray, box: tuple[int, int, int, int], read: str, kept: str) -> None:
    """A first reading of ``read`` at ``box`` (beside a word no rule asks about) comes back ``kept`` from ``img`` at
    300 dpi, the text rebuilt, the box and line as read; without the image the reading is returned as it was."""
    first = OcrResult([Word(read, 90.0, box, 0), Word("xã", 95.0, (560, 60, 620, 100), 0)], f"{read} xã", 92.5)
    out = reread(TesserocrEngine(), first, img, 300.0)
    assert [w.text for w in out.words] == [kept, "xã"]
    assert out.text == f"{kept} xã"
    assert out.words[0].bbox == box  # the box and the line as read
    assert reread(TesserocrEngine(), first, None, 300.0) is first  # not a page this reading is for


@dataclass
class BothWays:
    """A generated typewritten document processed with and without one second reading: its pages' truth, each
    archive's words (``"with"``, ``"without"``), each one's bag-of-words error, the truth's words, the PDF/A kept."""

    pages: list[dict]
    read: dict[str, Counter[str]]
    errors: dict[str, float]
    want: Counter[str]
    pdf: Path
    archive: Path


def typed_rules_off(monkeypatch: pytest.MonkeyPatch, *names: str) -> Callable[[], None]:
    """A ``switch_off`` for :func:`typed_both_ways` that turns the typed-page rules ``names`` of
    :mod:`archivist.pagework` off (each takes a page's words and its typed image). A slip a later rule also mends
    needs both off to show again (``typedphrase``, session 48, reads ``nhâr``, ``hợn`` back inside their phrases)."""
    from archivist import pagework

    def switch_off() -> None:
        for name in names:
            monkeypatch.setattr(pagework, name, lambda ocr, typed: ocr)
    return switch_off


#: The ``with`` runs of this session by what made them (seed, doc, group, docs, page): the folder holding the set and
#: the archive, and the pages' truths. Tests that read one document with every rule on (fadedglyphs' ``linh`` and
#: fadedglyph_letters' ``lập``; fadedread's zeros and its more ways) share its run, each copying it into its own
#: ``tmp_path`` and making its own ``without``: the ``with`` run is the CLI's, made before any ``switch_off``, so the
#: same whichever test asks first (bench/RESULTS.md, "The suite's slowest tests, third round (session 49)").
_WITH_RUNS: dict[tuple[int, int, str, int | None, int | None], tuple[Path, list[dict]]] = {}


def _with_run(tmp_path: Path, key: tuple[int, int, str, int | None, int | None]) -> list[dict]:
    """The set and the ``with`` archive of ``key`` (:data:`_WITH_RUNS`) under ``tmp_path`` (``set``, ``with``),
    made the first time a test asks for them (under the session's base folder) and copied after; the pages read."""
    import shutil

    from click.testing import CliRunner

    from archivist.cli import main
    from samples.generate import generate

    if key not in _WITH_RUNS:
        seed, doc, group, docs, page = key
        made = tmp_path.parent / "with-runs" / "-".join(map(str, key))
        (truth,) = generate(made / "set", seed=seed, n_docs=docs or doc, groups=[group], only=[doc - 1])
        pages = truth["pages"]
        if page is not None:
            for other_page in pages[:page] + pages[page + 1:]:
                (made / "set" / other_page["file"]).unlink()
            pages = [pages[page]]
        res = CliRunner().invoke(main, ["process", str(made / "set" / "scans"), "--archive", str(made / "with"),
                                        "--workers", "1"])
        assert res.exit_code == 0, res.output
        _WITH_RUNS[key] = made, pages
    made, pages = _WITH_RUNS[key]
    for name in ("set", "with"):
        shutil.copytree(made / name, tmp_path / name)
    return pages


#: the page rules of session 49 that read a word back wherever it stands (typed pages' letters and phrases, a unit's
#: name a mark off on any page): a slip an older rule's test pins in its ``without`` run is one they may mend too, so
#: :func:`typed_both_ways` turns them off there when asked (the ``with`` run keeps every rule)
LATER_RULES = ("typed_spines", "typed_rivals", "typed_long", "typed_rooms", "typed_bowls", "unit_marks")


def typed_both_ways(tmp_path: Path, seed: int, switch_off: Callable[[], None], doc: int = 1,
                    group: str = "typewriter", docs: int | None = None, page: int | None = None,
                    later_off: bool = False) -> BothWays:
    """The ``group``'s document of ``seed`` (its ``doc``-th, as ``generate.py --docs doc`` makes it, or ``--docs
    docs``: a set's scans are degraded differently as its size changes, so a bench set's document is made at its
    size; only that document is written: ``generate(only=...)`` makes it byte for byte as the set does) through
    ``archivist process`` (the real CLI; one run a session for each document, :data:`_WITH_RUNS`), then again in
    this process after ``switch_off`` (a monkeypatch that turns the reading off: the command reads pages in a fork
    server's workers, out of a monkeypatch's reach). ``page``: only that page of a document that is a folder of
    pages (its index from 0; the others are removed before processing: a page is read alone as it is in its
    document). ``later_off``: :data:`LATER_RULES` off in the ``without`` run too, for a test whose slip they mend
    as well (the older typed tests); a test of an order-only rule wants the same words both ways and keeps them."""
    from archivist import pagework
    from archivist.metrics import bag_of_words_error, words
    from archivist.pipeline import Settings, process

    pages = _with_run(tmp_path, (seed, doc, group, docs, page))
    truth = "\n".join(p["text"] for p in pages)
    switch_off()
    kept = {name: getattr(pagework, name) for name in (LATER_RULES if later_off else ())}
    try:  # the rules written after most of these tests mend some of their slips too: off in every ``without``
        for name in kept:
            setattr(pagework, name, (lambda ocr: ocr) if name == "unit_marks" else (lambda ocr, typed: ocr))
        process([tmp_path / "set" / "scans"], tmp_path / "without", Settings(workers=1, page_timeout=0))
    finally:
        for name, rule in kept.items():
            setattr(pagework, name, rule)
    texts = {name: "\n".join(p["text"] for p in json.loads(next((tmp_path / name / "documents").glob(
        "*.json")).read_text(encoding="utf-8"))["pages"]) for name in ("with", "without")}
    (pdf,) = (tmp_path / "with" / "documents").glob("*.pdf")
    return BothWays(pages, {name: Counter(words(text)) for name, text in texts.items()},
                    {name: bag_of_words_error(truth, text) for name, text in texts.items()}, Counter(words(truth)),
                    pdf, tmp_path / "with")


def typed_both_ways_older(*args: object, **kw: object) -> BothWays:
    """:func:`typed_both_ways` for a test written before :data:`LATER_RULES`: they are off in its ``without``."""
    return typed_both_ways(*args, later_off=True, **kw)  # type: ignore[arg-type]


def assert_mended(done: BothWays, read: str, printed: str) -> None:
    """The document of ``done`` holds ``read`` without the rule and one fewer with it, one more ``printed`` instead,
    no truth word lost, fewer words lost, the PDF/A's text layer as the record, and the PDF/A-1b valid."""
    from archivist.metrics import words
    from tests.pdfcheck import assert_valid_pdfa
    from tests.pdfpages import pdftotext

    got, want = done.read, done.want
    assert got["without"][read] >= 1
    # one fewer ``read`` and one more ``printed`` at least: the later rules, off in ``without``, may mend another
    assert got["with"][read] <= got["without"][read] - 1
    assert got["with"][printed] >= got["without"][printed] + 1
    assert all(min(got["with"][w], n) >= min(got["without"][w], n) for w, n in want.items())
    assert done.errors["with"] < done.errors["without"], done.errors
    layer = Counter(w for k in range(1, len(done.pages) + 1) for w in words(pdftotext(done.pdf, k)))
    assert layer[printed] == got["with"][printed] and layer[read] == got["with"][read]
    assert_valid_pdfa(done.archive)


def assert_reordered(done: BothWays, tmp_path: Path, index: int = 0) -> str:
    """A reading-order rule checked on ``done`` (:func:`typed_both_ways`, archives ``with`` and ``without`` under
    ``tmp_path``): the same words either way, page ``index``'s text with the rule nearer the truth in reading order,
    the PDF/A's text layer of that page in the record's order (``pdftotext -raw``), PDF/A-1b valid. Returns the
    page's text with the rule."""
    import subprocess

    from archivist.metrics import words
    from bench.groups import ordered_word_error
    from tests.pdfcheck import assert_valid_pdfa

    assert done.read["with"] == done.read["without"]  # no word's text changed
    text = {name: json.loads(next((tmp_path / name / "documents").glob("*.json")).read_text(encoding="utf-8"))[
        "pages"][index]["text"] for name in ("with", "without")}
    truth = done.pages[index]["text"]
    assert ordered_word_error(truth, text["with"]) < ordered_word_error(truth, text["without"])
    n = str(index + 1)
    raw = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", "-f", n, "-l", n, str(done.pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    assert words(raw) == words(text["with"])
    assert_valid_pdfa(done.archive)
    return text["with"]
