"""The footer's two columns put in reading order (archivist/footorder.py), on word boxes as Tesseract gave them for
typed pages, and end to end on a generated typewritten scan through ``archivist process``."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from archivist import pagework
from archivist.footer import parse_footer
from archivist.footorder import footer_order, label_by_place, opens_beside, opens_footer
from archivist.models import Word
from archivist.ocr import OcrResult
from archivist.ocrfix import text_of
from archivist.ocrtext import PageText, page_lines

#: A typed invitation's last lines as Tesseract read them (generated seed 244's ``typewriter-04-gm-198-xuan-truong``,
#: words as its record holds them): the recipients and the signature block read line by line across both columns.
INVITATION = [
    [("Đề", 662, 724), ("nghị", 774, 898), ("các", 946, 1037), ("đồng", 1087, 1210), ("chí", 1259, 1353),
     ("sắp", 1402, 1493), ("xếp", 1542, 1634), ("thời", 1684, 1808), ("gian", 1856, 1979), ("đến", 2029, 2120),
     ("dự", 2170, 2234), ("đúng", 2278, 2401)],
    [("giờ,", 515, 628), ("đầy", 677, 770), ("đủ./.", 807, 954)],
    [("Nơi", 512, 599), ("nhận:", 632, 774), ("TM.", 1602, 1687), ("UỶ", 1732, 1797), ("BAN", 1831, 1922),
     ("NHÂN", 1960, 2084), ("DÂN", 2122, 2214)],
    [("-", 519, 530), ("Như", 570, 652), ("thành", 682, 813), ("phần", 846, 951), ("mời;", 982, 1082),
     ("CHỦ", 1780, 1875), ("TỊCH", 1910, 2036)],
    [("-", 519, 534), ("Lưu", 573, 647), ("VT.", 678, 751)],
    [("Bùi", 1701, 1795), ("Xuân", 1828, 1956), ("Vinh", 1993, 2118)],
]
READING = ["Đề nghị các đồng chí sắp xếp thời gian đến dự đúng", "giờ, đầy đủ./.", "Nơi nhận:",
           "- Như thành phần mời;", "- Lưu VT.", "TM. UỶ BAN NHÂN DÂN", "CHỦ TỊCH", "Bùi Xuân Vinh"]
#: A typed record of minutes' end (seed 244's ``typewriter-05-bb-018-phuoc-thien``): the secretary beside the
#: chair, their signatures read as marks (``/w``, ``(```) between the positions and the names.
MINUTES = [
    [("nhất", 247, 329), ("trí", 355, 418), ("thông", 442, 546), ("qua./.", 571, 692)],
    [("THƯ", 433, 500), ("KÝ", 520, 563), ("CHỦ", 1114, 1178), ("TỌA", 1200, 1265)],
    [("/w", 411, 574), ("(`", 1123, 1308)],
    [("Mai", 346, 410), ("Thành", 433, 539), ("Tuấn", 562, 647), ("Bùi", 1050, 1114), ("Thu", 1135, 1199),
     ("Nhung", 1223, 1329)],
]

#: A typed notice's second page (seed 241's ``typewriter-11-tb-136-vinh-thanh``): a recipient line reaches past the
#: middle of the gap the first line leaves (``(b/C);`` ends at 811, the gap runs 507-1066).
NOTICE = [
    [("Nơi", 334, 390), ("nhận:", 413, 507), ("TM.", 1066, 1124), ("BAN", 1218, 1282), ("NHÂN", 1306, 1390),
     ("DÂN", 1414, 1476)],
    [("-", 340, 352), ("UBND", 372, 445), ("huyện", 466, 556), ("Lấp", 578, 630), ("Vò", 650, 686),
     ("(b/C);", 710, 811), ("CHỦ", 1186, 1250), ("TỊCH", 1272, 1357)],
    [("-", 340, 352), ("Đài", 370, 427), ("truyền", 448, 556), ("thanh", 578, 668), ("xã;", 689, 738)],
    [("-", 340, 352), ("Các", 371, 426), ("ban,", 447, 513), ("ngành,", 541, 643), ("đoàn", 670, 742),
     ("thể", 763, 817), ("xã;", 838, 886)],
    [("-", 340, 352), ("Lưu", 373, 426), ("VT,", 446, 494), ("TP.", 520, 570)],
    [("Lê", 1146, 1185), ("Hữu", 1209, 1271), ("Nghĩa", 1295, 1402)],
]


def page(lines: list[list[tuple[str, int, int]]], top: int = 1900, step: int = 60) -> list[Word]:
    """Words of ``lines`` (text, left, right), line ``n`` at ``top + n * step``, 40 px tall."""
    return [Word(t, 90.0, (x0, top + n * step, x1, top + n * step + 40), n)
            for n, line in enumerate(lines) for t, x0, x1 in line]


def _footer(words: list[Word]) -> tuple[object, ...]:
    f = parse_footer(page_lines(PageText(1, text_of(words), words)), 1)
    assert f is not None
    return (f.authority and f.authority[0], [ln.text for ln in f.positions], f.name and f.name.text,
            [ln.text for ln in f.recipients], f.noi_nhan)


def test_footer_read_across_its_columns_comes_back_one_column_after_the_other() -> None:
    words = page(INVITATION)
    out = footer_order(words)
    assert text_of(out).split("\n") == READING
    assert sorted((w.text, w.bbox, w.conf) for w in out) == sorted((w.text, w.bbox, w.conf) for w in words)
    assert [w.line for w in out] == sorted(w.line for w in out) and out[-1].line == len(READING) - 1
    assert _footer(out) == _footer(words)  # the signer, position, authority and recipients as before
    assert _footer(out)[2] == "Bùi Xuân Vinh" and _footer(out)[3] == ["- Như thành phần mời;", "- Lưu VT."]


def test_minutes_secretary_and_chair_come_back_one_block_after_the_other() -> None:
    """A record of minutes' two signature blocks: the secretary's (``THƯ KÝ``, its signature, its name), then the
    chair's; the footer parser finds the same blocks and the same signer either way (it takes the lines by their
    rows, :mod:`archivist.pagerows`), where session 43's parser, ranking by line numbers, took the secretary's."""
    words = page(MINUTES)
    out = footer_order(words)
    assert text_of(out).split("\n") == ["nhất trí thông qua./.", "THƯ KÝ", "/w", "Mai Thành Tuấn", "CHỦ TỌA", "(`",
                                        "Bùi Thu Nhung"]
    assert sorted((w.text, w.bbox, w.conf) for w in out) == sorted((w.text, w.bbox, w.conf) for w in words)
    assert _footer(out) == _footer(words) == (None, ["CHỦ TỌA"], "Bùi Thu Nhung", [], False)


def test_minutes_chair_whose_name_is_unread_is_taken_in_either_order() -> None:
    """Seed 229's typed ``bb-095``: the chair's name read ``Dương Diệu bung`` (no name). Read across, the chair's
    block was found beside the secretary's; put in order, session 43's parser looked for a name in the lines after
    ``CHỦ TỌA`` only, found none, dropped the block and stored the secretary's. Taken by rows, the chair's block is
    found both ways (its name is then read from the ``Chủ trì:`` line, :mod:`archivist.signerline`)."""
    lines = [MINUTES[0], MINUTES[1], MINUTES[2],
             [("Phạm", 353, 440), ("Thị", 460, 520), ("Linh", 540, 631), ("Dương", 1037, 1150), ("Diệu", 1170, 1250),
              ("bung", 1270, 1359)]]
    words = page(lines)
    out = footer_order(words)
    assert out is not words and text_of(out).split("\n")[-2:] == ["(`", "Dương Diệu bung"]
    assert _footer(out) == _footer(words) == (None, ["CHỦ TỌA"], None, [], False)


def test_minutes_chair_name_under_a_signature_read_as_letters_in_either_order() -> None:
    """Seed 236's typed ``bb-159`` (boxes as its record holds them): the chair's signature read ``A LƯ`` alone on its
    row, over the names. Either order, the chair's block takes ``Đinh Điệu Mai`` (the name under it in its column),
    not the signature."""
    rows = [[("nhất", 341, 422, 1636), ("trí", 449, 511, 1636), ("thông", 535, 639, 1636), ("qua./.", 663, 785, 1636)],
            [("THƯ", 526, 594, 1702), ("KÝ", 613, 656, 1698), ("CHỦ", 1192, 1255, 1696), ("TỌA", 1278, 1343, 1703)],
            [("A", 1194, 1259, 1829), ("LƯ", 1259, 1389, 1829)],
            [("Đỗ", 460, 504, 1962), ("Thị", 526, 590, 1969), ("Trang", 612, 719, 1970), ("Đinh", 1126, 1213, 1968),
             ("Điệu", 1235, 1320, 1968), ("Mai", 1343, 1407, 1968)]]
    tall = {1829: 62}
    words = [Word(t, 90.0, (x0, y, x1, y + tall.get(y, 36)), n) for n, row in enumerate(rows) for t, x0, x1, y in row]
    out = footer_order(words)
    assert text_of(out).split("\n")[1:] == ["THƯ KÝ", "Đỗ Thị Trang", "CHỦ TỌA", "A LƯ", "Đinh Điệu Mai"]
    assert _footer(out)[2] == _footer(words)[2] == "Đinh Điệu Mai"


def test_each_line_is_cut_at_its_own_gap_within_the_columns_gap() -> None:
    words = page(NOTICE)
    out = footer_order(words)
    assert text_of(out).split("\n") == ["Nơi nhận:", "- UBND huyện Lấp Vò (b/C);", "- Đài truyền thanh xã;",
                                        "- Các ban, ngành, đoàn thể xã;", "- Lưu VT, TP.", "TM. BAN NHÂN DÂN",
                                        "CHỦ TỊCH", "Lê Hữu Nghĩa"]
    assert _footer(out) == _footer(words)
    unread = page([[("Wơi", 334, 390), *NOTICE[0][1:]], *[line[1:] for line in NOTICE[1:-1]], NOTICE[-1]])
    assert footer_order(unread) is unread  # a label the parser misses, bullets unread: seed 248's kh-093, left as read


def test_a_garbled_label_with_the_lists_dashes_under_it_opens_the_footer() -> None:
    """Speckled pages read the label ``NgĩDINHệ`` or ``nhận:`` (``Nơi`` lost), which the footer parser does not
    take; the list's dashes under it show where the label stands. The footer comes back one column after the other,
    the parser's name the same; without two dashes under the label (bullets unread, seed 248's ``kh-093``, or
    dashes standing elsewhere) the page stays as read."""
    want = ["- UBND huyện Lấp Vò (b/C);", "- Đài truyền thanh xã;", "- Các ban, ngành, đoàn thể xã;", "- Lưu VT, TP.",
            "TM. BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Hữu Nghĩa"]
    for label in ([("NgĩDINHệ", 334, 507)], [("nhận:", 413, 507)], [("Wơi", 334, 390), ("nhận:", 413, 507)]):
        words = page([[*label, *NOTICE[0][2:]], *NOTICE[1:]])
        out = footer_order(words)
        assert text_of(out).split("\n")[1:] == want
        assert sorted((w.text, w.bbox) for w in out) == sorted((w.text, w.bbox) for w in words)
        assert _footer(out)[2] == _footer(words)[2] == "Lê Hữu Nghĩa"
    one = page([[("NgĩDINHệ", 334, 507), *NOTICE[0][2:]], NOTICE[1], *[line[1:] for line in NOTICE[2:-1]],
                NOTICE[-1]])
    assert footer_order(one) is one  # one dash under it: not proof enough
    far = page([[("NgĩDINHệ", 334, 507), *NOTICE[0][2:]],
                *[[(t, x0 + 200, x1 + 200) for t, x0, x1 in line[:-2]] + line[-2:] if k == 0 else
                  [(t, x0 + 200, x1 + 200) for t, x0, x1 in line] for k, line in enumerate(NOTICE[1:-1])],
                NOTICE[-1]])
    assert footer_order(far) is far  # dashes 5 heights right of it: a body's list, not the label's
    heading = page([[("II.", 334, 390), ("NHIỆM", 413, 507), *NOTICE[0][2:]], *NOTICE[1:]])
    assert not label_by_place([[w for w in heading if w.line == n] for n in range(6)], 0, 2)  # a section's heading


def test_a_weak_token_in_the_columns_gap_is_set_aside_to_find_the_cut() -> None:
    """A speck or a stroke read ``Bên`` at 17 between ``Nơi nhận:`` and ``TM. BAN NHÂN DÂN`` (seed 486's
    ``ttr-060``, session 49) leaves two gaps of like width, neither :func:`archivist.headorder.clear_cut`'s: set
    aside, the columns' gap is plain; the token stays, with the label. Read at 60 it is a word: left as read."""
    line = [*NOTICE[0][:2], ("Bên", 760, 830), *NOTICE[0][2:]]
    words = [replace(w, conf=17.0) if w.text == "Bên" else w for w in page([line, *NOTICE[1:]])]
    out = footer_order(words)
    assert text_of(out).split("\n") == ["Nơi nhận: Bên", "- UBND huyện Lấp Vò (b/C);", "- Đài truyền thanh xã;",
                                        "- Các ban, ngành, đoàn thể xã;", "- Lưu VT, TP.", "TM. BAN NHÂN DÂN",
                                        "CHỦ TỊCH", "Lê Hữu Nghĩa"]
    assert _footer(out)[1:] == _footer(words)[1:]
    assert opens_footer(words[:7]) == 3
    read = [replace(w, conf=60.0) if w.text == "Bên" else w for w in words]
    assert opens_footer(read[:7]) is None and footer_order(read) is read
    section = page([[("III.", 287, 370), ("PHƯƠNG", 403, 542), ("HƯỚNG,", 568, 697), ("NHIỆM", 732, 846),
                     ("VỤ", 870, 916), ("THỜI", 942, 1032), ("GIAN", 1058, 1150), ("TỚI", 1175, 1242)]])
    section = [replace(w, conf=0.0) if w.text == "GIAN" else w for w in section]  # seed 525's faded ``bc-026``
    assert opens_footer(section) is None  # capitals both sides of a weak token: a section's heading, no footer


