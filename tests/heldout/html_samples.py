"""HTML pages: real articles in hand-written markup of CMS families not among the seeds.

Each spec gives the corpus record, the page order of its lines, captions and intertitles, the
metadata put on the page and a shell (a function of the spec and the article-body HTML).
``render_page`` returns the page bytes (two old pages are not UTF-8 or declare a wrong charset).
"""
from __future__ import annotations

import html as _html
import unicodedata

from _corpus import parse_order

SAMPLES: list[dict] = []


def page(**spec):
    SAMPLES.append(spec)
    return spec


def esc(text: str) -> str:
    return _html.escape(text, quote=False)


def body_html(spec: dict, paragraphs: list[str], lines_index: list[int]) -> str:
    """Article body: paragraphs as <p>, captions in the family's photo markup, intertitles."""
    caption_ids = set(parse_order(spec.get("captions", "")))
    head_ids = set(parse_order(spec.get("heads", "")))
    style = spec.get("caption_style", "figure")
    out = []
    for n, (idx, text) in enumerate(zip(lines_index, paragraphs)):
        t = esc(text)
        if n == 0 and spec.get("lead_html"):
            out.append(spec["lead_html"].replace("{LEAD}", t))
        elif idx in caption_ids:
            img = f"/uploads/{spec['id']}/{n}.jpg"
            if style == "figure":
                out.append(f'<figure class="image align-center"><img src="{img}" alt="{t}" width="640">'
                           f"<figcaption>{t}</figcaption></figure>")
            elif style == "table":
                out.append('<table class="image center" align="center" cellpadding="0" cellspacing="0"><tbody>'
                           f'<tr><td><img src="{img}" width="500" border="0"></td></tr>'
                           f'<tr><td class="image_desc" style="text-align:center"><em>{t}</em></td></tr></tbody></table>')
            elif style == "div":
                out.append(f'<div class="img-box"><img src="{img}" title="{t}"><div class="img-caption">{t}</div></div>')
            elif style == "p-em":
                out.append(f'<p style="text-align:center"><img src="{img}" width="600"></p><p style="text-align:center"><em>{t}</em></p>')
        elif idx in head_ids:
            out.append(f"<h3><strong>{t}</strong></h3>")
        else:
            out.append(f"<p>{t}</p>")
    return "\n".join(out)


def render_page(spec: dict, paragraphs: list[str]) -> bytes:
    order = parse_order(spec["order"])
    spec = dict(spec, _paras=paragraphs)
    body = body_html(spec, paragraphs, order)
    spec["_rest"] = body_html(dict(spec, lead_html=None), paragraphs[1:], order[1:])
    text = spec["shell"](spec, body)
    charset = spec.get("charset", "utf-8")
    if charset == "windows-1258":
        return encode_cp1258(text)
    return text.encode("utf-8")


_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows wrote it: base letter + combining tone mark."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONE_MARKS))
        tones = "".join(c for c in parts if c in _TONE_MARKS)
        try:
            out += (base + tones).encode("cp1258")
        except UnicodeEncodeError:
            out += ch.encode("cp1258", errors="xmlcharrefreplace")
    return bytes(out)


COOKIE = ('<div id="cookie-consent" class="cookie-banner" style="position:fixed;bottom:0;width:100%">'
          'Website sử dụng cookie để nâng cao trải nghiệm của bạn. <a href="/chinh-sach">Tìm hiểu thêm</a>'
          ' <button onclick="acceptCookie()">Đồng ý</button></div>')
GA = ("<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-XXXX\"></script>"
      "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"
      "gtag('js',new Date());gtag('config','G-XXXX');</script>")


# ---------------------------------------------------------------- H01 Liferay provincial portal
def liferay(s, body):
    return f"""<!DOCTYPE html>
<html class="ltr" dir="ltr" lang="vi-VN">
<head>
<title>{esc(s['title'])} - Cổng thông tin điện tử tỉnh Đắk Lắk</title>
<meta content="text/html; charset=UTF-8" http-equiv="content-type" />
<meta content="Cổng thông tin điện tử tỉnh Đắk Lắk" name="description" />
<link href="/o/daklak-theme/images/favicon.ico" rel="icon" />
<link href="/o/frontend-theme-font-awesome-web/css/main.css" rel="stylesheet" type="text/css" />
<script>var Liferay = Liferay || {{}}; Liferay.Browser = {{acceptsGzip: function() {{return true;}}}}; themeDisplay = {{getLanguageId: function() {{return "vi_VN";}}}};</script>
{GA}
</head>
<body class="controls-visible yui3-skin-sam guest-site signed-out public-page site">
<div class="d-flex flex-column min-vh-100">
<div class="d-flex flex-column flex-fill" id="wrapper">
<header id="banner" role="banner">
 <div class="top-bar"><span class="date-today">Thứ Hai, 12/11/2018</span>
  <a href="/web/guest/dang-nhap">Đăng nhập</a> | <a href="/web/english">English</a></div>
 <div class="logo"><a href="/"><img alt="Cổng thông tin điện tử tỉnh Đắk Lắk" src="/documents/logo.png" /></a>
  <h1 class="site-title">CỔNG THÔNG TIN ĐIỆN TỬ TỈNH ĐẮK LẮK</h1></div>
 <nav class="navbar" id="navigation" role="navigation"><ul aria-label="Trang của site" role="menubar">
  <li><a href="/web/guest/trang-chu">Trang chủ</a></li><li><a href="/web/guest/gioi-thieu">Giới thiệu</a></li>
  <li class="selected"><a href="/web/guest/tin-tuc">Tin tức - Sự kiện</a></li><li><a href="/web/guest/chinh-quyen">Chính quyền</a></li>
  <li><a href="/web/guest/cong-dan">Công dân</a></li><li><a href="/web/guest/doanh-nghiep">Doanh nghiệp</a></li>
  <li><a href="https://dichvucong.daklak.gov.vn">Dịch vụ công</a></li></ul></nav>
</header>
<section id="content">
<div class="columns-2-70-30" id="main-content" role="main"><div class="portlet-layout row">
<div class="col-md-8 portlet-column" id="column-1">
<div class="portlet-boundary portlet-boundary_com_liferay_journal_content_web_portlet_JournalContentPortlet_">
<ol class="breadcrumb"><li class="breadcrumb-item"><a href="/">Trang chủ</a></li>
<li class="breadcrumb-item"><a href="/web/guest/tin-tuc">Tin tức - Sự kiện</a></li>
<li class="breadcrumb-item active">Thời sự - Chính trị</li></ol>
<div class="journal-content-article" data-analytics-asset-id="8812345">
<div class="news-detail">
<h2 class="news-title">{esc(s['title'])}</h2>
<div class="news-meta"><span class="news-date">Cập nhật lúc: 10:47 11/11/2018</span>
<span class="font-size">Cỡ chữ: <a href="#" onclick="changeFont(-1)">A-</a> <a href="#" onclick="changeFont(0)">A</a> <a href="#" onclick="changeFont(1)">A+</a></span>
<span class="print"><a href="javascript:window.print()">In bài viết</a></span> <span class="email"><a href="mailto:?subject=Tin">Gửi email</a></span></div>
<div class="news-content">
{body}
<p style="text-align:right"><strong>Theo TTXVN</strong></p>
</div>
<div class="news-views">Số lượt xem: 1.027</div>
</div></div>
<div class="other-news"><h3>Tin khác</h3><ul>
<li><a href="/tin-tuc/-/1">Đắk Lắk tổng kết Ngày hội Đại đoàn kết toàn dân tộc năm 2018</a> <span>(10/11/2018)</span></li>
<li><a href="/tin-tuc/-/2">Hội nghị Tỉnh ủy lần thứ 13 khóa XVI</a> <span>(08/11/2018)</span></li>
<li><a href="/tin-tuc/-/3">Krông Ana ra mắt mô hình dân vận khéo</a> <span>(05/11/2018)</span></li></ul></div>
</div></div>
<div class="col-md-4 portlet-column" id="column-2">
<div class="portlet"><h3 class="portlet-title">Thông tin cần biết</h3><ul><li>Lịch công tác</li><li>Thủ tục hành chính</li><li>Hỏi đáp</li></ul></div>
<div class="portlet weather"><h3>Thời tiết</h3><p>Buôn Ma Thuột 24°C - Có mây</p></div>
<div class="portlet"><h3>Thống kê truy cập</h3><p>Đang truy cập: 52</p><p>Tổng số: 12.345.678</p></div>
</div></div></div>
</section>
<footer id="footer" role="contentinfo"><p><strong>CỔNG THÔNG TIN ĐIỆN TỬ TỈNH ĐẮK LẮK</strong></p>
<p>Cơ quan chủ quản: Ủy ban nhân dân tỉnh Đắk Lắk. Địa chỉ: 09 Lê Duẩn, TP. Buôn Ma Thuột</p>
<p>Ghi rõ nguồn "Cổng thông tin điện tử tỉnh Đắk Lắk" khi phát hành lại thông tin từ website này.</p>
<p class="powered-by">Powered By <a href="http://www.liferay.com" rel="external">Liferay</a></p></footer>
</div></div>
{COOKIE}
<script src="/o/frontend-js-web/liferay/aui_loader.js" type="text/javascript"></script>
</body></html>
"""


