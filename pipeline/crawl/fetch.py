"""Fetch one URL politely and defensively with requests.

What can go wrong is recorded as an ``error_kind`` on the result, never raised
and never turned into page text: timeouts, refused connections, TLS failures,
5xx after retries, redirect loops, pages over the size cap, gzip bombs, and
200 pages whose body is only a transport error message (seed 003).
"""
from __future__ import annotations

import datetime as dt
import email.utils
import re
import time
import tomllib
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import requests
from requests.structures import CaseInsensitiveDict

from .. import __version__
from .canonical import fetchable_url, host_key
from .politeness import HostClock

CONTACT = "https://github.com/danvan/danvan#crawling"
USER_AGENT = f"danvan/{__version__} (+{CONTACT}; research crawler for Vietnamese dan van news)"
ROBOTS_AGENT = "danvan"  # the token matched against robots.txt User-agent lines

MB = 1024 * 1024
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
RETRY_STATUSES = {429, 500, 502, 503, 504}
ERROR_PAGES_FILE = Path(__file__).resolve().parents[1] / "data" / "crawl" / "error_pages.toml"


@dataclass
class Exchange:
    """One HTTP request and the raw response to it, as archived in WARC."""

    url: str
    request_headers: dict[str, str]
    status: int
    reason: str
    http_version: str
    headers: list[tuple[str, str]]
    raw_body: bytes  # as on the wire, chunked encoding removed, content encoding kept
    started: dt.datetime
    elapsed: float
    method: str = "GET"

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((v for k, v in self.headers if k.lower() == name), None)


@dataclass
class FetchResult:
    url: str  # the URL asked for
    final_url: str  # after redirects
    status: int | None = None
    headers: CaseInsensitiveDict = field(default_factory=CaseInsensitiveDict)
    body: bytes = b""  # content encoding removed
    exchanges: list[Exchange] = field(default_factory=list)
    error_kind: str | None = None  # None when the page was received
    error: str | None = None
    attempts: int = 0

    @property
    def ok(self) -> bool:
        return self.error_kind is None

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def declared_charset(self) -> str | None:
        match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", self.headers.get("Content-Type", ""), re.I)
        return match.group(1) if match else None


class _Failure(Exception):
    def __init__(self, kind: str, message: str, retry: bool = False):
        super().__init__(message)
        self.kind, self.retry = kind, retry


