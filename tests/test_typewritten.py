"""Typewritten pages told apart by their fixed pitch (session 27): a typed page's gaps between letters repeat
at the carriage's step, a printed page's do not; their bodies' strikes evened out and thickened, their headers
read as on any other page (session 28: bench/RESULTS.md, "Typewritten pages, header kept")."""

from __future__ import annotations

import functools
import json
import random
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from archivist import restore, typewritten
from samples import pictures
from samples.layout import font, typeface


def _pages(seed: int, dpi: int) -> tuple[np.ndarray, np.ndarray]:
    """A typewritten page (pica, every strike its own darkness, one bit) and the same lines printed in
    Liberation Serif 13 pt, as grey arrays."""
    im, text = pictures.typewriter(random.Random(seed), dpi)
    printed = Image.new("L", im.size, 255)
    d = ImageDraw.Draw(printed)
    f = font("regular", round(13 / 72 * dpi))
    for i, line in enumerate(text.split("\n")):
        d.text((round(1.1 * dpi), dpi + i * round(0.25 * dpi)), line, font=f, fill=20)
    return np.asarray(im.convert("L")), np.asarray(printed)


@pytest.mark.parametrize("dpi", [200, 300])
def test_typed_page_told_from_printed(dpi: int) -> None:
    typed, printed = _pages(1, dpi)
    score, pitch = typewritten.pitch_score(typed, dpi)
    assert score > 1.5 * typewritten.TYPED and abs(pitch - 2.54) < 0.1  # pica: ten characters an inch
    assert typewritten.typewritten(typed, dpi)
    assert typewritten.pitch_score(printed, dpi)[0] < typewritten.TYPED / 1.5
    assert not typewritten.typewritten(printed, dpi)
    assert typewritten.pitch_score(np.full((2339, 1654), 255, np.uint8), 200) == (0.0, 0.0)


def test_only_typed_pages_get_even_strikes() -> None:
    typed, printed = _pages(2, 200)
    page = ["flatten", "even strikes", "thicken"]  # the whole page (session 27's candidates)
    whole = {"typed_rows": "page", "read_apart": ""}
    assert restore.prepare(typed, 200, restore.Recipe(**whole)).steps == page
    assert "even strikes" not in restore.prepare(printed, 200).steps
    assert restore.prepare(typed, 200, restore.Recipe(typed_pages="all, faint thickened", **whole)).steps[-1] == \
        "even strikes"  # well inked
    assert "even strikes" not in restore.prepare(typed, 200, restore.Recipe(typed_pages="faint")).steps  # well inked
    # adopted: below the title (no header of two columns here), which is read from the page as it was
    assert restore.prepare(typed, 200).steps == [*page, "the rest read apart"]
    assert "even strikes" not in restore.prepare(printed, 200).steps


def test_even_strikes_darkens_a_light_letter_alone() -> None:
    im = np.full((60, 200), 255, np.uint8)
    im[20:40, 20:24] = 30  # a hard strike
    im[20:40, 120:124] = 150  # a light one, far from it
    im[45:50, 60:64] = 220  # grain, lighter than the floor
    out = typewritten.even_strikes(im, 200.0)
    assert out[30, 121] < 10 and out[30, 21] < 40  # both as dark as ink gets
    assert (out[45:50, 60:64] == 220).all() and out[5, 5] == 255  # grain and paper untouched



BODY = ("Cuộc họp thống nhất giao công chức Địa chính - Xây dựng hoàn chỉnh hồ sơ, trình Chủ tịch Ủy ban nhân "
        "dân xã xem xét, quyết định. Ý kiến của đồng chí Lê Tiến Thịnh, Trưởng thôn Yên Lạc: thống nhất với dự "
        "thảo, đề nghị bổ sung 27 hộ có hoàn cảnh đặc biệt khó khăn. Kết quả biểu quyết: 59/59 thành viên dự họp "
        "nhất trí, đạt tỷ lệ 100%. Cuộc họp kết thúc vào 10 giờ 30 phút cùng ngày; biên bản đã được đọc lại cho "
        "các thành viên dự họp cùng nghe và nhất trí thông qua. ").split() * 2


