"""Words and templates for the sample generator: made-up communes, people and subjects in the
real wording of commune records (Decree 30/2020/ND-CP layout). No name here is from a real record."""

from __future__ import annotations

COMMUNES = [("Tân Phú", "Định Quán"), ("Phước Thiền", "Nhơn Trạch"), ("Hòa Bình", "Chợ Gạo"),
            ("Long Hưng", "Châu Thành"), ("Yên Thịnh", "Yên Mô"), ("Mỹ Lộc", "Can Lộc"), ("Bình Minh", "Thăng Bình"),
            ("Quỳnh Hậu", "Quỳnh Lưu"), ("Đông Sơn", "Thủy Nguyên"), ("Vĩnh Thanh", "Lấp Vò"),
            ("Xuân Trường", "Thọ Xuân"), ("Nghĩa Hưng", "Lạng Giang")]
SURNAMES = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương".split()
MIDDLE = "Văn Thị Hữu Đức Minh Ngọc Thanh Xuân Quốc Kim".split()
GIVEN = "An Bình Cường Dũng Hùng Hải Lan Mai Nga Phúc Quang Sơn Tâm Thảo Trung Tuấn Vinh Yến Hạnh Nhung Hiếu".split()
HAMLETS = ["ấp Bình Lợi", "ấp Tân Hòa", "thôn Đông", "thôn Trung Hậu", "xóm Mới", "ấp Phú Thạnh", "thôn Yên Lạc"]

# type: (code, title, subjects, opening sentences, closing sentences)
TYPES: dict[str, tuple[str | None, str | None, list[str], list[str], list[str]]] = {
    "Quyết định": ("QĐ", "QUYẾT ĐỊNH", [
        "Về việc thành lập Ban Chỉ đạo phòng, chống thiên tai năm {y}",
        "Về việc phê duyệt kế hoạch cải cách hành chính năm {y}",
        "Về việc công nhận danh hiệu Gia đình văn hóa năm {y}"], [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "Căn cứ Quyết định số {n2}/QĐ-UBND ngày {d2} của Ủy ban nhân dân huyện {district};",
        "Theo đề nghị của công chức Văn phòng - Thống kê xã.", "QUYẾT ĐỊNH:",
        "Điều 1. Ban hành kèm theo Quyết định này nội dung nêu trên."], [
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
        "Điều 3. Văn phòng Ủy ban nhân dân xã và các ngành liên quan chịu trách nhiệm thi hành Quyết định này./."]),
    "Thông báo": ("TB", "THÔNG BÁO", [
        "Về việc tổ chức tiếp công dân định kỳ tháng {m} năm {y}",
        "Kết luận của Chủ tịch Ủy ban nhân dân xã tại cuộc họp giao ban"], [
        "Thực hiện chương trình công tác năm {y}, Ủy ban nhân dân xã {commune} thông báo như sau:",
        "Thời gian: từ 07 giờ 30 phút ngày {d3}; địa điểm: hội trường Ủy ban nhân dân xã."], [
        "Ủy ban nhân dân xã thông báo để các cơ quan, đơn vị và nhân dân biết, thực hiện./."]),
    "Báo cáo": ("BC", "BÁO CÁO", [
        "Tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội {period} năm {y}",
        "Kết quả công tác cải cách hành chính {period} năm {y}"], [
        "Thực hiện chỉ đạo của Ủy ban nhân dân huyện {district}, Ủy ban nhân dân xã báo cáo như sau:",
        "I. KẾT QUẢ THỰC HIỆN", "1. Về kinh tế: tổng diện tích gieo trồng đạt {area} ha, đạt {pct}% kế hoạch."], [
        "II. PHƯƠNG HƯỚNG NHIỆM VỤ THỜI GIAN TỚI",
        "Tiếp tục chỉ đạo sản xuất nông nghiệp, bảo đảm an ninh trật tự trên địa bàn./."]),
    "Tờ trình": ("TTr", "TỜ TRÌNH", [
        "Về việc đề nghị phê duyệt dự toán kinh phí sửa chữa trụ sở năm {y}",
        "Về việc đề nghị công nhận xã đạt chuẩn nông thôn mới năm {y}"], [
        "Kính gửi: Ủy ban nhân dân huyện {district}.",
        "Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;",
        "Ủy ban nhân dân xã {commune} kính trình Ủy ban nhân dân huyện xem xét nội dung sau:"], [
        "Tổng kinh phí đề nghị: {money} đồng.",
        "Kính trình Ủy ban nhân dân huyện xem xét, phê duyệt./."]),
    "Kế hoạch": ("KH", "KẾ HOẠCH", [
        "Tổ chức các hoạt động kỷ niệm Ngày Quốc khánh năm {y}",
        "Triển khai công tác chuyển đổi số trên địa bàn xã năm {y}"], [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Nâng cao nhận thức của cán bộ, công chức và nhân dân về nhiệm vụ được giao.",
        "II. NỘI DUNG THỰC HIỆN"], [
        "III. TỔ CHỨC THỰC HIỆN",
        "Giao công chức Văn hóa - Xã hội chủ trì, phối hợp các ngành triển khai kế hoạch này./."]),
    "Biên bản": ("BB", "BIÊN BẢN", [
        "Họp xét duyệt hộ nghèo, hộ cận nghèo năm {y}",
        "Kiểm tra hiện trạng sử dụng đất tại {hamlet}"], [
        "Hôm nay, vào lúc 08 giờ 00 phút ngày {d3}, tại hội trường Ủy ban nhân dân xã {commune}.",
        "Thành phần tham dự gồm đại diện Ủy ban nhân dân xã và các ban, ngành, đoàn thể.",
        "Nội dung: các thành viên thống nhất ý kiến như sau:"], [
        "Biên bản kết thúc vào lúc 11 giờ cùng ngày, đã đọc lại cho mọi người cùng nghe và thống nhất ký tên./."]),
    "Giấy mời": ("GM", "GIẤY MỜI", [
        "Dự hội nghị sơ kết công tác {period} năm {y}",
        "Dự họp triển khai kế hoạch tiêm chủng mở rộng"], [
        "Ủy ban nhân dân xã {commune} trân trọng kính mời:",
        "Đại diện lãnh đạo các ban, ngành, đoàn thể xã và trưởng các {hamlet}.",
        "Thời gian: 07 giờ 30 phút ngày {d3}."], [
        "Địa điểm: hội trường Ủy ban nhân dân xã. Rất mong các đồng chí đến dự đúng giờ./."]),
    "Công văn": (None, None, [
        "V/v tăng cường công tác quản lý đất đai trên địa bàn",
        "V/v đôn đốc thu nộp thuế sử dụng đất phi nông nghiệp năm {y}"], [
        "Kính gửi: Trưởng các {hamlet} và các ngành có liên quan.",
        "Thực hiện chỉ đạo của Ủy ban nhân dân huyện {district} tại Văn bản số {n2}/UBND-TNMT;",
        "Ủy ban nhân dân xã {commune} đề nghị các đơn vị thực hiện một số nội dung sau:"], [
        "Trong quá trình thực hiện, nếu có vướng mắc, báo cáo về Ủy ban nhân dân xã để được hướng dẫn./."]),
}

