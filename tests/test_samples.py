"""The sample generator: deterministic, its ground truth matches its files, its angle conventions hold,
and the committed set has the mix the rest of the test suite relies on."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from samples.generate import generate
from samples.layout import Line, Page, Rule
from samples.scan import Style, age, render
from samples.slots import number_words

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
FAST = {"dpi_choices": (150, 200)}  # small pages keep the test quick


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _truths(folder: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((folder / "ground-truth").glob("*.json"))
            if p.name != "index.json"]


def _check_consistent(folder: Path, truths: list[dict]) -> None:
    """Every page of the truth is in its file, with the resolution, mode and format it claims."""
    index = json.loads((folder / "ground-truth" / "index.json").read_text(encoding="utf-8"))
    assert sorted(d["document"] for d in index) == sorted(t["document"] for t in truths)
    on_disk = {str(p.relative_to(folder)) for p in (folder / "scans").rglob("*") if p.is_file()}
    assert on_disk == {p["file"] for t in truths for p in t["pages"]}
    for t in truths:
        assert t["metadata"]["page_count"] == len(t["pages"]) >= 1
        assert t["files"] == list(dict.fromkeys(p["file"] for p in t["pages"]))
        if t["kind"] == "civil_status":
            assert {"person", "event_date", "book", "entry"} <= set(t["civil"])
        if t["kind"] == "land":
            assert {"parcel", "map_sheet", "area_m2"} <= set(t["land"])
        for p in t["pages"]:
            assert p["text"].strip() and unicodedata.is_normalized("NFC", p["text"])
            with Image.open(folder / p["file"]) as im:
                im.seek(p["index"])
                assert round(im.info["dpi"][0]) == round(im.info["dpi"][1]) == p["dpi"]
                assert im.mode == p["mode"]
                assert list(im.size) == p["size"]
                assert {"JPEG": "jpeg", "PNG": "png", "TIFF": "tiff"}[im.format] == p["format"]


@pytest.mark.slow
def test_generation_is_deterministic_and_consistent(tmp_path: Path) -> None:
    a = generate(tmp_path / "a", seed=5, n_docs=3, **FAST)
    generate(tmp_path / "b", seed=5, n_docs=3, **FAST)
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")
    _check_consistent(tmp_path / "a", _truths(tmp_path / "a"))
    assert a == _truths(tmp_path / "a")
    generate(tmp_path / "c", seed=6, n_docs=3, **FAST)
    assert _digest(tmp_path / "a") != _digest(tmp_path / "c")
    alone = generate(tmp_path / "d", seed=5, n_docs=3, only=[1], **FAST)  # one slot: the set's, byte for byte
    _assert_written_alone(tmp_path / "a", a, tmp_path / "d", alone)


def _assert_written_alone(whole_dir: Path, whole: list[dict], alone_dir: Path, alone: list[dict]) -> None:
    """``alone`` (``generate(only=[1])``) is the set's second slot, its scans and truths byte for byte those of the
    whole set, and nothing else."""
    assert alone and alone == [t for t in whole if re.match(r"(?:[a-z]+-)?02-", t["files"][0].split("/")[1])]
    written = {f: d for f, d in _digest(alone_dir).items() if f != "ground-truth/index.json"}
    names = {f"ground-truth/{t['document']}.json" for t in alone} | {p["file"] for t in alone for p in t["pages"]}
    assert written == {f: d for f, d in _digest(whole_dir).items() if f in names}
    _check_consistent(alone_dir, alone)


@pytest.mark.slow
def test_one_document_of_a_group_set_is_written_alone_as_the_set_writes_it(tmp_path: Path) -> None:
    """``only``: a group set's second document alone, byte for byte its scans and truth in the whole set (its pages'
    tilts and turns are drawn over the pages before it): what the end-to-end tests that read one document of a bench
    set make (tests/rereadcheck.py); the plan's slots in the test above."""
    whole = generate(tmp_path / "whole", seed=340, n_docs=2, groups=["clean"])
    _assert_written_alone(tmp_path / "whole", whole, tmp_path / "alone",
                          generate(tmp_path / "alone", seed=340, n_docs=2, groups=["clean"], only=[1]))


