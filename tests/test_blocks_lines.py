"""Third round of ``--layout blocks`` (session 26): one line's pieces read as one block, a row of signature
columns continued over the signatures and names under it, and a block under a seal read both ways with its
specks dropped (archivist/blocks.py, archivist/ocr.py)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from archivist.blocks import Block as B
from archivist.blocks import drop_specks, find_blocks, join_line_pieces, reading_order, text_score
from archivist.models import Word
from archivist.seals import Seal, under_seal
from tests.textpage import FONT

DPI = 200


def test_pieces_of_one_line_join_into_one_block() -> None:
    number, date = B(20, 100, 60, 112), B(120, 100, 220, 113)  # one line each, same height, far apart
    assert join_line_pieces([number, date], line=20) == [B(20, 100, 220, 113)]
    # two lines tall, or something else between them: left apart
    assert join_line_pieces([B(20, 100, 60, 130), B(120, 100, 220, 131)], line=20) == [
        B(20, 100, 60, 130), B(120, 100, 220, 131)]
    between = B(80, 95, 100, 120)
    assert join_line_pieces([number, date, between], line=20) == [number, date, between]
    # one above the other: not one line
    assert join_line_pieces([B(20, 100, 60, 112), B(20, 130, 60, 142)], line=20) == [
        B(20, 100, 60, 112), B(20, 130, 60, 142)]


def _page(lines: list[tuple[str, float, float]]) -> np.ndarray:
    im = Image.new("L", (int(8.27 * DPI), int(11.69 * DPI)), 240)
    d = ImageDraw.Draw(im)
    font = ImageFont.truetype(FONT, int(13 / 72 * DPI))
    for text, x, y in lines:
        d.text((int(x * DPI), int(y * DPI)), text, font=font, fill=25)
    return np.asarray(im)


def test_number_and_date_on_one_line_are_one_block() -> None:
    gray = _page([("UBND HUYỆN AN PHÚ", 0.9, 0.7), ("ỦY BAN NHÂN DÂN", 0.9, 0.94),
                  ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 3.9, 0.7), ("Độc lập - Tự do - Hạnh phúc", 3.9, 0.94),
                  ("Số: 22/QĐ-UBND", 1.1, 1.45), ("Tân Phú, ngày 12 tháng 3 năm 2024", 4.1, 1.45),
                  ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", 0.9, 2.2)])
    blocks = find_blocks(gray, DPI)
    assert blocks is not None
    y = int(1.52 * DPI)
    on_line = [b for b in blocks if b.y0 < y < b.y1]
    assert len(on_line) == 1 and on_line[0].x0 < 1.15 * DPI and on_line[0].x1 > 6.5 * DPI


def test_signature_columns_read_one_after_the_other() -> None:
    """``NGƯỜI ĐƯỢC ỦY QUYỀN`` / ``NGƯỜI ỦY QUYỀN``: titles on one row, signatures and names under them cut
    off by a small gap; each column is read to its name before the next one starts."""
    title_l, title_r = B(10, 100, 90, 110), B(150, 100, 230, 118)
    sign_l, name_l = B(30, 125, 70, 140), B(20, 145, 80, 160)
    seal, name_r = B(160, 120, 200, 150), B(160, 155, 220, 165)
    assert reading_order([title_l, title_r, sign_l, name_l, seal, name_r]) == [
        title_l, sign_l, name_l, title_r, seal, name_r]
    # a paragraph across both columns starts a row of its own
    body = B(10, 125, 230, 160)
    assert reading_order([title_r, body, title_l]) == [title_l, title_r, body]


def _w(text: str, box: tuple[int, int, int, int], conf: float = 90.0) -> Word:
    return Word(text, conf, box, 0)


def test_a_seals_specks_are_dropped_bullets_and_words_kept() -> None:
    speck, bullet = _w("_", (100, 100, 104, 104)), _w("-", (100, 200, 112, 204))  # 0.5 mm; 1.5 mm wide at 200 dpi
    title = _w("TỊCH", (120, 100, 200, 130))
    assert drop_specks([speck, title, bullet], DPI) == [title, bullet]
    # a ring's arc read as a mark opening the title's line goes; a bullet opening a list's line stays
    ring, chu = Word("/", 87.0, (60, 300, 80, 340), 3), Word("CHỦ", 91.0, (100, 300, 180, 340), 3)
    item = Word("Như", 95.0, (120, 200, 170, 230), 0)
    assert drop_specks([ring, chu], DPI) == [chu]
    assert drop_specks([replace(bullet, line=5), replace(item, line=5)], DPI) == [replace(bullet, line=5),
                                                                               replace(item, line=5)]


def test_text_score_counts_confident_letters_less_marks() -> None:
    assert text_score([_w("CHỦ", (0, 0, 1, 1)), _w("TỊCH", (0, 0, 1, 1)), _w("/", (0, 0, 1, 1))]) == 6
    assert text_score([_w("Hồ", (0, 0, 1, 1), 30.0)]) == 0


def test_under_seal() -> None:
    block = B(100, 100, 300, 200)
    assert under_seal(block, Seal(350, 150, 60)) and under_seal(block, Seal(200, 150, 10))
    assert not under_seal(block, Seal(400, 150, 60))
