"""Scraped-text samples: real articles wrapped in page text of CMS families not among the seeds.

Each spec names a corpus record, the order of its lines on the page (``order``), which of them
are photo captions, the metadata written on the page, and the page text around ``{BODY}``.
``inserts`` puts boilerplate between paragraphs (after gold paragraph i; -1 = before the first).
"""
from __future__ import annotations

SAMPLES: list[dict] = []


def sample(**spec):
    SAMPLES.append(spec)


# 1. Liferay provincial-city portal: breadcrumbs, font-size widget, print/email, view count.
sample(
    id="t01_liferay_hcm", family="Liferay city portal", source="vietnews/test/003072",
    title="TP. HCM tuyên dương 111 điển hình dân vận khéo",
    published="2017-10-12T14:35", author="Hồng Phương", province="Hồ Chí Minh",
    order="0-3,12,4-11", captions="12", sep="\n\n",
    page="""Bỏ qua nội dung chính
CỔNG THÔNG TIN ĐIỆN TỬ
THÀNH PHỐ HỒ CHÍ MINH
Đăng nhập
Giới thiệu
Tin tức - Sự kiện
Chính quyền
Công dân
Doanh nghiệp
Du khách
Văn bản
Trang chủ > Tin tức - Sự kiện > Chính trị - Xây dựng Đảng
Cỡ chữ: A A A
{TITLE}
Ngày cập nhật 12/10/2017 14:35
{BODY}

Tin, ảnh: Hồng Phương
In bài viết   Gửi email   Lên đầu trang
Số lượt xem: 1.245
Tin khác
Quận 3 ra mắt mô hình "Khu phố văn minh, không rác thải nhựa" (11/10/2017)
Hội nghị giao ban công tác dân vận quý III/2017 (10/10/2017)
Thành ủy TP. HCM quán triệt Nghị quyết Trung ương 5 khóa XII (09/10/2017)
Xem tiếp
Liên kết website
-- Chọn liên kết --
CỔNG THÔNG TIN ĐIỆN TỬ THÀNH PHỐ HỒ CHÍ MINH
Cơ quan chủ quản: Ủy ban nhân dân Thành phố Hồ Chí Minh
Địa chỉ: 86 Lê Thánh Tôn, phường Bến Nghé, Quận 1, TP. Hồ Chí Minh
Điện thoại: (028) 3829 6052 - Email: banbientap@tphcm.gov.vn
Ghi rõ nguồn "Cổng Thông tin điện tử Thành phố Hồ Chí Minh" khi phát hành lại thông tin từ website này.
Powered by Liferay Portal
""")

# 2. SharePoint provincial portal: date with time on one line, byline in the text, share/print.
sample(
    id="t02_sharepoint_tiengiang", family="SharePoint provincial portal", source="vietnews/train/101869",
    title="Phó ban dân vận tỉnh uỷ bị cách chức vì thiếu nợ",
    published="2017-05-27T16:20", author="Hoàng Nam", province="Tiền Giang",
    order="0-6", sep="\n",
    page="""Chuyển đến nội dung chính
Thứ Bảy, ngày 27/05/2017
Cổng Thông tin điện tử tỉnh Tiền Giang
Tìm kiếm...
TRANG CHỦ
GIỚI THIỆU
TIN TỨC - SỰ KIỆN
CHỈ ĐẠO ĐIỀU HÀNH
THÔNG TIN TUYÊN TRUYỀN
DỊCH VỤ CÔNG
Trang chủ
Tin tức - Sự kiện
Tin trong tỉnh
{TITLE}
27/05/2017 16:20
{BODY}
Hoàng Nam
 Chia sẻ   Bản in   Gửi bài viết
Các tin đã đưa
 Tiền Giang triển khai kế hoạch tiếp công dân năm 2017  (25/05/2017)
 Hội nghị tổng kết công tác dân vận chính quyền  (24/05/2017)
 Bổ nhiệm Phó Giám đốc Sở Nội vụ  (22/05/2017)
Xem tiếp
Thống kê truy cập
Đang truy cập: 37
Tổng lượt truy cập: 5.412.877
CỔNG THÔNG TIN ĐIỆN TỬ TỈNH TIỀN GIANG
Cơ quan chủ quản: Ủy ban nhân dân tỉnh Tiền Giang
Chịu trách nhiệm chính: Chánh Văn phòng UBND tỉnh
Giấy phép số 05/GP-TTĐT do Cục Quản lý phát thanh, truyền hình và thông tin điện tử cấp
Trích dẫn hoặc sử dụng thông tin từ website này phải ghi rõ nguồn "Cổng Thông tin điện tử tỉnh Tiền Giang".
""")

