"""``make bench``: theme tagging throughput, with segmentation uncached and cached.

Articles: the first N of the labelling pool (real news, median ~2,400 characters).
Uncached: a fresh, empty segmentation cache (underthesea runs); cached: the same
articles again (segmentation read back from SQLite). One process, one core.
"""
from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

N_ARTICLES = 200


def _articles(n: int):
    from pipeline.models import Article
    pool = Path(__file__).resolve().parents[1] / "corpus" / "labels" / "pool.jsonl"
    out = []
    with open(pool, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            out.append(Article.from_dict({"id": d["id"], "title": d["title"], "text": d["text"]}))
            if len(out) == n:
                break
    return out


def run() -> str:
    from pipeline.segment import SegmentCache
    from pipeline.themes.persist import _load_cached, load_model
    from pipeline.themes.tag import ThemeTagger

    articles = _articles(N_ARTICLES)
    chars = sum(len(a.text) for a in articles)
    start = time.perf_counter()
    _load_cached.cache_clear()
    model = load_model()
    load_seconds = time.perf_counter() - start
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tagger = ThemeTagger(model, cache=SegmentCache(tmp))
        for label in ("uncached (segment + tag)", "cached (tag only)"):
            start = time.perf_counter()
            for i in range(0, len(articles), 50):
                tagger.tag_many(articles[i:i + 50])
            seconds = time.perf_counter() - start
            rows.append(f"| {label} | {len(articles)} | {seconds:.2f} | "
                        f"{len(articles) / seconds:.1f} | {chars / seconds / 1000:.0f} |")
    return ("## Themes\n\nTagging throughput, one process (`ThemeTagger.tag_many`, batches of 50, "
            f"{N_ARTICLES} pool articles, {chars:,} characters). Model load: "
            f"{load_seconds:.2f} s.\n\n| segmentation | articles | seconds | articles/s | "
            "k chars/s |\n|---|---|---|---|---|\n" + "\n".join(rows) + "\n")


if __name__ == "__main__":
    print(run())
