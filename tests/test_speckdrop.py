"""Speck tokens dropped from a value's line (issue 14, session 40 second round, :mod:`archivist.speckdrop`): a token
of marks only, its box small beside the line's words and apart from them, is a speck read as a token of its own
(this session's speckled sets: subjects ``… xã . „ tại …``, ``… 2016 *``, a person ``Huỳnh Văn Long ˆ``). The
punctuation a value needs alone (a dash between words, a list's comma, a bracket, a stroke) stays, and so does a
mark as tall as the letters or glued to a word."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from archivist.ocrtext import Line
from archivist.speckdrop import drop_specks, speck_spans
from tests.test_flag_evidence import FOOT, _extract, _page

DROPPED = "dropped: a speck read as a token of its own (its box small and apart from the words)"


def _line(*tokens: tuple[str, int] | str, gap: int = 12) -> Line:
    """A line of ``tokens``, each a word (30 px high) or ``(mark, height)``, 14 px a character, ``gap`` apart
    (a negative gap makes a token's box touch the one before it)."""
    text, spans, x = "", [], 100
    for tok in tokens:
        word, h = (tok, 30) if isinstance(tok, str) else tok
        text += " " if text else ""
        spans.append((len(text), len(text) + len(word), (x, 130 - h, x + 14 * len(word), 130), 90.0))
        text += word
        x += 14 * len(word) + gap
    return Line(1, 0, text, spans)


def test_the_cases_specks_are_dropped_and_said() -> None:
    line = _line("thôn", "Đông", "xã", (".", 6), ("„", 8), "tại", "hội", "trường")
    kept, changes = drop_specks(line)
    assert kept.text == "thôn Đông xã tại hội trường"
    assert changes == [f"'.' {DROPPED}", f"'„' {DROPPED}"]
    assert [kept.text[a:b] for a, b, _, _ in kept.spans] == kept.text.split()  # the boxes kept with their words
    assert drop_specks(_line("năm", "2016", ("*", 12)))[0].text == "năm 2016"
    assert drop_specks(_line("Huỳnh", "Văn", "Long", ("ˆ", 9)))[0].text == "Huỳnh Văn Long"
    assert drop_specks(_line("cầm", ("\\", 14), "năm"))[0].text == "cầm năm"


def test_the_punctuation_a_value_needs_stays() -> None:
    for needed in ("-", "–", ",", ";", "(", ")", "/", "%", "&"):
        line = _line("kinh", "tế", (needed, 4), "xã", "hội")
        assert drop_specks(line) == (line, []), needed


def test_a_tall_mark_or_one_glued_to_a_word_stays() -> None:
    assert speck_spans(_line("năm", "2016", ("*", 28))) == []  # as tall as the letters: a letter misread
    assert speck_spans(_line("năm", "2016", ("*", 12), gap=-2)) == []  # touching the year: the year's
    assert speck_spans(_line("năm", "2016*")) == []  # inside a word: the debris flags judge it
    assert speck_spans(Line(1, 0, "xã . „ tại")) == []  # no boxes: nothing to show it is a speck
    assert speck_spans(_line((".", 6), ("„", 8))) == []  # no word beside it to measure against


def test_a_line_of_a_speck_alone_is_measured_against_the_values_other_lines() -> None:
    """The engine cuts a speck far from the words into a line of its own (seed 153's subject ``… năm 2005`` / ``ˆ``,
    seed 155's ``… năm 2016`` / ``*``): its size is judged by the words of the value's other lines."""
    alone = _line(("ˆ", 4))
    assert speck_spans(alone, tall=30) == [0] and speck_spans(_line(("*", 26)), tall=30) == []
    kept, changes = drop_specks(alone, tall=30)
    assert kept.text == "" and changes == [f"'ˆ' {DROPPED}"]


HEAD = [[(100, "UBND HUYỆN QUỲNH LƯU")], [(100, "ỦY BAN NHÂN DÂN")], [(100, "XÃ QUỲNH HẬU")],
        [(100, "Số: 118/TB-UBND"), (1000, "Quỳnh Hậu, ngày 21 tháng 3 năm 2016")], [(600, "THÔNG BÁO")],
        [(400, "Về việc lịch trực Tết Nguyên đán năm 2016 *")],
        [(100, "Ủy ban nhân dân xã thông báo để các cơ quan, đơn vị được biết.")]]


def test_a_subjects_speck_is_dropped_through_extract_and_the_value_says_so() -> None:
    meta = _extract(_page(HEAD + FOOT, tall={"*": -18}))  # the star's box 12 px high beside words 30 px
    assert meta.subject.value == "Về việc lịch trực Tết Nguyên đán năm 2016"
    assert meta.subject.changes == [f"'*' {DROPPED}"]
    assert meta.subject.read == "Về việc lịch trực Tết Nguyên đán năm 2016 *"
    assert "subject" not in meta.needs_review
    tall = _extract(_page(HEAD + FOOT))  # the star as tall as the letters: kept, and the debris flag stands
    assert tall.subject.value.endswith("2016 *") and "subject" in tall.needs_review


def test_a_dropped_specks_low_confidence_stays_the_subjects() -> None:
    """The speck is dropped from the value, not its doubt: read at 20, it keeps the subject under review as it did
    with the speck in it (sealed HG137's wrong form subject, ``: Họ, chữ đệm, tên: …``, flagged at 0.57 only by its
    ``:``, would otherwise have stood at 0.723 unflagged)."""
    weak = _page(HEAD + FOOT, conf={"*": 20.0}, tall={"*": -18})
    kept = _extract(weak)
    assert kept.subject.value == "Về việc lịch trực Tết Nguyên đán năm 2016" and kept.subject.changes
    sure = _extract(_page(HEAD + FOOT, tall={"*": -18}))
    assert kept.subject.confidence == round(sure.subject.confidence * (0.5 + 0.5 * 0.2) / (0.5 + 0.5 * 0.95), 3)
    assert "subject" in kept.needs_review and "subject" not in sure.needs_review


@pytest.mark.slow
def test_a_generated_speckled_subjects_speck_is_dropped_end_to_end(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A generated speckled notice (seed 173, its sixth document: 200 dpi, JPEG) through ``archivist process``: the
    engine reads a speck before its subject as a token of its own (``_ Về việc lịch trực …``), at a confidence far
    under the words'. Since session 41 the page's reading drops a lone stroke (:func:`archivist.speckread.
    lone_stroke`), so the record stores the printed subject as read, with no speck in it. With that step off (in
    this process: the command reads pages in a fork server's workers) the speck reaches the value, and the value
    rule takes it: the record stores the printed subject, says the speck was dropped and keeps the line as read;
    the speck's low confidence stays the subject's (a rule, not the pixels, took it out: sealed HG137's wrong form
    subject would otherwise have lost its flag), so the value is still sent for review."""
    from click.testing import CliRunner

    from archivist import pagework, speckread
    from archivist.cli import main
    from archivist.pipeline import Settings, process
    from samples.generate import generate

    (truth,) = generate(tmp_path / "set", seed=173, n_docs=6, groups=["speckle"], only=[5])  # the set's last
    scan = next((tmp_path / "set" / "scans").glob(f"{truth['document']}*"))
    (tmp_path / "in").mkdir()
    shutil.copy(scan, tmp_path / "in" / scan.name)
    res = CliRunner().invoke(main, ["process", str(tmp_path / "in"), "--archive", str(tmp_path / "out"),
                                    "--workers", "1"])
    assert res.exit_code == 0, res.output
    (record,) = [json.loads(p.read_text(encoding="utf-8")) for p in (tmp_path / "out" / "documents").glob("*.json")]
    subject = record["metadata"]["fields"]["subject"]
    assert subject["value"] == truth["metadata"]["subject"] == "Về việc lịch trực Tết Nguyên đán năm 2009"
    assert "changes" not in subject and "_ Về việc" not in record["pages"][0]["text"]
    monkeypatch.setattr(speckread, "lone_stroke", lambda text: False)
    # and the page's lone specks left in (since session 45 archivist/specklone.py drops this one too, by its ink)
    monkeypatch.setattr(pagework, "drop_lone_specks", lambda ocr, unsmoothed, image: ocr)
    process([tmp_path / "in"], tmp_path / "without", Settings(workers=1, page_timeout=0))
    (record,) = [json.loads(p.read_text(encoding="utf-8"))
                 for p in (tmp_path / "without" / "documents").glob("*.json")]
    subject = record["metadata"]["fields"]["subject"]
    assert subject["value"] == truth["metadata"]["subject"]
    assert subject["read"] == "_ Về việc lịch trực Tết Nguyên đán năm 2009"
    assert subject["changes"] == [f"'_' {DROPPED}"]
    assert "subject" in record["metadata"]["needs_review"]