def test_what_opens_a_footer() -> None:
    assert opens_footer(page(INVITATION)[15:22]) == 2  # ``Nơi nhận:`` | ``TM. UỶ BAN NHÂN DÂN``
    assert opens_footer(page(MINUTES)[4:8]) == 2  # ``THƯ KÝ`` | ``CHỦ TỌA``
    small = page([[("THƯ", 433, 500), ("ký", 520, 563), ("CHỦ", 1114, 1178), ("TỌA", 1200, 1265)]])
    assert opens_footer(small) == 2  # a printed position read with small letters
    label = page([[("Người", 300, 400), ("lập", 420, 480), ("Ngày", 1200, 1290), ("lập", 1310, 1370)]])
    assert opens_footer(label) is None  # a form's label and value: not in capitals


def test_pages_without_a_two_column_footer_or_already_in_order_are_left_as_read() -> None:
    in_order = page([INVITATION[1], INVITATION[2][:2], INVITATION[3][:5], INVITATION[4], INVITATION[2][2:],
                     INVITATION[3][5:], INVITATION[5]])
    assert footer_order(in_order) is in_order  # a typeset page: Tesseract gave the columns as blocks
    body = page([INVITATION[0]] * 5)
    assert footer_order(body) is body
    one = page([INVITATION[1], INVITATION[2], INVITATION[4]])  # one line in two columns only
    assert footer_order(one) is one


