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


def query_phrase(user_query: str) -> str:
    """The query's words folded and joined: results containing this exact phrase rank first."""
    return " ".join(_TOKEN.findall(fold(user_query or "")))


def snippet(text: str | None, user_query: str, width: int = 90) -> str:
    """The passage of the original text around the first query word, the word in [brackets].

    fold() maps each precomposed Vietnamese letter to one letter, so offsets in the
    folded text are offsets in the original; where they are not, the snippet is the start.
    """
    if not text:
        return ""
    folded = fold(text)
    words = [w for phrase, bare in re.findall(r'"([^"]*)"|(\S+)', user_query or "")
             for w in [" ".join(_TOKEN.findall(fold(phrase or bare)))] if w]
    words.insert(0, query_phrase(user_query))  # the whole query as typed, if it occurs
    hit = -1
    for word in words:
        match = re.search(r"(?<!\w)" + re.escape(word).replace(r"\ ", r"\W+"), folded)
        if match:
            hit, end = match.start(), match.end()
            break
    if hit < 0 or len(folded) != len(text):
        return _clip(text, 0, min(len(text), 2 * width))
    left, right = max(0, hit - width), min(len(text), end + width)
    return _clip(text, left, right, mark=(hit, end))


def _clip(text: str, left: int, right: int, mark: tuple[int, int] | None = None) -> str:
    body = text[left:right] if mark is None else (
        text[left:mark[0]] + "[" + text[mark[0]:mark[1]] + "]" + text[mark[1]:right])
    body = body.replace("\n", " ¶ ")
    return ("…" if left > 0 else "") + body + ("…" if right < len(text) else "")
