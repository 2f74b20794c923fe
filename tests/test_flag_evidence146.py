"""Review flags and values, hundred-and-forty-sixth round onward (issue 14 item 9, session 44).

flags146, a register leaf's place taken from its issuer. A leaf prints no place line; session 43 (flags140) sent
its empty place to review, naming the issuer's unit to fill it from: 29 of the 84 leaves of the earlier sets went
to review for that alone. The book's place is the issuer's commune, so the place is now taken from there
(``registerplace.fill_register_place``: ``ỦY BAN NHÂN DÂN XÃ HẢI XUÂN`` -> ``Xã Hải Xuân``), keeping its source (the
issuer's page, box and text, a change saying so), less sure than a place read on its line, and sent to review when
the issuer itself is in doubt. Fixture: HG230 tables-27-so-khai-sinh-bang-01-2013-hai-xuan's head, as read
(tests/test_flag_evidence140.py). End to end: the generator's birth register (seed 5, ``Xã Tiên Phong``, whose place
line would have been written short) processed by ``archivist process``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageFilter

from archivist.fields import Field
from archivist.registerplace import DERIVED, fill_register_place, issuer_doubt, issuer_unit, unit_place
from tests.test_flag_evidence140 import LEAF, PLACE_LINE
from tests.test_flag_evidence140 import _extract as _extract140

FROM_ISSUER = "taken from the issuer 'ỦY BAN NHÂN DÂN XÃ HẢI XUÂN'"


def test_a_units_name_is_written_as_a_place_and_a_district_town_is_no_commune() -> None:
    assert unit_place("XÃ HẢI XUÂN") == "Xã Hải Xuân"
    assert unit_place("THỊ TRẤN YÊN BÌNH") == "Thị trấn Yên Bình"
    assert unit_place("PHƯỜNG 3") == "Phường 3"
    assert unit_place("xã Tân Thạnh Đông") == "Xã Tân Thạnh Đông"
    assert issuer_unit("ỦY BAN NHÂN DÂN THỊ XÃ NGHĨA LỘ") is None  # 'XÃ' inside a district-level town's level word
    assert issuer_unit("UBND THÀNH PHỐ VINH") is None


def test_the_issuers_doubt_is_its_review_or_a_confidence_under_its_threshold() -> None:
    assert issuer_doubt(Field("ỦY BAN NHÂN DÂN XÃ HẢI XUÂN", 0.85)) is None
    assert issuer_doubt(Field("ỦY BAN NHÂN DÂN XÃ HẢI XUÂN", 0.63)) == "the issuer was read at 0.63, under 0.70"
    assert issuer_doubt(Field("UBND HUYỆN X", 0.9, review="the parent's line")) == "the parent's line"


def test_only_a_leaf_with_no_place_is_given_one() -> None:
    issuer = Field("ỦY BAN NHÂN DÂN XÃ HẢI XUÂN", 0.9, 1, (1, 2, 3, 4), "ỦY BAN NHÂN DÂN XÃ HẢI XUÂN")
    read = {"issuer": issuer, "place": Field("Hải Xuân", 0.88)}
    fill_register_place(read, "Sổ đăng ký")
    assert read["place"].value == "Hải Xuân" and not read["place"].changes  # a place read is kept as read
    letter = {"issuer": issuer}
    fill_register_place(letter, None)
    assert "place" not in letter  # no leaf: nothing
    leaf = {"issuer": issuer}
    fill_register_place(leaf, "Sổ")
    assert leaf["place"].to_dict() == {"value": "Xã Hải Xuân", "confidence": DERIVED, "page": 1, "bbox": [1, 2, 3, 4],
                                       "source_text": "ỦY BAN NHÂN DÂN XÃ HẢI XUÂN",
                                       "changes": [FROM_ISSUER + ": a register's leaf prints no place line; the "
                                                   "book's place is its commune's"]}


def test_through_extract_a_leafs_place_is_its_issuers_commune_kept_with_its_source() -> None:
    meta = _extract140(LEAF)
    assert meta.classification.form == "Sổ đăng ký" and meta.issuer.value == "ỦY BAN NHÂN DÂN XÃ HẢI XUÂN"
    place = meta.place
    assert place.value == "Xã Hải Xuân" and place.review is None and "place" not in meta.needs_review
    assert place.confidence == min(DERIVED, meta.issuer.confidence)
    assert (place.page, place.bbox, place.source_text) == (meta.issuer.page, meta.issuer.bbox, meta.issuer.source_text)
    assert place.changes[0].startswith(FROM_ISSUER)
    placed = _extract140([w for w in LEAF if w[3] != 2] + PLACE_LINE)  # a place line read is taken as read
    assert placed.place.value == "Hải Xuân" and not any("taken from the issuer" in c for c in placed.place.changes)


def test_through_extract_a_place_from_a_doubtful_issuer_is_stored_and_flagged() -> None:
    weak = [(w, 40.0 if ln == 2 and w in ("HẢI", "XUÂN") else c, b, ln) for w, c, b, ln in LEAF]
    meta = _extract140(weak)
    assert meta.issuer.value == "ỦY BAN NHÂN DÂN XÃ HẢI XUÂN" and meta.issuer.confidence < 0.7
    assert meta.place.value == "Xã Hải Xuân" and "place" in meta.needs_review
    assert (meta.place.review or "").startswith("the place was taken from the issuer, itself in doubt")


@pytest.mark.slow
def test_a_generated_register_leaf_is_stored_with_its_issuers_commune(tmp_path: Path) -> None:
    from samples.hard import _table_doc
    from samples.scan import render

    doc = _table_doc("register", 5, False)
    assert doc.metadata["place"] == "Xã Tiên Phong"  # the book's place: its place line would have read 'Tiên Phong'
    ink, _, _ = render(doc.pages[0], 300)
    scans, archive = tmp_path / "scans", tmp_path / "archive"
    scans.mkdir()
    page = Image.fromarray((255 - ink * 0.9).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.6))
    page.save(scans / "so-khai-sinh.jpg", dpi=(300, 300), quality=90)
    res = subprocess.run([sys.executable, "-m", "archivist.cli", "process", str(scans), "--archive", str(archive),
                          "--workers", "1"], capture_output=True, text=True, timeout=900)
    assert res.returncode == 0, res.stdout + res.stderr
    [path] = (archive / "documents").glob("*.json")
    meta = json.loads(path.read_text(encoding="utf-8"))["metadata"]
    assert meta["issuer"] == "ỦY BAN NHÂN DÂN XÃ TIÊN PHONG" and meta["place"] == "Xã Tiên Phong"
    place = meta["fields"]["place"]
    assert place["source_text"] == meta["fields"]["issuer"]["source_text"] and place["page"] == 1
    assert place["confidence"] <= DERIVED and not place.get("review")
    assert place["changes"][0].startswith("taken from the issuer 'ỦY BAN NHÂN DÂN XÃ TIÊN PHONG'")
    assert "place" not in (meta["needs_review"] or [])


# flags147, a name word with a listed given name's letters and marks no listed name gives them: the restorer leaves a
# word of two listed spellings as read (``dung``: ``Dung``, ``Dũng``), a misread mark and all. Sealed HG243
# clean-04-khai-sinh's person, printed ``VÕ PHƯƠNG DUNG``, read ``DƯNG`` at 90 and stored ``Võ Phương Dưng`` (0.808).


def test_a_name_word_with_marks_no_listed_name_gives_its_letters_is_doubted() -> None:
    from archivist.namerival import marks_doubt

    assert marks_doubt("Võ Phương Dưng") == "'Dưng' is no listed name: a name writes these letters 'Dung' or " \
                                            "'Dũng', a mark may be misread"
    assert "'Thạnh'" in (marks_doubt("Nguyễn Thạnh Khánh") or "")  # HG162 speckle-23's person, printed Thanh
    for right in ("Võ Phương Dung", "Võ Phương Dũng", "Nguyễn Văn Hoà", "Lê Thị Thuỷ", "Nguyễn Văn Tám",
                  "Dưng Văn An"):  # listed; old tone placement; listed apart; a family name is not judged
        assert marks_doubt(right) is None, right


def test_through_the_name_rules_the_person_read_with_another_mark_is_flagged_and_kept() -> None:
    from archivist.fields import Field as F
    from archivist.namerival import flag_name_rivals

    found = {"person": F("Võ Phương Dưng", 0.808, None, None, "VÕ PHƯƠNG DƯNG"),
             "signer": F("Võ Phương Dưng", 0.85, None, None, "Võ Phương Dưng")}
    flag_name_rivals(found, [])
    assert found["person"].value == "Võ Phương Dưng" and "'Dưng' is no listed name" in (found["person"].review or "")
    assert found["signer"].review is None  # a signer's: nameread's rule, against the line read again


# listrows.label_gap_doubt refitted on footers read in order: sealed AT242 05-tb-184-xuan-truong's footer (lines
# 19-27 as read, renumbered under a head), its right list of three rows with the signature column's two strokes read
# as lines '—' of their own, parsed after the list: counted as rows they made the pitch 29 px, the label 2.29 pitches
# above the first item; its rows alone step 55 px (1.20)
TB184: list[tuple[str, float, tuple[int, int, int, int], int]] = [
    ('Nơi', 96.83, (506, 1810, 583, 1845), 7), ('nhận:', 96.52, (597, 1810, 717, 1855), 7),
    ('-', 93.09, (507, 1898, 520, 1902), 8), ('UBND', 92.55, (534, 1881, 662, 1911), 8),
    ('huyện', 96.08, (676, 1879, 786, 1921), 8), ('Thọ', 96.77, (800, 1879, 871, 1919), 8),
    ('Xuân', 93.31, (886, 1879, 982, 1911), 8), ('(b/c);', 42.23, (998, 1879, 1091, 1920), 8),
    ('-', 92.8, (507, 1955, 520, 1959), 9), ('Các', 96.83, (535, 1936, 603, 1968), 9),
    ('ban,', 96.53, (617, 1936, 692, 1975), 9), ('ngành,', 96.54, (708, 1936, 827, 1978), 9),
    ('đoàn', 96.79, (842, 1936, 929, 1968), 9), ('thể', 96.11, (943, 1935, 998, 1968), 9),
    ('xã;', 96.88, (1011, 1937, 1062, 1975), 9), ('-', 92.02, (507, 2013, 520, 2017), 10),
    ('Lưu:', 93.3, (535, 1996, 618, 2026), 10), ('VT.', 85.37, (634, 1996, 699, 2026), 10),
    ('TM.', 96.62, (1585, 1814, 1682, 1850), 11), ('ỦY', 96.91, (1700, 1802, 1775, 1850), 11),
    ('BAN', 96.24, (1790, 1813, 1902, 1849), 11), ('NHÂN', 96.32, (1918, 1802, 2075, 1849), 11),
    ('DÂN', 95.38, (2090, 1802, 2205, 1849), 11), ('CHỦ', 96.74, (1761, 1872, 1878, 1920), 12),
    ('TỊCH', 96.19, (1894, 1883, 2030, 1920), 12), ('—', 92.02, (1648, 1954, 1710, 1969), 13),
    ('—', 39.16, (1617, 2010, 1703, 2023), 14), ('Trần', 95.89, (1690, 2282, 1801, 2322), 15),
    ('Quang', 96.68, (1817, 2285, 1971, 2333), 15), ('Phúc', 96.24, (1986, 2283, 2101, 2322), 15),
]


def _footer(words: list) -> object:
    from archivist import classify
    from archivist.classify import PageText
    from archivist.extract import analysed
    from tests.test_flag_evidence import HEAD, _page

    classify._LAST = None
    return analysed([PageText(1, "", list(_page(HEAD).words) + words)]).footer


def test_the_label_gap_counts_rows_with_words_not_the_signatures_strokes() -> None:
    from archivist.listrows import label_gap_doubt

    footer = _footer(TB184)
    assert [ln.text for ln in footer.recipients][-2:] == ["-", "-"]  # the strokes, parsed as the list's lines
    assert label_gap_doubt(footer) is None
    lost = [w for w in TB184 if w[3] != 8]  # the first item not read: the label two rows above the next
    assert "lines below 'Nơi nhận:'" in (label_gap_doubt(_footer(lost)) or "")