def test_in_reading_order_puts_the_footer_in_order_too() -> None:
    words = page(INVITATION)
    out = pagework.in_reading_order(OcrResult(words, text_of(words), 90.0))
    assert out.text.split("\n") == READING


def _in_order_both_ways(tmp_path: Path, seed: int, switch_off: object, at: int, **kw: object) -> tuple:
    """A generated document processed with the rule and without it (:func:`tests.rereadcheck.typed_both_ways`, ``kw``
    its document and group): the same words both ways, and page ``at`` loses fewer words in reading order with it.
    Returns the run, both records and both texts of that page."""
    import json

    from bench.groups import ordered_word_error
    from tests.rereadcheck import typed_both_ways

    done = typed_both_ways(tmp_path, seed, switch_off, **kw)  # type: ignore[arg-type]
    assert done.read["with"] == done.read["without"]  # no word's text changed
    recs = {name: json.loads(next((tmp_path / name / "documents").glob("*.json")).read_text(encoding="utf-8"))
            for name in ("with", "without")}
    texts = {name: rec["pages"][at]["text"] for name, rec in recs.items()}
    truth = done.pages[at]["text"]
    assert ordered_word_error(truth, texts["with"]) < ordered_word_error(truth, texts["without"])
    return done, recs, texts, truth