BODY_SENTENCES = [
    "Rà soát, thống kê số hộ gia đình, cá nhân đang sử dụng đất tại {hamlet} và báo cáo kết quả trước ngày {d3}.",
    "Tuyên truyền, phổ biến pháp luật về hộ tịch, đất đai và xây dựng đến toàn thể nhân dân trên địa bàn xã.",
    "Kinh phí thực hiện từ nguồn ngân sách xã năm {y} với tổng số tiền {money} đồng.",
    "Phối hợp với Mặt trận Tổ quốc xã và các đoàn thể vận động nhân dân tham gia thực hiện.",
    "Tổng số hộ được rà soát là {hh} hộ, trong đó có {poor} hộ nghèo và {near} hộ cận nghèo.",
    "Diện tích lúa vụ Đông Xuân đạt {area} ha, năng suất bình quân {yield_} tạ mỗi héc-ta.",
    "Công an xã chủ trì bảo đảm an ninh trật tự, an toàn giao thông trong thời gian tổ chức.",
    "Giao công chức Địa chính - Xây dựng kiểm tra thực địa và lập hồ sơ theo quy định.",
    "Đồng chí {person} được phân công theo dõi, tổng hợp kết quả và báo cáo định kỳ hằng tháng.",
    "Các trường hợp vi phạm phải được lập biên bản và xử lý kịp thời theo đúng quy định của pháp luật.",
    "Thực hiện tốt công tác tiếp công dân, giải quyết đơn thư khiếu nại, tố cáo ngay từ cơ sở.",
    "Ban Chỉ đạo có trách nhiệm hướng dẫn, kiểm tra, đôn đốc việc tổ chức thực hiện tại các thôn, ấp.",
    "Đẩy mạnh ứng dụng công nghệ thông tin trong giải quyết thủ tục hành chính cho người dân.",
    "Duy trì hoạt động của bộ phận một cửa, công khai thủ tục hành chính tại trụ sở Ủy ban nhân dân xã.",
]
PERIODS = ["6 tháng đầu", "9 tháng", "quý I", "quý III", "tháng 10"]
RECIPIENTS = ["Như trên;", "UBND huyện (b/c);", "TT Đảng ủy, HĐND xã;", "Chủ tịch, các PCT UBND xã;",
              "Các ban, ngành, đoàn thể;", "Lưu: VT."]
