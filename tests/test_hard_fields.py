"""Issue 14, text side, end to end: scans of a national series (a resolution of the National Assembly's
Standing Committee, a Government decree) drawn here, read by the real pipeline (Tesseract ``vie``), and
checked in the record: the number/symbol by its grammar, the type by its heading, what was read kept and
flagged, the issuer's run-together words split, wrong values flagged on evidence, and every PDF valid PDF/A-1b."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from tests.pdfcheck import assert_valid_pdfs

pytestmark = pytest.mark.slow

DPI = 300
FONTS = "/usr/share/fonts/truetype/liberation2/LiberationSerif-{}.ttf"
_BODY = ("Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam; căn cứ Luật Tổ chức chính quyền địa phương;",
         "Điều 1. Sắp xếp các đơn vị hành chính cấp xã theo phương án đã được phê duyệt.",
         "Điều 2. Nghị quyết này có hiệu lực thi hành kể từ ngày ký.")


def _font(pt: float, bold: bool = False, italic: bool = False) -> ImageFont.FreeTypeFont:
    style = "BoldItalic" if bold and italic else "Bold" if bold else "Italic" if italic else "Regular"
    return ImageFont.truetype(FONTS.format(style), round(pt / 72 * DPI))


def _page(left: list[tuple[str, bool]], number: str, title: str, signer: list[str],
          body: tuple[str, ...] = _BODY) -> Image.Image:
    """An A4 page laid out as Decree 30 has it: issuer and number left, motto right, title, body, signature."""
    mm = DPI / 25.4
    im = Image.new("L", (round(210 * mm), round(297 * mm)), 245)
    d = ImageDraw.Draw(im)

    def centre(x: float, y: float, text: str, font: ImageFont.FreeTypeFont) -> None:
        d.text((x * mm - d.textlength(text, font=font) / 2, y * mm), text, font=font, fill=25)

    y = 20.0
    for text, bold in left:
        centre(52, y, text, _font(12.5, bold))
        y += 6.5
    centre(52, y + 2, number, _font(13))
    centre(140, 20, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", _font(12.5, True))
    centre(140, 26.5, "Độc lập - Tự do - Hạnh phúc", _font(13.5, True))
    centre(140, 36, "Hà Nội, ngày 16 tháng 6 năm 2025", _font(13.5, italic=True))
    centre(105, 58, title, _font(14, True))
    centre(105, 65, "Về việc sắp xếp các đơn vị hành chính cấp xã năm 2025", _font(14, True))
    y = 80.0
    for para in body:
        d.text((30 * mm, y * mm), para, font=_font(12.5), fill=25)
        y += 9
    y += 10
    for i, line in enumerate(signer):
        centre(150, y + 7 * i + (12 if i == len(signer) - 1 else 0), line, _font(13.5, i < len(signer) - 1))
    d.text((30 * mm, y * mm), "Nơi nhận:", font=_font(12, True, True), fill=25)
    d.text((30 * mm, (y + 6) * mm), "- Như Điều 3;", font=_font(11), fill=25)
    d.text((30 * mm, (y + 11) * mm), "- Lưu: VT.", font=_font(11), fill=25)
    return im


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    """Three scans processed into an archive: their records by scan name."""
    from archivist.pipeline import Settings, process

    scans = tmp_path_factory.mktemp("national-scans")
    # a resolution whose legislature number was typed with a lower-case l (it reads as l, I or 1)
    _page([("ỦY BAN THƯỜNG VỤ QUỐC HỘI", True)], "Nghị quyết số: 1656/NQ-UBTVQHl5", "NGHỊ QUYẾT",
          ["TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI", "CHỦ TỊCH", "Trần Thanh Mẫn"]).save(scans / "nq.jpg", dpi=(DPI, DPI),
                                                                              quality=85)
    # a decree whose symbol reads HĐ (a contract's code) under the heading NGHỊ ĐỊNH
    _page([("CHÍNH PHỦ", True)], "Số: 150/2025/HĐ-CP", "NGHỊ ĐỊNH",
          ["TM. CHÍNH PHỦ", "THỦ TƯỚNG", "Phạm Minh Chính"]).save(scans / "nd.jpg", dpi=(DPI, DPI), quality=85)
    # a commune decision whose parent body's name was set without the space (QUỲNHLƯU)
    _page([("UBND HUYỆN QUỲNHLƯU", False), ("ỦY BAN NHÂN DÂN", True), ("XÃ TIÊN PHONG", True)], "Số: 45/QĐ-UBND",
          "QUYẾT ĐỊNH", ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Bùi Quốc Nam"]).save(scans / "qd.jpg", dpi=(DPI, DPI),
                                                                                quality=85)
    # a commune decision as the OCR misreads one: a district no unit list knows (QUỲNH LỬU), PHÓ lost under
    # KT., and a phrase with a wrong mark in the text (tống hợp)
    _page([("UBND HUYỆN QUỲNH LỬU", False), ("ỦY BAN NHÂN DÂN", True), ("XÃ QUỲNH HẬU", True)], "Số: 46/QĐ-UBND",
          "QUYẾT ĐỊNH", ["KT. CHỦ TỊCH", "CHỦ TỊCH", "Bùi Quốc Nam"],
          _BODY + ("Điều 3. Văn phòng tống hợp kết quả, báo cáo Ủy ban nhân dân xã.",)).save(
        scans / "flags.jpg", dpi=(DPI, DPI), quality=85)
    archive = tmp_path_factory.mktemp("national") / "archive"
    report = process([scans], archive, Settings(workers=1, pdfa="1b"))
    assert not report.failures
    records = [json.loads(p.read_text(encoding="utf-8")) for p in (archive / "documents").glob("*.json")]
    return {Path(r["source"]["paths"][0]).stem: r | {"_archive": str(archive)} for r in records}


def test_legislature_number_read_by_its_grammar(national: dict[str, dict]) -> None:
    meta = national["nq"]["metadata"]
    assert meta["type"] == "Nghị quyết"
    assert meta["number_symbol"] == "1656/NQ-UBTVQH15"
    f = meta["fields"]["number_symbol"]
    if f.get("read", meta["number_symbol"]) != meta["number_symbol"]:  # the OCR gave l or I: the grammar decided
        assert f["changes"] and f["review"] and "number_symbol" in meta["needs_review"]


def test_decree_symbol_follows_its_heading_and_is_flagged(national: dict[str, dict]) -> None:
    meta = national["nd"]["metadata"]
    assert meta["type"] == "Nghị định"  # never a contract
    assert meta["number_symbol"] == "150/2025/NĐ-CP"
    f = meta["fields"]["number_symbol"]
    assert "HĐ" in f["read"] and any("NĐ" in c for c in f["changes"]) and "number_symbol" in meta["needs_review"]
    assert meta["issuer"] == "CHÍNH PHỦ"


def test_run_together_body_name_is_split_in_record_and_text(national: dict[str, dict]) -> None:
    rec = national["qd"]
    assert rec["metadata"]["parent_issuer"] == "UBND HUYỆN QUỲNH LƯU"
    assert "QUỲNH LƯU" in rec["pages"][0]["text"]
    assert rec["metadata"]["number_symbol"] == "45/QĐ-UBND" and "number_symbol" not in rec["metadata"]["needs_review"]


def test_wrong_values_with_evidence_against_them_are_flagged_whatever_their_confidence(national: dict[str, dict]):
    """Issue 14 item 9 end to end: the OCR is sure of what is printed, the evidence says it is wrong."""
    meta = national["flags"]["metadata"]
    parent, position = meta["fields"]["parent_issuer"], meta["fields"]["signer_position"]
    # the district no unit list knows, one mark from the one listed district (QUỲNH LỬU), is read back as it
    # (unitmarks, session 49): the misread mended rather than flagged
    assert meta["parent_issuer"] == "UBND HUYỆN QUỲNH LƯU" and "no administrative unit" not in parent.get("review", "")
    assert meta["signer_position"] == "CHỦ TỊCH" and "deputy" in position["review"]
    assert "signer_position" in meta["needs_review"]
    assert "tổng hợp" in national["flags"]["pages"][0]["text"]  # the phrase read back in the page text


def test_national_series_pdfs_pass_preflight(national: dict[str, dict]) -> None:
    archive = Path(next(iter(national.values()))["_archive"])
    pdfs = sorted((archive / "documents").glob("*.pdf"))
    assert len(pdfs) == 4
    assert_valid_pdfs(pdfs)