@pytest.mark.slow
def test_generated_typed_footer_is_read_in_order_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fourth typewritten document of seed 244 (``generate.py --docs 4 --groups typewriter``: an invitation of
    Xuân Trường, one page) through ``archivist process``: its record reads ``Nơi nhận:`` and its list, then the
    signature block, where without the rule each footer line ran across both; the same words and the same signer,
    position and recipients either way; the words in reading order lost fewer; the PDF/A's text layer in the
    record's order (``pdftotext -raw``), PDF/A-1b valid."""
    import subprocess

    from archivist.metrics import words
    from tests.pdfcheck import assert_valid_pdfa

    done, recs, first, _ = _in_order_both_ways(
        tmp_path, 244, lambda: monkeypatch.setattr(pagework, "footer_order", lambda ws: ws), 0, doc=4)
    lines = first["with"].split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("Nơi nhận"))
    assert lines[at] == "Nơi nhận:" and lines[at + 1].startswith("- Như thành phần")  # the list, then the signer
    assert lines[-1].endswith("Vinh") and "CHỦ TỊCH" not in lines[at + 1]
    for key in ("signer", "signer_position", "recipients", "authority"):
        assert recs["with"]["metadata"].get(key) == recs["without"]["metadata"].get(key)
    raw = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", "-f", "1", "-l", "1", str(done.pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    assert words(raw) == words(first["with"])
    assert_valid_pdfa(done.archive)


