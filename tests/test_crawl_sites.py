"""Whole crawls of fixture sites on real local servers."""
import datetime as dt
import json
import unicodedata

import pytest

from crawl_fixtures.extract import fixture_extract
from crawl_fixtures.server import FixtureServer, Resp
from crawl_fixtures.sites import FAMILIES, fixture_site, make_articles
from crawl_fixtures.tls import self_signed_cert
from pipeline.crawl import CrawlOptions, crawl, site_from_dict
from pipeline.crawl.archive import read_response

TLS_TEXT = "The request was aborted: Could not create SSL/TLS secure channel."
OPTIONS = dict(progress=False, backoff=0.01, timeout=1.0)


def run(sites, out, extractor=fixture_extract, **kw):
    return crawl(sites, out, CrawlOptions(**{**OPTIONS, **kw}), extractor=extractor)


def read_articles(out):
    return [json.loads(line) for line in (out / "articles.jsonl").read_text("utf-8").splitlines()]


@pytest.fixture
def four_sites():
    servers = []
    for i, name in enumerate(FAMILIES):
        site = fixture_site(name, n=7, per_page=3, seed=100 * i)
        servers.append((site, FixtureServer(site.routes).start()))
    yield servers
    for _, srv in servers:
        srv.stop()


def test_four_cms_families_every_article_once_with_warc_provenance(four_sites, tmp_path):
    sites = [site_from_dict(s.profile(srv.base)) for s, srv in four_sites]
    report = run(sites, tmp_path)
    articles = read_articles(tmp_path)
    assert report.complete and report.articles["new"] == 28 and not report.errors
    assert len(articles) == 28 and len({a["url"] for a in articles}) == 28
    expected = {u for s, srv in four_sites for u in s.article_urls(srv.base)}
    assert {a["url"] for a in articles} == expected
    for site, srv in four_sites:  # listing pages and articles each fetched once
        paths = [p for p in srv.paths() if p != "/robots.txt"]
        assert len(paths) == len(set(paths)) == 7 + site.pages
        assert {r.headers.get("User-Agent", "").split("/")[0] for r in srv.log} == {"danvan"}
    a = articles[0]
    prov = a["provenance"]
    assert a["site"].startswith("test-") and prov["content_hash"] and prov["urls"]
    record = read_response(tmp_path, prov["warc_file"], prov["warc_offset"])
    assert record.record_id == prov["warc_record_id"] and record.url == prov["fetched_url"]
    assert a["title"].encode() in record.body or a["title"] in record.body.decode()
    assert (tmp_path / "crawl.db").is_file() and (tmp_path / "report.md").is_file()
    assert json.loads((tmp_path / "report.json").read_text())["articles"]["new"] == 28


def test_hosts_are_crawled_in_parallel_but_each_host_serially(tmp_path):
    servers = []
    for name in ("nukeviet", "wordpress"):
        site = fixture_site(name, n=4, per_page=4)
        for resp in site.routes.values():
            resp.hang = 0.15  # each answer takes 150 ms
        servers.append((site, FixtureServer(site.routes).start()))
    try:
        run([site_from_dict(s.profile(srv.base)) for s, srv in servers], tmp_path)
    finally:
        for _, srv in servers:
            srv.stop()
    for _, srv in servers:
        times = [r.time for r in srv.log if r.path != "/robots.txt"]
        assert all(b - a >= 0.14 for a, b in zip(times, times[1:]))  # never two at once
    a, b = ([r.time for r in srv.log] for _, srv in servers)
    assert min(abs(x - y) for x in a for y in b) < 0.1  # the two hosts overlapped


def test_per_host_delay_is_held(tmp_path):
    site = fixture_site("newspaper", n=6, per_page=6)
    with FixtureServer(site.routes) as srv:
        report = run([site_from_dict(site.profile(srv.base, delay=0.25, jitter=0.2))], tmp_path)
    times = [r.time for r in srv.log]
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert len(times) == 8 and report.articles["new"] == 6
    assert min(gaps) >= 0.25 - 0.005  # robots.txt, the listing and each article
    assert max(gaps) < 0.25 * 1.2 + 0.2  # jitter only adds, up to 20 %


