"""Review flags, hundred-and-thirtieth round (issue 14 item 9, session 41; fitted on the case it catches, session
40's open case: nothing held out behind it): TW136 typewriter-18-kh-055-quang-phu stored the subject ``Tổ chức các
hoạt động kỷ niệm`` (0.734) without its second line ``Ngày Quốc khánh 02/9 năm 2005``, read ``Ngày Quốc khánh 82/8
:=ắm 2008`` and taken for a ``label:`` line by the colon in its weak word. The line stands centred right under the
subject's (``subjectstop.centred_stop_doubt``): flagged, the value kept."""

from __future__ import annotations

from archivist import classify
from archivist.classify import PageText
from archivist.extract import Metadata, extract
from archivist.ocrtext import Line, page_lines
from archivist.subjectstop import centred_stop_doubt

Word = tuple[str, float, tuple[int, int, int, int], int]

#: TW136 typewriter-18-kh-055-quang-phu's page 1 to the body's third line, as read (text, confidence, box, line)
PAGE: list[Word] = [
    ('UBND', 92.5, (552, 327, 673, 369), 0), ('HUYỆN', 93.26, (709, 320, 860, 374), 0),
    ('QUẢNG', 91.9, (895, 319, 1048, 377), 0), ('ĐIỀN', 91.79, (1080, 317, 1203, 367), 0),
    ('CỘNG', 79.5, (1315, 323, 1438, 378), 0), ('HOÁ', 80.35, (1473, 321, 1564, 366), 0),
    ('XÃ', 93.31, (1595, 319, 1658, 369), 0), ('1ộï', 17.67, (1691, 323, 1780, 378), 0),
    ('CHÚ', 86.43, (1815, 318, 1905, 366), 0), ('NGHĨA', 0.0, (1941, 322, 2095, 368), 0),
    ('VIỆT', 95.86, (2125, 321, 2250, 376), 0), ('NAM', 96.9, (2283, 326, 2374, 366), 0),
    ('ỦY', 96.53, (646, 383, 706, 433), 1), ('BAN', 93.23, (740, 394, 828, 432), 1),
    ('NHÂN', 95.82, (865, 388, 984, 433), 1), ('DÂN', 93.19, (1020, 388, 1109, 433), 1),
    ('Độc', 94.04, (1391, 394, 1489, 446), 1), ('lập', 93.24, (1530, 391, 1624, 448), 1),
    ('-', 93.09, (1668, 411, 1686, 420), 1), ('Tự', 96.19, (1728, 396, 1797, 442), 1),
    ('đo', 93.02, (1829, 390, 1894, 435), 1), ('-', 93.02, (1937, 411, 1955, 420), 1),
    ('Hạnh', 95.96, (1999, 390, 2129, 444), 1), ('phúc', 95.78, (2167, 390, 2296, 448), 1),
    ('XÃ', 93.24, (690, 455, 753, 505), 2), ('QUẢNG', 88.02, (785, 456, 939, 512), 2),
    ('PHÚ', 92.09, (973, 455, 1062, 504), 2), ('Số:', 92.64, (653, 562, 736, 609), 3),
    ('55/KH-UBND', 90.54, (783, 565, 1103, 609), 3), ('Quảng', 96.07, (1295, 636, 1454, 689), 4),
    ('Phú.', 95.41, (1489, 635, 1602, 681), 4), ('ngày', 96.36, (1651, 636, 1781, 689), 4),
    ('5', 96.6, (1813, 639, 1844, 678), 4), ('tháng', 90.48, (1883, 635, 2037, 689), 4),
    ('2', 96.4, (2071, 639, 2103, 678), 4), ('năm', 76.84, (2137, 632, 2234, 677), 4),
    ('2005', 95.3, (2266, 638, 2395, 679), 4), ('KẾ', 96.93, (1342, 793, 1407, 848), 5),
    ('HOẠCH', 96.13, (1447, 806, 1615, 860), 5), ('Tổ', 96.96, (992, 870, 1057, 922), 6),
    ('chức', 95.86, (1094, 876, 1225, 921), 6), ('các', 95.84, (1263, 880, 1358, 924), 6),
    ('hoạt', 96.86, (1397, 877, 1525, 932), 6), ('động', 96.58, (1563, 877, 1695, 934), 6),
    ('kỷ', 96.85, (1734, 876, 1796, 932), 6), ('niệm', 96.66, (1834, 879, 1965, 932), 6),
    ('Ngày', 96.71, (993, 951, 1125, 1006), 7), ('Quốc', 96.52, (1161, 949, 1291, 1005), 7),
    ('khánh', 96.42, (1331, 950, 1493, 996), 7), ('82/8', 93.25, (1532, 951, 1661, 995), 7),
    (':=ắm', 25.65, (1700, 947, 1797, 993), 7), ('2008', 63.85, (1834, 954, 1964, 995), 7),
    ('Thực', 96.71, (662, 1070, 788, 1119), 8), ('hiện', 88.28, (827, 1070, 950, 1120), 8),
    ('Kế', 79.36, (988, 1066, 1049, 1112), 8), ('hoạch', 96.47, (1087, 1070, 1241, 1121), 8),
    ('số', 93.28, (1281, 1068, 1340, 1113), 8), ('76/KH-UB5ND', 37.16, (1377, 1071, 1697, 1115), 8),
    ('ngày', 76.47, (1735, 1071, 1858, 1124), 8), ('01', 86.6, (1895, 1073, 1956, 1114), 8),
    ('tháng', 95.44, (1994, 1070, 2149, 1124), 8), ('02', 95.56, (2186, 1073, 2247, 1113), 8),
    ('nắm', 94.62, (2286, 1067, 2377, 1111), 8), ('2085', 91.17, (514, 1142, 639, 1183), 9),
    ('của', 95.83, (675, 1136, 770, 1182), 9), ('Ủy', 96.05, (806, 1129, 866, 1192), 9),
    ('ban', 95.76, (904, 1139, 994, 1181), 9), ('nhân', 96.6, (1034, 1140, 1156, 1182), 9),
    ('dân', 96.36, (1195, 1140, 1286, 1183), 9), ('huyện', 96.45, (1325, 1140, 1480, 1192), 9),
    ('Quảng', 95.13, (1518, 1141, 1675, 1194), 9), ('Điền,', 94.62, (1710, 1137, 1857, 1189), 9),
    ('Ủy', 94.96, (1908, 1129, 1968, 1192), 9), ('ban', 96.63, (2006, 1144, 2096, 1181), 9),
    ('nhân', 96.58, (2136, 1140, 2258, 1182), 9), ('dân', 96.92, (2297, 1140, 2387, 1183), 9),
    ('xã', 96.99, (513, 1209, 576, 1255), 10), ('Quảng', 95.99, (611, 1211, 767, 1264), 10),
    ('Phú', 95.92, (806, 1209, 897, 1255), 10), ('xây', 96.66, (935, 1210, 1028, 1262), 10),
    ('dựng', 96.09, (1065, 1211, 1188, 1264), 10), ('Kế', 96.96, (1227, 1206, 1287, 1253), 10),
    ('hoạch', 96.45, (1324, 1210, 1480, 1261), 10), ('thực', 96.58, (1523, 1210, 1642, 1259), 10),
    ('hiện', 96.5, (1682, 1210, 1804, 1260), 10), ('như', 75.76, (1844, 1210, 1939, 1256), 10),
    ('sau:', 53.78, (1974, 1216, 2088, 1255), 10),
]
REASON = "stands centred under its last line as a subject's next line does: the subject may go on there"


