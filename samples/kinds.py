"""The administrative types of Decree 30/2020 beyond the eight of :mod:`samples.letters` (Nghị quyết,
Chỉ thị, Quy chế, Quy định, Thông cáo, Hướng dẫn, Chương trình, Phương án, Đề án, Dự án, Hợp đồng,
Công điện, Bản ghi nhớ, Bản thỏa thuận, Giấy ủy quyền, Giấy giới thiệu, Giấy nghỉ phép, Phiếu gửi,
Phiếu chuyển, Phiếu báo, Thư công), for ``generate(..., types="all")``.

Each type is a :class:`Kind`: its symbol abbreviation (Decree 30 Appendix III), who issues and signs it,
subjects, and a body made of the type's own wording (``QUYẾT NGHỊ:``, ``BÊN A``, ``Người được ủy
quyền``) over the shared paragraph pools, so the classifier meets the signals real documents carry.
:func:`samples.letters.administrative` draws the frame (header, title, signature) around the body.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from samples import vocab
from samples.documents import Block, Ctx
from samples.slots import date_long, fill, honorific, person

Body = Callable[[random.Random, Ctx, str, int, dict], list[Block]]


@dataclass(frozen=True)
class Kind:
    """How one type is framed: ``code`` (None: no number at all), ``issuer`` ``UBND`` or ``HĐND``,
    ``signing`` ``committee`` (TM./KT.), ``chair`` (the chair in person) or ``parties`` (two sides, the
    commune's on the right), and the subjects (None: the type prints no subject line)."""

    code: str | None
    subjects: tuple[str, ...] | None
    body: Body
    issuer: str = "UBND"
    signing: str = "committee"
    legal: bool = False  # a legal document: under Circular 55/2005 its symbol carries the year


def _tasks(r: random.Random, ctx: Ctx, n: int, pool: list[str] | None = None) -> list[str]:
    order = r.sample(pool or vocab.TASKS, len(pool or vocab.TASKS))
    return [fill(order[i % len(order)], ctx.slots(r)) for i in range(n)]


def _numbered(items: list[str]) -> list[Block]:
    return [("l", f"{i}. {x}") for i, x in enumerate(items, start=1)]


def _sections(heads: list[str]) -> Body:
    """A body in Roman-numbered sections (guidance, programmes, schemes, projects)."""
    def body(r: random.Random, ctx: Ctx, subject: str, n: int, notes: dict) -> list[Block]:
        s = ctx.slots(r)
        blocks: list[Block] = [("p", fill("Căn cứ tình hình thực tế của địa phương, Ủy ban nhân dân xã {commune} "
                                          "xây dựng nội dung như sau:", s))]
        pools = [vocab.AIMS, vocab.TASKS, vocab.ECONOMY, vocab.TASKS]
        for k, head in enumerate(heads):
            blocks.append(("h", f"{'I II III IV V'.split()[k]}. {head}"))
            blocks += [("p", x) for x in _tasks(r, ctx, 1 + (n + len(heads) - 1 - k) // len(heads), pools[k % 4])]
        blocks.append(("p", fill("Trên đây là nội dung do Ủy ban nhân dân xã {commune} ban hành; đề nghị các cơ "
                                 "quan, đơn vị nghiêm túc triển khai thực hiện./.", s)))
        return blocks
    return body


def _resolution(r: random.Random, ctx: Ctx, subject: str, n: int, notes: dict) -> list[Block]:
    s = ctx.slots(r)
    term = r.choice(["XIX", "XX", "XXI"])
    blocks: list[Block] = [("c", f"HỘI ĐỒNG NHÂN DÂN {ctx.unit_upper}"),
                           ("c", f"KHÓA {term}, KỲ HỌP THỨ {r.randint(2, 12)}"),
                           ("pi", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"),
                           ("pi", fill("Xét Tờ trình số {no}/TTr-UBND {date_long} của Ủy ban nhân dân xã; ý kiến "
                                       "thảo luận của đại biểu Hội đồng nhân dân xã tại kỳ họp.", s)),
                           ("c", "QUYẾT NGHỊ:"),
                           ("art", f"Điều 1. Thông qua {subject.removeprefix('Về ')[0].lower()}"
                                   f"{subject.removeprefix('Về ')[1:]}, cụ thể như sau:")]
    blocks += _numbered(_tasks(r, ctx, 2 + n, vocab.ECONOMY))
    blocks += [("art", "Điều 2. Giao Ủy ban nhân dân xã tổ chức thực hiện Nghị quyết này; Thường trực Hội đồng "
                       "nhân dân xã, các Ban và đại biểu Hội đồng nhân dân xã giám sát việc thực hiện."),
               ("art", f"Điều 3. Nghị quyết này được Hội đồng nhân dân xã {ctx.commune} khóa {term}, kỳ họp thông "
                       f"qua {date_long(ctx.y, ctx.m, ctx.d)} và có hiệu lực kể từ ngày thông qua./.")]
    return blocks


def _directive(r: random.Random, ctx: Ctx, subject: str, n: int, notes: dict) -> list[Block]:
    s = ctx.slots(r)
    return ([("p", x) for x in _tasks(r, ctx, 1, vocab.SOCIETY)] +
            [("p", "Để khắc phục những tồn tại nêu trên, Chủ tịch Ủy ban nhân dân xã yêu cầu:")] +
            _numbered(_tasks(r, ctx, 2 + n)) +
            [("p", fill("Chủ tịch Ủy ban nhân dân xã yêu cầu Thủ trưởng các cơ quan, đơn vị và Trưởng các thôn, "
                        "ấp nghiêm túc thực hiện Chỉ thị này./.", s))])


def _rules(word: str) -> Body:
    """Quy chế / Quy định: chapters and articles, the scope article first."""
    def body(r: random.Random, ctx: Ctx, subject: str, n: int, notes: dict) -> list[Block]:
        blocks: list[Block] = [("c", "Chương I"), ("c", "QUY ĐỊNH CHUNG"),
                               ("art", f"Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng. {word} này quy định "
                                       f"{subject[0].lower()}{subject[1:]}; áp dụng đối với cán bộ, công chức xã "
                                       "và các tổ chức, cá nhân có liên quan."),
                               ("art", "Điều 2. Nguyên tắc. Bảo đảm công khai, minh bạch, đúng thẩm quyền; đề cao "
                                       "trách nhiệm của người đứng đầu."),
                               ("c", "Chương II"), ("c", "NỘI DUNG CỤ THỂ")]
        blocks += [("art", f"Điều {k}. {x}") for k, x in enumerate(_tasks(r, ctx, 2 + n), start=3)]
        blocks += [("c", "Chương III"), ("c", "TỔ CHỨC THỰC HIỆN"),
                   ("art", f"Điều {n + 5}. Văn phòng Ủy ban nhân dân xã có trách nhiệm theo dõi, kiểm tra việc thực "
                           f"hiện {word} này; trong quá trình thực hiện nếu có vướng mắc, các đơn vị phản ánh về Ủy "
                           "ban nhân dân xã để sửa đổi, bổ sung cho phù hợp./.")]
        return blocks
    return body


def _prose(opening: str, closing: str, pool: list[str] | None = None) -> Body:
    """An opening sentence, numbered points, a closing sentence (communiqués, telegrams, slips)."""
    def body(r: random.Random, ctx: Ctx, subject: str, n: int, notes: dict) -> list[Block]:
        s = ctx.slots(r)
        s["subject"] = subject[0].lower() + subject[1:] if subject else ""
        return [("p", fill(opening, s))] + _numbered(_tasks(r, ctx, 2 + n, pool)) + [("p", fill(closing, s))]
    return body


def _agreement(word: str) -> Body:
    """Hợp đồng, Bản ghi nhớ, Bản thỏa thuận: the parties, then articles; signed by both sides."""
    def body(r: random.Random, ctx: Ctx, subject: str, n: int, notes: dict) -> list[Block]:
        s = ctx.slots(r)
        other, og = person(r)
        party = fill("{body}", s) if word != "Hợp đồng" else f"Công ty TNHH Xây dựng {r.choice(vocab.SURNAMES)} " \
                                                                f"{r.choice(vocab.GIVEN_M)}"
        notes.update(other=other, other_title="ĐẠI DIỆN BÊN B")
        blocks: list[Block] = [("pi", "Căn cứ Bộ luật Dân sự ngày 24 tháng 11 năm 2015;" if word == "Hợp đồng"
                                else "Căn cứ chức năng, nhiệm vụ, quyền hạn của mỗi bên;"),
                               ("p", fill(f"Hôm nay, {date_long(ctx.y, ctx.m, ctx.d)}, tại {{place}}, chúng tôi "
                                          "gồm:", s)),
                               ("kv", f"BÊN A: {ctx.issuer}"),
                               ("kv", f"Đại diện: {honorific(ctx.signer_gender).capitalize()} {ctx.signer}; chức "
                                      "vụ: Chủ tịch Ủy ban nhân dân xã."),
                               ("kv", f"BÊN B: {party.upper()}"),
                               ("kv", f"Đại diện: {honorific(og).capitalize()} {other}; chức vụ: "
                                      f"{'Giám đốc' if word == 'Hợp đồng' else 'Chủ tịch'}."),
                               ("p", f"Hai bên thống nhất ký kết {word.lower()} với các điều khoản sau:")]
        arts = _tasks(r, ctx, 2 + n)
        blocks += [("art", f"Điều {k}. {x}") for k, x in enumerate(arts, start=1)]
        blocks.append(("art", f"Điều {len(arts) + 1}. {word} được lập thành 04 bản có giá trị pháp lý như nhau, "
                              "mỗi bên giữ 02 bản và có hiệu lực kể từ ngày ký./."))
        return blocks
    return body


def _mandate(r: random.Random, ctx: Ctx, subject: str, n: int, notes: dict) -> list[Block]:
    s = ctx.slots(r)
    deputy, g = person(r)
    notes.update(other=deputy, other_title="NGƯỜI ĐƯỢC ỦY QUYỀN")
    return [("pi", "Căn cứ Bộ luật Dân sự ngày 24 tháng 11 năm 2015;"),
            ("kv", f"Người ủy quyền: {honorific(ctx.signer_gender).capitalize()} {ctx.signer}, Chủ tịch Ủy ban "
                   f"nhân dân xã {ctx.commune}."),
            ("kv", fill(f"Người được ủy quyền: {honorific(g).capitalize()} {deputy}, {{officer}}.", s)),
            ("kv", fill("Nội dung ủy quyền: ký các văn bản chứng thực bản sao từ bản chính, chữ ký trong giấy tờ, "
                        "văn bản và giải quyết các việc về {officer} thuộc thẩm quyền của Chủ tịch Ủy ban nhân dân "
                        "xã.", s)),
            ("kv", fill("Thời hạn ủy quyền: từ ngày {date} đến hết ngày {date2}.", s)),
            ("p", "Người được ủy quyền không được ủy quyền lại cho người khác và chịu trách nhiệm trước pháp luật về "
                  "các công việc được ủy quyền./.")]


def _introduction(r: random.Random, ctx: Ctx, subject: str, n: int, notes: dict) -> list[Block]:
    s = ctx.slots(r)
    return [("p", f"Ủy ban nhân dân xã {ctx.commune} trân trọng giới thiệu:"),
            ("kv", fill("{Mr}, {officer}.", s)),
            ("kv", fill("Được cử đến: Ủy ban nhân dân {upper} và các phòng, ban chuyên môn thuộc {level}.", s)),
            ("kv", fill("Về việc: liên hệ công tác, nộp hồ sơ và báo cáo theo yêu cầu của cấp trên.", s)),
            ("p", "Đề nghị Quý cơ quan tạo điều kiện để đồng chí có tên trên hoàn thành nhiệm vụ."),
            ("p", fill("Giấy này có giá trị đến hết ngày {date}./.", s))]


def _leave(r: random.Random, ctx: Ctx, subject: str, n: int, notes: dict) -> list[Block]:
    s = ctx.slots(r)
    return [("pi", fill("Xét đơn đề nghị nghỉ phép năm {y} của {mr};", s)),
            ("p", f"Chủ tịch Ủy ban nhân dân xã {ctx.commune} cấp giấy nghỉ phép cho:"),
            ("kv", fill("{Mr}, {officer}.", s)),
            ("kv", fill(f"Được nghỉ phép năm {ctx.y} trong thời gian {r.randint(3, 12):02d} ngày, kể từ ngày {{date}} "
                        "đến hết ngày {date2}.", s)),
            ("kv", fill("Nơi nghỉ phép: {hamlet}, {address}.", s)),
            ("p", "Đề nghị chính quyền địa phương nơi đến tạo điều kiện để người có tên trên được nghỉ phép theo quy "
                  "định./.")]


def _letter(r: random.Random, ctx: Ctx, subject: str, n: int, notes: dict) -> list[Block]:
    s = ctx.slots(r)
    s["occasion"] = _occasion(r)
    return ([("p", fill("Kính gửi: Toàn thể cán bộ, đảng viên, đoàn viên, hội viên và nhân dân xã {commune}!", s)),
             ("p", fill("Nhân dịp {occasion}, thay mặt lãnh đạo Ủy ban nhân dân xã, tôi xin gửi tới toàn thể cán bộ "
                        "và nhân dân lời thăm hỏi ân cần, lời chúc sức khỏe và lời cảm ơn chân thành nhất.", s))] +
            [("p", x) for x in _tasks(r, ctx, 1 + n, vocab.SOCIETY)] +
            [("p", "Chúc toàn thể nhân dân một năm mới an khang, hạnh phúc và thành công./.")])


def _occasion(r: random.Random) -> str:
    return r.choice(["Tết Nguyên đán", "kỷ niệm Ngày Quốc khánh 02/9", "kỷ niệm Ngày Thương binh - Liệt sĩ 27/7",
                     "kỷ niệm Ngày Nhà giáo Việt Nam 20/11"])


SECTIONS_GUIDE = ["MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG HƯỚNG DẪN", "TỔ CHỨC THỰC HIỆN"]
KINDS: dict[str, Kind] = {
    "Nghị quyết": Kind("NQ", ("Về dự toán thu, chi ngân sách xã năm {y}",
                              "Về kế hoạch đầu tư công trung hạn giai đoạn {y}",
                              "Về nhiệm vụ phát triển kinh tế - xã hội năm {y}"),
                       _resolution, issuer="HĐND", legal=True),
    "Chỉ thị": Kind("CT", ("Về việc tăng cường công tác phòng, chống cháy nổ trên địa bàn xã",
                           "Về việc tăng cường công tác quản lý trật tự xây dựng năm {y}",
                           "Về việc chấn chỉnh kỷ luật, kỷ cương hành chính năm {y}"), _directive, legal=True),
    "Quy chế": Kind("QC", ("Làm việc của Ủy ban nhân dân xã {commune}",
                           "Phối hợp giữa Ủy ban nhân dân xã và các đoàn thể trong công tác dân vận",
                           "Quản lý, sử dụng tài sản công của Ủy ban nhân dân xã"), _rules("Quy chế")),
    "Quy định": Kind("QyĐ", ("Về tiếp công dân tại trụ sở Ủy ban nhân dân xã {commune}",
                             "Về quản lý, sử dụng nhà văn hóa các thôn, ấp",
                             "Về chế độ công tác phí, chi hội nghị của xã năm {y}"), _rules("Quy định")),
    "Thông cáo": Kind("TC", ("Về kết quả kỳ họp thứ {n} Hội đồng nhân dân xã {commune}",
                             "Về kết quả bầu cử đại biểu Hội đồng nhân dân xã {commune}"),
                      _prose("Ủy ban nhân dân xã {commune} trân trọng thông cáo {subject} như sau:",
                             "Ủy ban nhân dân xã trân trọng thông cáo./.", vocab.SOCIETY)),
    "Hướng dẫn": Kind("HD", ("Thực hiện công tác đăng ký hộ tịch trực tuyến năm {y}",
                             "Tổ chức bình xét danh hiệu Gia đình văn hóa năm {y}",
                             "Thu gom, phân loại rác thải sinh hoạt tại các thôn, ấp"), _sections(SECTIONS_GUIDE)),
    "Chương trình": Kind("CTr", ("Công tác trọng tâm của Ủy ban nhân dân xã năm {y}",
                                 "Hành động thực hiện phong trào xây dựng nông thôn mới năm {y}"),
                         _sections(["MỤC TIÊU", "NỘI DUNG CHƯƠNG TRÌNH", "TỔ CHỨC THỰC HIỆN"])),
    "Phương án": Kind("PA", ("Phòng, chống thiên tai và tìm kiếm cứu nạn năm {y}",
                             "Bồi thường, hỗ trợ giải phóng mặt bằng xây dựng {work}"),
                      _sections(["SỰ CẦN THIẾT", "NỘI DUNG PHƯƠNG ÁN", "TỔ CHỨC THỰC HIỆN"])),
    "Đề án": Kind("ĐA", ("Phát triển sản xuất nông nghiệp hàng hóa xã {commune} giai đoạn {y}",
                         "Xây dựng xã {commune} đạt chuẩn nông thôn mới nâng cao"),
                  _sections(["SỰ CẦN THIẾT XÂY DỰNG ĐỀ ÁN", "MỤC TIÊU, NHIỆM VỤ", "GIẢI PHÁP THỰC HIỆN"])),
    "Dự án": Kind("DA", ("Đầu tư xây dựng {work}", "Nâng cấp, cải tạo {work}"),
                  _sections(["THÔNG TIN CHUNG VỀ DỰ ÁN", "QUY MÔ ĐẦU TƯ", "TỔ CHỨC THỰC HIỆN"])),
    "Hợp đồng": Kind("HĐ", ("Về việc thi công xây dựng {work}", "Về việc sửa chữa {work}"),
                     _agreement("Hợp đồng"), signing="parties"),
    "Công điện": Kind("CĐ", ("Về việc chủ động ứng phó với bão và mưa lũ",
                             "Về việc tập trung khắc phục hậu quả mưa lũ tại {hamlet}"),
                      _prose("Chủ tịch Ủy ban nhân dân xã {commune} điện: Trưởng các thôn, ấp; Công an xã; Ban "
                             "Chỉ huy quân sự xã. Yêu cầu các đơn vị khẩn trương thực hiện:",
                             "Yêu cầu các đơn vị nghiêm túc thực hiện, báo cáo kết quả về Ủy ban nhân dân xã./.")),
    "Bản ghi nhớ": Kind("GNH", ("Về phối hợp tuyên truyền, vận động nhân dân xây dựng nông thôn mới",
                                "Về hợp tác phát triển du lịch cộng đồng tại {hamlet}"),
                        _agreement("Bản ghi nhớ"), signing="parties"),
    "Bản thỏa thuận": Kind("TTh", ("Về việc sử dụng chung nhà văn hóa {hamlet}",
                                   "Về phối hợp bảo đảm an ninh trật tự khu vực giáp ranh"),
                           _agreement("Bản thỏa thuận"), signing="parties"),
    "Giấy ủy quyền": Kind("GUQ", None, _mandate, signing="parties"),
    "Giấy giới thiệu": Kind("GGT", None, _introduction),
    "Giấy nghỉ phép": Kind("GNP", None, _leave, signing="chair"),
    "Phiếu gửi": Kind("PG", None, _prose("Ủy ban nhân dân xã {commune} gửi kèm theo phiếu này các văn bản sau:",
                                         "Đề nghị nơi nhận ký xác nhận và gửi lại phiếu này cho Ủy ban nhân dân xã./.",
                                         vocab.TASKS)),
    "Phiếu chuyển": Kind("PC", ("Về việc chuyển đơn của công dân",),
                         _prose("Ủy ban nhân dân xã {commune} nhận được đơn của {mr}, trú tại {hamlet}, với nội "
                                "dung sau:", "Ủy ban nhân dân xã chuyển đơn đến {body} để xem xét, giải quyết theo "
                                "thẩm quyền./.")),
    "Phiếu báo": Kind("PB", ("Về việc nộp hồ sơ đăng ký hộ tịch",),
                      _prose("Ủy ban nhân dân xã {commune} báo để {mr} được biết:",
                             "Đề nghị ông (bà) liên hệ Bộ phận tiếp nhận và trả kết quả để được hướng dẫn./.")),
    "Thư công": Kind(None, None, _letter, signing="chair"),
}
#: The title a public letter prints (Thư công has several).
LETTER_TITLES = ["THƯ CHÚC MỪNG", "THƯ KHEN", "THƯ CẢM ƠN", "THƯ THĂM HỎI"]