page(id="h01_liferay_daklak", family="Liferay provincial portal", source="vietnews/test/014827",
     url="https://daklak.gov.vn/web/guest/tin-tuc/-/asset_publisher/ngay-hoi-dai-doan-ket-dur-kmal",
     title="Tổng Bí thư, Chủ tịch nước dự Ngày hội Đại đoàn kết cùng đồng bào Dur Kmăl",
     published="2018-11-11T10:47", author=None, province="Đắk Lắk",
     order="0-2,28,3-19,29,20-26", captions="28,29", caption_style="figure", shell=liferay,
     note="'Theo TTXVN' is a source credit; 'Cập nhật lúc: 10:47 11/11/2018' is the date")


# ---------------------------------------------------------------- H02 SharePoint city portal
def sharepoint(s, body):
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html dir="ltr" lang="vi-VN" xmlns:o="urn:schemas-microsoft-com:office:office">
<head><meta http-equiv="X-UA-Compatible" content="IE=10" /><meta name="GENERATOR" content="Microsoft SharePoint" />
<meta http-equiv="Content-type" content="text/html; charset=utf-8" />
<title>
	{esc(s['title'])}
</title>
<link rel="stylesheet" type="text/css" href="/_layouts/15/1066/styles/Themable/corev15.css?rev=OqAycmyMLoQIDkAlzHdMhQ%3D%3D"/>
<script type="text/javascript" src="/_layouts/15/init.js?rev=ZJRnf4I8ygIoFuo1oOSjZg%3D%3D"></script>
<script type="text/javascript">var _spPageContextInfo = {{webServerRelativeUrl: "\\u002f", webLanguage: 1066, currentLanguage: 1066}};</script>
</head>
<body scroll="yes">
<form method="post" action="./chu-tich-xa-phuong.aspx" id="aspnetForm">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUBMA9kFgJmD2QWAgIBD2QWBAIBD2QWAgIFD2QWAmYPZBYCAgEPFgIeE1ByZXZpb3VzQ29udHJvbE1vZGULKYgBTWljcm9zb2Z0" />
<div id="s4-workspace"><div id="s4-bodyContainer">
<div class="header-top"><span class="today">Thứ Tư, 30/01/2019</span> <a href="/en">English</a></div>
<div class="banner"><img src="/PublishingImages/banner-hcm.png" alt="Cổng thông tin điện tử Thành phố Hồ Chí Minh"/></div>
<div class="menu-top"><ul class="root static"><li class="static"><a class="static menu-item" href="/">Trang chủ</a></li>
<li class="static"><a class="static menu-item" href="/gioi-thieu">Giới thiệu</a></li><li class="static selected"><a class="static menu-item" href="/tin-tuc">Tin tức - Sự kiện</a></li>
<li class="static"><a class="static menu-item" href="/chinh-quyen">Chính quyền</a></li><li class="static"><a class="static menu-item" href="/cong-dan">Công dân</a></li></ul></div>
<div class="breadcrumb"><span><a href="/">Trang chủ</a></span> &gt; <span><a href="/tin-tuc">Tin tức - Sự kiện</a></span> &gt; <span>Cải cách hành chính</span></div>
<div class="ms-webpart-zone ms-fullWidth"><div class="ms-webpart-chrome ms-webpart-chrome-fullWidth">
<div class="ms-rtestate-field">
<div class="news-detail">
<div class="title-news">{esc(s['title'])}</div>
<div class="date-news">30/01/2019 09:12</div>
<div class="sapo"><strong>{esc(s['_paras'][0])}</strong></div>
<div class="content-news">
{s['_rest']}
</div>
<div class="author-news" style="text-align:right"><b>Thanh Tâm</b></div>
<div class="share-news"><a href="#">Chia sẻ</a> | <a href="javascript:print()">Bản in</a> | <a href="#">Gửi bài viết</a></div>
</div>
<div class="other-news"><div class="title">Các tin đã đưa</div>
<ul><li><a href="/tin-tuc/1">Quận 1 ra mắt Trung tâm Hành chính công</a> (29/01/2019)</li>
<li><a href="/tin-tuc/2">Tiếp nhận hồ sơ ngoài giờ tại phường Bến Thành</a> (28/01/2019)</li></ul></div>
</div></div></div>
<div class="footer">Cơ quan chủ quản: Ủy ban nhân dân Thành phố Hồ Chí Minh<br/>Địa chỉ: 86 Lê Thánh Tôn, phường Bến Nghé, Quận 1
<br/>Ghi rõ nguồn "Cổng Thông tin điện tử Thành phố" khi phát hành lại thông tin từ website này.</div>
</div></div>
<script type="text/javascript">//<![CDATA[
var g_presenceEnabled = true; var _spWebPartComponents = new Object();
//]]></script>
</form></body></html>
"""


page(id="h02_sharepoint_hcm", family="SharePoint city portal", source="vietnews/train/071532",
     url="https://hochiminhcity.gov.vn/tin-tuc/-/khen-thuong-24-chu-tich-xa-phuong-thi-tran",
     title="TP. HCM: Khen thưởng 24 Chủ tịch xã, phường, thị trấn có thành tích xuất sắc",
     published="2019-01-30T09:12", author="Thanh Tâm", province="Hồ Chí Minh",
     order="0-13,15,14", captions="15", caption_style="table", shell=sharepoint, split_lead=True)


# ---------------------------------------------------------------- H03 DNN portal (national MTTQ news)
def dnn(s, body):
    return f"""<!DOCTYPE html>