def _page(words: list[Word]) -> PageText:
    rows: dict[int, list[str]] = {}
    for w, _, _, ln in words:
        rows.setdefault(ln, []).append(w)
    return PageText(1, "\n".join(" ".join(rows.get(i, [])) for i in range(max(rows) + 1)), words, (), {})


def _extract(words: list[Word]) -> Metadata:
    classify._LAST = None  # pages that differ in their boxes only: classified afresh
    return extract([_page(words)])


def _moved(words: list[Word], line: int, dx: int = 0, dy: int = 0, text: dict[str, str] | None = None,
           wide: int = 0) -> list[Word]:
    """``words`` with line ``line``'s words moved by ``dx``, ``dy``, renamed by ``text``, its last word ``wide`` px
    wider."""
    text = text or {}
    last = max(i for i, w in enumerate(words) if w[3] == line)
    return [(text.get(w, w), c, (b[0] + dx, b[1] + dy, b[2] + dx + (wide if i == last else 0), b[3] + dy), ln)
            if ln == line else (w, c, b, ln) for i, (w, c, b, ln) in enumerate(words)]


def _lines(words: list[Word]) -> dict[int, Line]:
    return {ln.index: ln for ln in page_lines(_page(words)) if ln.text.strip()}


def test_the_line_centred_under_the_subject_is_doubted() -> None:
    lines = _lines(PAGE)
    why = centred_stop_doubt(lines[6], lines[7])
    assert why is not None and why.endswith(REASON) and "'Ngày Quốc khánh 82/8 :=ắm 2008'" in why, why


def test_a_line_off_centre_far_below_or_wider_is_not() -> None:
    for words in (_moved(PAGE, 7, dx=-400),  # a body line from the margin
                  _moved(PAGE, 7, dy=80),  # under a line's height and more of paper
                  _moved(PAGE, 7, dx=-300, wide=600)):  # as wide as the body, centred by chance
        lines = _lines(words)
        assert centred_stop_doubt(lines[6], lines[7]) is None
    lines = _lines(PAGE)
    assert centred_stop_doubt(lines[6], None) is None


def test_the_subject_is_flagged_and_kept_through_extract() -> None:
    meta = _extract(PAGE)
    assert meta.subject.value == "Tổ chức các hoạt động kỷ niệm" and "subject" in meta.needs_review
    assert (meta.subject.review or "").endswith(REASON)
    body = _extract(_moved(PAGE, 7, text={"Ngày": "Căn", "Quốc": "cứ"}))  # the body's opening words, centred or not
    assert "subject" not in body.needs_review, body.subject
    kinh = {"Ngày": "„", "Quốc": "Kính", "khánh": "gửi:", "82/8": "Ủy", ":=ắm": "ban", "2008": "huyện"}
    letter = _extract(_moved(PAGE, 7, text=kinh))  # HG176/HG177's right subjects: a speck before ``Kính gửi:``
    assert "subject" not in letter.needs_review, letter.subject
