"""Sentence-level theme models, learnt from article labels (multiple-instance learning).

Labels are given per article, but a theme is named or treated in particular
sentences. Every sentence of an article at level 0 for a theme is a negative
for it; an article at level >= 1 holds at least one positive sentence, taken to
be the sentences the current model scores highest (mi-SVM style: refit and
reselect a few times, starting from the article-level model). The same is done
for level 2, where the sentences of level-1 articles (the theme only named in a
list) are the hard negatives that teach "named in passing" from "treated".
"""
from __future__ import annotations

import numpy as np

POSITIVES_PER_ARTICLE = 2
ROUNDS = 2


SENTENCE_C = 4.0


def _sentence_lr(C: float = SENTENCE_C):
    from sklearn.linear_model import LogisticRegression
    return LogisticRegression(C=C, class_weight="balanced", solver="liblinear", max_iter=2000)


def fit_sentence_models(X_sent, bounds: np.ndarray, levels: np.ndarray,
                        initial: list[np.ndarray]) -> list[list]:
    """Per theme [model for level >= 1, model for level 2] (None where a level is unseen).

    X_sent: features of every sentence; bounds: sentence rows of article i are
    bounds[i]:bounds[i+1]; levels: (n_articles, n_themes); initial: per theme the
    (n_sentences, 2) scores to start the positive selection from.
    """
    n_articles = len(bounds) - 1
    article_of = np.repeat(np.arange(n_articles), np.diff(bounds))
    models = []
    for k in range(levels.shape[1]):
        pair = []
        for column, minimum in ((0, 1), (1, 2)):
            positive_articles = levels[:, k] >= minimum
            if positive_articles.sum() == 0 or (~positive_articles).sum() == 0:
                pair.append(None)
                continue
            negatives = ~positive_articles[article_of]
            scores = initial[k][:, column].copy()
            model = None
            for _ in range(ROUNDS):
                chosen = _top_sentences(scores, bounds, np.flatnonzero(positive_articles))
                rows = np.concatenate([np.flatnonzero(negatives), chosen])
                target = np.concatenate([np.zeros(negatives.sum(), int), np.ones(len(chosen), int)])
                model = _sentence_lr().fit(X_sent[rows], target)
                scores = model.predict_proba(X_sent)[:, 1]
            pair.append(model)
        models.append(pair)
    return models


def _top_sentences(scores: np.ndarray, bounds: np.ndarray, articles: np.ndarray) -> np.ndarray:
    chosen = []
    for i in articles:
        start, end = bounds[i], bounds[i + 1]
        if end > start:
            top = np.argsort(-scores[start:end], kind="stable")[:POSITIVES_PER_ARTICLE]
            chosen.extend(start + top)
    return np.array(chosen, dtype=int)


def score_sentences(models: list[list], X_sent, fallback: list[np.ndarray],
                    conditional: bool = False) -> list[np.ndarray]:
    """Per theme (n_sentences, 2): P(sentence names the theme), P(sentence treats it).
    ``fallback[k]`` scores theme k where it has no model (None where it needs none).
    ``conditional``: the level-2 models give P(2 | >=1) (fit with level2="conditional")."""
    out = []
    for k, pair in enumerate(models):
        cols = []
        for column, model in enumerate(pair):
            if model is None:
                cols.append(fallback[k][:, column])
            elif column == 1 and conditional:
                cols.append(cols[0] * model.predict_proba(X_sent)[:, 1])
            else:
                cols.append(model.predict_proba(X_sent)[:, 1])
        out.append(np.column_stack(cols))
    return out


NEGATIVES_PER_THEME = 30000
LABELLED_WEIGHT = 1.0
MENTION_NEGATIVES = True
MIN_LABELLED = 50  # sentences of level-0 articles kept as negatives (sampled)
LEVEL2_MODES = ("conditional", "joint")
LEVEL2 = "conditional"
MENTION_SCORE = 0.5  # a level-1 article's sentence at this P(>=1) or more names the theme


