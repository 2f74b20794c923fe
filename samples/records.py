"""Civil-status and land records: a birth-registration extract, a marriage certificate, a land
registration application and the commune's minutes verifying the parcel.

These are forms rather than letters: labelled lines (``Họ, chữ đệm, tên:``, ``Quyển số:``,
``Thửa đất số:``) whose values the extractor must read, so the ground truth carries those values
apart (``civil`` / ``land``) as well as the drawn text.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, replace

from samples import vocab
from samples.documents import Ctx, Doc, flow, header, seal_text, signature, slug, title
from samples.layout import Writer
from samples.slots import date_long, date_words, fill, honorific, person, random_date

M2 = "m2"  # square metres as most typed forms write them (a superscript ² is often lost by OCR)


def _id_card(r: random.Random, y: int) -> str:
    """Identity document as forms cite it: 12-digit citizen card from 2016, 9-digit ID card before."""
    if y >= 2016:
        return f"Căn cước công dân số 0{r.randint(1, 96):02d}{r.randint(0, 999999999):09d}"
    return f"Chứng minh nhân dân số {r.randint(100000000, 399999999)}"


def _form_writer(ctx: Ctx) -> Writer:
    """Forms are set tighter than letters (single spacing, little space between fields): one page."""
    g = ctx.geo
    if ctx.tight:  # second attempt when the first spilt the signature onto a page of its own
        return Writer(replace(g, pt=13.5 if g.pt > 13.5 else 13.0, lead=1.18, gap=0.8, mt=20.0, mb=18.0))
    return Writer(replace(g, lead=min(g.lead, 1.22), gap=min(g.gap, 1.2)))


def _civil_header(w: Writer, ctx: Ctx, number: str) -> None:
    header(w, ctx, ctx.issuer_lines(), number, None, None, old_motto=ctx.y < 2011)


def birth_extract(r: random.Random, ctx: Ctx) -> Doc:
    """Trích lục khai sinh (bản sao): issued on ``ctx``'s date from a register entry of an earlier year."""
    issued = dt.date(ctx.y, ctx.m, ctx.d)
    birth = issued - dt.timedelta(days=r.randint(20, 25 * 365))
    reg = min(issued, birth + dt.timedelta(days=r.randint(3, 60)))
    by, bm, bd = birth.year, birth.month, birth.day
    ry, rm, rd = reg.year, reg.month, reg.day
    child, gender = person(r)
    mother, father = person(r, "F")[0], person(r, "M")[0]
    child = father.split()[0] + " " + " ".join(child.split()[1:])  # the child takes the father's surname
    book, entry = f"{r.randint(1, 3):02d}/{ry}", str(r.randint(1, 380))
    s = ctx.slots(r)
    addr = fill("{hamlet}, {address}", s)
    seat = ctx.address(formal=True)
    w = _form_writer(ctx)
    number = f"{ctx.num:02d}/TLKS-BS"
    _civil_header(w, ctx, number)
    title(w, "TRÍCH LỤC KHAI SINH", "(BẢN SAO)", rule=False)
    lines = [f"Họ, chữ đệm, tên: {child.upper()}",
             f"Ngày, tháng, năm sinh: {bd:02d}/{bm:02d}/{by}; ghi bằng chữ: {date_words(by, bm, bd)}",
             f"Giới tính: {'Nam' if gender == 'M' else 'Nữ'}; Dân tộc: Kinh; Quốc tịch: Việt Nam",
             f"Nơi sinh: Trạm Y tế {seat}",
             f"Quê quán: {seat}"]
    if ry >= 2016:
        lines.append(f"Số định danh cá nhân: 0{r.randint(1, 96):02d}{r.randint(0, 999999999):09d}")
    for label, name, yy in (("mẹ", mother, by - r.randint(19, 38)), ("cha", father, by - r.randint(21, 42))):
        lines += [f"Họ, chữ đệm, tên người {label}: {name.upper()}",
                  f"Năm sinh: {yy}; Dân tộc: Kinh; Quốc tịch: Việt Nam", f"Nơi cư trú: {addr}"]
    lines += [f"Nơi đăng ký khai sinh: Ủy ban nhân dân {seat}",
              f"Ngày, tháng, năm đăng ký: {rd:02d}/{rm:02d}/{ry}", f"Quyển số: {book}", f"Số: {entry}"]
    flow(w, ctx.local_blocks([("kv", x) for x in lines]))
    signer = person(r)[0]
    signature(w, ["NGƯỜI KÝ TRÍCH LỤC"], signer, None, seal_label=seal_text(ctx),
              above=ctx.date_line)
    meta = {"number": number, "date": f"{ctx.y:04d}-{ctx.m:02d}-{ctx.d:02d}", "place": ctx.place,
            "issuer": ctx.issuer, "parent_issuer": ctx.parent, "subject": "Trích lục khai sinh", "signer": signer,
            "signer_position": "NGƯỜI KÝ TRÍCH LỤC", "authority": None, "recipients": []}
    civil = {"person": child, "event": "birth", "event_date": f"{by:04d}-{bm:02d}-{bd:02d}", "book": book,
             "entry": entry, "registered": f"{ry:04d}-{rm:02d}-{rd:02d}", "mother": mother, "father": father}
    return Doc("Khai sinh", None, "civil_status", slug(f"khai sinh {entry} {ctx.slug_name}"), meta, w.pages,
               {"civil": civil})


