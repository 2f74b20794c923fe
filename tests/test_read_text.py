"""The engine's look-alike code points made the characters the page prints, once, when the page's rules are done
(archivist/textnorm.py's ``read_text``, archivist/pagework.py's ``as_stored``): every OCR'd page's record, index and PDF
text layer hold ``/`` where Tesseract read the fraction slash ``⁄`` (U+2044), which speckled pages alone had mended
before (session 43's ``speckread.fraction_slash``) and the fields alone (``ocrtext``)."""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from archivist.models import Word
from archivist.ocr import OcrResult
from archivist.ocrtext import clean_ocr
from archivist.pagework import as_stored
from archivist.textnorm import READ_LOOKALIKES, read_text


def test_each_look_alike_is_the_character_the_page_prints() -> None:
    assert READ_LOOKALIKES == {"\u2044": "/"}  # the only one of the vie model's 20 non-ASCII marks (session 44)
    for lookalike, printed in READ_LOOKALIKES.items():
        assert read_text(f"11{lookalike}KH-UBND") == f"11{printed}KH-UBND"
        assert read_text(lookalike) == printed  # a lone one too: the same stroke, whatever it stands for
    assert read_text("V\u2044v") == "V/v" and read_text(".\u2044.") == "./." and read_text("45\u204445") == "45/45"
    assert read_text("23\u2044/NQ-HĐND") == "23/NQ-HĐND"  # one stroke read twice (speckled pages, session 43)


def test_nfc_and_the_marks_pages_print_are_kept() -> None:
    decomposed = unicodedata.normalize("NFD", "Quyết định")
    assert read_text(decomposed) == "Quyết định" and len(read_text(decomposed)) == len("Quyết định")
    for kept in ("——", "“Chủ”", "„", "¬uy", "°", "£2", "(b/c);", "2021/NĐ-CP"):  # the model's others: read as such
        assert read_text(kept) == kept


def test_a_lone_em_dash_is_a_list_s_dash() -> None:
    """A word that is the em dash alone is a list item's ``-`` (165 truth words gained, 0 broken over sessions
    40-44's stored pages); a dash opening or inside a word is a rule's or a speck's debris, kept as read."""
    assert read_text("\u2014") == "-"
    page = "Nơi nhận:\n— UBND xã;\nHĐND xã; —\nVT, TC. — :"
    assert read_text(page) == "Nơi nhận:\n- UBND xã;\nHĐND xã; -\nVT, TC. - :" and len(read_text(page)) == len(page)
    for kept in ("——", "_—", "—N", "._—", "¬—", "a—b"):
        assert read_text(kept) == kept and read_text(f"xã; {kept}") == f"xã; {kept}"
    dash = Word("\u2014", 40.0, (0, 0, 10, 10), 0)
    stored = as_stored(OcrResult([dash], "HĐND xã; \u2014", 40.0))
    assert stored.words[0].text == "-" and stored.text == "HĐND xã; -"


def test_a_rival_after_a_doubled_stroke_keeps_its_letter() -> None:
    word = Word("23\u2044/NQ", 80.0, (0, 0, 10, 10), 0, rivals=((4, "O", 40.0, 38.0),))  # N at 4 as read
    plain = Word("Hà", 90.0, (0, 0, 10, 10), 0, rivals=((1, "a", 50.0, 49.0),))
    stored = as_stored(OcrResult([plain, word], "Hà 23\u2044/NQ", 85.0))
    made = stored.words[1]
    assert made.text == "23/NQ" and made.rivals == ((3, "O", 40.0, 38.0),) and made.text[3] == "N"
    assert stored.words[0] is plain and stored.text == "Hà 23/NQ"
    as_read = OcrResult([plain], "Hà", 90.0)
    assert as_stored(as_read) is as_read  # nothing to store otherwise


def test_a_page_s_own_text_keeps_the_fields_mapping() -> None:
    assert clean_ocr("Số: 45\u2044QĐ-UBND") == "Số: 45/QĐ-UBND"  # a born-digital PDF's text is not read_text's


@pytest.mark.slow
def test_generated_page_s_fraction_slash_is_a_slash_in_record_index_and_layer(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A generated typewritten page (seed 293, a check seed of session 44: its first document, minutes, JPEG) whose
    ``45/45`` Tesseract reads ``45⁄45``: stored ``45/45`` in the record, found by a search for ``45/45``, drawn so in
    the PDF/A's text layer, which holds the record's words; with the engine's text left as read, ``45⁄45``."""
    from archivist import pagework
    from archivist.indexing import open_index
    from archivist.textnorm import nfc
    from samples.generate import generate
    from tests.pdfpages import pdftotext
    from tests.steprun import first_page_with_and_without

    doc = generate(tmp_path / "set", seed=293, n_docs=1, groups=["typewriter"])[0]
    assert "45/45" in doc["pages"][0]["text"]
    texts = first_page_with_and_without(tmp_path / "set" / "scans", tmp_path,
                                        lambda: monkeypatch.setattr(pagework, "read_text", nfc))
    assert "45\u204445" in texts["without"].split()  # as the engine reads it
    assert "45/45" in texts["with"].split() and "\u2044" not in texts["with"]
    archive = tmp_path / "with"
    record = json.loads(next((archive / "documents").glob("*.json")).read_text(encoding="utf-8"))
    assert "45/45" in [w["text"] if isinstance(w, dict) else w[0] for w in record["pages"][0]["words"]]
    with open_index(archive) as idx:
        assert [h.doc_id for h in idx.search("45/45")] == [record["id"]]
    (pdf,) = (archive / "documents").glob("*.pdf")
    layer = pdftotext(pdf, 1)
    assert "45/45" in layer.split() and "\u2044" not in layer
    assert Counter(layer.split())["45/45"] == Counter(texts["with"].split())["45/45"]  # as many as the record's
