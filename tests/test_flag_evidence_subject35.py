"""Review flags for subjects cut short or misspelled (issue 14 item 9, session 35): a subject ending on the word that
opens a body's name (HG112 typewriter-10 qd-093: ``Về việc kiện toàn Ban`` stored at 0.879, unflagged, for ``Về việc
kiện toàn Ban Tiếp công dân xã Đông Sơn``; its second line read ``Tiếp công cân xã Đông Sơ:``, the last ``n`` as a
colon, which stopped the collection), and a syllable alone between two words without the tone mark its commoner
sibling has (AT89 08-2 hd-022 and AT92 07 hd-077: ``sửa chữa câu dân sinh`` for ``cầu``). Flagged, never changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archivist.subjectcut import cut_head, cut_head_doubt
from archivist.subjectlone import lone_mark_doubt, lone_marks, marked_sibling
from tests.pdfcheck import assert_valid_pdfs
from tests.test_flag_evidence import FOOT, HEAD, _extract, _page, _subject_rule_through_extract

TARGET = "Về việc kiện toàn Ban"


@pytest.mark.parametrize(("subject", "head"), [
    (TARGET, "Ban"), ("Về việc thành lập Hội đồng", "Hội đồng"), ("V/v kiện toàn Ủy ban", "Ủy ban"),
    ("Về việc thành lập Tổ,", "Tổ"), ("Về việc kiện toàn Đoàn", "Đoàn"), ("Quy chế hoạt động của Câu lạc bộ",
                                                                            "Câu lạc bộ"),
    ("Về việc thành lập Chi hội", "Chi hội")])
def test_a_subject_ending_on_a_bodys_first_word_is_cut(subject: str, head: str) -> None:
    assert cut_head(subject) == head
    why = cut_head_doubt(subject)
    assert why is not None and f"'{head}'" in why and "the line after it" not in why


@pytest.mark.parametrize("subject", [
    "Về việc kiện toàn Ban Tiếp công dân xã Đông Sơn", "Về việc thành lập Hội đồng thi đua - khen thưởng",
    "Về việc khen thưởng ông Nguyễn Văn Đoàn",  # a person's name ends on it
    "Về việc sửa chữa nhà văn hóa thôn Hội",  # a place's name
    "Bầu cử đại biểu Hội đồng nhân dân xã Xuân Trường", "Nâng cấp, cải tạo sân thể thao xã",
    "Về việc kiện toàn ban",  # no capital: not a body's name as a subject writes one
    "Ban", ""])
def test_a_whole_name_or_a_persons_or_a_places_is_not(subject: str) -> None:
    assert cut_head(subject) is None and cut_head_doubt(subject) is None
    assert cut_head_doubt(None) is None and cut_head_doubt(["Ban"]) is None


def test_the_line_the_collection_stopped_at_is_named() -> None:
    why = cut_head_doubt(TARGET, "Tiếp công cân xã Đông Sơ: ")
    assert why is not None and "'Ban'" in why and "'Tiếp công cân xã Đông Sơ:'" in why


def test_the_subject_through_extract_is_flagged_and_kept() -> None:
    _subject_rule_through_extract(TARGET, "Về việc kiện toàn Ban Tiếp công dân", "'Ban'")


def test_hg112s_page_its_second_line_ending_on_a_colon() -> None:
    """The page as HG112 read it: the second line ends on ``:`` (``Sơ:``), which stops the subject there."""
    at = next(i for i, r in enumerate(HEAD) if r[0][1].startswith("Về việc lịch"))
    rows = HEAD[:at] + [[(400, TARGET)], [(380, "Tiếp công cân xã Đông Sơ:")]] + HEAD[at + 1:] + FOOT
    meta = _extract(_page(rows))
    assert meta.subject.value == TARGET and "subject" in meta.needs_review
    assert "'Tiếp công cân xã Đông Sơ:'" in (meta.subject.review or ""), meta.subject.review
    whole = HEAD[:at] + [[(400, TARGET)], [(380, "Tiếp công dân xã Đông Sơn")]] + HEAD[at + 1:] + FOOT
    kept = _extract(_page(whole))
    assert kept.subject.value == "Về việc kiện toàn Ban Tiếp công dân xã Đông Sơn" and kept.subject.review is None


def test_a_letters_vv_subject_is_judged_too() -> None:
    rows = [[(100, "UBND HUYỆN QUỲNH LƯU")], [(100, "ỦY BAN NHÂN DÂN")], [(100, "XÃ QUỲNH HẬU")],
            [(100, "Số: 118/UBND-VP"), (1000, "Quỳnh Hậu, ngày 21 tháng 3 năm 2016")],
            [(100, "V/v kiện toàn Hội đồng")],
            [(600, "Kính gửi: Ủy ban nhân dân huyện Quỳnh Lưu.")],
            [(100, "Ủy ban nhân dân xã báo cáo để Ủy ban nhân dân huyện được biết.")]] + FOOT
    meta = _extract(_page(rows))
    assert meta.subject.value == "V/v kiện toàn Hội đồng" and "subject" in meta.needs_review
    assert "'Hội đồng'" in (meta.subject.review or ""), meta.subject.review


@pytest.mark.slow
def test_hg112s_document_through_process_is_flagged_and_kept(tmp_path: Path) -> None:
    """HG112's document rendered exactly as its set renders it, through ``archivist process``: the subject stored
    as read (its second line stopped by the misread colon), flagged with the line named."""
    from click.testing import CliRunner

    from archivist.cli import main
    from tests.test_dateread_day_cli import _render

    scans = tmp_path / "scans"
    scans.mkdir()
    truths = _render(112, [9], scans)
    assert [t["document"] for t in truths.values()] == ["typewriter-10-qd-093-dong-son"]
    archive = tmp_path / "archive"
    res = CliRunner().invoke(main, ["process", str(scans), "--archive", str(archive), "--workers", "2", "--json"])
    assert res.exit_code == 0, res.output
    recs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((archive / "documents").glob("doc-*.json"))]
    assert len(recs) == 1
    meta, truth = recs[0]["metadata"], next(iter(truths.values()))["metadata"]
    assert meta["subject"] == TARGET != truth["subject"]
    assert "which opens a body's name" in meta["fields"]["subject"]["review"] and "subject" in meta["needs_review"]
    assert_valid_pdfs([archive / recs[0]["output"]["pdf"]])


LONE = "Về việc sửa chữa câu dân sinh thôn Phú Xuân"


def test_a_lone_syllable_without_its_commoner_siblings_mark_is_doubted() -> None:
    assert lone_marks(LONE) == [("câu", "cầu")]
    assert lone_marks("Về việc sửa chữa câu dân sinh ấp Phú Lợi") == [("câu", "cầu")]
    why = lone_mark_doubt(LONE)
    assert why is not None and "'câu'" in why and "'cầu'" in why


@pytest.mark.parametrize("subject", [
    "Về việc sửa chữa cầu dân sinh thôn Phú Xuân",  # the right reading
    "Về việc phê duyệt dự toán sửa chữa sân thể thao xã",  # 'sân' alone: 'sấn', 'sần' are rarer words
    "Tổ chức hội nghị trên địa bàn xã", "Về việc sửa chữa nhà văn hóa thôn Phú Xuân",
    "Về việc sửa chữa Câu dân sinh",  # a capital: a name, not judged
    "câu dân sinh",  # nothing before it: not between two words
])
def test_a_word_read_right_or_not_between_two_words_is_not(subject: str) -> None:
    assert lone_mark_doubt(subject) is None, subject
    assert lone_mark_doubt(None) is None


def test_only_a_much_commoner_marked_sibling_counts() -> None:
    assert marked_sibling("câu") == "cầu" and marked_sibling("Câu".lower()) == "cầu"
    assert marked_sibling("cầu") is None  # it carries a tone mark already
    assert marked_sibling("thân") is None  # 'thần' stands in about as many words of the list
    assert marked_sibling("can") is None  # no mark of its own under a tone: not judged


def test_the_misspelled_subject_through_extract_is_flagged_and_kept() -> None:
    _subject_rule_through_extract("Về việc sửa chữa câu dân sinh năm 2016", "Về việc sửa chữa cầu dân sinh năm 2016",
                                  "'câu'")


@pytest.mark.slow
def test_at92s_document_through_process_is_flagged_and_kept(tmp_path: Path) -> None:
    """AT92's document rendered exactly as its set renders it (byte for byte), through ``archivist process``: the
    subject stored as read, ``câu`` for ``cầu``, flagged."""
    from click.testing import CliRunner

    from archivist.cli import main
    from samples.generate import DEFAULT_DPI, FORMATS, _write_slot, page_draws
    from samples.plan_all import ALL, plan_all

    # AT92 is `samples/generate.py --seed 92 --docs 40 --types all --layout-era mixed`
    slots = plan_all(92, 40, 4, FORMATS, DEFAULT_DPI, "mixed", ALL, None)
    skews, rots = page_draws(92, slots, 15.0, True)
    scans = tmp_path / "scans"
    scans.mkdir()
    truth = _write_slot(6, slots[6], scans, skews, rots, sum(len(d.pages) for s in slots[:6] for d in s.docs), 0.35)
    assert [t["document"] for t in truth] == ["07-hd-077-hoa-binh"]
    archive = tmp_path / "archive"
    res = CliRunner().invoke(main, ["process", str(scans), "--archive", str(archive), "--workers", "2", "--json"])
    assert res.exit_code == 0, res.output
    recs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((archive / "documents").glob("doc-*.json"))]
    assert len(recs) == 1
    meta = recs[0]["metadata"]
    assert meta["subject"] == LONE != truth[0]["metadata"]["subject"]
    assert "'câu' stands alone" in meta["fields"]["subject"]["review"] and "subject" in meta["needs_review"]
    assert_valid_pdfs([archive / recs[0]["output"]["pdf"]])
