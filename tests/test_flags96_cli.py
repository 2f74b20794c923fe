"""End to end through ``archivist process``: HG122's faded-15-khai-sinh-303-vinh-thanh and speckle-19-cv-239-my-loc
rendered exactly as their set renders them (the fresh seed 122 of session 36). The extract's entry ``303`` is read
``363`` beside its book ``03/2603`` (a ``0`` read ``6`` in the year), and the letter's ``239/UBND-TP`` is read
``239/UBND-"TP`` and stored ``239/UBND`` while the number's box read again gives ``239/UBND-TP``: extract flags each
and keeps the value (flags96 and flags97, issue 14 item 9; bench/RESULTS.md "Flags, ninety-sixth round onward
(session 36)")."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pdfcheck import assert_valid_pdfs
from tests.test_dateread_day_cli import processed

#: slot, document, field, the value stored, what the review names. Since session 42 the extract's ``363`` and its
#: book's ``2603`` have their 6 set back to 0 by the typed zero's dot (archivist/fadedglyphs.py): the entry is
#: stored right, ``303``, flagged as a digit the glyph chose (flags96's rule no longer fires there).
CASES = [(14, "faded-15-khai-sinh-303-vinh-thanh", "entry", "303",
          "the digit '0' of '303' was read '6' and set by its glyph"),
         (18, "speckle-19-cv-239-my-loc", "number_symbol", "239/UBND", "'239/UBND-TP'")]


@pytest.mark.slow
def test_the_entry_and_the_cut_symbol_are_flagged_and_kept_through_process(tmp_path: Path) -> None:
    done = processed(122, [c[0] for c in CASES], tmp_path)
    cases = {c[1]: c for c in CASES}
    assert sorted(truth["document"] for _, truth, _ in done) == sorted(cases)
    for rec, truth, _ in done:
        _, document, name, stored, named = cases[truth["document"]]
        meta, field = rec["metadata"], rec["metadata"]["fields"][name]
        truth_value = truth["metadata"]["number"] if name == "number_symbol" else truth["civil"][name]
        assert meta[name] == field["value"] == stored, document  # kept as read
        assert (stored == truth_value) == document.startswith("faded"), document  # faded entry right, symbol wrong
        assert named in (field.get("review") or "") and name in meta["needs_review"], (document, field.get("review"))
    assert_valid_pdfs([pdf for _, _, pdf in done])
