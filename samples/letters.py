"""The administrative types: the eight of the committed set (Quyết định, Công văn, Thông báo, Báo cáo,
Tờ trình, Kế hoạch, Biên bản, Giấy mời) with their bodies here, the rest of Decree 30's with their
bodies in :mod:`samples.kinds`; all framed by the shared parts in :mod:`samples.documents`.

The body grows by ``n_extra`` paragraphs so the generator can aim for 1 to 4 pages; everything else
is drawn from the one generator ``r``, so the same seed and ``n_extra`` give the same document.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace

from samples import vocab
from samples.documents import Block, Ctx, Doc, flow, header, seal_text, signature, slug, title
from samples.kinds import KINDS, LETTER_TITLES
from samples.layout import Writer
from samples.slots import date_long, fill, honorific, money, number_words, person


def _signers(r: random.Random, ctx: Ctx, issuer_is_chair: bool = False) -> tuple[list[str], str]:
    """Authority lines and the signer's position: TM. (for the committee) or KT. (deputy for the chair)."""
    if issuer_is_chair or r.random() < 0.4:
        return ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "PHÓ CHỦ TỊCH"
    return [ctx.committee, "CHỦ TỊCH"], "CHỦ TỊCH"


def _extras(r: random.Random, ctx: Ctx, pool: list[str], n: int) -> list[str]:
    """``n`` body paragraphs from ``pool`` in random order (reused with new values when it runs out),
    each with fresh slot values."""
    order = r.sample(pool, len(pool))
    if n > len(order):  # a long document draws on the other pools before repeating a sentence
        rest = [t for t in vocab.GENERAL if t not in pool]
        order += r.sample(rest, len(rest))
    return [fill(order[i % len(order)], ctx.slots(r)) for i in range(n)]


# --- the administrative types -----------------------------------------------------------------------

CODES = {"Quyết định": "QĐ", "Công văn": None, "Thông báo": "TB", "Báo cáo": "BC", "Tờ trình": "TTr",
         "Kế hoạch": "KH", "Biên bản": "BB", "Giấy mời": "GM"}


