"""URL canonicalisation, site profiles and link finding: no network."""
import datetime as dt

import pytest

from pipeline.crawl.canonical import canonical_url, fetchable_url, host_key
from pipeline.crawl.links import dates_in, page_links
from pipeline.crawl.sites import available_sites, load_site, site_from_dict
from pipeline.errors import DanvanError


@pytest.mark.parametrize("url, expected", [
    ("HTTP://Example.COM:80/a/./b/../c/?b=2&a=1#frag", "http://example.com/a/c?a=1&b=2"),
    ("https://bdv.gov.vn:443/tin-tuc/", "https://bdv.gov.vn/tin-tuc"),
    ("https://bdv.gov.vn", "https://bdv.gov.vn/"),
    ("http://x.vn/a?utm_source=fb&utm_medium=x&id=7&fbclid=abc&gclid=1", "http://x.vn/a?id=7"),
    ("http://x.vn/a;jsessionid=0AB?ID=3", "http://x.vn/a?ID=3"),
    ("http://x.vn/tin-tức/bài viết", "http://x.vn/tin-t%E1%BB%A9c/b%C3%A0i%20vi%E1%BA%BFt"),
    ("http://x.vn/%7euser/%e1%bb%a9", "http://x.vn/~user/%E1%BB%A9"),
    ("http://x.vn:8080/", "http://x.vn:8080/"),
    ("http://BÀN.vn/", "http://xn--bn-jia.vn/"),
])
def test_canonical_forms(url, expected):
    assert canonical_url(url) == expected


def test_equivalent_urls_share_one_key():
    variants = ["http://X.vn/tin/1/?b=2&a=1", "http://x.vn:80/tin/1?a=1&b=2#top",
                "http://x.vn/tin/./1?a=1&utm_campaign=z&b=2"]
    assert len({canonical_url(v) for v in variants}) == 1
    assert canonical_url("http://x.vn/tin/1?a=2") != canonical_url("http://x.vn/tin/1?a=1")


def test_not_http_and_relative_links():
    for url in ("mailto:a@b.vn", "javascript:void(0)", "ftp://x.vn/a", "", "   "):
        assert canonical_url(url) is None
    assert canonical_url("../b.html", "http://x.vn/a/c/d.html") == "http://x.vn/a/b.html"
    assert fetchable_url("/tin tuc/a.html#x", "http://x.vn/") == "http://x.vn/tin%20tuc/a.html"
    assert canonical_url("http://x.vn/a?sid=1", drop_params={"sid"}) == "http://x.vn/a"


def test_host_key_keeps_ports_apart():
    assert host_key("http://127.0.0.1:8001/a") != host_key("http://127.0.0.1:8002/a")
    assert host_key("https://BDV.gov.vn:443/x") == host_key("http://bdv.gov.vn/y") == "bdv.gov.vn"


def test_site_profile_classifies_links():
    site = site_from_dict({"name": "t", "start_urls": ["http://x.vn/tin-tuc/"],
                           "article_patterns": [r"/tin-tuc/[a-z-]+-\d+\.html$"],
                           "pagination_patterns": [r"/tin-tuc/page-\d+$"],
                           "exclude_patterns": [r"/tin-tuc/quang-cao-"], "since": "2020-01-01"})
    assert site.since == dt.date(2020, 1, 1)
    assert site.allowed_hosts == ["x.vn"]
    assert site.classify("http://x.vn/tin-tuc/dan-van-12.html") == "article"
    assert site.classify("http://x.vn/tin-tuc/page-3") == "listing"
    assert site.classify("http://x.vn/tin-tuc/quang-cao-1.html") is None
    assert site.classify("http://other.vn/tin-tuc/dan-van-12.html") is None


@pytest.mark.parametrize("data, message", [
    ({"name": "t", "start_urls": ["http://x.vn/"]}, "article_patterns"),
    ({"start_urls": ["ftp://x.vn/"], "article_patterns": ["a"]}, "not http"),
    ({"start_urls": ["http://x.vn/"], "article_patterns": ["(unclosed"]}, "bad regex"),
    ({"start_urls": ["http://x.vn/"], "article_patterns": ["a"], "rate": 2}, "unknown key"),
    ({"start_urls": ["http://x.vn/"], "article_patterns": ["a"], "since": "hôm qua"}, "not a date"),
    ({"start_urls": ["http://x.vn/"], "article_patterns": ["a"], "ca_bundle": "/no/such.pem"},
     "not found"),
])
def test_bad_profiles_give_clear_errors(data, message):
    with pytest.raises(DanvanError, match=message):
        site_from_dict(data, name="t")


def test_shipped_profiles_load():
    names = available_sites()
    assert len(names) >= 4
    for name in names:
        site = load_site(name)
        assert site.start_urls and site.article_patterns and site.extract_profile
    with pytest.raises(DanvanError, match="no site profile"):
        load_site("no-such-site")


def test_links_carry_their_item_date_not_the_header_date():
    page = b"""<html><body><div class="date">Thu tu, ngay 05/06/2024</div>
    <ul><li><a href="/tin/a-1.html">A</a> <span>02/01/2019</span></li>
        <li><a href="/tin/b-2.html"><img></a><a href="/tin/b-2.html">B</a> 2021-03-04</li>
        <li><a href="/tin/c-3.html">C</a></li></ul>
    <a href="/tin/page-2">next</a><link rel="next" href="/tin/page-2"></body></html>"""
    links = page_links(page, "http://x.vn/tin/", lambda u: "-" in u.rsplit("/", 1)[-1])
    dates = {link.href: link.date for link in links}
    assert dates["http://x.vn/tin/a-1.html"] == dt.date(2019, 1, 2)
    assert dates["http://x.vn/tin/b-2.html"] == dt.date(2021, 3, 4)
    assert dates["http://x.vn/tin/c-3.html"] is None
    assert "http://x.vn/tin/page-2" in dates
    assert dates_in("31/02/2020 và 01/13/2020") == []
    assert page_links(b"", "http://x.vn/") == []
