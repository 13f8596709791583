"""``danvan process``: clean/extract -> themes -> citations -> store.

``process_article`` is pure (an Article in, a tagged Article out) so a batch
runner can call it on many cores; reading inputs and writing the database are
separate steps around it.
"""
from __future__ import annotations

import dataclasses
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

from ..errors import DanvanError, InputError
from ..models import Article

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
MAX_INPUT_BYTES = 50 * 1024 * 1024  # one article file larger than this is refused, not read


@dataclass
class Stages:
    """The stage functions a run uses; ``load()`` picks the project's own."""

    tag: Optional[Callable[[Article], list]] = None  # Article -> list[ThemeTag]
    cite: Optional[Callable[[Article], Article]] = None  # Article -> Article with citations

    @classmethod
    def load(cls, *, themes: bool = True, citations: bool = True,
             model: str | None = None) -> "Stages":
        tag = cite = None
        if themes:
            try:
                from ..themes import load_tagger
            except ImportError as exc:
                raise DanvanError(f"the themes stage is not available ({exc}); "
                                  "use --no-themes to store articles untagged") from None
            tag = load_tagger(model).tag
        if citations:
            try:
                from ..citations import cite_article
            except ImportError as exc:
                raise DanvanError(f"the citations stage is not available ({exc}); "
                                  "use --no-citations to store articles without citations") from None
            cite = cite_article
        return cls(tag=tag, cite=cite)


def process_article(article: Article, stages: Stages) -> Article:
    """Tag themes and extract citations; returns a new Article, the input is unchanged."""
    result = dataclasses.replace(article, themes=list(article.themes),
                                 citations=list(article.citations))
    if stages.tag is not None:
        result.themes = list(stages.tag(result))
    if stages.cite is not None:
        result = stages.cite(result)
    return result


@dataclass
class Failure:
    source: str
    message: str


def iter_inputs(paths: list[str | Path]) -> Iterator[Article | Failure]:
    """Articles from text, HTML, Article JSONL files, directories, or a crawl's output dir."""
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            yield Failure(str(path), "no such file or directory")
        elif path.is_dir():
            yield from _iter_dir(path)
        else:
            yield from _iter_file(path)


def _iter_dir(path: Path) -> Iterator[Article | Failure]:
    crawl_output = path / "articles.jsonl"
    if crawl_output.is_file():  # a crawl's output: its Articles carry WARC provenance
        yield from _iter_jsonl(crawl_output)
        return
    for child in sorted(path.rglob("*")):
        suffix = child.suffix.lower()
        if child.is_file() and suffix in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES:
            yield from _iter_file(child)


def _iter_file(path: Path) -> Iterator[Article | Failure]:
    suffix = path.suffix.lower()
    try:
        if path.stat().st_size > MAX_INPUT_BYTES and suffix not in JSONL_SUFFIXES:
            raise InputError(f"larger than {MAX_INPUT_BYTES // 2**20} MB")
        if suffix in JSONL_SUFFIXES:
            yield from _iter_jsonl(path)
            return
        data = path.read_bytes()
        if not data.strip():
            raise InputError("empty file")
        if suffix in HTML_SUFFIXES:
            from ..extract import extract_html
            article = extract_html(_decode_html(data), url=None)
        else:
            from ..extract import clean_text
            article = clean_text(_decode_text(data), id=path.stem)
        article.provenance = {"input_path": str(path), **(article.provenance or {})}
        yield article
    except DanvanError as exc:
        yield Failure(str(path), str(exc))
    except ImportError as exc:
        yield Failure(str(path), f"the extract stage is not available ({exc})")
    except OSError as exc:
        yield Failure(str(path), f"cannot read: {exc.strerror or exc}")


def _iter_jsonl(path: Path) -> Iterator[Article | Failure]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Failure(str(path), f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                data = json.loads(line.decode("utf-8"))
                if not isinstance(data, dict):
                    raise ValueError("a line must be a JSON object")
                article = Article.from_dict(_article_fields(data))
            except (UnicodeDecodeError, ValueError, TypeError) as exc:
                yield Failure(where, f"not an Article JSON line: {exc}")
                continue
            if not article.provenance:
                article.provenance = {"input_path": str(path), "line": number,
                                      **({"source": data["source"]} if data.get("source") else {})}
            yield article


def _article_fields(data: dict[str, Any]) -> dict[str, Any]:
    """Accept the shared corpus' shape too (``text`` and ``date`` instead of paragraphs/published)."""
    data = dict(data)
    if not data.get("paragraphs") and isinstance(data.get("text"), str):
        data["paragraphs"] = [p.strip() for p in data["text"].split("\n") if p.strip()]
    if not data.get("published") and isinstance(data.get("date"), str) and len(data["date"]) == 8 \
            and data["date"].isdigit():
        d = data["date"]
        data["published"] = f"{d[:4]}-{d[4:6]}-{d[6:]}"
        data.setdefault("published_precision", "day")
    if data.get("id") is not None:
        data["id"] = str(data["id"])
    return data


def _decode_text(data: bytes) -> str:
    if b"\x00" in data[:4096]:
        raise InputError("binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes
        best = from_bytes(data).best()
        if best is None:
            raise InputError("cannot tell the text encoding") from None
        return str(best)


def _decode_html(data: bytes) -> str | bytes:
    # The extractor reads the page's own charset declaration when given bytes.
    return data


def run(paths: list[str | Path], db_path: str | Path, *, stages: Stages,
        batch_size: int = 100, log=sys.stderr) -> tuple[int, list[Failure]]:
    """Process every input and store it; returns (articles stored, failures)."""
    from .schema import open_db
    from .write import checkpoint, set_info, store_articles

    failures: list[Failure] = []

    def processed() -> Iterator[Article]:
        for item in iter_inputs(paths):
            if isinstance(item, Failure):
                failures.append(item)
                print(f"skipped {item.source}: {item.message}", file=log)
                continue
            try:
                yield process_article(item, stages)
            except DanvanError as exc:
                failures.append(Failure(item.id, str(exc)))
                print(f"skipped {item.id}: {exc}", file=log)

    db = open_db(db_path)
    try:
        stored = store_articles(db, processed(), batch_size=batch_size)
        _store_catalogue_if_any(db)
        set_info(db, last_process_inputs=" ".join(map(str, paths)), last_process_stored=stored)
        checkpoint(db)
    finally:
        db.close()
    return stored, failures


def _store_catalogue_if_any(db) -> None:
    from .catalogue import load_catalogue_entries
    from .write import store_catalogue

    entries = load_catalogue_entries()
    if entries:
        store_catalogue(db, entries)
