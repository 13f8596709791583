"""Turn what a user types into an FTS5 query over the folded columns.

Every word is folded (lower case, no tones, đ -> d) and quoted, so punctuation
in the query ("25-NQ/TW", "Đảng ủy,") can never be read as FTS5 syntax. Words
in double quotes stay together as a phrase; the rest must all occur (AND).
"""
from __future__ import annotations

import re

from ..errors import DanvanError
from ..normalize import fold

# Word characters as unicode61 sees them; everything else separates tokens.
_TOKEN = re.compile(r"\w+", re.UNICODE)


def fts_query(user_query: str) -> str:
    """'Đảng ủy "dân vận khéo"' -> '{title_folded text_folded}: ("dang" "uy" "dan van kheo")'."""
    parts = []
    # Split into quoted phrases and bare words; an unmatched quote is taken literally.
    for phrase, bare in re.findall(r'"([^"]*)"|(\S+)', user_query or ""):
        tokens = _TOKEN.findall(fold(phrase if phrase else bare))
        if not tokens:
            continue
        if phrase:
            parts.append('"' + " ".join(tokens) + '"')
        else:
            parts.extend(f'"{t}"' for t in tokens)
    if not parts:
        raise DanvanError(f"nothing to search for in {user_query!r}")
    return "{title_folded text_folded}: (" + " AND ".join(parts) + ")"
