"""``danvan crawl`` and ``danvan sites list|check``."""
from __future__ import annotations

import json
import sys
from pathlib import Path


def register(subparsers) -> None:
    p = subparsers.add_parser("crawl", help="crawl sites (profiles) into a directory",
                              description="Crawl one or more site profiles politely and "
                              "resumably. Writes DIR/articles.jsonl, DIR/warc/, DIR/crawl.db and "
                              "DIR/report.md. Run it again to resume a stopped crawl, or later "
                              "to fetch only what is new.")
    p.add_argument("sites", nargs="+", metavar="SITE",
                   help="a site profile: a name from `danvan sites list` or a .toml path")
    p.add_argument("--out", required=True, metavar="DIR", help="output directory")
    p.add_argument("--refetch", action="store_true", help="fetch known article pages again")
    p.add_argument("--delay", type=float, help="seconds between requests to one host "
                   "(overrides the profiles; default 1, from each profile)")
    p.add_argument("--parallel", type=int, default=4, help="hosts crawled at once (default 4)")
    p.add_argument("--max-pages", type=int, help="stop after this many pages (resumable)")
    p.add_argument("--timeout", type=float, help="connect/read timeout in seconds")
    p.add_argument("--contact", help="your URL or e-mail, added to the User-Agent")
    p.add_argument("--quiet", action="store_true", help="no progress display")
    p.set_defaults(func=_crawl)

    s = subparsers.add_parser("sites", help="list site profiles, or check one on a page")
    sub = s.add_subparsers(dest="sites_command", metavar="ACTION")
    lst = sub.add_parser("list", help="the site profiles shipped in pipeline/data/crawl/sites")
    lst.set_defaults(func=_sites_list)
    c = sub.add_parser("check", help="show what a profile extracts from one page",
                       description="Fetch URL (or read FILE) and show what the extraction "
                       "profile takes from it; with --site, also how the site profile "
                       "classifies the page's links (article / pagination / ignored).")
    c.add_argument("page", metavar="URL-or-FILE")
    c.add_argument("--profile", help="extraction profile name or path (default: the --site "
                   "profile's extract_profile, else the generic extractor)")
    c.add_argument("--site", help="site profile (name or .toml) whose link patterns to test")
    c.add_argument("--url", help="the page's URL, when checking a saved FILE")
    c.add_argument("--charset", help="the charset the server declares, for a FILE")
    c.add_argument("--insecure", action="store_true", help="do not verify the TLS certificate")
    c.add_argument("--format", choices=("text", "json"), default="text")
    c.set_defaults(func=_sites_check)
    s.set_defaults(func=lambda args: (s.print_help(), 2)[1])


def _crawl(args) -> int:
    from .crawl import CrawlOptions, crawl
    from .fetch import USER_AGENT
    from .sites import load_site
    sites = [load_site(name) for name in args.sites]
    agent = USER_AGENT if not args.contact else USER_AGENT[:-1] + f"; operator: {args.contact})"
    options = CrawlOptions(refetch=args.refetch, parallel=max(1, args.parallel), delay=args.delay,
                           timeout=args.timeout, max_requests=args.max_pages, user_agent=agent,
                           progress=False if args.quiet else None)
    report = crawl(sites, args.out, options)
    print(report.summary())
    print(f"output: {Path(args.out) / 'articles.jsonl'}, report: {Path(args.out) / 'report.md'}")
    return 0


def _sites_list(args) -> int:
    from .sites import available_sites, load_site
    for name in available_sites():
        site = load_site(name)
        print(f"{name:28} {site.description or ''}")
    return 0


def _sites_check(args) -> int:
    from .check import check_page, format_check
    result = check_page(args.page, profile=args.profile, site=args.site, url=args.url,
                        charset=args.charset, insecure=args.insecure)
    if args.format == "json":
        print(json.dumps(result, ensure_ascii=False, indent=2, default=str))
    else:
        sys.stdout.write(format_check(result))
    return 0 if result.get("article") or result.get("links") else 1