def marriage_certificate(r: random.Random, ctx: Ctx) -> Doc:
    """Giấy chứng nhận kết hôn: issued on the day the marriage is registered."""
    husband, wife = person(r, "M")[0], person(r, "F")[0]
    book, entry = f"{r.randint(1, 2):02d}/{ctx.y}", str(r.randint(1, 160))
    w = _form_writer(ctx)
    _civil_header(w, ctx, entry)
    title(w, "GIẤY CHỨNG NHẬN KẾT HÔN", None, rule=False)
    blocks: list[tuple[str, str]] = []
    for name in (husband, wife):  # the husband's block, then the wife's
        y, m, d = random_date(r, ctx.y - r.randint(20, 34))
        s = ctx.slots(r)
        blocks += [("gap", ""), ("kv", f"Họ, chữ đệm, tên: {name.upper()}"),
                   ("kv", f"Ngày, tháng, năm sinh: {d:02d}/{m:02d}/{y}"),
                   ("kv", "Dân tộc: Kinh; Quốc tịch: Việt Nam"),
                   ("kv", fill("Nơi cư trú: {hamlet}, {address}", s)),
                   ("kv", f"Giấy tờ tùy thân: {_id_card(r, ctx.y)}")]
    blocks += [("kv", f"Nơi đăng ký: Ủy ban nhân dân {ctx.unit}, {ctx.upper}"),
               ("kv", f"Ngày, tháng, năm đăng ký: {ctx.d:02d}/{ctx.m:02d}/{ctx.y}"), ("kv", f"Quyển số: {book}")]
    flow(w, ctx.local_blocks(blocks))
    authority = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"] if r.random() < 0.6 else ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    signature(w, authority, ctx.signer, None, seal_label=seal_text(ctx), above=ctx.date_line)
    # "Số:" on a certificate is the register entry, not a number/symbol of the Decree 30 kind
    meta = {"number": None, "date": f"{ctx.y:04d}-{ctx.m:02d}-{ctx.d:02d}", "place": ctx.place,
            "issuer": ctx.issuer, "parent_issuer": ctx.parent, "subject": "Giấy chứng nhận kết hôn",
            "signer": ctx.signer, "signer_position": authority[1], "authority": authority[0].split()[0],
            "recipients": []}
    civil = {"person": husband, "spouse": wife, "event": "marriage",
             "event_date": f"{ctx.y:04d}-{ctx.m:02d}-{ctx.d:02d}", "book": book, "entry": entry}
    return Doc("Kết hôn", None, "civil_status", slug(f"ket hon {entry} {ctx.slug_name}"), meta, w.pages,
               {"civil": civil})