# 3. DNN portal: day-only "Ngày đăng", author "PV" before the body, rating and view widgets.
sample(
    id="t03_dnn_daklak", family="DNN provincial portal", source="vietnews/train/067677",
    title="Tân Bí thư Tỉnh uỷ Đắk Lắk vừa được bổ nhiệm là ai?",
    published="2018-07-19", author="PV", province="Đắk Lắk",
    order="0-2,8,3-7,9", captions="8", sep="\n\n",
    note="line 9 repeats line 3 almost word for word: the page prints it under a second photo; gold keeps it as text",
    page="""Đăng nhập | Đăng ký
Trang chủ
Tin tức
Hoạt động của lãnh đạo tỉnh
Thời sự - Chính trị
Kinh tế
Văn hóa - Xã hội
Tin tức > Thời sự - Chính trị
{TITLE}
Ngày đăng: 19/07/2018
PV
{BODY}

Lượt xem: 356
Đánh giá bài viết:
(0 lượt đánh giá)
Chia sẻ: Facebook Twitter Zalo
Bản in
Các tin khác
Đắk Lắk: Tổng kết 10 năm thực hiện Nghị quyết Trung ương 7 khóa X
Tỉnh ủy Đắk Lắk triển khai nhiệm vụ 6 tháng cuối năm 2018
Ban Dân vận Tỉnh ủy sơ kết công tác quý II
Copyright © 2018 Cổng thông tin điện tử tỉnh Đắk Lắk
Địa chỉ: 09 Lê Duẩn, TP. Buôn Ma Thuột, tỉnh Đắk Lắk
""")

# 4. Joomla district site: "Chi tiết", "Được đăng ngày", "Viết bởi Super User" (not the author), hits.
sample(
    id="t04_joomla_ninhthuan", family="Joomla district portal", source="vietnews/train/012132",
    title="Trưởng thôn đánh dân ngay hội trường xã",
    published="2017-08-20T08:15", author="Minh Trân", province="Ninh Thuận",
    order="0-10,20,11-19,21", captions="20,21", sep="\n",
    note="the sapo (line 0) and body line 11 say nearly the same: both are real text",
    page="""Ủy ban nhân dân huyện Ninh Phước
Trang chủ
Giới thiệu
Tin tức
Văn bản
Thủ tục hành chính
Liên hệ
Bạn đang ở: Trang chủ Tin tức Tin địa phương
Chi tiết
{TITLE}
Chi tiết
Viết bởi Super User
Chuyên mục: Tin địa phương
Được đăng ngày Chủ nhật, 20 Tháng 8 2017 08:15
Lượt xem: 1234
{BODY}
Minh Trân
< Trước
Tiếp theo >
Bài viết mới
Huyện Ninh Phước ra quân tổng vệ sinh môi trường
Hội nghị tiếp xúc cử tri trước kỳ họp HĐND huyện
Thông báo lịch tiếp công dân tháng 9/2017
Thống kê
Đang trực tuyến: 12
Hôm nay: 845
Tổng cộng: 1.204.556
Bản quyền © 2017 UBND huyện Ninh Phước. Thiết kế bởi VNPT Ninh Thuận.
""")

# 5. Drupal site: "Gửi bởi admin vào T3, ...", tags, author in capitals after the body.
sample(
    id="t05_drupal_danang", family="Drupal news site", source="vietnews/test/004321",
    title="Đà Nẵng thay nhiều nhân sự chủ chốt cấp quận, huyện",
    published="2016-06-14T10:05", author="Đoàn Nguyên", province="Đà Nẵng",
    order="0,7,1-6", captions="7", sep="\n\n",
    page="""Skip to main content
Ban Dân vận Thành ủy Đà Nẵng
Trang chủ
Tin hoạt động
Dân vận chính quyền
Dân vận khéo
Tư liệu
Liên hệ
{TITLE}
Gửi bởi admin vào T3, 14/06/2016 - 10:05
{BODY}

ĐOÀN NGUYÊN
Từ khóa: công tác cán bộ, Cẩm Lệ, Hòa Vang, Liên Chiểu
Thêm bình luận mới
Tên của bạn
Bình luận *
Lưu
Bài viết liên quan
Hội nghị Ban Chấp hành Đảng bộ thành phố lần thứ 6
Quận Thanh Khê tổ chức đối thoại với nhân dân
Đăng nhập để gửi bình luận
Bản quyền thuộc về Ban Dân vận Thành ủy Đà Nẵng. Địa chỉ: Tầng 22, Trung tâm Hành chính thành phố, 24 Trần Phú.
""")

# 6. Nhân Dân style: date before the title "Thứ Hai, 03-12-2018, 15:42", author in capitals above sapo,
#    intertitles and a quote closing on its own short line ("- ông Dũng nói.").
sample(
    id="t06_nhandan_binhdinh", family="national Party paper (Nhân Dân style)", source="vietnews/train/010647",
    title="Dân giữ người để phản đối dự án điện mặt trời tại Bình Định",
    published="2018-12-03T15:42", author="CÔNG VĨNH", province="Bình Định",
    order="0-1,29,2-11,30,12-28,31", captions="29-31", sep="\n",
    page="""Nhân Dân
Điện tử
Chính trị
Kinh tế
Văn hóa
Xã hội
Pháp luật
Du lịch
Thế giới
Thể thao
Giáo dục
Y tế
Khoa học - Công nghệ
Môi trường
Bạn đọc
Xã hội
Thứ Hai, 03-12-2018, 15:42
{TITLE}
CÔNG VĨNH
{BODY}
Chia sẻ
Facebook
Twitter
Bình luận (0)
Gửi bình luận
Tin liên quan
Bình Định đối thoại với người dân về dự án nhà máy điện mặt trời
Người dân xã Mỹ Thắng giữ xe đoàn rà phá bom mìn
Đọc nhiều
Xem thêm
Báo Nhân Dân - Cơ quan Trung ương của Đảng Cộng sản Việt Nam, Tiếng nói của Đảng, Nhà nước và nhân dân Việt Nam
Tổng Biên tập: Lê Quốc Minh
Tòa soạn: 71 Hàng Trống, Hoàn Kiếm, Hà Nội
© Bản quyền thuộc về Báo Nhân Dân. Cấm sao chép dưới mọi hình thức nếu không có sự chấp thuận bằng văn bản.
""")

