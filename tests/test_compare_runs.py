"""bench/compare_runs.py compares two bench/accuracy.py runs over one set: truth words gained and broken page by
page, word error per group, fields as bench/calibration.py counts them, the unflagged wrong values listed. Unit tests
on a set of two documents written here, and a generated set run through bench/accuracy.py and compared with itself
(real Tesseract)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archivist.metrics import bag_of_words_error
from bench import compare_runs
from bench.compare_runs import ALL, compare, matched_words, page_changes, render

TRUTH_A = "UBND XÃ TÂN PHÚ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
TRUTH_B = "THÔNG BÁO\nVề việc họp dân\nChủ tịch Mai Ngọc Ánh"


def _truth(doc: str, group: str, text: str, **meta: object) -> dict:
    return {"document": doc, "type": "Thông báo", "kind": "administrative", "group": group,
            "metadata": {"number": None, **meta}, "pages": [{"file": f"scans/{doc}.png", "index": 0, "text": text,
                                                             "rotation": 0, "skew": 0.0}]}


def _record(base: Path, doc: str, text: str, needs: list[str] | None = None, **meta: object) -> dict:
    fields = {k: {"value": v, "confidence": 0.9} for k, v in meta.items()}
    return {"id": doc, "metadata": {"type": "Thông báo", "needs_review": needs or [], "fields": fields, **meta},
            "pages": [{"source": {"path": str(base / "scans" / f"{doc}.png"), "index": 0}, "text": text,
                       "orientation": 0, "skew": 0.0}]}


def _write(folder: Path, name: str, items: list[dict]) -> None:
    (folder / name).mkdir(parents=True, exist_ok=True)
    for item in items:
        key = "document" if "document" in item else "id"
        (folder / name / f"{item[key]}.json").write_text(json.dumps(item, ensure_ascii=False), encoding="utf-8")


def _runs(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A set of two documents (groups faded and clean) and two runs: B reads NAM and Hạnh back on the faded page and
    loses Ánh on the clean one; A stores the faded signer wrong without a flag, B the clean one; B misses a place."""
    base = tmp_path / "set"
    _write(base, "ground-truth", [_truth("faded-01", "faded", TRUTH_A, signer="Mai Ngọc Ánh", place="Xã Tân Phú"),
                                  _truth("clean-02", "clean", TRUTH_B, signer="Lê Văn Hà", place="Xã Tân Phú")])
    read_a = TRUTH_A.replace("NAM", "RAM").replace("Hạnh", "dạnh")
    runs = {"A": [_record(base, "faded-01", read_a, signer="Mai Ngọc Anh", place="Xã Tân Phú"),
                  _record(base, "clean-02", TRUTH_B, signer="Lê Văn Hà", place="Xã Tân Phú")],
            "B": [_record(base, "faded-01", TRUTH_A, signer="Mai Ngọc Anh", place="Xã Tân Phú"),
                  _record(base, "clean-02", TRUTH_B.replace("Ánh", "Anh"), ["signer"], signer="Lê Văn Hả", place=None)]}
    for name, records in runs.items():
        _write(tmp_path / name, "archive/documents", records)
        layer = {"faded": {"pages": 1, "wer_layer": 0.1, "wer_layer_worst": 0.1},
                 "clean": {"pages": 3, "wer_layer": 0.02, "wer_layer_worst": 0.04}}
        (tmp_path / name / "accuracy.json").write_text(json.dumps({"groups": layer}), encoding="utf-8")
    return base, tmp_path / "A", tmp_path / "B"


def test_matched_words_are_what_the_bag_of_words_counts() -> None:
    truth, read = "Độc lập - Tự do - Hạnh phúc", "Độc lận - Tự do Hạnh phúc"
    m = matched_words(truth, read)
    assert m == {"Độc": 1, "-": 1, "Tự": 1, "do": 1, "Hạnh": 1, "phúc": 1}  # one dash of two, lập lost
    assert bag_of_words_error(truth, read) == pytest.approx(1 - sum(m.values()) / 8)


def test_gained_and_broken_page_by_page_with_multiplicity() -> None:
    truths = [_truth("d1", "faded", "xã Tân Phú xã Định Quán"), _truth("d2", "clean", "Lưu VT")]
    key1, key2 = ("scans/d1.png", 0), ("scans/d2.png", 0)
    changes = page_changes(truths, {key1: "xã Tân Phú xa Định Quán", key2: "Lưu VT"}, {key1: "xã Tân Phu xã Định Quán"})
    assert changes == [{"page": "d1 p1", "group": "faded", "truth_words": 6, "gained": {"xã": 1}, "broken": {"Phú": 1}},
                       {"page": "d2 p1", "group": "clean", "truth_words": 2, "gained": {},
                        "broken": {"Lưu": 1, "VT": 1}}]  # a page B has no record of matches nothing there
    assert page_changes(truths, {key1: "xã"}, {key1: "xã"}) == []


