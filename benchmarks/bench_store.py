"""``make bench``: query latency of the corpus store on >= 20,000 real articles.

The DB is built with the store API from ../shared/corpus (vietnews_pool + dantri_unc).
Themes, citations, provinces and vietnews dates are SYNTHETIC but realistic unless
the real stages are used (they are too slow to run on 27k articles inside a
benchmark): themes from keyword screens, citations from a directive-number regex
over the real text (real spans), province from the first province named in the
text, dates drawn in 2016-2019 for vietnews (the source has none).
"""
from __future__ import annotations

import asyncio
import json
import os
import random
import re
import statistics
import tempfile
import time
from pathlib import Path

from pipeline.models import Article, Citation, ThemeTag
from pipeline.store import open_db, query, store_articles
from pipeline.store.write import checkpoint

REPO = Path(__file__).resolve().parents[1]
# ../shared beside the checkout (as CI lays it out); DANVAN_SHARED overrides it.
SHARED = Path(os.environ.get("DANVAN_SHARED", REPO.parent / "shared")) / "corpus"
FILES = ["vietnews_pool.jsonl", "dantri_unc.jsonl"]
REPEATS = 15

SCREENS = {
    "religion": ["tôn giáo", "tín đồ", "chức sắc", "phật giáo", "công giáo", "nhà thờ", "tín ngưỡng"],
    "ethnicity": ["dân tộc thiểu số", "đồng bào dân tộc", "người có uy tín", "vùng đồng bào"],
    "land_clearance": ["giải phóng mặt bằng", "thu hồi đất", "tái định cư", "bàn giao mặt bằng"],
    "new_rural": ["nông thôn mới", "19 tiêu chí"],
}
PROVINCES = ["Hà Nội", "Hồ Chí Minh", "Đà Nẵng", "Hải Phòng", "Cần Thơ", "Gia Lai", "Đắk Lắk",
             "Kon Tum", "Lâm Đồng", "Bình Phước", "Đồng Nai", "Bình Dương", "Long An", "Tây Ninh",
             "Sóc Trăng", "Trà Vinh", "An Giang", "Kiên Giang", "Cà Mau", "Bạc Liêu", "Quảng Nam",
             "Quảng Ngãi", "Bình Định", "Phú Yên", "Khánh Hòa", "Ninh Thuận", "Bình Thuận",
             "Nghệ An", "Hà Tĩnh", "Thanh Hóa", "Quảng Bình", "Quảng Trị", "Thừa Thiên Huế",
             "Lào Cai", "Yên Bái", "Hà Giang", "Sơn La", "Điện Biên", "Lai Châu", "Cao Bằng",
             "Lạng Sơn", "Bắc Kạn", "Thái Nguyên", "Tuyên Quang", "Phú Thọ", "Vĩnh Phúc",
             "Bắc Giang", "Bắc Ninh", "Quảng Ninh", "Hải Dương", "Hưng Yên", "Thái Bình",
             "Nam Định", "Ninh Bình", "Hà Nam", "Hòa Bình", "Đắk Nông", "Tiền Giang", "Bến Tre",
             "Vĩnh Long", "Đồng Tháp", "Hậu Giang", "Bà Rịa - Vũng Tàu"]
PROVINCE_RE = re.compile(r"(?:tỉnh|TP\.?|thành phố)\s+(" + "|".join(map(re.escape, PROVINCES)) + ")")
DIRECTIVE_RE = re.compile(r"\b\d{1,4}-(?:NQ|CT|KL|QĐ|QC|HD)/[A-ZĐ]{2,6}\b"
                          r"|\b\d{1,5}/(?:\d{4}/)?(?:NQ|CT|QĐ|NĐ|TT)-[A-ZĐa-z]+\b")


def synthetic_article(record: dict, rng: random.Random) -> Article:
    text = record["text"]
    article = Article.from_dict({**record, "paragraphs": [p for p in text.split("\n") if p.strip()]})
    low = ((record.get("title") or "") + "\n" + text).lower()
    for theme, words in SCREENS.items():
        hits = sum(low.count(w) for w in words)
        level = 2 if hits >= 3 else 1 if hits else 0
        article.themes.append(ThemeTag(theme=theme, level=level, score=min(1.0, hits / 5),
                                       score_mentioned=min(1.0, hits / 2)))
    body = article.text
    for m in DIRECTIVE_RE.finditer(body):
        local = m.group().endswith(("/TU", "/HU", "UBND"))
        article.citations.append(Citation(start=m.start(), end=m.end(), surface=m.group(),
                                          number=m.group(),
                                          key=m.group() + ("@?" if local else "")))
    province = PROVINCE_RE.search(body)
    article.province = province.group(1) if province else None
    if record.get("date"):
        d = record["date"]
        article.published = f"{d[:4]}-{d[4:6]}-{d[6:]}"
    else:
        article.published = f"{rng.randint(2016, 2019)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    article.site = (record.get("source") or "vietnews").split()[0]
    return article


def load_articles() -> list[Article]:
    rng = random.Random(3)
    articles = []
    for name in FILES:
        with (SHARED / name).open(encoding="utf-8") as handle:
            for line in handle:
                articles.append(synthetic_article(json.loads(line), rng))
    return articles


def timed(fn, repeats: int = REPEATS) -> tuple[float, float, object]:
    fn()  # warm the page cache and SQLite's statement cache
    times, result = [], None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], result


