"""The records ``generate(..., types="all")`` adds to the civil-status and land ones of
:mod:`samples.records`: death and parent-recognition extracts, a marital-status certificate, a page of
a civil-status register, citizens' petitions (đề nghị, khiếu nại, kiến nghị) and an application for
a building permit.

Petitions carry no issuer and no number: the motto, the title, ``Kính gửi`` and a citizen signing
under a place-and-date line are what the classifier must read them by.
"""

from __future__ import annotations

import datetime as dt
import random

from samples import vocab
from samples.documents import Ctx, Doc, flow, header, seal_text, signature, slug, title
from samples.layout import Writer
from samples.records import _civil_header, _form_writer, _id_card
from samples.slots import date_words, fill, honorific, person


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _dmy(d: dt.date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def _meta(ctx: Ctx, number: str | None, subject: str | None, signer: str, position: str,
          authority: str | None = None, issued: bool = True) -> dict:
    return {"number": number, "date": f"{ctx.y:04d}-{ctx.m:02d}-{ctx.d:02d}", "place": ctx.place,
            "issuer": ctx.issuer if issued else None, "parent_issuer": ctx.parent if issued else None,
            "subject": subject, "signer": signer, "signer_position": position, "authority": authority,
            "recipients": []}


def leaf_meta(ctx: Ctx, subject: str) -> dict:
    """A register leaf's metadata: the registrar signs it, and its place is the book's (:attr:`Ctx.book_place`)."""
    return _meta(ctx, None, subject, ctx.signer, "CÔNG CHỨC TƯ PHÁP - HỘ TỊCH") | {"place": ctx.book_place}


def _residence(r: random.Random, ctx: Ctx) -> str:
    return fill("{hamlet}, {address}", ctx.slots(r))


def _extract(r: random.Random, ctx: Ctx, code: str, name: str, event: str,
             body: list[str], who: str, when: dt.date, happened: dt.date, extra: dict) -> Doc:
    """A civil-status extract (bản sao) from a register entry made on ``when`` of an event on
    ``happened``: header, title, labelled lines, register book and entry, signed by the official who
    issued the copy."""
    book, entry = f"{r.randint(1, 3):02d}/{when.year}", str(r.randint(1, 260))
    number = f"{ctx.num:02d}/{code}-BS"
    w = _form_writer(ctx)
    _civil_header(w, ctx, number)
    title(w, name, "(BẢN SAO)", rule=False)
    lines = body + [f"Nơi đăng ký: Ủy ban nhân dân {ctx.unit}, {ctx.upper}",
                    f"Ngày, tháng, năm đăng ký: {_dmy(when)}", f"Quyển số: {book}", f"Số: {entry}"]
    flow(w, ctx.local_blocks([("kv", x) for x in lines]))
    signer = person(r)[0]
    signature(w, ["NGƯỜI KÝ TRÍCH LỤC"], signer, None, seal_label=seal_text(ctx), above=ctx.date_line)
    meta = _meta(ctx, number, name.capitalize(), signer, "NGƯỜI KÝ TRÍCH LỤC")
    civil = {"person": who, "event": event, "event_date": _iso(happened), "book": book, "entry": entry, **extra}
    doc_type = {"TLKT": "Khai tử", "TLNCMC": "Nhận cha, mẹ, con"}[code]
    return Doc(doc_type, None, "civil_status", slug(f"{doc_type} {entry} {ctx.slug_name}"), meta, w.pages,
               {"civil": civil})


def death_extract(r: random.Random, ctx: Ctx) -> Doc:
    """Trích lục khai tử: who died, when and where, who declared it."""
    issued = dt.date(ctx.y, ctx.m, ctx.d)
    died = issued - dt.timedelta(days=r.randint(5, 3 * 365))
    reg = min(issued, died + dt.timedelta(days=r.randint(1, 14)))
    name, g = person(r)
    born = r.randint(1925, 1975)
    body = [f"Họ, chữ đệm, tên: {name.upper()}", f"Năm sinh: {born}; Giới tính: {'Nam' if g == 'M' else 'Nữ'}",
            "Dân tộc: Kinh; Quốc tịch: Việt Nam", f"Nơi cư trú cuối cùng: {_residence(r, ctx)}",
            f"Đã chết vào lúc: {r.randint(0, 23):02d} giờ {r.randint(0, 59):02d} phút, ngày {_dmy(died)}",
            f"Nơi chết: {r.choice(['tại nhà riêng', 'Trạm Y tế xã', 'Bệnh viện đa khoa huyện'])}",
            f"Nguyên nhân chết: {r.choice(['già yếu', 'bệnh', 'tai nạn giao thông'])}",
            f"Họ, chữ đệm, tên người đi khai tử: {person(r)[0].upper()}; quan hệ với người đã chết: con"]
    return _extract(r, ctx, "TLKT", "TRÍCH LỤC KHAI TỬ", "death", body, name, reg, died, {"registered": _iso(reg)})


def recognition_extract(r: random.Random, ctx: Ctx) -> Doc:
    """Trích lục đăng ký nhận cha, mẹ, con: a father recognises his child."""
    issued = dt.date(ctx.y, ctx.m, ctx.d)
    reg = issued - dt.timedelta(days=r.randint(0, 400))
    father = person(r, "M")[0]
    child, g = person(r)
    child = father.split()[0] + " " + " ".join(child.split()[1:])
    cy, cm, cd = reg.year - r.randint(1, 15), r.randint(1, 12), r.randint(1, 28)
    body = [f"Họ, chữ đệm, tên người nhận: {father.upper()}", f"Năm sinh: {cy - r.randint(22, 40)}",
            f"Nơi cư trú: {_residence(r, ctx)}", f"Giấy tờ tùy thân: {_id_card(r, ctx.y)}",
            f"Họ, chữ đệm, tên người được nhận là con: {child.upper()}",
            f"Ngày, tháng, năm sinh: {cd:02d}/{cm:02d}/{cy}; ghi bằng chữ: {date_words(cy, cm, cd)}",
            f"Giới tính: {'Nam' if g == 'M' else 'Nữ'}; Dân tộc: Kinh; Quốc tịch: Việt Nam",
            "Quan hệ: Cha - con"]
    return _extract(r, ctx, "TLNCMC", "TRÍCH LỤC ĐĂNG KÝ NHẬN CHA, MẸ, CON", "recognition", body, child, reg,
                    reg, {"father": father})


def marital_status(r: random.Random, ctx: Ctx) -> Doc:
    """Giấy xác nhận tình trạng hôn nhân, signed for the committee (TM./KT.)."""
    name, g = person(r)
    by, bm, bd = ctx.y - r.randint(20, 45), r.randint(1, 12), r.randint(1, 28)
    book, entry = f"{r.randint(1, 2):02d}/{ctx.y}", str(r.randint(1, 300))
    number = f"{entry}/XNTTHN"
    w = _form_writer(ctx)
    _civil_header(w, ctx, number)
    title(w, "GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN", None, rule=False)
    s = ctx.slots(r)
    status = "Chưa đăng ký kết hôn với ai." if r.random() < 0.6 else "Đã đăng ký kết hôn, nhưng đã ly hôn."
    use = r.choice(["làm thủ tục đăng ký kết hôn", "bổ sung hồ sơ vay vốn ngân hàng", "làm thủ tục mua bán nhà đất"])
    lines = [f"Xét đề nghị của {honorific(g)} {name} về việc xác nhận tình trạng hôn nhân,",
             f"{ctx.issuer} xác nhận:", f"Họ, chữ đệm, tên: {name.upper()}",
             f"Ngày, tháng, năm sinh: {bd:02d}/{bm:02d}/{by}", f"Giới tính: {'Nam' if g == 'M' else 'Nữ'}; "
             "Dân tộc: Kinh; Quốc tịch: Việt Nam", f"Giấy tờ tùy thân: {_id_card(r, ctx.y)}",
             fill("Nơi cư trú: {hamlet}, {address}", s),
             f"Tình trạng hôn nhân: {status}", f"Giấy này được cấp để: {use}.",
             "Giấy này có giá trị sử dụng 6 tháng kể từ ngày cấp.", f"Quyển số: {book}"]
    flow(w, ctx.local_blocks([("kv", x) for x in lines]))
    authority = [ctx.committee, "CHỦ TỊCH"] if r.random() < 0.5 else ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    signature(w, authority, ctx.signer, None, seal_label=seal_text(ctx), above=ctx.date_line)
    meta = _meta(ctx, number, "Giấy xác nhận tình trạng hôn nhân", ctx.signer, authority[1], authority[0].split()[0])
    civil = {"person": name, "event": "marital_status", "event_date": meta["date"], "book": book, "entry": entry}
    return Doc("Xác nhận tình trạng hôn nhân", None, "civil_status", slug(f"xnhn {entry} {ctx.slug_name}"), meta,
               w.pages, {"civil": civil})


def register_head(r: random.Random, ctx: Ctx, heading: str = "SỔ ĐĂNG KÝ KHAI SINH") -> tuple[str, Writer, dt.date]:
    """A register's heading (book number, commune header, title: the birth register's unless told) and the
    day of its first entry, drawn in one order so that the page and the table forms stay reproducible."""
    book = f"{r.randint(1, 3):02d}/{ctx.y}"
    w = _form_writer(ctx)
    header(w, ctx, ctx.issuer_lines(), None, None, None, old_motto=ctx.y < 2011)
    title(w, heading, f"Quyển số: {book}", rule=False)
    return book, w, dt.date(ctx.y, ctx.m, ctx.d)


def registered_birth(r: random.Random, first: dt.date, k: int, step: int) -> tuple[dt.date, str, str, dt.date]:
    """Entry k of a register: the day it was registered (up to ``step`` days after the one before), the
    child's name and sex, and a birth a few days to weeks earlier."""
    reg = first + dt.timedelta(days=k * r.randint(1, step))
    child, g = person(r)
    return reg, child, g, reg - dt.timedelta(days=r.randint(3, 50))


def register_page(r: random.Random, ctx: Ctx) -> Doc:
    """A page of the birth register (Sổ đăng ký khai sinh): the book's heading, then entries, each
    signed off by the registrar; the document is the register, dated by its first entry."""
    book, w, first = register_head(r, ctx)
    entries, names, births = [], [], []
    for k in range(r.randint(2, 3)):
        reg, child, g, born = registered_birth(r, first, k, 6)
        names.append(child)
        births.append(born)
        entries += [("h", f"Số: {ctx.num + k}"),
                    ("kv", f"Ngày, tháng, năm đăng ký: {_dmy(reg)}"),
                    ("kv", f"Họ, chữ đệm, tên: {child.upper()}; Giới tính: {'Nam' if g == 'M' else 'Nữ'}"),
                    ("kv", f"Ngày, tháng, năm sinh: {_dmy(born)}; Nơi sinh: Trạm Y tế {ctx.unit}"),
                    ("kv", f"Họ, chữ đệm, tên người mẹ: {person(r, 'F')[0].upper()}"),
                    ("kv", f"Họ, chữ đệm, tên người cha: {person(r, 'M')[0].upper()}")]
    flow(w, ctx.local_blocks(entries))
    signature(w, ["CÔNG CHỨC TƯ PHÁP - HỘ TỊCH"], ctx.signer, None, seal=False)
    meta = leaf_meta(ctx, "Sổ đăng ký khai sinh")
    civil = {"person": names[0], "event": "birth", "event_date": _iso(births[0]), "book": book, "entry": str(ctx.num),
             "registered": meta["date"]}
    return Doc("Khai sinh", None, "civil_status", slug(f"so khai sinh {book} {ctx.slug_name}"), meta, w.pages,
               {"civil": civil})


#: type -> (title, subjects, addressee, what the citizen asks)
PETITIONS = {
    "Đơn đề nghị": ("ĐƠN ĐỀ NGHỊ", ["Về việc xác nhận hoàn cảnh gia đình khó khăn",
                                    "Về việc hỗ trợ sửa chữa nhà ở cho hộ nghèo",
                                    "Về việc xác nhận nơi cư trú để bổ sung hồ sơ"],
                    "Ủy ban nhân dân xã {commune}",
                    "Nay tôi làm đơn này kính đề nghị Ủy ban nhân dân xã xem xét, giải quyết cho gia đình tôi."),
    "Đơn khiếu nại": ("ĐƠN KHIẾU NẠI", ["Về việc bồi thường, hỗ trợ khi Nhà nước thu hồi đất",
                                        "Về quyết định xử phạt vi phạm hành chính trong lĩnh vực xây dựng"],
                      "Chủ tịch Ủy ban nhân dân xã {commune}",
                      "Tôi khiếu nại quyết định nêu trên vì không đúng quy định của pháp luật, đề nghị xem xét lại."),
    "Đơn kiến nghị": ("ĐƠN KIẾN NGHỊ", ["Về việc ô nhiễm môi trường từ cơ sở chăn nuôi tại {hamlet}",
                                        "Về việc sửa chữa đường giao thông liên thôn bị xuống cấp"],
                      "Ủy ban nhân dân xã {commune}",
                      "Chúng tôi kiến nghị Ủy ban nhân dân xã kiểm tra, có biện pháp xử lý dứt điểm."),
    "Giấy phép xây dựng": ("ĐƠN ĐỀ NGHỊ CẤP GIẤY PHÉP XÂY DỰNG", ["(Sử dụng cho nhà ở riêng lẻ)"],
                           "Ủy ban nhân dân {upper}",
                           "Tôi xin cam kết xây dựng đúng theo giấy phép được cấp; nếu sai tôi hoàn toàn chịu trách "
                           "nhiệm và bị xử lý theo quy định của pháp luật."),
}


def petition(r: random.Random, ctx: Ctx, kind: str) -> Doc:
    """A citizen's petition of ``kind`` (a key of :data:`PETITIONS`): motto, title, addressee,
    who is writing, what happened, what is asked, signed under a place-and-date line."""
    heading, subjects, to, ask = PETITIONS[kind]
    s = ctx.slots(r)
    subject = fill(r.choice(subjects), s)
    writer, g = person(r)
    w = _form_writer(ctx)
    header(w, ctx, [], None, None, None, old_motto=ctx.y < 2011)
    title(w, heading, subject, rule=False)
    blocks = [("kg", fill(f"Kính gửi: {to}.", s)),
              ("kv", f"Tôi tên là: {writer}; sinh năm {ctx.y - r.randint(25, 70)}"),
              ("kv", f"{_id_card(r, ctx.y)}"),
              ("kv", fill("Nơi cư trú: {hamlet}, {address}", s)),
              ("kv", f"Số điện thoại: 09{r.randint(10000000, 99999999)}")]
    if kind == "Giấy phép xây dựng":
        blocks += [("kv", f"Địa điểm xây dựng: thửa đất số {fill('{parcel}', s)}, tờ bản đồ số {fill('{sheet}', s)}, "
                          f"{fill('{hamlet}', s)}"),
                   ("kv", f"Loại công trình: nhà ở riêng lẻ, cấp IV; diện tích xây dựng {r.randint(60, 180)} m2; "
                          f"chiều cao {r.randint(4, 12)} m; số tầng: {r.randint(1, 3)}"),
                   ("kv", f"Dự kiến thời gian hoàn thành: {r.randint(4, 12)} tháng.")]
    else:
        blocks += [("p", x) for x in [fill(t, ctx.slots(r)) for t in r.sample(vocab.SOCIETY + vocab.SECURITY, 2)]]
    blocks.append(("p", ask))
    flow(w, ctx.local_blocks(blocks))
    signature(w, ["NGƯỜI LÀM ĐƠN"], writer, None, seal=False, above=ctx.date_line)
    subj = None if subject.startswith("(") else subject
    meta = _meta(ctx, None, subj, writer, "NGƯỜI LÀM ĐƠN", issued=False)
    return Doc(kind, None, "land" if kind == "Giấy phép xây dựng" else "petition",
               slug(f"{kind} {honorific(g)} {writer.split()[-1]} {ctx.slug_name}"), meta, w.pages)