<html  lang="vi-VN">
<head id="Head"><meta content="text/html; charset=UTF-8" http-equiv="Content-Type" />
<title>{esc(s['title'])}</title>
<meta id="MetaDescription" name="DESCRIPTION" content="{esc(s['_paras'][0][:150])}" />
<meta name="GENERATOR" content="DotNetNuke " />
<link href="/Portals/_default/Skins/MTTQ/skin.css?cdv=188" type="text/css" rel="stylesheet"/>
<script src="/Resources/libraries/jQuery/03_05_01/jquery.js?cdv=188" type="text/javascript"></script>
</head>
<body id="Body">
<form method="post" action="/tin-tuc/t/can-bo-mat-tran" id="Form" enctype="multipart/form-data">
<div class="aspNetHidden"><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="y3vXq0kC..." /></div>
<div id="dnn_ControlPanel"></div>
<div class="skin-wrapper">
<div class="top-links"><a id="dnn_dnnLOGIN_loginLink" href="/Login">Đăng nhập</a> | <a href="/Register">Đăng ký</a></div>
<div class="header"><a href="/"><img src="/Portals/0/logo.png" alt="Mặt trận Tổ quốc Việt Nam"/></a></div>
<div id="dnn_pnav" class="main-nav"><ul><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li><li><a href="/tin-tuc">Tin tức</a></li><li><a href="/phong-trao">Phong trào - Cuộc vận động</a></li><li><a href="/lien-he">Liên hệ</a></li></ul></div>
<div class="content-wrapper"><div id="dnn_ContentPane" class="col-md-9">
<div class="DnnModule DnnModule-EasyDNNnews"><div class="eds_news_module_412 news eds_subCollection_news eds_news_Ozone">
<div class="edn_article edn_clearFix">
<div class="breadcrumbs"><a href="/">Trang chủ</a> » <a href="/tin-tuc">Tin tức</a></div>
<h1 class="edn_articleTitle">{esc(s['title'])}</h1>
<div class="edn_metaDetails"><time>13/10/2017</time> <span class="edn_articleCategories">Tin hoạt động</span>
<span class="edn_numberOfViews">Lượt xem: 2.190</span></div>
<div class="edn_articleContent">
{body}
</div>
<div class="edn_articleAuthor">Tác giả: <a href="/tac-gia/vv-tuan">V.V. Tuấn</a></div>
<div class="edn_articleRating">Đánh giá: <span class="stars">★★★★☆</span> (12 lượt đánh giá)</div>
<div class="edn_socialPrintWrapper"><a class="edn_printButton" href="#">In</a> <a href="https://www.facebook.com/sharer.php">Facebook</a> <a href="https://zalo.me/share">Zalo</a></div>
</div>
<div class="edn_relatedArticles"><h2>Tin liên quan</h2><ul><li><a href="/tin-tuc/1">Biểu dương cán bộ Mặt trận cơ sở tiêu biểu tỉnh Kiên Giang</a></li><li><a href="/tin-tuc/2">Hội nghị Đoàn Chủ tịch lần thứ 12</a></li></ul></div>
</div></div></div>
<div id="dnn_RightPane" class="col-md-3"><div class="box"><h3>Văn bản mới</h3><ul><li>Nghị quyết liên tịch số 403</li><li>Hướng dẫn số 27</li></ul></div></div>
</div>
<div class="footer"><span id="dnn_dnnCOPYRIGHT_lblCopyright" class="SkinObject">Copyright 2017 by Ủy ban Trung ương MTTQ Việt Nam</span> | <a href="/Terms">Điều khoản</a></div>
</div>
{COOKIE}
</form></body></html>
"""


page(id="h03_dnn_mttq", family="DNN (EasyDNNnews) national front site", source="vietnews/train/019526",
     url="http://mattran.example.vn/tin-tuc/t/can-bo-mat-tran-co-so-het-long-vi-dan",
     title="Những cán bộ mặt trận cơ sở hết lòng vì dân",
     published="2017-10-13", author="V.V. Tuấn", province=None, province_ambiguous=True,
     order="0-9", captions="9", caption_style="div", shell=dnn,
     note="national meeting in Hà Nội naming people of several provinces: province not scored")


# ---------------------------------------------------------------- H04 Joomla 3 (Ban Trị sự / city religion news)
def joomla(s, body):
    return f"""<!DOCTYPE html>
<html lang="vi-vn" dir="ltr">
<head>
	<meta name="viewport" content="width=device-width, initial-scale=1.0" />
	<meta charset="utf-8" />
	<base href="https://dantoc-tongiao.example.vn/tin-tuc/ton-giao/1234-phuc-chuc-tru-tri" />
	<meta name="author" content="Super User" />
	<meta name="generator" content="Joomla! - Open Source Content Management" />
	<title>{esc(s['title'])} - Ban Tôn giáo TP. Hồ Chí Minh</title>
	<link href="/templates/protostar/favicon.ico" rel="shortcut icon" type="image/vnd.microsoft.icon" />
	<link href="/templates/protostar/css/template.css?8d2b0f5f" rel="stylesheet" />
	<script src="/media/jui/js/jquery.min.js?8d2b0f5f"></script>
	<script>jQuery(function($){{ initTooltips(); }});</script>
</head>
<body class="site com_content view-article no-layout no-task itemid-112">
<div class="body" id="top"><div class="container">
<header class="header" role="banner"><div class="header-inner clearfix">
<a class="brand pull-left" href="/"><span class="site-title" title="Ban Tôn giáo">Ban Tôn giáo Thành phố</span></a>
<div class="header-search pull-right"><form action="/tin-tuc" method="post" class="form-inline"><label for="mod-search-searchword">Tìm kiếm...</label><input name="searchword" id="mod-search-searchword" type="search" placeholder="Tìm kiếm..." /></form></div>
</div></header>
<nav class="navigation" role="navigation"><ul class="nav menu nav-pills mod-list">
<li class="item-101 default"><a href="/">Trang chủ</a></li><li class="item-110"><a href="/gioi-thieu">Giới thiệu</a></li><li class="item-112 current active"><a href="/tin-tuc">Tin tức</a></li><li class="item-113"><a href="/van-ban">Văn bản</a></li><li class="item-114"><a href="/lien-he">Liên hệ</a></li></ul></nav>
<div class="row-fluid">
<main id="content" role="main" class="span9">
<ul itemscope itemtype="https://schema.org/BreadcrumbList" class="breadcrumb"><li>Bạn đang ở: &#160;</li>
<li itemprop="itemListElement"><a itemprop="item" href="/" class="pathway"><span itemprop="name">Trang chủ</span></a><span class="divider"> / </span></li>
<li itemprop="itemListElement"><a itemprop="item" href="/tin-tuc" class="pathway"><span itemprop="name">Tin tức</span></a><span class="divider"> / </span></li>
<li itemprop="itemListElement" class="active"><span itemprop="name">Tôn giáo</span></li></ul>
<div class="item-page" itemscope itemtype="https://schema.org/Article">
<meta itemprop="inLanguage" content="vi-VN" />
<div class="page-header"><h2 itemprop="headline">{esc(s['title'])}</h2></div>
<div class="icons"><div class="btn-group pull-right"><a class="btn dropdown-toggle" data-toggle="dropdown" href="#"><span class="icon-cog"></span><span class="caret"></span></a>
<ul class="dropdown-menu"><li class="print-icon"><a href="?tmpl=component&amp;print=1" rel="nofollow">In</a></li><li class="email-icon"><a href="/component/mailto/?tmpl=component" rel="nofollow">Email</a></li></ul></div></div>
<dl class="article-info muted">
<dt class="article-info-term">Chi tiết</dt>
<dd class="createdby" itemprop="author" itemscope itemtype="https://schema.org/Person">Viết bởi <span itemprop="name">Super User</span></dd>
<dd class="category-name">Chuyên mục: <a href="/tin-tuc/ton-giao" itemprop="genre">Tôn giáo</a></dd>
<dd class="published"><span class="icon-calendar" aria-hidden="true"></span><time datetime="2020-11-01T07:02:14+07:00" itemprop="datePublished">Được đăng ngày Chủ nhật, 01 Tháng 11 2020 07:02</time></dd>
<dd class="hits"><span class="icon-eye-open" aria-hidden="true"></span><meta itemprop="interactionCount" content="UserPageVisits:1417" />Lượt xem: 1417</dd>
</dl>
<div itemprop="articleBody">
{body}
<p style="text-align: right;"><strong>Ngọc Tân</strong></p>
</div>
<ul class="pager pagenav"><li class="previous"><a class="hasTooltip" title="Lễ Vu lan" href="/tin-tuc/1233" rel="prev"><span class="icon-chevron-left"></span> Trước</a></li>
<li class="next"><a class="hasTooltip" title="Hội nghị" href="/tin-tuc/1235" rel="next">Tiếp theo <span class="icon-chevron-right"></span></a></li></ul>
</div>
</main>
<div id="aside" class="span3"><div class="well "><h3 class="page-header">Bài viết mới</h3><ul class="latestnews mod-list">
<li><a href="/tin-tuc/1240">Gặp mặt chức sắc các tôn giáo nhân dịp cuối năm</a></li><li><a href="/tin-tuc/1239">Đại lễ Vu lan báo hiếu năm 2020</a></li></ul></div>
<div class="well "><h3 class="page-header">Thống kê</h3><p>Đang trực tuyến: 8</p><p>Lượt truy cập: 823.114</p></div></div>
</div></div></div>
<footer class="footer" role="contentinfo"><div class="container"><hr /><p class="pull-right"><a href="#top" id="back-top">Về đầu trang</a></p>
<p>&copy; 2020 Ban Tôn giáo Thành phố Hồ Chí Minh</p></div></footer>
</body></html>
"""


page(id="h04_joomla_hcm_religion", family="Joomla 3 government-office site", source="unc/news_society_009",
     url="https://dantoc-tongiao.example.vn/tin-tuc/ton-giao/1234-phuc-chuc-tru-tri",
     title="Hòa thượng Thích Thiện Chiếu được phục chức trụ trì chùa Kỳ Quang 2",
     published="2020-11-01T07:02", author="Ngọc Tân", province="Hồ Chí Minh",
     order="1-20", shell=joomla,
     note="'Viết bởi Super User' is the account, not the author")


# ---------------------------------------------------------------- H05 Drupal 9 (city MTTQ news)
def drupal(s, body):
    return f"""<!DOCTYPE html>
