"""Words and sentence templates for the sample generator.

Communes, people and figures are made up (common Vietnamese place and personal names combined at
random); the wording is the ordinary wording of commune records, so the samples exercise the same
vocabulary, diacritics and number formats the OCR, the classifier and the index meet in real scans.
Templates use ``{slot}`` fields that :class:`samples.slots.Slots` fills lazily: a slot named twice in
one template gets one value, ``{person}`` and ``{person2}`` get two.
"""

from __future__ import annotations

# (commune, district, province): plausible combinations, not a claim about real units.
COMMUNES = [
    ("Tân Phú", "Định Quán", "Đồng Nai"), ("Phước Thiền", "Nhơn Trạch", "Đồng Nai"),
    ("Hòa Bình", "Chợ Gạo", "Tiền Giang"), ("Long Hưng", "Châu Thành", "Tiền Giang"),
    ("Yên Thịnh", "Yên Mô", "Ninh Bình"), ("Mỹ Lộc", "Can Lộc", "Hà Tĩnh"),
    ("Bình Minh", "Thăng Bình", "Quảng Nam"), ("Quỳnh Hậu", "Quỳnh Lưu", "Nghệ An"),
    ("Đông Sơn", "Thủy Nguyên", "Hải Phòng"), ("Vĩnh Thạnh", "Lấp Vò", "Đồng Tháp"),
    ("Xuân Trường", "Thọ Xuân", "Thanh Hóa"), ("Nghĩa Hưng", "Lạng Giang", "Bắc Giang"),
    ("Tân Thạnh Đông", "Củ Chi", "Thành phố Hồ Chí Minh"), ("Phú Lương", "Đông Hưng", "Thái Bình"),
    ("Hải Xuân", "Hải Hậu", "Nam Định"), ("Cẩm Thạch", "Cẩm Xuyên", "Hà Tĩnh"),
    ("Thạnh Lợi", "Bến Lức", "Long An"), ("Mỹ Đức", "Châu Phú", "An Giang"),
    ("Quảng Phú", "Quảng Điền", "Thừa Thiên Huế"), ("Tiên Phong", "Phổ Yên", "Thái Nguyên"),
    ("Đại Đồng", "Thạch Thất", "Hà Nội"), ("Hòa Khánh", "Cái Bè", "Tiền Giang"),
    ("Kim Sơn", "Đông Triều", "Quảng Ninh"), ("Trung Nghĩa", "Yên Phong", "Bắc Ninh"),
]
SURNAMES = ("Nguyễn Nguyễn Nguyễn Trần Trần Lê Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào "
            "Đinh Lâm Trịnh Mai Lương Cao Hà Tạ Châu").split()
MIDDLE_M = "Văn Văn Hữu Đức Minh Quốc Công Thành Xuân Đình Quang Trọng Ngọc Thanh Bá Tiến".split()
MIDDLE_F = "Thị Thị Thị Ngọc Thanh Thu Kim Mỹ Hồng Bích Thùy Phương Diệu".split()
GIVEN_M = ("An Bình Cường Dũng Hùng Hải Hiếu Phúc Quang Sơn Tâm Trung Tuấn Vinh Long Khánh Thắng Nam Toàn Lợi "
           "Hòa Tài Đạt Nghĩa Thịnh Phong Lộc Hưng Trí Kiên Tùng Việt Huy Quý Duy").split()
GIVEN_F = ("Lan Mai Nga Thảo Yến Hạnh Nhung Hương Hằng Linh Trang Huyền Thủy Loan Oanh Phượng Dung Tuyết Vân "
           "Nhàn Liên Hoa Thơm Diệp Trinh Quyên Ánh").split()
HAMLETS = ["thôn Đông Hạ", "thôn Trung", "thôn Thượng", "thôn 3", "thôn 5", "thôn Yên Lạc", "thôn An Phú",
           "ấp Phú Lợi", "ấp Tân Hiệp", "ấp Bình Hòa", "ấp 4", "ấp Long Thạnh", "xóm Bắc", "xóm Chùa",
           "xóm Mới", "thôn Hòa Mỹ", "thôn Phú Xuân", "ấp Mỹ Thuận", "thôn Cầu Đá", "thôn Đồng Tâm"]
PLACES = ["hội trường Ủy ban nhân dân xã", "nhà văn hóa {hamlet}", "phòng họp trực tuyến của Ủy ban nhân dân xã",
          "hội trường Đảng ủy xã", "Trường Tiểu học {commune}", "Trạm Y tế xã"]
