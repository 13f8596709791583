"""CLI: ``danvan process``, ``danvan query`` and ``danvan serve``."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import DanvanError

FORMATS = ("table", "csv", "jsonl", "parquet")


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "process", help="clean/extract, tag themes, extract citations and store articles",
        description="Run the pipeline on text files, HTML pages, Article JSONL files, "
                    "directories of these, or a crawl's output directory, and store the "
                    "results in a corpus database (re-processing replaces an article).")
    p.add_argument("inputs", nargs="+", metavar="IN")
    p.add_argument("--db", required=True, help="the corpus SQLite file (created if missing)")
    p.add_argument("--model", help="theme model to use (default: the bundled one)")
    p.add_argument("--no-themes", action="store_true", help="do not tag themes")
    p.add_argument("--no-citations", action="store_true", help="do not extract citations")
    p.add_argument("--batch-size", type=int, default=100,
                   help="articles per transaction (default 100)")
    p.set_defaults(func=_process)

    q = subparsers.add_parser(
        "query", help="query a corpus database",
        description="Filters combine (all must hold). Output as a table, CSV, JSONL or Parquet.")
    q.add_argument("db", help="the corpus SQLite file")
    q.add_argument("--theme", action="append", metavar="LABEL[:LEVEL]",
                   help="theme at level 2 (default) or at least LEVEL (religion:1); repeatable")
    q.add_argument("--province", help="province as published or as merged in 2025")
    q.add_argument("--since", help="published on or after YYYY[-MM[-DD]]")
    q.add_argument("--until", help="published on or before YYYY[-MM[-DD]]")
    q.add_argument("--cites", action="append", metavar="NUMBER",
                   help="cites this directive (25-NQ/TW) or identity key; repeatable")
    q.add_argument("--search", help="full-text search, diacritics optional; \"quoted phrase\"")
    q.add_argument("--site", help="site host name, e.g. dancap.vn")
    q.add_argument("--limit", type=int)
    q.add_argument("--format", choices=FORMATS, default="table")
    q.add_argument("--out", help="write to this file instead of standard output")
    q.set_defaults(func=_query)

    s = subparsers.add_parser(
        "serve", help="browse a corpus database in Datasette (read-only)",
        description="Starts Datasette on the corpus in immutable mode, with facets, "
                    "full-text search and canned queries.")
    s.add_argument("db", help="the corpus SQLite file")
    s.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    s.add_argument("--port", type=int, default=8001)
    s.set_defaults(func=_serve)


def _process(args: argparse.Namespace) -> int:
    from .process import Stages, run

    if args.batch_size < 1:
        raise DanvanError("--batch-size must be at least 1")
    stages = Stages.load(themes=not args.no_themes, citations=not args.no_citations,
                         model=args.model)
    stored, failures = run(args.inputs, args.db, stages=stages, batch_size=args.batch_size)
    print(f"stored {stored} article(s) in {args.db}"
          + (f"; {len(failures)} input(s) skipped (see above)" if failures else ""))
    if failures and not stored:
        return 2
    return 1 if failures else 0


def _query(args: argparse.Namespace) -> int:
    from .query import query

    if args.format == "parquet" and not args.out:
        raise DanvanError("--format parquet needs --out FILE")
    frame = query(args.db, theme=args.theme, province=args.province, since=args.since,
                  until=args.until, cites=args.cites, search=args.search, site=args.site,
                  limit=args.limit)
    write_frame(frame, args.format, args.out)
    return 0


def write_frame(frame, fmt: str, out: str | None) -> None:
    if fmt == "parquet":
        frame.to_parquet(out, index=False)
        return
    if fmt == "csv":
        text = frame.to_csv(index=False)
    elif fmt == "jsonl":
        records = frame.astype(object).where(frame.notna(), None).to_dict("records")
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    else:
        text = _table(frame)
    if out:
        Path(out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def _table(frame) -> str:
    if frame.empty:
        return "no matching articles\n"
    shown = frame[["id", "published", "province", "title", "themes", "directives"]].copy()
    if frame["relevance"].notna().any():
        shown.insert(1, "relevance", frame["relevance"].round(2))
    shown["title"] = shown["title"].fillna("").map(lambda t: t if len(t) <= 70 else t[:69] + "…")
    shown["published"] = shown["published"].fillna("").str[:10]
    return shown.fillna("").to_string(index=False) + f"\n({len(frame)} article(s))\n"


def _serve(args: argparse.Namespace) -> int:
    from .serve import serve

    return serve(args.db, host=args.host, port=args.port)
