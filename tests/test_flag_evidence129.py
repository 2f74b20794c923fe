"""Review flags, hundred-and-twenty-ninth round (issue 14 item 9, session 41; fitted on the case it catches,
session 40's open case: nothing held out behind it): HG176 speckle-19-qd-122-dong-son stored ``CHỦ TỊCH`` for ``PHÓ
CHỦ TỊCH`` (0.833) unflagged. Its block reads ``CHỦ TỊCH`` over ``CHỦ TỊCH`` (``KT.`` and ``PHÓ`` lost), but the first
sits on the row of ``Nơi nhận:`` with marks between (``Nơi nhận: : š CHỦ TỊCH``) and the block took no line there,
so ``repeated_doubt`` saw one position; ``deputyflags.stacked_doubt`` reads the page's words over the position in its
column. Flagged, kept."""

from __future__ import annotations

from archivist import classify
from archivist.classify import PageText
from archivist.deputyflags import stacked_doubt
from archivist.extract import Metadata, extract
from archivist.fields import Field
from archivist.footer import Footer
from archivist.ocrtext import page_lines
from tests.test_flag_evidence import HEAD, _page

Word = tuple[str, float, tuple[int, int, int, int], int]

#: HG176 speckle-19-qd-122's page 2 from the line over ``Nơi nhận:`` on, as read (text, confidence, box, line)
BLOCK: list[Word] = [
    ('.', 38.78, (267, 616, 271, 621), 9), ('hành', 96.47, (309, 599, 377, 625), 9),
    ('Quyết', 96.6, (388, 598, 474, 632), 9), ('Tàn', 0.0, (485, 599, 547, 655), 9),
    ('này.', 96.65, (559, 596, 613, 635), 9), ('Quế', 23.36, (626, 592, 711, 661), 9),
    ('nu', 10.73, (721, 599, 785, 659), 9), ('này', 65.46, (797, 599, 848, 632), 9),
    ('có', 82.44, (857, 599, 889, 624), 9), ('hiểu', 90.38, (901, 587, 965, 630), 9),
    ('HH', 46.5, (969, 591, 1045, 661), 9), ('kể', 96.94, (1026, 587, 1060, 624), 9),
    ('từ', 96.93, (1068, 599, 1097, 624), 9), ('ngày', 96.78, (1107, 599, 1175, 632), 9),
    ('“DI', 33.33, (1276, 603, 1331, 619), 9), ('Nơi', 96.98, (309, 685, 359, 709), 10),
    ('nhận:', 97.01, (368, 683, 447, 715), 10), (':', 61.98, (548, 679, 553, 683), 10),
    ('š', 60.63, (1092, 678, 1097, 717), 10), ('CHỦ', 96.31, (1201, 658, 1278, 721), 10),
    ('TỊCH', 96.83, (1289, 681, 1379, 721), 10), ('-', 93.26, (309, 744, 317, 747), 11),
    ('Như', 96.93, (328, 730, 382, 753), 11), ('Điều', 0.0, (391, 729, 448, 753), 11),
    ('4;', 0.0, (455, 731, 481, 757), 11), ('`', 41.56, (523, 727, 528, 733), 11),
    ('CHỦ', 96.04, (1211, 727, 1289, 765), 11), ('TỊCH', 96.17, (1299, 733, 1389, 765), 11),
    ('-', 92.2, (309, 782, 317, 785), 12), ('TT', 96.71, (332, 766, 362, 801), 12),
    ('Đảng', 96.49, (373, 769, 439, 797), 12), ('ủy,', 96.28, (449, 769, 482, 797), 12),
    ('HĐND', 94.95, (493, 770, 581, 791), 12), ('xã;', 96.81, (591, 769, 624, 795), 12),
    ('0n)', 0.0, (908, 797, 910, 800), 12), ('-', 93.15, (309, 821, 317, 824), 13),
    ('UBND', 89.64, (325, 809, 413, 835), 13), ('huyện', 95.69, (423, 803, 496, 840), 13),
    ('Thủy', 96.81, (505, 807, 569, 837), 13), ('Thun', 17.45, (581, 807, 683, 859), 13),
    ('SA', 0.0, (774, 815, 825, 839), 13), ('v0', 3.22, (852, 823, 856, 827), 13),
    ('c5', 14.83, (896, 816, 941, 833), 13), ('-', 20.62, (280, 867, 284, 871), 14),
    ('zâ:', 0.0, (309, 845, 391, 897), 14), ('VÌ,LC,', 0.0, (395, 847, 494, 871), 14),
    ('đx)', 19.65, (993, 786, 1173, 941), 14), ('|', 65.03, (1195, 854, 1196, 856), 14),
    ('.', 76.13, (645, 912, 647, 915), 15), ('bày', 0.0, (649, 987, 692, 1028), 16),
    ('-', 90.17, (1104, 1014, 1109, 1048), 16), ('Châu', 96.78, (1129, 999, 1213, 1025), 16),
    ('Văn', 97.01, (1222, 999, 1284, 1029), 16), ('Nghĩa', 96.77, (1295, 999, 1385, 1033), 16),
]
POSITION = "one position printed twice is a deputy's block (KT. over PHÓ) whose 'KT.' and 'PHÓ' were not read"


