"""Fixture sites of the four CMS families behind the seeds, built by the tests.

Each family has listing pages with pagination (items with dates), article pages
with the family's chrome (menus, counters, related lists, footers), a site
header with today's date, and a sidebar of newest articles.
"""
from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field

from .server import Resp

SENTENCES = [
    "Ban Dân vận Tỉnh ủy tổ chức hội nghị triển khai nhiệm vụ công tác dân vận năm {y}.",
    "Các cấp ủy đảng, chính quyền đã quan tâm lãnh đạo, chỉ đạo thực hiện tốt Quy chế dân chủ ở cơ sở.",
    "Phong trào thi đua “Dân vận khéo” được triển khai rộng khắp, với {n} mô hình được biểu dương.",
    "Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội phát huy vai trò tập hợp, đoàn kết Nhân dân.",
    "Đồng chí Trưởng Ban Dân vận Tỉnh ủy yêu cầu nắm chắc tình hình Nhân dân, kịp thời tham mưu giải quyết.",
    "Công tác dân vận chính quyền có nhiều chuyển biến, cải cách hành chính được đẩy mạnh tại {n} xã.",
    "Hội nghị đã đánh giá kết quả thực hiện Nghị quyết số 25-NQ/TW của Ban Chấp hành Trung ương.",
    "Công tác tôn giáo, dân tộc được quan tâm; đồng bào các dân tộc tin tưởng vào sự lãnh đạo của Đảng.",
    "Việc tiếp xúc, đối thoại với Nhân dân được duy trì thường xuyên, giải quyết {n} kiến nghị.",
    "Các địa phương tập trung xây dựng nông thôn mới, huy động Nhân dân hiến đất làm đường giao thông.",
]


@dataclass
class FixtureArticle:
    number: int
    title: str
    paragraphs: list[str]
    published: dt.datetime
    path: str  # main URL path
    alt_paths: list[str] = field(default_factory=list)  # same article under other URLs


def make_articles(n: int, *, start: dt.datetime, seed: int = 0, prefix: str = "") -> list[dict]:
    out = []
    for i in range(n):
        k = i + seed
        when = start - dt.timedelta(days=3 * i, hours=k % 7)
        paragraphs = [SENTENCES[(k + j) % len(SENTENCES)].format(y=when.year, n=10 + k + j)
                      for j in range(4)]
        paragraphs.append(f"Bài viết số {k} của {prefix or 'trang'}: kết quả được ghi nhận tại "
                          f"hội nghị ngày {when:%d/%m/%Y}.")
        out.append({"number": k, "title": f"{prefix}Dân vận khéo: kinh nghiệm số {k} năm {when.year}",
                    "paragraphs": paragraphs, "published": when})
    return out


def _ps(paragraphs) -> str:
    return "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)


def _chrome(title: str, main: str, sidebar: str, today: dt.date, charset: str = "utf-8") -> str:
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="{charset}"><title>{html.escape(title)}</title>
<style>.x{{color:red}}</style><script>var counter = 1;</script></head>
<body><div id="header"><div class="date">Thứ tư, ngày {today.day}/{today.month}/{today.year}</div>
<ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li>
<li><a href="/lien-he">Liên hệ</a></li><li><a href="https://www.facebook.com/share">Chia sẻ</a></li></ul></div>
<div id="main">{main}</div><div id="sidebar"><h3>Tin mới nhất</h3>{sidebar}</div>
<div id="footer">Bản quyền thuộc Ban Dân vận Tỉnh ủy. Đang truy cập: 36. Lượt truy cập: 1.234.567</div>
</body></html>"""


# -- the four families -----------------------------------------------------------
class Family:
    name = ""
    listing_first = "/"
    article_pattern = ""
    pagination_pattern = ""

    def article_path(self, a: dict) -> str: ...
    def listing_path(self, page: int) -> str: ...
    def article_main(self, a: dict) -> str: ...

    def listing_item(self, a: dict) -> str:
        path = self.article_path(a)
        return (f'<div class="item"><a href="{path}"><img src="/img/{a["number"]}.jpg"></a>'
                f'<h3><a href="{path}">{html.escape(a["title"])}</a></h3>'
                f'<span class="time">{a["published"]:%d/%m/%Y %H:%M}</span>'
                f'<p>{html.escape(a["paragraphs"][0][:80])}</p></div>')


class NukeViet(Family):
    name = "nukeviet"
    listing_first = "/vi/news/tin-tuc/"
    article_pattern = r"/vi/news/tin-tuc/[a-z0-9-]+-\d+\.html$"
    pagination_pattern = r"/vi/news/tin-tuc/page-\d+$"

    def article_path(self, a):
        return f"/vi/news/tin-tuc/dan-van-kheo-kinh-nghiem-{a['number']}.html"

    def listing_path(self, page):
        return self.listing_first if page == 1 else f"/vi/news/tin-tuc/page-{page}/"

    def article_main(self, a):
        when = a["published"]
        return f"""<div class="news_column"><h1 class="title">{html.escape(a['title'])}</h1>
