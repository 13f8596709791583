"""robots.txt, read with protego (a maintained parser with wildcard and Crawl-delay support).

Rules follow RFC 9309: a 4xx robots.txt means "no rules"; a 5xx (after the
fetcher's retries) means "keep out" for this crawl. A robots.txt that cannot be
reached at all (TLS, refused connection) allows the pages through to the
fetcher, which then records the same error against each page rather than
hiding it behind "disallowed by robots".
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urlsplit, urlunsplit

from protego import Protego

from .canonical import host_key
from .fetch import ROBOTS_AGENT, Fetcher, FetchResult


@dataclass
class RobotsRules:
    parser: Protego | None  # None: everything allowed
    disallow_all: bool = False
    source: str = ""  # "200", "404", "unreachable: tls" ...

    def allowed(self, url: str, agent: str = ROBOTS_AGENT) -> bool:
        if self.disallow_all:
            return False
        return True if self.parser is None else bool(self.parser.can_fetch(url, agent))

    def crawl_delay(self, agent: str = ROBOTS_AGENT) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(agent)
        rate = self.parser.request_rate(agent)
        if rate is not None and rate.requests:
            per_request = rate.seconds / rate.requests
            delay = max(delay or 0.0, per_request)
        return float(delay) if delay else None


class RobotsCache:
    """One robots.txt per scheme and host, fetched once through the fetcher."""

    def __init__(self, fetcher: Fetcher, *, on_fetch: Callable[[FetchResult], None] | None = None,
                 obey: bool = True):
        self.fetcher = fetcher
        self.on_fetch = on_fetch  # the crawler archives and logs the robots.txt response
        self.obey = obey
        self._rules: dict[str, RobotsRules] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def rules_for(self, url: str, verify: bool | str = True) -> RobotsRules:
        parts = urlsplit(url)
        key = f"{parts.scheme}://{host_key(url)}"
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            if key not in self._rules:
                self._rules[key] = self._load(urlunsplit((parts.scheme, parts.netloc,
                                                          "/robots.txt", "", "")), verify)
                delay = self._rules[key].crawl_delay()
                if delay:
                    self.fetcher.clock.raise_delay(host_key(url), delay)
                    self.fetcher.clock.defer(host_key(url), delay)  # counts from robots.txt too
            return self._rules[key]

    def allowed(self, url: str, verify: bool | str = True) -> bool:
        return not self.obey or self.rules_for(url, verify).allowed(url)

    def _load(self, robots_url: str, verify: bool | str) -> RobotsRules:
        result = self.fetcher.fetch(robots_url, verify=verify)
        if self.on_fetch:
            self.on_fetch(result)
        status = result.status
        if result.ok and status and 200 <= status < 300:
            text = result.body.decode("utf-8", "replace")
            return RobotsRules(Protego.parse(text), source=str(status))
        if status is not None and 500 <= status < 600:
            return RobotsRules(None, disallow_all=True, source=f"{status}: keep out")
        if status is not None and 400 <= status < 500:
            return RobotsRules(None, source=f"{status}: no rules")
        if result.error_kind and result.error_kind.startswith(("redirect", "too_many")):
            return RobotsRules(None, source=f"{result.error_kind}: no rules")
        return RobotsRules(None, source=f"unreachable: {result.error_kind}")
