"""Synthetic documents as Tesseract would read them: laid out, noised, and measured against their truth.

:func:`render` lays a :class:`tests.docfixtures.Doc` out the ways Tesseract reads a Decree 30 page (the
header and footer columns interleaved line by line, or one column after the other in either order,
long issuer lines wrapped, pages numbered from the second); :func:`noisy` applies the slips of
Tesseract's ``vie`` model on degraded scans at a given level; :func:`measure` and :func:`split_f1`
score the classifier and the extractor on the result.
"""

from __future__ import annotations

import random
import unicodedata

from archivist.classify import PageText
from tests.docfixtures import ALL_TYPES, Doc, make_doc

# --- layout as Tesseract reads it, and OCR noise ---------------------------------------------------


def _columns(r: random.Random, left: list[str], right: list[str], mode: str) -> list[str]:
    if mode == "interleave":
        n = max(len(left), len(right))
        left, right = left + [""] * (n - len(left)), right + [""] * (n - len(right))
        return [f"{a} {b}".strip() for a, b in zip(left, right, strict=True)]
    return left + [""] + right if mode == "left" else right + [""] + left


def _break_lines(r: random.Random, lines: list[str], p: float) -> list[str]:
    out = []
    for ln in lines:
        words = ln.split()
        if len(words) >= 4 and len(ln) > 18 and ln.isupper() and r.random() < p:  # a long name wraps late
            k = r.randint((len(words) + 1) // 2, len(words) - 1)
            out += [" ".join(words[:k]), " ".join(words[k:])]
        else:
            out.append(ln)
    return out


def render(doc: Doc, r: random.Random, p_break: float = 0.0, per_page: int = 34) -> list[str]:
    """The page texts Tesseract would give for ``doc``; sets the truth's page_count."""
    head = _columns(
        r, _break_lines(r, doc.left, p_break), doc.right, r.choice(["interleave", "interleave", "left", "right"])
    )
    sep = r.choice([[], [""], ["______"], ["", "—————"]])
    lines = head + [""] + doc.title + sep + [""] + doc.body + [""]
    foot_mode = r.choice(["interleave", "interleave", "left", "right"]) if doc.foot_left else "left"
    foot = _columns(r, doc.foot_left, doc.foot_right, foot_mode)
    if r.random() < 0.7 and len(lines) % per_page + len(foot) > per_page:  # keep the signature on one page
        lines += [""] * (per_page - len(lines) % per_page)
    lines += foot
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)]
    doc.truth["metadata"]["page_count"] = len(pages)
    return ["\n".join(([str(i + 1), ""] if i else []) + p) for i, p in enumerate(pages)]


_TONE_SWAP = str.maketrans("ếểạậộợờựắ", "ểếaâôơơưă")


def _strip_marks(w: str) -> str:
    nfd = unicodedata.normalize("NFD", w)
    return unicodedata.normalize("NFC", "".join(c for c in nfd if not unicodedata.combining(c)))


LEVELS = {
    "clean": dict(marks=0.0, tone=0.0, d=0.0, o=0.0, so=0.0, qd=0.0, brk=0.0),
    "light": dict(marks=0.04, tone=0.02, d=0.02, o=0.03, so=0.2, qd=0.4, brk=0.3),
    "heavy": dict(marks=0.15, tone=0.05, d=0.06, o=0.08, so=0.4, qd=0.7, brk=0.5),
}


def noisy(text: str, r: random.Random, level: str = "light") -> str:
    """``text`` as a degraded OCR would give it (see the module docstring)."""
    p = LEVELS[level]
    if r.random() < p["qd"]:
        text = text.replace("QĐ", r.choice(["QD", "QĐ", "Q.Đ", "QĐĐ"]), 1)
    if r.random() < p["so"]:
        text = text.replace("Số:", r.choice(["S6:", "Sô:", "So:", "SỐ:", "Số :"]), 1)
    out = []
    for tok in text.split(" "):
        x = r.random()
        if x < p["marks"]:
            tok = _strip_marks(tok)
        elif x < p["marks"] + p["tone"]:
            tok = tok.translate(_TONE_SWAP)
        if r.random() < p["d"]:
            tok = tok.replace("đ", "d").replace("Đ", "D")
        if r.random() < p["o"]:
            tok = tok.replace("O", "0") if tok.isupper() else tok.replace("0", "O") if tok[:1].isdigit() else tok
        out.append(tok)
    return " ".join(out)


