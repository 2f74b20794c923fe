"""Ruled tables for the ``tables`` hard group (:mod:`samples.hard`): a list of households appended to a
decision (running over pages, its heading row repeated), a statistics table inside a report, and a
page of a birth register set as a printed form (numbered columns, names wrapped inside their cells).

Why tables get their own samples: commune records are full of them, and their rules are what OCR
reads as ``|`` or ``l`` glued to the words. Each cell's text is a :class:`~samples.layout.Line` of
the page (:mod:`samples.ruled` draws them), so the ground truth reads the table row by row.
"""

from __future__ import annotations

import datetime as dt
import random

from samples import vocab
from samples.citizen import _dmy, _iso, leaf_meta, register_head, registered_birth
from samples.documents import Block, Ctx, Doc, signature, slug, title
from samples.layout import Writer
from samples.letters import administrative
from samples.ruled import Column, Table, place
from samples.slots import money, person

# --- the documents -----------------------------------------------------------------------------------

NOTES = ["", "", "", "", "Hộ nghèo", "Hộ cận nghèo", "Gia đình chính sách", "Người cao tuổi"]


def decision_with_list(r: random.Random, ctx: Ctx, n_extra: int = 0) -> Doc:
    """A Quyết định on support to households, with the list of households appended on pages of its
    own (``DANH SÁCH ... Kèm theo Quyết định số ...``): 12 to 40 rows, so it often runs over a page."""
    doc = administrative("Quyết định", r, ctx, n_extra)
    w = Writer(ctx.geo)
    w.pages = doc.pages
    w.new_page()
    number, date = doc.metadata["number"], f"{ctx.d:02d}/{ctx.m:02d}/{ctx.y}"
    title(w, "DANH SÁCH", "Các hộ gia đình được hỗ trợ kinh phí", rule=False)
    w.centred(f"(Kèm theo Quyết định số {number} ngày {date} của Ủy ban nhân dân {ctx.unit})", 13.0,
              "italic", w.geo.width)
    w.y += 3.0
    rows, people, amount_sum = [], 0, 0
    for i in range(1, r.randint(12, 40) + 1):
        name = person(r)[0]
        members, amount = r.randint(1, 8), r.randint(5, 60) * 100_000
        people, amount_sum = people + members, amount_sum + amount
        hamlet = r.choice(vocab.HAMLETS)
        rows.append([str(i), name, hamlet[0].upper() + hamlet[1:], str(members), money(amount), r.choice(NOTES)])
    rows.append(["", "Tổng cộng", "", str(people), money(amount_sum), ""])
    width = w.geo.width
    cols = [Column("STT", 12, "center"), Column("Họ và tên chủ hộ", 46), Column("Địa chỉ", 32),
            Column("Số nhân khẩu", 20, "center"), Column("Số tiền hỗ trợ (đồng)", 28, "right")]
    cols.append(Column("Ghi chú", width - sum(c.width for c in cols)))
    place(w, Table(cols, rows, pt=12.0))
    doc.pages = w.pages
    return doc


#: (indicator, unit, plausible range of the year's plan, decimals)
INDICATORS = [("Tổng diện tích gieo trồng", "ha", 800, 2600, 1), ("Sản lượng lương thực", "tấn", 3000, 12000, 1),
              ("Thu ngân sách xã", "triệu đồng", 1500, 9000, 0), ("Đàn gia súc, gia cầm", "con", 20000, 90000, 0),
              ("Số lao động được giải quyết việc làm", "người", 80, 400, 0),
              ("Số hộ dùng nước sạch", "hộ", 900, 3200, 0), ("Tỷ lệ hộ nghèo", "%", 2, 9, 2),
              ("Số trẻ em được tiêm chủng đầy đủ", "trẻ", 150, 600, 0), ("Diện tích rừng trồng mới", "ha", 10, 90, 1),
              ("Số km đường giao thông được cứng hóa", "km", 1, 12, 1)]


def _figure(value: float, decimals: int) -> str:
    """``1.250,5``: dots between thousands, a comma before decimals, as reports print figures."""
    return f"{value:,.{decimals}f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def _statistics(r: random.Random, ctx: Ctx, period: str) -> Block:
    rows = []
    for i, (what, unit, lo, hi, dec) in enumerate(r.sample(INDICATORS, r.randint(5, 8)), start=1):
        plan = r.uniform(lo, hi)
        done = plan * r.uniform(0.55, 1.12)
        rows.append([str(i), what, unit, _figure(plan, dec), _figure(done, dec), _figure(100 * done / plan, 1)])
    width = ctx.geo.width
    cols = [Column("STT", 11, "center"), Column("Chỉ tiêu", 52), Column("Đơn vị tính", 22, "center"),
            Column(f"Kế hoạch năm {ctx.y}", 24, "right"), Column(f"Thực hiện {period}", 24, "right")]
    cols.append(Column("Tỷ lệ (%)", width - sum(c.width for c in cols), "right"))
    return ("table", Table(cols, rows, pt=12.0))  # type: ignore[return-value]