def fit_labelled_sentence_models(X_sent, bounds: np.ndarray, levels: np.ndarray,
                                 sentence_levels: list[np.ndarray], seed: int = 0,
                                 C: float = SENTENCE_C,
                                 labelled_weight: float = LABELLED_WEIGHT,
                                 mention_negatives: bool = MENTION_NEGATIVES,
                                 level2: str = LEVEL2, extra=None) -> list[list]:
    """Per theme [model for level >= 1, model for level 2], learnt from labelled sentences.

    Rows: the labelled sentences (their own level), and sentences of articles at level 0
    for the theme (level 0 by definition; sampled when there are many). A theme with too
    few labelled sentences (< MIN_LABELLED) has no sentence model: the article model
    scores its sentences. ``labelled_weight`` weighs each labelled sentence against a
    sentence that is negative only because its article is at level 0: the labelled ones were
    picked as the hard cases (the nation, a list of fields, a body named in passing).
    With ``mention_negatives``, the level-2 model also learns from every unlabelled sentence
    of the articles at level 1 as a negative: an article at level 1 has no substantive
    sentence on the theme by definition, and its sentences that name the theme in passing
    are exactly the hard negatives level 2 needs.

    ``level2``: "conditional" (the default) learns P(level 2 | level >= 1) from the sentences
    that name the theme only: the labelled sentences at level 1 or 2, and (with
    ``mention_negatives``) the unlabelled sentences of level-1 articles that the level >= 1
    model scores at MENTION_SCORE or more. A sentence's P(2) is then P(>=1) x P(2 | >=1)
    (``score_sentences(..., conditional=True)``). "joint" learns P(2) against every other
    sentence, where the many off-theme sentences outweigh the few passing mentions, so
    the model learns "names the theme" more than "treats it".

    ``extra``: (X, per theme levels or -1) of labelled sentences that belong to no article of
    ``bounds`` (standalone sentences): labelled rows like the others, never mention rows.
    """
    if level2 not in LEVEL2_MODES:
        raise ValueError(f"level2 must be one of {LEVEL2_MODES}, not {level2!r}")
    rng = np.random.default_rng(seed)
    n_articles = len(bounds) - 1
    article_of = np.repeat(np.arange(n_articles), np.diff(bounds))
    if extra is not None and extra[0].shape[0]:
        from scipy import sparse
        X_sent = sparse.vstack([X_sent, extra[0]], format="csr")
        sentence_levels = [np.concatenate([own, more]) for own, more in
                           zip(sentence_levels, extra[1])]
        article_of = np.concatenate([article_of, np.full(extra[0].shape[0], -1)])
    models = []
    for k in range(levels.shape[1]):
        labelled = sentence_levels[k] >= 0
        if labelled.sum() < MIN_LABELLED:
            models.append([None, None])  # scored by the article model instead
            continue
        # the article level of each row (-1: a standalone sentence, in no article)
        article_level = np.where(article_of >= 0, levels[np.maximum(article_of, 0), k], -1)
        negatives = np.flatnonzero((article_level == 0) & ~labelled)
        if len(negatives) > NEGATIVES_PER_THEME:
            negatives = np.sort(rng.choice(negatives, NEGATIVES_PER_THEME, replace=False))
        rows = np.concatenate([np.flatnonzero(labelled), negatives])
        target = np.concatenate([sentence_levels[k][labelled], np.zeros(len(negatives), int)])
        weight = np.concatenate([np.full(int(labelled.sum()), float(labelled_weight)),
                                 np.ones(len(negatives))])
        mentions = (np.flatnonzero((article_level == 1) & ~labelled)
                    if mention_negatives else np.zeros(0, int))
        pair = []
        for minimum in (1, 2):
            fit_rows, fit_target, fit_weight = rows, target, weight
            mention_rows = mentions if minimum == 2 else np.zeros(0, int)
            if minimum == 2 and level2 == "conditional":
                named = target >= 1  # the level-0 rows do not name the theme: left out
                fit_rows, fit_target, fit_weight = rows[named], target[named], weight[named]
                # Which of a level-1 article's sentences name the theme: the level >= 1
                # model says (none without it: the others are off the theme).
                mention_rows = (
                    mention_rows[pair[0].predict_proba(X_sent[mention_rows])[:, 1]
                                 >= MENTION_SCORE]
                    if len(mention_rows) and pair[0] is not None else mention_rows[:0])
            y = np.concatenate([(fit_target >= minimum).astype(int),
                                np.zeros(len(mention_rows), int)])
            if y.sum() < 5 or (1 - y).sum() < 5:
                pair.append(None)
                continue
            w = np.concatenate([fit_weight, np.ones(len(mention_rows))])
            pair.append(_sentence_lr(C).fit(X_sent[np.concatenate([fit_rows, mention_rows])], y,
                                            sample_weight=w))
        models.append(pair)
    return models


def has_enough_labels(sentence_levels: list[np.ndarray] | None,
                      standalone_levels: list[np.ndarray] | None = None) -> bool:
    if not sentence_levels:
        return False
    more = standalone_levels or [np.zeros(0, int)] * len(sentence_levels)
    return any((s >= 0).sum() + (m >= 0).sum() >= MIN_LABELLED
               for s, m in zip(sentence_levels, more))