OFFICERS = ["công chức Văn phòng - Thống kê", "công chức Tư pháp - Hộ tịch", "công chức Địa chính - Xây dựng",
            "công chức Tài chính - Kế toán", "công chức Văn hóa - Xã hội", "Trưởng Công an xã",
            "Chỉ huy trưởng Ban Chỉ huy quân sự xã"]
BODIES = ["Ủy ban Mặt trận Tổ quốc Việt Nam xã", "Hội Liên hiệp Phụ nữ xã", "Hội Nông dân xã",
          "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã", "Hội Cựu chiến binh xã", "Công an xã", "Trạm Y tế xã",
          "Ban Chỉ huy quân sự xã", "các trường học trên địa bàn xã", "Hợp tác xã nông nghiệp {commune}"]
OFFICES = [("VP", "Văn phòng"), ("ĐC", "Địa chính - Xây dựng"), ("TP", "Tư pháp - Hộ tịch"),
           ("VX", "Văn hóa - Xã hội"), ("TC", "Tài chính - Kế toán")]
CROPS = ["lúa", "ngô", "sắn", "rau màu các loại", "cây ăn quả", "mía", "lạc", "khoai lang"]
SEASONS = ["vụ Đông Xuân", "vụ Hè Thu", "vụ Mùa", "vụ Thu Đông"]
WORKS = ["đường giao thông liên {hamlet}", "kênh mương nội đồng {hamlet}", "nhà văn hóa {hamlet}",
         "cầu dân sinh {hamlet}", "trụ sở Ủy ban nhân dân xã", "sân thể thao xã", "điểm trường mầm non {hamlet}",
         "hệ thống đèn chiếu sáng công cộng {hamlet}"]
PERIODS = ["6 tháng đầu năm", "9 tháng đầu năm", "quý I năm", "quý III năm", "năm"]
LAND_USES = ["đất ở tại nông thôn", "đất trồng lúa", "đất trồng cây lâu năm", "đất trồng cây hằng năm khác",
             "đất nuôi trồng thủy sản", "đất ở tại nông thôn và đất trồng cây lâu năm"]
LAND_ORIGINS = ["Nhà nước giao đất không thu tiền sử dụng đất", "nhận chuyển nhượng quyền sử dụng đất",
                "nhận thừa kế quyền sử dụng đất", "được tặng cho quyền sử dụng đất",
                "khai hoang, sử dụng ổn định từ năm {old_year}"]
LAWS = ["Luật Đất đai ngày 29 tháng 11 năm 2013", "Luật Hộ tịch ngày 20 tháng 11 năm 2014",
        "Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015", "Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013",
        "Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003", "Luật Xây dựng ngày 18 tháng 6 năm 2014",
        "Luật Tiếp công dân ngày 25 tháng 11 năm 2013", "Luật Giao thông đường bộ ngày 13 tháng 11 năm 2008"]