@pytest.mark.slow
def test_generated_typed_minutes_signatures_are_read_in_order_end_to_end(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The fourth typewritten document of seed 228 (``generate.py --docs 4 --groups typewriter``: minutes of Tiến
    Phong, one page) through ``archivist process``: its record ends with the secretary's block (``THƯ KÝ``, then
    the name under it), then the chair's, where without the rule the positions and the names were each read across
    one row; the same words, and the same signer (the chair) and position either way; the words in reading order
    lost fewer; the PDF/A's text layer in the record's order (``pdftotext -raw``), PDF/A-1b valid."""
    import subprocess

    from archivist.metrics import words
    from tests.pdfcheck import assert_valid_pdfa

    done, recs, last, truth = _in_order_both_ways(
        tmp_path, 228, lambda: monkeypatch.setattr(pagework, "footer_order", lambda ws: ws), -1, doc=4)
    assert truth.endswith("THƯ KÝ\nDương Diệu Hoa\nCHỦ TỌA\nNguyễn Thị Diệp")
    lines = last["with"].split("\n")
    tail = lines[next(i for i, line in enumerate(lines) if line.startswith("THƯ")):]  # the footer, from THƯ KÝ
    at = {key: next(i for i, line in enumerate(tail) if key in line) for key in ("Hoa", "CHỦ TỌA", "Diệp")}
    assert 0 < at["Hoa"] < at["CHỦ TỌA"] < at["Diệp"], tail  # the secretary's block, then the chair's
    assert tail[0].upper() == "THƯ KÝ" and tail[at["Hoa"]].endswith("Hoa") and tail[at["CHỦ TỌA"]] == "CHỦ TỌA"
    across = last["without"].split("\n")
    assert any("CHỦ TỌA" in line and line.upper().startswith("THƯ KÝ") for line in across)  # read across
    meta = {name: rec["metadata"] for name, rec in recs.items()}
    assert meta["with"]["signer"] == "Nguyễn Thị Diệp" and meta["with"]["signer_position"] == "CHỦ TỌA"
    for key in ("signer", "signer_position", "authority", "needs_review"):
        assert meta["with"].get(key) == meta["without"].get(key)
    raw = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", "-f", "1", "-l", "1", str(done.pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    assert words(raw) == words(last["with"])
    assert_valid_pdfa(done.archive)


#: A decision's last page holding only its footer (generated seed 352's ``tables-05-qd-229-xuan-truong`` page 2, words
#: and boxes as its record holds them): Tesseract read ``Nơi nhận:`` and the first recipient, then the signature
#: block's heading as lines of their own, then the other recipients, each with a stroke of the signature beside it.
BESIDE = [
    [("2", 997, 136, 1015, 164)],
    [("Nơi", 384, 268, 441, 295), ("nhận:", 449, 268, 538, 302)],
    [("-", 386, 332, 397, 337), ("Như", 405, 318, 466, 343), ("Điều", 471, 317, 535, 343), ("3;", 544, 318, 568, 347)],
    [("TM.", 1072, 269, 1144, 297), ("ỦY", 1154, 261, 1210, 297), ("BAN", 1229, 257, 1299, 309),
     ("NHÂN", 1324, 257, 1420, 309), ("DÂN", 1441, 257, 1522, 309)],
    [("CHỦ", 1200, 306, 1286, 350), ("TỊCH", 1294, 318, 1396, 354)],
    [("-", 386, 374, 397, 378), ("TT", 404, 361, 446, 386), ("Đảng", 454, 360, 526, 392), ("ủy,", 534, 360, 570, 392),
     ("HĐND", 581, 360, 675, 385), ("xã;", 683, 360, 723, 389), ("7", 1080, 370, 1175, 393)],
    [("-", 386, 415, 397, 420), ("Lưu:", 405, 402, 467, 426), ("VT;,", 476, 402, 526, 430),
     ("VP.", 534, 402, 581, 426)],
    [(":')}hxx", 1148, 449, 1416, 514)],
    [("/", 1168, 511, 1191, 531)],
    [("Hồ", 1174, 588, 1223, 618), ("Trọng", 1232, 590, 1335, 626), ("Tâm", 1343, 588, 1422, 618)],
]


def boxed(lines: list[list[tuple[str, int, int, int, int]]]) -> list[Word]:
    """Words of ``lines`` (text and box as a record holds them), line ``n`` numbered ``n``."""
    return [Word(t, 90.0, (x0, y0, x1, y1), n) for n, line in enumerate(lines) for t, x0, y0, x1, y1 in line]


def test_footer_read_as_blocks_cut_short_comes_back_one_column_after_the_other() -> None:
    """The label read alone and the heading beside it read as a line of its own open the footer (no line holds
    both): the recipients top to bottom, then the signature block, the signature's strokes with it; the words, the
    footer parser's signer, position, authority and recipients as before."""
    words = boxed(BESIDE)
    out = footer_order(words)
    assert text_of(out).split("\n") == ["2", "Nơi nhận:", "- Như Điều 3;", "- TT Đảng ủy, HĐND xã;",
                                        "- Lưu: VT;, VP.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "7", ":')}hxx", "/",
                                        "Hồ Trọng Tâm"]
    assert sorted((w.text, w.bbox, w.conf) for w in out) == sorted((w.text, w.bbox, w.conf) for w in words)
    assert _footer(out) == _footer(words)
    assert _footer(out)[2] == "Hồ Trọng Tâm" and len(_footer(out)[3]) == 3


