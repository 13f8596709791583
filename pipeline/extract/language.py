"""Tell Vietnamese text from English, Chinese and the like, without a model.

Vietnamese prints a diacritic on most syllables and uses letters (đ, ơ, ư, ă ...)
no other Latin-script language has; CJK and other scripts are counted by block.
"""
from __future__ import annotations

import re

SAMPLE = 6000  # characters looked at
_LETTER_RE = re.compile(r"[^\W\d_]")
_SCRIPTS = {
    "zh": re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]"),
    "ja": re.compile(r"[\u3040-\u30ff]"),
    "ko": re.compile(r"[\uac00-\ud7af]"),
    "ru": re.compile(r"[\u0400-\u04ff]"),
    "th": re.compile(r"[\u0e00-\u0e7f]"),
    "ar": re.compile(r"[\u0600-\u06ff]"),
}
_WORD_RE = re.compile(r"[^\W\d_]+")
# Latin letters with diacritics (Vietnamese ones included: Latin-1, Latin Extended, ơ/ư, Ạ-ỹ)
_MARKED_RE = re.compile(r"[À-ÖØ-öø-ÿĀ-ɏẠ-ỹ]")
# Letters only Vietnamese writes (ă, đ, ơ, ư and the stacked tone letters ạ ả ấ ầ ... ỹ)
_VIETNAMESE_RE = re.compile(r"[ăĂđĐơƠưƯĩĨũŨẠ-ỹ]")


def detect_language(text: str) -> str:
    """'vi', 'en' (Latin script without Vietnamese marks), 'zh', 'ja', 'ko', 'ru', 'th', 'ar' or 'und'."""
    sample = text[:SAMPLE]
    letters = len(_LETTER_RE.findall(sample))
    if letters < 20:
        return "und"
    counts = {name: len(rx.findall(sample)) for name, rx in _SCRIPTS.items()}
    if counts["ja"] and counts["zh"]:
        counts["ja"] += counts.pop("zh")  # kanji with kana is Japanese
    script, count = max(counts.items(), key=lambda kv: kv[1])
    if count > (letters - count):
        return script
    words = _WORD_RE.findall(sample)
    if not words:
        return "und"
    marked = sum(1 for w in words if _MARKED_RE.search(w))
    vietnamese = sum(1 for w in words if _VIETNAMESE_RE.search(w))
    ratio = marked / len(words)
    if ratio >= 0.25 and vietnamese / len(words) >= 0.1:
        return "vi"
    return "en" if ratio < 0.1 else "und"
