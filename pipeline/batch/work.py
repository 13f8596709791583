"""The per-chunk function that every worker runs, locally (joblib) or on Dask.

A worker loads underthesea and the theme model once, on its first chunk, and
keeps them in ``_STATE`` for the chunks that follow. One bad article becomes
an error record; it never stops the chunk.
"""
from __future__ import annotations

import traceback
import unicodedata
from dataclasses import dataclass
from typing import Any, Optional

from ..errors import DanvanError
from ..models import Article
from .read import WorkItem

KNOWN_STAGES = ("themes", "citations")
_STATE: dict[str, Any] = {}


@dataclass(frozen=True)
class BatchOptions:
    stages: tuple[str, ...] = KNOWN_STAGES
    locate: bool = True  # give bare text records a province from the gazetteer
    model_path: Optional[str] = None  # theme model folder; None: the bundled model
    max_input_bytes: int = 20_000_000  # a larger input is refused as "huge"
    max_text_chars: int = 1_000_000  # a larger cleaned article is refused as "huge"


def process_chunk(items: list[WorkItem], options: BatchOptions) -> list[tuple[str, dict]]:
    """Process one chunk: a list of ("article", Article dict) or ("error", error dict).

    Same results as ``process_item`` on each item, but the theme tagger runs once on
    the whole chunk: its per-call cost (scikit-learn's input checks, one segmentation
    cache transaction) is then shared by all the chunk's articles instead of paid by each.
    """
    results: list[Optional[tuple[str, dict]]] = [None] * len(items)
    articles: dict[int, Article] = {}
    for i, item in enumerate(items):
        results[i] = _guarded(item, lambda item=item: _prepared(item, options))
        if results[i][0] == "article":
            articles[i] = results[i][1]
    if "themes" in options.stages and articles:
        _tag_chunk(items, articles, results, options)
    for i, article in articles.items():
        results[i] = _guarded(items[i], lambda article=article: _finished(article, options))
    return results


def process_item(item: WorkItem, options: BatchOptions) -> tuple[str, dict]:
    return process_chunk([item], options)[0]


def _prepared(item: WorkItem, options: BatchOptions) -> Article:
    """The item as an Article with its provenance, located when it is a bare record."""
    article = to_article(item, options)
    article.provenance.setdefault("input_hash", item.input_hash)
    article.provenance.setdefault("input", item.source)
    for key, value in item.meta.items():
        article.provenance.setdefault(key, value)
    # Bare records (the shared corpus' shape) have no province yet: citations need it.
    if (item.kind == "article" and isinstance(item.payload, dict) and "province" not in item.payload
            and options.locate and not article.province):
        _locate(article)
    return article


def _tag_chunk(items, articles: dict[int, Article], results: list, options: BatchOptions) -> None:
    """Tag all the chunk's articles at once; if that fails, one by one to find the bad one."""
    tagger = _tagger(options)
    try:
        for article, tags in zip(articles.values(), tagger.tag_many(list(articles.values()))):
            article.themes = tags
        return
    except Exception:
        pass
    for i, article in list(articles.items()):
        def tag_one(article=article):
            article.themes = tagger.tag(article)
            return article
        results[i] = _guarded(items[i], tag_one)
        if results[i][0] != "article":
            del articles[i]


def _finished(article: Article, options: BatchOptions) -> dict:
    if "citations" in options.stages:
        from ..citations import cite_article

        cite_article(article)
    return article.to_dict()


def _guarded(item: WorkItem, step) -> tuple[str, object]:
    """("article", what ``step()`` returns), or ("error", an error record) if it raises."""
    try:
        return "article", step()
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

        # The id is the input's (file name, WARC URL hash), known before extraction, so
        # that a rerun can tell what is done.
        article = extract_html(payload, url=item.url, id=item.id)
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
    """An Article dict passes through; a bare {id, title, text} record becomes one.

    Text is kept as the source wrote it (NFC only: canonically the same characters);
    the stages that match words normalise tone marks for themselves."""
    article = Article.from_dict({**record, "id": item.id})
    if record.get("paragraphs") is None:  # raw text: one paragraph per line
        article.paragraphs = [_nfc(p).strip() for p in str(record.get("text", "")).split("\n")
                              if p.strip()]
        article.title = _nfc(article.title).strip() if article.title else article.title
        _published_from_date(article, record.get("date"))
        article.provenance.setdefault("source", record.get("source"))
    return article


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _published_from_date(article: Article, date) -> None:
    """The shared corpus' ``date`` (``20201001`` or ISO) as ``published`` with its precision."""
    if article.published or not date:
        return
    date = str(date)
    if len(date) == 8 and date.isdigit():
        date = f"{date[:4]}-{date[4:6]}-{date[6:]}"
    article.published = date
    article.published_precision = article.published_precision or (
        "minute" if "T" in date else "day" if len(date) == 10 else None)


def _locate(article: Article) -> None:
    from ..geo import find_province

    match = find_province(article.title, article.paragraphs, article.published)
    if match is not None:
        article.province, article.province_2025 = match.province, match.province_2025


def apply_stages(article: Article, options: BatchOptions, *, locate: bool = False) -> Article:
    """Locate (when asked), tag themes and cite, in place; the order citations need."""
    if locate and options.locate and not article.province:
        _locate(article)
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