# 7. Party e-paper (dangcongsan.vn style): "(ĐCSVN) - " glued to the lead, source credit "Theo TTXVN".
sample(
    id="t07_dcsvn_kiengiang", family="Party e-newspaper (dangcongsan.vn style)", source="vietnews/train/070755",
    title="Tổng Bí thư, Chủ tịch nước Nguyễn Phú Trọng làm việc với lãnh đạo chủ chốt tỉnh Kiên Giang",
    published="2019-04-13T17:30", author=None, province="Kiên Giang",
    order="0-1,33,2-31,34", captions="33,34", sep="\n",
    note="'(ĐCSVN) - ' agency tag glued to the lead is not in the gold; 'Theo TTXVN' is a source credit (author null)",
    lead_prefix="(ĐCSVN) - ",
    page="""Báo điện tử Đảng Cộng sản Việt Nam
Thứ Bảy, 13/4/2019
English | Français | Español | 中文 | Русский | Lao | Khmer
Trang chủ
Chính trị
Kinh tế
Xã hội
Văn hóa
Quốc phòng - An ninh
Pháp luật
Thế giới
Tài liệu
Tin nổi bật
Thời sự
{TITLE}
13/04/2019 17:30
{BODY}
Theo TTXVN
Tin liên quan
Tổng Bí thư, Chủ tịch nước thăm và làm việc tại Kiên Giang
Kiên Giang: Tổng kết công tác xây dựng Đảng năm 2018
Từ khóa: Tổng Bí thư Chủ tịch nước, Kiên Giang, công tác cán bộ
Gửi bài viết   In bài viết
Số lượt xem: 2.108
Cơ quan chủ quản: Ban Tuyên giáo Trung ương
Giấy phép số 101/GP-BTTTT. Tổng Biên tập: Lê Hải Bình
Ghi rõ nguồn "Báo điện tử Đảng Cộng sản Việt Nam" khi phát hành lại thông tin từ website này.
""")

# 8. Tuổi Trẻ style: "TTO - " lead tag, "30/09/2017 14:20 GMT+7", author in capitals at the top, tags.
sample(
    id="t08_tuoitre_vungtau", family="national daily (Tuổi Trẻ style)", source="vietnews/train/011685",
    title="Bí thư thành uỷ Vũng Tàu cúi đầu xin lỗi dân khi đối thoại",
    published="2017-09-30T14:20", author="ĐÔNG HÀ", province="Bà Rịa - Vũng Tàu",
    order="0,1,14,2-8,15,9-13", captions="14,15", sep="\n",
    lead_prefix="TTO - ",
    note="'TTO - ' agency tag glued to the lead is not in the gold",
    page="""Tuổi Trẻ Online
Đăng nhập
Thời sự
Thế giới
Pháp luật
Kinh doanh
Công nghệ
Xe
Du lịch
Nhịp sống trẻ
Văn hóa
Giải trí
Thể thao
Giáo dục
Sức khỏe
Thời sự > Xã hội
30/09/2017 14:20 GMT+7
{TITLE}
ĐÔNG HÀ
{BODY}
Tags: Vũng Tàu Đối thoại Giải phóng mặt bằng Xin lỗi dân
Xem thêm
Vũng Tàu đối thoại với 200 hộ dân trong dự án kéo dài 22 năm
Dân khiếu nại vì dự án trung tâm hành chính chậm triển khai
Bình luận (12)
Xem thêm bình luận
TUỔI TRẺ ONLINE
Tổng biên tập: Lê Thế Chữ
Giấy phép số 411/GP-BTTTT
Trụ sở: 60A Hoàng Văn Thụ, phường 9, quận Phú Nhuận, TP. HCM
""")

# 9. VnExpress style: "Thứ sáu, 7/10/2016, 14:20 (GMT+7)" before the title, byline at the end, no province.
sample(
    id="t09_vnexpress_tiepdan", family="national daily (VnExpress style)", source="vietnews/train/100214",
    title="Thủ tướng: ' Nhiều chủ tịch tỉnh chưa bao giờ tiếp dân '",
    published="2016-10-07T14:20", author="Xuân Hoa", province=None,
    order="0-17", captions="5,13", sep="\n",
    page="""VnExpress
Thời sự
Góc nhìn
Thế giới
Kinh doanh
Giải trí
Thể thao
Pháp luật
Giáo dục
Sức khỏe
Đời sống
Thời sự Chính trị
Thứ sáu, 7/10/2016, 14:20 (GMT+7)
{TITLE}
{BODY}
Xuân Hoa
Chia sẻ
Tags: tiếp công dân khiếu nại tố cáo Thủ tướng Nguyễn Xuân Phúc
Ý kiến (24)
Mới nhất
Xem thêm ý kiến
Tin liên quan
Thủ tướng: 'Đừng để dân phải ra tận quán nhậu tìm Chủ tịch tỉnh'
Thanh tra Chính phủ công bố kết quả giải quyết khiếu nại
Báo tiếng Việt nhiều người xem nhất
Thuộc Bộ Khoa học và Công nghệ
Số giấy phép: 548/GP-BTTTT ngày 24/08/2021
Tổng biên tập: Phạm Hiếu
© 1997-2016. Toàn bộ bản quyền thuộc VnExpress
""")