<html lang="vi" dir="ltr" prefix="content: http://purl.org/rss/1.0/modules/content/  og: https://ogp.me/ns#">
  <head>
    <meta charset="utf-8" />
<meta name="Generator" content="Drupal 9 (https://www.drupal.org)" />
<meta name="MobileOptimized" content="width" />
<meta property="og:title" content="{esc(s['title'])}" />
<meta property="og:type" content="article" />
<meta property="article:published_time" content="2017-12-19T16:41:00+07:00" />
<link rel="canonical" href="{s['url']}" />
    <title>{esc(s['title'])} | Ủy ban MTTQ Việt Nam TP. Hồ Chí Minh</title>
    <link rel="stylesheet" media="all" href="/sites/default/files/css/css_aB3k9.css" />
    <script type="application/json" data-drupal-selector="drupal-settings-json">{{"path":{{"baseUrl":"\\/","currentLanguage":"vi"}},"pluralDelimiter":"\\u0003"}}</script>
  </head>
  <body class="path-node page-node-type-article">
        <a href="#main-content" class="visually-hidden focusable skip-link">Nhảy tới nội dung</a>
      <div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas>
    <div class="layout-container">
  <header role="banner"><div class="region region-header">
    <div id="block-sitebranding"><a href="/" rel="home">Mặt trận Tổ quốc Việt Nam Thành phố Hồ Chí Minh</a></div>
  </div></header>
  <div class="region region-primary-menu"><nav role="navigation" aria-labelledby="block-mainnavigation-menu" id="block-mainnavigation">
    <h2 class="visually-hidden" id="block-mainnavigation-menu">Main navigation</h2>
    <ul class="menu"><li class="menu-item"><a href="/">Trang chủ</a></li><li class="menu-item menu-item--active-trail"><a href="/tin-tuc">Tin tức</a></li><li class="menu-item"><a href="/dan-toc-ton-giao">Dân tộc - Tôn giáo</a></li><li class="menu-item"><a href="/giam-sat">Giám sát - Phản biện</a></li></ul>
  </nav></div>
  <div class="region region-breadcrumb"><nav class="breadcrumb" role="navigation"><ol><li><a href="/">Trang chủ</a></li><li><a href="/dan-toc-ton-giao">Dân tộc - Tôn giáo</a></li></ol></nav></div>
  <main role="main"><a id="main-content" tabindex="-1"></a>
    <div class="layout-content"><div class="region region-content">
<article role="article" about="/node/4521" class="node node--type-article node--view-mode-full">
  <h1 class="page-title"><span class="field field--name-title">{esc(s['title'])}</span></h1>
  <footer class="node__meta"><div class="node__submitted">Gửi bởi <span class="field field--name-uid"><span>bientap02</span></span> vào <span class="field field--name-created">T3, 19/12/2017 - 16:41</span></div></footer>
  <div class="node__content">
  <div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item">
{body}
<p class="text-align-right"><strong>BẢO ANH</strong></p>
  </div>
  <div class="field field--name-field-tags field--type-entity-reference field--label-above"><div class="field__label">Từ khóa</div>
    <div class="field__items"><div class="field__item"><a href="/taxonomy/term/11" hreflang="vi">Giáng sinh</a></div><div class="field__item"><a href="/taxonomy/term/12" hreflang="vi">Công giáo</a></div></div></div>
  <section class="comment-section"><h2>Bình luận</h2><p><a href="/user/login">Đăng nhập</a> để gửi bình luận</p></section>
  </div>
</article>
<div class="views-element-container block"><h2>Tin cùng chuyên mục</h2><div class="item-list"><ul>
<li><a href="/node/4519">Thăm, chúc mừng Hội thánh Tin lành Việt Nam (miền Nam)</a></li><li><a href="/node/4515">Gặp mặt chức sắc tôn giáo tiêu biểu năm 2017</a></li></ul></div></div>
    </div></div>
  </main>
  <footer role="contentinfo"><div class="region region-footer"><p>Bản quyền thuộc Ủy ban MTTQ Việt Nam TP. Hồ Chí Minh - 55 Mạc Đĩnh Chi, Quận 1</p></div></footer>
