"""End to end through ``archivist process``: the typed pages of the HG sets of seeds 86 and 100 whose day the OCR
misread at full confidence (session 34's check sets: stored unflagged by c37dda8), rendered exactly as their sets
render them. The page stage reads the day's word again and keeps the readings in the record; extract flags the date
and keeps its value (dayread34, issue 14 item 9; bench/RESULTS.md "The date's day read again (session 34,
dayread34)")."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.pdfcheck import assert_valid_pdfs

#: (seed, slot, the document, the day's word as the OCR read it, the date stored, the reason)
CASES = [
    (86, 7, "typewriter-08-kh-061-quynh-hau", "Z8", "2007-11-08",
     "the date's day 'Z8' holds more than digits and read again gave 28 and 8"),
]
#: Days misread until session 41 (``16`` and ``19`` for ``10``), now read right by the typed zero's dot
#: (:mod:`archivist.typedzero`) and flagged as a digit the glyph chose (the reason says so since session 45):
#: (seed, slot, the document, the date, the reason)
MENDED = [
    (86, 10, "typewriter-11-qd-154-cam-thach", "2010-03-10", "the digit '0' of '10' was read '6' and set by its glyph"),
    (100, 6, "typewriter-07-bc-124-binh-minh", "2010-01-10", "the digit '0' of '10' was read '9' and set by its glyph"),
]


def _render(seed: int, slots_wanted: list[int], scans: Path, docs: int = 6,
            groups: list[str] | None = None) -> dict[str, dict]:
    """The HG set's documents of ``slots_wanted`` rendered into ``scans`` (emptied first) as the whole set renders
    them (``generate(only=...)``: every page's tilt and turn depends on the pages before it); their truths by first
    page's file (under the set's folder, ``scans/…``; their ground truth beside ``scans``). ``docs`` and ``groups``
    as ``--docs`` and ``--groups`` (default: all)."""
    from samples.generate import generate
    from samples.hard import GROUPS
    from samples.names import pool

    truths = generate(scans.parent, seed, docs, groups=groups or list(GROUPS), only=slots_wanted,
                      names=pool())  # a caller's name_pool block (highland names) holds
    return {truth["pages"][0]["file"]: truth for truth in truths}


def processed(seed: int, slots_wanted: list[int], tmp_path: Path,
              render: Callable[[int, list[int], Path], dict[str, dict]] = _render,
              first_page: bool = False) -> list[tuple[dict, dict, Path]]:
    """The HG set's documents of ``slots_wanted`` rendered (:func:`_render`, or ``render`` for another kind of
    set) and run through ``archivist process`` into ``tmp_path``: each document's record, its truth and its PDF's
    path, in the records' order. ``first_page``: each document's first page alone (its other pages' files removed
    before processing), for a test whose checks are all of the first page's values: a page is read alone as in its
    document, and its first page holds the date, number, issuer and subject (each test that asks for it was run
    both ways: bench/RESULTS.md, "The suite's slowest tests, second round (session 48)")."""
    from click.testing import CliRunner

    from archivist.cli import main

    scans = tmp_path / "scans"  # the generator writes beside it, under the name "scans", as a set holds it
    scans.mkdir()
    truths = render(seed, slots_wanted, scans)
    if first_page:
        for truth in truths.values():
            for page in truth["pages"][1:]:
                if page["file"] != truth["pages"][0]["file"]:  # a folder's page (a multi-page file stays whole)
                    (tmp_path / page["file"]).unlink()
    archive = tmp_path / "archive"
    res = CliRunner().invoke(main, ["process", str(scans), "--archive", str(archive), "--workers", "2", "--json"])
    assert res.exit_code == 0, res.output
    out = []
    for path in sorted((archive / "documents").glob("doc-*.json")):
        rec = json.loads(path.read_text(encoding="utf-8"))
        out.append((rec, truths[str(Path(rec["pages"][0]["source"]["path"]).relative_to(tmp_path))],
                    archive / rec["output"]["pdf"]))
    assert len(out) == len(truths)
    return out


@pytest.mark.slow
@pytest.mark.parametrize("seed", [86, 100])
def test_a_typed_day_misread_is_flagged_and_kept_through_process(tmp_path: Path, seed: int) -> None:
    cases = {c[2]: c for c in CASES if c[0] == seed}
    mended = {c[2]: c for c in MENDED if c[0] == seed}
    done = processed(seed, sorted(c[1] for c in [*cases.values(), *mended.values()]), tmp_path, first_page=True)
    assert sorted(truth["document"] for _, truth, _ in done) == sorted([*cases, *mended])
    for rec, truth, _ in done:
        meta, field = rec["metadata"], rec["metadata"]["fields"]["date"]
        if truth["document"] in mended:
            _, _, document, date, reason = mended[truth["document"]]
            assert meta["date"] == field["value"] == date == truth["metadata"]["date"], document  # right now
            assert field.get("review") == reason and "date" in meta["needs_review"], document
            continue
        _, _, document, word, stored, reason = cases[truth["document"]]
        assert meta["date"] == field["value"] == stored != truth["metadata"]["date"], document  # wrong, kept
        assert field.get("review") == reason and "date" in meta["needs_review"], document
        day = next(w for w in rec["pages"][0]["date_reading"]["words"] if w["text"] == word)
        assert reason.endswith(f"gave {day['read']} and {day['scan']}"), document  # the readings the record keeps
    assert_valid_pdfs([pdf for _, _, pdf in done])
