"""``danvan extract PAGE.html`` and ``danvan clean FILE.txt|-``: Article JSON, JSONL or text."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import DanvanError, InputError

MAX_TEXT_BYTES = 20_000_000  # a scraped text file larger than this is cut (and marked best effort)


def register(subparsers) -> None:
    extract = subparsers.add_parser(
        "extract", help="HTML page(s) -> clean Article (site profile, or the generic path)",
        description="Extract the article of an HTML page: title, date, author, province, "
                    "paragraphs and captions, without the page's boilerplate.")
    extract.add_argument("pages", nargs="+", metavar="PAGE.html", help="HTML file(s); - reads stdin")
    extract.add_argument("--url", help="the page's address (picks the profile by host, fills site)")
    extract.add_argument("--profile", help="profile name or .toml path; 'generic' forces the generic "
                                           "path (default: the profile that matches the page)")
    extract.add_argument("--charset", help="the charset the server declared (checked against the bytes)")
    _add_format(extract)
    extract.set_defaults(func=run_extract)

    clean = subparsers.add_parser(
        "clean", help="scraped text file(s) -> clean Article",
        description="Clean text a scraper saved: remove boilerplate, find title, date, author, "
                    "province, paragraphs and captions.")
    clean.add_argument("files", nargs="+", metavar="FILE.txt", help="text file(s); - reads stdin")
    clean.add_argument("--url", help="the address the text came from")
    clean.add_argument("--id", help="article id (default: the file name without extension)")
    _add_format(clean)
    clean.set_defaults(func=run_clean)


def _add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("json", "jsonl", "text"), default="json",
                        help="json (default), jsonl (one article a line) or text")


def _read(path: str, limit: int) -> bytes:
    if path == "-":
        data = sys.stdin.buffer.read(limit + 1)
    else:
        file = Path(path)
        if not file.exists():
            raise InputError(f"{path}: no such file")
        if file.is_dir():
            raise InputError(f"{path}: is a directory")
        try:
            with file.open("rb") as fh:
                data = fh.read(limit + 1)
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    return data


def run_extract(args) -> int:
    from .html import MAX_BYTES, extract_html

    def one(path: str):
        data = _read(path, 64 * MAX_BYTES)  # extract_html cuts the page itself
        article = extract_html(data, url=args.url, profile=args.profile, declared_charset=args.charset,
                               id=None if path == "-" else Path(path).stem)
        article.provenance.setdefault("source", path)
        return article

    return _run(args.pages, one, args.format, "extract")


def run_clean(args) -> int:
    from ..normalize.decode import decode_bytes
    from .clean import clean_text

    def one(path: str):
        data = _read(path, MAX_TEXT_BYTES)
        cut = len(data) > MAX_TEXT_BYTES
        if cut:
            data = data[:data.rfind(b"\n", 0, MAX_TEXT_BYTES) + 1 or MAX_TEXT_BYTES]
        decoded = decode_bytes(data, None, html=False)
        article = clean_text(decoded.text, id=args.id if len(args.files) == 1 else None,
                             url=args.url, source=path)
        notes = list(decoded.warnings) + ([f"file cut to its first {len(data):,} bytes"] if cut else [])
        if notes:
            article.best_effort = True
            article.warnings.extend(notes)
        return article

    return _run(args.files, one, args.format, "clean")


def _run(paths: list[str], one, fmt: str, command: str) -> int:
    articles, failed = [], 0
    for path in paths:
        try:
            articles.append(one(path))
        except DanvanError as exc:
            if len(paths) == 1:
                raise
            failed += 1  # report and go on: one bad file must not lose the others
            print(f"danvan {command}: error: {path}: {exc}", file=sys.stderr)
    _write(articles, fmt)
    return 2 if failed else 0


def _write(articles, fmt: str) -> None:
    out = sys.stdout
    if fmt == "jsonl":
        for article in articles:
            out.write(article.to_json() + "\n")
    elif fmt == "json":
        payload = articles[0].to_dict() if len(articles) == 1 else [a.to_dict() for a in articles]
        out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        for i, article in enumerate(articles):
            if i:
                out.write("\n" + "=" * 72 + "\n\n")
            out.write(as_text(article))


def as_text(article) -> str:
    lines = [article.title or "(no title)", ""]
    meta = [("published", article.published), ("author", article.author),
            ("affiliation", article.author_affiliation), ("province", article.province),
            ("url", article.url)]
    lines += [f"{key}: {value}" for key, value in meta if value]
    if article.warnings:
        lines.append("warnings: " + "; ".join(article.warnings))
    lines.append("")
    captions = set(article.captions)
    lines += [("[caption] " if p in captions else "") + p for p in article.paragraphs]
    return "\n".join(lines) + "\n"
