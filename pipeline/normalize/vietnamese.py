"""How Vietnamese a piece of text looks: the shared yardstick of decoding and repair.

A Vietnamese word is one syllable: an optional initial consonant, a vowel
nucleus and an optional final, with at most one tone mark. Mojibake
("CÃ´ng"), legacy font bytes read as Windows-1252 ("C«ng") and text in the
wrong code page break that shape, so the share of well-formed syllables among
the words that carry non-ASCII letters tells a good decoding from a bad one.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_INITIALS = ("ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|q|r|s|t|v|x")
# Vowel nuclei with their glides (oa, uy, ươ ...), written without tone marks.
_NUCLEI = (
    "uyê|uya|uyu|oai|oay|oao|oeo|uây|uôi|ươi|ươu|iêu|yêu|"
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo|ua|uâ|uê|ui|uô|uơ|ưa|ưi|ươ|ưu|uy|yê|"
    "a|ă|â|e|ê|i|o|ô|ơ|u|ư|y"
)
# "k" ends minority place names (Đắk Lắk, Krông Búk).
_FINALS = "ch|ng|nh|c|k|m|n|p|t"
_SYLLABLE_RE = re.compile(rf"^(?:{_INITIALS})?(?:{_NUCLEI})(?:{_FINALS})?$")
_ACRONYM_RE = re.compile(r"^[A-ZĐ]{1,8}$")
# Punctuation that may cling to a word: stripped before the syllable check.
_EDGE_PUNCT = "\"'“”‘’()[]{}<>.,;:!?…-–—/«»*#%&+=|"


@lru_cache(maxsize=200_000)
def is_vietnamese_syllable(word: str) -> bool:
    """True for one well-formed Vietnamese syllable ("Người", "ủy", "quốc")."""
    if _ACRONYM_RE.match(word):  # HĐND, QĐ, CSĐT
        return True
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for c in decomposed if c in _TONE_MARKS)
    if tones > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    return bool(_SYLLABLE_RE.match(bare))


def _words(text: str):
    for token in text.split():
        token = token.strip(_EDGE_PUNCT)
        if token:
            yield token


def vietnamese_score(text: str, *, sample: int = 200_000) -> tuple[float, int]:
    """(share of well-formed syllables, count) among the words with non-ASCII letters.

    ASCII-only words (numbers, English, "Chi" without tones) say nothing about
    the encoding and are left out. Returns (0.0, 0) for text with none.
    """
    good = total = 0
    for word in _words(text[:sample]):
        if word.isascii() or not any(c.isalpha() for c in word):
            continue
        total += 1
        # A compound written with hyphens or dots ("Kon-Tum") counts as its parts.
        parts = [p for p in re.split(r"[-./]", word) if p]
        if parts and all(p.isascii() or is_vietnamese_syllable(p) for p in parts):
            good += 1
    return (good / total if total else 0.0), total
