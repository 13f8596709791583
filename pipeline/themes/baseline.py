"""The keyword baseline that the model must beat: lexicon hits from the taxonomy file.

Level 2 when the title names the theme or the text has at least MIN_HITS_SUBSTANTIVE
hits, level 1 for fewer hits, 0 for none.
"""
from __future__ import annotations

from .taxonomy import Theme

MIN_HITS_SUBSTANTIVE = 3


def keyword_level(theme: Theme, title: str, text: str) -> int:
    if theme.lexicon_hits(title or ""):
        return 2
    hits = len(theme.lexicon_hits(text))
    if hits >= MIN_HITS_SUBSTANTIVE:
        return 2
    return 1 if hits else 0
