"""HTML layouts the seeds do not have: machine-readable dates, a lead outside the body
container, intertitles inside it, and 2000s table layouts. The pages are written here."""
from bs4 import BeautifulSoup

from pipeline.extract import extract_html
from pipeline.extract.layout import article_time, find_lead, is_table_layout, table_content

BODY = [
    "Sáng 3/3, Ủy ban Mặt trận Tổ quốc xã Ea Tiêu tổ chức sơ kết phong trào hiến đất làm đường giao thông nông thôn với sự tham gia của đông đảo người dân.",
    "Theo ông Y Khem, Chủ tịch Ủy ban Mặt trận Tổ quốc xã, mỗi tuyến đường đều được đưa ra họp thôn để người dân bàn bạc, thống nhất phương án trước khi thi công.",
    "Nhờ cách làm công khai, dân chủ, không có hộ nào khiếu nại, nhiều hộ còn góp thêm ngày công và tiền mặt để hoàn thành sớm các tuyến đường.",
    "Thời gian tới, xã tiếp tục vận động người dân hiến đất để hoàn thành 5 km đường bê tông còn lại theo kế hoạch xây dựng nông thôn mới.",
]
LEAD = "Hơn 120 hộ dân xã Ea Tiêu đã tự nguyện hiến gần 9.000 m2 đất để mở rộng đường liên thôn trong năm qua."
TITLE = "Xã Ea Tiêu hiến đất làm đường"


def _modern_page(head_extra="", lead_html=None, meta_html='<span class="date">04/03/2022</span>'):
    lead_html = lead_html if lead_html is not None else f'<h2 class="detail-sapo">{LEAD}</h2>'
    return f"""<html><head><title>{TITLE} - Báo Thử</title>{head_extra}</head>
<body><header><div class="top">Thứ Hai, 20/06/2024</div><nav><a href="/">Trang chủ</a> <a href="/xh">Xã hội</a></nav></header>
<div class="wrap"><div class="detail">
<h1 class="detail-title">{TITLE}</h1>
<div class="detail-meta">{meta_html}</div>
{lead_html}
<div class="detail-content">
<p>{BODY[0]}</p>
<h3><strong>Dân bàn, dân làm</strong></h3>
<p>{BODY[1]}</p>
<p>{BODY[2]}</p>
<h3>Nhân rộng mô hình</h3>
<p>{BODY[3]}</p>
</div>
<div class="related"><h4>Tin liên quan</h4><ul><li><a href="/1">Ea Kao ra mắt tổ hòa giải ở cơ sở</a>
<time datetime="2022-02-01T08:00:00+07:00">01/02/2022</time></li></ul></div>
</div></div>
<footer>© 2024 Báo Thử. Ghi rõ nguồn khi phát hành lại thông tin từ website này.</footer></body></html>"""


def test_json_ld_date_in_a_graph_becomes_local_time():
    ld = ('<script type="application/ld+json">{"@graph":[{"@type":"WebSite"},{"@type":"NewsArticle",'
          '"datePublished":"2022-03-04T02:15:00Z"}]}</script>')
    article = extract_html(_modern_page(head_extra=ld))
    assert (article.published, article.published_precision) == ("2022-03-04T09:15", "minute")


def test_time_datetime_in_the_article_beats_the_visible_day_and_the_related_list():
    meta = '<time datetime="2022-03-04T16:45:00+07:00">04/03/2022</time>'
    article = extract_html(_modern_page(meta_html=meta))
    assert article.published == "2022-03-04T16:45"


def test_without_machine_dates_the_visible_date_is_used_never_the_header_date():
    article = extract_html(_modern_page())
    assert (article.published, article.published_precision) == ("2022-03-04", "day")


def test_a_time_in_a_related_list_is_not_the_article_time():
    soup = BeautifulSoup(_modern_page(), "lxml")
    assert article_time(soup) is None


def test_lead_outside_the_body_and_intertitles_inside_it_are_kept():
    article = extract_html(_modern_page())
    assert article.title == TITLE
    assert article.paragraphs[0] == LEAD
    assert "Dân bàn, dân làm" in article.paragraphs and "Nhân rộng mô hình" in article.paragraphs
    assert [p for p in article.paragraphs if p in BODY] == BODY


