"""Folding for search: lower case, no diacritics, and đ as d.

SQLite's ``remove_diacritics 2`` folds tones but never đ, so the store indexes
a column folded here, and queries are folded the same way.
"""
from __future__ import annotations

import unicodedata

_EXTRA = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})


def fold(text: str) -> str:
    """'Đảng ủy' -> 'dang uy'."""
    decomposed = unicodedata.normalize("NFD", text.translate(_EXTRA).lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