<span class="h5">Chủ nhật - {when:%d/%m/%Y %H:%M}</span> <span class="viewcount">89</span> <span>0</span>
<div class="hometext">{html.escape(a['paragraphs'][0])}</div>
<div id="news-bodyhtml" class="bodytext">{_ps(a['paragraphs'][1:])}</div>
<p class="text-right"><strong>Nguồn tin: Anh Đào - BDVTU</strong></p>
<div class="rating">Tổng số điểm của bài viết là: 10 trong 2 đánh giá. Click để đánh giá bài viết</div>
<div class="statistics">Thống kê truy cập: Đang truy cập 36, Hôm nay 1.234</div></div>"""


class WordPress(Family):
    name = "wordpress"
    listing_first = "/category/dan-van/"
    article_pattern = r"/\d{4}/\d{2}/\d{2}/[a-z0-9-]+$"
    pagination_pattern = r"/category/dan-van/page/\d+$"

    def article_path(self, a):
        return f"{a['published']:/%Y/%m/%d}/kinh-nghiem-dan-van-{a['number']}/"

    def listing_path(self, page):
        return self.listing_first if page == 1 else f"/category/dan-van/page/{page}/"

    def article_main(self, a):
        when = a["published"]
        return f"""<article class="post"><header><h1 class="entry-title">{html.escape(a['title'])}</h1>
<time class="entry-date" datetime="{when:%Y-%m-%dT%H:%M}+07:00">{when:%d/%m/%Y}</time>
<span class="post-views">Views Today : 9</span></header>
<div class="entry-content">{_ps(a['paragraphs'])}<p><strong>Đàm Hoàng</strong></p></div>
<div class="sharedaddy">Chia sẻ: Facebook Twitter</div>
<div class="related-posts"><h3>Bài viết liên quan</h3></div></article>"""


class PartyPortal(Family):
    name = "party_portal"
    listing_first = "/Default.aspx?tabid=93&ch=12"
    article_pattern = r"Default\.aspx\?.*ItemID=\d+"
    pagination_pattern = r"Default\.aspx\?.*page=\d+"

    def article_path(self, a):
        return f"/Default.aspx?tabid=93&ch=12&ItemID={1000 + a['number']}"

    def listing_path(self, page):
        return self.listing_first if page == 1 else f"/Default.aspx?tabid=93&ch=12&page={page}"

    def article_main(self, a):
        when = a["published"]
        return f"""<div class="ArticleContent"><h2 class="ArticleTitle">{html.escape(a['title'])}</h2>
