"""Aggregations over cited articles: most cited, cited-by, co-citation, CSV.

Pure functions over an iterable of ``Article`` objects whose ``citations`` are
filled (``cite_article``); nothing here keeps state, so the store stage can run
the same queries in SQLite and check itself against these. Documents are
counted by identity key (``Citation.key``), never by bare number, so two
provinces' "15-CT/TU" or the two 25-NQ/TW stay apart.
"""
from __future__ import annotations

import csv
import io
import re
from collections import Counter
from itertools import combinations
from typing import Iterable, Iterator, TextIO

from ..models import Article, Citation
from .data import number_id

SNIPPET_CHARS = 80


def snippet(text: str, cite: Citation, width: int = SNIPPET_CHARS) -> str:
    """The citation with ``width`` characters either side, on one line."""
    lo, hi = max(0, cite.start - width), min(len(text), cite.end + width)
    body = text[lo:cite.start] + "[" + text[cite.start:cite.end] + "]" + text[cite.end:hi]
    body = re.sub(r"\s+", " ", body).strip()
    return ("…" if lo > 0 else "") + body + ("…" if hi < len(text) else "")


def citation_rows(articles: Iterable[Article], *, context: bool = True) -> Iterator[dict]:
    """One flat dict per citation: the article's id, province and date, then the citation's fields."""
    for article in articles:
        text = article.text if context else ""
        for i, cite in enumerate(article.citations):
            row = {"article_id": article.id, "province": article.province, "published": article.published}
            row.update({k: v for k, v in cite.__dict__.items()})
            row["index"] = i
            if context and text:
                row["context"] = snippet(text, cite)
            yield row


def _group(article: Article, by: str | None) -> str:
    if by is None:
        return ""
    if by == "province":
        return article.province or "?"
    if by == "year":
        return (article.published or "?")[:4]
    raise ValueError(f"cannot group by {by!r}: use 'province' or 'year'")


def document_label(cite: Citation) -> str:
    if cite.number:
        return cite.number
    if cite.catalogue_id:  # a named reference to a catalogued document
        return cite.catalogue_id.split("|")[0]
    return re.sub(r"\s+", " ", cite.surface)


def most_cited(articles: Iterable[Article], *, by: str | None = None, top: int | None = None,
               forms: tuple[str, ...] = ("full", "short", "named")) -> list[dict]:
    """Documents ranked by the number of articles citing them (then by mentions), per group."""
    article_counts: dict[tuple[str, str], int] = Counter()
    mentions: dict[tuple[str, str], int] = Counter()
    info: dict[str, Citation] = {}
    for article in articles:
        group = _group(article, by)
        seen = set()
        for cite in article.citations:
            if cite.form not in forms or not cite.key:
                continue
            mentions[(group, cite.key)] += 1
            if cite.form != "short" and (cite.key not in info or info[cite.key].form == "named"):
                info[cite.key] = cite
            info.setdefault(cite.key, cite)
            if cite.key not in seen:
                seen.add(cite.key)
                article_counts[(group, cite.key)] += 1
    rows = []
    for (group, key), count in article_counts.items():
        cite = info[key]
        rows.append({"group": group, "key": key, "document": document_label(cite), "kind": cite.kind,
                     "title": cite.title, "scope": cite.scope, "ambiguous": cite.ambiguous,
                     "articles": count, "mentions": mentions[(group, key)]})
    rows.sort(key=lambda r: (r["group"], -r["articles"], -r["mentions"], r["key"]))
    if top is not None:
        kept, per_group = [], Counter()
        for row in rows:
            if per_group[row["group"]] < top:
                kept.append(row)
                per_group[row["group"]] += 1
        rows = kept
    return rows


def matches(cite: Citation, query: str) -> bool:
    """Does a citation name the queried document? A full key ("25-NQ/TW|XI") must be equal;
    a bare number ("25-NQ/TW", "5-CT/TW") matches every document with that number."""
    if not cite.key:
        return False
    if "|" in query or "@" in query:
        return cite.key == query
    wanted = number_id(query.replace(" ", "")).upper().replace("QD", "QĐ").replace("ND", "NĐ")
    number = re.split(r"[|@]", cite.key, maxsplit=1)[0]
    return number_id(number).upper() == wanted


def cited_by(articles: Iterable[Article], query: str) -> list[dict]:
    """Articles that cite the queried document, each citation with a context snippet."""
    rows = []
    for article in articles:
        text = article.text
        stored = article.provenance.get("citation_contexts") or []
        for i, cite in enumerate(article.citations):
            if matches(cite, query):
                rows.append({"article_id": article.id, "title": article.title, "url": article.url,
                             "province": article.province, "published": article.published,
                             "key": cite.key, "form": cite.form, "surface": cite.surface,
                             "ambiguous": cite.ambiguous,
                             "context": snippet(text, cite) if text else
                             (stored[i] if i < len(stored) and stored[i] else cite.surface)})
    return rows


def cocited(articles: Iterable[Article], *, min_articles: int = 1,
            forms: tuple[str, ...] = ("full", "short", "named")) -> list[dict]:
    """Pairs of documents cited in the same article, with the number of such articles."""
    pairs: Counter = Counter()
    labels: dict[str, str] = {}
    for article in articles:
        keys = set()
        for cite in article.citations:
            if cite.form in forms and cite.key:
                keys.add(cite.key)
                if cite.form != "short":
                    labels.setdefault(cite.key, document_label(cite))
        for a, b in combinations(sorted(keys), 2):
            pairs[(a, b)] += 1
    rows = [{"key_a": a, "document_a": labels.get(a, a), "key_b": b, "document_b": labels.get(b, b),
             "articles": n} for (a, b), n in pairs.items() if n >= min_articles]
    rows.sort(key=lambda r: (-r["articles"], r["key_a"], r["key_b"]))
    return rows


def write_csv(rows: list[dict], out: TextIO | None = None) -> str:
    """Rows as CSV (header from the first row's keys); written to ``out`` and returned."""
    buffer = io.StringIO()
    if rows:
        columns = list(rows[0])
        for row in rows[1:]:
            columns += [k for k in row if k not in columns]
        writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
    if out is not None:
        out.write(buffer.getvalue())
    return buffer.getvalue()


def articles_from_rows(rows: Iterable[dict]) -> list[Article]:
    """Rebuild articles (without text) from citation rows, as ``danvan cite`` writes them."""
    by_id: dict[str, Article] = {}
    for row in rows:
        article_id = str(row.get("article_id") or "-")
        article = by_id.get(article_id)
        if article is None:
            article = by_id[article_id] = Article(id=article_id, province=row.get("province"),
                                                  published=row.get("published"))
        article.citations.append(Citation.from_dict(row))
        # the text is not in the rows: keep each citation's snippet for cited_by
        article.provenance.setdefault("citation_contexts", []).append(row.get("context"))
    return list(by_id.values())
