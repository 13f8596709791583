"""The corpus store: one SQLite file with articles, themes, citations, directives and
provenance, a full-text index that works with or without diacritics, and queries.

Public API::

    from pipeline.store import open_db, store_articles, query
    db = open_db("corpus.db")              # creates or migrates; WAL mode
    store_articles(db, articles)           # idempotent upsert by Article.id
    df = query("corpus.db", theme="religion", search="ton giao")
"""
from .query import query
from .schema import LATEST_VERSION, migrate, open_db, schema_version
from .write import (checkpoint, iter_articles, load_article, store_articles, store_catalogue,
                    upsert_batch)

__all__ = ["LATEST_VERSION", "checkpoint", "iter_articles", "load_article", "migrate", "open_db",
           "query", "schema_version", "store_articles", "store_catalogue", "upsert_batch"]
