"""Token-level precision, recall and F1 of extracted paragraphs against gold paragraphs.

Tokens are whitespace-separated words of all paragraphs (a bag: order-free, counted),
the usual measure of main-text extraction (as in the trafilatura benchmarks).
"""
from __future__ import annotations

from collections import Counter


def token_f1(predicted: list[str], gold: list[str]) -> tuple[float, float, float]:
    """(F1, precision, recall); two empty texts score 1.0."""
    pred = Counter(" ".join(predicted).split())
    want = Counter(" ".join(gold).split())
    if not pred and not want:
        return 1.0, 1.0, 1.0
    overlap = sum((pred & want).values())
    precision = overlap / sum(pred.values()) if pred else 0.0
    recall = overlap / sum(want.values()) if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f1, precision, recall