# 10. Thanh Niên style: "06/07/2018 19:05 GMT+7", author at top; short real lines ("18h30, cuộc họp báo kết thúc.").
sample(
    id="t10_thanhnien_hcm", family="national daily (Thanh Niên style)", source="vietnews/train/013171",
    title="' Cán bộ làm sai, dân biết mà không xử lý dân sẽ mất niềm tin '",
    published="2018-07-06T19:05", author="Tự Trung", province="Hồ Chí Minh",
    order="0-3,34,4-26,35,27-33", captions="34,35", sep="\n",
    page="""Thanh Niên
Thời sự
Thế giới
Tài chính - Kinh doanh
Đời sống
Văn hóa
Giải trí
Giới trẻ
Giáo dục
Thể thao
Thời sự > Chính trị
Tự Trung
06/07/2018 19:05 GMT+7
{TITLE}
{BODY}
Bình luận
Gửi bình luận
Quan tâm nhất
Mới nhất
Đọc thêm
TP.HCM họp Thành ủy: xã hội hóa triệt để hoạt động đầu tư
Bí thư Nguyễn Thiện Nhân đối thoại với người dân Thủ Thiêm
Tin mới
Báo Thanh Niên - Diễn đàn của Hội Liên hiệp Thanh niên Việt Nam
Giấy phép số 1179/GP-BTTTT
Địa chỉ: 268-270 Nguyễn Đình Chiểu, Phường 6, Quận 3, TP.HCM
""")

# 11. Báo Mới aggregator: source name and time above the title, "Xem bài gốc", related from other papers.
sample(
    id="t11_baomoi_hcm", family="news aggregator (Báo Mới style)", source="vietnews/train/089168",
    title="Ông Nguyễn Thiện Nhân chúc mừng Giáng sinh Hội thánh Tin lành Việt Nam",
    published="2017-12-18T15:32", author="Thiên Ngôn", province="Hồ Chí Minh",
    order="0-9", captions="3", sep="\n",
    note="the caption (source line 3) is printed once, at the photo",
    page="""Báo Mới
Mới nhất
Tin độc quyền
Tin video
Thời sự
Thế giới
Kinh doanh
Giải trí
Thể thao
Pháp luật
Giáo dục
Sức khỏe
VOV
18/12/2017 15:32
{TITLE}
{BODY}
Thiên Ngôn
Xem bài gốc
Tin cùng chuyên mục
Lãnh đạo TP. HCM thăm, chúc mừng các cơ sở tôn giáo nhân dịp Giáng sinh - Tuổi Trẻ - 19/12/2017
Phó thủ tướng chúc mừng Giáng sinh Hội đồng Giám mục Việt Nam - VnExpress - 21/12/2017
Từ khóa: Nguyễn Thiện Nhân Tin lành Giáng sinh
Bình luận
Tải ứng dụng Báo Mới
Báo Mới không sản xuất nội dung, chỉ tổng hợp tin tức từ các nguồn báo chí chính thống.
Giấy phép số 3695/GP-TTĐT do Sở TT&TT Hà Nội cấp
""")

# 12. District portal (VNPT e-portal): crawl-day header date, "22-03-2017 | 09:45", caption printed twice.
sample(
    id="t12_district_namdong", family="district portal (VNPT e-portal)", source="vietnews/train/101033",
    title="Nhiều cán bộ xã bị kỷ luật do ăn chặn tiền của dân",
    published="2017-03-22T09:45", author="Đắc Đức", province="Thừa Thiên Huế",
    order="0-11", captions="3", sep="\n",
    page="""Thứ Năm, ngày 12/10/2023
CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN NAM ĐÔNG
TỈNH THỪA THIÊN HUẾ
Trang chủ
Giới thiệu chung
Tin tức - Sự kiện
Hệ thống chính trị
Thông tin chỉ đạo điều hành
Dịch vụ công trực tuyến
Tin tức - Sự kiện
{TITLE}
22-03-2017 | 09:45
{BODY}
Đắc Đức
Số lượt xem: 689
Tin cùng chuyên mục
Hội nghị triển khai nhiệm vụ xây dựng nông thôn mới năm 2017   [21-03-2017]
Nam Đông đối thoại với nhân dân xã Hương Hòa   [15-03-2017]
Ra mắt mô hình dân vận khéo tại xã Thượng Long   [10-03-2017]
Thời tiết
Huế 24°C
Tỷ giá ngoại tệ
USD 22.780
CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN NAM ĐÔNG
Cơ quan chủ quản: UBND huyện Nam Đông
Địa chỉ: Thị trấn Khe Tre, huyện Nam Đông, tỉnh Thừa Thiên Huế
Ghi rõ nguồn "Cổng thông tin điện tử huyện Nam Đông" khi phát hành lại thông tin từ website này.
""", inserts={3: "DUP"}, note="the caption is printed twice (once as the image alt text)",
)