def test_compare_two_runs_per_group_and_in_all(tmp_path: Path) -> None:
    res = compare(*_runs(tmp_path))
    g = res["groups"]
    assert list(g) == ["clean", "faded", ALL]  # samples.hard.GROUPS order
    assert (g["faded"]["gained"], g["faded"]["broken"], g["clean"]["gained"], g["clean"]["broken"]) == (2, 0, 0, 1)
    assert (g[ALL]["gained"], g[ALL]["broken"]) == (2, 1)
    assert g["faded"]["a"]["wer"] == pytest.approx(2 / 20) and g["faded"]["b"]["wer"] == 0.0
    assert g["clean"]["b"]["wer"] == pytest.approx(1 / 11) and g[ALL]["a"]["wer_worst"] == pytest.approx(2 / 20)
    assert g[ALL]["a"]["wer_layer"] == pytest.approx((0.1 + 3 * 0.02) / 4)  # the groups weighed by pages
    assert g[ALL]["a"]["wer_layer_worst"] == 0.1 and g[ALL]["a"]["type_right"] == 2
    fa, fb = g[ALL]["a"]["fields"], g[ALL]["b"]["fields"]
    assert (fa["n"], fa["right"], fa["wrong"], fa["wrong_unflagged"], fa["missing"]) == (6, 5, 1, 1, 0)
    assert (fb["right"], fb["wrong"], fb["wrong_unflagged"], fb["missing"], fb["missing_unflagged"]) == (3, 2, 1, 1, 1)
    assert g["clean"]["b"]["fields"]["wrong_unflagged"] == 0  # clean-02's wrong signer is flagged
    assert [(r["run"], r["document"], r["field"], r["stored"]) for r in res["wrong_unflagged"]] == [
        ("both", "faded-01", "signer", "Mai Ngọc Anh")]
    assert [(r["run"], r["document"], r["field"], r["truth"]) for r in res["not_found_unflagged"]] == [
        ("B", "clean-02", "place", "Xã Tân Phú")]
    assert res["pages"][0] == {"page": "clean-02 p1", "group": "clean", "truth_words": 11, "gained": {},
                               "broken": {"Ánh": 1}}
    assert res["fields_moved"] == [  # what the counts' moves are, value by value
        {"document": "clean-02", "field": "place", "truth": "Xã Tân Phú",
         "a": {"stored": "Xã Tân Phú", "right": True, "flagged": False},
         "b": {"stored": None, "right": False, "flagged": False}},
        {"document": "clean-02", "field": "signer", "truth": "Lê Văn Hà",
         "a": {"stored": "Lê Văn Hà", "right": True, "flagged": False},
         "b": {"stored": "Lê Văn Hả", "right": False, "flagged": True}}]
    assert res["notes"] == []  # the fixtures' accuracy.json reports no word error to check against


def test_render_lists_the_broken_words_and_the_unflagged_values(tmp_path: Path) -> None:
    md = render(compare(*_runs(tmp_path)), md=True)
    assert "| faded | 1 | 10.00% / 10.00% → 0.00% / 0.00% |" in md
    assert "- clean-02 p1 (clean): Ánh" in md and "- faded-01 p1 (faded): Hạnh, NAM" in md
    assert '| both | faded-01 | signer | "Mai Ngọc Ánh" | "Mai Ngọc Anh" | 0.9 |' in md
    assert "| all | 6 | 5 → 3 | 1 → 2 | 1 | 0 | 0 / 0 → 0 / 1 |" in md
    assert '| clean-02 | signer | "Lê Văn Hà" | "Lê Văn Hà" right | "Lê Văn Hả" wrong, flagged |' in md
    text = render(compare(*_runs(tmp_path)))
    assert "  clean-02 p1 (clean): Ánh" in text and "|" not in text.split("Fields")[0]


def test_main_prints_json_and_refuses_an_empty_run(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    base, a, b = _runs(tmp_path)
    assert compare_runs.main(["--set", str(base), "--a", str(a), "--b", str(b), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["groups"][ALL]["broken"] == 1
    (tmp_path / "empty" / "archive" / "documents").mkdir(parents=True)
    with pytest.raises(SystemExit, match="nothing to compare"):
        compare_runs.main(["--set", str(base), "--a", str(a), "--b", str(tmp_path / "empty")])


@pytest.mark.slow
def test_a_generated_run_compared_with_itself_gains_and_breaks_nothing(tmp_path: Path) -> None:
    """Seed 360's second clean document (two pages; written alone, as its set writes it) through bench/accuracy.py
    (real Tesseract), compared with itself: nothing gained or broken, every figure the same on both sides, and the
    record word error the one accuracy.json reports. (Its first, a one-page document, was read too until session 49.)"""
    from bench.accuracy import main as accuracy
    from samples.generate import generate

    generate(tmp_path / "set", seed=360, n_docs=2, groups=["clean"], only=[1])
    assert accuracy(["--reuse", str(tmp_path / "set"), "--out", str(tmp_path / "run"), "--workers", "1"]) == 0
    res = compare(tmp_path / "set", tmp_path / "run", tmp_path / "run")
    assert list(res["groups"]) == ["clean", ALL] and res["pages"] == [] and res["notes"] == []
    for g in res["groups"].values():
        assert (g["gained"], g["broken"]) == (0, 0) and g["a"] == g["b"]
        assert g["a"]["pages"] >= 2 and g["a"]["fields"]["n"] > 0 and g["a"]["wer_layer"] is not None
    acc = json.loads((tmp_path / "run" / "accuracy.json").read_text(encoding="utf-8"))
    assert acc["seed"] is None and acc["set"] == str((tmp_path / "set").resolve())  # --reuse: not --seed's 7
    assert res["groups"][ALL]["a"]["wer"] == pytest.approx(acc["word_error_bow"]["mean"])
    assert res["groups"]["clean"]["a"]["wer_ordered"] == pytest.approx(acc["groups"]["clean"]["wer_ordered"])
    assert res["wrong_unflagged"] == [r | {"run": "both"} for r in res["wrong_unflagged"]]
    assert res["fields_moved"] == []