class Fetcher:
    """A requests session with retries, backoff, caps and the host clock."""

    def __init__(self, clock: HostClock | None = None, *, user_agent: str = USER_AGENT,
                 timeout: float = 20.0, max_retries: int = 3, backoff: float = 1.0,
                 max_backoff: float = 60.0, max_retry_after: float = 300.0,
                 max_redirects: int = 5, max_bytes: int = 10 * MB,
                 max_decoded_bytes: int = 40 * MB, max_time: float = 120.0):
        self.clock = clock or HostClock()
        self.user_agent = user_agent
        self.timeout = timeout
        self.max_retries = max_retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.max_retry_after = max_retry_after
        self.max_redirects = max_redirects
        self.max_bytes = max_bytes
        self.max_decoded_bytes = max_decoded_bytes
        self.max_time = max_time
        self.session = requests.Session()
        self.session.headers.update({
            "User-Agent": user_agent,
            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
            "Accept-Language": "vi,en;q=0.5",
            "Accept-Encoding": "gzip, deflate",  # what _decode understands, nothing more
        })
        adapter = requests.adapters.HTTPAdapter(pool_connections=16, pool_maxsize=16, max_retries=0)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    def close(self) -> None:
        self.session.close()

    def fetch(self, url: str, *, headers: dict[str, str] | None = None,
              verify: bool | str = True, timeout: float | None = None,
              permit: Callable[[str], str | None] | None = None) -> FetchResult:
        """GET ``url``, following at most ``max_redirects`` redirects.

        ``permit(url)`` may veto a redirect target (robots.txt, other host) by
        returning the reason.
        """
        if verify is False:  # the site profile chose it; provenance records it
            import urllib3
            urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
        result = FetchResult(url=url, final_url=url)
        chain = [url]
        current = url
        while True:
            try:
                exchange = self._get_with_retries(current, headers or {}, verify,
                                                  timeout or self.timeout, result)
            except _Failure as failure:
                result.error_kind, result.error = failure.kind, f"{current}: {failure}"
                return result
            result.final_url = current
            result.status = exchange.status
            result.headers = CaseInsensitiveDict(exchange.headers)
            location = exchange.header("Location")
            if exchange.status in REDIRECT_STATUSES and location:
                target = fetchable_url(location, current)
                if target is None:
                    return _fail(result, "bad_redirect", f"{current}: Location {location!r}")
                if target in chain:
                    return _fail(result, "redirect_loop", " -> ".join(chain + [target]))
                if len(chain) > self.max_redirects:
                    return _fail(result, "too_many_redirects",
                                 f"more than {self.max_redirects} redirects from {url}")
                veto = permit(target) if permit else None
                if veto:
                    return _fail(result, f"redirect_{veto}", f"{current} -> {target}: {veto}")
                chain.append(target)
                current = target
                continue
            if exchange.status == 304 or 200 <= exchange.status < 300:
                try:
                    result.body = self._decode(exchange)
                except _Failure as failure:
                    return _fail(result, failure.kind, f"{current}: {failure}")
                return result
            return _fail(result, f"http_{exchange.status}",
                         f"{current}: HTTP {exchange.status} {exchange.reason}")

    # -- one URL, with retries -------------------------------------------------
    def _get_with_retries(self, url, headers, verify, timeout, result) -> Exchange:
        host = host_key(url)
        last: Exchange | None = None
        for attempt in range(self.max_retries + 1):
            result.attempts += 1
            wait = min(self.max_backoff, self.backoff * (2 ** attempt))
            try:
                with self.clock.slot(host):
                    last = self._request(url, headers, verify, timeout)
            except _Failure as failure:
                if not failure.retry or attempt == self.max_retries:
                    raise
            else:
                result.exchanges.append(last)
                if last.status not in RETRY_STATUSES:
                    return last
                retry_after = parse_retry_after(last.header("Retry-After"))
                if retry_after is not None:
                    if retry_after > self.max_retry_after:
                        return last  # the server asks for more patience than we have
                    wait = retry_after
                if attempt == self.max_retries:
                    return last
            self.clock.defer(host, wait)
        assert last is not None
        return last

    def _request(self, url, headers, verify, timeout) -> Exchange:
        started = dt.datetime.now(dt.timezone.utc)
        t0 = time.monotonic()
        try:
            response = self.session.get(url, headers=headers, stream=True, allow_redirects=False,
                                        timeout=(timeout, timeout), verify=verify)
        except requests.exceptions.SSLError as exc:
            raise _Failure("tls", _short(exc)) from None
        except (requests.exceptions.ConnectTimeout, requests.exceptions.ReadTimeout) as exc:
            raise _Failure("timeout", _short(exc), retry=True) from None
        except requests.exceptions.ConnectionError as exc:
            raise _Failure("connection", _short(exc), retry=True) from None
        except requests.exceptions.RequestException as exc:
            raise _Failure("request", _short(exc)) from None
        try:
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > self.max_bytes:
                raise _Failure("too_large", f"Content-Length {length} > {self.max_bytes} bytes")
            chunks, size = [], 0
            for chunk in response.raw.stream(64 * 1024, decode_content=False):
                size += len(chunk)
                if size > self.max_bytes:
                    raise _Failure("too_large", f"body over {self.max_bytes} bytes")
                if time.monotonic() - t0 > self.max_time:
                    raise _Failure("timeout", f"body not received in {self.max_time:.0f} s", True)
                chunks.append(chunk)
        except _Failure:
            raise
        except Exception as exc:  # urllib3 read errors surface here, unwrapped
            name = type(exc).__name__
            kind = "timeout" if "Timeout" in name else "tls" if "SSL" in name else "connection"
            raise _Failure(kind, _short(exc), retry=kind != "tls") from None
        finally:
            response.close()
        version = {10: "HTTP/1.0", 11: "HTTP/1.1", 20: "HTTP/2"}.get(
            getattr(response.raw, "version", 11), "HTTP/1.1")
        sent = dict(response.request.headers) if response.request is not None else dict(headers)
        return Exchange(url=url, request_headers=sent, status=response.status_code,
                        reason=response.reason or "", http_version=version,
                        headers=list(response.raw.headers.items()), raw_body=b"".join(chunks),
                        started=started, elapsed=time.monotonic() - t0)

    def _decode(self, exchange: Exchange) -> bytes:
        encodings = [e.strip().lower() for e in (exchange.header("Content-Encoding") or "").split(",")]
        return decode_content(exchange.raw_body, encodings, self.max_decoded_bytes)


