"""Articles for the store, query and web tests, written as the real stages would fill them."""
from __future__ import annotations

from pipeline.models import Article, Citation, ThemeTag


def cite(text: str, surface: str, **fields) -> Citation:
    start = text.index(surface)
    return Citation(start=start, end=start + len(surface), surface=surface, **fields)


def article(id, title, paragraphs, *, themes=None, cites=(), **fields) -> Article:
    a = Article(id=id, title=title, paragraphs=list(paragraphs), **fields)
    a.themes = [ThemeTag(theme=t, score=0.9 if lvl == 2 else 0.3, level=lvl,
                         score_mentioned=0.95 if lvl else 0.1,
                         evidence=[paragraphs[0]] if lvl else [])
                for t, lvl in (themes or {}).items()]
    a.citations = [cite(a.text, surface, **f) for surface, f in cites]
    return a


def corpus() -> list[Article]:
    """Six articles: four provinces, three years, the four themes, shared and local directives."""
    return [
        article("gl-1", "Đảng ủy xã Ia Pếch làm tốt công tác tôn giáo",
                ["Đảng ủy xã Ia Pếch (huyện Ia Grai) phối hợp với chức sắc tôn giáo vận động "
                 "đồng bào có đạo sống tốt đời, đẹp đạo.",
                 "Thực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương "
                 "khóa XI về công tác dân vận, Đảng ủy đã xây dựng mô hình dân vận khéo."],
                themes={"religion": 2, "ethnicity": 1, "land_clearance": 0, "new_rural": 0},
                cites=[("25-NQ/TW", dict(number="25-NQ/TW", kind="Nghị quyết", term="XI",
                                         issued="2013-06-03", key="25-NQ/TW@XI",
                                         issuer="Ban Chấp hành Trung ương"))],
                province="Gia Lai", province_2025="Gia Lai", published="2023-04-12T08:30",
                published_precision="minute", site="gialai.dcs.vn",
                url="https://gialai.dcs.vn/tin/ia-pech-ton-giao",
                provenance={"source": "crawl", "warc_file": "crawl-0001.warc.gz",
                            "warc_record_id": "<urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427>",
                            "fetched_at": "2024-06-01T10:00:00Z"}),
        article("gl-2", "Người có uy tín trong đồng bào dân tộc thiểu số",
                ["Huyện Chư Păh tổ chức gặp mặt người có uy tín trong đồng bào dân tộc thiểu số.",
                 "Hội nghị quán triệt Chỉ thị số 22-CT/TU của Ban Thường vụ Tỉnh ủy."],
                themes={"religion": 0, "ethnicity": 2, "land_clearance": 0, "new_rural": 1},
                cites=[("22-CT/TU", dict(number="22-CT/TU", kind="Chỉ thị", scope="Gia Lai",
                                         key="22-CT/TU@Gia Lai"))],
                province="Gia Lai", province_2025="Gia Lai", published="2021-11-02",
                published_precision="day", site="gialai.dcs.vn"),
        article("bp-1", "Bình Phước: vận động người dân bàn giao mặt bằng",
                ["Ban Dân vận Huyện ủy Chơn Thành vận động 120 hộ dân bàn giao mặt bằng cho dự "
                 "án đường cao tốc, giải phóng mặt bằng đúng tiến độ.",
                 "Việc bồi thường, hỗ trợ tái định cư thực hiện theo Quyết định số 81/QĐ-UBND "
                 "và Chỉ thị số 22-CT/TU ngày 12/10/2023 của Ban Thường vụ Tỉnh ủy.",
                 "Tiếp tục thực hiện Nghị quyết số 25-NQ/TW về công tác dân vận."],
                themes={"religion": 0, "ethnicity": 0, "land_clearance": 2, "new_rural": 0},
                cites=[("81/QĐ-UBND", dict(number="81/QĐ-UBND", kind="Quyết định",
                                           scope="Bình Phước", key="81/QĐ-UBND@Bình Phước")),
                       ("22-CT/TU", dict(number="22-CT/TU", kind="Chỉ thị", scope="Bình Phước",
                                         issued="2023-10-12", key="22-CT/TU@Bình Phước")),
                       ("25-NQ/TW", dict(number="25-NQ/TW", kind="Nghị quyết",
                                         key="25-NQ/TW@XI"))],
                province="Bình Phước", province_2025="Đồng Nai", published="2024-06-02T23:40",
                published_precision="minute", site="binhphuoc.gov.vn"),
        article("ha-1", "Xã Đông Lỗ đạt chuẩn nông thôn mới nâng cao",
                ["Xã Đông Lỗ (huyện Hiệp Hòa) hoàn thành 19 tiêu chí nông thôn mới nâng cao.",
                 "Phong trào Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh được "
                 "triển khai theo Quyết định số 1600/QĐ-TTg của Thủ tướng Chính phủ."],
                themes={"religion": 0, "ethnicity": 0, "land_clearance": 1, "new_rural": 2},
                cites=[("1600/QĐ-TTg", dict(number="1600/QĐ-TTg", kind="Quyết định",
                                            key="1600/QĐ-TTg"))],
                province="Bắc Giang", province_2025="Bắc Ninh", published="2021-03-15",
                published_precision="day", site="bacgiang.gov.vn"),
        article("dn-1", "Tín đồ Phật giáo tham gia bảo vệ môi trường",
                ["Các chùa trên địa bàn tỉnh Đồng Nai vận động tín đồ Phật giáo giữ gìn vệ sinh "
                 "môi trường, hưởng ứng cuộc vận động Toàn dân đoàn kết.",
                 "Ban Tôn giáo tỉnh đánh giá cao sự tham gia của chức sắc, chức việc."],
                themes={"religion": 2, "ethnicity": 0, "land_clearance": 0, "new_rural": 1},
                province="Đồng Nai", province_2025="Đồng Nai", published="2019-09-09",
                published_precision="day", site="dongnai.gov.vn"),
        article("vn-1", "Giá xăng giảm mạnh trong kỳ điều hành hôm nay",
                ["Liên Bộ Công Thương - Tài chính điều chỉnh giá xăng dầu.",
                 "Giá xăng RON95 giảm 500 đồng mỗi lít."],
                themes={"religion": 0, "ethnicity": 0, "land_clearance": 0, "new_rural": 0},
                published="2019-01-05", published_precision="day", site="vnexpress.net"),
    ]