# 13. Mặt trận Tổ quốc (central) site: "Cập nhật: 10:20 | 10/04/2018", author after "Tác giả:".
sample(
    id="t13_mattran_cantho", family="Mặt trận Tổ quốc central site", source="vietnews/train/011045",
    title="Ban bí thư rất quan tâm đến đời sống cộng đồng dân tộc Khmer",
    published="2018-04-10T10:20", author="Chí Hạnh", province="Cần Thơ",
    order="0-1,12,2-11", captions="12", sep="\n\n",
    page="""ỦY BAN TRUNG ƯƠNG MẶT TRẬN TỔ QUỐC VIỆT NAM
Trang chủ
Giới thiệu
Tin tức - Sự kiện
Hoạt động Mặt trận
Dân tộc - Tôn giáo
Giám sát và phản biện xã hội
Tin tức - Sự kiện » Dân tộc - Tôn giáo
{TITLE}
Cập nhật: 10:20 | 10/04/2018
{BODY}

Tác giả: Chí Hạnh
Nguồn: Ban Dân tộc - Tôn giáo
Chia sẻ:
In bài
Các tin khác
Thăm, chúc Tết Chôl Chnăm Thmây tại Sóc Trăng
Hội nghị Đoàn Chủ tịch Ủy ban Trung ương MTTQ Việt Nam lần thứ 7
Liên kết
Bản quyền thuộc Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam
Địa chỉ: 46 Tràng Thi, Hoàn Kiếm, Hà Nội
""")

# 14. Provincial MTTQ site: "12:30, 18/06/2019", byline "Minh Anh (Ban Dân vận Huyện ủy Đức Cơ)".
sample(
    id="t14_mttq_gialai", family="provincial Mặt trận site", source="vietnews/train/067005",
    title="Gia Lai: Phát gạo miễn phí cho 546 hộ dân khó khăn vùng biên giới",
    published="2019-06-18T12:30", author="Minh Anh", province="Gia Lai",
    order="0-1,10,2-6,11,7-9,12", captions="10-12", sep="\n",
    page="""ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH GIA LAI
Trang chủ | Giới thiệu | Tin hoạt động | Cuộc vận động | Văn bản | Liên hệ
Tin hoạt động
12:30, 18/06/2019
{TITLE}
{BODY}
Minh Anh (Ban Dân vận Huyện ủy Đức Cơ)
Bài liên quan
MTTQ huyện Đức Cơ trao nhà Đại đoàn kết cho hộ nghèo
Hội nghị sơ kết công tác Mặt trận 6 tháng đầu năm 2019
Video
Thư viện ảnh
Lượt truy cập: 2.346.119
Ủy ban MTTQ Việt Nam tỉnh Gia Lai - 17 Trần Hưng Đạo, TP. Pleiku
""")

# 15. Old (2012) classic ASP provincial site: [Trở về] [In trang], AM/PM time, "Số lần đọc", dated list.
sample(
    id="t15_old2012_caobang", family="old classic-ASP provincial site (2012)", source="vietnews/train/069270",
    title="Cao Bằng: Mưa lũ kéo dài nhấn chìm gần nghìn ngôi nhà",
    published="2012-07-16T16:25", author="Hoàng Bách", province="Cao Bằng",
    order="0-5,12,6-9,13,10-11", captions="12,13", sep="\n",
    page="""Trang chủ | Giới thiệu | Tin tức | Văn bản | Hỏi đáp | Sơ đồ site | Liên hệ
Chào mừng bạn đến với Website Ban Dân vận Tỉnh ủy Cao Bằng
Tin tức - Sự kiện
Cập nhật lúc 04:25 PM, 16/07/2012
{TITLE}
{BODY}
Hoàng Bách
[Trở về]   [In trang]   [Gửi cho bạn bè]   [Đầu trang]
Số lần đọc: 203
Các tin khác:
 Hội nghị giao ban khối dân vận quý II năm 2012 (12/07/2012)
 Tổng kết 5 năm thực hiện Quy chế dân chủ ở cơ sở (09/07/2012)
 Gặp mặt chức sắc tôn giáo nhân dịp lễ Phật đản (30/05/2012)
Liên kết website
Số người truy cập: 0 0 1 2 3 4 5 6
Đang online: 3
Bản quyền thuộc Ban Dân vận Tỉnh ủy Cao Bằng. Thiết kế bởi VNPT Cao Bằng
Website tối ưu với trình duyệt IE 6.0 trở lên, độ phân giải 1024x768
""",
    note="'04:25 PM' is 16:25",
)

# 16. Old ASP.NET Party portal (vi-VN culture): "Chủ nhật, 03/09/2017 - 8:15 CH" (CH = PM),
#     republished item with "Theo Báo Tuổi Trẻ" (no author), captions with credits.
sample(
    id="t16_oldaspnet_ninhthuan", family="old ASP.NET provincial Party portal", source="vietnews/train/014599",
    title="Trên cho dân làm đường vào nghĩa trang, dưới ' ách ' lại",
    published="2017-09-03T20:15", author=None, province="Ninh Thuận",
    order="0-2,19,3-10,18,11-17,20", captions="18-20", sep="\n",
    note="'8:15 CH' is 20:15; 'Theo Báo Tuổi Trẻ' is a source credit, not an author",
    page="""TỈNH ỦY NINH THUẬN - BAN DÂN VẬN
Trang chủ :: Giới thiệu :: Tin tức - Sự kiện :: Văn bản :: Liên hệ
Ngày 15/11/2024
Tìm kiếm
Tin tức - Sự kiện
{TITLE}
Chủ nhật, 03/09/2017 - 8:15 CH
{BODY}
Theo Báo Tuổi Trẻ
<< Quay lại   In   Gửi email
Các bài đã đăng:
 · Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 10 (01/09/2017)
 · Ninh Phước: Sơ kết 6 tháng thực hiện Chỉ thị 05-CT/TW (28/08/2017)
 · Phước Vinh ra mắt tổ hòa giải ở cơ sở (25/08/2017)
Trang: 1 2 3 4 5 ... 
Bản quyền © Ban Dân vận Tỉnh ủy Ninh Thuận
Số 450 đường 16/4, TP. Phan Rang - Tháp Chàm
Lượt truy cập: 000876543
""")

