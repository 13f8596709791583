"""``danvan sites check``: what a profile makes of one page, to write a site profile in minutes."""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import DanvanError, InputError
from .canonical import canonical_url, host_key
from .crawl import default_extractor
from .fetch import Fetcher, error_page_kind
from .links import page_links
from .politeness import HostClock
from .robots import RobotsCache
from .sites import SiteProfile, load_site

MAX_EXAMPLES = 8


def check_page(page: str, *, profile: str | None = None, site: str | SiteProfile | None = None,
               url: str | None = None, charset: str | None = None, insecure: bool = False,
               extractor=None) -> dict:
    """Fetch (or read) one page; return what extraction and the site's link patterns make of it."""
    site_profile = load_site(site) if isinstance(site, str) else site
    explicit_profile = profile is not None
    profile = profile or (site_profile.extract_profile if site_profile else None)
    out: dict = {"page": page, "profile": profile, "site": site_profile.name if site_profile else None}
    if urlsplit(page).scheme in ("http", "https"):
        body, final_url, charset = _fetch(page, site_profile, insecure, out)
        url = final_url
    else:
        path = Path(page)
        if not path.is_file():
            raise InputError(f"{page}: no such file (give a file or an http(s) URL)")
        body = path.read_bytes()
        url = url or (site_profile.start_urls[0] if site_profile else None)
    out["url"] = url
    if body is None:
        return out
    error = error_page_kind(body)
    if error:
        out["error"] = f"{error}: the page is a transport error message, not content"
        return out
    if site_profile and url:
        out["page_kind"] = site_profile.classify(canonical_url(url) or "") or "not matched"
        out["links"] = classify_links(site_profile, body, url)
        if out["page_kind"] != "article" and not explicit_profile:
            out["note"] = "not an article page: extraction skipped (check an article URL)"
            return out
    try:
        article = (extractor or default_extractor)(body, url=url, profile=profile,
                                                   declared_charset=charset)
        out["article"] = article.to_dict()
    except DanvanError as exc:
        out["extract_error"] = str(exc)
    return out


def _fetch(page: str, site: SiteProfile | None, insecure: bool, out: dict):
    fetcher = Fetcher(HostClock(delay=0.0), max_retries=1)
    verify = False if insecure else (site.tls_verify if site else True)
    try:
        robots = RobotsCache(fetcher)
        if not robots.allowed(page, verify):
            raise DanvanError(f"{page}: robots.txt does not allow danvan to fetch this page")
        result = fetcher.fetch(page, verify=verify)
    finally:
        fetcher.close()
    out["http_status"] = result.status
    if not result.ok:
        hint = (" (the site's certificate chain may be incomplete: see README, "
                "'verify_tls' and 'ca_bundle')" if result.error_kind == "tls" else "")
        raise DanvanError(f"{result.error_kind}: {result.error}{hint}")
    return result.body, result.final_url, result.declared_charset


def classify_links(site: SiteProfile, body: bytes, url: str) -> dict:
    """Links of the page by what the site profile would do with them."""
    groups: dict[str, list[str]] = {"article": [], "listing": [], "other_same_host": [],
                                    "offsite": []}
    seen = set()
    for link in page_links(body, url):
        canonical = canonical_url(link.href, drop_params=frozenset(site.drop_params))
        if not canonical or canonical in seen:
            continue
        seen.add(canonical)
        kind = site.classify(canonical)
        if kind:
            groups[kind].append(canonical)
        elif site.allows_host(canonical):
            groups["other_same_host"].append(canonical)
        else:
            groups["offsite"].append(canonical)
    shapes = Counter(_shape(u) for u in groups["other_same_host"])
    return {"counts": {k: len(v) for k, v in groups.items()},
            "examples": {k: v[:MAX_EXAMPLES] for k, v in groups.items()},
            "unmatched_shapes": shapes.most_common(MAX_EXAMPLES),
            "host": host_key(url)}


def _shape(url: str) -> str:
    """/tin-tuc/hoi-nghi-dan-van-123.html?id=5 -> /tin-tuc/*-N.html?id=*: a hint for a pattern."""
    import re
    parts = urlsplit(url)
    segments = []
    for segment in parts.path.split("/"):
        segment = re.sub(r"\d+", "N", segment)
        if segment.count("-") >= 3:  # a slug: keep only its tail (-N, extension)
            segment = "*" + re.search(r"(-N)?(\.\w+)?$", segment).group(0)
        segments.append(segment)
    shape = "/".join(segments)
    if parts.query:
        shape += "?" + re.sub(r"=[^&]*", "=*", parts.query)
    return shape


def format_check(result: dict) -> str:
    lines = [f"page: {result['page']}"]
    if result.get("url") and result["url"] != result["page"]:
        lines.append(f"url: {result['url']}")
    if result.get("http_status"):
        lines.append(f"http status: {result['http_status']}")
    lines.append(f"extraction profile: {result.get('profile') or '(generic)'}")
    if result.get("error"):
        lines.append(f"NOT CONTENT: {result['error']}")
    if result.get("site"):
        lines.append(f"site profile: {result['site']}; this page is: {result.get('page_kind')}")
    links = result.get("links")
    if links:
        c = links["counts"]
        lines.append(f"links: {c['article']} article, {c['listing']} pagination, "
                     f"{c['other_same_host']} other on {links['host']}, {c['offsite']} offsite")
        for kind in ("article", "listing"):
            for u in links["examples"][kind]:
                lines.append(f"  {kind:8} {u}")
        if links["unmatched_shapes"]:
            lines.append("  not matched (shape, count): "
                         + ", ".join(f"{s} x{n}" for s, n in links["unmatched_shapes"]))
    if result.get("note"):
        lines.append(result["note"])
    if result.get("extract_error"):
        lines.append(f"extraction error: {result['extract_error']}")
    article = result.get("article")
    if article:
        paragraphs = article.get("paragraphs") or []
        lines += [f"title: {article.get('title')}",
                  f"published: {article.get('published')} ({article.get('published_precision')})",
                  f"author: {article.get('author')}"
                  + (f" ({article['author_affiliation']})" if article.get("author_affiliation") else ""),
                  f"province: {article.get('province')}",
                  f"paragraphs: {len(paragraphs)}, characters: {sum(len(p) for p in paragraphs)}"]
        for i, p in enumerate(paragraphs[:5], 1):
            lines.append(f"  [{i}] {p[:160]}{'...' if len(p) > 160 else ''}")
        if len(paragraphs) > 5:
            lines.append(f"  ... [{len(paragraphs)}] {paragraphs[-1][:160]}")
        for w in article.get("warnings") or []:
            lines.append(f"warning: {w}")
    return "\n".join(lines) + "\n"
