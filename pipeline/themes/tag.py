"""Tag articles with themes: scores, levels and evidence sentences."""
from __future__ import annotations

from typing import Sequence

import numpy as np

from ..models import Article, ThemeTag
from ..segment import Sentence, segment_many
from .model import ThemeModel
from .persist import load_model

MAX_EVIDENCE = 3
EVIDENCE_FLOOR = 0.5  # a sentence is evidence when it alone scores at least this


class ThemeTagger:
    """Tags articles with a loaded ThemeModel.

    ``tag`` and ``tag_many`` accept pre-segmented input (``segments``: the
    sentences from ``pipeline.segment.segment_article`` for each article); without
    it, articles are segmented through the cache.
    """

    def __init__(self, model: ThemeModel, cache=None):
        self.model = model
        self.cache = cache

    @property
    def themes(self) -> list[str]:
        return list(self.model.themes)

    def tag(self, article: Article, segments: Sequence[Sentence] | None = None) -> list[ThemeTag]:
        return self.tag_many([article], None if segments is None else [segments])[0]

    def tag_many(self, articles: Sequence[Article],
                 segments: Sequence[Sequence[Sentence]] | None = None) -> list[list[ThemeTag]]:
        articles = list(articles)
        if not articles:
            return []
        if segments is None:
            segments = segment_many(articles, cache=self.cache)
        elif len(segments) != len(articles):
            raise ValueError("segments must give one sentence list per article")
        tokens = [[s.tokens for s in sents] for sents in segments]
        scores = self.model.scores(tokens)
        cumulative = self.model.cumulative(scores)
        levels = self.model.levels(cumulative)
        out = []
        for i, (article, sents) in enumerate(zip(articles, segments)):
            rows = slice(scores.bounds[i], scores.bounds[i + 1])
            tags = []
            for k, theme in enumerate(self.model.themes):
                level = int(levels[k][i])
                evidence = _evidence(article, sents, scores.sentence[k][rows], level)
                tags.append(ThemeTag(theme=theme, score=round(float(cumulative[k][i, 1]), 4),
                                     level=level,
                                     score_mentioned=round(float(cumulative[k][i, 0]), 4),
                                     evidence=evidence))
            out.append(tags)
        return out

    def apply(self, article: Article, segments=None) -> Article:
        """Set ``article.themes`` and return the article."""
        article.themes = self.tag(article, segments)
        return article


def _evidence(article: Article, sentences: Sequence[Sentence], sentence_scores: np.ndarray,
              level: int) -> list[str]:
    """The sentences that carry the call: those that alone score highest for the level."""
    if level == 0 or not len(sentences):
        return []
    column = sentence_scores[:, 1] if level == 2 else sentence_scores[:, 0]
    order = np.argsort(-column, kind="stable")
    chosen = [j for j in order[:MAX_EVIDENCE] if column[j] >= EVIDENCE_FLOOR] or [int(order[0])]
    text, title = article.text, article.title or ""
    return [sentences[j].text_in(title if sentences[j].paragraph < 0 else text).strip()
            for j in sorted(chosen)]


def load_tagger(path=None, cache=None) -> ThemeTagger:
    """A tagger for the model at ``path`` (default: models/themes, or $DANVAN_THEMES_MODEL).

    Loading is cached per process, so calling this once per worker is cheap.
    """
    return ThemeTagger(load_model(path), cache=cache)