# 17. National Party-commission news site: list items opening with "Xem xét, ..." (real text),
#     source credit "Theo Uỷ ban Kiểm tra Trung ương" at the end, no author, several provinces.
sample(
    id="t17_ubkt_xemxet", family="Party commission news page", source="vietnews/train/071842",
    title="UBKT Trung ương kỷ luật Chủ tịch và Phó Chủ tịch UBND tỉnh Đắk Nông",
    published="2019-01-17T08:00", author=None, province=None, province_ambiguous=True,
    order="0-17", sep="\n",
    note="lines opening 'Xem xét, thi hành kỷ luật ...' are real sub-heads; 'Theo Uỷ ban Kiểm tra Trung ương' is a source credit; two provinces named (Đắk Nông, Quảng Ngãi): province not scored",
    page="""Trang chủ
Xây dựng Đảng
Kiểm tra - Giám sát
Tin tức
Ý kiến bạn đọc
Kiểm tra - Giám sát
{TITLE}
08:00 | 17/01/2019
{BODY}
Theo Uỷ ban Kiểm tra Trung ương
Lượt xem: 5.631
Chia sẻ bài viết:  Facebook  Zalo  Email
Ý kiến bạn đọc
Họ và tên:
Email:
Nội dung:
Gửi
Tin cùng chuyên mục
Kỳ họp thứ 32 của Ủy ban Kiểm tra Trung ương
Thông báo kết quả kỳ họp thứ 31 của UBKT Trung ương
""")

# 18. Lao Động style: "Thứ Hai, 20/11/2017 | 10:22", byline "Nhóm PV" under the title.
sample(
    id="t18_laodong_thanhhoa", family="national daily (Lao Động style)", source="vietnews/train/020427",
    title="Dân bức xúc vì chính quyền huyện, xã thu hồi đất giá rẻ mạt",
    published="2017-11-20T10:22", author="Nhóm PV", province="Thanh Hóa",
    order="0-1,13,2-12,14", captions="13,14", sep="\n\n",
    page="""LAO ĐỘNG
Thời sự
Công đoàn
Xã hội
Thế giới
Bạn đọc
Pháp luật
Kinh tế
Bất động sản
Bạn đọc
{TITLE}
Nhóm PV
Thứ Hai, 20/11/2017 | 10:22
{BODY}

Đọc thêm
Thanh Hóa: Kiểm tra việc thu hồi đất tại xã Yên Trường
Người dân Yên Định kiến nghị về giá bồi thường
Chủ đề: Thu hồi đất
Bình luận
Bạn còn 500/500 ký tự
Gửi bình luận
Cơ quan của Tổng Liên đoàn Lao động Việt Nam
Giấy phép số 2013/GP-BTTTT
Tòa soạn: 6 Phạm Văn Bạch, Cầu Giấy, Hà Nội
""")

# 19. Dân trí style: "(Dân trí) - " glued to the lead, "Thứ bảy, 01/05/2021 - 18:44", byline at the end.
sample(
    id="t19_dantri_hue", family="national daily (Dân trí style)", source="unc/news_society_046",
    title="Bí thư Thừa Thiên Huế: Khống chế dịch Covid-19 ngay tại tuyến đầu biên giới",
    published="2021-05-01T18:44", author="Đại Dương", province="Thừa Thiên Huế",
    order="0-6", sep="\n",
    lead_prefix="(Dân trí) - ",
    note="'(Dân trí) - ' agency tag glued to the lead is not in the gold",
    page="""Dân trí
Xã hội
Thế giới
Kinh doanh
Bất động sản
Thể thao
Lao động - Việc làm
Tấm lòng nhân ái
Sức khỏe
Văn hóa
Giải trí
Xã hội > Chính trị
Thứ bảy, 01/05/2021 - 18:44
{TITLE}
{BODY}
Đại Dương
Chia sẻ
Tin liên quan
Thừa Thiên Huế lập chốt kiểm soát dịch tại các cửa khẩu
Bộ đội biên phòng căng mình chống dịch trên tuyến biên giới
Gửi bình luận
Bình luận (3)
Quan tâm nhất
Báo điện tử Dân trí
Cơ quan của Bộ Lao động - Thương binh và Xã hội
Giấy phép hoạt động báo điện tử số 298/GP-BTTTT
""")