# Subjects by type. Decisions and notices start with "Về việc"; letters with "V/v"; the rest name their topic.
SUBJECTS = {
    "Quyết định": [
        "Về việc thành lập Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn năm {y}",
        "Về việc công nhận danh hiệu Gia đình văn hóa năm {y}",
        "Về việc khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua năm {y}",
        "Về việc thành lập Tổ công tác rà soát hộ nghèo, hộ cận nghèo năm {y}",
        "Về việc phê duyệt dự toán sửa chữa {work}",
        "Về việc hỗ trợ kinh phí cho các hộ gia đình bị thiệt hại do mưa lũ tại {hamlet}",
        "Về việc kiện toàn Ban Tiếp công dân xã {commune}",
        "Về việc giao chỉ tiêu sản xuất nông nghiệp {season} năm {y}"],
    "Công văn": [
        "V/v tăng cường công tác quản lý đất đai, trật tự xây dựng trên địa bàn",
        "V/v đôn đốc thu nộp thuế sử dụng đất phi nông nghiệp năm {y}",
        "V/v rà soát, cập nhật dữ liệu hộ tịch năm {y}",
        "V/v chuẩn bị các điều kiện phòng, chống lụt bão năm {y}",
        "V/v phối hợp xác minh nguồn gốc đất tại {hamlet}",
        "V/v tổ chức thu gom rác thải sinh hoạt tại các thôn, ấp"],
    "Thông báo": [
        "Về việc tổ chức tiếp công dân định kỳ tháng {m} năm {y}",
        "Kết luận của Chủ tịch Ủy ban nhân dân xã tại cuộc họp giao ban tháng {m} năm {y}",
        "Về việc tạm ngừng cấp nước sinh hoạt để sửa chữa đường ống tại {hamlet}",
        "Về việc niêm yết công khai danh sách hộ nghèo, hộ cận nghèo năm {y}",
        "Về việc lịch trực Tết Nguyên đán năm {y}"],
    "Báo cáo": [
        "Tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội {period} {y}",
        "Kết quả công tác cải cách hành chính {period} {y}",
        "Kết quả công tác đăng ký và quản lý hộ tịch năm {y}",
        "Tình hình thiệt hại do mưa lũ và công tác khắc phục hậu quả tại xã {commune}",
        "Kết quả rà soát hộ nghèo, hộ cận nghèo năm {y}"],
    "Tờ trình": [
        "Về việc đề nghị phê duyệt dự toán kinh phí sửa chữa {work}",
        "Về việc đề nghị công nhận xã {commune} đạt chuẩn nông thôn mới năm {y}",
        "Về việc đề nghị bổ sung kinh phí hỗ trợ hộ nghèo năm {y}",
        "Về việc đề nghị cấp giấy chứng nhận quyền sử dụng đất cho các hộ gia đình tại {hamlet}"],
    "Kế hoạch": [
        "Tổ chức các hoạt động kỷ niệm Ngày Quốc khánh 02/9 năm {y}",
        "Triển khai công tác chuyển đổi số trên địa bàn xã năm {y}",
        "Phòng, chống dịch bệnh trên đàn gia súc, gia cầm năm {y}",
        "Tổ chức Tháng hành động vì an toàn thực phẩm năm {y}",
        "Thực hiện công tác tuyển chọn và gọi công dân nhập ngũ năm {y}"],
    "Biên bản": [
        "Họp xét duyệt hộ nghèo, hộ cận nghèo năm {y}",
        "Họp lấy ý kiến nhân dân về dự án {work}",
        "Họp Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn xã",
        "Kiểm tra công tác vệ sinh an toàn thực phẩm tại chợ xã {commune}"],
    "Giấy mời": [
        "Dự hội nghị sơ kết công tác {period} {y}",
        "Dự họp triển khai kế hoạch tiêm chủng mở rộng năm {y}",
        "Dự hội nghị tổng kết phong trào Toàn dân đoàn kết xây dựng đời sống văn hóa năm {y}",
        "Dự buổi đối thoại với nhân dân về công tác bồi thường, giải phóng mặt bằng"],
}