def test_a_lead_without_a_class_is_the_first_prose_block_under_the_headline():
    article = extract_html(_modern_page(lead_html=f"<p><em>{LEAD}</em></p>"))
    assert article.paragraphs[0] == LEAD


def test_no_lead_is_invented():
    article = extract_html(_modern_page(lead_html=""))
    assert article.paragraphs[0] == BODY[0]
    soup = BeautifulSoup(_modern_page(lead_html=""), "lxml")
    assert find_lead(soup.find("h1"), soup.select_one(".detail-content")) is None


def _table_page():
    rows = "".join(f"<p>{p}</p>" for p in BODY[:2]) + f"{BODY[2]}<br><br>{BODY[3]}"
    return f"""<html><head><title>Ban Dan van Huyen uy</title></head><body>
<table width="960"><tr><td colspan="3"><img src="banner.jpg"></td></tr>
<tr><td colspan="3"><a href="/">Trang chủ</a> | <a href="/gt">Giới thiệu</a> | <a href="/tt">Tin tức</a></td></tr>
<tr><td width="180"><table><tr><td>CHUYÊN MỤC</td></tr><tr><td><a href="/a">Hoạt động</a></td></tr>
<tr><td><a href="/b">Gương sáng</a></td></tr><tr><td><a href="/c">Văn bản</a></td></tr></table></td>
<td width="600"><table>
<tr><td><b>{TITLE}</b></td></tr>
<tr><td><font size="1">Cập nhật lúc 15:30 ngày 04/03/2009</font></td></tr>
<tr><td><font face="Arial">{rows}<div align="right"><b>Y Khem</b></div></font></td></tr>
<tr><td><a href="javascript:history.back()">[Quay lại]</a> <a href="javascript:print()">[In bài]</a></td></tr>
<tr><td><b>Tin đã đăng:</b><br><a href="/x1">Ea Kao ra mắt tổ hòa giải ở cơ sở</a> (01/03/2009)<br>
<a href="/x2">Hội nghị giao ban khối dân vận quý I</a> (25/02/2009)</td></tr></table></td>
<td width="180"><table><tr><td>LIÊN KẾT</td></tr><tr><td><a href="/l">Cổng thông tin tỉnh</a></td></tr></table></td></tr>
<tr><td colspan="3">Bản quyền thuộc Ban Dân vận Huyện ủy. Ghi rõ nguồn khi phát hành lại thông tin từ website này.</td></tr>
</table></body></html>"""


def test_table_layout_content_cell_split_at_paragraphs_and_double_breaks():
    article = extract_html(_table_page().encode("utf-8"))
    assert article.title == TITLE
    assert article.published == "2009-03-04T15:30"
    assert article.author == "Y Khem"
    assert article.paragraphs == BODY
    assert article.provenance["main_text"] == "table cell"


def test_table_layout_detection():
    soup = BeautifulSoup(_table_page(), "lxml")
    assert is_table_layout(soup)
    cell = table_content(soup)
    assert cell is not None and BODY[0] in cell.get_text(" ")
    assert not is_table_layout(BeautifulSoup(_modern_page(), "lxml"))  # a layout with no nested tables
    with_article = "<article>" + _table_page() + "</article>"
    assert not is_table_layout(BeautifulSoup(with_article, "lxml"))


def test_a_timed_date_line_above_the_headline_without_machine_dates():
    page = _modern_page(meta_html="").replace(
        f'<h1 class="detail-title">', '<div class="cat">Xã hội</div><div class="time">Thứ Sáu, 04/03/2022 - 16:45</div>'
        f'<h1 class="detail-title">')
    assert extract_html(page).published == "2022-03-04T16:45"
    # a date-only line there may be the site's own date: not taken
    page = _modern_page(meta_html="").replace(
        '<h1 class="detail-title">', '<div class="time">Thứ Hai, 20/06/2024</div><h1 class="detail-title">')
    assert extract_html(page).published != "2024-06-20"


def test_a_cms_account_in_the_author_meta_or_box_is_no_author():
    page = _modern_page(head_extra='<meta name="author" content="Super User">',
                        meta_html='<span class="author">Viết bởi Super User</span> <span>04/03/2022</span>')
    assert extract_html(page).author is None