# 20. Tiền Phong style: "Thứ Tư, 28/04/2021 10:13 (GMT+07:00)"; the short sapo comes first on the page.
sample(
    id="t20_tienphong_daknong", family="national daily (Tiền Phong style)", source="unc/news_society_169",
    title="Kỷ luật Chủ tịch, Phó Chủ tịch huyện vì cấp sai hàng trăm thửa đất",
    published="2021-04-28T10:13", author="Đặng Dương", province="Đắk Nông",
    order="1,0,2-6", sep="\n",
    page="""TIỀN PHONG
Xã hội
Kinh tế
Thời sự
Thế giới
Pháp luật
Giới trẻ
Thời sự
Thứ Tư, 28/04/2021 10:13 (GMT+07:00)
{TITLE}
TPO
{BODY}
Đặng Dương
Tin liên quan
Đắk Nông: Cảnh cáo nguyên Chủ tịch huyện Krông Nô
Tags
kỷ luật
Krông Nô
Đắk Nông
Lượt xem: 3.210
Báo Tiền Phong - Cơ quan Trung ương của Đoàn TNCS Hồ Chí Minh
© Bản quyền thuộc về Báo Tiền Phong
""",
    note="'TPO' is a lone agency tag line; the sapo (source line 1) leads the page",
)

# 21. Department portal: date and counter on one line "Ngày đăng: 26/03/2021 | 17:51 | Lượt xem: 412",
#     byline with the paper "Thúy Diễm - Báo Dân trí".
sample(
    id="t21_sotttt_daklak", family="provincial department portal", source="unc/news_society_075",
    title="Chuyển đổi số để làm việc cũ tốt hơn, làm việc mới mà trước đây chưa thể",
    published="2021-03-26T17:51", author="Thúy Diễm", province="Đắk Lắk",
    order="0-9", captions="4", sep="\n",
    page="""SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH ĐẮK LẮK
Trang chủ
Giới thiệu
Tin tức - Sự kiện
Chuyển đổi số
Văn bản
Thủ tục hành chính
Hỏi đáp
Chuyển đổi số
{TITLE}
Ngày đăng: 26/03/2021 | 17:51 | Lượt xem: 412
{BODY}
Thúy Diễm - Báo Dân trí
Tin khác
Đắk Lắk công bố Kế hoạch chuyển đổi số giai đoạn 2021-2025
Tập huấn kỹ năng số cho cán bộ cấp xã
Video clip
Liên kết
SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH ĐẮK LẮK
Địa chỉ: 8 Nơ Trang Long, TP. Buôn Ma Thuột
Điện thoại: 0262.3852.579
Ghi rõ nguồn khi phát hành lại thông tin từ website này.
""")

# 22. Quân đội Nhân dân style: "Thứ Hai, 14/01/2019, 11:40 (GMT+7)"; no province; quote repeated in the body.
sample(
    id="t22_qdnd_bienphong", family="national daily (QĐND style)", source="vietnews/train/016888",
    title="Chủ tịch Quốc hội: ' Phên giậu ' vững thì đất nước mới ổn định phát triển",
    published="2019-01-14T11:40", author="ĐỨC ANH", province=None,
    order="0-1,13,2-6,14,7-12,15", captions="13-15", sep="\n",
    note="lines 0 and 5 carry the same quote (lead and body): both are real text",
    page="""QUÂN ĐỘI NHÂN DÂN
Cơ quan của Quân ủy Trung ương và Bộ Quốc phòng
Tiêu điểm
Chính trị
Quân sự
Quốc phòng
Kinh tế
Xã hội
Văn hóa
Chính trị
Thứ Hai, 14/01/2019, 11:40 (GMT+7)
{TITLE}
{BODY}
ĐỨC ANH
Cỡ chữ
In bài
Tin cùng chuyên mục
Bộ đội Biên phòng tổng kết 10 năm Ngày Biên phòng toàn dân
Tặng quà đồng bào dân tộc thiểu số vùng biên
Bản quyền thuộc về Báo Quân đội nhân dân
Tổng biên tập: Thiếu tướng Đoàn Xuân Bộ
""")

# 23. Đại Đoàn Kết style: "Thứ Tư, 14/03/2018 - 11:02", "Bài và ảnh: Vũ Khánh", quoted intertitles.
sample(
    id="t23_daidoanket_quyenluc", family="national daily (Đại Đoàn Kết style)", source="vietnews/train/012952",
    title="' Quyền lực không phải là tài sản riêng của cán bộ '",
    published="2018-03-14T11:02", author="Vũ Khánh", province=None,
    order="0-5,28,6-27", captions="28", sep="\n",
    page="""ĐẠI ĐOÀN KẾT
Cơ quan Trung ương của Mặt trận Tổ quốc Việt Nam
Thời sự
Mặt trận
Quốc phòng - An ninh
Xã hội
Pháp luật
Bạn đọc
Mặt trận
Thứ Tư, 14/03/2018 - 11:02
{TITLE}
{BODY}
Bài và ảnh: Vũ Khánh
Chia sẻ
Từ khóa: kiểm soát quyền lực công tác cán bộ Phạm Minh Chính Ban Dân vận Trung ương
Bài liên quan
Hội nghị giao ban công tác dân vận khối Mặt trận năm 2018
Tin đọc nhiều
Báo Đại Đoàn Kết. Tổng biên tập: Lê Anh Đạt
Tòa soạn: 66 Bà Triệu, Hoàn Kiếm, Hà Nội
""")

