"""The hard sample groups (issue 14): each group is written with its files, its own wear and a ground
truth that holds the text of every page, every field, the angles and the group's name."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from samples.generate import generate, main
from samples.hard import GROUPS, tighten_header
from samples.layout import Line, Page

FIELDS = {"number", "date", "place", "issuer", "parent_issuer", "subject", "signer", "signer_position",
          "authority", "recipients", "page_count"}


@pytest.fixture(scope="module")
def hard_set(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    out = tmp_path_factory.mktemp("hard")
    return out, generate(out, seed=3, n_docs=1, groups=list(GROUPS))


def test_every_group_has_files_and_full_ground_truth(hard_set: tuple[Path, list[dict]]) -> None:
    out, truths = hard_set
    assert [t["group"] for t in truths] == list(GROUPS)
    index = json.loads((out / "ground-truth" / "index.json").read_text(encoding="utf-8"))
    assert [d["group"] for d in index] == list(GROUPS)
    for t in truths:
        assert FIELDS <= set(t["metadata"]) and t["metadata"]["page_count"] == len(t["pages"])
        for p in t["pages"]:
            assert p["group"] == t["group"]
            assert str(p["file"]).startswith(f"scans/{t['group']}-")
            assert {"skew", "rotation", "dpi", "text", "degradation"} <= set(p)
            with Image.open(out / p["file"]) as im:
                assert list(im.size) == p["size"] and round(im.info["dpi"][0]) == p["dpi"]
            if t["group"] != "notext":
                assert p["text"].strip()


def test_groups_carry_their_own_wear(hard_set: tuple[Path, list[dict]]) -> None:
    out, truths = hard_set
    by = {t["group"]: t for t in truths}
    typed = by["typewriter"]["pages"][0]["degradation"]
    assert typed["typeface"] == "mono" and 0 < typed["strike_min"] < 1 and typed["misalign_mm"] > 0
    speck = by["speckle"]["pages"][0]
    assert speck["dpi"] == 200 and speck["jpeg_quality"] == 60 and speck["degradation"]["speckle_per_cm2"] >= 3
    assert by["faded"]["pages"][0]["degradation"]["ink"] < 0.5 and by["faded"]["pages"][0]["degradation"]["grain"]
    none = by["notext"]
    assert none["type"] is None and all(v in (None, []) for k, v in none["metadata"].items() if k != "page_count")
    assert all(p["text"] == "" and p["rotation"] == 0 and p["skew"] == 0 for p in none["pages"])
    assert by["tables"]["pages"][-1]["text"]  # a table page has text in its cells


def test_speckle_page_has_more_isolated_dark_dots_than_a_clean_one(hard_set: tuple[Path, list[dict]]) -> None:
    """Dots away from the text, counted in the page margin (left 20 mm): speckle pages have many."""
    out, truths = hard_set

    def dots(t: dict) -> int:
        p = t["pages"][0]
        a = np.asarray(Image.open(out / p["file"]).convert("L")).astype(float)
        margin = a[a.shape[0] // 4: 3 * a.shape[0] // 4, : int(p["dpi"] * 20 / 25.4)]
        return int((margin < np.median(margin) - 60).sum())

    by = {t["group"]: t for t in truths}
    assert dots(by["speckle"]) > 5 * max(1, dots(by["clean"]))


def test_table_ground_truth_reads_row_by_row(tmp_path: Path) -> None:
    truths = generate(tmp_path, seed=1, n_docs=3, groups=["tables"], rotations=False, max_skew=0.0)
    texts = {t["document"]: "\n".join(p["text"] for p in t["pages"]) for t in truths}
    listing = next(v for v in texts.values() if "DANH SÁCH" in v)
    rows = listing[listing.index("Ghi chú"):].split("\n")
    first, second = rows.index("1"), rows.index("2")
    assert first == 1 and 4 <= second - first <= 8  # STT, the row's other cells (a note may wrap), next row
    assert rows[first + 1].replace(" ", "").isalpha()  # the householder's name follows its number
    register = next(v for v in texts.values() if "SỔ ĐĂNG KÝ KHAI SINH" in v)
    assert "(1)\n(2)\n(3)\n(4)\n(5)\n(6)\n(7)" in register


def test_two_column_header_is_set_close() -> None:
    page = Page(lines=[Line("ỦY BAN NHÂN DÂN", 61, 20, 13, "bold", "center"),
                       Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 143, 20, 13, "bold", "center"),
                       Line("QUYẾT ĐỊNH", 110, 60, 14, "bold", "center")])
    tighten_header(page, 2.0)
    assert page.lines[1].x < 143 and page.lines[2].x == 110


def test_cli_writes_groups(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--out", str(tmp_path), "--docs", "1", "--groups", "notext", "twocol"]) == 0
    assert "2 documents" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--out", str(tmp_path), "--groups", "nosuch"])
