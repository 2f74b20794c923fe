"""A type its title and its number's code both name is not doubted by another type's vocabulary alone
(archivist/classify.py :data:`HEADER_READINGS`; bench/RESULTS.md, "Flags, tone twins (session 49)"): every
memorandum (``BẢN GHI NHỚ``, ``213/GNH-UBND``) writes ``bên A``, ``bên B``, ``hai bên``, the vocabulary of ``Hợp
đồng``, and was sent to review at 0.67 for it. The header's lines are AT438 26-gnh-213's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archivist.classify import PageText, classify

HEADER = ("UBND HUYỆN THỦY NGUYÊN\nỦY BAN NHÂN DÂN\nXÃ ĐÔNG SƠN\n{number}"
          "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nXã Đông Sơn, ngày 23 tháng 10 năm 2009\n"
          "{title}\nVề hợp tác phát triển du lịch cộng đồng tại thôn Thượng\n")
BODY = ("Hôm nay, hai bên gồm có:\nBÊN A: Ủy ban nhân dân xã Đông Sơn\nBÊN B: Hợp tác xã Thượng\n"
        "Hai bên thống nhất ghi nhớ các điều khoản sau:\n")


def _classify(number: str, title: str):
    text = HEADER.format(number=f"Số: {number}\n" if number else "", title=title) + BODY
    return classify([PageText(1, text)])


def test_title_and_code_agreeing_outweigh_another_types_words() -> None:
    c = _classify("213/GNH-UBND", "BẢN GHI NHỚ")
    assert c.type == "Bản ghi nhớ" and not c.needs_review and c.confidence >= 0.9
    assert not any(s.startswith("against:") for s in c.signals)


def test_the_title_alone_is_still_doubted_by_them() -> None:
    c = _classify("", "BẢN GHI NHỚ")  # no number read: one reading of the type
    assert c.type == "Bản ghi nhớ" and c.needs_review
    assert any(s.startswith("against: Hợp đồng") for s in c.signals)


def test_a_code_against_the_title_still_doubts_it() -> None:
    c = _classify("213/HĐ-UBND", "BẢN GHI NHỚ")  # the code names the rival: title and code disagree
    assert c.needs_review


@pytest.mark.slow
def test_a_generated_memorandum_is_typed_without_review_through_process(tmp_path: Path) -> None:
    """End to end: the fifth document of seed 464's all-types set (``generate.py --docs 42 --types all
    --layout-era mixed``, fields48's held-out AT464), a one-page memorandum of Xuân Trường, ``190/GNH-UBND``, whose
    ``BÊN A``, ``BÊN B``, ``Hai bên … các điều khoản`` sent it to review at 0.67 before this rule."""
    from click.testing import CliRunner

    from archivist.cli import main
    from samples.generate import generate

    (truth,) = generate(tmp_path / "set", seed=464, n_docs=42, types="all", layout_era="mixed", only=[4])
    assert truth["document"] == "05-gnh-190-xuan-truong" and truth["type"] == "Bản ghi nhớ"
    res = CliRunner().invoke(main, ["process", str(tmp_path / "set" / "scans"), "--archive", str(tmp_path / "out"),
                                    "--workers", "1"])
    assert res.exit_code == 0, res.output
    (path,) = (tmp_path / "out" / "documents").glob("doc-*.json")
    meta = json.loads(path.read_text(encoding="utf-8"))["metadata"]
    assert meta["type"] == "Bản ghi nhớ" and meta["number_symbol"] == "190/GNH-UBND"
    assert meta["confidence"] >= 0.9 and "type" not in meta["needs_review"]
    assert any(s.startswith("symbol GNH") for s in meta["signals"])
    assert not any(s.startswith("against:") for s in meta["signals"])
