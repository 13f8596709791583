"""Round 2 of the theme pool (2026-12-05): more articles to label, appended to pool.jsonl.

Round 1 (make_pool.py) took the articles with the most screen hits first; this round takes,
from the shared-corpus articles not yet in the pool, a random sample (by a hash of the id, no
model) of those the same screens propose, at every hit count, plus hard negatives and plain
negatives. Keywords only propose; annotators decide every level (ROUND2_GUIDE.md).
Every article of the Party/legal file that a strong screen proposes is taken, since
those texts are closest to the Party-report register the tool is for.

    python corpus/labels/make_pool_round2.py            # appends to pool.jsonl, writes batches
    python corpus/labels/make_pool_round2.py --batches DIR --size 120
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_pool as mp  # noqa: E402

ROUND = 2
QUOTA_STRONG = {"ethnicity": 260, "religion": 200, "land_clearance": 150, "new_rural": 0}
QUOTA_WEAK = {"ethnicity": 40, "religion": 40, "land_clearance": 40, "new_rural": 50}
QUOTA_NONE = {"vietnews": 40, "dantri": 20}
ALL_STRONG_FROM = ("party",)


def select_round2(docs: list[dict], pooled: set[str]) -> list[dict]:
    strong = {t: re.compile(p, re.I) for t, p in mp.STRONG.items()}
    weak = {t: re.compile(p, re.I) for t, p in mp.WEAK.items()}
    rest = sorted((d for d in docs if d["id"] not in pooled), key=lambda d: mp._rank(f"r2:{d['id']}"))
    head = {d["id"]: d["title"] + "\n" + d["text"][:mp.MAX_CHARS] for d in rest}
    chosen: dict[str, dict] = {}
    for theme in mp.STRONG:
        hits = [d for d in rest if strong[theme].search(head[d["id"]])]
        for d in hits:
            if d["_src"] in ALL_STRONG_FROM:
                chosen.setdefault(d["id"], d)
        taken = 0
        for d in hits:
            if taken >= QUOTA_STRONG[theme]:
                break
            if d["id"] not in chosen:
                chosen[d["id"]] = d
                taken += 1
        only_weak = [d for d in rest if d["id"] not in chosen and weak[theme].search(head[d["id"]])
                     and not strong[theme].search(head[d["id"]])]
        for d in only_weak[:QUOTA_WEAK[theme]]:
            chosen[d["id"]] = d
    screens = list(strong.values()) + list(weak.values())
    for src, quota in QUOTA_NONE.items():
        none = [d for d in rest if d["_src"] == src and d["id"] not in chosen
                and not any(p.search(head[d["id"]]) for p in screens)]
        for d in none[:quota]:
            chosen[d["id"]] = d
    return sorted(chosen.values(), key=lambda d: mp._rank(d["id"]))


def _screen() -> re.Pattern:
    """The round-1 screens and every taxonomy phrase: what a reading view shows."""
    from pipeline.themes.taxonomy import load_taxonomy
    phrases = sorted({p for t in load_taxonomy() for p in t.lexicon}, key=len, reverse=True)
    words = "|".join(re.escape(p) for p in phrases)
    return re.compile(rf"{mp.ANY.pattern}|(?<!\w)(?:{words})(?!\w)", re.I)


def reading_view(rec: dict, screen: re.Pattern) -> str:
    """Round 1's reading view with the wider screen, and up to 30 flagged sentences."""
    return mp.reading_view(rec, max_sents=30, screen=screen)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--batches", type=Path, help="write annotator batches (JSONL) here")
    parser.add_argument("--size", type=int, default=120)
    args = parser.parse_args()
    pool_path = mp.HERE / "pool.jsonl"
    pool = [json.loads(line) for line in open(pool_path, encoding="utf-8")]
    pooled = {r["id"] for r in pool}
    if any(r.get("round") == ROUND for r in pool):
        new = [r for r in pool if r.get("round") == ROUND]
        print(f"round {ROUND} already in the pool: {len(new)} articles")
    else:
        picked = select_round2(mp.load_docs(), pooled)
        new = [{"id": d["id"], "source": d.get("source") or mp.SOURCES[d["_src"]],
                "url": d.get("url"), "title": d["title"], "text": d["text"][:mp.MAX_CHARS],
                "round": ROUND} for d in picked]
        with open(pool_path, "a", encoding="utf-8") as fh:
            for rec in new:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        print(f"{len(new)} articles appended to {pool_path.name}")
    if args.batches:
        args.batches.mkdir(parents=True, exist_ok=True)
        screen = _screen()
        for k, start in enumerate(range(0, len(new), args.size)):
            part = new[start:start + args.size]
            with open(args.batches / f"batch_{k:02d}.jsonl", "w", encoding="utf-8") as fh:
                for rec in part:
                    fh.write(json.dumps({"id": rec["id"], "title": rec["title"],
                                         "text": rec["text"]}, ensure_ascii=False) + "\n")
            views = "\n\n".join(reading_view(rec, screen) for rec in part)
            (args.batches / f"batch_{k:02d}.txt").write_text(views + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
