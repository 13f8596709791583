"""``danvan cite``, ``danvan directives``, ``danvan cited-by``, ``danvan cocited``."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Iterator

from ..errors import InputError


def register(subparsers) -> None:
    cite = subparsers.add_parser(
        "cite", help="extract directive citations (JSONL out)",
        description="Read plain text, an Article JSON or Article JSONL; write one JSON line per citation "
                    "(with the article's id, province, date and a context snippet).")
    cite.add_argument("input", help="a file, or - for standard input")
    cite.add_argument("--province", help="province of plain-text input (scope of local numbers)")
    cite.add_argument("--published", help="publication date of plain-text input (ISO), to date documents")
    cite.add_argument("--no-named", action="store_true", help="numbered citations only")
    cite.add_argument("--articles", action="store_true", help="write the articles with citations filled instead")
    cite.set_defaults(func=run_cite)

    directives = subparsers.add_parser(
        "directives", help="most cited documents",
        description="Rank documents by the number of articles citing them. IN is Article JSONL "
                    "(citations are extracted if missing) or the output of danvan cite.")
    directives.add_argument("input")
    directives.add_argument("--by", choices=["province", "year"], help="one ranking per province or year")
    directives.add_argument("--top", type=int, default=20, help="rows per group (default 20; 0 for all)")
    directives.add_argument("--csv", action="store_true", help="CSV instead of a table")
    directives.set_defaults(func=run_directives)

    cited = subparsers.add_parser("cited-by", help="articles citing a document, with context",
                                  description="NUMBER is a number (25-NQ/TW: every document of that number) "
                                              "or an identity key (25-NQ/TW|XI).")
    cited.add_argument("number")
    cited.add_argument("input")
    cited.add_argument("--csv", action="store_true")
    cited.set_defaults(func=run_cited_by)

    co = subparsers.add_parser("cocited", help="pairs of documents cited together")
    co.add_argument("input")
    co.add_argument("--min", type=int, default=2, help="least number of articles citing both (default 2)")
    co.add_argument("--top", type=int, default=50)
    co.add_argument("--csv", action="store_true")
    co.set_defaults(func=run_cocited)


def _read(path: str) -> str:
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        file = Path(path)
        if not file.is_file():
            raise InputError(f"no such file: {path}")
        data = file.read_bytes()
    if b"\x00" in data[:4096]:
        raise InputError(f"{path}: looks like a binary file, not text or JSON")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from exc


def _articles(path: str, province: str | None = None, published: str | None = None) -> Iterator:
    """Articles from text, one Article JSON, Article JSONL or citation rows (JSONL)."""
    from ..models import Article
    from .index import articles_from_rows

    content = _read(path)
    if not content.strip():
        raise InputError(f"{path}: empty input")
    stripped = content.lstrip()
    if stripped.startswith("{"):
        try:
            whole = json.loads(content)
            records = [whole]
        except json.JSONDecodeError:
            records = []
            for number, line in enumerate(content.splitlines(), 1):
                if not line.strip():
                    continue
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path}: line {number} is not JSON ({exc.msg})") from exc
        if any(not isinstance(r, dict) for r in records):
            raise InputError(f"{path}: every JSON line must be an object")
        if records and all("article_id" in r and "start" in r for r in records):
            yield from articles_from_rows(records)
            return
        for number, record in enumerate(records, 1):
            if "id" not in record:
                record = {**record, "id": str(record.get("url") or number)}
            try:
                yield Article.from_dict(record)
            except (TypeError, ValueError) as exc:
                raise InputError(f"{path}: record {number} is not an article ({exc})") from exc
        return
    name = "-" if path == "-" else Path(path).name
    yield Article(id=name, paragraphs=content.splitlines(), province=province, published=published)


def _with_citations(path: str, named: bool = True, **kwargs) -> Iterator:
    from . import cite_article
    for article in _articles(path, **kwargs):
        if not article.citations and article.paragraphs:
            cite_article(article, named=named)
        yield article


def run_cite(args: argparse.Namespace) -> int:
    from .index import citation_rows
    out = sys.stdout
    for article in _with_citations(args.input, named=not args.no_named,
                                   province=args.province, published=args.published):
        if args.articles:
            out.write(article.to_json() + "\n")
            continue
        for row in citation_rows([article]):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


def _table(rows: list[dict], columns: list[str]) -> str:
    if not rows:
        return "(none)\n"
    cells = [[("" if r.get(c) is None else str(r.get(c)))[:70] for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths))]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)) for row in cells]
    return "\n".join(lines) + "\n"


def run_directives(args: argparse.Namespace) -> int:
    from .index import most_cited, write_csv
    rows = most_cited(_with_citations(args.input), by=args.by, top=args.top or None)
    if args.csv:
        write_csv(rows, sys.stdout)
    else:
        columns = (["group"] if args.by else []) + ["document", "key", "kind", "articles", "mentions", "title"]
        sys.stdout.write(_table(rows, columns))
    return 0


def run_cited_by(args: argparse.Namespace) -> int:
    from .index import cited_by, write_csv
    rows = cited_by(_with_citations(args.input), args.number)
    if args.csv:
        write_csv(rows, sys.stdout)
    else:
        for row in rows:
            sys.stdout.write(f"{row['article_id']}\t{row['province'] or '?'}\t{(row['published'] or '?')[:10]}"
                             f"\t{row['key']}\t{row['context']}\n")
        if not rows:
            sys.stdout.write("(none)\n")
    return 0


def run_cocited(args: argparse.Namespace) -> int:
    from .index import cocited, write_csv
    rows = cocited(_with_citations(args.input), min_articles=args.min)[: args.top or None]
    if args.csv:
        write_csv(rows, sys.stdout)
    else:
        sys.stdout.write(_table(rows, ["document_a", "key_a", "document_b", "key_b", "articles"]))
    return 0