@dataclass
class Parcel:
    """One parcel and its holder, shared by the documents of a land dossier."""

    number: str
    sheet: str
    area: str
    hamlet: str
    use: str
    origin: str
    since: int
    holder: str
    holder_gender: str

    @classmethod
    def draw(cls, r: random.Random, ctx: Ctx) -> Parcel:
        holder, g = person(r)
        s = ctx.slots(r)
        return cls(str(r.randint(12, 980)), str(r.randint(1, 45)), f"{r.randint(60, 1800)},{r.randint(0, 9)}",
                   r.choice(vocab.HAMLETS), r.choice(vocab.LAND_USES), fill(r.choice(vocab.LAND_ORIGINS), s),
                   r.randint(1978, min(2004, ctx.y - 1)), holder, g)

    def facts(self, ctx: Ctx) -> dict:
        return {"parcel": self.number, "map_sheet": self.sheet, "area_m2": self.area, "land_use": self.use,
                "address": f"{self.hamlet}, {ctx.address()}",
                "holder": self.holder}


def land_application(r: random.Random, ctx: Ctx, parcel: Parcel) -> Doc:
    """Đơn đăng ký, cấp giấy chứng nhận quyền sử dụng đất: the holder's declaration (part I of the form)."""
    w = _form_writer(ctx)
    header(w, ctx, [], None, None, None, old_motto=ctx.y < 2011)
    name = "ĐƠN ĐĂNG KÝ, CẤP GIẤY CHỨNG NHẬN\nQUYỀN SỬ DỤNG ĐẤT"
    title(w, name, None, rule=False)
    p, h = parcel, honorific(parcel.holder_gender)
    addr = f"{p.hamlet}, {ctx.address()}"
    s = ctx.slots(r)
    blocks = [("kg", f"Kính gửi: Ủy ban nhân dân {ctx.upper}."), ("h", "I. PHẦN KÊ KHAI CỦA NGƯỜI ĐĂNG KÝ"),
              ("kv", "1. Người sử dụng đất:"),
              ("kv", f"1.1. Tên: {h} {p.holder.upper()}, sinh năm {r.randint(1950, 1990)};"),
              ("kv", f"1.2. Giấy tờ nhân thân: {_id_card(r, ctx.y)};"),
              ("kv", fill("1.3. Địa chỉ thường trú: {hamlet}, {address}.", s)),
              ("kv", "2. Đề nghị: đăng ký quyền sử dụng đất và cấp giấy chứng nhận quyền sử dụng đất."),
              ("kv", "3. Thửa đất đăng ký:"),
              ("kv", f"3.1. Thửa đất số: {p.number}; 3.2. Tờ bản đồ số: {p.sheet};"),
              ("kv", f"3.3. Địa chỉ tại: {addr};"),
              ("kv", f"3.4. Diện tích: {p.area} {M2}; sử dụng chung: không; sử dụng riêng: {p.area} {M2};"),
              ("kv", f"3.5. Sử dụng vào mục đích: {p.use}, từ thời điểm: năm {p.since};"),
              ("kv", "3.6. Thời hạn đề nghị được sử dụng đất: lâu dài;"),
              ("kv", f"3.7. Nguồn gốc sử dụng: {p.origin}."),
              ("kv", f"4. Tài sản gắn liền với đất: nhà ở cấp 4, diện tích xây dựng {r.randint(40, 160)},"
                     f"{r.randint(0, 9)} {M2}."),
              ("kv", "5. Giấy tờ nộp kèm theo đơn: bản sao giấy tờ nhân thân, sổ hộ khẩu, sơ đồ thửa đất."),
              ("p", "Tôi xin cam đoan nội dung kê khai trên đơn là đúng sự thật, nếu sai tôi hoàn toàn chịu trách "
                    "nhiệm trước pháp luật.")]
    flow(w, ctx.local_blocks(blocks))
    signature(w, ["NGƯỜI VIẾT ĐƠN"], p.holder, None, seal=False, above=ctx.date_line)
    meta = {"number": None, "date": f"{ctx.y:04d}-{ctx.m:02d}-{ctx.d:02d}", "place": ctx.place, "issuer": None,
            "parent_issuer": None, "subject": "Đơn đăng ký, cấp giấy chứng nhận quyền sử dụng đất",
            "signer": p.holder, "signer_position": "NGƯỜI VIẾT ĐƠN", "authority": None, "recipients": []}
    return Doc("Đơn đăng ký đất đai", None, "land", slug(f"don dang ky thua {p.number} {ctx.slug_name}"), meta,
               w.pages, {"land": parcel.facts(ctx)})


