"""Layout-preserving Unicode normalisation with a map back to the original text.

``normalize_text`` fixes what breaks matching and search without touching
layout: NFC, odd spaces and zero-width characters, U+00D0 (Ð) for Đ, and tone
marks placed by the modern convention (uỷ -> ủy, hoà -> hòa). Newlines,
spacing and punctuation stay as they were. Every step records its edits so
that an offset in the normalised text maps back to the original.

With ``repair=True`` the text first goes through ``repair_text`` (mojibake,
TCVN3/VNI): ``original`` is then the REPAIRED text and offsets map back to it,
not to the raw input, since a repair changes lengths; ``repairs`` lists the fixes.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

# Characters that carry no text: removed.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# Spaces that look like a space but defeat matching: replaced by a plain space.
_ODD_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
# Look-alikes of Vietnamese letters from other scripts (Icelandic eth, ...).
_LOOKALIKES = {"\u00d0": "\u0110", "\u00f0": "\u0111", "\u0189": "\u0110"}

_CHAR_FIXES = {**{c: "" for c in _INVISIBLE}, **{c: " " for c in _ODD_SPACES}, **_LOOKALIKES}
_CHAR_RE = re.compile("[" + re.escape("".join(_CHAR_FIXES)) + "]")
# A letter followed by combining marks: decomposed text to compose (NFC).
_COMBINING_RE = re.compile(r"[^\W\d_]?[\u0300-\u036f\u1dc0-\u1dff]+")
# Vowel pairs whose tone placement differs between the old and the modern convention.
_OLD_TONE_RE = re.compile(r"(?i)(o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])")


@dataclass
class _EditMap:
    """The edits one pass made: (new_start, new_end, old_start, old_end), sorted."""

    edits: list[tuple[int, int, int, int]] = field(default_factory=list)

    def to_old(self, pos: int) -> int:
        if not self.edits:
            return pos
        i = bisect.bisect_right(self._starts, pos) - 1
        if i < 0:
            return pos
        new_start, new_end, old_start, old_end = self.edits[i]
        if pos >= new_end:
            return pos - new_end + old_end
        if new_end - new_start == old_end - old_start:
            return old_start + (pos - new_start)
        return old_start  # a replaced span of another length maps to its start

    @property
    def _starts(self) -> list[int]:
        starts = getattr(self, "_cached_starts", None)
        if starts is None or len(starts) != len(self.edits):
            starts = [e[0] for e in self.edits]
            self._cached_starts = starts
        return starts


def _substitute(text: str, pattern: re.Pattern, replace) -> tuple[str, _EditMap]:
    """re.sub that records where each replacement landed."""
    out: list[str] = []
    edits = _EditMap()
    last = 0
    new_len = 0
    for m in pattern.finditer(text):
        repl = replace(m.group(0))
        if repl == m.group(0):
            continue
        out.append(text[last:m.start()])
        new_len += m.start() - last
        edits.edits.append((new_len, new_len + len(repl), m.start(), m.end()))
        out.append(repl)
        new_len += len(repl)
        last = m.end()
    if not edits.edits:
        return text, edits
    out.append(text[last:])
    return "".join(out), edits


@dataclass
class NormalizedText:
    """Normalised text, the original, and the offset map between them."""

    text: str
    original: str  # the input, or the repaired input with repair=True
    _maps: list[_EditMap] = field(default_factory=list, repr=False)
    repairs: list[str] = field(default_factory=list)  # fixes made by repair_text, if asked

    def to_original(self, pos: int) -> int:
        """Map an offset in ``text`` to the matching offset in ``original``."""
        for edit_map in reversed(self._maps):
            pos = edit_map.to_old(pos)
        return pos

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        return self.to_original(start), self.to_original(end)


@lru_cache(maxsize=65536)
def _normalize_word(word: str) -> str:
    if not _OLD_TONE_RE.search(word):
        return word
    from underthesea.pipeline.text_normalize import token_normalize

    fixed = token_normalize(word)
    return fixed if len(fixed) == len(word) else word


def _compose(chunk: str) -> str:
    return unicodedata.normalize("NFC", chunk)


def _fix_char(char: str) -> str:
    return _CHAR_FIXES[char]


# The words that hold an old-style tone pair, whole: the only words _normalize_word can
# change, so visiting them alone makes the same edits as visiting every word.
_OLD_TONE_WORD_RE = re.compile(r"(?i)(?<![^\W\d_])[^\W\d_]*(?:o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])[^\W\d_]*")
# (pattern, replacement, what must occur in the text for the pass to change anything).
_PASSES = ((_CHAR_RE, _fix_char, _CHAR_RE),
           (_COMBINING_RE, _compose, re.compile(r"[\u0300-\u036f\u1dc0-\u1dff]")),
           (_OLD_TONE_WORD_RE, _normalize_word, _OLD_TONE_RE))


def normalize_text(text: str, *, repair: bool = False) -> NormalizedText:
    """Normalise ``text`` for matching while keeping its layout.

    ``repair=True`` runs ``repair_text`` first; offsets then refer to the repaired text.
    """
    repairs: list[str] = []
    if repair:
        from .repair import repair_text

        text, repairs = repair_text(text)
    maps: list[_EditMap] = []
    current = text
    for pattern, replace, needed in _PASSES:
        # Most text needs no fix: one C-level search then skips the word-by-word pass.
        if not needed.search(current):
            continue
        current, edit_map = _substitute(current, pattern, replace)
        if edit_map.edits:
            maps.append(edit_map)
    return NormalizedText(current, text, maps, repairs)


def normalize(text: str, *, repair: bool = False) -> str:
    """The normalised string alone."""
    return normalize_text(text, repair=repair).text
