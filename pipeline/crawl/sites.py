"""Crawl site profiles: what to fetch from one site, as a TOML data file.

A profile lives in ``pipeline/data/crawl/sites/<name>.toml`` (or anywhere, given
by path). See README "## Crawling" for the format; ``SiteProfile`` below lists
every key with its default.
"""
from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import DanvanError
from .canonical import canonical_url, host_key

SITES_DIR = Path(__file__).resolve().parents[1] / "data" / "crawl" / "sites"


@dataclass
class SiteProfile:
    name: str
    start_urls: list[str]
    article_patterns: list[str]
    pagination_patterns: list[str] = field(default_factory=list)
    exclude_patterns: list[str] = field(default_factory=list)
    allowed_hosts: list[str] = field(default_factory=list)  # default: the start URLs' hosts
    extract_profile: str | None = None  # None: the extractor's generic path
    description: str = ""
    since: dt.date | None = None  # stop paging back past this date; drop older articles
    delay: float = 1.0  # seconds between two requests to one host
    jitter: float = 0.5  # extra random wait, as a fraction of delay (never less than delay)
    timeout: float = 20.0  # connect and read timeout, seconds
    max_listing_pages: int = 500  # per crawl run: bounds calendar traps and endless paging
    max_depth: int = 200  # listing pages followed from a start URL, in a chain
    max_articles: int = 0  # 0: no limit
    stop_when_no_new: bool = True  # a listing page with no new article link ends its paging
    verify_tls: bool = True  # False: accept any certificate (last resort, see README)
    ca_bundle: str | None = None  # PEM file with the site's missing intermediate certificates
    drop_params: list[str] = field(default_factory=list)  # more query keys to ignore
    province: str | None = None  # the site's province, passed on to articles without one
    path: str | None = None  # the file it was read from

    # compiled forms, filled by __post_init__
    _article_re: list[re.Pattern] = field(default_factory=list, repr=False)
    _pagination_re: list[re.Pattern] = field(default_factory=list, repr=False)
    _exclude_re: list[re.Pattern] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        if not self.start_urls:
            raise DanvanError(f"site {self.name!r}: start_urls is empty")
        if not self.article_patterns:
            raise DanvanError(f"site {self.name!r}: article_patterns is empty")
        for url in self.start_urls:
            if canonical_url(url) is None:
                raise DanvanError(f"site {self.name!r}: start URL {url!r} is not http(s)")
        if not self.allowed_hosts:
            self.allowed_hosts = sorted({host_key(u) for u in self.start_urls})
        self.allowed_hosts = [h.lower().rstrip(".") for h in self.allowed_hosts]
        self._article_re = _compile(self.name, "article_patterns", self.article_patterns)
        self._pagination_re = _compile(self.name, "pagination_patterns", self.pagination_patterns)
        self._exclude_re = _compile(self.name, "exclude_patterns", self.exclude_patterns)
        if self.delay < 0 or self.jitter < 0:
            raise DanvanError(f"site {self.name!r}: delay and jitter must be >= 0")
        if self.ca_bundle and self.path and not Path(self.ca_bundle).is_absolute():
            self.ca_bundle = str(Path(self.path).parent / self.ca_bundle)
        if self.ca_bundle and not Path(self.ca_bundle).is_file():
            raise DanvanError(f"site {self.name!r}: ca_bundle {self.ca_bundle} not found")

    # -- link classification -------------------------------------------------
    def allows_host(self, url: str) -> bool:
        return host_key(url) in self.allowed_hosts

    def classify(self, url: str) -> str | None:
        """'article', 'listing' or None (not followed), for a canonical URL."""
        if not self.allows_host(url) or any(r.search(url) for r in self._exclude_re):
            return None
        if any(r.search(url) for r in self._article_re):
            return "article"
        if any(r.search(url) for r in self._pagination_re):
            return "listing"
        return None

    @property
    def tls_verify(self) -> bool | str:
        """The value for requests' ``verify``: a CA bundle path, or a bool."""
        return self.ca_bundle or self.verify_tls

    def hosts(self) -> set[str]:
        return {urlsplit(u).hostname or "" for u in self.start_urls}


def _compile(site: str, key: str, patterns: list[str]) -> list[re.Pattern]:
    out = []
    for pattern in patterns:
        try:
            out.append(re.compile(pattern))
        except re.error as exc:
            raise DanvanError(f"site {site!r}: bad regex in {key}: {pattern!r} ({exc})") from None
    return out


_KEYS = {f.name for f in fields(SiteProfile) if not f.name.startswith("_")} - {"path"}


def site_from_dict(data: dict, *, path: str | None = None, name: str | None = None) -> SiteProfile:
    unknown = set(data) - _KEYS
    if unknown:
        raise DanvanError(f"site profile {path or name}: unknown key(s) {sorted(unknown)}; "
                          f"known: {sorted(_KEYS)}")
    values = dict(data)
    values.setdefault("name", name or (Path(path).stem if path else "site"))
    for key in ("start_urls", "article_patterns", "pagination_patterns", "exclude_patterns",
                "allowed_hosts", "drop_params"):
        if isinstance(values.get(key), str):
            values[key] = [values[key]]
    since = values.get("since")
    if isinstance(since, str):
        try:
            values["since"] = dt.date.fromisoformat(since)
        except ValueError:
            raise DanvanError(f"site profile {path or name}: since={since!r} is not a date "
                              "(write 2020-01-01)") from None
    elif isinstance(since, dt.datetime):
        values["since"] = since.date()
    for key in ("start_urls", "article_patterns"):
        if key not in values:
            raise DanvanError(f"site profile {path or values['name']}: {key} is required")
    try:
        return SiteProfile(**values, path=path)
    except TypeError as exc:
        raise DanvanError(f"site profile {path or values['name']}: {exc}") from None


def load_site(name_or_path: str | Path) -> SiteProfile:
    """A site profile by file path, or by name among ``pipeline/data/crawl/sites``."""
    candidate = Path(name_or_path)
    if not candidate.is_file():
        candidate = SITES_DIR / f"{name_or_path}.toml"
    if not candidate.is_file():
        known = ", ".join(available_sites()) or "none"
        raise DanvanError(f"no site profile {str(name_or_path)!r} (a .toml path, or one of: {known})")
    try:
        data = tomllib.loads(candidate.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DanvanError(f"site profile {candidate}: not valid TOML ({exc})") from None
    return site_from_dict(data, path=str(candidate))


def available_sites() -> list[str]:
    return sorted(p.stem for p in SITES_DIR.glob("*.toml"))
