"""Sentence-level theme labels: the guideline's rule read one sentence at a time.

The guideline decides level 2 by a single sentence ("one sentence that states a concrete
fact, task, figure, event or complaint specifically about the theme"), so the labelled set
also holds sentences of training articles labelled 0/1/2 on their own, in
``corpus/labels/raw/sentences_<theme>.jsonl``: {"sid": "<article id>#<n>", "id", "index",
"text", "level"}, where n is the sentence's position in ``segment_many`` of the article and
``text`` the sentence as read (checked on load: a sentence that moved is found again by its
text, one that is gone is left out).
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Sequence

import numpy as np

from .labels import LABELS_DIR, LEVELS, read_jsonl


def read_sentence_labels(themes: Sequence[str], raw_dir: Path | None = None
                         ) -> dict[str, list[tuple[int, str, str, int]]]:
    """article id -> [(index, text, theme, level)] from raw/sentences_<theme>.jsonl."""
    raw_dir = Path(raw_dir) if raw_dir else LABELS_DIR / "raw"
    out: dict[str, list] = defaultdict(list)
    for theme in themes:
        path = raw_dir / f"sentences_{theme}.jsonl"
        if not path.exists():
            continue
        for row in read_jsonl(path):
            if row.get("level") in LEVELS and row.get("id") is not None:
                out[row["id"]].append((int(row.get("index", -1)), row.get("text", ""),
                                       theme, int(row["level"])))
    return dict(out)


def _normal(text: str) -> str:
    return " ".join(text.split())


def align_sentence_labels(article_ids: Sequence[str], sentence_texts: Sequence[Sequence[str]],
                          themes: Sequence[str], labels: dict[str, list]
                          ) -> tuple[list[np.ndarray], int]:
    """Per theme, an array over every sentence row of the articles (in order) holding the
    labelled level or -1; and how many labels could not be placed."""
    total = sum(len(t) for t in sentence_texts)
    out = [np.full(total, -1, dtype=int) for _ in themes]
    index_of = {theme: k for k, theme in enumerate(themes)}
    missing, start = 0, 0
    for article_id, texts in zip(article_ids, sentence_texts):
        for index, text, theme, level in labels.get(article_id, ()):
            wanted = _normal(text)
            if 0 <= index < len(texts) and _normal(texts[index]) == wanted:
                row = index
            else:
                found = [j for j, t in enumerate(texts) if _normal(t) == wanted]
                if not found:
                    missing += 1
                    continue
                row = found[0]
            out[index_of[theme]][start + row] = level
        start += len(texts)
    return out, missing
