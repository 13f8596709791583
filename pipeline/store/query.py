"""Querying the corpus: combinable filters -> a pandas DataFrame.

Used by ``danvan query`` and by notebooks:

    from pipeline.store import query
    df = query("corpus.db", theme="religion", province="Gia Lai", since="2020",
               cites="25-NQ/TW", search="dân vận khéo")
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DanvanError
from ..normalize import fold
from .schema import open_db
from .search import fts_query, query_phrase, snippet

DEFAULT_LEVEL = 2  # the article-level decision of the tagger (see ANNOTATION.md)
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass
class Filters:
    theme: list[tuple[str, int]] = field(default_factory=list)
    province: str | None = None
    since: str | None = None
    until: str | None = None
    cites: list[str] = field(default_factory=list)
    search: str | None = None
    site: str | None = None
    limit: int | None = None


def parse_theme(spec: str) -> tuple[str, int]:
    """'religion' -> ('religion', 2); 'religion:1' -> ('religion', 1) (level >= 1)."""
    name, _, level = spec.partition(":")
    name = name.strip()
    if not name:
        raise DanvanError(f"--theme needs a label, got {spec!r}")
    if not level:
        return name, DEFAULT_LEVEL
    if level not in ("0", "1", "2"):
        raise DanvanError(f"--theme {spec!r}: the level after ':' must be 0, 1 or 2")
    return name, int(level)


def _as_list(value) -> list:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _check_date(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    if not _DATE.match(value):
        raise DanvanError(f"--{name} must be YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    return value


def build_sql(filters: Filters) -> tuple[str, list]:
    """The SELECT for the filters; every user value is a bound parameter."""
    where, params, joins = [], [], []
    select_score = "NULL AS relevance"
    order = "a.published DESC, a.id"
    if filters.search:
        joins.append("JOIN articles_fts f ON f.rowid = a.rowid")
        where.append("articles_fts MATCH ?")
        params.append(fts_query(filters.search))
        # bm25 weights per FTS column: title, text, title_folded, text_folded (lower = better).
        select_score = "-bm25(articles_fts, 0.0, 0.0, 5.0, 1.0) AS relevance, a.text AS _text"
        # Vietnamese words are several syllables: a result holding the typed syllables
        # side by side ("dân vận") ranks above one holding them apart, then by bm25.
        order = ("instr(a.title_folded || ' ' || a.text_folded, ?) = 0, "
                 "bm25(articles_fts, 0.0, 0.0, 5.0, 1.0), a.id")
    for name, level in filters.theme:
        if level == 0:
            where.append("NOT EXISTS (SELECT 1 FROM themes t WHERE t.article_id = a.id "
                         "AND t.theme = ? AND t.level >= 1)")
            params.append(name)
        else:
            where.append("EXISTS (SELECT 1 FROM themes t WHERE t.article_id = a.id "
                         "AND t.theme = ? AND t.level >= ?)")
            params.extend([name, level])
    if filters.province:
        where.append("(danvan_fold(a.province) = ? OR danvan_fold(a.province_2025) = ?)")
        params.extend([fold(filters.province.strip())] * 2)
    if filters.since:
        where.append("substr(a.published, 1, ?) >= ?")
        params.extend([len(filters.since), filters.since])
    if filters.until:
        where.append("substr(a.published, 1, ?) <= ?")
        params.extend([len(filters.until), filters.until])
    for number in filters.cites:
        where.append("EXISTS (SELECT 1 FROM citations c WHERE c.article_id = a.id AND "
                     "(danvan_number(c.number) = ? OR danvan_number(c.directive_key) = ?))")
        params.extend([fold_number(number)] * 2)
    if filters.site:
        where.append("(a.site = ? OR a.site LIKE ? OR a.url LIKE ?)")
        site = filters.site.strip().lower()
        params.extend([site, f"%.{site}", f"%://{site}/%"])
    if filters.search:
        params.append(query_phrase(filters.search))
    sql = f"""
        SELECT a.id, a.title, a.published, a.site, a.province, a.province_2025, a.url,
               (SELECT group_concat(theme || ':' || level, ';') FROM
                  (SELECT theme, level FROM themes t WHERE t.article_id = a.id AND t.level >= 1
                   ORDER BY theme)) AS themes,
               (SELECT group_concat(number, ';') FROM
                  (SELECT DISTINCT coalesce(number, directive_key) AS number FROM citations c
                   WHERE c.article_id = a.id AND c.directive_key IS NOT NULL ORDER BY number))
                  AS directives,
               a.n_chars, {select_score}
        FROM articles a {' '.join(joins)}
        {'WHERE ' + ' AND '.join(where) if where else ''}
        ORDER BY {order}"""
    if filters.limit is not None:
        sql += " LIMIT ?"
        params.append(int(filters.limit))
    return sql, params


def fold_number(number):
    """Directive numbers compare without case, spaces or the Đ/D difference."""
    return fold(re.sub(r"\s+", "", number)) if isinstance(number, str) else number


def register_functions(conn: sqlite3.Connection) -> None:
    conn.create_function("danvan_fold", 1, lambda v: fold(v) if isinstance(v, str) else v,
                         deterministic=True)
    conn.create_function("danvan_number", 1, fold_number, deterministic=True)


def query(db, **filters):
    """Articles matching every filter given, as a pandas DataFrame.

    ``db``: a path or an open sqlite_utils.Database. Filters: ``theme`` ("religion",
    "religion:1", or a list: all must hold), ``province`` (as published or as
    merged in 2025, any case or diacritics), ``since``/``until`` (YYYY[-MM[-DD]],
    inclusive), ``cites`` (a directive number or identity key, or a list: all
    must be cited), ``search`` (full text, diacritics optional), ``site``, ``limit``.
    Rows are ranked by relevance when ``search`` is given, else newest first.
    """
    import pandas as pd

    unknown = set(filters) - set(Filters.__dataclass_fields__)
    if unknown:
        raise DanvanError(f"unknown query filter(s): {', '.join(sorted(unknown))}")
    spec = Filters(
        theme=[parse_theme(t) if isinstance(t, str) else tuple(t)
               for t in _as_list(filters.get("theme"))],
        province=filters.get("province"), since=_check_date("since", filters.get("since")),
        until=_check_date("until", filters.get("until")),
        cites=_as_list(filters.get("cites")), search=filters.get("search"),
        site=filters.get("site"), limit=filters.get("limit"))
    if spec.limit is not None and int(spec.limit) < 0:
        raise DanvanError("--limit must be >= 0")
    sql, params = build_sql(spec)
    if isinstance(db, (str, Path)):
        database = open_db(db, readonly=True)
        close = True
    else:
        database, close = db, False
    try:
        register_functions(database.conn)
        try:
            cursor = database.execute(sql, params)
        except sqlite3.OperationalError as exc:
            raise DanvanError(f"query failed: {exc}") from None
        columns = [d[0] for d in cursor.description]
        frame = pd.DataFrame(cursor.fetchall(), columns=columns)
        if "_text" in frame:
            frame["snippet"] = [snippet(t, spec.search) for t in frame.pop("_text")]
    finally:
        if close:
            database.close()
    return frame