# Paragraph templates. Directives (tasks) serve letters, notices, plans and decisions; the topical ones
# serve reports, section by section.
TASKS = [
    "Rà soát, thống kê số hộ gia đình, cá nhân đang sử dụng đất tại {hamlet} và báo cáo kết quả về Ủy ban "
    "nhân dân xã trước ngày {date}.",
    "Tuyên truyền, phổ biến pháp luật về hộ tịch, đất đai và xây dựng đến toàn thể nhân dân trên địa bàn xã "
    "bằng nhiều hình thức phù hợp, nhất là qua hệ thống loa truyền thanh của {hamlet} và {hamlet2}.",
    "Kinh phí thực hiện được bố trí từ nguồn ngân sách xã năm {y} với tổng số tiền là {money} đồng, trong đó "
    "nhân dân đóng góp {money2} đồng.",
    "Phối hợp với {body} và {body2} vận động nhân dân tích cực tham gia thực hiện, bảo đảm đúng tiến độ đề "
    "ra.",
    "Giao {officer} kiểm tra thực địa, lập hồ sơ và tham mưu cho Ủy ban nhân dân xã xử lý theo quy định.",
    "Đồng chí {person}, {officer}, được phân công theo dõi, tổng hợp kết quả và báo cáo định kỳ vào ngày 20 "
    "hằng tháng.",
    "Ban Chỉ đạo có trách nhiệm hướng dẫn, kiểm tra, đôn đốc việc tổ chức thực hiện tại các thôn, ấp; kịp "
    "thời báo cáo những khó khăn, vướng mắc về Ủy ban nhân dân xã.",
    "Trưởng {hamlet} chịu trách nhiệm thông báo rộng rãi nội dung này đến từng hộ gia đình và niêm yết tại "
    "nhà văn hóa thôn.",
    "Các thôn, ấp tổ chức họp dân để phổ biến nội dung này, lấy ý kiến của nhân dân và gửi biên bản họp về Ủy "
    "ban nhân dân xã trước ngày {date}.",
    "Giao {officer} phối hợp với Trưởng {hamlet} kiểm tra, hướng dẫn các hộ gia đình hoàn thiện hồ sơ theo "
    "đúng quy định.",
    "Tăng cường kiểm tra, phát hiện và xử lý kịp thời các trường hợp lấn chiếm đất công, xây dựng trái phép "
    "trên địa bàn {hamlet}.",
    "Bố trí cán bộ trực 24/24 giờ, chuẩn bị đầy đủ phương tiện, vật tư theo phương châm bốn tại chỗ; báo cáo "
    "nhanh tình hình về Ủy ban nhân dân xã.",
    "Đề nghị {body} tăng cường công tác tuyên truyền, vận động đoàn viên, hội viên gương mẫu chấp hành và vận "
    "động gia đình cùng thực hiện.",
    "Thời gian thực hiện từ ngày {date} đến hết ngày {date2}; kết quả tổng hợp gửi về bộ phận Văn phòng - "
    "Thống kê để báo cáo Ủy ban nhân dân huyện.",
    "Người đứng đầu các cơ quan, đơn vị chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân xã nếu để xảy ra sai "
    "sót, chậm trễ trong quá trình thực hiện.",
]
ECONOMY = [
    "Diện tích gieo trồng {crop} {season} đạt {area} ha, năng suất bình quân ước đạt {yield_} tạ/ha, tăng "
    "{pct2}% so với cùng kỳ năm trước.",
    "Tiếp tục vận động nhân dân hiến đất, góp công làm {work}; đến nay đã hoàn thành {km} km, đạt {pct}% kế "
    "hoạch.",
    "Thu ngân sách trên địa bàn đạt {money} đồng, bằng {pct}% dự toán huyện giao; chi ngân sách đạt {money2} "
    "đồng, bảo đảm chi lương và các hoạt động thường xuyên.",
    "Tổng đàn gia súc, gia cầm hiện có {hh} con; đã tiêm phòng vắc-xin lở mồm long móng cho {n} con trâu, bò, "
    "đạt {pct}% kế hoạch.",
    "Mưa lớn kéo dài từ ngày {past} đến ngày {past2} làm {n} nhà ở bị ngập, {area} ha {crop} bị hư hại, ước "
    "thiệt hại khoảng {money} đồng.",
    "Giá trị sản xuất nông nghiệp ước đạt {money} đồng, tăng {pct2}% so với cùng kỳ; thu nhập bình quân đầu "
    "người đạt {n} triệu đồng/năm.",
    "Toàn xã đã nạo vét {km} km kênh mương nội đồng, bảo đảm nước tưới cho {area} ha {crop} {season}.",
]
SOCIETY = [
    "Tổng số hộ được rà soát là {hh} hộ, trong đó có {n} hộ nghèo, chiếm tỷ lệ {pct}%, và {n2} hộ cận nghèo.",
    "Trong kỳ, toàn xã đã đăng ký khai sinh cho {n} trường hợp, đăng ký khai tử {n2} trường hợp, đăng ký kết "
    "hôn {n3} cặp, chứng thực {hh} bản sao từ bản chính.",
    "Công tác vệ sinh môi trường được quan tâm; đã tổ chức {n} đợt ra quân thu gom rác thải, phát quang bụi "
    "rậm dọc {work} với sự tham gia của {hh} lượt người.",
    "Ủy ban nhân dân xã đã chỉ đạo {body} thăm hỏi, hỗ trợ kịp thời {n} hộ gia đình có hoàn cảnh khó khăn với "
    "tổng số tiền {money} đồng.",
    "Đẩy mạnh ứng dụng công nghệ thông tin trong giải quyết thủ tục hành chính; tỷ lệ hồ sơ tiếp nhận trực "
    "tuyến đạt {pct}%, tỷ lệ hồ sơ giải quyết đúng hạn đạt {pct2}%.",
    "Duy trì hoạt động của Bộ phận tiếp nhận và trả kết quả, công khai đầy đủ thủ tục hành chính tại trụ sở "
    "Ủy ban nhân dân xã và trên trang thông tin điện tử của xã.",
    "Tỷ lệ người dân tham gia bảo hiểm y tế đạt {pct}%; Trạm Y tế xã đã khám, chữa bệnh cho {hh} lượt người.",
    "Năm học {y}, các trường trên địa bàn duy trì sĩ số đạt {pct}%; có {n} học sinh đạt giải trong các kỳ thi "
    "cấp huyện.",
]
SECURITY = [
    "Công an xã chủ trì, phối hợp với Ban Chỉ huy quân sự xã bảo đảm an ninh trật tự, an toàn giao thông "
    "trong thời gian tổ chức các hoạt động.",
    "Thực hiện tốt công tác tiếp công dân, giải quyết đơn thư khiếu nại, tố cáo ngay từ cơ sở; trong kỳ đã "
    "tiếp {n} lượt công dân, tiếp nhận {n2} đơn, đã giải quyết {n3} đơn.",
    "Tình hình an ninh chính trị, trật tự an toàn xã hội cơ bản ổn định; trong kỳ xảy ra {n} vụ việc, đã giải "
    "quyết dứt điểm {n2} vụ.",
    "Công tác tuyển chọn và gọi công dân nhập ngũ được thực hiện đúng quy trình; toàn xã giao đủ {n} thanh "
    "niên, đạt 100% chỉ tiêu.",
    "Các trường hợp vi phạm phải được lập biên bản, xử lý kịp thời, dứt điểm theo đúng quy định của pháp "
    "luật; không để phát sinh điểm nóng trên địa bàn.",
]
NEXT_STEPS = [
    "Tiếp tục chỉ đạo sản xuất {crop} {season}, chủ động phòng, chống dịch bệnh trên cây trồng, vật nuôi.",
    "Đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ người dân tại Bộ phận tiếp nhận và trả kết "
    "quả.",
    "Tập trung hoàn thành các công trình {work}, bảo đảm chất lượng và đưa vào sử dụng đúng tiến độ.",
    "Giữ vững an ninh chính trị, trật tự an toàn xã hội; chuẩn bị tốt các điều kiện cho công tác tuyển quân "
    "năm sau.",
]
GENERAL = TASKS + ECONOMY + SOCIETY + SECURITY
CAN_CU = [
    "Căn cứ {law};",
    "Căn cứ Quyết định số {no}/QĐ-UBND {date_long} của Ủy ban nhân dân {upper} về việc giao chỉ "
    "tiêu kế hoạch phát triển kinh tế - xã hội năm {y};",
    "Căn cứ Nghị quyết số {no2}/NQ-HĐND {date_long2} của Hội đồng nhân dân xã {commune} về dự toán ngân "
    "sách năm {y};",
    "Căn cứ Kế hoạch số {no3}/KH-UBND {date_long3} của Ủy ban nhân dân {upper};",
]
ARTICLE_2 = [  # the article after the list; numbered when placed
    "{Officer} có trách nhiệm tham mưu, tổ chức triển khai thực hiện nội dung tại Điều 1 Quyết định này; "
    "định kỳ báo cáo kết quả về Ủy ban nhân dân xã.",
    "Kinh phí thực hiện được chi từ nguồn ngân sách xã năm {y}; giao {officer} hướng dẫn thanh toán, "
    "quyết toán theo đúng quy định hiện hành.",
    "Các thành viên có tên tại Điều 1 chịu trách nhiệm thực hiện nhiệm vụ được phân công và tự giải thể "
    "sau khi hoàn thành nhiệm vụ.",
]
ARTICLE_3 = ("Văn phòng Ủy ban nhân dân xã, {officer}, Trưởng các thôn, ấp và các tập thể, cá nhân có tên "
             "tại Điều 1 chịu trách nhiệm thi hành Quyết định này. Quyết định này có hiệu lực kể từ ngày ký./.")
