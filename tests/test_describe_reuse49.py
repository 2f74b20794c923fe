"""Session 49's kept results in the document stage (issue 16) change nothing it writes: a page's lines, made once
for the split, the layout and the flags (archivist/ocrtext.py ``_word_lines``), a document text's syllable pairs,
counted once for the twin rules (archivist/itemtwin.py ``_text_pairs``), and a syllable's canon spelling
(archivist/wordpairs.py ``canon``). Each is checked against the work done afresh; the end-to-end check (documents
processed through the CLI described again with and without them) is tests/test_describe_reuse.py's slow test."""

from __future__ import annotations

import pytest

from archivist import itemtwin, ocrtext, wordpairs
from archivist.itemtwin import letter_twin_doubt, listed_twin_doubt
from archivist.models import Word
from archivist.ocrtext import PageText, page_lines
from tests.test_faintflags import WORDS


@pytest.fixture(autouse=True)
def _nothing_kept() -> None:
    ocrtext._word_lines.cache_clear()
    itemtwin._text_pairs.cache_clear()
    wordpairs.canon.cache_clear()


def _fresh(page: PageText) -> list:
    """The lines as page_lines made them before anything was kept."""
    words = tuple(w if isinstance(w, tuple) else (w.text, w.conf, tuple(w.bbox), w.line) for w in page.words)
    return ocrtext._word_lines.__wrapped__(page.number, words)


def test_lines_kept_for_the_same_words_are_the_fresh_ones_in_a_list_of_ones_own() -> None:
    page = PageText(1, "", list(WORDS))
    first = page_lines(page)
    assert first == _fresh(page) and len(first) > 3
    again = page_lines(PageText(1, "", list(WORDS)))  # another page object, the same words: the dossier's split
    assert again == first and again is not first
    assert all(a is b for a, b in zip(again, first, strict=True))  # the lines themselves made once
    assert ocrtext._word_lines.cache_info().hits == 1
    again.clear()  # a caller changing its list changes nothing kept
    assert page_lines(page) == first


def test_other_words_or_another_number_give_their_own_lines() -> None:
    page = PageText(1, "", list(WORDS))
    kept = page_lines(page)
    page.words[0] = ("ỦY", 96.0, (300, 900, 360, 940), 9)  # changed in place: the lines kept are not its lines
    assert page_lines(page) == _fresh(page) != kept
    renumbered = PageText(2, "", list(WORDS))  # a dossier's part renumbers its pages
    assert page_lines(renumbered) == _fresh(renumbered) and {ln.page for ln in page_lines(renumbered)} == {2}


def test_word_objects_and_unhashable_boxes() -> None:
    """Word objects are read into tuples (values: a Word changed in place gives other tuples); a box given as a list
    (words read back from JSON) cannot be a key, and the lines are made afresh."""
    objects = [Word(t, c, b, ln) for t, c, b, ln in WORDS]
    page = PageText(1, "", objects)
    assert page_lines(page) == _fresh(PageText(1, "", list(WORDS)))
    objects[0].text = "QUYẾT"
    assert page_lines(page) == _fresh(page)
    listed = PageText(1, "", [(t, c, list(b), ln) for t, c, b, ln in WORDS])
    size = ocrtext._word_lines.cache_info().currsize
    assert page_lines(listed) == _fresh(listed)
    assert ocrtext._word_lines.cache_info().currsize == size  # nothing kept for it


def test_only_the_last_pages_are_kept() -> None:
    size = ocrtext._word_lines.cache_info().maxsize
    pages = [PageText(n, "", list(WORDS)) for n in range(1, size + 3)]
    assert [page_lines(p) for p in pages] == [_fresh(p) for p in pages]
    assert ocrtext._word_lines.cache_info().currsize == size


TEXT = ("1. Các thôn, ấp tổ chức họp dân triển khai kế hoạch.\nNơi nhận:\n- Trưởng cáo thôn, ấp;\n"
        "Triển thai công tác phòng chống lụt bão")


def test_text_pairs_are_the_fresh_pairs_and_the_doubts_the_same() -> None:
    assert itemtwin._text_pairs(TEXT) == itemtwin._pairs(TEXT)
    items, subject = ["Trưởng cáo thôn, ấp"], "Triển thai công tác phòng chống lụt bão"
    want = (letter_twin_doubt(items, TEXT), listed_twin_doubt(subject, TEXT))
    assert want[0] is not None  # ``cáo thôn`` beside the body's ``Các thôn``
    kept = itemtwin._text_pairs(TEXT)
    for _ in range(2):  # asked again and again of one text: the pairs kept stay the fresh ones
        assert (letter_twin_doubt(items, TEXT), listed_twin_doubt(subject, TEXT)) == want
        assert itemtwin._text_pairs(TEXT) is kept and kept == itemtwin._pairs(TEXT)
    mp = pytest.MonkeyPatch()
    try:
        mp.setattr(itemtwin, "_text_pairs", itemtwin._pairs)
        assert (letter_twin_doubt(items, TEXT), listed_twin_doubt(subject, TEXT)) == want
    finally:
        mp.undo()


def test_canon_kept_is_canon_afresh() -> None:
    tokens = [w for line in TEXT.split("\n") for w in line.split()] + \
        ["hoà", "hòa", "HÒA", "uỷ", "ủy", "kỳ", "kì", "Lý", "quyết", "QUYẾT", "gìn", "ý", "Mỹ", "", "123", "x"]
    for _ in range(2):
        assert [wordpairs.canon(t) for t in tokens] == [wordpairs.canon.__wrapped__(t) for t in tokens]
    assert wordpairs.canon("hoà") == wordpairs.canon("HÒA") and wordpairs.canon("kỳ") == wordpairs.canon("kì")
