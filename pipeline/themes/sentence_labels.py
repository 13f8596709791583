"""Sentence-level theme labels: the guideline's rule read one sentence at a time.

The guideline decides level 2 by a single sentence ("one sentence that states a concrete
fact, task, figure, event or complaint specifically about the theme"), so the labelled set
also holds sentences of training articles labelled 0/1/2 on their own, in
``corpus/labels/raw/sentences_<theme>.jsonl``: {"sid": "<article id>#<n>", "id", "index",
"text", "level"}, where n is the sentence's position in ``segment_many`` of the article and
``text`` the sentence as read (checked on load: a sentence that moved is found again by its
text, one that is gone is left out).

A row whose ``id`` is not an article of the labelled set is a *standalone* sentence: taken
from a shared-corpus article that was never labelled as a whole (so it is in no split), it
trains the sentence models only, from its ``text``. That is how sentences of a register the
labelled articles lack (Party reports' task sentences) are taught.
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


def standalone_sentence_labels(labels: dict[str, list], article_ids, themes: Sequence[str]
                               ) -> tuple[list[str], list[np.ndarray]]:
    """The labelled sentences whose article is not in ``article_ids``: their texts (one per
    distinct article id and text, in file order) and per theme their levels (-1: that theme's
    file does not label the sentence)."""
    known = set(article_ids)
    index_of = {theme: k for k, theme in enumerate(themes)}
    row_of: dict[tuple[str, str], int] = {}
    found: list[tuple[int, int, int]] = []  # (row, theme index, level)
    for article_id, rows in labels.items():
        if article_id in known:
            continue
        for _, text, theme, level in rows:
            key = (article_id, _normal(text))
            if not key[1]:
                continue
            row_of.setdefault(key, len(row_of))
            found.append((row_of[key], index_of[theme], level))
    texts = [text for _, text in row_of]
    levels = [np.full(len(texts), -1, dtype=int) for _ in themes]
    for row, k, level in found:
        levels[k][row] = level
    return texts, levels