def sample_docs(seed: int, n: int, level: str = "light") -> list[tuple[list[PageText], dict]]:
    """``n`` documents cycling through every type, rendered and noised; with their truth."""
    r = random.Random(seed)
    out = []
    for i in range(n):
        type_name, kind = ALL_TYPES[i % len(ALL_TYPES)]
        doc = make_doc(r, type_name, kind)
        texts = render(doc, r, LEVELS[level]["brk"])
        doc.truth["document"] = f"{seed}-{i:03d}"
        out.append(([PageText(k + 1, noisy(t, r, level)) for k, t in enumerate(texts)], doc.truth))
    return out


# --- measuring -------------------------------------------------------------------------------------

FIELDS = (
    "number",
    "date",
    "place",
    "issuer",
    "parent_issuer",
    "subject",
    "signer",
    "signer_position",
    "authority",
    "recipients",
    "page_count",
    "person",
    "event_date",
    "book",
    "entry",
)


def _norm(v: object) -> object:
    if isinstance(v, str):
        return " ".join(unicodedata.normalize("NFC", v).split()) or None
    return v or None if isinstance(v, list) else v


Scored = tuple[dict[str, float], list[str]]


def measure(docs: list[tuple[list[PageText], dict]], fields: tuple[str, ...] = FIELDS) -> Scored:
    """Type accuracy and per-field exact-match accuracy over ``docs``, and a line per miss.

    The truth's ``number`` is the full number/symbol (``45/QĐ-UBND``), compared with ``number_symbol``."""
    from archivist.classify import classify
    from archivist.extract import extract

    hits: dict[str, list[bool]] = {"type": []}
    misses = []
    for pages, truth in docs:
        c = classify(pages)
        hits["type"].append(c.type == truth["type"])
        if c.type != truth["type"]:
            misses.append(f"{truth['document']} type: {c.type} ({c.confidence}) != {truth['type']}")
        if not fields:
            continue
        meta = extract(pages, c).values()
        meta["number"] = meta.get("number_symbol")
        want = {**truth["metadata"], **truth.get("civil", {})}  # samples/ keeps civil fields apart
        for f in fields:
            if f not in want:
                continue
            ok = _norm(meta.get(f)) == _norm(want[f])
            hits.setdefault(f, []).append(ok)
            if not ok:
                misses.append(f"{truth['document']} {truth['type']} {f}: {meta.get(f)!r} != {want[f]!r}")
    return {k: sum(v) / len(v) for k, v in hits.items()}, misses


_MOTTO_LINE = ("CỘNG H", "Độc lập", "ĐẢNG CỘNG")


def _lose_motto(text: str) -> str:
    """The first page as OCR gives it when the motto column was too faint to read."""
    return "\n".join(ln for ln in text.split("\n") if not ln.strip().startswith(_MOTTO_LINE))


def dossiers(seed: int, n: int, level: str = "light", p_lost: float = 0.2) -> list[tuple[list[PageText], list[int]]]:
    """``n`` multi-document scans (2-6 documents each) with the page numbers where documents start; on
    ``p_lost`` of the first pages the OCR lost the motto (read on its own lines, so wholly lost)."""
    r = random.Random(seed)
    docs = sample_docs(seed, n * 4, level)
    out = []
    for _ in range(n):
        pages: list[PageText] = []
        starts = []
        for pp, _truth in r.sample(docs, r.randint(2, 6)):
            starts.append(len(pages) + 1)
            texts = [p.text for p in pp]
            if r.random() < p_lost:
                texts[0] = _lose_motto(texts[0])
            pages += [PageText(len(pages) + k + 1, t) for k, t in enumerate(texts)]
        out.append((pages, starts))
    return out


def split_f1(cases: list[tuple[list[PageText], list[int]]]) -> tuple[float, list[str]]:
    """Boundary F1 over every page but the first of each scan (which always starts a document)."""
    from archivist.classify import split_dossier

    tp = fp = fn = 0
    misses = []
    for i, (pages, starts) in enumerate(cases):
        got = {b.start_page for b in split_dossier(pages)} - {1}
        want = set(starts) - {1}
        tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
        if got != want:
            misses.append(f"scan {i}: extra {sorted(got - want)} missed {sorted(want - got)}")
    return (2 * tp / (2 * tp + fp + fn) if tp else 0.0), misses


