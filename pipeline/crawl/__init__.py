"""Crawl provincial dân vận sites politely and resumably, archiving every raw page.

Public API::

    from pipeline.crawl import load_site, crawl, CrawlOptions
    report = crawl([load_site("example-nukeviet")], "out/", CrawlOptions(delay=1.0))

``danvan crawl SITE... --out DIR`` and ``danvan sites check`` wrap the same calls.
"""
from .canonical import canonical_url, fetchable_url, host_key
from .crawl import CrawlOptions, Crawler, crawl
from .fetch import USER_AGENT, Fetcher, FetchResult
from .report import CrawlReport
from .sites import SiteProfile, available_sites, load_site, site_from_dict

__all__ = ["CrawlOptions", "CrawlReport", "Crawler", "FetchResult", "Fetcher", "SiteProfile",
           "USER_AGENT", "available_sites", "canonical_url", "crawl", "fetchable_url",
           "host_key", "load_site", "site_from_dict"]