@pytest.mark.slow
def test_options_control_the_degradation(tmp_path: Path) -> None:
    truths = generate(tmp_path, seed=1, n_docs=3, max_skew=2.0, rotations=False, formats=("png",), **FAST)
    pages = [p for t in truths for p in t["pages"]]
    assert all(abs(p["skew"]) <= 2.0 and p["rotation"] == 0 and p["format"] == "png" for p in pages)
    _check_consistent(tmp_path, truths)
    with pytest.raises(ValueError):
        generate(tmp_path, formats=("gif",))


def _dark_centroid(a: np.ndarray) -> tuple[float, float]:
    ys, xs = np.nonzero(a < a.mean() - 40)
    return float(xs.mean()), float(ys.mean())


def test_angle_conventions() -> None:
    """Positive skew turns the content counter-clockwise (a rule rises to the right); ``rotation``
    turns the page clockwise after it (a mark at the top left goes to the top right at 90)."""
    page = Page(lines=[Line("X", 20, 30, 40, "bold")], rules=[Rule(40, 170, 150)])
    style = Style(dpi=100, colour=False, skew=10.0, rotation=0, quality=75, blur=0.0, noise=0.0, ink=0.95,
                  paper=(0.95, 0.93, 0.85), stains=0, crease=False, background=1.0)
    im = np.asarray(age(render(page, 100), style, 1)).astype(float)
    band = im[im.shape[0] // 3: 2 * im.shape[0] // 3]  # the rule, not the X
    cols = np.nonzero((band < band.mean() - 40).any(axis=0))[0]
    left = np.nonzero(band[:, cols[5]] < band.mean() - 40)[0].mean()
    right = np.nonzero(band[:, cols[-5]] < band.mean() - 40)[0].mean()
    assert right < left - 10  # image y grows downwards: the right end is higher
    style.skew, style.rotation = 0.0, 90
    turned = np.asarray(age(render(page, 100), style, 1)).astype(float)
    x, y = _dark_centroid(turned[: turned.shape[0] // 4])
    assert x > turned.shape[1] * 0.6  # the X (top left of the page) is now top right
    restored = Image.fromarray(turned.astype(np.uint8)).rotate(90, expand=True)  # counter-clockwise undoes it
    x, y = _dark_centroid(np.asarray(restored)[: restored.height // 4].astype(float))
    assert x < restored.width * 0.4


def test_vietnamese_numbers_in_words() -> None:
    assert number_words(2015) == "hai nghìn không trăm mười lăm"
    assert number_words(2005) == "hai nghìn không trăm linh năm"
    assert number_words(1985) == "một nghìn chín trăm tám mươi lăm"
    assert number_words(21) == "hai mươi mốt"
    assert number_words(125_500_000) == "một trăm hai mươi lăm triệu năm trăm nghìn"


def test_committed_samples_have_the_promised_mix() -> None:
    truths = _truths(SAMPLES)
    if not truths:
        pytest.skip("samples/ground-truth has not been generated")
    _check_consistent(SAMPLES, truths)
    assert len({t["type"] for t in truths}) >= 8
    assert {t["kind"] for t in truths} == {"administrative", "civil_status", "land"}
    pages = [p for t in truths for p in t["pages"]]
    skews = [p["skew"] for p in pages]
    assert max(map(abs, skews)) <= 15 and sum(abs(s) > 10 for s in skews) >= 2
    assert min(skews) < -5 and max(skews) > 5
    assert {p["rotation"] for p in pages} == {0, 90, 180, 270}
    assert any(p["dpi"] == 150 for p in pages)
    assert any(p["dpi"] == 400 and p["format"] == "jpeg" and p["mode"] == "L" for p in pages)
    assert {"jpeg", "png", "tiff"} <= {p["format"] for p in pages} and {"L", "RGB"} <= {p["mode"] for p in pages}
    tiffs = {p["file"] for p in pages if p["format"] == "tiff"}
    assert any(sum(p["file"] == f for p in pages) > 1 for f in tiffs)  # a multi-page TIFF
    for f in tiffs:
        with Image.open(SAMPLES / f) as im:
            assert im.info["compression"] in ("tiff_adobe_deflate", "tiff_deflate", "tiff_lzw")
    assert any("dossier" in t for t in truths)  # a folder of page images holding several documents
    assert any(len(t["pages"]) >= 3 for t in truths)
    assert all(2005 <= int(t["metadata"]["date"][:4]) <= 2025 for t in truths)
    total = sum(f.stat().st_size for d in ("scans", "ground-truth") for f in (SAMPLES / d).rglob("*") if f.is_file())
    assert total <= 4_000_000
    _check_merged_commune(truths)


def _check_merged_commune(truths: list[dict]) -> None:
    """The committed set is Xã Yên Bình, Lào Cai (04714): documents of at least three of its former units (the
    town among them), one its district sent a former commune, one the new commune issued after 1 July 2025;
    each ground truth names its fonds, each code one that ``archivist init`` makes for the commune."""
    from archivist.adminunits import load_units
    from archivist.fonds import fonds_of_unit

    lists = load_units()
    codes = {f.code for f in fonds_of_unit(lists, lists.resolve("04714"))}
    assert {t["fonds"] for t in truths} <= codes
    former = {t["fonds"] for t in truths if t["fonds"].startswith("C")}
    assert len(former) >= 3 and "C04714" in former
    town = [t for t in truths if t["fonds"] == "C04714" and t["provenance"] == "issued" and t["metadata"]["issuer"]]
    assert town and all(t["metadata"]["issuer"] == "ỦY BAN NHÂN DÂN THỊ TRẤN YÊN BÌNH" for t in town)
    received = [t for t in truths if t["provenance"] == "received"]
    assert received
    for t in received:  # the district's, addressed to the commune whose fonds keeps it
        meta, text = t["metadata"], "\n".join(p["text"] for p in t["pages"])
        assert (meta["issuer"], meta["parent_issuer"]) == ("ỦY BAN NHÂN DÂN HUYỆN YÊN BÌNH", "UBND TỈNH YÊN BÁI")
        name = lists.former[t["fonds"][1:]].name.split(" ", 1)[1]
        assert f"Kính gửi: Ủy ban nhân dân xã {name}" in text or f"UBND xã {name}" in meta["recipients"]
    new = [t for t in truths if t["fonds"] == "M04714"]
    assert new and all(t["metadata"]["date"] >= "2025-07-01" and t["metadata"]["parent_issuer"] is None
                       and "HUYỆN" not in t["pages"][0]["text"] for t in new)
    assert all(t["metadata"]["date"] <= "2025-06-30" for t in truths if t["fonds"].startswith("C"))


def test_a_merged_commune_plan_mixes_sources_as_promised() -> None:
    """The bench's plan (all types, 44 documents, no pages drawn): about one in five received from the district,
    one in seven the new commune's, every former unit issuing; documents of a dossier keep one fonds."""
    from samples.merged import RECEIVABLE, Commune
    from samples.plan_all import ALL, plan_all

    slots = plan_all(21, 44, 2, ("jpeg", "folder"), (200,), "decree30", ALL, Commune("04714"))
    docs = [d for s in slots for d in s.docs]
    by = {src: [d for d in docs if d.extra["provenance"] == src] for src in ("issued", "received", "new")}
    assert len(docs) == 44 and 0.15 <= len(by["received"]) / 44 <= 0.25 and 0.1 <= len(by["new"]) / 44 <= 0.2
    assert {d.extra["fonds"] for d in by["issued"]} == {"C04714", "C04756", "C04768", "C04777"}
    district = "ỦY BAN NHÂN DÂN HUYỆN YÊN BÌNH"
    assert all(d.type in RECEIVABLE and d.metadata["issuer"] == district for d in by["received"])
    assert all(len({d.extra["fonds"] for d in s.docs}) == 1 for s in slots)


DECREE30_CODES = {"Nghị quyết": "NQ", "Quyết định": "QĐ", "Chỉ thị": "CT", "Quy chế": "QC", "Quy định": "QyĐ",
                  "Thông cáo": "TC", "Thông báo": "TB", "Hướng dẫn": "HD", "Chương trình": "CTr", "Kế hoạch": "KH",
                  "Phương án": "PA", "Đề án": "ĐA", "Dự án": "DA", "Báo cáo": "BC", "Biên bản": "BB",
                  "Tờ trình": "TTr", "Hợp đồng": "HĐ", "Công điện": "CĐ", "Bản ghi nhớ": "GNH",
                  "Bản thỏa thuận": "TTh", "Giấy ủy quyền": "GUQ", "Giấy mời": "GM", "Giấy giới thiệu": "GGT",
                  "Giấy nghỉ phép": "GNP", "Phiếu gửi": "PG", "Phiếu chuyển": "PC", "Phiếu báo": "PB"}


def test_all_types_cover_decree30_with_their_symbols_and_both_eras() -> None:
    """Every Decree 30 type with its Appendix III abbreviation in the number; letters ``số/UBND-xx``,
    public letters unnumbered; under Circular 55/2005 a legal document's symbol carries its year and the
    committee signs ``TM. UỶ BAN``; and civil-status, land, construction and petition records."""
    from samples.plan_all import ALL, documents

    docs = {kind: documents(kind, 11 + i, False, 1, 2, "decree30") for i, kind in enumerate(ALL)}
    for name, code in DECREE30_CODES.items():
        assert docs[name].code == code and f"/{code}-" in docs[name].metadata["number"], name
    assert docs["Công văn"].metadata["number"].split("/")[1].startswith("UBND-")
    assert docs["Thư công"].metadata["number"] is None
    kinds = {d.kind for d in docs.values()}
    assert kinds == {"administrative", "civil_status", "land", "petition"}
    assert {"Khai tử", "Nhận cha, mẹ, con", "Xác nhận tình trạng hôn nhân", "Giấy phép xây dựng"} <= \
        {d.type for d in docs.values()}
    old = documents("Quyết định", 5, False, 1, 2, "old")
    text = "\n".join(p.text() for p in old.pages)
    assert old.metadata["number"].endswith(f"/{old.metadata['date'][:4]}/QĐ-UBND")
    assert "CỘNG HOÀ XÃ HỘI" in text and ("TM. UỶ BAN NHÂN DÂN" in text or "KT. CHỦ TỊCH" in text)


@pytest.mark.slow
def test_all_types_dossiers_are_deterministic_with_page_starts(tmp_path: Path) -> None:
    opts = {"types": "all", "layout_era": "mixed", "formats": ("jpeg", "tiff"), "dpi_choices": (150,)}
    a = generate(tmp_path / "a", seed=3, n_docs=6, **opts)
    generate(tmp_path / "b", seed=3, n_docs=6, **opts)
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")
    _check_consistent(tmp_path / "a", a)
    bundle = [t for t in a if "dossier" in t]
    assert len(bundle) >= 2 and len({t["type"] for t in bundle}) == len(bundle)
    assert all(t["pages"][0]["file"].endswith(".tif") for t in bundle)  # a multi-page TIFF of documents
    assert not any("fonds" in t for t in a)  # communes from all over the country unless one is given
    assert sorted(p["index"] for t in bundle for p in t["pages"]) == list(range(sum(len(t["pages"]) for t in bundle)))
