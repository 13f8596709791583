"""The per-chunk function that every worker runs, locally (joblib) or on Dask.

A worker loads underthesea and the theme model once, on its first chunk, and
keeps them in ``_STATE`` for the chunks that follow. One bad article becomes
an error record; it never stops the chunk.
"""
from __future__ import annotations

import traceback
from dataclasses import dataclass
from typing import Any, Optional

from ..errors import DanvanError
from ..models import Article
from ..normalize import normalize
from .read import WorkItem

KNOWN_STAGES = ("themes", "citations")
_STATE: dict[str, Any] = {}


@dataclass(frozen=True)
class BatchOptions:
    stages: tuple[str, ...] = KNOWN_STAGES
    model_path: Optional[str] = None  # theme model folder; None: the bundled model
    max_input_bytes: int = 20_000_000  # a larger input is refused as "huge"
    max_text_chars: int = 1_000_000  # a larger cleaned article is refused as "huge"


def process_chunk(items: list[WorkItem], options: BatchOptions) -> list[tuple[str, dict]]:
    """Process one chunk: a list of ("article", Article dict) or ("error", error dict)."""
    return [process_item(item, options) for item in items]


def process_item(item: WorkItem, options: BatchOptions) -> tuple[str, dict]:
    try:
        article = to_article(item, options)
        article.provenance.setdefault("input_hash", item.input_hash)
        article.provenance.setdefault("input", item.source)
        for key, value in item.meta.items():
            article.provenance.setdefault(key, value)
        apply_stages(article, options)
        return "article", article.to_dict()
    except DanvanError as exc:
        return "error", error_record(item, type(exc).__name__, str(exc))
    except Exception as exc:  # a bug must not stop the batch: record it with where it happened
        where = traceback.extract_tb(exc.__traceback__)[-1]
        message = f"{type(exc).__name__}: {exc} (at {where.filename.rsplit('/', 1)[-1]}:{where.lineno})"
        return "error", error_record(item, "internal", message)


def error_record(item: WorkItem, kind: str, message: str) -> dict:
    return {"id": item.id, "input_hash": item.input_hash, "source": item.source,
            "url": item.url, "error": kind, "message": message}


class SkipItem(DanvanError):
    """An input that cannot become an article (empty, huge, undecodable ...)."""


def to_article(item: WorkItem, options: BatchOptions) -> Article:
    if item.kind == "error":
        raise SkipItem(str(item.payload))
    payload = item.payload
    if isinstance(payload, (bytes, str)) and len(payload) > options.max_input_bytes:
        raise SkipItem(f"huge input: {len(payload):,} bytes (limit {options.max_input_bytes:,})")
    if item.kind == "article":
        article = _article_from_record(payload, item)
    elif item.kind == "text":
        from ..extract import clean_text

        article = clean_text(_decode(payload), id=item.id, url=item.url)
    elif item.kind == "html":
        from ..extract import extract_html

        article = extract_html(payload, url=item.url)
        article.id = item.id
    else:
        raise SkipItem(f"unknown item kind {item.kind!r}")
    if not any(p.strip() for p in article.paragraphs):
        raise SkipItem("empty article: no text after cleaning")
    if len(article.text) > options.max_text_chars:
        raise SkipItem(f"huge article: {len(article.text):,} characters of text")
    return article


def _decode(payload: bytes | str) -> str:
    if isinstance(payload, str):
        return payload
    from ..normalize.decode import decode_bytes

    return decode_bytes(payload).text


def _article_from_record(record: dict, item: WorkItem) -> Article:
    """An Article dict passes through; a bare {id, title, text} record is normalised."""
    article = Article.from_dict({**record, "id": item.id})
    if record.get("paragraphs") is None:  # raw text: normalise, one paragraph per line
        article.paragraphs = [normalize(p).strip() for p in str(record.get("text", "")).split("\n")
                              if p.strip()]
        article.title = normalize(article.title) if article.title else article.title
        if record.get("date") and not article.published:
            article.published = str(record["date"])
        article.provenance.setdefault("source", record.get("source"))
    return article


def apply_stages(article: Article, options: BatchOptions) -> Article:
    if "themes" in options.stages:
        article.themes = _tagger(options).tag(article)
    if "citations" in options.stages:
        from ..citations import cite_article

        cite_article(article)
    return article


def _tagger(options: BatchOptions):
    key = f"tagger:{options.model_path}"
    if key not in _STATE:
        from ..themes import load_tagger

        _STATE[key] = load_tagger(options.model_path)
    return _STATE[key]