# 24. City Party committee site: no article date at all, only the site's header date (crawl day),
#     title in capitals, no byline.
sample(
    id="t24_thanhuy_nodate", family="city Party committee site (custom CMS)", source="vietnews/train/013404",
    title="THÀNH UỶ TP. HCM CÓ TRƯỞNG BAN TỔ CHỨC, TRƯỞNG BAN DÂN VẬN MỚI",
    published=None, author=None, province="Hồ Chí Minh",
    order="0-8", sep="\n\n",
    note="the only date on the page is the header date of the crawl day",
    page="""Thứ Sáu, 15/11/2024
ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH
Trang chủ
Tin tức
Xây dựng Đảng
Dân vận
Tư liệu
Hình ảnh
Tin tức > Xây dựng Đảng
{TITLE}
{BODY}

Chia sẻ:   In trang
Các tin khác
Hội nghị Thành ủy lần thứ 14 khóa X
Bí thư Thành ủy tiếp xúc cử tri quận 2
Tiêu điểm
Bản quyền thuộc Thành ủy Thành phố Hồ Chí Minh
127 Trương Định, Quận 3
""")

# 25. Town Party site: header and article dates in the same long form; intertitles; a caption
#     that repeats the opening of a body line.
sample(
    id="t25_thanhuy_vungtau_longdate", family="town Party committee site", source="vietnews/train/019981",
    title="Vũng Tàu đối thoại với 200 hộ dân trong dự án kéo dài 22 năm",
    published="2017-10-17T16:05", author="Đông Hà", province="Bà Rịa - Vũng Tàu",
    order="0-1,22,2-10,24,11-18,23,19-21", captions="22-24", sep="\n",
    page="""Hôm nay: Thứ Sáu, ngày 15 tháng 11 năm 2024
THÀNH ỦY VŨNG TÀU
Trang chủ | Tin tức | Xây dựng Đảng | Dân vận | Văn bản | Liên hệ
Tin tức
{TITLE}
Thứ Ba, ngày 17 tháng 10 năm 2017 - 16:05
{BODY}
Đông Hà
Cỡ chữ A+ A-   In bài   Gửi bài
Bài viết cùng chuyên mục
Vũng Tàu công khai quy hoạch khu trung tâm đô thị
Thành ủy Vũng Tàu sơ kết 9 tháng năm 2017
Ý kiến bạn đọc
Chưa có ý kiến nào. Hãy là người đầu tiên bình luận.
Gửi ý kiến
Bản quyền thuộc Thành ủy Vũng Tàu. Ghi rõ nguồn khi phát hành lại thông tin từ website này.
""")

# 26. Người Lao Động style: "02-03-2017 - 20:30", a gallery prompt after the byline.
sample(
    id="t26_nld_samson", family="national daily (Người Lao Động style)", source="vietnews/train/104784",
    title="Người dân Sầm Sơn phản ứng việc thu hồi đất ven biển",
    published="2017-03-02T20:30", author="Lê Hoàng", province="Thanh Hóa",
    order="0-2,33,3-30,34", captions="33,34", sep="\n",
    page="""NGƯỜI LAO ĐỘNG
Thời sự
Quốc tế
Lao động
Bạn đọc
Net Zero
Kinh tế
Sức khỏe
Giáo dục
Pháp luật
Thời sự > Xã hội
02-03-2017 - 20:30
{TITLE}
{BODY}
Lê Hoàng
Ảnh khác
Xem thêm ảnh
Bình luận
Ý kiến của bạn sẽ được biên tập trước khi đăng. Xin vui lòng gõ tiếng Việt có dấu
Gửi
Tin liên quan
Thanh Hóa đối thoại với người dân Sầm Sơn
FLC khởi công dự án quần thể du lịch Sầm Sơn
Báo Người Lao Động Điện tử - Cơ quan của Thành ủy TP. HCM
Giấy phép số 115/GP-BTTTT
""")

# 27. Sài Gòn Giải Phóng style: inline "Xem thêm:" link inside the body, "lượt" in real sentences,
#     author in capitals at the end.
sample(
    id="t27_sggp_mttq", family="city daily (SGGP style)", source="vietnews/val/002200",
    title="Vận động 80 tỉ đồng của kiều bào cho hoạt động từ thiện, xã hội",
    published="2019-06-26T10:27", author="PHƯỚC TUẦN", province="Hồ Chí Minh",
    order="0-2,16,3-13,17,14-15,18", captions="16-18", sep="\n",
    inserts={4: "Xem thêm: Khai mạc Đại hội đại biểu MTTQ Việt Nam TP. HCM lần thứ XI"},
    page="""SGGP
Sài Gòn Giải Phóng Online
Chính trị
Xã hội
Kinh tế
Thế giới
Pháp luật
Văn hóa
Chính trị
Thứ Tư, 26/6/2019 10:27
{TITLE}
{BODY}
PHƯỚC TUẦN
Tags: Đại hội MTTQ TP. HCM kiều bào từ thiện
Chia sẻ bài viết
Gửi bình luận
Các tin khác
Đại hội đại biểu MTTQ Việt Nam TP. HCM lần thứ XI thành công tốt đẹp
Báo Sài Gòn Giải Phóng - Cơ quan của Đảng bộ Đảng Cộng sản Việt Nam TP. HCM
Tổng biên tập: Tăng Hữu Phong
""")
