"""End to end through ``archivist process`` and ``review export``: a commune's notice printed twice, once whole and
once with its ``TM. ỦY BAN NHÂN DÂN`` line left blank (a torn or faded authority line). The second goes to review for
its authority, the sheet saying why the catalogue needs it; the whole one is never listed for a required field
(archivist/required.py; bench/RESULTS.md "Empty required fields (session 37)")."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from archivist.required import NOT_FOUND, missing_reason
from tests.pdfcheck import assert_valid_pdfs

SERIF = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"
BOLD = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf"
AUTHORITY = "TM. ỦY BAN NHÂN DÂN"
#: (left x, or None to centre in the right column / page, text, bold), one row each, 200 dpi A4
ROWS = [[(120, "UBND HUYỆN QUỲNH LƯU", False), (820, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True)],
        [(150, "ỦY BAN NHÂN DÂN", True), (960, "Độc lập - Tự do - Hạnh phúc", True)],
        [(200, "XÃ QUỲNH HẬU", True)],
        [(150, "Số: 118/TB-UBND", False), (900, "Quỳnh Hậu, ngày 21 tháng 3 năm 2016", False)],
        [], [(700, "THÔNG BÁO", True)], [(420, "Về việc lịch trực Tết Nguyên đán năm 2016", True)], [],
        [(150, "Ủy ban nhân dân xã thông báo lịch trực Tết Nguyên đán năm 2016 như sau:", False)],
        [(150, "1. Các cán bộ, công chức trực tại trụ sở từ ngày 07 đến ngày 13 tháng 02.", False)],
        [(150, "2. Trưởng các thôn báo cáo tình hình về Ủy ban nhân dân xã mỗi ngày.", False)],
        [(150, "Ủy ban nhân dân xã thông báo để các cơ quan, đơn vị được biết./.", False)], [],
        [(120, "Nơi nhận:", False), (1000, AUTHORITY, True)], [(120, "- Như trên;", False), (1100, "CHỦ TỊCH", True)],
        [(120, "- TT Đảng ủy, HĐND xã;", False)], [(120, "- Lưu: VT.", False)], [], [],
        [(1040, "Hà Hữu Thắng", True)]]


def _page(path: Path, blank: str | None) -> None:
    """The notice drawn on a white 200 dpi A4 page, the segment ``blank`` left unprinted."""
    im = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(im)
    fonts = {False: ImageFont.truetype(SERIF, 34), True: ImageFont.truetype(BOLD, 34)}
    for i, row in enumerate(ROWS):
        for x, text, bold in row:
            if text != blank:
                draw.text((x, 160 + 62 * i), text, font=fonts[bold], fill=0)
    im.save(path, dpi=(200, 200))


def _cli(*args: object) -> str:
    res = subprocess.run([sys.executable, "-m", "archivist.cli", *map(str, args)], capture_output=True, text=True,
                         timeout=900)
    assert res.returncode == 0, res.stdout + res.stderr
    return res.stdout


@pytest.mark.slow
def test_a_notice_without_its_authority_line_is_to_review_saying_why(tmp_path: Path) -> None:
    scans, archive = tmp_path / "scans", tmp_path / "archive"
    scans.mkdir()
    _page(scans / "tb-118-whole.png", None)
    _page(scans / "tb-118-no-authority.png", AUTHORITY)
    _cli("process", scans, "--archive", archive, "--workers", 2)
    recs = {Path(r["label"]).stem: r for r in (json.loads(p.read_text(encoding="utf-8"))
                                                for p in sorted((archive / "documents").glob("doc-*.json")))}
    whole, cut = recs["tb-118-whole"], recs["tb-118-no-authority"]
    assert whole["metadata"]["type"] == cut["metadata"]["type"] == "Thông báo"
    assert whole["metadata"]["authority"] == "TM." and cut["metadata"]["authority"] in (None, "")
    assert cut["metadata"]["signer_position"] == whole["metadata"]["signer_position"] == "CHỦ TỊCH"
    assert "authority" in cut["metadata"]["needs_review"] and "authority" not in whole["metadata"]["needs_review"]

    said = json.loads(_cli("review", "export", "--archive", archive, "--out", tmp_path / "review.csv", "--json"))
    items = {(i["document_id"], i["field"]): i for i in said["items"]}
    item = items[(cut["id"], "authority")]
    assert item["value"] in (None, "") and item["reason"] == missing_reason("authority")
    assert "TM., KT." in item["reason"] and (tmp_path / "review.csv").read_text(encoding="utf-8-sig").count(
        missing_reason("authority")) == 1
    assert not [i for i in said["items"] if i["document_id"] == whole["id"] and i["reason"].startswith(NOT_FOUND)]
    assert_valid_pdfs(sorted((archive / "documents").glob("*.pdf")))
