"""The full second reading (2026-12-05): every labelled article read again, blind.

Until now a second reading covered chosen subsets (216 double-labelled articles, the keyword
quality pass, the 1/2 re-reading of every pair labelled 1). Here EVERY article of themes.jsonl
and of the round-2 pool is read again for all four themes by a helper annotator who sees no
earlier level and no model output (ROUND2_GUIDE.md, the same task as a first reading). Where
the second reading differs from the merged level, a third reader settles the pair, blind too
(`raw/reread_adjudication_<k>.jsonl`); see pipeline.themes.reread.

    python corpus/labels/sample_reread.py DIR [--batches 8]   # writes DIR/reread_<k>.txt/.jsonl
    python corpus/labels/sample_reread.py DIR --disagreements  # writes DIR/adjudicate_<k>.*
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))
import make_pool_round2 as r2  # noqa: E402


def _pool() -> dict[str, dict]:
    with open(HERE / "pool.jsonl", encoding="utf-8") as fh:
        return {rec["id"]: rec for rec in map(json.loads, fh)}


def articles_to_read() -> list[dict]:
    pool = _pool()
    with open(HERE / "themes.jsonl", encoding="utf-8") as fh:
        ids = [json.loads(line)["id"] for line in fh]
    labelled = set(ids)
    ids += [i for i, rec in pool.items() if rec.get("round") == 2 and i not in labelled]
    # a new order, so that a batch mixes splits and rounds
    ids.sort(key=lambda i: hashlib.sha1(f"reread:{i}".encode()).hexdigest())
    return [pool[i] for i in ids]


def disputed_pairs() -> list[tuple[dict, list[str]]]:
    """(pool record, themes) of every article whose merged level the second reading disputes
    and no third reading settled yet: chosen from the labels alone."""
    from pipeline.themes.labels import assemble
    from pipeline.themes.taxonomy import load_taxonomy
    themes = [t.label for t in load_taxonomy()]
    _, stats = assemble(themes, HERE)
    pool = _pool()
    by_article: dict[str, list[str]] = {}
    for article_id, theme, _, _ in stats["reread"].to_settle:
        by_article.setdefault(article_id, []).append(theme)
    ids = sorted(by_article, key=lambda i: hashlib.sha1(f"adjudicate:{i}".encode()).hexdigest())
    return [(pool[i], by_article[i]) for i in ids]


def write_batches(records: list[dict], out: Path, n: int, prefix: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    screen = r2._screen()
    size = -(-len(records) // n)
    for k in range(n):
        part = records[k * size:(k + 1) * size]
        with open(out / f"{prefix}_{k}.jsonl", "w", encoding="utf-8") as fh:
            for rec in part:
                keep = {k: rec[k] for k in ("id", "title", "text", "themes") if k in rec}
                fh.write(json.dumps(keep, ensure_ascii=False) + "\n")
        views = "\n\n".join(_themes_line(rec) + r2.reading_view(rec, screen) for rec in part)
        (out / f"{prefix}_{k}.txt").write_text(views + "\n", encoding="utf-8")


def _themes_line(rec: dict) -> str:
    return f"THEMES TO DECIDE: {', '.join(rec['themes'])}\n" if rec.get("themes") else ""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--batches", type=int, default=8)
    parser.add_argument("--disagreements", action="store_true",
                        help="batches of the pairs the second reading disputes, for a third reader")
    args = parser.parse_args()
    if args.disagreements:
        pairs = disputed_pairs()
        records = [{**rec, "themes": themes} for rec, themes in pairs]
        write_batches(records, args.out, args.batches, "adjudicate")
        print(f"{sum(len(t) for _, t in pairs)} pairs in {len(pairs)} articles, "
              f"{args.batches} batches under {args.out}")
        return
    records = articles_to_read()
    write_batches(records, args.out, args.batches, "reread")
    print(f"{len(records)} articles in {args.batches} batches under {args.out}")


if __name__ == "__main__":
    main()