def datasette_timings(db_path: Path) -> list[tuple[str, float, float, int]]:
    from datasette.app import Datasette

    from pipeline.store import datasette_plugin
    from pipeline.store.serve import SETTINGS, render_metadata
    from datasette.plugins import pm

    if not pm.is_registered(datasette_plugin):
        pm.register(datasette_plugin, name="danvan")
    ds = Datasette(immutables=[str(db_path)], metadata=render_metadata(db_path),
                   settings={**{k: int(v) if v.isdigit() else v == "on" for k, v in SETTINGS.items()},
                             "sql_time_limit_ms": 20000, "facet_time_limit_ms": 20000})
    name = db_path.stem
    pages = [
        ("web: article list + 5 facets", f"/{name}/article_overview.json"),
        ("web: search 'dan van' (no diacritics) + facets", f"/{name}/article_overview.json?_search=dan+van"),
        ("web: facet theme=religion", f"/{name}/article_overview.json?themes__arraycontains=religion"),
        ("web: canned search 'ton giao'", f"/{name}/search.json?q=ton+giao"),
        ("web: canned articles citing 25-NQ/TW", f"/{name}/articles_citing.json?directive=25-NQ/TW"),
        ("web: canned most cited directives", f"/{name}/most_cited_directives.json"),
        ("web: canned co-cited pairs", f"/{name}/co_cited_pairs.json"),
    ]
    rows = []

    async def fetch(path):
        response = await ds.client.get(path)
        assert response.status_code == 200, (path, response.status_code, response.text[:300])
        return response.json()

    loop = asyncio.new_event_loop()
    try:
        for label, path in pages:
            median, p95, data = timed(lambda: loop.run_until_complete(fetch(path)), repeats=7)
            n = len(data.get("rows", [])) if isinstance(data, dict) else len(data)
            rows.append((label, median, p95, n))
    finally:
        loop.close()
    return rows


def run() -> str:
    if not SHARED.is_dir():
        return "## bench_store\n\nSKIPPED: ../shared/corpus is absent.\n"
    t0 = time.perf_counter()
    articles = load_articles()
    t_load = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "bench.db"
        db = open_db(db_path)
        t0 = time.perf_counter()
        stored = store_articles(db, articles, batch_size=500)
        checkpoint(db)
        t_store = time.perf_counter() - t0
        n_cit = db["citations"].count
        n_dir = db["directives"].count
        size_mb = db_path.stat().st_size / 2**20
        t0 = time.perf_counter()
        store_articles(db, articles[:2000], batch_size=500)  # re-processing: replace in place
        t_restore = time.perf_counter() - t0
        db.close()

        db = open_db(db_path, readonly=True)
        top_key = db.execute("SELECT directive_key FROM citations GROUP BY directive_key "
                             "ORDER BY count(DISTINCT article_id) DESC LIMIT 1").fetchone()[0]
        cases = [
            ("search 'dan van kheo' (no diacritics)", lambda: query(db, search="dan van kheo", limit=50)),
            ("search 'tôn giáo' (diacritics)", lambda: query(db, search="tôn giáo", limit=50)),
            ("search 'giai phong mat bang', all hits", lambda: query(db, search="giai phong mat bang")),
            ("facet: articles per theme at level 2", lambda: db.execute(
                "SELECT theme, count(*) FROM themes WHERE level = 2 GROUP BY theme").fetchall()),
            ("facet: articles per province", lambda: db.execute(
                "SELECT province, count(*) FROM articles GROUP BY province").fetchall()),
            ("facet: themes per year and province", lambda: db.execute(
                "SELECT year, province, theme, count(*) FROM theme_tags WHERE level = 2 "
                "GROUP BY 1, 2, 3").fetchall()),
            ("filter: theme=religion", lambda: query(db, theme="religion")),
            ("cited-by: --cites 25-NQ/TW", lambda: query(db, cites="25-NQ/TW")),
            (f"cited-by: --cites {top_key} (most cited)", lambda: query(db, cites=top_key)),
            ("combined: theme+province+since+search", lambda: query(
                db, theme="land_clearance:1", province="Hà Nội", since="2017", search="thu hoi dat")),
            ("most cited directives (directive_counts)", lambda: db.execute(
                "SELECT * FROM directive_counts ORDER BY n_articles DESC LIMIT 10").fetchall()),
        ]
        lines = []
        for label, fn in cases:
            median, p95, result = timed(fn)
            lines.append((label, median, p95, len(result)))
        db.close()
        web = datasette_timings(db_path)

    out = ["## bench_store: corpus store query latency", "",
           f"{stored:,} real articles (vietnews_pool + dantri_unc from ../shared/corpus), "
           f"{n_cit:,} citations of {n_dir:,} directive identities; DB file {size_mb:.0f} MB.",
           "Themes, citations, provinces and vietnews dates are **synthetic but realistic** (keyword "
           "screens, a directive-number regex over the real text, first province named, random "
           "2016-2019 dates): this measures the store, not the taggers.", "",
           f"Build: read+synthesise {t_load:.1f} s; store {stored:,} articles in {t_store:.1f} s "
           f"({stored / t_store:,.0f} articles/s, batches of 500, WAL, synchronous=FULL, FTS "
           f"triggers); re-store 2,000 existing articles {t_restore:.1f} s.", "",
           f"| query | median ms | p95 ms | rows |", "|---|---:|---:|---:|"]
    out += [f"| {label} | {m:.1f} | {p:.1f} | {n:,} |" for label, m, p, n in lines]
    out += ["", "Through Datasette (in-process ASGI client, immutable DB, JSON; includes the "
            "configured facets):", "", "| page | median ms | p95 ms | rows |", "|---|---:|---:|---:|"]
    out += [f"| {label} | {m:.1f} | {p:.1f} | {n:,} |" for label, m, p, n in web]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(run())
