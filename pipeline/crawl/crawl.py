"""The crawl: frontier -> robots -> fetch -> archive -> links or extraction -> dedup -> store.

One worker per host at a time (parallelism across hosts only); every page is
archived before anything about it is committed; the output file is written
from the database, so each article appears in it exactly once.
"""
from __future__ import annotations

import hashlib
import os
import re
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..errors import DanvanError
from ..models import Article
from .archive import WarcArchive, WarcRef, read_response
from .canonical import canonical_url, fetchable_url, host_key
from .dedup import content_key, merge_urls
from .fetch import MB, USER_AGENT, Fetcher, FetchResult, error_page_kind, error_text_in
from .frontier import Frontier, UrlRow
from .links import page_links
from .politeness import HostClock
from .report import CrawlReport, Progress
from .robots import RobotsCache
from .sites import SiteProfile

Extractor = Callable[..., Article]
_LAST_NUMBER = re.compile(r"(\d+)(?!.*\d)")


def page_key(url: str) -> tuple[str, int] | None:
    """('/tin-tuc/page-#', 3) for '/tin-tuc/page-3': the page's shape and its number."""
    match = _LAST_NUMBER.search(url)
    if not match:
        return None
    return url[:match.start()] + "#" + url[match.end():], int(match.group(1))


@dataclass
class CrawlOptions:
    refetch: bool = False  # fetch known article pages again
    parallel: int = 4  # hosts crawled at once (never two requests at once to one host)
    delay: float | None = None  # overrides every site's delay (seconds)
    jitter: float | None = None
    timeout: float | None = None
    max_retries: int = 3
    backoff: float = 1.0  # first retry after 1 s, then 2, 4 ...
    max_retry_after: float = 300.0
    max_redirects: int = 5
    max_bytes: int = 10 * MB
    max_decoded_bytes: int = 40 * MB
    max_requests: int | None = None  # stop (resumably) after this many pages
    user_agent: str = USER_AGENT
    obey_robots: bool = True
    progress: bool | None = None  # None: only on a terminal


def default_extractor(body: bytes, *, url=None, profile=None, declared_charset=None) -> Article:
    try:
        from ..extract import extract_html
    except ImportError as exc:
        raise DanvanError(f"the extraction stage is not available ({exc})") from None
    return extract_html(body, url=url, profile=profile, declared_charset=declared_charset)