</div></div>
<script src="/sites/default/files/js/js_x8Ab.js"></script>
</body></html>
"""


page(id="h05_drupal_hcm_christmas", family="Drupal 9 front site", source="vietnews/train/012992",
     url="https://mattran.example.org.vn/tin-tuc/lanh-dao-tp-tham-chuc-mung-giang-sinh-2017",
     title="Lãnh đạo TP. HCM thăm, chúc mừng các cơ sở tôn giáo nhân dịp Giáng sinh năm 2017",
     published="2017-12-19T16:41", author="BẢO ANH", province="Hồ Chí Minh",
     order="0-1,14,2-13,15", captions="14,15", caption_style="figure", shell=drupal,
     note="'Gửi bởi bientap02' is the account; the byline is the capitals line at the end")


# ---------------------------------------------------------------- H06 VnExpress-like national daily
def vnexpress(s, body):
    return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>{esc(s['title'])} - VnExpress</title>
<meta name="description" content="{esc(s['_paras'][0])}">
<meta property="og:title" content="{esc(s['title'])}">
<meta name="pubdate" content="2018-02-21T11:05:00+07:00">
<meta itemprop="datePublished" content="2018-02-21T11:05:00+07:00">
<link rel="stylesheet" href="https://s1.vnecdn.net/vnexpress/restruct/c/v1005/pc/prod/article.css">
<style>.fck_detail p{{margin:0 0 1em;line-height:1.6}} .Image{{font-size:14px;color:#4f4f4f}}</style>
<script>var article_id = 3713456; var PageType = 'detail';</script>
</head>
<body>
<header class="section header"><div class="container"><a class="logo" href="/" title="VnExpress">VnExpress</a>
<span class="time-now">Thứ tư, 21/2/2018</span>
<nav class="main-nav"><ul><li><a href="/thoi-su">Thời sự</a></li><li><a href="/goc-nhin">Góc nhìn</a></li><li><a href="/the-gioi">Thế giới</a></li><li><a href="/kinh-doanh">Kinh doanh</a></li><li><a href="/phap-luat">Pháp luật</a></li></ul></nav></div></header>
<section class="section page-detail top-detail"><div class="container">
<div class="sidebar-1">
<div class="header-content width_common"><ul class="breadcrumb"><li><a href="/thoi-su">Thời sự</a></li><li><a href="/thoi-su/chinh-tri">Chính trị</a></li></ul>
<span class="date">Thứ tư, 21/2/2018, 11:05 (GMT+7)</span></div>
<h1 class="title-detail">{esc(s['title'])}</h1>
<p class="description">{esc(s['_paras'][0])}</p>
<article class="fck_detail">
{s['_rest']}
<p class="Normal" style="text-align:right;"><strong>Võ Hải</strong></p>
</article>
<div class="footer-content"><div class="box-tag"><h4>Tags</h4><a href="/tag/hau-a-lenh">Hầu A Lềnh</a> <a href="/tag/mat-tran-to-quoc">Mặt trận Tổ quốc</a></div>
<div class="social_share"><a class="btn_facebook" href="#">Chia sẻ</a> <a class="btn_twitter" href="#">Tweet</a> <a class="link_copy" href="#">Sao chép liên kết</a></div></div>
<div class="box-comment" id="box_comment_vne"><h3>Ý kiến (0)</h3><textarea placeholder="Ý kiến của bạn"></textarea><button>Gửi</button></div>
<div class="box-tinlienquan"><h3>Tin liên quan</h3><ul><li><a href="/1">Ông Hầu A Lềnh được bầu làm Phó chủ tịch MTTQ Việt Nam</a></li></ul></div>
</div>
<div class="sidebar-2"><div class="box-category"><h3>Xem nhiều</h3><ol><li>Tin 1</li><li>Tin 2</li></ol></div>
<div class="banner-300"><script>googletag.cmd.push(function() {{ googletag.display('div-gpt-ad-300'); }});</script></div></div>
</div></section>
<footer class="footer"><p>Báo tiếng Việt nhiều người xem nhất</p><p>Thuộc Bộ Khoa học và Công nghệ. Số giấy phép: 548/GP-BTTTT</p><p>© 1997-2018. Toàn bộ bản quyền thuộc VnExpress</p></footer>
</body></html>
"""


page(id="h06_vnexpress_haualenh", family="national daily (VnExpress-like markup)", source="vietnews/train/090873",
     url="https://vnexpress.example.net/ong-hau-a-lenh-lam-pho-bi-thu-dang-doan-mat-tran-3713456.html",
     title="Ông Hầu A Lềnh làm Phó bí thư đảng đoàn Mặt trận Tổ quốc",
     published="2018-02-21T11:05", author="Võ Hải", province=None, province_ambiguous=True,
     order="0-10", captions="3", caption_style="table", shell=vnexpress,
     note="national appointment; Lào Cai named only as his home province: province not scored")


# ---------------------------------------------------------------- H07 Tuổi Trẻ-like national daily
def tuoitre(s, body):
    return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{esc(s['title'])} - Tuổi Trẻ Online</title>
<meta property="og:title" content="{esc(s['title'])}" />
<meta property="article:published_time" content="2018-05-23T15:31:00+07:00" />
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{esc(s['title'])}","datePublished":"2018-05-23T15:31:00+07:00","author":{{"@type":"Person","name":"LÊ TRUNG"}},"publisher":{{"@type":"Organization","name":"Tuổi Trẻ Online"}}}}</script>
<link href="https://statictuoitre.mediacdn.vn/web_css/20180512/tto.detail.min.css" rel="stylesheet" />
</head>
<body>
<div id="header"><div class="header-top"><a class="logo" href="/">Tuổi Trẻ Online</a><a class="login" href="https://id.tuoitre.vn">Đăng nhập</a></div>
<ul class="menu-nav"><li><a href="/thoi-su.htm">Thời sự</a></li><li><a href="/the-gioi.htm">Thế giới</a></li><li><a href="/phap-luat.htm">Pháp luật</a></li><li><a href="/kinh-doanh.htm">Kinh doanh</a></li><li><a href="/nhip-song-tre.htm">Nhịp sống trẻ</a></li></ul></div>
<div class="content-detail">
<div class="w980 clearfix">
<ul class="breadcrumb"><li><a href="/thoi-su.htm">Thời sự</a></li><li><a href="/xa-hoi.htm">Xã hội</a></li></ul>
<div class="date-time">23/05/2018 15:31 GMT+7</div>
<h1 class="article-title">{esc(s['title'])}</h1>
<div class="column-first-second">
<div class="main-content-body">
<h2 class="sapo">TTO - {esc(s['_paras'][0])}</h2>
<div id="main-detail-body" class="content fck" itemprop="articleBody">
{s['_rest']}
</div>
<div class="author">LÊ TRUNG</div>
<div class="tags-container"><p class="tags-title">Từ khóa:</p><ul class="tags-wrapper"><li><a href="/dt-607.html">ĐT 607</a></li><li><a href="/cuong-che.html">cưỡng chế</a></li><li><a href="/dien-ban.html">Điện Bàn</a></li></ul></div>
<div class="share"><a class="facebook" href="#">Chia sẻ</a> <span class="like-count">Thích 37</span></div>
<div class="comment-wrapper"><div class="title">Bình luận (5)</div><div class="comment-item"><b>Nguyễn Văn A</b> Dân được bồi thường thỏa đáng thì ai cũng đồng thuận. <span>Trả lời</span> <span>Thích</span></div>
<a href="#" class="viewmore-comment">Xem thêm bình luận</a></div>
<div class="relate-news"><h3>Tin liên quan</h3><ul><li><a href="/1.htm">Cưỡng chế nhà dân giữa tuyến ĐT 607</a></li><li><a href="/2.htm">Quảng Nam kiểm điểm việc chậm bồi thường đường 607</a></li></ul></div>
</div></div>
<div class="column-third"><div class="box-most-view"><h3>Đọc nhiều</h3><ul><li>Tin A</li><li>Tin B</li></ul></div></div>
</div></div>
<div id="footer"><p>Tổng biên tập: Lê Thế Chữ. Giấy phép số 411/GP-BTTTT</p><p>Trụ sở: 60A Hoàng Văn Thụ, P.9, Q.Phú Nhuận, TP.HCM</p></div>
<script src="https://statictuoitre.mediacdn.vn/web_js/tto.detail.min.js"></script>
</body></html>
"""


page(id="h07_tuoitre_quangnam", family="national daily (Tuổi Trẻ-like markup)", source="vietnews/test/002468",
     url="https://tuoitre.example.vn/vi-sao-dan-phan-doi-lam-duong-dt-607-20180523153122.htm",
     title="Vì sao dân phản đối làm đường ĐT 607?",
     published="2018-05-23T15:31", author="LÊ TRUNG", province="Quảng Nam",
     order="0-1,13,2-6,14,7-11,15,12", captions="13-15", caption_style="p-em", shell=tuoitre,
     note="'TTO - ' is glued to the sapo; a caption says 'Người dân tập trung đến xem cưỡng chế'")


# ---------------------------------------------------------------- H08 Nhân Dân (2021 design)
def nhandan(s, body):
    return f"""<!DOCTYPE html>
