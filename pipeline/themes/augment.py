"""Synthetic long reports: several labelled articles read as one document.

The labelled set is mostly national news, one topic per article; the articles users tag
are often provincial reports, where each theme has a paragraph among many. A model that
learns from single-topic articles alone learns that a theme filling a small part of a long
text is a passing mention, which the guideline denies (one concrete sentence makes level 2).
Concatenating articles gives documents of that shape with exact labels: the level of each
theme in a concatenation is the highest level among its parts. They are used to train the
level decision (stage 2) and to choose its thresholds, never to evaluate.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from .model import Scores

PARTS = (3, 8)  # articles per synthetic report, inclusive


def synthetic_reports(tokens: Sequence, Y: np.ndarray, idx: Sequence[int], n: int,
                      rng: np.random.Generator) -> tuple[list, np.ndarray]:
    """``n`` documents, each the sentences of 3-8 distinct articles of ``idx`` in a random
    order, with the highest level of each theme among them."""
    idx = np.asarray(idx)
    docs, levels = [], []
    if len(idx) < PARTS[0]:
        return docs, np.zeros((0, Y.shape[1]), dtype=int)
    for _ in range(n):
        size = int(rng.integers(PARTS[0], min(PARTS[1], len(idx)) + 1))
        parts = rng.choice(idx, size=size, replace=False)
        docs.append([sentence for i in parts for sentence in tokens[i]])
        levels.append(Y[parts].max(axis=0))
    return docs, np.array(levels, dtype=int).reshape(-1, Y.shape[1])


def concat_scores(parts: Sequence[Scores]) -> Scores:
    """One Scores of several batches, in order (sentence features are not kept)."""
    parts = [p for p in parts if len(p.bounds) > 1]
    n_themes = len(parts[0].article)
    article = [np.vstack([p.article[k] for p in parts]) for k in range(n_themes)]
    sentence = [np.vstack([p.sentence[k] for p in parts]) for k in range(n_themes)]
    bounds, offset = [0], 0
    for p in parts:
        bounds.extend(offset + b for b in p.bounds[1:])
        offset += p.bounds[-1]
    lexicon = None
    if all(p.lexicon is not None for p in parts):
        lexicon = [np.vstack([p.lexicon[k] for p in parts]) for k in range(n_themes)]
    return Scores(article, sentence, np.array(bounds), None, lexicon)
