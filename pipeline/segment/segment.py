"""Segment text into sentences of underthesea words, with spans back to the input.

Text is split into blocks at newlines first (underthesea's sent_tokenize does
not treat a newline as a boundary), each block is normalised with
``pipeline.normalize.normalize_text`` and split into sentences, and each
sentence into words ("nông thôn", "Hồ Chí Minh": syllables joined by spaces).
Spans point into the text as given, so evidence can be shown as written.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..models import Article
from ..normalize import normalize_text
from .cache import SegmentCache, default_cache_dir
from .words import word_tokenize

# Bump when the way blocks are split or tokenised changes: old cache entries are then ignored.
SEGMENTER_VERSION = "1"
_BLOCK_RE = re.compile(r"[^\n]+")
_NO_CACHE = object()


@dataclass(frozen=True)
class Sentence:
    """One sentence: its words, and where it sits in the text it came from."""

    tokens: tuple[str, ...]  # underthesea words of the normalised sentence
    paragraph: int  # index of the line (Article.paragraphs); -1 for the title
    start: int  # offsets into the text given (Article.text, or the title for paragraph -1)
    end: int

    def text_in(self, text: str) -> str:
        return text[self.start:self.end]


def _block_key(block: str) -> str:
    return hashlib.sha256(f"{SEGMENTER_VERSION}\0{block}".encode("utf-8")).hexdigest()


def _find_sentence(haystack: str, sentence: str, cursor: int) -> tuple[int, int]:
    """Where ``sentence`` (as sent_tokenize returned it) sits in ``haystack``."""
    pos = haystack.find(sentence, cursor)
    if pos >= 0:
        return pos, pos + len(sentence)
    # sent_tokenize may have changed the spacing: match the words with any spacing.
    words = sentence.split()
    if words:
        pattern = r"\s*".join(re.escape(w) for w in words)
        match = re.compile(pattern).search(haystack, cursor)
        if match:
            return match.start(), match.end()
    return cursor, cursor


def _segment_block(block: str) -> list[list]:
    """[[start, end, [tokens]], ...] for one newline-free block, offsets into ``block``."""
    from underthesea import sent_tokenize

    normalised = normalize_text(block)
    out: list[list] = []
    cursor = 0
    for sentence in sent_tokenize(normalised.text):
        if not sentence.strip():
            continue
        start, end = _find_sentence(normalised.text, sentence, cursor)
        cursor = max(cursor, end)
        tokens = [t for t in word_tokenize(sentence) if t.strip()]
        if not tokens:
            continue
        o_start, o_end = normalised.span_to_original(start, end)
        out.append([o_start, o_end, tokens])
    return out


def _resolve_cache(cache):
    if cache is _NO_CACHE or cache is False:
        return None
    if cache is None or cache is True:
        return _default_cache()
    return cache


_DEFAULT_CACHE: SegmentCache | None = None


def _default_cache() -> SegmentCache:
    global _DEFAULT_CACHE
    # Follow $DANVAN_CACHE if it changes within the process (tests, notebooks).
    if _DEFAULT_CACHE is None or _DEFAULT_CACHE.directory != default_cache_dir():
        _DEFAULT_CACHE = SegmentCache()
    return _DEFAULT_CACHE


def _segment_blocks(blocks: Sequence[str], cache) -> list[list[list]]:
    """Segment many blocks, reading and filling the cache in bulk."""
    cache = _resolve_cache(cache)
    keys = [_block_key(b) for b in blocks]
    known = cache.get_many(keys) if cache is not None else {}
    fresh: dict[str, list] = {}
    results = []
    for key, block in zip(keys, blocks):
        if key in known:
            results.append(known[key])
            continue
        if key not in fresh:
            fresh[key] = _segment_block(block)
        results.append(fresh[key])
    if cache is not None and fresh:
        cache.put_many(fresh)
    return results


def _blocks_of(text: str) -> list[tuple[int, int, str]]:
    """(line index, offset, block) for the non-blank lines of ``text``."""
    out = []
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    for index, start in enumerate(line_starts):
        end = text.find("\n", start)
        line = text[start:] if end < 0 else text[start:end]
        if line.strip():
            out.append((index, start, line))
    return out


def segment_text(text: str, *, cache=None, paragraph_offset: int = 0) -> list[Sentence]:
    """Sentences of ``text``; ``Sentence.paragraph`` counts its lines from ``paragraph_offset``."""
    return _segment_texts([text], cache=cache, paragraph_offset=paragraph_offset)[0]


def _segment_texts(texts: Sequence[str], *, cache=None,
                   paragraph_offset: int = 0) -> list[list[Sentence]]:
    per_text = [_blocks_of(t or "") for t in texts]
    flat = [block for blocks in per_text for _, _, block in blocks]
    segmented = iter(_segment_blocks(flat, cache))
    out = []
    for blocks in per_text:
        sentences = []
        for line, offset, _ in blocks:
            for start, end, tokens in next(segmented):
                sentences.append(Sentence(tuple(tokens), line + paragraph_offset,
                                          offset + start, offset + end))
        out.append(sentences)
    return out


def segment_many(articles: Iterable[Article], *, cache=None) -> list[list[Sentence]]:
    """``segment_article`` for many articles, with one cache round trip."""
    articles = list(articles)
    # Title lines come first, as paragraph -1, with offsets into the title.
    texts = []
    for article in articles:
        texts.append((article.title or "").replace("\n", " "))
        texts.append(article.text)
    segmented = _segment_texts(texts, cache=cache)
    out = []
    for i in range(len(articles)):
        title = [Sentence(s.tokens, -1, s.start, s.end) for s in segmented[2 * i]]
        out.append(title + segmented[2 * i + 1])
    return out


def segment_article(article: Article, *, cache=None) -> list[Sentence]:
    """The sentences of an article's title (paragraph -1) then of its text, in order.

    ``cache``: None for the default cache (``$DANVAN_CACHE`` or ``~/.cache/danvan``),
    a ``SegmentCache``, or False to segment without caching.
    """
    return segment_many([article], cache=cache)[0]
