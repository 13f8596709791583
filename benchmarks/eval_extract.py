"""``make eval``: the cleaner on the five seeds against ``gold_clean.jsonl``.

Target (issue 3): token F1 of the paragraphs >= 0.99 for each seed; title, published,
author and province equal to the gold for all five. The seeds are read from
``../shared/seeds`` when present, else from the bundled copy in ``corpus/sample/seeds``.
"""
from __future__ import annotations

import json
from pathlib import Path

from pipeline.extract import clean_text
from pipeline.extract.score import token_f1

REPO = Path(__file__).resolve().parents[1]
FIELDS = ("title", "published", "author", "province")


def seeds_dir() -> Path:
    for candidate in (REPO / ".." / "shared" / "seeds", REPO / ".." / ".." / "shared" / "seeds",
                      REPO / "corpus" / "sample" / "seeds"):
        if (candidate / "gold_clean.jsonl").is_file():
            return candidate.resolve()
    raise FileNotFoundError("no seeds with gold_clean.jsonl found")


def run() -> tuple[str, bool]:
    folder = seeds_dir()
    rows = [json.loads(line) for line in (folder / "gold_clean.jsonl").read_text("utf-8").splitlines()]
    lines = [f"## Cleaning: seeds against gold ({folder})", "",
             "| seed | F1 | P | R | title | published | author | province | captions |",
             "|---|---|---|---|---|---|---|---|---|"]
    met = True
    for gold in rows:
        path = folder / f"{gold['id']}.txt"
        article = clean_text(path.read_text("utf-8"), source=str(path))
        f1, p, r = token_f1(article.paragraphs, gold["paragraphs"])
        ok = {f: getattr(article, f) == gold[f] for f in FIELDS}
        caps = article.captions == gold["captions"]
        met = met and f1 >= 0.99 and all(ok.values())
        marks = [("ok" if ok[f] else f"MISS ({getattr(article, f)!r} vs {gold[f]!r})") for f in FIELDS]
        lines.append(f"| {gold['id'][:3]} | {f1:.4f} | {p:.4f} | {r:.4f} | " + " | ".join(marks)
                     + f" | {'ok' if caps else 'MISS'} |")
    lines += ["", f"Target (F1 >= 0.99 each; title, published, author, province all equal): "
                  f"{'met' if met else 'NOT met'}"]
    return "\n".join(lines), met


if __name__ == "__main__":
    print(run()[0])