def report_with_statistics(r: random.Random, ctx: Ctx, n_extra: int = 0) -> Doc:
    """A Báo cáo whose first section holds a table of figures between its paragraphs."""
    period = r.choice(["6 tháng", "9 tháng", "cả năm"])

    def add_table(blocks: list[Block]) -> list[Block]:
        at = next(i for i, (kind, _) in enumerate(blocks) if kind == "hi") + 2  # after the first paragraph
        lead = ("p", f"Kết quả thực hiện một số chỉ tiêu chủ yếu {period} năm {ctx.y} như sau:")
        return blocks[:at] + [lead, _statistics(r, ctx, period)] + blocks[at:]

    return administrative("Báo cáo", r, ctx, n_extra, edit_body=add_table)


#: where a death was registered as happening (the death register's ``Nơi chết`` column)
DEATH_PLACES = ["Tại nhà", "Trạm Y tế xã", "Bệnh viện đa khoa huyện", "Bệnh viện đa khoa tỉnh"]


def death_register_table(r: random.Random, ctx: Ctx, entries: int | None = None) -> Doc:
    """A page of the Sổ đăng ký khai tử set as a printed register: numbered columns, one row per death,
    the place of death in a column of its own (one archivist has no key for). Reached only through
    ``samples.hard._table_doc("death_register", …)``: no generated set draws it, so none changes."""
    book, w, first = register_head(r, ctx, "SỔ ĐĂNG KÝ KHAI TỬ")
    rows, names, deaths = [], [], []
    for k in range(entries or r.randint(8, 14)):
        reg = first + dt.timedelta(days=k * r.randint(1, 4))
        name, g = person(r)
        died = reg - dt.timedelta(days=r.randint(1, 20))
        names.append(name)
        deaths.append(died)
        rows.append([str(ctx.num + k), _dmy(reg), name, _dmy(died), "Nam" if g == "M" else "Nữ",
                     r.choice(DEATH_PLACES)])
    cols = [Column("Số", 11, "center"), Column("Ngày đăng ký", 23, "center"),
            Column("Họ, chữ đệm, tên người chết", 40), Column("Ngày chết", 23, "center"),
            Column("Giới tính", 15, "center")]
    cols.append(Column("Nơi chết", min(44.0, w.geo.width - sum(c.width for c in cols))))
    place(w, Table(cols, rows, pt=11.0, numbered=True))
    signature(w, ["CÔNG CHỨC TƯ PHÁP - HỘ TỊCH"], ctx.signer, None, seal=False)
    meta = leaf_meta(ctx, "Sổ đăng ký khai tử")
    civil = {"person": names[0], "event": "death", "event_date": _iso(deaths[0]), "book": book,
             "entry": str(ctx.num), "registered": meta["date"]}
    return Doc("Khai tử", None, "civil_status", slug(f"so khai tu bang {book} {ctx.slug_name}"), meta, w.pages,
               {"civil": civil})


def register_table(r: random.Random, ctx: Ctx, entries: int | None = None) -> Doc:
    """A page of the Sổ đăng ký khai sinh set as the printed register is: a table with numbered
    columns, one row per entry, names wrapped inside narrow cells. Dated by its first entry. ``entries``
    sets the number of rows (enough run the table over pages that repeat only the column numbers); unset,
    the seed draws 8 to 14, as every generated set has."""
    book, w, first = register_head(r, ctx)
    rows, names, births = [], [], []
    for k in range(entries or r.randint(8, 14)):
        reg, child, g, born = registered_birth(r, first, k, 4)
        names.append(child)
        births.append(born)
        rows.append([str(ctx.num + k), _dmy(reg), child, _dmy(born), "Nam" if g == "M" else "Nữ",
                     person(r, "F")[0], person(r, "M")[0]])
    cols = [Column("Số", 11, "center"), Column("Ngày đăng ký", 23, "center"), Column("Họ, chữ đệm, tên", 33),
            Column("Ngày sinh", 23, "center"), Column("Giới tính", 15, "center"), Column("Họ tên người mẹ", 28)]
    cols.append(Column("Họ tên người cha", min(28.0, w.geo.width - sum(c.width for c in cols))))
    place(w, Table(cols, rows, pt=11.0, numbered=True))
    signature(w, ["CÔNG CHỨC TƯ PHÁP - HỘ TỊCH"], ctx.signer, None, seal=False)
    meta = leaf_meta(ctx, "Sổ đăng ký khai sinh")
    civil = {"person": names[0], "event": "birth", "event_date": _iso(births[0]), "book": book, "entry": str(ctx.num),
             "registered": meta["date"]}
    return Doc("Khai sinh", None, "civil_status", slug(f"so khai sinh bang {book} {ctx.slug_name}"), meta, w.pages,
               {"civil": civil})
