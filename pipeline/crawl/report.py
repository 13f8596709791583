"""The crawl report (pages, errors by kind, articles new/duplicate/failed) and the progress line."""
from __future__ import annotations

import json
import sys
import time
from dataclasses import asdict, dataclass, field

from .frontier import Frontier

ARTICLE_FAILURES = ("failed", "error_page", "extract_error", "empty_article")


@dataclass
class CrawlReport:
    run: int
    resumed: bool
    sites: list[str]
    complete: bool  # False: stopped early (limit, interrupt); the next crawl resumes it
    elapsed_s: float
    requests: int  # HTTP exchanges, robots.txt, retries and redirect hops included
    bytes: int
    pages: dict[str, int] = field(default_factory=dict)  # listing / article pages processed
    outcomes: dict[str, int] = field(default_factory=dict)  # listing, not_modified, robots ...
    errors: dict[str, int] = field(default_factory=dict)  # failed pages by error kind
    articles: dict[str, int] = field(default_factory=dict)  # new, duplicate, failed ...
    articles_total: int = 0  # in the output file, all runs
    pending: int = 0
    hosts: dict[str, dict] = field(default_factory=dict)  # requests, waited, requests/s

    @classmethod
    def build(cls, frontier: Frontier, *, run: int, resumed: bool, sites: list[str],
              complete: bool, elapsed_s: float, host_stats: dict | None = None) -> "CrawlReport":
        q = frontier.query
        requests, size = q("SELECT COUNT(*), COALESCE(SUM(bytes), 0) FROM fetch_log "
                           "WHERE run=? AND started IS NOT NULL",
                           (run,))[0]
        report = cls(run=run, resumed=resumed, sites=sites, complete=complete,
                     elapsed_s=round(elapsed_s, 2), requests=requests, bytes=size)
        for kind, status, outcome, error_kind, n in q(
                "SELECT kind, status, outcome, error_kind, COUNT(*) FROM urls WHERE run=? "
                "AND status NOT IN ('pending', 'fetched') GROUP BY 1, 2, 3, 4", (run,)):
            report.pages[kind] = report.pages.get(kind, 0) + n
            if status == "failed":
                report.errors[error_kind or "unknown"] = report.errors.get(error_kind or "unknown", 0) + n
            if kind == "article":
                label = "failed" if status == "failed" else outcome or status
                report.articles[label] = report.articles.get(label, 0) + n
            else:
                label = outcome or status
                report.outcomes[label] = report.outcomes.get(label, 0) + n
        for key in ("new", "duplicate", "failed"):
            report.articles.setdefault(key, 0)
        report.pending = frontier.unfinished()
        report.articles_total = q("SELECT COUNT(*) FROM articles")[0][0]
        for host, n, first, last in q(
                "SELECT host, COUNT(*), MIN(started), MAX(started) FROM fetch_log "
                "WHERE run=? AND started IS NOT NULL GROUP BY host", (run,)):
            report.hosts[host] = {"requests": n, **(host_stats or {}).get(host, {})}
        return report

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2)

    def to_markdown(self) -> str:
        lines = [f"# Crawl report (run {self.run}{', resumed' if self.resumed else ''})", "",
                 f"- sites: {', '.join(self.sites)}",
                 f"- complete: {'yes' if self.complete else f'no, {self.pending} URLs pending'}",
                 f"- time: {self.elapsed_s:.1f} s; requests: {self.requests}; "
                 f"bytes: {self.bytes:,}",
                 f"- pages: " + ", ".join(f"{k} {v}" for k, v in sorted(self.pages.items())),
                 f"- listing outcomes: " + (", ".join(f"{k} {v}" for k, v in
                                                     sorted(self.outcomes.items())) or "none"),
                 f"- articles: " + ", ".join(f"{k} {v}" for k, v in sorted(self.articles.items()))
                 + f" (in the output: {self.articles_total})",
                 "", "| error kind | pages |", "|---|---:|"]
        lines += [f"| {k} | {v} |" for k, v in sorted(self.errors.items())] or ["| none | 0 |"]
        if self.hosts:
            lines += ["", "| host | requests | waited s |", "|---|---:|---:|"]
            lines += [f"| {h} | {s['requests']} | {s.get('waited_s', '')} |"
                      for h, s in sorted(self.hosts.items())]
        return "\n".join(lines) + "\n"

    def summary(self) -> str:
        a = self.articles
        return (f"run {self.run}: {sum(self.pages.values())} pages, {self.requests} requests, "
                f"articles new {a.get('new', 0)} duplicate {a.get('duplicate', 0)} "
                f"failed {a.get('failed', 0)}, errors {sum(self.errors.values())}"
                + ("" if self.complete else f", stopped with {self.pending} pending"))


class Progress:
    """A live line on a terminal (rich); silent when stderr is not a TTY."""

    def __init__(self, enabled: bool | None = None):
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.counts = {"pages": 0, "articles": 0, "errors": 0}
        self._live = None
        self._last = 0.0
        if self.enabled:
            from rich.console import Console
            from rich.live import Live
            self._live = Live("", console=Console(stderr=True), refresh_per_second=4,
                              transient=False)
            self._live.start()

    def update(self, *, pages: int = 0, articles: int = 0, errors: int = 0,
               url: str = "", pending: int | None = None) -> None:
        self.counts["pages"] += pages
        self.counts["articles"] += articles
        self.counts["errors"] += errors
        if self._live is None or time.monotonic() - self._last < 0.2:
            return
        self._last = time.monotonic()
        c = self.counts
        tail = f" pending {pending}" if pending is not None else ""
        self._live.update(f"[bold]crawl[/] pages {c['pages']}  articles {c['articles']}  "
                          f"errors {c['errors']}{tail}  [dim]{url[-70:]}[/]")

    def close(self) -> None:
        if self._live is not None:
            self._live.stop()
            self._live = None