class Crawler:
    def __init__(self, sites: list[SiteProfile], out_dir: str | Path,
                 options: CrawlOptions | None = None, *, extractor: Extractor | None = None):
        if not sites:
            raise DanvanError("no site to crawl")
        names = [s.name for s in sites]
        if len(set(names)) != len(names):
            raise DanvanError(f"two site profiles share a name: {names}")
        self.sites = {s.name: s for s in sites}
        self.out = Path(out_dir)
        self.out.mkdir(parents=True, exist_ok=True)
        self.options = options or CrawlOptions()
        self.extractor = extractor or default_extractor
        o = self.options
        self.clock = HostClock(delay=o.delay if o.delay is not None else 1.0,
                               jitter=o.jitter if o.jitter is not None else 0.5)
        for site in sites:
            for host in site.allowed_hosts:
                self.clock.set_delay(host, site.delay if o.delay is None else o.delay,
                                     site.jitter if o.jitter is None else o.jitter)
        self.fetcher = Fetcher(self.clock, user_agent=o.user_agent, max_retries=o.max_retries,
                               backoff=o.backoff, max_retry_after=o.max_retry_after,
                               max_redirects=o.max_redirects, max_bytes=o.max_bytes,
                               max_decoded_bytes=o.max_decoded_bytes)
        self.frontier = Frontier(self.out / "crawl.db")
        self.archive: WarcArchive | None = None
        self.robots = RobotsCache(self.fetcher, on_fetch=self._log_robots, obey=o.obey_robots)
        self.progress: Progress | None = None
        self._stop = threading.Event()
        self._requests = 0
        self._count_lock = threading.Lock()

    # -- the run -----------------------------------------------------------------------
    def run(self) -> CrawlReport:
        t0 = time.monotonic()
        starts = []
        for site in self.sites.values():
            for url in site.start_urls:
                fetch_url = fetchable_url(url)
                starts.append((self._canonical(site, url), fetch_url, site.name, host_key(url)))
        run, resumed = self.frontier.begin_run(list(self.sites), starts, refetch=self.options.refetch)
        self.archive = WarcArchive(self.out, run=run)
        self.progress = Progress(self.options.progress)
        interrupted = False
        previous_handler = None
        if threading.current_thread() is threading.main_thread():
            previous_handler = signal.signal(signal.SIGTERM, self._on_sigterm)
        try:
            for row in self.frontier.fetched_unprocessed():  # archived before a kill
                self._process_archived(row)
            while not self._stop.is_set():
                hosts = self.frontier.pending_hosts()
                if not hosts:
                    break
                workers = max(1, min(self.options.parallel, len(hosts)))
                with ThreadPoolExecutor(workers, thread_name_prefix="crawl") as pool:
                    for future in [pool.submit(self._drain_host, h) for h in hosts]:
                        future.result()
        except KeyboardInterrupt:
            interrupted = True
            self._stop.set()
        finally:
            if previous_handler is not None:
                signal.signal(signal.SIGTERM, previous_handler)
            self.progress.close()
            self.archive.close()
        complete = not interrupted and self.frontier.unfinished() == 0
        if complete:
            self.frontier.finish_run()
        self.export_articles()
        report = CrawlReport.build(self.frontier, run=run, resumed=resumed,
                                   sites=list(self.sites), complete=complete,
                                   elapsed_s=time.monotonic() - t0, host_stats=self.clock.stats())
        self._write_report(report)
        self.fetcher.close()
        if interrupted:
            raise KeyboardInterrupt
        return report

    def close(self) -> None:
        self.frontier.close()

    def _on_sigterm(self, signum, frame):
        self._stop.set()

    def _drain_host(self, host: str) -> None:
        while not self._stop.is_set():
            row = self.frontier.next_for_host(host)
            if row is None:
                return
            if self.options.max_requests is not None:
                with self._count_lock:
                    if self._requests >= self.options.max_requests:
                        self._stop.set()
                        return
                    self._requests += 1
            self._process(row)

    # -- one page ------------------------------------------------------------------------
    def _process(self, row: UrlRow) -> None:
        site = self.sites.get(row.site)
        fr = self.frontier
        if not self.robots.allowed(row.fetch_url, site.tls_verify):
            with fr.transaction() as db:
                fr.finish(db, row.url, "skipped", "robots")
            return
        headers = {}
        if row.kind == "listing" and not self.options.refetch:
            if row.etag:
                headers["If-None-Match"] = row.etag
            if row.last_modified:
                headers["If-Modified-Since"] = row.last_modified
        result = self.fetcher.fetch(row.fetch_url, headers=headers, verify=site.tls_verify,
                                    timeout=self.options.timeout or site.timeout,
                                    permit=lambda target: self._permit(site, target))
        refs = [self.archive.write(ex) for ex in result.exchanges]
        final_ref = refs[-1] if refs else None
        with fr.transaction() as db:
            self._log_result(db, result, refs)
            if not result.ok:
                fr.finish(db, row.url, "failed", "fetch_error", error_kind=result.error_kind,
                          error=result.error, http_status=result.status)
                self.progress.update(pages=1, errors=1, url=row.fetch_url)
                return
            if result.not_modified:
                fr.finish(db, row.url, "done", "not_modified", http_status=304)
                self.progress.update(pages=1, url=row.fetch_url)
                return
            fr.mark_fetched(db, row.url, http_status=result.status, final_url=result.final_url,
                            warc=final_ref, etag=result.headers.get("ETag"),
                            last_modified=result.headers.get("Last-Modified"),
                            declared_charset=result.declared_charset)
            if row.kind == "listing":  # links are cheap: same transaction
                self._handle_listing(db, site, row, result.body, result.final_url)
                self.progress.update(pages=1, url=row.fetch_url)
                return
        self._handle_article(site, row, result.body, result.final_url, final_ref,
                             result.declared_charset, result.status)

    def _process_archived(self, row: UrlRow) -> None:
        """Finish a page a killed crawl had fetched and archived, without fetching it again."""
        site = self.sites.get(row.site)
        if site is None or not row.warc_file:
            return
        archived = read_response(self.out, row.warc_file, row.warc_offset or 0)
        ref = WarcRef(row.warc_file, row.warc_record_id or archived.record_id,
                      row.warc_offset or 0, 0)
        final = row.final_url or row.fetch_url
        if row.kind == "listing":
            with self.frontier.transaction() as db:
                self._handle_listing(db, site, row, archived.body, final)
            return
        self._handle_article(site, row, archived.body, final, ref, row.declared_charset,
                             row.http_status)

    def _handle_listing(self, db, site: SiteProfile, row: UrlRow, body: bytes, final_url: str):
        fr = self.frontier
        kind_error = error_page_kind(body)
        if kind_error:
            fr.finish(db, row.url, "failed", "error_page", error_kind=kind_error,
                      error="the page is a transport error message")
            return
        classify = lambda u: site.classify(self._canonical(site, u) or "") == "article"
        links, seen = [], set()
        article_links = 0
        known_before = fresh = old = 0
        listings_left = site.max_listing_pages - fr.count(site.name, "listing")
        articles_left = (site.max_articles - fr.count(site.name, "article", this_run=False)
                         if site.max_articles else None)
        candidates = []
        for link in page_links(body, final_url, classify):
            canonical = self._canonical(site, link.href)
            if not canonical or canonical in seen or canonical == row.url:
                continue
            seen.add(canonical)
            kind = site.classify(canonical)
            if kind is None:
                continue
            if kind == "article":
                article_links += 1
                prior = db.execute("SELECT run FROM urls WHERE url=?", (canonical,)).fetchone()
                if prior and prior[0] < fr.run:
                    known_before += 1
                fresh += prior is None  # sidebars repeat known links: only fresh ones date a page
                if site.since and link.date and link.date < site.since:
                    old += prior is None
                    continue
            candidates.append((canonical, link, kind))
        # Stop paging back: nothing new since the last crawl, an empty page, or all before `since`.
        stop = site.stop_when_no_new and (
            (article_links and known_before == article_links)
            or (not article_links and row.depth > 0))
        stop = stop or bool(site.since and fresh and old == fresh)
        for canonical, link, kind in candidates:
            if kind == "listing":
                if stop or row.depth + 1 > site.max_depth or listings_left <= 0:
                    continue
            elif articles_left is not None:
                if fr.known(canonical):
                    continue
                if articles_left <= 0:
                    continue
                articles_left -= 1
            url = fetchable_url(link.href)
            if url is None:
                continue
            depth = row.depth + 1 if kind == "listing" else row.depth
            before = fr.known(canonical)
            links.append((canonical, url, site.name, host_key(url), kind, depth))
            if kind == "listing" and not before:
                listings_left -= 1
        fr.add_links(db, links, row.url, refetch=self.options.refetch)
        if stop:
            self._skip_later_pages(db, site, row.url)
        fr.finish(db, row.url, "done", "listing_stop" if stop else "listing")

    def _skip_later_pages(self, db, site: SiteProfile, url: str) -> None:
        """Paging stops here: drop queued pages further back (page lists link 1..N at once)."""
        here = page_key(url)
        if here is None:
            return
        for (other,) in db.execute("SELECT url FROM urls WHERE site=? AND kind='listing' AND "
                                   "status='pending' AND run=?", (site.name, self.frontier.run)):
            key = page_key(other)
            if key and key[0] == here[0] and key[1] > here[1]:
                self.frontier.finish(db, other, "skipped", "paging_stopped")

    def _handle_article(self, site, row, body, final_url, ref, declared_charset, status):
        fr = self.frontier
        error_kind = error_page_kind(body)
        article = None
        error = None
        if error_kind:
            error = "the page is a transport error message, not an article"
        else:
            try:
                article = self.extractor(body, url=final_url, profile=site.extract_profile,
                                         declared_charset=declared_charset)
            except DanvanError as exc:
                error_kind, error = "extract_error", str(exc)
            except Exception as exc:  # a bug in extraction must not stop the crawl
                error_kind, error = "extract_crash", f"{type(exc).__name__}: {exc}"
        if article is not None and not any(p.strip() for p in article.paragraphs):
            error_kind, error, article = "empty_article", "no text extracted", None
        if article is None:
            with fr.transaction() as db:
                fr.finish(db, row.url, "failed", "failed", error_kind=error_kind, error=error)
            self.progress.update(pages=1, errors=1, url=row.fetch_url)
            return
        self._complete_article(article, site, row, final_url, ref, declared_charset, status)
        if site.since and article.published and article.published[:10] < site.since.isoformat():
            with fr.transaction() as db:
                fr.finish(db, row.url, "done", "before_since")
            self.progress.update(pages=1, url=row.fetch_url)
            return
        key = content_key(article)
        article.provenance["content_hash"] = key
        with fr.transaction() as db:
            outcome = fr.store_article(db, row.url, key, article.id, site.name, article.to_json())
            fr.finish(db, row.url, "done", outcome)
        self.progress.update(pages=1, articles=int(outcome == "new"), url=row.fetch_url)

    def _complete_article(self, article: Article, site, row, final_url, ref, charset, status):
        for attr in ("title",):  # a transport error glued to the title (seed 003)
            value = getattr(article, attr) or ""
            found = error_text_in(value)
            if found:
                cleaned = value[value.lower().index(found[1].lower()) + len(found[1]):]
                setattr(article, attr, cleaned.lstrip(" .:-") or None)
                article.warnings.append("crawl: removed a transport error message from the title")
        article.url = final_url
        article.site = site.name
        if not article.province and site.province:
            article.province = site.province
        if not article.id:
            article.id = hashlib.sha1(row.url.encode()).hexdigest()[:16]
        article.provenance.update({
            "source": "crawl", "crawl_site": site.name, "canonical_url": row.url,
            "fetched_url": row.fetch_url, "http_status": status, "declared_charset": charset,
            "extract_profile": site.extract_profile, "crawl_run": self.frontier.run,
            "warc_file": ref.file if ref else None,
            "warc_record_id": ref.record_id if ref else None,
            "warc_offset": ref.offset if ref else None,
            "tls_verified": site.tls_verify is not False,
        })

    # -- helpers -------------------------------------------------------------------------
    def _canonical(self, site: SiteProfile, url: str) -> str | None:
        return canonical_url(url, drop_params=frozenset(site.drop_params))

    def _permit(self, site: SiteProfile, target: str) -> str | None:
        if not site.allows_host(target):
            return "offsite"
        if not self.robots.allowed(target, site.tls_verify):
            return "robots"
        return None

    def _log_result(self, db, result: FetchResult, refs: list[WarcRef]) -> None:
        for ex, ref in zip(result.exchanges, refs):
            self.frontier.log_fetch(db, ex.url, host_key(ex.url), started=ex.started.isoformat(),
                                    elapsed=round(ex.elapsed, 4), http_status=ex.status,
                                    size=len(ex.raw_body), error_kind=None, warc=ref)
        if not result.ok:
            self.frontier.log_fetch(db, result.final_url, host_key(result.final_url), started=None,
                                    elapsed=None, http_status=result.status, size=None,
                                    error_kind=result.error_kind)

    def _log_robots(self, result: FetchResult) -> None:
        refs = [self.archive.write(ex) for ex in result.exchanges] if self.archive else []
        with self.frontier.transaction() as db:
            self._log_result(db, result, refs)

    def export_articles(self) -> Path:
        """Write articles.jsonl from the database (atomically: a kill leaves the old file)."""
        path = self.out / "articles.jsonl"
        tmp = path.with_suffix(".jsonl.tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            for text, urls in self.frontier.iter_articles():
                article = merge_urls(Article.from_json(text), urls)
                fh.write(article.to_json() + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        return path

    def _write_report(self, report: CrawlReport) -> None:
        (self.out / "report.json").write_text(report.to_json() + "\n", encoding="utf-8")
        (self.out / "report.md").write_text(report.to_markdown(), encoding="utf-8")


def crawl(sites: list[SiteProfile], out_dir: str | Path, options: CrawlOptions | None = None,
          *, extractor: Extractor | None = None) -> CrawlReport:
    """Crawl ``sites`` into ``out_dir`` (articles.jsonl, warc/, crawl.db, report.*)."""
    crawler = Crawler(sites, out_dir, options, extractor=extractor)
    try:
        return crawler.run()
    finally:
        crawler.close()