def test_what_opens_a_footer_beside_its_label() -> None:
    lines = [[w for w in boxed(BESIDE) if w.line == n] for n in range(len(BESIDE))]
    assert opens_beside(lines, 1) == (538, 1072)  # ``Nơi nhận:`` | ``TM. ỦY BAN NHÂN DÂN`` two lines on
    assert opens_beside(lines, 2) is None  # not the label
    low = boxed([BESIDE[1], BESIDE[2], [(t, x0, y0 + 200, x1, y1 + 200) for t, x0, y0, x1, y1 in BESIDE[3]]])
    assert opens_beside([[w for w in low if w.line == n] for n in range(3)], 0) is None  # a heading under the list
    far = boxed([BESIDE[1], *BESIDE[5:7], BESIDE[2], BESIDE[2], BESIDE[3]])
    assert opens_beside([[w for w in far if w.line == n] for n in range(6)], 0) is None  # past BESIDE_LINES
    small = boxed([BESIDE[1], BESIDE[2], [("Ngày", 1072, 269, 1190, 297), ("lập", 1200, 269, 1260, 297)]])
    assert opens_beside([[w for w in small if w.line == n] for n in range(3)], 0) is None  # no heading
    in_order = boxed([*BESIDE[:3], BESIDE[5][:-1], BESIDE[6], BESIDE[3], BESIDE[4], *BESIDE[7:]])
    assert footer_order(in_order) is in_order  # the columns read as blocks, left first: left as read