def test_robots_txt_section_and_crawl_delay(tmp_path):
    site = fixture_site("nukeviet", n=9, per_page=3)
    site.routes["/robots.txt"] = Resp("User-agent: *\nDisallow: /vi/news/tin-tuc/page-3\n"
                                      "Crawl-delay: 0.2\n", content_type="text/plain")
    with FixtureServer(site.routes) as srv:
        report = run([site_from_dict(site.profile(srv.base))], tmp_path)
    assert "/vi/news/tin-tuc/page-3/" not in srv.paths()
    assert report.outcomes.get("robots") == 1
    assert len(read_articles(tmp_path)) == 6  # the articles listed on page 3 were never found
    times = [r.time for r in srv.log]
    assert min(b - a for a, b in zip(times, times[1:])) >= 0.195  # Crawl-delay beats delay 0


def test_same_article_under_two_urls_is_stored_once_with_both(tmp_path):
    site = fixture_site("wordpress", n=4, per_page=4)
    first = site.articles[0]
    listing = site.routes["/category/dan-van/"]
    listing.body = listing.payload().replace(b"</div><div class='pagination'>",
                                             b"<a href='/?p=1001&utm_source=zalo'>link</a>"
                                             b"</div><div class='pagination'>")
    site.routes["/?p=1001&utm_source=zalo"] = site.routes[site.family.article_path(first)]
    with FixtureServer(site.routes) as srv:
        profile = site.profile(srv.base)
        profile["article_patterns"].append(r"/\?p=\d+$")
        report = run([site_from_dict(profile)], tmp_path)
    articles = read_articles(tmp_path)
    assert len(articles) == 4 and report.articles == {"new": 4, "duplicate": 1, "failed": 0}
    urls = next(a["provenance"]["urls"] for a in articles if a["title"] == first["title"])
    assert urls == [srv.base + "/2024/06/02/kinh-nghiem-dan-van-0", srv.base + "/?p=1001"]


def test_failures_are_recorded_and_never_become_articles(tmp_path):
    """503 then OK, a page that never answers, a redirect loop, a TLS-error text page."""
    site = fixture_site("party_portal", n=8, per_page=8)
    fam = site.family
    paths = [fam.article_path(a) for a in site.articles]
    good = site.routes[paths[0]]
    calls = []

    def busy_then_ok(req):
        calls.append(req.time)
        return Resp("busy", status=503, headers={"Retry-After": "1"}) if len(calls) == 1 else good

    site.routes[paths[0]] = busy_then_ok
    site.routes[paths[1]] = Resp("never", hang=30)
    site.routes[paths[2]] = Resp(status=302, headers={"Location": paths[3]})
    site.routes[paths[3]] = Resp(status=302, headers={"Location": paths[2]})
    site.routes[paths[4]] = Resp(TLS_TEXT)
    site.routes[paths[5]] = Resp("", status=404)
    with FixtureServer(site.routes) as srv:
        report = run([site_from_dict(site.profile(srv.base))], tmp_path, max_retries=1,
                     timeout=0.3)
    articles = read_articles(tmp_path)
    titles = {a["title"] for a in articles}
    assert titles == {site.articles[i]["title"] for i in (0, 6, 7)}
    assert calls[1] - calls[0] >= 0.95
    assert report.errors == {"timeout": 1, "redirect_loop": 2, "tls_error_text": 1, "http_404": 1}
    assert not any("SSL/TLS" in (a["title"] or "") + " ".join(a["paragraphs"]) for a in articles)
    assert report.articles["failed"] == 5


def test_real_tls_failure_then_the_documented_options(tmp_path):
    cert, key = self_signed_cert(tmp_path)
    site = fixture_site("newspaper", n=3, per_page=3)
    with FixtureServer(site.routes, certfile=cert, keyfile=key) as srv:
        profile = site.profile(srv.base)
        failed = run([site_from_dict(profile)], tmp_path / "a")
        bundled = run([site_from_dict({**profile, "ca_bundle": cert})], tmp_path / "b")
        insecure = run([site_from_dict({**profile, "verify_tls": False})], tmp_path / "c")
    assert failed.errors == {"tls": 1} and read_articles(tmp_path / "a") == []
    assert bundled.articles["new"] == 3 and not bundled.errors
    arts = read_articles(tmp_path / "c")
    assert len(arts) == 3 and all(a["provenance"]["tls_verified"] is False for a in arts)


