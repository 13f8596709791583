"""Writing Articles into the corpus: idempotent upserts, one transaction per batch.

Re-storing an article replaces its row, its theme calls and its citations, so
processing the same input twice leaves the same database. A batch is committed
as a whole or not at all: a writer killed mid-batch loses only that batch.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from typing import Iterable, Iterator

import sqlite_utils

from ..models import Article, Citation, ThemeTag
from ..normalize import fold

CONTEXT_CHARS = 120  # characters kept on each side of a citation for its context snippet

_PROVENANCE_FIELDS = {
    "source": ("source",),
    "url": ("url", "final_url"),
    "fetched_at": ("fetched_at", "fetched", "retrieved_at", "crawled_at", "date"),
    "warc_file": ("warc_file", "warc_path", "warc"),
    "warc_record_id": ("warc_record_id", "record_id", "WARC-Record-ID"),
    "profile": ("profile", "site_profile"),
    "input_path": ("input_path", "path", "file"),
}


def article_row(article: Article) -> dict:
    text = article.text
    title = article.title or ""
    published = article.published or None
    year = int(published[:4]) if published and re.match(r"\d{4}", published) else None
    return {
        "id": article.id, "title": article.title, "text": text,
        "title_folded": fold(title), "text_folded": fold(text),
        "captions": _json(article.captions),
        "url": article.url, "site": article.site, "province": article.province,
        "province_2025": article.province_2025, "published": published,
        "published_precision": article.published_precision, "year": year,
        "author": article.author, "author_affiliation": article.author_affiliation,
        "language": article.language, "best_effort": int(bool(article.best_effort)),
        "warnings": _json(article.warnings), "content_hash": article.content_hash(),
        "n_chars": len(text),
        "stored_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "extra": _extra(article, _ARTICLE_STORED),
    }


def theme_rows(article: Article) -> list[dict]:
    return [{"article_id": article.id, "theme": t.theme, "score": float(t.score),
             "score_mentioned": float(t.score_mentioned), "level": int(t.level),
             "evidence": _json(t.evidence), "extra": _extra(t, _THEME_STORED)}
            for t in article.themes]


def citation_rows(article: Article) -> list[dict]:
    text = article.text
    rows = []
    for idx, c in enumerate(article.citations):
        rows.append({
            "article_id": article.id, "idx": idx, "start": c.start, "end": c.end,
            "surface": c.surface, "context": context_snippet(text, c),
            "form": c.form, "family": c.family, "kind": c.kind, "number": c.number,
            "directive_key": directive_key(c), "key": c.key, "issued": c.issued,
            "issuer": c.issuer, "term": c.term, "scope": c.scope, "title": c.title,
            "resolved_to": c.resolved_to, "orig_start": c.orig_start,
            "orig_end": c.orig_end, "ambiguous": int(bool(c.ambiguous)),
            "catalogue_id": getattr(c, "catalogue_id", None),
            "extra": _extra(c, _CITATION_STORED),
        })
    return rows


def directive_key(citation: Citation) -> str | None:
    """The identity a citation is counted under: the extractor's key, else its number."""
    return citation.key or citation.number or None


def provenance_row(article: Article) -> dict:
    prov = article.provenance or {}
    row = {"article_id": article.id, "raw": _json(prov)}
    for column, names in _PROVENANCE_FIELDS.items():
        row[column] = next((str(prov[n]) for n in names if prov.get(n) not in (None, "")), None)
    row["url"] = row["url"] or article.url
    return row


def context_snippet(text: str, citation: Citation, width: int = CONTEXT_CHARS) -> str:
    start, end = citation.start, citation.end
    if not (0 <= start < end <= len(text)) or text[start:end] != citation.surface:
        found = text.find(citation.surface) if citation.surface else -1
        if found < 0:
            return citation.surface or ""
        start, end = found, found + len(citation.surface)
    left = max(0, start - width)
    right = min(len(text), end + width)
    # Cut at word boundaries so the snippet does not start mid-word.
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space >= 0 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space >= 0 else right
    snippet = text[left:right].replace("\n", " ¶ ")
    return ("… " if left > 0 else "") + snippet + (" …" if right < len(text) else "")


_DIRECTIVE_COLUMNS = ("number", "kind", "family", "issued", "issuer", "term", "scope", "title",
                      "catalogue_id")
# Model fields with a column of their own; any other field goes to the row's ``extra`` JSON.
_ARTICLE_STORED = {"id", "title", "paragraphs", "captions", "url", "site", "province",
                   "province_2025", "published", "published_precision", "author",
                   "author_affiliation", "language", "best_effort", "warnings", "provenance",
                   "themes", "citations"}
_THEME_STORED = {"theme", "score", "level", "score_mentioned", "evidence"}
_CITATION_STORED = {"start", "end", "surface", "form", "family", "kind", "number", "issued",
                    "issuer", "term", "scope", "title", "key", "resolved_to", "orig_start",
                    "orig_end", "ambiguous"}


def _directive_rows(articles: Iterable[Article]) -> dict[str, dict]:
    seen: dict[str, dict] = {}
    for article in articles:
        for c in article.citations:
            key = directive_key(c)
            if not key:
                continue
            row = seen.setdefault(key, {"key": key, **{k: None for k in _DIRECTIVE_COLUMNS}})
            for column in _DIRECTIVE_COLUMNS:
                if row[column] is None and getattr(c, column, None) is not None:
                    row[column] = getattr(c, column)
    return seen