@pytest.mark.slow
def test_generated_footer_page_read_as_blocks_is_read_in_order_end_to_end(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The fifth table document of seed 352 (``generate.py --docs 8 --groups tables``: a decision of Xuân Trường whose
    second page holds only its footer, then its list of households), that page alone, through ``archivist process``:
    it reads ``Nơi nhận:`` and the whole list, then the signature block, where without the beside opening the heading
    stood between the first recipient and the others; the same words, and the same signer, position, authority and
    recipients either way; in reading order it loses fewer; the PDF/A's text layer in the record's order
    (``pdftotext -raw``), PDF/A-1b valid."""
    import subprocess

    from archivist import footorder
    from archivist.metrics import words
    from tests.pdfcheck import assert_valid_pdfa

    done, recs, second, _ = _in_order_both_ways(
        tmp_path, 352, lambda: monkeypatch.setattr(footorder, "opens_beside", lambda *a: None), 0, doc=5,
        group="tables", docs=8, page=1)
    lines = second["with"].split("\n")
    at = {key: next(i for i, line in enumerate(lines) if line.startswith(key)) for key in ("Nơi", "- Lưu", "TM.")}
    assert at["Nơi"] < at["- Lưu"] < at["TM."] and lines[-1] == "Hồ Trọng Tâm"  # the list, then the signer
    for key in ("signer", "signer_position", "recipients", "authority", "needs_review"):
        assert recs["with"]["metadata"].get(key) == recs["without"]["metadata"].get(key)
    raw = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", "-f", "1", "-l", "1", str(done.pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    assert words(raw) == words(second["with"])
    assert_valid_pdfa(done.archive)


@pytest.mark.slow
def test_generated_speckled_footer_under_a_garbled_label_is_read_in_order_end_to_end(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The seventh speckled document of seed 529 (``generate.py --docs 8 --groups speckle``: an invitation of Quỳnh
    Hậu, one page) through ``archivist process``: its label is read ``Nơtnhận:``, which the footer parser does not
    take, and the footer was left read across both columns (``Nơtnhận: - KT. CHỦ TỊCH``); the list's dashes under
    the label open it (``label_by_place``), and the list comes before the signature block. The same words, signer,
    position, authority and recipients either way (none found: the parser misses the label both ways); in reading
    order it loses fewer; the PDF/A's text layer in the record's order, PDF/A-1b valid."""
    import subprocess

    from archivist import footorder
    from archivist.metrics import words
    from tests.pdfcheck import assert_valid_pdfa

    done, recs, text, _ = _in_order_both_ways(
        tmp_path, 529, lambda: monkeypatch.setattr(footorder, "label_by_place", lambda *a: False), 0, doc=7,
        group="speckle", docs=8)
    lines = text["with"].split("\n")
    at = {key: next(i for i, line in enumerate(lines) if key in line) for key in ("nhận:", "- Như", "- Lưu", "KT.")}
    assert at["nhận:"] < at["- Như"] < at["- Lưu"] < at["KT."]  # the label (``Nơtnhận:``), the list, the block
    assert "KT." in next(line for line in text["without"].split("\n") if "nhận:" in line)  # read across before
    for key in ("signer", "signer_position", "recipients", "authority", "needs_review"):
        assert recs["with"]["metadata"].get(key) == recs["without"]["metadata"].get(key)
    raw = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(done.pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    assert words(raw) == words(text["with"])
    assert_valid_pdfa(done.archive)