def _cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows wrote it: precomposed vowels, combining tones."""
    out = []
    for ch in text:
        try:
            out.append(ch.encode("cp1258"))
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", ch)
            shape = "".join(m for m in marks if m in "\u0302\u0306\u031b")  # â ă ơ ư ...
            tones = "".join(m for m in marks if m not in shape)
            out.append((unicodedata.normalize("NFC", base + shape) + tones).encode("cp1258"))
    return b"".join(out)


def test_wrong_declared_charset_still_reads_vietnamese(tmp_path):
    site = fixture_site("nukeviet", n=2, per_page=2)
    path = site.family.article_path(site.articles[0])
    site.routes[path].content_type = "text/html; charset=iso-8859-1"  # the body is UTF-8
    path2 = site.family.article_path(site.articles[1])
    page2 = site.routes[path2].payload().decode().replace('charset="utf-8"', 'charset="windows-1258"')
    site.routes[path2] = Resp(_cp1258(page2), content_type="text/html; charset=utf-8")
    with FixtureServer(site.routes) as srv:
        report = run([site_from_dict(site.profile(srv.base))], tmp_path)
    assert report.articles["new"] == 2, report.to_markdown()
    titles = sorted(unicodedata.normalize("NFC", a["title"]) for a in read_articles(tmp_path))
    assert titles == sorted(a["title"] for a in site.articles)


def test_calendar_trap_is_bounded(tmp_path):
    site = fixture_site("nukeviet", n=3, per_page=3)
    listing = site.routes["/vi/news/tin-tuc/"]
    listing.body = listing.payload().replace(b"</body>", "<a href='/lich/2024-06-01'>Lịch</a></body>".encode())

    def calendar(req):  # every day links to the next day and to one new article
        if not req.path.startswith("/lich/"):
            return None
        day = dt.date.fromisoformat(req.path.rsplit("/", 1)[1])
        nxt = day + dt.timedelta(days=1)
        return Resp(f"<html><body><a href='/lich/{nxt}'>sau</a>"
                    f"<a href='/vi/news/tin-tuc/su-kien-{day:%Y%m%d}.html'>sự kiện</a></body></html>")

    with FixtureServer(site.routes, fallback=calendar) as srv:
        profile = site.profile(srv.base, max_listing_pages=8)
        profile["pagination_patterns"].append(r"/lich/\d{4}-\d{2}-\d{2}$")
        report = run([site_from_dict(profile)], tmp_path)
        days = [p for p in srv.paths() if p.startswith("/lich/")]
        assert report.complete and 1 <= len(days) <= 8 - 1  # the start page counts too
        with FixtureServer(site.routes, fallback=calendar) as srv2:
            deep = site.profile(srv2.base, max_depth=3)
            deep["pagination_patterns"].append(r"/lich/\d{4}-\d{2}-\d{2}$")
            run([site_from_dict(deep)], tmp_path / "deep")
            assert len([p for p in srv2.paths() if p.startswith("/lich/")]) == 3


def test_since_bound_stops_paging_back(tmp_path):
    site = fixture_site("wordpress", n=12, per_page=3)  # one article every 3 days from 2 June
    with FixtureServer(site.routes) as srv:
        report = run([site_from_dict(site.profile(srv.base, since="2024-05-20"))], tmp_path)
    articles = read_articles(tmp_path)
    since = dt.date(2024, 5, 20)
    assert sorted(a["published"][:10] for a in articles) == sorted(
        f"{a['published']:%Y-%m-%d}" for a in site.articles if a["published"].date() >= since)
    listings = [p for p in srv.paths() if "/category/" in p]
    assert listings == ["/category/dan-van/", "/category/dan-van/page/2/",
                        "/category/dan-van/page/3/"]  # page 3 is all older: page 4 never asked
    assert report.outcomes == {"listing": 2, "listing_stop": 1, "paging_stopped": 1}
    old = {site.family.article_path(a) for a in site.articles if a["published"].date() < since}
    assert not old & set(srv.paths())  # older items are known by their listing date


def test_second_crawl_fetches_only_new_pages_and_refetch_on_request(tmp_path):
    site = fixture_site("newspaper", n=7, per_page=3)
    with FixtureServer(site.routes) as srv:
        sites = [site_from_dict(site.profile(srv.base))]
        first = run(sites, tmp_path)
        assert first.articles["new"] == 7
        srv.log.clear()
        again = run(sites, tmp_path)  # nothing changed: listings answer 304
        assert again.outcomes == {"not_modified": 1} and again.articles["new"] == 0
        assert srv.requests_for("/chinh-tri/")[0].headers.get("If-None-Match")
        # two new articles appear on top of page 1
        new = make_articles(2, start=dt.datetime(2024, 6, 4, 8, 0), seed=100)
        site.articles[:0] = new
        site.build()
        srv.routes.clear()
        srv.routes.update(site.routes)
        srv.log.clear()
        third = run(sites, tmp_path)
        fetched = [p for p in srv.paths() if "/2024" in p or "/20" in p.split("/")[-2:][0]]
        article_paths = {site.family.article_path(a) for a in site.articles}
        fetched_articles = [p for p in srv.paths() if p in article_paths]
        assert sorted(fetched_articles) == sorted(site.family.article_path(a) for a in new)
        assert third.articles["new"] == 2 and len(read_articles(tmp_path)) == 9
        srv.log.clear()
        fourth = run(sites, tmp_path, refetch=True)
        refetched = [p for p in srv.paths() if p in article_paths]
        assert sorted(refetched) == sorted(article_paths)
        assert fourth.articles.get("unchanged") == 9 and len(read_articles(tmp_path)) == 9
        assert fetched is not None


def test_a_stopped_crawl_resumes_where_it_stopped(tmp_path):
    site = fixture_site("nukeviet", n=9, per_page=3)
    with FixtureServer(site.routes) as srv:
        sites = [site_from_dict(site.profile(srv.base))]
        part = run(sites, tmp_path, max_requests=5)
        assert not part.complete and part.pending > 0
        rest = run(sites, tmp_path)
        assert rest.resumed and rest.complete
    paths = [p for p in srv.paths() if p != "/robots.txt"]
    assert len(paths) == len(set(paths)) == 9 + 3
    assert len(read_articles(tmp_path)) == 9


def test_a_page_archived_before_a_crash_is_processed_from_the_warc_not_refetched(tmp_path):
    site = fixture_site("newspaper", n=5, per_page=5)
    victim = site.family.article_path(site.articles[2])
    seen = []

    def crash_on_victim(body, *, url=None, **kw):
        seen.append(url)
        if url.endswith(victim):
            raise KeyboardInterrupt  # the process dies after the page was archived
        return fixture_extract(body, url=url, **kw)

    with FixtureServer(site.routes) as srv:
        sites = [site_from_dict(site.profile(srv.base))]
        with pytest.raises(KeyboardInterrupt):
            run(sites, tmp_path, extractor=crash_on_victim, parallel=1)
        assert srv.paths().count(victim) == 1
        report = run(sites, tmp_path)
    assert srv.paths().count(victim) == 1  # not fetched again
    assert report.resumed and report.complete and report.articles["new"] == 5
    assert len(read_articles(tmp_path)) == 5


def test_resuming_with_fewer_sites_leaves_the_others_pending(tmp_path):
    a, b = fixture_site("nukeviet", n=4, per_page=4), fixture_site("wordpress", n=4, per_page=4, seed=50)
    with FixtureServer(a.routes) as srv_a, FixtureServer(b.routes) as srv_b:
        site_a = site_from_dict(a.profile(srv_a.base))
        site_b = site_from_dict(b.profile(srv_b.base))
        first = run([site_a, site_b], tmp_path, max_requests=2, parallel=1)
        assert not first.complete
        only_a = run([site_a], tmp_path)
        assert only_a.resumed and not only_a.complete and only_a.pending > 0
        both = run([site_a, site_b], tmp_path)
        assert both.resumed and both.complete
    assert len(read_articles(tmp_path)) == 8
    for srv in (srv_a, srv_b):
        paths = [p for p in srv.paths() if p != "/robots.txt"]
        assert len(paths) == len(set(paths)) == 5
