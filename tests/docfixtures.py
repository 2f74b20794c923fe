"""Synthetic commune records with their ground truth, for every type the classifier knows.

Each document is built as the two header columns, the title block, a body and the two footer columns
of a Decree 30/2020 page (or, one in four administrative documents, the older Joint Circular 55/2005
look: ``UBND XÃ``, ``UB`` in symbols, ``CỘNG HOÀ``, dates without leading zeros or ``ngày 8/9/2006``,
``Số`` without its colon). :mod:`tests.docmeasure` lays them out and noises them as Tesseract would
read them. The truth has the shape of ``samples/ground-truth/*.json`` (``number`` is the whole
number/symbol). Every name and place here is made up or common; none is from a real record.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

COMMUNES = [("Tân Phú", "Định Quán"), ("Phước Thiền", "Nhơn Trạch"), ("Tân Thạnh Đông", "Củ Chi"),
            ("Hòa Bình", "Chợ Gạo"), ("Long Hưng", "Châu Thành"), ("Yên Thịnh", "Yên Mô"), ("Mỹ Lộc", "Can Lộc"),
            ("Bình Minh", "Thăng Bình"), ("Quỳnh Hậu", "Quỳnh Lưu"), ("Đông Sơn", "Thủy Nguyên"),
            ("Vĩnh Thanh", "Lấp Vò"), ("Xuân Trường", "Thọ Xuân")]
SURNAMES = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương".split()
MIDDLE = "Văn Thị Hữu Đức Minh Ngọc Thanh Xuân Quốc Kim".split()
GIVEN = ("An Bình Cường Dũng Hùng Hải Lan Mai Nga Phúc Quang Sơn Tâm Thảo Trung Tuấn Vinh Yến Hạnh Nhung Hiếu "
         "Long").split()


@dataclass
class Doc:
    """One synthetic document: its text columns and its ground truth (the JSON shape of samples/)."""

    truth: dict
    left: list[str] = field(default_factory=list)  # issuer block, Số, V/v
    right: list[str] = field(default_factory=list)  # national title, motto, place/date
    title: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    foot_left: list[str] = field(default_factory=list)  # Nơi nhận
    foot_right: list[str] = field(default_factory=list)  # authority, position, name


def name(r: random.Random) -> str:
    return f"{r.choice(SURNAMES)} {r.choice(MIDDLE)} {r.choice(GIVEN)}"


def date_text(r: random.Random, y: int, m: int, d: int, old: bool) -> str:
    if old and r.random() < 0.4:
        return f"ngày {d}/{m}/{y}"
    if old:
        return f"ngày {d} tháng {m} năm {y}"
    return f"ngày {d:02d} tháng {m:02d} năm {y}" if m <= 2 else f"ngày {d:02d} tháng {m} năm {y}"


def wrap(text: str, width: int = 58) -> list[str]:
    out, cur = [], ""
    for w in text.split():
        if cur and len(cur) + len(w) + 1 > width:
            out.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}".strip()
    return out + [cur]


# type -> (code, title, subjects, body opening lines, issuer kinds)
ADMIN = {
    "Nghị quyết": ("NQ", "NGHỊ QUYẾT", ["Về việc thông qua kế hoạch phát triển kinh tế - xã hội năm {y}",
                                        "Về dự toán ngân sách xã năm {y}"], ["{AUTH}", "KHÓA XII, KỲ HỌP THỨ {n}",
                                        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
                                        "Xét Tờ trình của Ủy ban nhân dân xã; ý kiến thảo luận của đại biểu,",
                                        "QUYẾT NGHỊ:", "Điều 1. Thông qua nội dung nêu trên."], "hdnd party"),
    "Quyết định": ("QĐ", "QUYẾT ĐỊNH", ["Về việc thành lập Ban Chỉ đạo phòng, chống thiên tai năm {y}",
                                        "Về việc phê duyệt kế hoạch cải cách hành chính năm {y}",
                                        "Về việc công nhận danh hiệu Gia đình văn hóa năm {y}"],
                   ["{AUTH}", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
                    "Căn cứ Quyết định số 12/QĐ-UBND ngày 05/01/{y} của Ủy ban nhân dân huyện;",
                    "Theo đề nghị của công chức Văn phòng - Thống kê xã.", "QUYẾT ĐỊNH:",
                    "Điều 1. Ban hành kèm theo Quyết định này nội dung nêu trên.",
                    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
                    "Điều 3. Văn phòng và các ngành liên quan chịu trách nhiệm thi hành Quyết định này./."],
                        "ubnd party"),
    "Chỉ thị": ("CT", "CHỈ THỊ", ["Về tăng cường công tác phòng, chống dịch bệnh trên địa bàn xã"],
                ["Trong thời gian qua, công tác phòng chống dịch bệnh được quan tâm thực hiện.",
                 "Chủ tịch Ủy ban nhân dân xã yêu cầu các ban, ngành nghiêm túc thực hiện Chỉ thị này./."], "ubnd"),
    "Quy chế": ("QC", "QUY CHẾ", ["Làm việc của Ủy ban nhân dân xã nhiệm kỳ 2021 - 2026"],
                ["Chương I", "QUY ĐỊNH CHUNG", "Điều 1. Phạm vi điều chỉnh",
                    "Quy chế này quy định nguyên tắc làm việc."],
                "ubnd"),
    "Quy định": ("QyĐ", "QUY ĐỊNH", ["Về quản lý nghĩa trang nhân dân trên địa bàn xã"],
                 ["Điều 1. Phạm vi điều chỉnh", "Quy định này áp dụng với các hộ gia đình trên địa bàn."], "ubnd"),
    "Thông cáo": ("TC", "THÔNG CÁO", ["Kết quả kỳ họp thứ {n} Hội đồng nhân dân xã"],
                  ["Ngày {d}/{m}/{y}, Hội đồng nhân dân xã đã tổ chức kỳ họp thường lệ.",
                      "Kỳ họp đã thông qua các nội dung."],
                  "hdnd"),
    "Thông báo": ("TB", "THÔNG BÁO", ["Kết luận của Chủ tịch Ủy ban nhân dân xã tại cuộc họp giao ban tháng {m}",
                                      "Về việc tạm ngừng tiếp nhận hồ sơ hộ tịch trong dịp nghỉ Tết"],
                  ["Ngày {d}/{m}/{y}, Ủy ban nhân dân xã tổ chức họp giao ban.",
                   "Ủy ban nhân dân xã trân trọng thông báo để các cơ quan, đơn vị biết./."], "ubnd hdnd party ca"),
    "Hướng dẫn": ("HD", "HƯỚNG DẪN", ["Thực hiện công tác đăng ký, thống kê hộ tịch năm {y}"],
                  ["Thực hiện Kế hoạch số 25/KH-UBND của Ủy ban nhân dân huyện,",
                   "Ủy ban nhân dân xã hướng dẫn như sau:"], "ubnd"),
    "Chương trình": ("CTr", "CHƯƠNG TRÌNH", ["Công tác trọng tâm năm {y} của Ủy ban nhân dân xã"],
                     ["I. MỤC TIÊU", "Nội dung chương trình gồm các nhiệm vụ sau."], "ubnd party"),
    "Kế hoạch": ("KH", "KẾ HOẠCH", ["Tổ chức Tháng hành động vì an toàn thực phẩm năm {y}",
                                    "Triển khai công tác chuyển đổi số trên địa bàn xã năm {y}"],
                 ["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "II. NỘI DUNG", "III. TỔ CHỨC THỰC HIỆN",
                  "Kinh phí thực hiện từ ngân sách xã."], "ubnd party ca"),
    "Phương án": ("PA", "PHƯƠNG ÁN", ["Phòng, chống lụt, bão và tìm kiếm cứu nạn năm {y}"],
                  ["I. ĐẶC ĐIỂM TÌNH HÌNH", "Phương án này được triển khai đến các thôn."], "ubnd"),
    "Đề án": ("ĐA", "ĐỀ ÁN", ["Xây dựng xã đạt chuẩn nông thôn mới nâng cao giai đoạn 2021 - 2025"],
              ["I. SỰ CẦN THIẾT XÂY DỰNG ĐỀ ÁN", "Đề án này là cơ sở để huy động nguồn lực."], "ubnd"),
    "Dự án": ("DA", "DỰ ÁN", ["Nâng cấp đường giao thông nông thôn thôn 3"],
              ["Chủ đầu tư: Ủy ban nhân dân xã.", "Tổng mức đầu tư: 465.000.000 đồng."], "ubnd"),
    "Báo cáo": ("BC", "BÁO CÁO", ["Tình hình thực hiện nhiệm vụ kinh tế - xã hội 6 tháng đầu năm {y}",
                                  "Kết quả công tác cải cách hành chính quý {n} năm {y}"],
                ["I. KẾT QUẢ THỰC HIỆN", "1. Về kinh tế", "II. PHƯƠNG HƯỚNG, NHIỆM VỤ",
                 "Trên đây là báo cáo của Ủy ban nhân dân xã./."], "ubnd hdnd party ca"),
    "Biên bản": ("BB", "BIÊN BẢN", ["Họp xét duyệt hộ nghèo, hộ cận nghèo năm {y}"],
                 ["Hôm nay, vào lúc 08 giờ 00 phút, {DATE}, tại hội trường Ủy ban nhân dân xã.",
                  "Thành phần tham dự: các thành viên Ban Chỉ đạo.", "Chủ trì: ông {NAME2}.",
                  "Thư ký: bà {NAME1}.", "Cuộc họp kết thúc vào lúc 11 giờ cùng ngày./."], "ubnd hdnd"),
    "Tờ trình": ("TTr", "TỜ TRÌNH", ["Về việc đề nghị phê duyệt dự toán sửa chữa trường mẫu giáo"],
                 ["Kính gửi: Ủy ban nhân dân huyện {D}.",
                     "Ủy ban nhân dân xã kính trình Ủy ban nhân dân huyện xem xét, "
                  "phê duyệt./."], "ubnd"),
    "Hợp đồng": ("HĐ", "HỢP ĐỒNG", ["Về việc thuê khoán bảo vệ rừng năm {y}"],
                 ["Hôm nay, {DATE}, tại trụ sở Ủy ban nhân dân xã, chúng tôi gồm:",
                  "BÊN A: ỦY BAN NHÂN DÂN XÃ", "BÊN B: Ông {NAME1}", "Hai bên thống nhất các điều khoản sau."], "ubnd"),
    "Công văn": (None, None, ["V/v đề nghị hỗ trợ kinh phí sửa chữa trụ sở", "V/v báo cáo số liệu hộ nghèo năm {y}"],
                 ["Kính gửi: Ủy ban nhân dân huyện {D}.",
                     "Thực hiện chỉ đạo của Ủy ban nhân dân huyện về việc rà soát,",
                  "Ủy ban nhân dân xã đề nghị Ủy ban nhân dân huyện xem xét, hỗ trợ./."], "ubnd ca"),
    "Công điện": ("CĐ", "CÔNG ĐIỆN", ["Về việc chủ động ứng phó với bão số {n}"],
                  ["CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ điện:", "- Trưởng các thôn, ấp;", "Yêu cầu khẩn trương thực hiện./."],
                  "ubnd"),
    "Bản ghi nhớ": ("GNH", "BẢN GHI NHỚ", ["Về phối hợp tuyên truyền pháp luật giai đoạn 2021 - 2025"],
                    ["Hai bên thống nhất ghi nhớ các nội dung phối hợp sau đây."], "ubnd"),
    "Bản thỏa thuận": ("TTh", "BẢN THỎA THUẬN", ["Về phối hợp bảo đảm an ninh trật tự khu giáp ranh"],
                       ["Hai bên thỏa thuận các nội dung sau."], "ubnd ca"),
    "Giấy ủy quyền": ("GUQ", "GIẤY ỦY QUYỀN", [None],
                      ["Bên ủy quyền: ông {NAME2}, Chủ tịch Ủy ban nhân dân xã.",
                       "Bên được ủy quyền: ông {NAME1}, Phó Chủ tịch Ủy ban nhân dân xã.",
                           "Phạm vi ủy quyền: ký hợp đồng."],
                      "ubnd"),
    "Giấy mời": ("GM", "GIẤY MỜI", ["Dự hội nghị tổng kết công tác năm {y}"],
                 ["Ủy ban nhân dân xã trân trọng kính mời:", "Thời gian: 08 giờ 00, {DATE}.",
                  "Địa điểm: Hội trường Ủy ban nhân dân xã."], "ubnd hdnd party"),
    "Giấy giới thiệu": ("GGT", "GIẤY GIỚI THIỆU", [None],
                        ["Ủy ban nhân dân xã trân trọng giới thiệu:", "Ông (bà): {NAME1}",
                            "Được cử đến: Phòng Tư pháp huyện",
                         "Giấy này có giá trị đến hết ngày 30/{m}/{y}./."], "ubnd ca"),
    "Giấy nghỉ phép": ("GNP", "GIẤY NGHỈ PHÉP", [None],
                       ["Xét Đơn đề nghị nghỉ phép của bà {NAME1},", "Được nghỉ phép trong thời gian 10 ngày./."],
                           "ubnd"),
    "Phiếu gửi": ("PG", "PHIẾU GỬI", ["Về việc gửi hồ sơ đề nghị khen thưởng năm {y}"],
        ["Ủy ban nhân dân xã xin gửi kèm theo các văn bản sau:"], "ubnd"),
    "Phiếu chuyển": ("PC", "PHIẾU CHUYỂN", ["Về việc chuyển đơn của công dân"],
        ["Ủy ban nhân dân xã xin chuyển đơn của công dân đến."], "ubnd"),
    "Phiếu báo": ("PB", "PHIẾU BÁO", ["Về lịch tiếp công dân tháng {m} năm {y}"],
        ["Ủy ban nhân dân xã xin báo lịch tiếp công dân."], "ubnd"),
    "Thư công": (None, "THƯ CHÚC MỪNG", [None], [
        "Kính gửi: Các thầy giáo, cô giáo trên địa bàn xã.",
        "Nhân dịp kỷ niệm Ngày Nhà giáo Việt Nam, thay mặt Ủy ban nhân dân xã,",
        "trân trọng gửi tới các thầy, cô lời chúc mừng tốt đẹp nhất."], "ubnd"),
    "Bản cam kết": ("CK", "BẢN CAM KẾT", ["Thực hiện nếp sống văn minh trong việc cưới, việc tang"],
                    ["Chúng tôi xin cam kết thực hiện đúng các nội dung sau."], "ubnd"),
}
ISSUERS = {
    "ubnd": ("ỦY BAN NHÂN DÂN XÃ {C}", "UBND HUYỆN {D}", "UBND", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
    "hdnd": ("HỘI ĐỒNG NHÂN DÂN XÃ {C}", None, "HĐND", "TM. HỘI ĐỒNG NHÂN DÂN", "CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
    "party": ("ĐẢNG ỦY XÃ {C}", "ĐẢNG BỘ HUYỆN {D}", "ĐU", "TM. ĐẢNG ỦY", "BÍ THƯ", "PHÓ BÍ THƯ"),
    "ca": ("CÔNG AN XÃ {C}", "CÔNG AN HUYỆN {D}", "CA", None, "TRƯỞNG CÔNG AN", "PHÓ TRƯỞNG CÔNG AN"),
}
RECIPIENTS = ["UBND huyện {D} (b/c)", "TT. Đảng ủy, HĐND xã", "Chủ tịch, các PCT UBND xã",
              "Các ban, ngành, đoàn thể xã", "Trưởng các thôn, ấp"]
FILLER = ["Trong năm qua, dưới sự lãnh đạo của Đảng ủy, sự giám sát của Hội đồng nhân dân, các ngành đã phối hợp",
          "chặt chẽ, thực hiện đạt và vượt nhiều chỉ tiêu đề ra; đời sống nhân dân từng bước được cải thiện.",
          "Công tác cải cách hành chính tiếp tục được quan tâm, bộ phận một cửa tiếp nhận và giải quyết hồ sơ.",
          "Tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn ổn định, không để xảy ra điểm nóng.",
          "Các thôn, ấp tiếp tục vận động nhân dân tham gia xây dựng nông thôn mới và giữ gìn vệ sinh môi trường."]


def _fill(s: str, v: dict) -> str:
    for k, x in v.items():
        s = s.replace("{" + k + "}", str(x))
    return s


def _footer(r: random.Random, doc: Doc, tm: str | None, head: str, deputy: str, recipients: list[str] | None) -> None:
    style = r.choice(["tm", "kt", "none"] if tm else ["kt", "none"])
    signer = name(r)
    lines = {"tm": [tm, head], "kt": ["KT. " + head, deputy], "none": [head]}[style]
    doc.foot_right = lines + r.choice([[""], ["(Đã ký)"], ["", ""]]) + [signer]
    m = doc.truth["metadata"]
    m.update(signer=signer, signer_position=lines[-1], authority={"tm": "TM.", "kt": "KT.", "none": None}[style])
    if recipients is not None:
        doc.foot_left = ["Nơi nhận:"] + [f"- {x};" for x in recipients[:-1]] + [f"- {recipients[-1]}."]
        m["recipients"] = recipients


def admin_doc(r: random.Random, type_name: str, old: bool = False) -> Doc:
    code, title, subjects, body, kinds = ADMIN[type_name]
    kind = r.choice(kinds.split())
    commune, district = r.choice(COMMUNES)
    iss_t, par_t, icode, tm, head, deputy = ISSUERS[kind]
    y = r.randint(1996, 2010) if old else r.randint(2011, 2024)
    m, d, n = r.randint(1, 12), r.randint(1, 28), r.randint(1, 9)
    issuer, parent = iss_t.format(C=commune.upper()), par_t.format(D=district.upper()) if par_t else None
    if old and kind == "ubnd":
        issuer, icode = f"UBND XÃ {commune.upper()}", "UB"
    number = f"{r.randint(1, 250):02d}"
    if kind == "party":
        ns = f"{number}-{code}/ĐU"
    elif type_name == "Công văn":
        ns = f"{number}/{icode}-{r.choice(['VP', 'TP-HT', 'ĐC-XD', 'VX'])}"
    elif code is None:
        ns = None
    else:
        legal = type_name == "Quyết định" and r.random() < 0.1  # a legal normative document: the year inside
        ns = f"{number}/{y}/{code}-{icode}" if legal else f"{number}/{code}-{icode}"
    v = {"C": commune, "D": district, "y": y, "m": m, "d": d, "n": n, "NAME1": name(r), "NAME2": name(r),
         "DATE": date_text(r, y, m, d, old), "AUTH": f"{head} {issuer}"}
    subject = _fill(r.choice(subjects), v) if subjects[0] else None
    place = commune if r.random() < 0.8 else f"Xã {commune}"
    national = "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" if old else "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    truth = {"type": type_name, "type_code": code, "kind": "administrative",
             "metadata": {"number": ns, "date": f"{y:04d}-{m:02d}-{d:02d}", "place": place, "issuer": issuer,
                          "parent_issuer": parent, "subject": subject, "recipients": []}}
    doc = Doc(truth)
    if kind == "party":
        doc.right = ["ĐẢNG CỘNG SẢN VIỆT NAM"]
    else:
        doc.right = [national, "Độc lập - Tự do - Hạnh phúc"]
    if type_name == "Biên bản":
        truth["metadata"]["place"] = None
    else:
        doc.right.append(f"{place}, {date_text(r, y, m, d, old)}")
    doc.left = ([parent] if parent else []) + ([issuer] if parent or r.random() < 0.5 else
                                               [issuer.rsplit(" XÃ ", 1)[0], "XÃ " + issuer.rsplit(" XÃ ", 1)[1]])
    if ns:
        doc.left.append(("Số " if kind == "party" or old and r.random() < 0.5 else "Số: ") + ns)
    if type_name == "Công văn":
        doc.left += wrap(subject, 40)
    else:
        doc.title = [title] + (wrap(subject) if subject else [])
    doc.body = [_fill(b, v) for b in body] + r.sample(FILLER, r.randint(0, 5)) * r.choice([1, 1, 2, 6, 12])
    if type_name == "Biên bản":
        doc.foot_left, doc.foot_right = ["THƯ KÝ", "", v["NAME1"]], ["CHỦ TỌA", "", v["NAME2"]]
        truth["metadata"].update(signer=v["NAME2"], signer_position="CHỦ TỌA", authority=None)
    else:
        recips = None if type_name == "Thư công" else (["Như trên"] if type_name in ("Công văn",
            "Tờ trình") else []) + \
            [_fill(x, v) for x in r.sample(RECIPIENTS, r.randint(1, 3))] + ["Lưu: VT"]
        _footer(r, doc, tm, head, deputy, recips)
    return doc


CIVIL = {  # type -> (titles, event label, extra body)
    "Khai sinh": (["TRÍCH LỤC KHAI SINH", "GIẤY KHAI SINH"], "Ngày, tháng, năm sinh: {EV}",
                  ["Giới tính: Nam   Dân tộc: Kinh   Quốc tịch: Việt Nam", "Nơi sinh: Trạm Y tế xã {C}, huyện {D}",
                   "Họ, chữ đệm, tên người mẹ: {NAME1}", "Họ, chữ đệm, tên người cha: {NAME2}"]),
    "Khai tử": (["TRÍCH LỤC KHAI TỬ"], "Đã chết vào lúc: 10 giờ 30 phút, ngày {EV}",
                ["Ngày, tháng, năm sinh: 02/02/1931", "Nơi chết: tại nhà riêng, thôn 3, xã {C}",
                 "Nguyên nhân chết: bệnh già"]),
    "Kết hôn": (["GIẤY CHỨNG NHẬN KẾT HÔN", "TRÍCH LỤC KẾT HÔN"], "Ngày, tháng, năm đăng ký: {EV}",
                ["Thông tin người vợ", "Họ, chữ đệm, tên: {NAME1U}", "Ngày, tháng, năm sinh: 11/11/1999"]),
    "Xác nhận tình trạng hôn nhân": (["GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN"], "Ngày, tháng, năm đăng ký: {EV}",
                                     ["Tình trạng hôn nhân: Chưa đăng ký kết hôn với ai.",
                                      "Giấy này được cấp để làm thủ tục kết hôn."]),
    "Nhận cha, mẹ, con": (["TRÍCH LỤC ĐĂNG KÝ NHẬN CHA, MẸ, CON"], "Ngày, tháng, năm đăng ký: {EV}",
                          ["Họ, chữ đệm, tên người nhận: {NAME2}", "Quan hệ: cha - con"]),
}


def civil_doc(r: random.Random, type_name: str) -> Doc:
    titles, event, extra = CIVIL[type_name]
    commune, district = r.choice(COMMUNES)
    y, m, d = r.randint(1998, 2024), r.randint(1, 12), r.randint(1, 28)
    ey, em, ed = (y - r.randint(0, 3), r.randint(1, 12), r.randint(1, 28)) if type_name in ("Khai sinh", "Khai tử") \
        else (y, m, d)
    person, entry, book = name(r).upper(), str(r.randint(1, 400)), f"{r.randint(1, 3):02d}/{y}"
    title = r.choice(titles)
    ns = f"{r.randint(1, 900)}/TLKS-BS" if title.startswith("TRÍCH LỤC KHAI SINH") and r.random() < 0.5 else None
    issuer, parent = f"ỦY BAN NHÂN DÂN XÃ {commune.upper()}", f"UBND HUYỆN {district.upper()}"
    label = "Họ, chữ đệm, tên người được nhận" if type_name == "Nhận cha, mẹ, con" else "Họ, chữ đệm, tên"
    v = {"C": commune, "D": district, "NAME1": name(r), "NAME2": name(r), "NAME1U": name(r).upper(),
         "EV": f"{ed:02d}/{em:02d}/{ey}"}
    doc = Doc({"type": type_name, "type_code": None, "kind": "civil_status", "metadata": {
        "number": ns, "date": f"{y:04d}-{m:02d}-{d:02d}", "place": commune, "issuer": issuer, "parent_issuer": parent,
        "subject": title.capitalize(), "recipients": [], "person": person.title(),
        "event_date": f"{ey:04d}-{em:02d}-{ed:02d}",
        "book": book, "entry": entry}})
    doc.left = [parent, issuer, f"Số: {ns}" if ns else f"Số: {entry}"]
    doc.right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        f"{commune}, {date_text(r, y, m, d, False)}"]
    doc.title = [title] + (["(BẢN SAO)"] if title.startswith("TRÍCH") else [])
    doc.body = [f"{label}: {person}", _fill(event, v)] + [_fill(x, v) for x in extra] + \
        [f"Nơi đăng ký: Ủy ban nhân dân xã {commune}, huyện {district}", f"Quyển số: {book}"] + \
        ([f"Số đăng ký: {entry}"] if ns else [])
    if title.startswith("TRÍCH"):
        signer = name(r)
        doc.foot_right = ["NGƯỜI KÝ TRÍCH LỤC", "(Ký, ghi rõ họ, chữ đệm, tên, chức vụ, đóng dấu)", signer]
        doc.truth["metadata"].update(signer=signer, signer_position="NGƯỜI KÝ TRÍCH LỤC", authority=None)
    else:
        _footer(r, doc, "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", None)
    return doc


PETITIONS = {"Đơn đề nghị": ("ĐƠN ĐỀ NGHỊ", "V/v cấp lại bản sao giấy khai sinh"),
             "Đơn khiếu nại": ("ĐƠN KHIẾU NẠI", "Về việc bồi thường khi thu hồi đất"),
             "Đơn tố cáo": ("ĐƠN TỐ CÁO", "Về việc lấn chiếm đất công"),
             "Đơn kiến nghị": ("ĐƠN KIẾN NGHỊ", "Về việc sửa chữa đường giao thông thôn 2"),
             "Đơn đăng ký đất đai": ("ĐƠN ĐĂNG KÝ, CẤP GIẤY CHỨNG NHẬN QUYỀN SỬ DỤNG ĐẤT", None)}


def petition_doc(r: random.Random, type_name: str) -> Doc:
    title, subject = PETITIONS[type_name]
    commune, district = r.choice(COMMUNES)
    y, m, d = r.randint(2000, 2024), r.randint(1, 12), r.randint(1, 28)
    signer = name(r)
    kind = "land" if type_name == "Đơn đăng ký đất đai" else "petition"
    doc = Doc({"type": type_name, "type_code": None, "kind": kind, "metadata": {
        "number": None, "date": f"{y:04d}-{m:02d}-{d:02d}", "place": commune, "issuer": None, "parent_issuer": None,
        "subject": subject or title.capitalize(), "signer": signer, "signer_position": "NGƯỜI LÀM ĐƠN",
        "authority": None, "recipients": []}})
    date_line = f"{commune}, {date_text(r, y, m, d, False)}"
    top = r.random() < 0.4
    doc.right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"] + ([date_line] if top else [])
    doc.title = wrap(title, 50) + ([f"({subject})" if subject.startswith("V/v") else subject] if subject else [])
    doc.body = [f"Kính gửi: Ủy ban nhân dân xã {commune}", f"Tôi tên là: {signer}",
                f"Địa chỉ thường trú: thôn 2, xã {commune}, huyện {district}."]
    doc.body += ["Thửa đất số: 125, tờ bản đồ số: 12, diện tích: 300 m2." if kind == "land" else
                 "Nay tôi làm đơn này kính đề nghị Ủy ban nhân dân xã xem xét, giải quyết.",
                 "Tôi xin cam đoan những nội dung trên là đúng sự thật."]
    doc.foot_right = ([] if top else [date_line]) + ["NGƯỜI LÀM ĐƠN", "(Ký và ghi rõ họ tên)", "", signer]
    return doc


def land_doc(r: random.Random, type_name: str) -> Doc:
    if type_name == "Đơn đăng ký đất đai":
        return petition_doc(r, type_name)
    commune, district = r.choice(COMMUNES)
    y, m, d = r.randint(2005, 2024), r.randint(1, 12), r.randint(1, 28)
    permit = type_name == "Giấy phép xây dựng"
    issuer = f"ỦY BAN NHÂN DÂN HUYỆN {district.upper()}"
    ns = f"{r.randint(1, 500)}/GPXD" if permit else None
    doc = Doc({"type": type_name, "type_code": None, "kind": "land", "metadata": {
        "number": ns, "date": f"{y:04d}-{m:02d}-{d:02d}", "place": district, "issuer": issuer if permit else None,
        "parent_issuer": None, "subject": type_name.capitalize(), "recipients": []}})
    doc.right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    date_line = f"{district}, {date_text(r, y, m, d, False)}"
    if permit:
        doc.left, doc.right = [issuer, f"Số: {ns}"], doc.right + [date_line]
        doc.title = ["GIẤY PHÉP XÂY DỰNG"]
        doc.body = [f"Cấp cho: ông {name(r)}", f"Được phép xây dựng công trình nhà ở tại thôn 1, xã {commune}.",
                    "Diện tích xây dựng tầng 1: 120 m2; chiều cao công trình: 9 m; cốt nền: +0,45 m."]
    else:
        doc.title = ["GIẤY CHỨNG NHẬN", "QUYỀN SỬ DỤNG ĐẤT, QUYỀN SỞ HỮU NHÀ Ở", "VÀ TÀI SẢN KHÁC GẮN LIỀN VỚI ĐẤT"]
        doc.body = [f"I. Người sử dụng đất: ông {name(r)}", "II. Thửa đất: thửa đất số 125, tờ bản đồ số 12",
                    "Diện tích: 300 m2; mục đích sử dụng: đất ở tại nông thôn; thời hạn sử dụng: lâu dài."]
    _footer(r, doc, "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", None)
    if not permit:
        doc.foot_right.insert(0, date_line)
    return doc


ALL_TYPES = [(t, "administrative") for t in ADMIN] + [(t, "civil_status") for t in CIVIL] + \
    [(t, "petition") for t in PETITIONS if t != "Đơn đăng ký đất đai"] + \
    [(t, "land") for t in ("Giấy chứng nhận quyền sử dụng đất", "Giấy phép xây dựng", "Đơn đăng ký đất đai")]


def make_doc(r: random.Random, type_name: str, kind: str) -> Doc:
    if kind == "administrative":
        return admin_doc(r, type_name, old=r.random() < 0.25)
    if kind == "civil_status":
        return civil_doc(r, type_name)
    if kind == "petition":
        return petition_doc(r, type_name)
    return land_doc(r, type_name)
