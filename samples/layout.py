"""Compose documents in the Decree 30/2020 layout as lines positioned in millimetres on A4.

Kept apart from rendering so the ground truth (the exact lines drawn) and the pictures come
from one description.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field

from PIL import ImageFont

from samples.vocab import BODY_SENTENCES, HAMLETS, PERIODS, RECIPIENTS, TYPES

LEFT_C, RIGHT_C = 55.0, 142.0  # centres of the two header columns (mm)
MARGIN_L, MARGIN_R, TOP, BOTTOM = 30.0, 190.0, 18.0, 275.0
LINE = 6.2  # line pitch for 13 pt (mm)


@dataclass
class Line:
    text: str
    x: float
    y: float
    pt: float = 13.0
    style: str = "regular"
    align: str = "left"  # left | center | right (x is the anchor)


@dataclass
class Page:
    lines: list[Line] = field(default_factory=list)
    rules: list[tuple[float, float, float]] = field(default_factory=list)

    def text(self) -> str:
        return "\n".join(ln.text for ln in self.lines)


@dataclass
class Doc:
    type: str
    code: str | None
    kind: str
    slug: str
    metadata: dict
    pages: list[Page]
    civil: dict | None = None


def _measure(text: str, pt: float, style: str = "regular") -> float:
    """Width in mm of ``text`` in Liberation Serif at ``pt`` (for wrapping)."""
    from samples.generate import font

    f: ImageFont.FreeTypeFont = font(style, 100)
    return f.getlength(text) / 100 * pt / 72 * 25.4


def wrap(text: str, width_mm: float, pt: float = 13.0, style: str = "regular") -> list[str]:
    out, cur = [], ""
    for w in text.split():
        cand = f"{cur} {w}".strip()
        if cur and _measure(cand, pt, style) > width_mm:
            out.append(cur)
            cur = w
        else:
            cur = cand
    return out + ([cur] if cur else [])


def _date(r: random.Random) -> tuple[int, int, int]:
    return r.randint(2005, 2025), r.randint(1, 12), r.randint(1, 28)


def _date_vn(y: int, m: int, d: int) -> str:
    return f"ngày {d:02d} tháng {m:02d} năm {y}" if m <= 2 else f"ngày {d:02d} tháng {m} năm {y}"


def _slug(text: str) -> str:
    t = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    t = "".join(c for c in t if unicodedata.category(c) != "Mn").lower()
    return "-".join("".join(c if c.isalnum() else " " for c in t).split())


class _Writer:
    """Places lines top to bottom, starting a new page when the current one is full."""

    def __init__(self) -> None:
        self.pages = [Page()]
        self.y = TOP

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def need(self, mm: float) -> None:
        if self.y + mm > BOTTOM:
            self.pages.append(Page())
            self.page.lines.append(Line(str(len(self.pages)), 105.0, 10.0, 13, "regular", "center"))
            self.y = TOP + 4

    def add(self, text: str, x: float, pt: float = 13.0, style: str = "regular", align: str = "left",
            step: float = LINE) -> None:
        self.need(step)
        self.page.lines.append(Line(text, x, self.y, pt, style, align))
        self.y += step

    def para(self, text: str, pt: float = 13.0, style: str = "regular") -> None:
        for i, ln in enumerate(wrap(text, MARGIN_R - MARGIN_L - 10, pt, style)):
            self.add(ln, MARGIN_L + (10 if i == 0 else 0), pt, style)


def compose(kind: str, r: random.Random, commune: str, district: str, signer: str, n_pages: int = 1) -> Doc:
    """One document of ``kind`` (a key of vocab.TYPES, "Khai sinh" or "Đất đai")."""
    y, m, d = _date(r)
    num = r.randint(1, 250)
    slots = {"y": y, "m": m, "commune": commune, "district": district, "hamlet": r.choice(HAMLETS),
             "period": r.choice(PERIODS), "n2": r.randint(1, 300), "d2": f"{r.randint(1, 28):02d}/01/{y}",
             "d3": f"{r.randint(1, 28):02d}/{m:02d}/{y}", "area": f"{r.randint(120, 980)},{r.randint(1, 9)}",
             "pct": r.randint(82, 108), "money": f"{r.randint(12, 950)}.{r.randint(100, 999)}.000",
             "hh": r.randint(900, 3200), "poor": r.randint(10, 90), "near": r.randint(10, 120),
             "yield_": f"{r.randint(55, 72)},{r.randint(1, 9)}", "person": signer}
    if kind == "Khai sinh":
        return _civil(r, commune, district, signer, (y, m, d), num, slots)
    if kind == "Đất đai":
        subjects = ["Xác minh nguồn gốc, hiện trạng sử dụng thửa đất"]
        code, title, opening, closing = "BB", "BIÊN BẢN", TYPES["Biên bản"][3], TYPES["Biên bản"][4]
        doc_type, doc_kind = "Biên bản", "land"
    else:
        code, title, subjects, opening, closing = TYPES[kind]
        doc_type, doc_kind = kind, "administrative"
    issuer = f"ỦY BAN NHÂN DÂN XÃ {commune.upper()}"
    parent = f"UBND HUYỆN {district.upper()}"
    symbol = f"{code}-UBND" if code else r.choice(["UBND-VP", "UBND-ĐC", "UBND-TP"])
    number = f"{num:02d}/{symbol}"
    subject = r.choice(subjects).format(**slots)
    place = f"Xã {commune}"
    w = _Writer()
    header_left = [(parent, "regular"), ("ỦY BAN NHÂN DÂN", "bold"), (f"XÃ {commune.upper()}", "bold")]
    header_right = [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "bold"), ("Độc lập - Tự do - Hạnh phúc", "bold")]
    for i in range(3):
        if i < len(header_left):
            w.page.lines.append(Line(header_left[i][0], LEFT_C, w.y + i * LINE, 12.5, header_left[i][1], "center"))
        if i < len(header_right):
            w.page.lines.append(Line(header_right[i][0], RIGHT_C, w.y + i * LINE, 12.5 if i == 0 else 13.5,
                                     header_right[i][1], "center"))
    w.page.rules += [(LEFT_C - 12, LEFT_C + 12, w.y + 3 * LINE + 0.5),
                     (RIGHT_C - 24, RIGHT_C + 24, w.y + 2 * LINE + 0.5)]
    w.y += 3 * LINE + 4
    w.page.lines.append(Line(f"Số: {number}", LEFT_C, w.y, 13, "regular", "center"))
    w.page.lines.append(Line(f"{place}, {_date_vn(y, m, d)}", RIGHT_C, w.y, 13, "italic", "center"))
    w.y += LINE
    if code is None:  # công văn: trích yếu under the number, no title
        for ln in wrap(subject, 58, 12):
            w.add(ln, LEFT_C, 12, "regular", "center")
        w.y += LINE
    else:
        w.y += LINE
        w.add(title, 105, 14, "bold", "center", 7)
        for ln in wrap(subject, 140, 14, "bold"):
            w.add(ln, 105, 14, "bold", "center", 7)
        w.page.rules.append((85, 125, w.y))
        w.y += LINE
    n_sent = 6 + 16 * (n_pages - 1)
    for s in opening:
        w.para(s.format(**slots))
    for s in r.sample(BODY_SENTENCES, k=min(len(BODY_SENTENCES), n_sent)) + (
            r.choices(BODY_SENTENCES, k=max(0, n_sent - len(BODY_SENTENCES)))):
        w.para(s.format(**{**slots, "hamlet": r.choice(HAMLETS)}))
    for s in closing:
        w.para(s.format(**slots))
    w.y += LINE / 2
    authority, position = r.choice([("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")])
    w.need(8 * LINE)
    top = w.y
    w.page.lines.append(Line("Nơi nhận:", MARGIN_L - 5, top, 12, "bolditalic"))
    recips = r.sample(RECIPIENTS[:-1], 3) + [RECIPIENTS[-1]]
    for i, rc in enumerate(recips, start=1):
        w.page.lines.append(Line(f"- {rc}", MARGIN_L - 5, top + i * 5.0, 11))
    w.page.lines.append(Line(authority, 150, top, 13, "bold", "center"))
    w.page.lines.append(Line(position, 150, top + LINE, 13, "bold", "center"))
    w.page.lines.append(Line(signer, 150, top + 6 * LINE, 13, "bold", "center"))
    w.y = top + 7 * LINE
    meta = {"number": number, "date": f"{y:04d}-{m:02d}-{d:02d}", "place": place, "issuer": issuer,
            "parent_issuer": parent, "subject": subject, "signer": signer, "signer_position": position,
            "authority": authority.split()[0], "recipients": [rc.rstrip(";.") for rc in recips]}
    return Doc(doc_type, code, doc_kind, _slug(f"{code or 'cv'} {num} {commune}"), meta, w.pages)


def _civil(r: random.Random, commune: str, district: str, signer: str, ymd: tuple[int, int, int], num: int,
           slots: dict) -> Doc:
    """A birth-registration extract (Trích lục khai sinh)."""
    from samples.generate import person

    y, m, d = ymd
    by, bm, bd = y - r.randint(0, 1), r.randint(1, 12), r.randint(1, 28)
    child, father, mother = person(r), person(r), person(r)
    book = f"{r.randint(1, 9):02d}/{y}"
    w = _Writer()
    for i, (t, st) in enumerate([(f"UBND HUYỆN {district.upper()}", "regular"),
                                 (f"ỦY BAN NHÂN DÂN XÃ {commune.upper()}", "bold")]):
        w.page.lines.append(Line(t, LEFT_C, w.y + i * LINE, 12, st, "center"))
    motto = [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "bold"), ("Độc lập - Tự do - Hạnh phúc", "bold")]
    for i, (t, st) in enumerate(motto):
        w.page.lines.append(Line(t, RIGHT_C, w.y + i * LINE, 12.5 if i == 0 else 13.5, st, "center"))
    w.y += 3 * LINE
    w.page.lines.append(Line(f"Số: {num}/TLKS", LEFT_C, w.y, 13, "regular", "center"))
    w.y += 2 * LINE
    w.add("TRÍCH LỤC KHAI SINH", 105, 14, "bold", "center", 8)
    w.add("(Bản sao)", 105, 13, "italic", "center")
    w.y += LINE / 2
    fields = [("Họ, chữ đệm, tên:", child.upper()), ("Ngày, tháng, năm sinh:", f"{bd:02d}/{bm:02d}/{by}"),
              ("Giới tính:", r.choice(["Nam", "Nữ"])), ("Dân tộc:", "Kinh"), ("Quốc tịch:", "Việt Nam"),
              ("Nơi sinh:", f"Trạm Y tế xã {commune}, huyện {district}"),
              ("Họ, chữ đệm, tên người mẹ:", mother.upper()), ("Họ, chữ đệm, tên người cha:", father.upper()),
              ("Nơi đăng ký khai sinh:", f"Ủy ban nhân dân xã {commune}, huyện {district}"),
              ("Ngày, tháng, năm đăng ký:", f"{d:02d}/{m:02d}/{y}"), ("Quyển số:", book), ("Số:", str(num))]
    for label, value in fields:
        w.para(f"{label} {value}")
    w.y += LINE
    place = f"Xã {commune}"
    w.page.lines.append(Line(f"{place}, {_date_vn(y, m, d)}", 140, w.y, 13, "italic", "center"))
    w.y += LINE
    w.page.lines.append(Line("TM. ỦY BAN NHÂN DÂN", 140, w.y, 13, "bold", "center"))
    w.page.lines.append(Line("CHỦ TỊCH", 140, w.y + LINE, 13, "bold", "center"))
    w.page.lines.append(Line(signer, 140, w.y + 6 * LINE, 13, "bold", "center"))
    meta = {"number": f"{num}/TLKS", "date": f"{y:04d}-{m:02d}-{d:02d}", "place": place,
            "issuer": f"ỦY BAN NHÂN DÂN XÃ {commune.upper()}", "parent_issuer": f"UBND HUYỆN {district.upper()}",
            "subject": "Trích lục khai sinh", "signer": signer, "signer_position": "CHỦ TỊCH", "authority": "TM.",
            "recipients": []}
    civil = {"person": child, "event_date": f"{by:04d}-{bm:02d}-{bd:02d}", "book": book, "entry": str(num)}
    return Doc("Khai sinh", None, "civil_status", _slug(f"khai sinh {num} {commune}"), meta, w.pages, civil)
