"""Fourth round of ``--layout blocks`` (session 26): the subject under the number and the place and date beside
it, closer than the smear, are cut apart at the header's column gap (archivist/blocks.py ``split_at_gap``);
word spaces, one-line blobs and blobs away from the gap are left whole. Fifth round (session 28): the header's
own two columns, joined into one blob above the number and the date, are cut apart too (``cut_header``)."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from archivist.blocks import Block as B
from archivist.blocks import find_blocks, header_gap, split_at_gap
from tests.textpage import FONT

DPI = 200
MM = DPI / 25.4


def _header(subject_gap_mm: float) -> tuple[np.ndarray, float, float]:
    """A generated header; the date starts ``subject_gap_mm`` right of the subject's first line. Returns the
    page and where (inches) the subject's first line ends and the date starts."""
    im = Image.new("L", (int(8.27 * DPI), int(11.69 * DPI)), 240)
    d = ImageDraw.Draw(im)
    font = ImageFont.truetype(FONT, int(13 / 72 * DPI))
    first = "V/v tổ chức thu gom rác thải sinh"
    end = 0.9 + d.textlength(first, font=font) / DPI
    start = end + subject_gap_mm / 25.4
    for text, x, y in [("UBND HUYỆN AN PHÚ", 0.9, 0.7), ("ỦY BAN NHÂN DÂN", 0.9, 0.94),
                       ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 3.9, 0.7), ("Độc lập - Tự do - Hạnh phúc", 3.9, 0.94),
                       ("Số: 223/UBND-TC", 1.1, 1.25), (first, 0.9, 1.5), ("hoạt tại các thôn, ấp", 1.3, 1.72),
                       ("Tân Phú, ngày 14 tháng 10 năm 2009", start, 1.5),
                       ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", 0.9, 2.4)]:
        d.text((int(x * DPI), int(y * DPI)), text, font=font, fill=25)
    return np.asarray(im), end, start


def test_subject_and_date_beside_it_are_cut_apart() -> None:
    gray, end, start = _header(3.0)
    blocks = find_blocks(gray, DPI)
    assert blocks is not None
    on_line = [b for b in blocks if b.y0 < int(1.58 * DPI) < b.y1]
    # the subject (two lines, ending before the date) and the date (one line, from its start)
    assert len(on_line) == 2, on_line
    subject, date = sorted(on_line, key=lambda b: b.x0)
    assert subject.x1 < start * DPI and subject.y1 > 1.8 * DPI
    assert date.x0 > end * DPI and date.y1 < subject.y1 - 0.15 * DPI  # one line shorter
    # the header read column by column: issuer, number, subject, then motto, date; then the body
    assert [b.x0 < 3 * DPI for b in blocks[:5]] == [True, True, True, False, False]
    assert blocks[2] == subject and blocks[4] == date


def test_header_gap_is_the_topmost_pair_side_by_side() -> None:
    issuer, motto = B(20, 10, 100, 40), B(106, 10, 220, 30)
    body = B(20, 80, 220, 120)
    assert header_gap([body, motto, issuer]) == (10, 40, 103.0)
    assert header_gap([body, issuer, B(150, 10, 220, 30)]) == (10, 40, 125.0)
    assert header_gap([body]) is None
    assert header_gap([issuer, B(120, 60, 220, 80)]) is None  # not at one height


def _ink(w: int, h: int, gaps: list[tuple[int, int]]) -> np.ndarray:
    ink = np.ones((h, w), bool)
    for x0, x1 in gaps:
        ink[:, x0:x1] = False
    return ink