def upsert_batch(db: sqlite_utils.Database, articles: list[Article]) -> int:
    """Store one batch in one transaction; returns the number of articles stored."""
    by_id: dict[str, Article] = {}
    for article in articles:  # a later copy of the same id wins, as it would across batches
        by_id[article.id] = article
    if not by_id:
        return 0
    batch = list(by_id.values())
    ids = [a.id for a in batch]
    with db.atomic():
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            db.execute(f"DELETE FROM themes WHERE article_id IN ({marks})", chunk)
            db.execute(f"DELETE FROM citations WHERE article_id IN ({marks})", chunk)
        db["articles"].upsert_all((article_row(a) for a in batch), pk="id")
        themes = [row for a in batch for row in theme_rows(a)]
        if themes:
            db["themes"].insert_all(themes, pk=("article_id", "theme"), replace=True)
        citations = [row for a in batch for row in citation_rows(a)]
        if citations:
            db["citations"].insert_all(citations, pk=("article_id", "idx"))
        db["provenance"].upsert_all((provenance_row(a) for a in batch), pk="article_id")
        _merge_directives(db, _directive_rows(batch).values(), in_catalogue=False)
    return len(batch)


def store_articles(db: sqlite_utils.Database, articles: Iterable[Article], *,
                   batch_size: int = 200) -> int:
    """Store any number of Articles, committing every ``batch_size``."""
    total = 0
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= batch_size:
            total += upsert_batch(db, batch)
            batch = []
    total += upsert_batch(db, batch)
    return total


def store_catalogue(db: sqlite_utils.Database, entries: Iterable[dict]) -> int:
    """Store directive catalogue entries (dicts with at least ``key`` or ``number``)."""
    rows = []
    for entry in entries:
        key = entry.get("key") or entry.get("number")
        if not key:
            continue
        rows.append({"key": key, "confidence": _as_text(entry.get("confidence")),
                     "source_note": entry.get("source_note") or entry.get("note")
                     or entry.get("source"),
                     **{c: _as_text(entry.get(c)) for c in _DIRECTIVE_COLUMNS}})
    with db.atomic():
        _merge_directives(db, rows, in_catalogue=True)
    return len(rows)


def _merge_directives(db: sqlite_utils.Database, rows: Iterable[dict], *, in_catalogue: bool) -> None:
    """Catalogue values win over values read off citations; a seen number never erases them."""
    columns = ("key",) + _DIRECTIVE_COLUMNS + ("source_note", "confidence", "in_catalogue")
    if in_catalogue:
        updates = ", ".join(f"{c} = coalesce(excluded.{c}, directives.{c})" for c in columns[1:])
    else:
        updates = ", ".join(f"{c} = coalesce(directives.{c}, excluded.{c})"
                            for c in _DIRECTIVE_COLUMNS)
    sql = (f"INSERT INTO directives ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
           f"ON CONFLICT(key) DO UPDATE SET {updates}")
    values = [tuple(row.get(c) for c in columns[:-1]) + (int(in_catalogue),) for row in rows]
    if values:
        db.conn.executemany(sql, values)


def set_info(db: sqlite_utils.Database, **values) -> None:
    with db.atomic():
        db["corpus_info"].upsert_all(
            [{"name": k, "value": str(v)} for k, v in values.items()], pk="name")


def checkpoint(db: sqlite_utils.Database) -> None:
    """Fold the WAL into the main file, so an immutable reader sees every commit."""
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def load_article(db: sqlite_utils.Database, article_id: str) -> Article | None:
    rows = list(db.query("SELECT * FROM articles WHERE id = ?", [article_id]))
    return _to_article(db, rows[0]) if rows else None


def iter_articles(db: sqlite_utils.Database) -> Iterator[Article]:
    for row in db.query("SELECT * FROM articles ORDER BY id"):
        yield _to_article(db, row)


def _to_article(db: sqlite_utils.Database, row: dict) -> Article:
    themes = [ThemeTag.from_dict({**_loads(t["extra"]), "theme": t["theme"], "score": t["score"],
                                  "level": t["level"], "score_mentioned": t["score_mentioned"] or 0.0,
                                  "evidence": json.loads(t["evidence"] or "[]")})
              for t in db.query("SELECT * FROM themes WHERE article_id = ? ORDER BY rowid",
                                [row["id"]])]
    citations = []
    for c in db.query("SELECT * FROM citations WHERE article_id = ? ORDER BY idx", [row["id"]]):
        values = {k: c[k] for k in ("start", "end", "surface", "form", "family", "kind", "number",
                                    "issued", "issuer", "term", "scope", "title", "key",
                                    "resolved_to", "orig_start", "orig_end")}
        citations.append(Citation.from_dict({**_loads(c["extra"]), **values,
                                             "ambiguous": bool(c["ambiguous"])}))
    prov = next(db.query("SELECT raw FROM provenance WHERE article_id = ?", [row["id"]]), None)
    return Article.from_dict(dict(
        _loads(row["extra"]),
        id=row["id"], title=row["title"],
        paragraphs=row["text"].split("\n") if row["text"] else [],
        captions=json.loads(row["captions"] or "[]"), url=row["url"], site=row["site"],
        province=row["province"], province_2025=row["province_2025"],
        published=row["published"], published_precision=row["published_precision"],
        author=row["author"], author_affiliation=row["author_affiliation"],
        language=row["language"], best_effort=bool(row["best_effort"]),
        warnings=json.loads(row["warnings"] or "[]"),
        provenance=json.loads(prov["raw"]) if prov and prov["raw"] else {},
        themes=themes, citations=citations))


def _extra(obj, stored: set[str]) -> str | None:
    values = {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)
              if f.name not in stored}
    return _json(values) if values else None


def _loads(text: str | None) -> dict:
    return json.loads(text) if text else {}


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _as_text(value):
    return None if value is None else str(value)


def _chunks(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i:i + size]
