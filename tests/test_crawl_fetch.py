"""The fetcher against real servers on 127.0.0.1: retries, timeouts, redirects, caps, TLS."""
import gzip
import socket
import time

import pytest

from crawl_fixtures.server import FixtureServer, Resp
from crawl_fixtures.tls import self_signed_cert
from pipeline.crawl.fetch import (Fetcher, decode_content, error_page_kind, parse_retry_after,
                                  USER_AGENT)
from pipeline.crawl.politeness import HostClock

TLS_TEXT = "The request was aborted: Could not create SSL/TLS secure channel."


def fetcher(**kw):
    kw.setdefault("backoff", 0.01)
    kw.setdefault("timeout", 2.0)
    return Fetcher(HostClock(delay=0.0, jitter=0.0), **kw)


def test_user_agent_names_danvan_and_a_contact():
    with FixtureServer({"/": Resp("<p>xin chào</p>")}) as srv:
        result = fetcher().fetch(srv.url("/"))
    assert result.ok and result.body == "<p>xin chào</p>".encode()
    agent = srv.log[0].headers["User-Agent"]
    assert agent == USER_AGENT and "danvan" in agent and "https://" in agent


def test_503_with_retry_after_is_waited_for_then_retried():
    calls = []

    def flaky(req):
        calls.append(req.time)
        if len(calls) == 1:
            return Resp("busy", status=503, headers={"Retry-After": "1"})
        return Resp("<p>ok</p>")

    with FixtureServer({"/a": flaky}) as srv:
        result = fetcher().fetch(srv.url("/a"))
    assert result.ok and result.status == 200 and result.attempts == 2
    assert calls[1] - calls[0] >= 0.95  # Retry-After: 1 honoured
    assert [ex.status for ex in result.exchanges] == [503, 200]  # both archived


def test_5xx_backs_off_exponentially_then_gives_up():
    with FixtureServer({"/a": Resp("oops", status=500)}) as srv:
        result = fetcher(max_retries=3, backoff=0.1).fetch(srv.url("/a"))
    assert result.error_kind == "http_500" and result.attempts == 4
    times = [r.time for r in srv.log]
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert len(gaps) == 3
    assert gaps[0] >= 0.09 and gaps[1] >= 0.19 and gaps[2] >= 0.39


def test_a_page_that_never_answers_times_out_after_retries():
    with FixtureServer({"/slow": Resp("late", hang=30)}) as srv:
        t0 = time.monotonic()
        result = fetcher(timeout=0.3, max_retries=1).fetch(srv.url("/slow"))
        elapsed = time.monotonic() - t0
    assert result.error_kind == "timeout" and result.attempts == 2
    assert elapsed < 5
    assert result.body == b"" and result.exchanges == []


def test_connection_refused_is_a_connection_error():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    result = fetcher(max_retries=1).fetch(f"http://127.0.0.1:{port}/")
    assert result.error_kind == "connection" and result.attempts == 2


def test_redirect_loop_and_redirect_cap():
    routes = {"/a": Resp(status=302, headers={"Location": "/b"}),
              "/b": Resp(status=301, headers={"Location": "/a"})}
    for i in range(10):
        routes[f"/r{i}"] = Resp(status=302, headers={"Location": f"/r{i + 1}"})
    routes["/r10"] = Resp("<p>end</p>")
    routes["/ok"] = Resp(status=301, headers={"Location": "/r9"})
    with FixtureServer(routes) as srv:
        loop = fetcher().fetch(srv.url("/a"))
        chain = fetcher(max_redirects=5).fetch(srv.url("/r0"))
        short = fetcher(max_redirects=5).fetch(srv.url("/ok"))
        vetoed = fetcher().fetch(srv.url("/ok"), permit=lambda url: "robots")
    assert loop.error_kind == "redirect_loop" and len(loop.exchanges) == 2
    assert chain.error_kind == "too_many_redirects" and len(chain.exchanges) == 6
    assert short.ok and short.final_url == srv.url("/r10") and short.body == b"<p>end</p>"
    assert vetoed.error_kind == "redirect_robots"


