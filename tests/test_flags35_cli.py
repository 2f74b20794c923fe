"""End to end through ``archivist process`` and ``archivist review export``: session 35's flag rules flags90 to 94
(issue 14 item 9), each on the HG document it was written for (flags91 on flags92's), rendered exactly as its set
renders it (:func:`tests.test_dateread_day_cli.processed`: real Tesseract, pikepdf, SQLite). Until now each was tested
as a unit and through ``extract`` on hand-built pages only (``tests/test_flag_evidence90.py`` … ``94.py``; flags91 end
to end on faded pages only); here the page stage's own readings feed it. Each value is still stored wrong, as the
record keeps it (a flag never changes a value), carries its rule's reason, is named in ``needs_review`` and is listed
on the review sheet (bench/RESULTS.md "Flags, ninetieth round onward (session 35)").

What really happens end to end, as of ``d10514c``, and what each case pins:

- flags90 (``namerival.crossed_name_doubt``), HG111 tables-25 qd-242: the signer's ``Lê`` read ``Tả`` under the
  signature's strokes ``Z2``, restored ``Tạ``; stored ``Tạ Tiến Thịnh`` at 0.879, flagged by the rule alone.
- flags92 (``digitglyphs.unrendered_doubt``), HG113 typewriter-09 kh-008: ``03/KH-UBND`` for ``08/KH-UBND`` at 0.95;
  the number and ``number_symbol`` both carry the rule's reason. The same document's date, ``2009-04-26`` for
  ``2009-04-20``, was flags91's (``dateread.loop_swap`` on a typed page: the day read again ``28`` and ``26``); since
  session 41 :mod:`archivist.typedzero` reads the day's ``0`` by its dot, so it is stored right and flagged as a digit
  the glyph chose; ``tests/test_dateread_faded_cli.py`` pins flags91's rule on faded pages.
- flags93 (``bookyear.entry_zero_doubt``), HG96 faded-13 khai-sinh-106: the entry ``166`` for ``106`` at 0.817 beside
  the book read ``93/1996``, itself flagged as no book a commune fills (``civil.book_count_doubt``, the sixty-fourth
  round's), pinned with it: without that rule the book would still be flagged, as a faint page's weak word. Since
  session 37 the faded page's zeros are read again (``archivist/fadedread.py``): the entry ``106``, the book ``03/1996``
  and the registration day ``1996-10-10`` are stored right, so this document no longer meets either rule
  (``tests/test_flag_evidence93.py`` keeps flags93's rule pinned on the stored words it was fitted on); the case keeps
  the document's other flags, the book and the day now right values flagged as read weakly on a faint page. Since
  session 42 the number's ``289`` is ``209`` (its 8 a typed zero, set back by the dot: ``archivist/fadedglyphs.py``),
  right and still flagged by its box's second readings.
- flags94 (``subjectmarks.colon_doubt``), HG118 speckle-24 cv-066: a speck after ``lý`` read as a colon, the subject
  stored with it at 0.868. Since session 44 that speck's one dot is told from a colon's two on the page
  (``archivist/speckcolon.py``) and the subject is stored right; ``tests/test_flag_evidence94.py`` keeps the rule
  pinned on the stored words, and the case keeps the document's recipients flag.

Each case fails on a tree without its rule's call: the value is then stored with no review reason (checked for all
four by taking the call out of ``namerival``, ``numberread``, ``bookyear`` and ``subjectmarks`` in turn, and for
flags91's date by judging ``loop_swap`` on faded pages only, for the book by leaving ``book_count_doubt`` out).

The same runs raise other rules' flags, pinned with them at no extra run, each rule named beside its flag: HG111's
subject with a stray ``'`` (``crosscheck.unbalanced_doubt``), its position ``TH CHỦ TỊCH`` under ``KT.``
(``crosscheck.position_doubt``), its recipients' ``\\`` (``debrisflags.foreign_doubt``); HG113's issuer of two header
lines (``structflags.levels_doubt``), subject's ``năm 2089`` (``crosscheck.nam_doubt``; ``2689`` until session 38's
typewritten zeros read again, ``archivist/typedread.py``), its signer ``CHỦ TTCH`` (``crosscheck.name_doubt``) until
session 39's typed letters read again (``archivist/typedletters.py``: now stored right, ``Lâm Quốc Việt``), list item
``LƯU VT, VX`` (``listflags.signature_item_doubt``); HG96's number read again (``numberread.reread_doubt``), parent
``UBND HUYỆN NHƠN`` (``crosscheck.unit_doubt``), and, on right values, the date, the registration day and the book read
weakly on the faint page (``faintflags``); HG118's list line swallowed by a speck (``listflags.swallowed_doubt``). All
on wrong values but HG96's date, day and book; each fails with its rule made to return nothing (the value then carries
another rule's reason or none)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import NamedTuple

import pytest
from click.testing import CliRunner

from archivist.toreview import LIST_SEP
from tests.pdfcheck import assert_valid_pdfs
from tests.test_dateread_day_cli import processed


class Flag(NamedTuple):
    """A field a rule flags on the document: where the truth prints it, what is stored, the review's exact text. A
    value stored as printed is a right value flagged (said so where the case lists it)."""

    field: str
    truth: tuple[str, ...]  # ("metadata" | "civil", key[, "number" | "symbol": that part of the printed number])
    stored: str | list[str]
    printed: str | list[str]
    reason: str | None  # None: held for review by its confidence alone


class Case(NamedTuple):
    """One rule's document (the set's slot k is the document numbered k + 1: samples/generate.py ``_write_slot``)
    and the flags it must carry: its rule's first, then any other rule's on the same document (``rule``: the
    test's id)."""

    rule: str
    seed: int
    slot: int
    document: str
    flags: tuple[Flag, ...]


CASES = [
    Case("flags90", 111, 24, "tables-25-qd-242-tan-phu", (
        Flag("signer", ("metadata", "signer"), "Tạ Tiến Thịnh", "Lê Tiến Thịnh",
             "'Tả' was stored 'Tạ', but the page's 'Z2' (a signature's or a seal's strokes read as text) lies across "
             "it: the letters the name was guessed from may be those strokes"),
        Flag("subject", ("metadata", "subject"),  # crosscheck.unbalanced_doubt (eighth round)
             "Về việc thành lập 'Tổ công tác rà soát hộ nghèo, hộ cận nghèo năm 2020",
             "Về việc thành lập Tổ công tác rà soát hộ nghèo, hộ cận nghèo năm 2020",
             "a ' without its partner in the value: a piece of it was lost or a speck read as it"),
        Flag("signer_position", ("metadata", "signer_position"), "TH CHỦ TỊCH", "PHÓ CHỦ TỊCH",  # position_doubt
             "signed KT. (for the head) but the position 'TH CHỦ TỊCH' is not a deputy's"),
        # the recipients, `Lưu: VT x\\xM` flagged by debrisflags.foreign_doubt until session 43, are stored right
        # since the footer is read in order (footorder): the signature's `x\\xM` no longer joins the list's last row
    )),
    Case("flags92", 113, 8, "typewriter-09-kh-008-my-loc", (
        Flag("number_symbol", ("metadata", "number"), "03/KH-UBND", "08/KH-UBND",
             "the page renders no '3' to compare the number's with; it looks most like the page's '8' (0.757), and "
             "its box read again gave 8 there"),
        Flag("number", ("metadata", "number", "number"), "03", "08",  # the same reading: the same doubt
             "the page renders no '3' to compare the number's with; it looks most like the page's '8' (0.757), and "
             "its box read again gave 8 there"),
        # flags91's typed day, 2009-04-26, until session 41: typedzero sets its 0 by the dot, right and flagged
        Flag("date", ("metadata", "date"), "2009-04-20", "2009-04-20",  # the reason names the glyph since session 45
             "the digit '0' of '20' was read '6' and set by its glyph"),
        Flag("issuer", ("metadata", "issuer"),  # structflags.levels_doubt (thirty-seventh round)
             "UBD HUYỆN CAN LỘC ỦY BAM NHÂN DÂN XÃ MỸ LỘC", "ỦY BAN NHÂN DÂN XÃ MỸ LỘC",
             "'HUYỆN' and 'XÃ' in one body's name: two lines of the header read as one"),
        Flag("subject", ("metadata", "subject"),  # crosscheck.nam_doubt (ninth round)
             "Tổ chức Tháng hành động vì an toàn thực phẩm năm 2089",  # 2689 before typedread read its 0 again
             "Tổ chức Tháng hành động vì an toàn thực phẩm năm 2009", "'năm 2089': 2089 is not a possible year"),
        # the signer, 'CHỦ TTCH' flagged by crosscheck.name_doubt until session 39, is now stored right
        Flag("recipients", ("metadata", "recipients"),  # listflags.signature_item_doubt (twelfth round)
             ["UBND huyện Can Lộc (b/c)", "TT bảng", "Các thành viên Ban chỉ đạo", "Trưởng các thô, ấp", "LƯU VT, VX"],
             ["UBND huyện Can Lộc (b/c)", "TT Đảng ủy, HĐND xã", "Các thành viên Ban Chỉ đạo", "Trưởng các thôn, ấp",
              "Lưu VT, VX"],
             "'LƯU VT, VX' is written in capitals: a line of the signature block taken into the list"))),
    Case("flags93", 96, 12, "faded-13-khai-sinh-106-phuoc-thien", (
        Flag("book", ("civil", "book"), "03/1996", "03/1996",  # faintflags on a RIGHT value (read again, session 37)
             "read on a faint page, '03/1996' at OCR confidence 75"),
        # numberread.reread_doubt; its 8 set back to 0 by the typed zero's dot since session 42 (fadedglyphs), right
        Flag("number_symbol", ("metadata", "number"), "209/TLKS-BS", "209/TLKS-BS",  # and flagged as before
             "the number's box read again gave 2089 and 299, not 209"),
        Flag("number", ("metadata", "number", "number"), "209", "209",
             "the number's box read again gave 2089 and 299, not 209"),
        Flag("parent_issuer", ("metadata", "parent_issuer"), "UBND HUYỆN NHƠN", "UBND HUYỆN NHƠN TRẠCH",
             "no administrative unit is named 'NHƠN'"),  # crosscheck.unit_doubt (fifty-fourth round)
        Flag("event_date", ("civil", "event_date"), "1996-10-10", "1996-10-10",  # faintflags on a RIGHT value
             "read on a faint page, '10/10/1996;' at OCR confidence 84"),  # its word's 9 a dotted 0 (session 42)
        Flag("date", ("metadata", "date"), "2006-03-12", "2006-03-12",  # faintflags on a RIGHT value; its year's
             "read on a faint page, '2006' at OCR confidence 72"))),  # word, read 2906, read again (session 39)
    Case("flags94", 118, 23, "speckle-24-cv-066-my-loc", (  # its subject's speck colon dropped since session 44
        Flag("recipients", ("metadata", "recipients"),  # listflags.swallowed_doubt
             ["Như trên", "UBMTTTQ VN xã", "TT Đảng ủy, HĐND xã (b/c)", "Lưu: VT", "x¿"],  # footer in order (s. 43)
             ["Như trên", "UBMTTQ VN xã", "TT Đảng ủy, HĐND xã (b/c)", "Lưu: VT"],
             # the list's dash of ``-x¿`` split off since session 39 (archivist/speckread.py): the speck is quoted alone
             "'x¿' read at confidence 45 in a box 1.8 words tall: a line of the list may have gone into it"),)),
]


def review_sheet(archive: Path, sheet: Path) -> list[dict[str, str]]:
    """The rows ``archivist review export`` writes for ``archive``."""
    from archivist.cli import main

    res = CliRunner().invoke(main, ["review", "export", "--archive", str(archive), "--out", str(sheet)])
    assert res.exit_code == 0, res.output
    return list(csv.DictReader(io.StringIO(sheet.read_text(encoding="utf-8-sig"))))


def printed(truth: dict, where: tuple[str, ...]) -> object:
    """What the scan prints for a flag's field: the truth's value, or a part of the printed number (the number before
    its first '/', the symbol after its last: ``130/2006/QĐ-UBND``'s ``130`` and ``QĐ-UBND``), as the record splits
    it."""
    value = truth[where[0]][where[1]]
    return value if len(where) == 2 else value.split("/")[0] if where[2] == "number" else value.split("/")[-1]


def assert_flags(flags: tuple[Flag, ...], rec: dict, truth: dict, rows: list[dict[str, str]]) -> None:
    """Each of ``flags`` holds on the record ``rec`` of the scan ``truth`` describes and on the review sheet ``rows``:
    the value kept as read, its rule's exact reason, the field in ``needs_review``, its row on the sheet."""
    meta = rec["metadata"]
    for flag in flags:
        assert printed(truth, flag.truth) == flag.printed, flag.field  # the scan prints what the case says
        field = meta["fields"][flag.field]
        assert meta[flag.field] == field["value"] == flag.stored, flag.field  # kept as read, wrong or right
        assert field.get("review") == flag.reason, flag.field
        assert flag.field in meta["needs_review"], flag.field
        listed = [r["value"] for r in rows if r["document_id"] == rec["id"] and r["field"] == flag.field]
        assert listed == [LIST_SEP.join(flag.stored) if isinstance(flag.stored, list) else flag.stored], \
            (flag.field, rows)


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[c.rule for c in CASES])
def test_a_session_35_flag_holds_through_process_and_the_review_sheet(tmp_path: Path, case: Case) -> None:
    ((rec, truth, pdf),) = processed(case.seed, [case.slot], tmp_path)
    assert truth["document"] == case.document
    assert_flags(case.flags, rec, truth, review_sheet(pdf.parent.parent, tmp_path / "review.csv"))
    assert_valid_pdfs([pdf])