# --- real Tesseract output ----------------------------------------------------------------------------
# Tesseract 5.3 ``-l vie`` (tessdata_fast) on headers rendered for this project with PIL and Liberation
# Serif 2: a Quyết định at 300 dpi (with its word boxes: note ``QĐÐ``, the bar read twice, at 73 %), a
# Công văn at 200 dpi blurred, noised and tilted 1.5° (the motto came out first, ``THIÊN`` lost its grave),
# and a typewriter-face Báo cáo at 130 dpi (``2066`` for 2006 in the date, ``THANH`` lost its dot).

REAL_QD_TEXT = (
    'UBND HUYỆN ĐỊNH QUÁN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n'
    '\n'
    'ỦY BAN NHÂN DÂN XÃ TÂN PHÚ Độc lập - Tự do - Hạnh phúc\n'
    'Số: 45/QĐÐ-UBND Tân Phú, ngày 12 tháng 3 năm 2019\n'
    'QUYẾT ĐỊNH\n'
    '\n'
    'Về việc phê duyệt kế hoạch cải cách hành chính năm 2019\n'
    '\n'
    'CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TÂN PHÚ\n'
    '\n'
    'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;'
)

REAL_QD_WORDS = [
    ('UBND', 92.8, (433, 102, 572, 135), 0), ('HUYỆN', 95.0, (587, 92, 760, 143), 0),
    ('ĐỊNH', 92.9, (775, 102, 898, 143), 0), ('QUÁN', 90.9, (913, 92, 1055, 143), 0),
    ('CỘNG', 95.5, (1171, 92, 1318, 145), 0), ('HÒA', 96.5, (1333, 91, 1445, 135), 0),
    ('XÃ', 96.8, (1456, 92, 1527, 135), 0), ('HỘI', 96.3, (1541, 92, 1636, 145), 0),
    ('CHỦ', 96.0, (1652, 92, 1760, 135), 0), ('NGHĨA', 96.9, (1774, 92, 1943, 135), 0),
    ('VIỆT', 95.6, (1953, 92, 2074, 145), 0), ('NAM', 96.9, (2086, 102, 2204, 135), 0),
    ('ỦY', 96.7, (351, 158, 421, 201), 1), ('BAN', 96.7, (433, 168, 537, 201), 1),
    ('NHÂN', 96.6, (551, 157, 697, 201), 1), ('DÂN', 96.6, (711, 157, 817, 201), 1),
    ('XÃ', 96.6, (832, 158, 903, 201), 1), ('TÂN', 93.3, (916, 157, 1019, 201), 1),
    ('PHÚ', 91.5, (1034, 157, 1137, 201), 1), ('Độc', 96.5, (1358, 167, 1446, 216), 1),
    ('lập', 93.3, (1461, 167, 1530, 217), 1), ('-', 92.8, (1548, 190, 1562, 195), 1),
    ('Tự', 96.6, (1577, 170, 1646, 216), 1), ('do', 93.3, (1660, 168, 1713, 206), 1),
    ('-', 93.1, (1731, 190, 1745, 195), 1), ('Hạnh', 96.6, (1761, 168, 1888, 216), 1),
    ('phúc', 96.9, (1904, 167, 2016, 217), 1), ('Số:', 93.3, (546, 300, 610, 341), 2),
    ('45/QĐÐ-UBND', 72.7, (629, 304, 944, 349), 2), ('Tân', 96.4, (1297, 303, 1375, 341), 2),
    ('Phú,', 96.8, (1390, 303, 1487, 348), 2), ('ngày', 96.6, (1506, 303, 1609, 352), 2),
    ('12', 96.8, (1625, 304, 1676, 340), 2), ('tháng', 96.8, (1692, 303, 1811, 352), 2),
    ('3', 96.8, (1827, 304, 1852, 341), 2), ('năm', 96.6, (1869, 303, 1958, 341), 2),
    ('2019', 96.8, (1974, 304, 2081, 341), 2), ('QUYẾT', 96.8, (1057, 471, 1260, 533), 3),
    ('ĐỊNH', 96.3, (1275, 485, 1424, 534), 3), ('Về', 96.2, (525, 555, 590, 599), 4),
    ('việc', 96.2, (606, 557, 701, 609), 4), ('phê', 96.7, (718, 557, 806, 610), 4),
    ('duyệt', 96.7, (824, 557, 960, 610), 4), ('kế', 96.8, (976, 555, 1036, 599), 4),
    ('hoạch', 96.6, (1048, 558, 1194, 609), 4), ('cải', 95.6, (1212, 557, 1280, 599), 4),
    ('cách', 96.5, (1298, 557, 1407, 599), 4), ('hành', 96.5, (1424, 557, 1547, 599), 4),
    ('chính', 96.9, (1565, 557, 1700, 599), 4), ('năm', 96.9, (1718, 557, 1824, 599), 4),
    ('2019', 96.1, (1842, 559, 1954, 599), 4), ('CHỦ', 96.7, (633, 699, 757, 749), 5),
    ('TỊCH', 96.4, (773, 709, 919, 759), 5), ('ỦY', 97.0, (936, 699, 1018, 749), 5),
    ('BAN', 93.4, (1032, 709, 1153, 748), 5), ('NHÂN', 96.2, (1169, 698, 1338, 748), 5),
    ('DÂN', 96.7, (1354, 698, 1478, 748), 5), ('XÃ', 96.7, (1495, 698, 1576, 748), 5),
    ('TÂN', 93.3, (1592, 698, 1712, 748), 5), ('PHÚ', 90.6, (1729, 698, 1848, 749), 5),
    ('Căn', 96.3, (273, 828, 364, 869), 6), ('cứ', 96.9, (383, 827, 442, 869), 6),
    ('Luật', 96.7, (452, 827, 560, 878), 6), ('Tổ', 96.9, (578, 826, 637, 869), 6),
    ('chức', 96.8, (652, 827, 761, 869), 6), ('chính', 96.5, (778, 827, 902, 869), 6),
    ('quyền', 96.8, (922, 826, 1055, 880), 6), ('địa', 96.8, (1075, 828, 1145, 878), 6),
    ('phương', 96.3, (1158, 828, 1338, 880), 6), ('ngày', 96.8, (1356, 827, 1467, 880), 6),
    ('19', 96.9, (1484, 830, 1539, 869), 6), ('tháng', 96.5, (1557, 827, 1684, 880), 6),
    ('6', 96.5, (1703, 830, 1730, 869), 6), ('năm', 96.7, (1746, 828, 1841, 869), 6),
    ('2015;', 96.3, (1859, 829, 1990, 877), 6),
]

