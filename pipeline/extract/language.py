"""Tell Vietnamese text from English, Chinese and the like, without a model.

Vietnamese prints a diacritic on most syllables and uses letters (đ, ơ, ư, ă ...)
no other Latin-script language has; CJK and other scripts are counted by block.
"""
from __future__ import annotations

import re
import unicodedata

_VI_ONLY = set("ăâđêôơưĂÂĐÊÔƠƯ")
_WORD_RE = re.compile(r"[^\W\d_]+")


def _script(char: str) -> str:
    code = ord(char)
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x3040 <= code <= 0x30FF:
        return "zh" if code >= 0x3400 and not 0x3040 <= code <= 0x30FF else "ja"
    if 0xAC00 <= code <= 0xD7AF:
        return "ko"
    if 0x0400 <= code <= 0x04FF:
        return "ru"
    if 0x0E00 <= code <= 0x0E7F:
        return "th"
    if 0x0600 <= code <= 0x06FF:
        return "ar"
    return "latin" if char.isalpha() else ""


def detect_language(text: str) -> str:
    """'vi', 'en' (Latin script without Vietnamese marks), 'zh', 'ja', 'ko', 'ru', 'th', 'ar' or 'und'."""
    letters = [c for c in text[:20000] if c.isalpha()]
    if len(letters) < 20:
        return "und"
    scripts: dict[str, int] = {}
    for c in letters:
        s = _script(c)
        scripts[s] = scripts.get(s, 0) + 1
    top = max(scripts, key=scripts.get)
    if top != "latin":
        return top
    words = _WORD_RE.findall(text[:20000])
    if not words:
        return "und"
    marked = sum(1 for w in words if _VI_ONLY & set(w) or
                 any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", w)))
    ratio = marked / len(words)
    if ratio >= 0.25:
        return "vi"
    return "en" if ratio < 0.1 else "und"