def _letter(dpi: int, typed: bool = True) -> tuple[np.ndarray, int, int]:
    """A commune's minutes laid out as the typewriter group's (header in two columns, the number and the date,
    a bold title, twelve lines of body, the signature block in two columns) at ``dpi``; typed: each letter
    struck in its cell of a 12 pt mono face, a darkness of its own; else the lines printed in a serif face. With
    the rows of the body's first line's top and its last line's bottom."""
    mm = dpi / 25.4
    im = Image.new("L", (round(210 * mm), round(297 * mm)), 255)
    d = ImageDraw.Draw(im)
    r = random.Random(3)
    with typeface("mono" if typed else "serif"):
        fonts = {s: font(s, round(12 / 72 * dpi)) for s in ("regular", "bold", "italic")}
    cell = fonts["regular"].getlength("M")

    def line(x: float, y: float, text: str, style: str = "regular") -> None:
        if not typed:
            d.text((x * mm, y * mm), text, font=fonts[style], fill=r.randint(0, 60))
            return
        for i, ch in enumerate(text):
            d.text((x * mm + i * cell, y * mm), ch, font=fonts[style], fill=r.randint(0, 120))

    line(22, 20, "UBND HUYỆN ĐÔNG TRIỀU")
    line(112, 20, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "bold")
    line(28, 26, "ỦY BAN NHÂN DÂN", "bold")
    line(122, 26, "Độc lập - Tự do - Hạnh phúc", "bold")
    line(34, 32, "XÃ KIM SƠN", "bold")
    line(26, 40, "Số: 207/BB-UBND")
    line(100, 47, "Xã Kim Sơn, ngày 25 tháng 3 năm 2005", "italic")
    line(92, 58, "BIÊN BẢN", "bold")
    words, y = list(BODY), 70.0
    for _ in range(12):
        text = ""
        while words and len(text) + len(words[0]) + 1 <= 64:
            text += ("" if not text else " ") + words.pop(0)
        line(20, y, text)
        y += 6
    line(30, y + 8, "THƯ KÝ", "bold")
    line(140, y + 8, "CHỦ TỌA", "bold")
    line(22, y + 30, "Hồ Ngọc Huyền", "bold")
    line(130, y + 30, "Mai Phương Thơm", "bold")
    return np.asarray(im), round(70 * mm), round((y - 6 + 6) * mm)


def test_typed_body_is_below_the_header_and_the_date() -> None:
    page, body_top, body_bottom = _letter(200)
    top, bottom = typewritten.typed_body(page, 200, "body")
    assert round(64 * 200 / 25.4) < top <= body_top  # under the title, over the first line of the body
    assert body_bottom - 6 * 200 / 25.4 < bottom < body_bottom + 10 * 200 / 25.4  # over the signature block
    assert typewritten.typed_body(page, 200, "below header") == (top, page.shape[0])
    assert typewritten.typed_body(_letter(200, typed=False)[0], 200) is None  # printed: not typed


@pytest.mark.parametrize("dpi", [200, 300])
def test_typed_page_restored_below_its_header_only(dpi: int) -> None:
    """The gate (restore.Recipe.typed_pages) on a typed page: the body evened out and thickened, the header and the
    date line as on any other page and read on their own (read_apart="header"); a printed page as it was."""
    page, _, _ = _letter(dpi)
    plain = restore.prepare(page, dpi, restore.Recipe(typed_pages=""))
    prep = restore.prepare(page, dpi, restore.Recipe(read_apart="header"))
    top, _ = typewritten.typed_body(restore.flatten_background(page, dpi), dpi, "below header")
    assert prep.steps[-3:] == ["even strikes", "thicken", "the rest read apart"]
    assert prep.plain is not None and np.array_equal(prep.plain, plain.image[:top])  # the header untouched
    assert (prep.image[:top] == 255).all()  # ... and read apart, not with the restored body
    assert not np.array_equal(prep.image[top:], plain.image[top:])  # the body restored
    printed, _, _ = _letter(dpi, typed=False)
    after = restore.prepare(printed, dpi, restore.Recipe(read_apart="header"))
    untold = restore.prepare(printed, dpi, restore.Recipe(typed_pages=""))
    assert after.plain is None and np.array_equal(after.image, untold.image)


@pytest.mark.slow
def test_typed_letter_end_to_end_loses_fewer_words_no_field(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A generated typewritten letter (seed 4: one page, 200 dpi, worn ribbon) through the pipeline as main read
    it (no typed page restored) and as adopted (its body evened out and thickened, its header read from the page
    as it was): fewer of its words lost (71 -> 60 of 228 when measured) and every field read before still read."""
    from archivist.metrics import bag_of_words_error, words
    from archivist.pipeline import Settings, process
    from bench.accuracy import FIELDS, _norm
    from samples.generate import generate

    (truth,) = generate(tmp_path / "set", seed=4, n_docs=1, groups=["typewriter"])
    adopted = restore.prepare
    untold = functools.partial(adopted, recipe=restore.Recipe(typed_pages=""))
    got = {}
    for name, prepare in (("before", untold), ("after", adopted)):
        monkeypatch.setattr(restore, "prepare", prepare)
        process([tmp_path / "set" / "scans"], tmp_path / name, Settings(workers=1, page_timeout=0))
        (rec,) = [json.loads(p.read_text(encoding="utf-8")) for p in (tmp_path / name / "documents").glob("*.json")]
        lost = sum(round(bag_of_words_error(t["text"], r["text"]) * len(words(t["text"])))
                   for t, r in zip(truth["pages"], rec["pages"], strict=True))
        right = {label for label, key, tkey in FIELDS
                 if _norm(rec["metadata"].get(key)) == _norm(truth["metadata"].get(tkey))}
        got[name] = lost, right
    assert got["after"][0] < got["before"][0]
    assert got["after"][1] >= got["before"][1]
