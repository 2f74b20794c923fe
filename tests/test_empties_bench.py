"""bench/empties.py counts what item 9 leaves out: a value stored empty where the truth holds one (flagged or not),
and a field both leave empty (a right empty, whose flag costs a reviewer a minute). ``observations`` keeps the
truth-empty rows only when asked, so the calibration tables item 9 is read from are unchanged."""

from __future__ import annotations

from pathlib import Path

from bench.calibration import observations
from bench.empties import counts, seeds


def _truth(doc: str, kind: str, **meta: object) -> dict:
    return {"document": doc, "type": "Thông báo", "kind": kind, "group": "clean", "metadata": meta,
            "pages": [{"file": f"scans/{doc}.png", "index": 0}]}


def _record(base: Path, doc: str, needs: list[str], **meta: object) -> dict:
    return {"id": doc, "metadata": {"type": "Thông báo", "needs_review": needs, **meta},
            "pages": [{"source": {"path": str(base / "scans" / f"{doc}.png"), "index": 0}}]}


def test_empties_are_counted_apart_and_only_when_asked(tmp_path: Path) -> None:
    base = tmp_path / "set"
    truths = [_truth("a", "administrative", place="Tân Phú", authority=None),
              _truth("b", "administrative", place="Tân Phú", authority="TM.")]
    records = [_record(base, "a", [], place=None, authority=None),
               _record(base, "b", ["place"], place=None, authority="TM.")]
    scored = observations(truths, records, base)
    kept = observations(truths, records, base, empties=True)
    assert ("a", "authority") not in {(r["document"], r["field"]) for r in scored}  # item 9's rows: unchanged
    assert ("a", "authority") in {(r["document"], r["field"]) for r in kept}
    c = counts([r for r in kept if r["field"] in ("place", "authority")])
    assert (c["place"]["missed_unflagged"], c["place"]["missed_flagged"]) == (1, 1)  # a: none; b: flagged
    assert (c["authority"]["right_empty"], c["authority"]["right_empty_flagged"]) == (1, 0)
    assert c["authority"]["missed_unflagged"] == 0 and c["authority"]["truth_has"] == 1


def test_seeds_are_named_explicitly() -> None:
    assert seeds("86-88,90") == [86, 87, 88, 90] and seeds("121") == [121]


def test_calibration_refuses_to_score_nothing(tmp_path: Path, capsys) -> None:
    """A --reuse run scored without --reuse found no truth and printed zeros as if measured (session 42's trap)."""
    import pytest

    from bench.calibration import main as calibration
    (tmp_path / "archive" / "documents").mkdir(parents=True)
    (tmp_path / "archive" / "documents" / "a.json").write_text("{}", encoding="utf-8")
    with pytest.raises(SystemExit) as stop:
        calibration(["--out", str(tmp_path)])
    assert stop.value.code == 2
    assert "0 truth files" in capsys.readouterr().err
