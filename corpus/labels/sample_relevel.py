"""Propose the article x theme pairs of the 1/2 re-reading (see README.md, "Re-reading").

    python corpus/labels/sample_relevel.py --out DIR [--batches 8]

Every pair labelled 1 in any split is re-read, and a random sample of pairs labelled 2
(controls, so that the readers cannot know which level a pair had). The choice depends on
the labels alone, never on a model, and takes every split alike. Writes batch_<k>.jsonl
({"id", "title", "text", "themes": [...]}; no level) to DIR for the readers
(RELEVEL_GUIDE.md), articles in a random order, about the same amount of text per batch.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

LABELS = Path(__file__).resolve().parent / "themes.jsonl"
CONTROLS = 100  # pairs labelled 2, drawn at random


def choose(rows: list[dict], controls: int, rng: random.Random) -> dict[str, list[str]]:
    """id -> the themes to re-read: every level-1 pair, and ``controls`` level-2 pairs."""
    ones = [(r["id"], t) for r in rows for t, level in r["levels"].items() if level == 1]
    twos = [(r["id"], t) for r in rows for t, level in r["levels"].items() if level == 2]
    chosen = ones + rng.sample(twos, min(controls, len(twos)))
    out: dict[str, list[str]] = defaultdict(list)
    for article_id, theme in chosen:
        out[article_id].append(theme)
    return out


def batches(rows: list[dict], chosen: dict[str, list[str]], n: int,
            rng: random.Random) -> list[list[dict]]:
    """The chosen articles in ``n`` batches of about equal text length."""
    items = [{"id": r["id"], "title": r.get("title") or "", "text": r["text"],
              "themes": sorted(chosen[r["id"]])} for r in rows if r["id"] in chosen]
    rng.shuffle(items)
    out, sizes = [[] for _ in range(n)], [0] * n
    for item in items:
        k = sizes.index(min(sizes))
        out[k].append(item)
        sizes[k] += len(item["text"])
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--batches", type=int, default=8)
    parser.add_argument("--controls", type=int, default=CONTROLS)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    rows = [json.loads(line) for line in LABELS.open(encoding="utf-8")]
    chosen = choose(rows, args.controls, rng)
    args.out.mkdir(parents=True, exist_ok=True)
    for k, batch in enumerate(batches(rows, chosen, args.batches, rng)):
        with open(args.out / f"batch_{k}.jsonl", "w", encoding="utf-8") as fh:
            for item in batch:
                fh.write(json.dumps(item, ensure_ascii=False) + "\n")
        print(f"batch_{k}: {len(batch)} articles, {sum(len(i['themes']) for i in batch)} pairs",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