def test_split_at_gap_only_down_a_wide_channel_near_the_gap() -> None:
    b = B(100, 50, 300, 80)
    ink = _ink(200, 30, [(95, 103)])  # an 8 px channel at 195-203
    ink[10:, 103:] = False  # the right piece is one line, the left two
    left, right = split_at_gap(b, ink, gap=190.0, channel=6, near=30.0, smear=(12, 6))
    assert left == B(100, 50, 195, 80) and right == B(203, 50, 300, 63)
    assert split_at_gap(b, ink, gap=190.0, channel=9, near=30.0, smear=(12, 6)) == [b]  # a word space
    assert split_at_gap(b, ink, gap=120.0, channel=6, near=30.0, smear=(12, 6)) == [b]  # away from the gap
    assert split_at_gap(b, _ink(200, 30, []), gap=190.0, channel=6, near=30.0, smear=(12, 6)) == [b]


def _joined_header(join_mm: float, line_above: bool = False) -> tuple[np.ndarray, float, float]:
    """A generated header whose parent issuer's line ends ``join_mm`` before the motto's (HG42 ``twocol-38``: the
    two columns one blob); bold issuer lines centred under it; ``line_above``: a line of text above it (then it
    is not the page's first lines). Returns the page and where (pixels) the parent issuer ends and the motto
    starts."""
    im = Image.new("L", (int(8.27 * DPI), int(11.69 * DPI)), 240)
    d = ImageDraw.Draw(im)
    font = ImageFont.truetype(FONT, int(13 / 72 * DPI))
    bold = ImageFont.truetype(FONT.replace("Regular", "Bold"), int(13 / 72 * DPI))
    parent, x = "UBND HUYỆN NHƠN TRẠCH", 0.8 * DPI
    end = x + d.textlength(parent, font=font)
    start = end + join_mm * MM
    middle = (x + end) / 2
    lines = [(parent, x, 0.7, font), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", start, 0.7, bold),
             ("Độc lập - Tự do - Hạnh phúc", start + 0.35 * DPI, 0.92, bold),
             ("Số: 172/UBND-VX", 1.0 * DPI, 1.5, font),
             ("Xã Phước Thiền, ngày 19 tháng 12 năm 2008", 4.4 * DPI, 1.5, font),
             ("Thực hiện Công văn số 96/UBND-NV ngày 24 tháng 8 năm 2008 của Ủy ban nhân dân", 0.8 * DPI, 2.1, font)]
    if line_above:
        lines.append(("ban nhân dân xã trước ngày 25/02/2019.", 0.8 * DPI, 0.35, font))
    for text in ("ỦY BAN NHÂN DÂN", "XÃ PHƯỚC THIỀN"):
        lines.append((text, middle - d.textlength(text, font=bold) / 2, 0.92 if "BAN" in text else 1.14, bold))
    for text, left, y, f in lines:
        d.text((int(left), int(y * DPI)), text, font=f, fill=25)
    return np.asarray(im), end, start


def test_header_columns_joined_into_one_blob_are_cut_apart() -> None:
    gray, end, start = _joined_header(2.2)
    blocks = find_blocks(gray, DPI)
    assert blocks is not None
    top = [b for b in blocks if b.y0 < int(0.8 * DPI)]
    assert len(top) == 2, top  # the issuer's column and the motto's, read one after the other
    issuer, motto = top
    assert issuer.x1 < start and motto.x0 > end and issuer.y1 > motto.y1 + 0.15 * DPI  # a line more
    assert blocks[:2] == top


def test_header_columns_a_narrow_channel_apart_stay_one_block() -> None:
    gray, _, _ = _joined_header(0.5)  # a channel of 1 mm at 75 dpi (the letters' sides too): a word space's
    blocks = find_blocks(gray, DPI)
    assert blocks is not None
    assert len([b for b in blocks if b.y0 < int(0.8 * DPI)]) == 1


def test_joined_columns_cut_only_as_the_pages_first_lines() -> None:
    gray, _, _ = _joined_header(2.2, line_above=True)  # a paragraph's end above: not the header (HG36 clean-01 p. 2)
    blocks = find_blocks(gray, DPI)
    assert blocks is not None
    assert len([b for b in blocks if int(0.6 * DPI) < b.y0 < int(0.8 * DPI)]) == 1
