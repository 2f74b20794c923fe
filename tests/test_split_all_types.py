"""Dossier splitting on the all-types samples: from the generator's own text (every type, both layout
eras, fast) and end to end through OCR on one generated multi-document TIFF."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archivist.classify import PageText, classify, split_dossier
from samples.generate import generate
from samples.plan_all import plan_all


def test_split_and_type_from_the_drawn_text_of_every_all_types_dossier() -> None:
    """Every document of 30 slots' dossiers starts where the splitter says and nowhere else, and each
    is typed right, when the text is exactly what was drawn (the ceiling the OCR run is measured against)."""
    slots = plan_all(5, 60, 4, ("jpeg", "folder", "tiff"), (200,), "mixed")
    bundles = [s for s in slots if len(s.docs) > 1]
    assert len(bundles) >= 8
    for s in slots:
        texts, starts = [], []
        for d in s.docs:
            starts.append(len(texts) + 1)
            texts += [p.text() for p in d.pages]
            doc_pages = [PageText(i, p.text()) for i, p in enumerate(d.pages, start=1)]
            assert classify(doc_pages).type == d.type, (d.type, d.metadata)
        pages = [PageText(i, t) for i, t in enumerate(texts, start=1)]
        assert [b.start_page for b in split_dossier(pages)] == starts, [d.type for d in s.docs]


@pytest.mark.slow
def test_end_to_end_split_of_a_generated_all_types_dossier(tmp_path: Path) -> None:
    """A multi-page TIFF of documents of different types, scanned and aged, OCR'd and split by the
    pipeline: one record per document, starting on the right page, of the right type."""
    from archivist.pipeline import Settings, process

    truths = generate(tmp_path / "set", seed=3, n_docs=6, types="all", layout_era="mixed", formats=("jpeg", "tiff"),
                      dpi_choices=(200,), max_skew=5.0)
    bundle = [t for t in truths if "dossier" in t]
    tif = tmp_path / "set" / bundle[0]["pages"][0]["file"]
    process([tif], tmp_path / "archive", Settings(workers=2))
    records = [json.loads(p.read_text(encoding="utf-8")) for p in (tmp_path / "archive" / "documents").glob("*.json")]
    found = sorted((r["pages"][0]["source"]["index"], r["metadata"]["type"], len(r["pages"])) for r in records)
    expected = sorted((t["pages"][0]["index"], t["type"], len(t["pages"])) for t in bundle)
    assert found == expected
