"""Typed rows thickened over 4 pixels, not 3 (thick31, session 31; bench/RESULTS.md, "Thicker typed strokes, checked
on fresh sets (session 31)"): a generated typewritten letter through the whole pipeline loses fewer of its words
with the default than with the former thickening, keeps every field that one read, and its PDF/A passes
Preflight."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

from archivist import restore
from tests.pdfcheck import assert_valid_pdfa


@pytest.mark.slow
def test_typed_letter_thickened_over_4_loses_fewer_words_than_over_3(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from archivist.metrics import bag_of_words_error, words
    from archivist.pipeline import Settings, process
    from bench.accuracy import FIELDS, _norm
    from samples.generate import generate

    assert restore.Recipe().typed_thicken == 4
    (truth,) = generate(tmp_path / "set", seed=4, n_docs=1, groups=["typewriter"])
    adopted = restore.prepare
    got = {}
    for name, prepare in (("thicken 3", functools.partial(adopted, recipe=restore.Recipe(typed_thicken=3))),
                          ("default", adopted)):
        monkeypatch.setattr(restore, "prepare", prepare)
        process([tmp_path / "set" / "scans"], tmp_path / name, Settings(workers=1, page_timeout=0))
        (rec,) = [json.loads(p.read_text(encoding="utf-8")) for p in (tmp_path / name / "documents").glob("*.json")]
        lost = sum(round(bag_of_words_error(t["text"], r["text"]) * len(words(t["text"])))
                   for t, r in zip(truth["pages"], rec["pages"], strict=True))
        right = {label for label, key, tkey in FIELDS
                 if _norm(rec["metadata"].get(key)) == _norm(truth["metadata"].get(tkey))}
        got[name] = lost, right
        print(name, "words lost", lost, "fields right", sorted(right))  # 61 -> 59 of 228 when measured, none
    assert got["default"][0] < got["thicken 3"][0], got
    assert got["default"][1] >= got["thicken 3"][1], got
    assert_valid_pdfa(tmp_path / "default")
