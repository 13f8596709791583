"""Crawl speed and politeness on a generated local site (``make bench``).

1. A site of 2,000 articles (100 listing pages) served on 127.0.0.1 by another
   process, crawled with delay 0: pages/s and the crawler's CPU ms per page,
   with the real extraction stage and with extraction left out (crawl machinery only).
2. The same site with the default politeness (1 s per host, jitter 0.5), stopped
   after 20 pages: requests per second at the server and the smallest gap.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
N_ARTICLES = 2000
PER_PAGE = 20
POLITE_PAGES = 20


def _serve(conn, n_articles: int, per_page: int) -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from crawl_fixtures.server import FixtureServer
    from crawl_fixtures.sites import fixture_site
    site = fixture_site("newspaper", n=n_articles, per_page=per_page)
    with FixtureServer(site.routes) as srv:
        conn.send((srv.base, site.family.listing_first, site.family.article_pattern,
                   site.family.pagination_pattern))
        while True:
            command = conn.recv()
            if command == "log":
                conn.send([(r.time, r.path) for r in srv.log])
                srv.log.clear()
            elif command == "stop":
                break


class _Server:
    def __enter__(self):
        ctx = mp.get_context("fork")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(child, N_ARTICLES, PER_PAGE), daemon=True)
        self.proc.start()
        self.base, self.first, self.article_re, self.page_re = self.conn.recv()
        return self

    def log(self):
        self.conn.send("log")
        return self.conn.recv()

    def profile(self, **extra):
        from pipeline.crawl import site_from_dict
        return site_from_dict({"name": "bench", "start_urls": [self.base + self.first],
                               "article_patterns": [self.article_re],
                               "pagination_patterns": [self.page_re],
                               "extract_profile": "newspaper", "max_listing_pages": 1000,
                               **extra})

    def __exit__(self, *exc):
        self.conn.send("stop")
        self.proc.join(5)


def _no_extraction(body, *, url=None, profile=None, declared_charset=None):
    """Stands in for extraction to time the crawl machinery alone (fetch, WARC, SQLite)."""
    from pipeline.models import Article
    return Article(id=url, title=url, paragraphs=[str(len(body)), url or ""], url=url)


def _timed_crawl(server, extractor=None, **options):
    from pipeline.crawl import CrawlOptions, crawl
    with tempfile.TemporaryDirectory() as out:
        cpu0, t0 = time.process_time(), time.perf_counter()
        report = crawl([server.profile(**options.pop("site", {}))], out,
                       CrawlOptions(progress=False, **options), extractor=extractor)
        cpu, wall = time.process_time() - cpu0, time.perf_counter() - t0
        warc_bytes = sum(p.stat().st_size for p in Path(out, "warc").glob("*.warc.gz"))
    return report, wall, cpu, warc_bytes


def run() -> str:
    rows = []
    with _Server() as server:
        for label, extractor in (("with extraction (newspaper profile)", None),
                                 ("crawl machinery only", _no_extraction)):
            report, wall, cpu, warc = _timed_crawl(server, extractor, delay=0.0, jitter=0.0)
            server.log()
            pages = sum(report.pages.values())
            rows.append((label, pages, report.articles.get("new", 0), wall, pages / wall,
                         1000 * cpu / pages, warc / pages))
        report, wall, cpu, _ = _timed_crawl(server, None, max_requests=POLITE_PAGES)
        log = server.log()
    times = [t for t, _ in log]
    gaps = [b - a for a, b in zip(times, times[1:])]
    rate = (len(times) - 1) / (times[-1] - times[0]) if len(times) > 1 else 0.0
    lines = ["## Crawl (`benchmarks/bench_crawl.py`)", "",
             f"A generated newspaper-CMS site on 127.0.0.1 (served by another process): "
             f"{N_ARTICLES} articles, {N_ARTICLES // PER_PAGE} listing pages. CPU is the "
             "crawler process's (fetch, WARC gzip, SQLite, link finding, extraction); wall "
             "time also depends on what else the machine runs (load average "
             f"{os.getloadavg()[0]:.1f} on {len(os.sched_getaffinity(0))} cores at the end).", "",
             "| delay 0 | pages | new articles | wall s | pages/s | CPU ms/page | WARC bytes/page |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    lines += [f"| {label} | {pages} | {new} | {wall:.1f} | {pps:.0f} | {cpu:.1f} | {wb:.0f} |"
              for label, pages, new, wall, pps, cpu, wb in rows]
    lines += ["", f"Default politeness (delay 1 s, jitter 0.5, one host), stopped after "
              f"{POLITE_PAGES} pages:", "",
              "| requests at the server | seconds | requests/s per host | smallest gap s | "
              "mean gap s |", "|---:|---:|---:|---:|---:|",
              f"| {len(times)} | {times[-1] - times[0]:.1f} | {rate:.2f} | {min(gaps):.3f} | "
              f"{sum(gaps) / len(gaps):.3f} |", "",
              "The delay holds when requests/s stays under 1 and the smallest gap is at least 1 s "
              f"({'held' if min(gaps) >= 0.999 else 'NOT held'}).", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    print(run())