def test_size_cap_while_streaming_with_and_without_content_length():
    big = b"<p>" + b"x" * (2 * 1024 * 1024) + b"</p>"
    with FixtureServer({"/big": Resp(big), "/chunked": Resp(big, chunked=True),
                        "/small": Resp(b"<p>ok</p>", chunked=True)}) as srv:
        f = fetcher(max_bytes=1024 * 1024)
        assert f.fetch(srv.url("/big")).error_kind == "too_large"
        assert f.fetch(srv.url("/chunked")).error_kind == "too_large"
        assert f.fetch(srv.url("/small")).body == b"<p>ok</p>"


def test_gzip_is_decoded_and_a_gzip_bomb_is_stopped():
    bomb = b"\0" * (50 * 1024 * 1024)
    with FixtureServer({"/bomb": Resp(bomb, gzip=True),
                        "/page": Resp("<p>Dân vận khéo</p>", gzip=True)}) as srv:
        f = fetcher(max_decoded_bytes=1024 * 1024)
        result = f.fetch(srv.url("/bomb"))
        page = f.fetch(srv.url("/page"))
    assert result.error_kind == "too_large" and "decompressed" in result.error
    assert len(result.exchanges[0].raw_body) < 200_000  # only the compressed bytes were held
    assert page.body.decode() == "<p>Dân vận khéo</p>"
    assert page.exchanges[0].raw_body == gzip.compress("<p>Dân vận khéo</p>".encode()) or \
        page.exchanges[0].raw_body[:2] == b"\x1f\x8b"


def test_decode_content_rejects_unknown_and_broken_encodings():
    with pytest.raises(Exception, match="unsupported"):
        decode_content(b"x", ["br"], 100)
    with pytest.raises(Exception, match="does not decode"):
        decode_content(b"not gzip", ["gzip"], 100)


def test_real_tls_failure_is_a_fetch_error(tmp_path):
    cert, key = self_signed_cert(tmp_path)
    with FixtureServer({"/": Resp("<p>bí mật</p>")}, certfile=cert, keyfile=key) as srv:
        failed = fetcher().fetch(srv.url("/"))
        insecure = fetcher().fetch(srv.url("/"), verify=False)
        bundled = fetcher().fetch(srv.url("/"), verify=cert)
    assert failed.error_kind == "tls" and failed.body == b"" and not failed.exchanges
    assert "certificate" in failed.error.lower()
    assert insecure.ok and insecure.body.decode() == "<p>bí mật</p>"
    assert bundled.ok


def test_tls_error_text_pages_are_recognised_but_articles_mentioning_words_are_not():
    assert error_page_kind(TLS_TEXT.encode()) == "tls_error_text"
    assert error_page_kind(f"<html><body><p>{TLS_TEXT}</p></body></html>".encode()) == "tls_error_text"
    article = ("<p>" + "Ban Dân vận tổ chức hội nghị. " * 40
               + "Dịch vụ công trực tuyến báo lỗi Service Unavailable vào sáng nay.</p>")
    assert error_page_kind(article.encode()) is None


def test_retry_after_forms():
    assert parse_retry_after("120") == 120
    assert parse_retry_after(None) is None and parse_retry_after("soon") is None
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0


def test_host_clock_delay_is_a_floor_jitter_only_adds_and_defer_pushes_back():
    now = [0.0]
    slept = []

    def sleep(s):
        slept.append(s)
        now[0] += s

    clock = HostClock(delay=1.0, jitter=0.5, seed=1, sleep=sleep, clock=lambda: now[0])
    starts = []
    for _ in range(20):
        with clock.slot("a.vn"):
            starts.append(now[0])
            now[0] += 0.1  # the request takes 100 ms
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    assert all(1.1 <= g <= 1.6 + 1e-9 for g in gaps) and len(set(gaps)) > 1
    t = now[0]
    with clock.slot("b.vn"):  # another host does not wait for a.vn
        assert now[0] == t
    clock.defer("a.vn", 30)
    before = now[0]
    with clock.slot("a.vn"):
        assert now[0] - before >= 30
    clock.raise_delay("a.vn", 5.0)
    assert clock.delay_for("a.vn") == 5.0
    clock.set_delay("c.vn", 0.0)
    assert clock.delay_for("c.vn") == 0.0