def decode_content(data: bytes, encodings: list[str], cap: int) -> bytes:
    """Undo Content-Encoding (gzip, deflate) without ever holding more than ``cap`` bytes."""
    for encoding in reversed(encodings):
        if encoding in ("", "identity"):
            continue
        if encoding in ("gzip", "x-gzip"):
            modes = [16 + zlib.MAX_WBITS]
        elif encoding == "deflate":
            modes = [zlib.MAX_WBITS, -zlib.MAX_WBITS]  # zlib-wrapped, or raw as IIS sends it
        else:
            raise _Failure("bad_encoding", f"unsupported Content-Encoding {encoding!r}")
        for i, wbits in enumerate(modes):
            decoder = zlib.decompressobj(wbits)
            try:
                out = decoder.decompress(data, cap + 1)
            except zlib.error as exc:
                if i + 1 < len(modes):
                    continue
                raise _Failure("bad_encoding", f"{encoding} body does not decode: {exc}") from None
            if len(out) > cap or decoder.unconsumed_tail:
                raise _Failure("too_large", f"body over {cap} bytes once decompressed")
            data = out
            break
    if len(data) > cap:
        raise _Failure("too_large", f"body over {cap} bytes")
    return data


def parse_retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return max(0.0, (when - dt.datetime.now(dt.timezone.utc)).total_seconds())


def _fail(result: FetchResult, kind: str, message: str) -> FetchResult:
    result.error_kind, result.error = kind, message
    return result


def _short(exc: Exception) -> str:
    text = str(exc)
    return text if len(text) < 300 else text[:297] + "..."


# -- 200 pages that are really transport errors ----------------------------------
_TAGS = re.compile(rb"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.S | re.I)


def _load_error_texts() -> list[tuple[str, str]]:
    data = tomllib.loads(ERROR_PAGES_FILE.read_text(encoding="utf-8"))
    return [(p["kind"], p["text"]) for p in data.get("pattern", [])]


ERROR_TEXTS = _load_error_texts()


def error_text_in(text: str) -> tuple[str, str] | None:
    """The (kind, message) of a known transport error message found in ``text``."""
    low = text.lower()
    for kind, message in ERROR_TEXTS:
        if message.lower() in low:
            return kind, message
    return None


def error_page_kind(body: bytes, *, max_other_chars: int = 400) -> str | None:
    """The kind of transport error a page *is* (its visible text is little else), or None."""
    visible = _TAGS.sub(b" ", body[:200_000]).decode("utf-8", "replace")
    visible = " ".join(visible.split())
    found = error_text_in(visible)
    if not found:
        return None
    rest = re.sub(re.escape(found[1]), "", visible, flags=re.I)
    return found[0] if len(rest) <= max_other_chars else None
