"""The corpus summary that ``make run`` prints: articles per theme and level, top directives."""
from __future__ import annotations

import sqlite_utils


def _table(rows: list[tuple], header: tuple) -> str:
    rows = [tuple("-" if v is None else str(v) for v in r) for r in rows]
    widths = [max(len(str(h)), *(len(r[i]) for r in rows)) if rows else len(str(h))
              for i, h in enumerate(header)]
    lines = ["  ".join(str(h).ljust(w) for h, w in zip(header, widths)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in rows]
    return "\n".join(lines)


def corpus_summary(db: sqlite_utils.Database, top: int = 10) -> str:
    n_articles = db["articles"].count
    n_citations = db["citations"].count
    per_level = db.execute("""
        SELECT theme, sum(level = 2), sum(level = 1), sum(level = 0) FROM themes
        GROUP BY theme ORDER BY sum(level = 2) DESC, theme""").fetchall()
    cited = db.execute(f"""
        SELECT key, n_articles, n_citations, coalesce(title, '') FROM directive_counts
        WHERE n_citations > 0 ORDER BY n_articles DESC, n_citations DESC, key LIMIT {int(top)}
        """).fetchall()
    cited = [(k, a, c, t if len(t) <= 60 else t[:59] + "…") for k, a, c, t in cited]
    provinces = db.execute("SELECT count(DISTINCT province) FROM articles").fetchone()[0]
    parts = [f"{n_articles} articles, {provinces} provinces, {n_citations} citations of "
             f"{db.execute('SELECT count(DISTINCT directive_key) FROM citations').fetchone()[0]} "
             "directives", "",
             "Articles per theme and level (2 substantive, 1 mentioned, 0 absent):",
             _table(per_level, ("theme", "level 2", "level 1", "level 0")) if per_level
             else "(no theme calls stored)", "",
             f"The {top} most cited directives:",
             _table(cited, ("directive", "articles", "citations", "title")) if cited
             else "(no citations stored)"]
    return "\n".join(parts)