def _body(r: random.Random, ctx: Ctx, kind: str, subject: str, n: int, notes: dict) -> tuple[list[Block], bool]:
    """Body blocks of an administrative ``kind``; and whether the issuing authority is the chair
    (``notes`` receives names the signature block needs)."""
    s = ctx.slots(r)
    c = ctx.commune
    if kind == "Quyết định":
        chair = r.random() < 0.5
        blocks: list[Block] = [("c", f"{'CHỦ TỊCH ' if chair else ''}{ctx.issuer}")]
        law0 = ("Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015" if ctx.y >= 2016 else
                "Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003")
        cc = [f"Căn cứ {law0};"] + [fill(t, s) for t in r.sample(vocab.CAN_CU, r.randint(1, 3))]
        cc.append(fill("Xét đề nghị của {officer}.", s))
        blocks += [("pi", x) for x in cc] + [("c", "QUYẾT ĐỊNH:")]
        what = subject.removeprefix("Về việc ")
        blocks.append(("art", f"Điều 1. {what[0].upper()}{what[1:]}, cụ thể như sau:"))
        items = _decision_items(r, ctx, subject)
        blocks += [("l", f"{i}. {x}") for i, x in enumerate(items, start=1)]
        art = 2
        if n:
            blocks.append(("art", "Điều 2. Giao nhiệm vụ cụ thể như sau:"))
            blocks += [("l", f"{i}. {x}") for i, x in enumerate(_extras(r, ctx, vocab.TASKS, n), start=1)]
            art = 3
        blocks += [("art", f"Điều {art}. {fill(r.choice(vocab.ARTICLE_2), s)}"),
                   ("art", f"Điều {art + 1}. {fill(vocab.ARTICLE_3, s)}")]
        notes["last"] = str(art + 1)
        return blocks, chair
    if kind in ("Công văn", "Thông báo"):
        blocks = []
        if kind == "Công văn":
            to = [fill("Trưởng các thôn, ấp trên địa bàn xã;", s), fill("{Officer};", s),
                  fill("{body}.", s)]
            blocks.append(("kg", "Kính gửi:\n" + "\n".join(f"- {x}" for x in to) if r.random() < 0.6
                           else f"Kính gửi: {to[0].rstrip(';')}."))
        blocks.append(("p", fill("Thực hiện Công văn số {no}/UBND-NV {date_long} của Ủy ban nhân dân "
                                 "{upper}, Ủy ban nhân dân xã {commune} " +
                                 ("đề nghị các đơn vị thực hiện một số nội dung sau:" if kind == "Công văn"
                                  else "thông báo như sau:"), s)))
        blocks += [("l", f"{i}. {x}") for i, x in enumerate(_extras(r, ctx, vocab.TASKS, max(n, 2)), start=1)]
        blocks.append(("p", "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị các đơn vị phản ánh về "
                            "Ủy ban nhân dân xã để được hướng dẫn, giải quyết./." if kind == "Công văn" else
                            "Ủy ban nhân dân xã thông báo để các cơ quan, đơn vị và nhân dân được biết, thực hiện./."))
        return blocks, False
    if kind in ("Báo cáo", "Kế hoạch", "Tờ trình"):
        blocks = []
        if kind != "Kế hoạch":
            to = "Ủy ban nhân dân {upper}" if kind == "Báo cáo" or r.random() < 0.7 else \
                "Thường trực Hội đồng nhân dân xã {commune}"
            blocks.append(("kg", fill(f"Kính gửi: {to}.", s)))
        verb = {"Báo cáo": "báo cáo kết quả như sau:", "Kế hoạch": "xây dựng Kế hoạch thực hiện như sau:",
                "Tờ trình": "kính trình xem xét nội dung sau:"}[kind]
        blocks.append(("p", fill("Thực hiện Kế hoạch số {no}/KH-UBND {date_long} của Ủy ban nhân dân "
                                 f"{{upper}}, Ủy ban nhân dân xã {{commune}} {verb}", s)))
        parts = [(head, sub, pool) for head, subs in vocab.SECTIONS[kind] for sub, pool in subs]
        share = [1 + n // len(parts) + (1 if k < n % len(parts) else 0) for k in range(len(parts))]
        streams = {pool: _extras(r, ctx, getattr(vocab, pool), n + len(parts)) for _, _, pool in parts}
        used: dict[str, int] = {}
        last_head = ""
        for (head, sub, pool), count in zip(parts, share, strict=True):
            if head != last_head:
                blocks.append(("h", head))
                last_head = head
            if sub:
                blocks.append(("hi", sub))
            k = used.get(pool, 0)
            blocks += [("p", x) for x in streams[pool][k: k + count]]
            used[pool] = k + count
        if kind == "Tờ trình":
            amount = r.randint(40, 2400) * 1_000_000 + r.randint(0, 9) * 100_000
            words = number_words(amount)
            blocks.append(("p", f"Tổng kinh phí đề nghị: {money(amount)} đồng (Bằng chữ: {words[0].upper()}"
                                f"{words[1:]} đồng)."))
            blocks.append(("p", fill("Ủy ban nhân dân xã {commune} kính trình xem xét, phê duyệt./.", s)))
        elif kind == "Kế hoạch":
            blocks.append(("p", fill("Trên đây là Kế hoạch của Ủy ban nhân dân xã {commune}; đề nghị các ban, "
                                     "ngành, đoàn thể và các thôn, ấp nghiêm túc triển khai thực hiện./.", s)))
        else:
            blocks.append(("p", fill("Trên đây là báo cáo của Ủy ban nhân dân xã {commune}./.", s)))
        return blocks, False
    if kind == "Giấy mời":
        invitees = [fill(t, ctx.slots(r)) for t in ["Đồng chí {person}, {officer};", "Đại diện lãnh đạo {body};",
                                                    "Trưởng {hamlet}, {hamlet2};", "Đại diện {body};"]]
        blocks = [("p", f"Ủy ban nhân dân xã {c} trân trọng kính mời:")]
        blocks += [("l", f"- {x}") for x in invitees[: r.randint(2, 4)]]
        blocks += [("p", f"Tới dự {subject[3:]}."),
                   ("p", f"Chủ trì: Đồng chí {ctx.signer}, {'Phó ' if r.random() < 0.4 else ''}Chủ tịch Ủy ban "
                         "nhân dân xã."),
                   ("p", fill("Thời gian: 01 buổi, bắt đầu từ {time}, {date_long}.", s)),
                   ("p", fill("Địa điểm: {place}.", s)),
                   ("p", "Đề nghị các đồng chí sắp xếp thời gian đến dự đúng giờ, đầy đủ./.")]
        return blocks, False
    if kind == "Biên bản":
        s["chair"] = ctx.signer
        start = r.choice([7, 8, 9, 14])
        blocks = [("kv", f"Thời gian bắt đầu: {start:02d} giờ 00 phút, {date_long(ctx.y, ctx.m, ctx.d)}."),
                  ("kv", fill("Địa điểm: {place}.", s)), ("kv", "Thành phần tham dự:")]
        present = ["- {Mr}, {officer};", "- {Mr}, Trưởng {hamlet};", "- Đại diện {body};", "- {Mr}, đại diện {body};"]
        blocks += [("l", fill(t, ctx.slots(r))) for t in present[: r.randint(2, 4)]]
        sec, g = person(r)
        blocks += [("kv", f"Chủ trì: {honorific(ctx.signer_gender)} {ctx.signer}, Chủ tịch Ủy ban nhân dân xã."),
                   ("kv", f"Thư ký: {honorific(g)} {sec}, {fill('{officer}', ctx.slots(r))}."),
                   ("kv", "Nội dung:")]
        said = vocab.MEETING[:2] + (vocab.MEETING[2:3] if n else [])  # a short meeting hears fewer views
        blocks += [("p", fill(t, s)) for t in said] + [("p", x) for x in _extras(r, ctx, vocab.TASKS, n)]
        blocks += [("p", fill(t, s)) for t in vocab.MEETING[3:]]
        blocks.append(("p", f"Cuộc họp kết thúc vào {start + 2:02d} giờ 30 phút cùng ngày; biên bản đã được đọc lại "
                            "cho các thành viên dự họp cùng nghe và nhất trí thông qua./."))
        notes["secretary"] = sec
        return blocks, False
    raise ValueError(kind)


COST_ITEMS = ["Chi phí xây dựng", "Chi phí thiết bị", "Chi phí quản lý dự án", "Chi phí tư vấn đầu tư xây dựng",
              "Chi phí khác", "Chi phí dự phòng"]


def _decision_items(r: random.Random, ctx: Ctx, subject: str) -> list[str]:
    """The list under Điều 1, matching what the decision is about."""
    if "thành lập" in subject or "kiện toàn" in subject:
        roles = vocab.ROLES[: r.randint(4, len(vocab.ROLES))]
        return [fill(f"{{Mr}}, {{officer}} - {role};", ctx.slots(r)) for role in roles]
    if "dự toán" in subject:
        return [f"{x}: {money(r.randint(5, 480) * 1_000_000 + r.randint(0, 9) * 100_000)} đồng;"
                for x in COST_ITEMS[: r.randint(3, 6)]]
    if "chỉ tiêu" in subject:
        return [fill(f"Diện tích {c}: {{area}} ha;", ctx.slots(r)) for c in r.sample(vocab.CROPS, r.randint(3, 5))]
    amount = "" if "danh hiệu" in subject else f", mức {money(r.randint(5, 30) * 100_000)} đồng"
    return [fill(f"Hộ {{mr}}, {{hamlet}}{amount};", ctx.slots(r)) for _ in range(r.randint(3, 7))]


def administrative(kind: str, r: random.Random, ctx: Ctx, n_extra: int, office: str = "VP",
                   edit_body: Callable[[list[Block]], list[Block]] | None = None) -> Doc:
    """One administrative record of ``kind`` (a key of :data:`CODES` or of :data:`samples.kinds.KINDS`);
    ``edit_body`` may add to the body's blocks before they are laid out (a table: samples.tables)."""
    spec = KINDS.get(kind)
    code = spec.code if spec else CODES[kind]
    s = ctx.slots(r)
    subjects = spec.subjects if spec else vocab.SUBJECTS[kind]
    subject = ctx.local(fill(r.choice(subjects), s)) if subjects else None
    council = spec is not None and spec.issuer == "HĐND"
    symbol = f"{code}-{'HĐND' if council else 'UBND'}" if code else f"UBND-{office}"
    legal = code == "QĐ" or (spec is not None and spec.legal)
    number = None if spec and not code else f"{ctx.num:02d}/{ctx.y}/{symbol}" if ctx.old and legal else \
        f"{ctx.num:02d}/{symbol}"
    geo = ctx.geo
    if ctx.tight:  # second attempt at a one-page document: single spacing, little space between paragraphs
        geo = replace(geo, lead=1.15, gap=1.0, mt=20.0, mb=18.0)
    w = Writer(geo)
    issuer_lines = [("HỘI ĐỒNG NHÂN DÂN", "bold"), (ctx.unit_upper, "bold")] if council else ctx.issuer_lines()
    header(w, ctx, issuer_lines, number,
           subject if code is None and not spec else None, ctx.date_line, old_motto=ctx.y < 2011,
           date_drop=6.0 if ctx.old and ctx.num % 2 else 0.0)  # old typists often set it a line lower
    if code or spec:
        title(w, r.choice(LETTER_TITLES) if kind == "Thư công" else kind.upper(), subject)
    notes: dict = {}
    if spec:
        blocks, chair = spec.body(r, ctx, subject or "", n_extra, notes), False
    else:
        blocks, chair = _body(r, ctx, kind, subject, n_extra, notes)
    blocks = ctx.local_blocks(blocks)
    if ctx.addressee and kind == "Công văn":  # a district's letter: the commune it is sent to
        blocks = [("kg", f"Kính gửi: Ủy ban nhân dân {ctx.addressee}.") if k == "kg" else (k, t) for k, t in blocks]
    if edit_body is not None:
        blocks = edit_body(blocks)
    flow(w, blocks)
    seal_label = seal_text(ctx)
    issuer = f"HỘI ĐỒNG NHÂN DÂN {ctx.unit_upper}" if council else ctx.issuer
    meta = {"number": number, "date": f"{ctx.y:04d}-{ctx.m:02d}-{ctx.d:02d}", "place": ctx.place,
            "issuer": issuer, "parent_issuer": None if council else ctx.parent, "subject": subject,
            "signer": ctx.signer}
    signing = spec.signing if spec else "committee"
    if kind == "Biên bản":
        secretary = notes["secretary"]
        signature(w, ["CHỦ TỌA"], ctx.signer, None, (["THƯ KÝ"], secretary), seal_label, seal=False)
        meta.update(signer_position="CHỦ TỌA", authority=None, recipients=[], secretary=secretary)
    elif signing == "parties":
        mine = "NGƯỜI ỦY QUYỀN" if kind == "Giấy ủy quyền" else "ĐẠI DIỆN BÊN A"
        signature(w, [mine, "CHỦ TỊCH"], ctx.signer, None, ([notes["other_title"]], notes["other"]), seal_label)
        meta.update(signer_position="CHỦ TỊCH", authority=None, recipients=[])
    else:
        if council:
            authority, position = ["TM. HỘI ĐỒNG NHÂN DÂN", "CHỦ TỊCH"], "CHỦ TỊCH"
        elif signing == "chair":
            authority, position = ["CHỦ TỊCH"], "CHỦ TỊCH"
        else:
            authority, position = _signers(r, ctx, chair)
        s["last"] = notes.get("last", "3")
        recips = [ctx.local(fill(x, s)) for x in vocab.RECIPIENTS.get(kind, vocab.RECIPIENTS["Tờ trình"])]
        recips = recips[:1] + r.sample(recips[1:], min(len(recips) - 1, r.randint(1, 3)))
        if ctx.addressee and kind != "Công văn":  # the commune this copy was sent to (a letter names it above)
            recips.insert(1, f"UBND {ctx.addressee};")
        recips.append(r.choice(["Lưu: VT.", f"Lưu: VT, {office}."]))
        if ctx.old:  # Circular 55/2005 wrote the file copy without a colon
            recips[-1] = recips[-1].replace("Lưu: ", "Lưu ")
        if kind == "Thư công":
            recips = None
        signature(w, authority, ctx.signer, recips, seal_label=seal_label)
        meta.update(signer_position=position, authority=authority[0].split()[0] if len(authority) > 1 else None,
                    recipients=[x.rstrip(";.") for x in recips or []])
    doc_slug = slug(f"{code or ('thu' if kind == 'Thư công' else 'cv')} {ctx.num:03d} {ctx.slug_name}")
    return Doc(kind, code, "administrative", doc_slug, meta, w.pages)