<div class="ArticleDate">{when:%d/%m/%Y} - Lượt xem: 1901</div>
<div class="ArticleBody">{_ps(a['paragraphs'])}<p style="text-align:right"><b>Nguyễn Văn</b></p></div>
<div class="RelatedNews"><b>Tin liên quan</b><ul><li>Tin cũ hơn</li></ul></div>
<a href="#top">LÊN ĐẦU TRANG</a></div>"""


class Newspaper(Family):
    name = "newspaper"
    listing_first = "/chinh-tri/"
    article_pattern = r"/chinh-tri/\d{6}/[a-z0-9-]+-\d+$"
    pagination_pattern = r"/chinh-tri/trang-\d+\.html$"

    def article_path(self, a):
        return f"/chinh-tri/{a['published']:%Y%m}/ban-dan-van-tinh-uy-{500000 + a['number']}/"

    def listing_path(self, page):
        return self.listing_first if page == 1 else f"/chinh-tri/trang-{page}.html"

    def article_main(self, a):
        when = a["published"]
        weekday = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"][when.weekday()]
        return f"""<div class="detail"><h1 class="detail-title">{html.escape(a['title'])}</h1>
<div class="detail-time">{weekday}, {when:%d/%m/%Y, %H:%M} [GMT+7]</div>
<div class="detail-content">{_ps(a['paragraphs'])}<p class="author">Nguyễn Huế</p></div>
<div class="tags">Từ khóa: dân vận</div></div>"""


FAMILIES = {f.name: f for f in (NukeViet(), WordPress(), PartyPortal(), Newspaper())}


@dataclass
class FixtureSite:
    family: Family
    articles: list[dict]
    per_page: int
    routes: dict[str, Resp] = field(default_factory=dict)
    today: dt.date = dt.date(2024, 6, 5)

    @property
    def pages(self) -> int:
        return (len(self.articles) + self.per_page - 1) // self.per_page

    def build(self) -> "FixtureSite":
        self.routes.clear()
        fam = self.family
        sidebar = "<ul>" + "".join(f'<li><a href="{fam.article_path(a)}">{html.escape(a["title"])}</a> '
                                   f'({a["published"]:%d/%m/%Y})</li>'
                                   for a in self.articles[:3]) + "</ul>"
        for page in range(1, self.pages + 1):
            chunk = self.articles[(page - 1) * self.per_page: page * self.per_page]
            nav = []
            if page > 1:
                nav.append(f'<a href="{fam.listing_path(page - 1)}">Trang trước</a>')
            for p in range(1, self.pages + 1):
                nav.append(f'<a href="{fam.listing_path(p)}">{p}</a>')
            if page < self.pages:
                nav.append(f'<a href="{fam.listing_path(page + 1)}">Trang sau</a>')
            main = ("<div class='list'>" + "".join(fam.listing_item(a) for a in chunk)
                    + "</div><div class='pagination'>" + " ".join(nav) + "</div>")
            self.routes[fam.listing_path(page)] = Resp(
                _chrome("Tin tức", main, sidebar, self.today),
                etag=f'"list-{page}-{len(self.articles)}"')
        for a in self.articles:
            self.routes[fam.article_path(a)] = Resp(_chrome(a["title"], fam.article_main(a),
                                                            sidebar, self.today))
        return self

    def profile(self, base: str, **extra) -> dict:
        fam = self.family
        data = {"name": f"test-{fam.name}", "start_urls": [base + fam.listing_first],
                "article_patterns": [fam.article_pattern],
                "pagination_patterns": [fam.pagination_pattern],
                "extract_profile": fam.name, "delay": 0.0, "jitter": 0.0, "timeout": 2.0}
        data.update(extra)
        return data

    def article_urls(self, base: str) -> list[str]:
        return [base + self.family.article_path(a) for a in self.articles]


def fixture_site(family: str, n: int = 7, per_page: int = 3, *, seed: int = 0,
                 start: dt.datetime = dt.datetime(2024, 6, 2, 23, 40)) -> FixtureSite:
    fam = FAMILIES[family]
    return FixtureSite(fam, make_articles(n, start=start, seed=seed, prefix=""), per_page).build()