REAL_CV_TEXT = (
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n'
    '\n'
    'ỦY BAN NHÂN DÂN\n'
    'XÃ PHƯỚC THIÊN Độc lập - Tự do - Hạnh phúc\n'
    'Số: 102/UBND-VP Phước Thiền, ngày 05 tháng 02 năm 2020\n'
    '\n'
    'V/v đề nghị hỗ trợ kinh phí sửa chữa\n'
    'trụ sở Ủy ban nhân dân xã\n'
    '\n'
    'Kính gửi: Ủy ban nhân dân huyện Nhơn Trạch.\n'
    'Nơi nhận: TM. ỦY BAN NHÂN DÂN\n'
    '\n'
    '- Như trên; KT. CHỦ TỊCH\n'
    '- TT. Đảng ủy xã; PHÓ CHỦ TỊCH\n'
    '- Lưu: VT, VP.\n'
    '\n'
    'Lê Thị Hồng Nhung'
)

REAL_OLD_BC_TEXT = (
    'UBND HUYỆN CỦ CHI CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n'
    '\n'
    'UBND XÃ TÂN THANH ĐÔNG Độc lập - Tự do - Hạnh phúc\n'
    'Số: 17/BC-UB Tân Thạnh Đông, ngày 8 tháng 9 năm 2066\n'
    'BÁO CÁO\n'
    '\n'
    'Tình hình thực hiện nhiệm vụ kinh tế - xã hội 9 tháng đầu năm 20696'
)