ROLES = ["Trưởng ban", "Phó Trưởng ban", "Phó Trưởng ban", "Ủy viên", "Ủy viên", "Ủy viên", "Ủy viên", "Thư ký"]
# Sections of the longer types: (heading, [(sub-heading or "", name of the paragraph pool)]).
SECTIONS = {
    "Báo cáo": [("I. KẾT QUẢ THỰC HIỆN", [("1. Về kinh tế", "ECONOMY"), ("2. Về văn hóa - xã hội", "SOCIETY"),
                                          ("3. Về quốc phòng, an ninh", "SECURITY")]),
                ("II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", [("", "WEAKNESSES")]),
                ("III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", [("", "NEXT_STEPS")])],
    "Kế hoạch": [("I. MỤC ĐÍCH, YÊU CẦU", [("", "AIMS")]), ("II. NỘI DUNG THỰC HIỆN", [("", "TASKS")]),
                 ("III. TỔ CHỨC THỰC HIỆN", [("", "TASKS")])],
    "Tờ trình": [("I. SỰ CẦN THIẾT", [("", "WEAKNESSES"), ("", "ECONOMY")]),
                 ("II. NỘI DUNG ĐỀ NGHỊ", [("", "TASKS")])],
}
AIMS = [
    "Tổ chức các hoạt động bảo đảm đúng quy định, thiết thực, hiệu quả; tạo không khí phấn khởi trong nhân dân.",
    "Phân công rõ người, rõ việc, rõ thời gian hoàn thành; gắn trách nhiệm của người đứng đầu với kết quả thực "
    "hiện.",
    "Kịp thời sơ kết, rút kinh nghiệm, biểu dương các tập thể, cá nhân thực hiện tốt; chấn chỉnh những nơi thực "
    "hiện chưa nghiêm.",
    "Nâng cao nhận thức, trách nhiệm của cán bộ, công chức và nhân dân trong việc thực hiện nhiệm vụ được giao.",
    "Bảo đảm các hoạt động được tổ chức trang trọng, thiết thực, tiết kiệm, phù hợp với điều kiện thực tế của xã.",
    "Huy động sự vào cuộc của cả hệ thống chính trị từ xã đến các thôn, ấp; phân công nhiệm vụ cụ thể cho từng "
    "cơ quan, đơn vị.",
]
WEAKNESSES = [
    "Bên cạnh kết quả đạt được, vẫn còn một số tồn tại: tiến độ giải ngân vốn đầu tư công còn chậm; công tác quản "
    "lý đất đai, trật tự xây dựng ở một số thôn chưa chặt chẽ.",
    "Nguyên nhân chủ yếu là do thời tiết diễn biến bất thường, nguồn lực của địa phương còn hạn chế và sự phối hợp "
    "giữa các ngành có lúc chưa đồng bộ.",
]
MEETING = [
    "Đồng chí {chair} thông qua mục đích, yêu cầu của cuộc họp và dự thảo danh sách kèm theo.",
    "Ý kiến của đồng chí {person}, Trưởng {hamlet}: thống nhất với dự thảo, đề nghị bổ sung {n} hộ có hoàn cảnh "
    "đặc biệt khó khăn.",
    "Ý kiến của đồng chí {person2}, đại diện {body}: đề nghị rà soát kỹ tiêu chí thu nhập, tránh bỏ sót đối tượng.",
    "Kết quả biểu quyết: {n2}/{n2} thành viên dự họp nhất trí, đạt tỷ lệ 100%.",
    "Cuộc họp thống nhất giao {officer} hoàn chỉnh hồ sơ, trình Chủ tịch Ủy ban nhân dân xã xem xét, quyết định.",
]
RECIPIENTS = {
    "Quyết định": ["Như Điều {last};", "UBND {upper};", "TT Đảng ủy, HĐND xã;", "Chủ tịch, các PCT UBND xã;"],
    "Công văn": ["Như trên;", "TT Đảng ủy, HĐND xã (b/c);", "Chủ tịch, các PCT UBND xã;", "UBMTTQ VN xã;"],
    "Thông báo": ["UBND {upper} (b/c);", "TT Đảng ủy, HĐND xã;", "Các ban, ngành, đoàn thể xã;",
                  "Trưởng các thôn, ấp;", "Đài truyền thanh xã;"],
    "Báo cáo": ["UBND {upper};", "Phòng Nội vụ huyện;", "TT Đảng ủy, HĐND xã;", "Chủ tịch, các PCT UBND xã;"],
    "Tờ trình": ["Như trên;", "TT Đảng ủy xã (b/c);", "TT HĐND xã;"],
    "Kế hoạch": ["UBND {upper} (b/c);", "TT Đảng ủy, HĐND xã;", "UBMTTQ VN và các đoàn thể xã;",
                 "Các thành viên Ban Chỉ đạo;", "Trưởng các thôn, ấp;"],
    "Giấy mời": ["Như thành phần mời;"],
}