<html lang="vi"><head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(s['title'])}</title>
<meta property="og:site_name" content="Báo Nhân Dân điện tử">
<meta property="og:title" content="{esc(s['title'])}">
<link rel="stylesheet" href="/assets/css/detail.css?v=2.1.7">
<style>.article__body p{{font-size:18px}} .article__meta{{color:#757575}}</style>
</head>
<body>
<div class="header"><div class="header__top"><span class="header__date">Thứ Sáu, ngày 30/04/2021</span> <a href="/en">English</a> <a href="/fr">Français</a></div>
<a class="header__logo" href="/"><img src="/assets/images/logo.png" alt="Báo Nhân Dân"></a>
<ul class="main-menu"><li><a href="/chinhtri">Chính trị</a></li><li><a href="/kinhte">Kinh tế</a></li><li><a href="/xahoi">Xã hội</a></li><li><a href="/phapluat">Pháp luật</a></li><li><a href="/bandoc">Bạn đọc</a></li></ul></div>
<main class="main"><div class="container"><div class="row">
<div class="col-lg-8">
<article class="article">
<div class="box-breadcrumb"><a href="/bandoc">Bạn đọc</a></div>
<h1 class="article__title cms-title">{esc(s['title'])}</h1>
<div class="article__meta"><span class="author"><a href="/tac-gia/binh-minh">BÌNH MINH</a></span>
<time class="time" datetime="2021-04-30T05:08:00+07:00">Thứ Sáu, 30-04-2021, 05:08</time></div>
<div class="article__sapo cms-desc">{esc(s['_paras'][0])}</div>
<div class="article__body cms-body">
{s['_rest']}
</div>
<div class="article__social"><span>Chia sẻ</span> <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a> <a href="#">In</a></div>
<div class="article__tag"><a href="/tag/bau-cu">#bầu cử</a> <a href="/tag/thanh-hoa">#Thanh Hóa</a></div>
</article>
<div class="box-related"><h2>Tin liên quan</h2><ul><li><a href="/1">Thanh Hóa hoàn tất hiệp thương lần thứ ba</a></li><li><a href="/2">Công bố danh sách chính thức người ứng cử đại biểu HĐND tỉnh</a></li></ul></div>
<div class="box-comment"><h3>Bình luận</h3><form><textarea placeholder="Nhập bình luận"></textarea><button type="submit">Gửi bình luận</button></form></div>
</div>
<div class="col-lg-4"><div class="box-most"><h3>Đọc nhiều</h3><ol><li>Tin 1</li><li>Tin 2</li></ol></div></div>
</div></div></main>
<footer class="footer"><p>Báo Nhân Dân - Cơ quan Trung ương của Đảng Cộng sản Việt Nam, Tiếng nói của Đảng, Nhà nước và nhân dân Việt Nam</p>
<p>© Bản quyền thuộc về Báo Nhân Dân. Cấm sao chép dưới mọi hình thức nếu không có sự chấp thuận bằng văn bản.</p></footer>
{COOKIE}
</body></html>
"""


page(id="h08_nhandan_thanhhoa", family="national Party paper (Nhân Dân 2021-like markup)", source="unc/news_society_093",
     url="https://nhandan.example.vn/bandoc/chu-tich-phuong-van-duoc-gioi-thieu-tai-cu-646110",
     title="Đang bị thanh tra chờ xử lý, Chủ tịch phường vẫn được giới thiệu tái cử",
     published="2021-04-30T05:08", author="BÌNH MINH", province="Thanh Hóa",
     order="0-18", captions="2,10", caption_style="figure", shell=nhandan)


# ---------------------------------------------------------------- H09 Báo Mới aggregator
def baomoi(s, body):
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"/>
<title>{esc(s['title'])} | Báo Mới</title>
<meta name="description" content="{esc(s['_paras'][0])}"/>
<meta property="og:title" content="{esc(s['title'])}"/>
<link rel="stylesheet" href="/_next/static/css/8a9b7c.css"/>
<script id="__NEXT_DATA__" type="application/json">{{"props":{{"pageProps":{{"resp":{{"data":{{"content":{{"id":38991234,"title":"{esc(s['title'])}","publisherName":"Dân trí","date":1619518632}}}}}}}}}},"page":"/[...slug]"}}</script>
</head><body>
<div id="__next"><div class="bm_Ai">
<header class="bm_H"><a class="bm_Logo" href="/">Báo Mới</a>
<nav class="bm_Nav"><a href="/tin-moi.epi">Mới nhất</a><a href="/tin-doc-quyen.epi">Tin độc quyền</a><a href="/thoi-su.epi">Thời sự</a><a href="/the-gioi.epi">Thế giới</a><a href="/kinh-te.epi">Kinh doanh</a><a href="/suc-khoe.epi">Sức khỏe</a></nav></header>
<div class="bm_Al"><div class="bm_At">
<div class="bm_S"><a class="bm_Cz" href="/thoi-su.epi">Thời sự</a></div>
<div class="bm_An"><a href="https://baomoi.com/dan-tri.epi" class="bm_AT">Dân trí</a> <time datetime="2021-04-27T17:17:12+07:00">27/04/2021 17:17</time></div>
<h1 class="bm_I">{esc(s['title'])}</h1>
<h3 class="bm_Ax bm_Cb">{esc(s['_paras'][0])}</h3>
<div class="bm_Az">
{s['_rest']}
<p class="bm_Q bm_R" style="text-align:right"><strong>Minh Anh</strong></p>
</div>
<div class="bm_Dv"><a href="https://dantri.com.vn/xa-hoi/an-giang-tam-dung-tiep-nhan.htm" rel="nofollow" target="_blank">Xem bài gốc</a></div>
<div class="bm_Dq"><span>Từ khóa:</span> <a href="/tag/An-Giang.epi">An Giang</a> <a href="/tag/Covid-19.epi">Covid-19</a></div>
<div class="bm_Dc"><h3>Tin cùng chuyên mục</h3><div class="bm_G"><a href="/1.epi">An Giang phát hiện 5 người nhập cảnh trái phép</a><span>Thanh Niên · 2 giờ trước</span></div>
<div class="bm_G"><a href="/2.epi">Bộ Y tế kiểm tra công tác phòng dịch tại biên giới Tây Nam</a><span>VnExpress · 3 giờ trước</span></div></div>
</div></div>
<footer class="bm_F"><p>Báo Mới không sản xuất nội dung, chỉ tổng hợp tin tức từ các nguồn báo chí chính thống.</p><p>Giấy phép số 3695/GP-TTĐT do Sở TT&amp;TT Hà Nội cấp</p></footer>
</div></div>
<script src="/_next/static/chunks/main-1a2b3c.js" async=""></script>
</body></html>
"""


page(id="h09_baomoi_angiang", family="news aggregator (Báo Mới-like, Next.js)", source="unc/news_society_029",
     url="https://baomoi.example.com/an-giang-tam-dung-tiep-nhan-cach-ly-nguoi-nhap-canh/c/38991234.epi",
     title="An Giang tạm dừng tiếp nhận cách ly người nhập cảnh đường hàng không",
     published="2021-04-27T17:17", author="Minh Anh", province="An Giang",
     order="1-16", captions="3", heads="8", caption_style="figure", shell=baomoi)


# ---------------------------------------------------------------- H10 provincial MTTQ site (ASP.NET MVC + Bootstrap)
def mttq_mvc(s, body):
    return f"""<!DOCTYPE html>
<html>
<head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    <title>{esc(s['title'])} - Ủy ban MTTQ Việt Nam tỉnh Quảng Trị</title>
    <link href="/Content/bootstrap.min.css" rel="stylesheet"/>
    <link href="/Content/site.css?v=637553" rel="stylesheet"/>
    <script src="/Scripts/modernizr-2.8.3.js"></script>
</head>
<body>
    <div class="top-header"><div class="container"><span class="ngay-hien-tai">Hôm nay: 15/11/2024</span>
    <ul class="list-inline pull-right"><li><a href="/Account/Login">Đăng nhập</a></li><li><a href="/Home/SiteMap">Sơ đồ trang</a></li></ul></div></div>
    <div class="banner"><div class="container"><img src="/Images/banner-mttq-qt.jpg" class="img-responsive" alt="Banner"/></div></div>
    <nav class="navbar navbar-default"><div class="container"><ul class="nav navbar-nav">
    <li><a href="/">TRANG CHỦ</a></li><li><a href="/gioi-thieu">GIỚI THIỆU</a></li><li class="active"><a href="/tin-tuc">TIN TỨC</a></li><li><a href="/cuoc-van-dong">CUỘC VẬN ĐỘNG</a></li><li><a href="/van-ban">VĂN BẢN</a></li><li><a href="/lien-he">LIÊN HỆ</a></li></ul></div></nav>
    <div class="container body-content"><div class="row">
    <div class="col-md-9">
        <ol class="breadcrumb"><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức</a></li><li class="active">Tin trong tỉnh</li></ol>
        <div class="panel panel-default chi-tiet-tin"><div class="panel-body">
            <h3 class="tieu-de-tin">{esc(s['title'])}</h3>
            <p class="ngay-dang"><i class="glyphicon glyphicon-time"></i> 29/04/2021 15:48 &nbsp; <i class="glyphicon glyphicon-eye-open"></i> 318 lượt xem</p>
            <div class="noi-dung-tin">
{body}
            </div>
            <p class="tac-gia text-right"><b>Đăng Đức</b> (Theo Báo Dân trí)</p>
            <div class="chia-se"><span>Chia sẻ:</span> <a href="#" class="btn btn-primary btn-xs">Facebook</a> <a href="#" class="btn btn-info btn-xs">Zalo</a> <a href="javascript:window.print()" class="btn btn-default btn-xs">In bài</a></div>
        </div></div>
        <div class="panel panel-default"><div class="panel-heading">Các tin khác</div><ul class="list-group">
        <li class="list-group-item"><a href="/tin-tuc/1">MTTQ tỉnh thăm, tặng quà lực lượng chống dịch tại Lao Bảo</a> <small>(28/04/2021)</small></li>
        <li class="list-group-item"><a href="/tin-tuc/2">Hướng Hóa: Vận động nhân dân tham gia phòng chống dịch</a> <small>(26/04/2021)</small></li></ul></div>
    </div>
    <div class="col-md-3"><div class="panel panel-primary"><div class="panel-heading">Liên kết</div><div class="panel-body"><select class="form-control"><option>-- Chọn website --</option><option>Cổng TTĐT tỉnh Quảng Trị</option></select></div></div>
    <div class="panel panel-primary"><div class="panel-heading">Thống kê truy cập</div><div class="panel-body">Online: 15<br/>Tổng: 1.002.345</div></div></div>
    </div></div>
    <footer><div class="container"><p>Bản quyền thuộc Ủy ban MTTQ Việt Nam tỉnh Quảng Trị</p><p>Địa chỉ: 45 Hùng Vương, TP. Đông Hà, tỉnh Quảng Trị</p></div></footer>
    <script src="/Scripts/jquery-3.4.1.min.js"></script><script src="/Scripts/bootstrap.min.js"></script>
</body>
</html>
"""


page(id="h10_mttq_quangtri", family="provincial Mặt trận site (ASP.NET MVC)", source="unc/news_society_082",
     url="http://mttq.quangtri.example.vn/tin-tuc/bien-phong-thiet-lap-vanh-dai-kiem-soat-1532",
     title="Covid-19 nóng rực, biên phòng thiết lập vành đai siết chặt kiểm soát",
     published="2021-04-29T15:48", author="Đăng Đức", province="Quảng Trị",
     order="0-21", captions="1,4,6,9,12,15", caption_style="div", shell=mttq_mvc,
     note="view count on the date line; crawl-day header date; byline with '(Theo Báo Dân trí)'")


# ---------------------------------------------------------------- H11 district e-portal (VNPT iGate-like)
def district_portal(s, body):
    return f"""<!DOCTYPE html>
<html lang="vi" xmlns="http://www.w3.org/1999/xhtml">
<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{esc(s['title'])}</title>
<link rel="stylesheet" href="/Portals/_default/Skins/CanGio/css/style.css" />
<style type="text/css">.ArticleContent{{text-align:justify}} .ArticleDate{{color:#888;font-style:italic}}</style>
<script type="text/javascript">function changeFontSize(n){{ var c=document.getElementById('ctnt'); c.style.fontSize=(14+n)+'px'; }}</script>
</head>
<body>
<div id="wrapper">
<div id="top"><div class="marquee"><marquee scrollamount="3">Chào mừng Kỳ họp thứ nhất HĐND huyện Cần Giờ khóa XI, nhiệm kỳ 2021 - 2026</marquee></div></div>
<div id="header"><img src="/images/banner-cangio.png" alt="CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN CẦN GIỜ"/></div>
<div id="menu"><a href="/">Trang chủ</a> | <a href="/gioi-thieu">Giới thiệu</a> | <a href="/tin-tuc">Tin tức - Sự kiện</a> | <a href="/nong-thon-moi">Nông thôn mới</a> | <a href="/thu-tuc-hanh-chinh">Thủ tục hành chính</a> | <a href="/hoi-dap">Hỏi đáp</a></div>
<div id="main">
<div id="left"><div class="box"><div class="box-title">Chuyên mục</div><ul><li>Tin trong huyện</li><li>Nông thôn mới</li><li>Cải cách hành chính</li></ul></div>
<div class="box"><div class="box-title">Tỷ giá</div><table class="tygia"><tr><td>USD</td><td>23.020</td></tr><tr><td>EUR</td><td>27.650</td></tr></table></div></div>
<div id="center">
<div class="path"><a href="/">Trang chủ</a> &raquo; <a href="/nong-thon-moi">Nông thôn mới</a></div>
<div class="ArticleTitle"><h1>{esc(s['title'])}</h1></div>
<div class="ArticleDate">Ngày 27/04/2021 - 12:31 &nbsp;|&nbsp; Cỡ chữ: <a href="javascript:changeFontSize(-1)">A-</a> <a href="javascript:changeFontSize(0)">A</a> <a href="javascript:changeFontSize(1)">A+</a></div>
<div class="ArticleContent" id="ctnt">
{body}
<p align="right"><b>Quốc Anh</b></p>
</div>
<div class="tools"><a href="#" onclick="window.print()">In trang</a> | <a href="mailto:?">Gửi email</a> | <a href="#top">Về đầu trang</a></div>
<div class="other"><b>Tin cùng chuyên mục:</b><ul><li><a href="/tin/1">Cần Giờ tổng kết 10 năm xây dựng nông thôn mới</a> (20/04/2021)</li><li><a href="/tin/2">Xã Thạnh An đón nhận quyết định xã đảo</a> (15/04/2021)</li></ul></div>
</div></div>
<div id="footer">CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN CẦN GIỜ<br/>Địa chỉ: Đường Lương Văn Nho, thị trấn Cần Thạnh, huyện Cần Giờ, TP. Hồ Chí Minh<br/>
Ghi rõ nguồn "Cổng thông tin điện tử huyện Cần Giờ" khi phát hành lại thông tin từ website này. Phát triển bởi VNPT TP. Hồ Chí Minh</div>
</div></body></html>
"""


page(id="h11_district_cangio", family="district portal (VNPT-style)", source="unc/news_society_073",
     url="https://cangio.hochiminhcity.example.vn/tin-tuc/can-gio-dat-chuan-nong-thon-moi",
     title="Chủ tịch TPHCM kỳ vọng Cần Giờ là cực tăng trưởng trong tương lai",
     published="2021-04-27T12:31", author="Quốc Anh", province="Hồ Chí Minh",
     order="0-23", captions="2,14", heads="18", caption_style="p-em", shell=district_portal,
     note="the source text has glued words (e.g. 'Chủtịch'): gold keeps them as they are")


# ---------------------------------------------------------------- H12 old table layout, windows-1258 (2008-era site)
def old_table_cp1258(s, body):
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">
<title>Ban Dan van Tinh uy Bac Kan - Tin tuc</title>
<link href="css/style.css" rel="stylesheet" type="text/css">
<script language="JavaScript" src="js/menu.js"></script>
<script language="JavaScript">
<!--
function MM_openBrWindow(theURL,winName,features) {{ window.open(theURL,winName,features); }}
//-->
</script>
</head>
<body bgcolor="#FFFFFF" leftmargin="0" topmargin="0" marginwidth="0" marginheight="0">
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td colspan="3"><img src="images/banner.jpg" width="980" height="150" alt="BAN DÂN VẬN TỈNH ỦY BẮC KẠN"></td></tr>
<tr><td colspan="3" bgcolor="#B40000" height="28" class="menu">
<a href="default.asp" class="menu">Trang chủ</a> | <a href="gioithieu.asp" class="menu">Giới thiệu</a> | <a href="tintuc.asp" class="menu">Tin tức</a> | <a href="vanban.asp" class="menu">Văn bản</a> | <a href="lienhe.asp" class="menu">Liên hệ</a></td></tr>
<tr>
<td width="200" valign="top" bgcolor="#F5F5F5">
<table width="100%" border="0" cellspacing="0" cellpadding="3">
<tr><td class="title_box">DANH MỤC</td></tr>
<tr><td><img src="images/arrow.gif"> <a href="tintuc.asp?cat=1">Tin hoạt động</a></td></tr>
<tr><td><img src="images/arrow.gif"> <a href="tintuc.asp?cat=2">Dân vận khéo</a></td></tr>
<tr><td><img src="images/arrow.gif"> <a href="tintuc.asp?cat=3">Gương điển hình</a></td></tr>
<tr><td class="title_box">LƯỢT TRUY CẬP</td></tr>
<tr><td align="center"><img src="counter.asp?digits=7"> 0152347</td></tr>
</table></td>
<td width="580" valign="top">
<table width="100%" border="0" cellspacing="0" cellpadding="5">
<tr><td class="path"><a href="default.asp">Trang chủ</a> &gt;&gt; <a href="tintuc.asp">Tin tức</a></td></tr>
<tr><td class="title_news"><font face="Arial" size="3" color="#B40000"><b>{esc(s['title'])}</b></font></td></tr>
<tr><td class="date_news"><font size="1" color="#666666">(Cập nhật: 03/08/2018 - 08:40)</font></td></tr>
<tr><td class="content_news"><font face="Arial" size="2">
{body}
<p align="right"><b>Chí Tuệ</b></p>
</font></td></tr>
<tr><td align="right"><a href="javascript:history.back()">[Trở về]</a> <a href="javascript:window.print()">[In trang]</a> <a href="javascript:MM_openBrWindow('guiban.asp','','width=400,height=300')">[Gửi cho bạn bè]</a></td></tr>
<tr><td><b>Các tin khác:</b><br>
<img src="images/dot.gif"> <a href="chitiet.asp?id=411">Hội nghị giao ban công tác dân vận 6 tháng đầu năm 2018</a> <font color="#999999">(30/07/2018)</font><br>
<img src="images/dot.gif"> <a href="chitiet.asp?id=409">Chợ Đồn ra mắt mô hình "Dân vận khéo"</a> <font color="#999999">(25/07/2018)</font></td></tr>
</table></td>
<td width="200" valign="top"><table width="100%"><tr><td class="title_box">LIÊN KẾT</td></tr><tr><td><select onchange="window.open(this.value)"><option>--- Liên kết website ---</option><option value="http://dangcongsan.vn">Báo điện tử ĐCSVN</option></select></td></tr></table></td>
</tr>
<tr><td colspan="3" bgcolor="#B40000" align="center" class="footer"><font color="#FFFFFF" size="1">Bản quyền thuộc Ban Dân vận Tỉnh ủy Bắc Kạn<br>Địa chỉ: Tổ 1, phường Đức Xuân, thị xã Bắc Kạn<br>Thiết kế bởi VNPT Bắc Kạn</font></td></tr>
</table>
</body>
</html>
"""


page(id="h12_oldtable_cp1258_backan", family="old table layout, windows-1258 (2008-era ASP site)", source="vietnews/train/080853",
     url="http://dvbk.example.org.vn/chitiet.asp?id=412",
     title="Trồng 100.000 cây xanh tại Bắc Kạn",
     published="2018-08-03T08:40", author="Chí Tuệ", province="Bắc Kạn",
     order="0-1,9,2-8", captions="9", caption_style="table", shell=old_table_cp1258, charset="windows-1258",
     note="bytes are windows-1258 with combining tone marks, as declared")


# ---------------------------------------------------------------- H13 old table layout, declared charset wrong
def old_table_wrong_charset(s, body):
    return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
<title>So Y te Ha Nam</title>
<style>
td {{ font-family: Verdana, Arial; font-size: 12px; }}
.tieude {{ font-size: 16px; font-weight: bold; color: #003399; }}
</style>
</head>
<body>
<center>
<table width="900" cellpadding="0" cellspacing="0" border="0">
<tr><td><img src="/img/top.jpg" width="900" height="120"></td></tr>
<tr><td bgcolor="#003399"><table><tr>
<td><a href="/"><font color="white">TRANG CHỦ</font></a></td><td><font color="white">|</font></td>
<td><a href="/tintuc.aspx"><font color="white">TIN TỨC</font></a></td><td><font color="white">|</font></td>
<td><a href="/phongchongdich.aspx"><font color="white">PHÒNG CHỐNG DỊCH</font></a></td><td><font color="white">|</font></td>
<td><a href="/lienhe.aspx"><font color="white">LIÊN HỆ</font></a></td></tr></table></td></tr>
<tr><td>
<table width="100%"><tr>
<td width="680" valign="top">
<table width="100%" cellpadding="4">
<tr><td class="tieude">{esc(s['title'])}</td></tr>
<tr><td><i>Ngày đăng: 29/04/2021 20:15</i></td></tr>
<tr><td>
{body}
<div align="right"><b>Đức Văn</b></div>
</td></tr>
<tr><td><hr size="1"><b>Tin đã đăng:</b><br>
- <a href="/tin.aspx?id=1201">Hà Nam thiết lập vùng cách ly y tế tại thôn Quan Nhân</a> (29/04/2021)<br>
- <a href="/tin.aspx?id=1198">Khuyến cáo phòng chống dịch Covid-19 dịp nghỉ lễ 30/4 - 1/5</a> (28/04/2021)</td></tr>
</table></td>
<td width="220" valign="top" bgcolor="#EEF3FF"><b>Đường dây nóng</b><br>0226.3852.xxx<br><br><b>Số lượt truy cập:</b> 456.789</td>
</tr></table></td></tr>
<tr><td bgcolor="#003399" align="center"><font color="white" size="1">Sở Y tế tỉnh Hà Nam - Đường Trường Chinh, TP. Phủ Lý<br>Ghi rõ nguồn khi phát hành lại thông tin từ website này</font></td></tr>
</table>
</center>
</body></html>
"""


page(id="h13_oldtable_wrongcharset_hanam", family="old table layout, declared charset wrong (UTF-8 bytes, says iso-8859-1)", source="unc/news_society_120",
     url="http://syt.hanam.example.vn/tin.aspx?id=1203",
     title="Hà Nam tạm dừng lễ hội, đóng cửa di tích từ 18h ngày 29/4",
     published="2021-04-29T20:15", author="Đức Văn", province="Hà Nam",
     order="0-10", captions="1,6", caption_style="table", shell=old_table_wrong_charset,
     note="the page is UTF-8 but declares iso-8859-1")