def _with_head(words: list[Word]) -> PageText:
    """The fixture's head (:data:`tests.test_flag_evidence.HEAD`, lines 0-6) over ``words`` (lines 9 on)."""
    head = _page(HEAD)
    allw = list(head.words) + words
    rows: dict[int, list[str]] = {}
    for w, _, _, ln in allw:
        rows.setdefault(ln, []).append(w)
    return PageText(1, "\n".join(" ".join(rows.get(i, [])) for i in range(max(rows) + 1)), allw, (), {})


def _extract(page: PageText) -> Metadata:
    classify._LAST = None  # pages that differ in their boxes only: classified afresh
    return extract([page])


def _moved(words: list[Word], line: int, dy: int = 0, dx: int = 0, text: dict[str, str] | None = None) -> list[Word]:
    """``words`` with line ``line``'s words moved by ``dx``, ``dy`` and renamed by ``text``."""
    text = text or {}
    return [(text.get(w, w), c, (b[0] + dx, b[1] + dy, b[2] + dx, b[3] + dy), ln) if ln == line else (w, c, b, ln)
            for w, c, b, ln in words]


def _stacked(words: list[Word], value: str = "CHỦ TỊCH", authority: bool = False) -> str | None:
    page = _with_head(words)
    lines = [ln for ln in page_lines(page) if ln.index == 11 and ln.text == "CHỦ TỊCH"]
    footer = Footer(1, authority=("KT.", lines[0]) if authority else None, positions=lines)
    return stacked_doubt(Field(value, 0.833, 1, lines[0].box(), value), footer, [page])


def test_the_position_read_again_over_it_in_its_column_is_doubted() -> None:
    why = _stacked(BLOCK)
    assert why is not None and why.endswith(POSITION) and "'CHỦ TỊCH' again" in why, why


def test_a_chairs_block_a_deputys_an_authoritys_or_a_far_line_is_not() -> None:
    assert _stacked(_moved(BLOCK, 10, text={"CHỦ": "ỦY", "TỊCH": "BAN"})) is None  # TM.'s body over the chair
    assert _stacked(BLOCK, value="PHÓ CHỦ TỊCH") is None  # a deputy's position already
    assert _stacked(BLOCK, authority=True) is None  # the authority was read
    assert _stacked(_moved(BLOCK, 10, dy=-80)) is None  # two lines' height of paper over it: another block
    assert _stacked(_moved(BLOCK, 10, dx=-700)) is None  # in the recipients' column
    assert _stacked([w for w in BLOCK if not (w[3] == 10 and w[2][0] > 1000)]) is None  # nothing over it


def test_the_block_is_flagged_and_kept_through_extract() -> None:
    meta = _extract(_with_head(BLOCK))
    assert meta.signer_position.value == "CHỦ TỊCH" and "signer_position" in meta.needs_review
    assert (meta.signer_position.review or "").endswith(POSITION)
    chair = _extract(_with_head(_moved(BLOCK, 10, text={"CHỦ": "ỦY", "TỊCH": "BAN"})))
    assert chair.signer_position.value == "CHỦ TỊCH" and "signer_position" not in chair.needs_review