def parcel_minutes(r: random.Random, ctx: Ctx, parcel: Parcel) -> Doc:
    """Biên bản xác minh nguồn gốc, hiện trạng sử dụng thửa đất (filed with the land records)."""
    p, h = parcel, honorific(parcel.holder_gender)
    subject = f"Xác minh nguồn gốc, hiện trạng sử dụng thửa đất số {p.number}, tờ bản đồ số {p.sheet}"
    number = f"{ctx.num:02d}/BB-UBND"
    w = _form_writer(ctx)
    header(w, ctx, ctx.issuer_lines(), number, None, ctx.date_line, old_motto=ctx.y < 2011)
    title(w, "BIÊN BẢN", subject)
    s = ctx.slots(r)
    official = fill("{Mr}", s)
    sides = []
    for side in ("Đông", "Tây", "Nam", "Bắc"):
        if r.random() < 0.3:
            sides.append(f"- Phía {side} giáp {r.choice(['đường liên thôn', 'kênh thủy lợi', 'đường bê tông'])};")
        else:
            sides.append(fill(f"- Phía {side} giáp thửa đất số {{parcel}} của hộ {{mr}};", ctx.slots(r)))
    measured = f"{int(p.area.split(',')[0]) + r.randint(-6, 6)},{r.randint(0, 9)}"
    start = r.choice([8, 9, 14])
    blocks = [("p", f"Hôm nay, vào lúc {start:02d} giờ 00 phút, {date_long(ctx.y, ctx.m, ctx.d)}, tại "
                    f"thửa đất số {p.number}, tờ bản đồ số {p.sheet}, {p.hamlet}, {ctx.unit}, chúng tôi gồm:"),
              ("kv", "1. Đại diện Ủy ban nhân dân xã:"),
              ("kv", f"- {honorific(ctx.signer_gender).capitalize()} {ctx.signer}, Phó Chủ tịch Ủy ban nhân dân xã;"),
              ("kv", f"- {official}, công chức Địa chính - Xây dựng xã;"),
              ("kv", fill(f"2. Đại diện {p.hamlet}: {{mr}}, Trưởng {p.hamlet.split()[0]};", s)),
              ("kv", f"3. Người sử dụng đất: {h} {p.holder}."),
              ("p", "Cùng tiến hành xác minh nguồn gốc, hiện trạng sử dụng thửa đất nêu trên, kết quả như sau:"),
              ("kv", "1. Vị trí, ranh giới thửa đất:")] + [("kv", x) for x in sides] + [
              ("kv", f"2. Diện tích đo đạc thực tế: {measured} {M2} (theo bản đồ địa chính: {p.area} {M2})."),
              ("kv", f"3. Hiện trạng sử dụng: {p.use}; ranh giới rõ ràng, ổn định."),
              ("kv", f"4. Nguồn gốc sử dụng: {p.origin}; sử dụng liên tục từ năm {p.since}."),
              ("kv", "5. Tình trạng tranh chấp: không có tranh chấp, khiếu nại."),
              ("p", f"Biên bản kết thúc vào lúc {start + 2:02d} giờ 30 phút cùng ngày, đã đọc lại cho các thành viên "
                    "cùng nghe và thống nhất ký tên./.")]
    flow(w, ctx.local_blocks(blocks))
    signature(w, ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], ctx.signer, None, (["NGƯỜI SỬ DỤNG ĐẤT"], p.holder),
              seal_label=seal_text(ctx))
    meta = {"number": number, "date": f"{ctx.y:04d}-{ctx.m:02d}-{ctx.d:02d}", "place": ctx.place,
            "issuer": ctx.issuer, "parent_issuer": ctx.parent, "subject": subject, "signer": ctx.signer,
            "signer_position": "PHÓ CHỦ TỊCH", "authority": "KT.", "recipients": []}
    land = {**parcel.facts(ctx), "area_measured_m2": measured}
    return Doc("Biên bản", "BB", "land", slug(f"bb {ctx.num:03d} thua {p.number} {ctx.slug_name}"), meta, w.pages,
               {"land": land})
