"""Content identity: the same article under two URLs is one article with two URLs.

The key hashes what the article says (title and paragraphs), after Unicode
normalisation, whitespace folding and case folding, so a print view or a mobile
URL with different markup but the same text is recognised. Storage of the
article once per key, with all its URLs, is in ``Frontier.store_article``.
"""
from __future__ import annotations

import hashlib
import unicodedata

from ..models import Article


def content_key(article: Article) -> str:
    parts = [article.title or ""] + list(article.paragraphs)
    text = "\n".join(" ".join(unicodedata.normalize("NFC", p).split()) for p in parts)
    return hashlib.sha256(text.casefold().encode("utf-8")).hexdigest()


def merge_urls(article: Article, urls: list[str]) -> Article:
    """Record every (canonical) URL the article was found under, first found first."""
    known = list(dict.fromkeys(u for u in urls if u))
    article.provenance["urls"] = known
    if not article.url and known:
        article.url = known[0]
    return article
