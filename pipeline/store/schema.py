"""The corpus database: tables, full-text index, views, and migrations between versions.

The schema version lives in ``PRAGMA user_version``. Each migration moves the
file from version N-1 to N inside one transaction, so a file is always at a
version this code knows, and an old corpus opens in new code without rebuilding.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Callable

import sqlite_utils

from ..errors import DanvanError

# The FTS index covers the original title and text (tones folded by SQLite) and
# the same fields folded by pipeline.normalize.fold (đ -> d as well), so that a
# query typed with or without diacritics finds the article.
FTS_COLUMNS = ["title", "text", "title_folded", "text_folded"]
FTS_TOKENIZE = "unicode61 remove_diacritics 2"


def _v1_tables(db: sqlite_utils.Database) -> None:
    db["articles"].create({
        "id": str, "title": str, "text": str, "title_folded": str, "text_folded": str,
        "captions": str,  # JSON list
        "url": str, "site": str, "province": str, "province_2025": str,
        "published": str, "published_precision": str, "year": int,
        "author": str, "author_affiliation": str, "language": str,
        "best_effort": int, "warnings": str,  # JSON list
        "content_hash": str, "n_chars": int, "stored_at": str,
    }, pk="id")
    db["themes"].create({
        "article_id": str, "theme": str, "score": float, "score_mentioned": float,
        "level": int, "evidence": str,  # JSON list of sentences
    }, pk=("article_id", "theme"), foreign_keys=[("article_id", "articles", "id")])
    db["citations"].create({
        "article_id": str, "idx": int, "start": int, "end": int, "surface": str,
        "context": str, "form": str, "family": str, "kind": str, "number": str,
        "directive_key": str,  # Citation.key, or the number where no key was given
        "key": str, "issued": str, "issuer": str, "term": str, "scope": str, "title": str,
        "resolved_to": int, "orig_start": int, "orig_end": int, "ambiguous": int,
    }, pk=("article_id", "idx"), foreign_keys=[("article_id", "articles", "id")])
    db["directives"].create({
        "key": str, "number": str, "kind": str, "family": str, "issued": str,
        "issuer": str, "term": str, "scope": str, "title": str, "source_note": str,
        "in_catalogue": int,
    }, pk="key")
    db["provenance"].create({
        "article_id": str, "source": str, "url": str, "fetched_at": str,
        "warc_file": str, "warc_record_id": str, "profile": str, "input_path": str,
        "raw": str,  # the whole provenance dict as JSON
    }, pk="article_id", foreign_keys=[("article_id", "articles", "id")])
    for table, cols in [("themes", ["theme", "level"]), ("citations", ["directive_key"]),
                        ("citations", ["number"]), ("articles", ["province"]),
                        ("articles", ["published"]), ("articles", ["site"]),
                        ("articles", ["year"])]:
        db[table].create_index(cols, if_not_exists=True)
    db["articles"].enable_fts(FTS_COLUMNS, tokenize=FTS_TOKENIZE, create_triggers=True)


# Views keep the web UI simple: one row per article with its level-2 themes and
# cited directives as JSON arrays (Datasette facets them as arrays), one row per
# theme call, one row per citation.
_VIEWS_V2 = {
    "article_overview": """
        SELECT a.rowid AS article_rowid, a.id, a.title, a.published, a.year, a.site,
               a.province, a.province_2025,
               (SELECT json_group_array(theme) FROM (SELECT theme FROM themes t
                  WHERE t.article_id = a.id AND t.level = 2 ORDER BY theme)) AS themes,
               (SELECT json_group_array(theme) FROM (SELECT theme FROM themes t
                  WHERE t.article_id = a.id AND t.level >= 1 ORDER BY theme)) AS themes_mentioned,
               (SELECT json_group_array(number) FROM (SELECT DISTINCT coalesce(number, directive_key)
                  AS number FROM citations c WHERE c.article_id = a.id AND c.directive_key IS NOT NULL
                  ORDER BY number)) AS directives,
               a.url, a.n_chars
        FROM articles a""",
    "theme_tags": """
        SELECT t.article_id, a.title, t.theme, t.level, round(t.score, 3) AS score,
               a.year, a.published, a.province, a.province_2025, a.site
        FROM themes t JOIN articles a ON a.id = t.article_id""",
    "citation_list": """
        SELECT c.article_id, a.title AS article_title, c.number, c.directive_key, c.kind,
               c.issuer, c.term, c.issued, c.scope, c.form, c.surface, c.context,
               a.year, a.province, a.site
        FROM citations c JOIN articles a ON a.id = c.article_id""",
    "directive_counts": """
        SELECT d.key, d.number, d.kind, d.title, d.issuer, d.term, d.issued, d.scope,
               d.in_catalogue,
               count(DISTINCT c.article_id) AS n_articles, count(c.article_id) AS n_citations,
               min(a.year) AS first_year, max(a.year) AS last_year
        FROM directives d
        LEFT JOIN citations c ON c.directive_key = d.key
        LEFT JOIN articles a ON a.id = c.article_id
        GROUP BY d.key""",
}


def _v2_views(db: sqlite_utils.Database) -> None:
    for name, sql in _VIEWS_V2.items():
        db.create_view(name, sql.strip(), replace=True)


def _v3_meta(db: sqlite_utils.Database) -> None:
    # Free-form facts about the corpus (what built it, when), shown by `danvan query --info`.
    db["corpus_info"].create({"name": str, "value": str}, pk="name", if_not_exists=True)


def _v4_extra_fields(db: sqlite_utils.Database) -> None:
    # Fields the data model gains later (Citation.catalogue_id ...) are kept as JSON in
    # ``extra`` so that an Article always round-trips; catalogue_id links a citation
    # and a directive to their catalogue entry.
    for table in ("articles", "themes", "citations"):
        db[table].add_column("extra", str)
    db["citations"].add_column("catalogue_id", str)
    db["directives"].add_column("catalogue_id", str)
    db["directives"].add_column("confidence", str)
    db["citations"].create_index(["catalogue_id"], if_not_exists=True)


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _v1_tables, _v2_views, _v3_meta, _v4_extra_fields]
LATEST_VERSION = len(MIGRATIONS)


def schema_version(db: sqlite_utils.Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: sqlite_utils.Database, target: int = LATEST_VERSION) -> int:
    """Bring the file up to ``target``; returns the version it was at."""
    current = schema_version(db)
    if current > LATEST_VERSION:
        raise DanvanError(f"{_name(db)} has schema version {current}, newer than this "
                          f"danvan knows ({LATEST_VERSION}); upgrade danvan")
    if current and "articles" not in db.table_names():
        raise DanvanError(f"{_name(db)} is not a danvan corpus (no articles table)")
    if not current and db.table_names() and "articles" not in db.table_names():
        raise DanvanError(f"{_name(db)} is an SQLite file but not a danvan corpus")
    for version in range(current + 1, target + 1):
        with db.atomic():
            MIGRATIONS[version - 1](db)
            db.execute(f"PRAGMA user_version = {version}")
    return current


def open_db(path: str | Path, *, create: bool = True, readonly: bool = False) -> sqlite_utils.Database:
    """Open (and migrate) a corpus file in WAL mode, one writer at a time."""
    path = Path(path)
    if not path.exists() and (readonly or not create):
        raise DanvanError(f"no corpus database at {path}")
    if path.exists() and path.is_dir():
        raise DanvanError(f"{path} is a directory, not a corpus database")
    try:
        if readonly:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                   check_same_thread=False)
        else:
            conn = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
        db = sqlite_utils.Database(conn)
        if readonly:
            version = schema_version(db)
            if "articles" not in db.table_names():
                raise DanvanError(f"{path} is not a danvan corpus (no articles table)")
            if version < LATEST_VERSION:
                raise DanvanError(f"{path} has schema version {version}; open it once for "
                                  "writing (e.g. `danvan process --db`) to migrate it")
            return db
        db.execute("PRAGMA busy_timeout = 30000")
        db.enable_wal()
        # FULL: a commit survives a power cut, not only a killed process.
        db.execute("PRAGMA synchronous = FULL")
        db.execute("PRAGMA foreign_keys = ON")
        migrate(db)
        return db
    except sqlite3.DatabaseError as exc:
        raise DanvanError(f"{path} cannot be opened as a corpus database: {exc}") from None


def _name(db: sqlite_utils.Database) -> str:
    row = db.execute("PRAGMA database_list").fetchone()
    return row[2] or "the database"
