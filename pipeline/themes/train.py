"""Train the theme model on the labelled set: fit on train, choose thresholds on dev."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from ..errors import DanvanError
from ..models import Article
from ..segment import segment_many
from .augment import concat_scores, synthetic_reports
from .labels import LabelledArticle, load_labelled
from .sentence_labels import (align_sentence_labels, read_sentence_labels,
                              standalone_sentence_labels)
from .sentences import LABELLED_WEIGHT, LEVEL2, MENTION_NEGATIVES, SENTENCE_C, has_enough_labels
from .model import (CLAUSE_SCORING, ThemeModel, Scores, build_stage1, lexicon_flags,
                    lexicon_matchers, stage1_features, stage1_scores, stage2_features)
from .ordinal import OrdinalLevelClassifier
from .taxonomy import load_taxonomy

SOURCE_MARGIN = 0.03
SENTENCE_MODES = ("auto", "labelled", "mil", "off")
SOURCE_ORDER = ("stage2", "sentence", "article")  # on a dev tie, the earlier decides
SYNTHETIC = 0.5  # synthetic long reports per real article, for stage 2 (see augment.py)
# Stage 2's regularisation: chosen on a leak-free nested CV of the training articles (each
# fold's stage 2 learns from the synthetic reports of the other folds only) and on dev:
# L2 macro-F1 0.870 / 0.892 at C=1, 0.878 / 0.897 at C=3 (C=0.1 .. 10 tried).
STAGE2_C = 3.0
# Stage 2 counts the sentences that name the theme outside a list: a mention is a list item
# when it and a stretch beside it are short ("items"; older models: the sentence has three
# separators, "separators"). See model.lexicon_flags.
ENUMERATION = "items"
THRESHOLD_DATA = ("dev", "dev+oof", "oof")  # where thresholds and sources are chosen
THRESHOLD_GRID = np.round(np.arange(0.05, 0.96, 0.025), 3)


@dataclass
class Dataset:
    articles: list[LabelledArticle]
    tokens: list[list[tuple[str, ...]]]  # per article: its sentences' words
    levels: np.ndarray  # (n_articles, n_themes)
    themes: list[str]
    lexicons: list = field(default_factory=list)  # per theme [lexicon, stop, names] (taxonomy)
    # per theme, over every sentence row (articles in order): labelled level or -1
    sentence_levels: list | None = None
    # labelled sentences of articles outside the set (sentence models only): their words,
    # and per theme their levels or -1 (see sentence_labels.standalone_sentence_labels)
    standalone_tokens: list = field(default_factory=list)
    standalone_levels: list | None = None

    def subset(self, split: str | Sequence[str]) -> np.ndarray:
        names = {split} if isinstance(split, str) else set(split)
        return np.array([i for i, a in enumerate(self.articles) if a.split in names], dtype=int)


def as_article(item: LabelledArticle) -> Article:
    return Article(id=item.id, title=item.title,
                   paragraphs=[p for p in item.text.split("\n") if p.strip()])


def load_dataset(labels_path=None, taxonomy=None, cache=None) -> Dataset:
    taxonomy_themes = load_taxonomy(taxonomy)
    themes = [t.label for t in taxonomy_themes]
    articles = load_labelled(labels_path, themes)
    if not articles:
        raise DanvanError(f"no labelled articles in {labels_path}")
    segmented = segment_many([as_article(a) for a in articles], cache=cache)
    tokens = [[s.tokens for s in sents] for sents in segmented]
    levels = np.array([[a.levels[t] for t in themes] for a in articles], dtype=int)
    lexicons = [[list(t.lexicon), list(t.stop), list(t.names)] for t in taxonomy_themes]
    sentence_levels = None
    labels = read_sentence_labels(themes, None if labels_path is None
                                  else Path(labels_path).parent / "raw")
    # a sentence labelled in a duplicate's copy belongs to the article kept for that text
    kept = {dup: a.id for a in articles for dup in a.duplicates}
    merged: dict[str, list] = {}
    for article_id, rows in labels.items():
        merged.setdefault(kept.get(article_id, article_id), []).extend(rows)
    labels = merged
    if labels:
        texts = []
        for item, sents in zip(articles, segmented):
            body = as_article(item).text
            texts.append([s.text_in(item.title if s.paragraph < 0 else body) for s in sents])
        sentence_levels, _ = align_sentence_labels([a.id for a in articles], texts, themes,
                                                   labels)
    standalone_tokens, standalone_levels = _standalone(labels, articles, themes, cache)
    return Dataset(articles, tokens, levels, themes, lexicons, sentence_levels,
                   standalone_tokens, standalone_levels)


def _standalone(labels, articles, themes, cache):
    """The standalone labelled sentences, segmented (one row each, its words in order)."""
    texts, levels = standalone_sentence_labels(labels, [a.id for a in articles], themes)
    if not texts:
        return [], None
    segmented = segment_many([Article(id=f"standalone#{i}", title="", paragraphs=[text])
                              for i, text in enumerate(texts)], cache=cache)
    return [tuple(t for s in sents for t in s.tokens) for sents in segmented], levels


def _rows(bounds: np.ndarray, idx) -> np.ndarray:
    """The sentence rows of articles ``idx``, in order."""
    return np.concatenate([np.arange(bounds[i], bounds[i + 1]) for i in idx] or [np.zeros(0, int)])


def _sentence_subset(data_levels: list | None, tokens, idx):
    if data_levels is None:
        return None
    bounds = np.cumsum([0] + [len(t) for t in tokens])
    rows = _rows(bounds, idx)
    return [levels[rows] for levels in data_levels]


def _take(tokens, idx):
    return [tokens[i] for i in idx]


def _fit_stage1(tokens, Y, features: str, C: float, sentence: bool = False,
                calibration_cv: int = 3, sentence_levels=None, sentence_options=None,
                standalone=None):
    """The article-level pipeline, the sentence models (``sentence``) and whether their level-2
    models give P(2 | >=1). Sentence models are learnt from labelled sentences where
    ``sentence_levels`` holds them, with the ``standalone`` (tokens, levels) sentences
    (``sentence_options``: keyword arguments of fit_labelled_sentence_models), else by
    multiple-instance selection from the article model (always joint)."""
    from .features import document_string
    from .sentences import fit_labelled_sentence_models, fit_sentence_models
    stage1 = build_stage1(features, C, calibration_cv)
    stage1.fit([document_string(t) for t in tokens], Y)
    if not sentence:
        return stage1, [], False
    if sentence_levels is not None:
        options = sentence_options or {}
        _, X_sent, bounds = stage1_features(stage1, tokens)  # labels, not scores, pick rows
        extra = None
        if standalone is not None and standalone[0]:
            extra = (stage1.named_steps["features"].transform(
                [document_string([t]) for t in standalone[0]]), standalone[1])
        return (stage1, fit_labelled_sentence_models(X_sent, bounds, Y, sentence_levels,
                                                     extra=extra, **options),
                options.get("level2", LEVEL2) == "conditional")
    scores = stage1_scores(stage1, tokens)
    return stage1, fit_sentence_models(scores.X_sent, scores.bounds, Y, scores.sentence), False


def _oof_scores(tokens, Y, features: str, C: float, folds: int, seed: int,
                sentence: bool, lexicons=None, sentence_levels=None, synthetic: float = 0.0,
                sentence_options=None, clauses=None, standalone=None,
                enumeration: str = "separators") -> tuple[Scores, Scores | None, np.ndarray]:
    """Stage-1 scores of each training article from a model that did not see it; and of
    ``synthetic`` x n long reports, each made of held-out articles of one fold (their
    levels are returned with them)."""
    from sklearn.model_selection import KFold

    rng = np.random.default_rng(seed)
    synth_parts, synth_levels = [], []

    n = len(tokens)
    n_themes = Y.shape[1]
    article = [np.zeros((n, 2)) for _ in range(n_themes)]
    sent_counts = np.array([len(t) for t in tokens])
    bounds = np.concatenate([[0], np.cumsum(sent_counts)])
    sentence = [np.zeros((bounds[-1], 2)) for _ in range(n_themes)]
    for fit_idx, held_idx in KFold(folds, shuffle=True, random_state=seed).split(np.arange(n)):
        stage1, sentence_models, conditional = _fit_stage1(
            _take(tokens, fit_idx), Y[fit_idx], features, C, sentence, calibration_cv=3,
            sentence_levels=_sentence_subset(sentence_levels, tokens, fit_idx),
            sentence_options=sentence_options, standalone=standalone)
        scores = stage1_scores(stage1, _take(tokens, held_idx), sentence_models,
                               clauses=clauses, conditional=conditional)
        if synthetic:
            docs, levels = synthetic_reports(tokens, Y, held_idx,
                                             int(round(synthetic * len(held_idx))), rng)
            if docs:
                synth_parts.append(stage1_scores(stage1, docs, sentence_models, lexicons,
                                                 clauses, conditional, enumeration))
                synth_levels.append(levels)
        for k in range(n_themes):
            article[k][held_idx] = scores.article[k]
            for j, i in enumerate(held_idx):
                sentence[k][bounds[i]:bounds[i + 1]] = \
                    scores.sentence[k][scores.bounds[j]:scores.bounds[j + 1]]
    lexicon = (lexicon_flags(lexicon_matchers(lexicons), tokens, enumeration)
               if lexicons else None)
    synth = concat_scores(synth_parts) if synth_parts else None
    synth_y = np.vstack(synth_levels) if synth_levels else np.zeros((0, n_themes), dtype=int)
    return Scores(article, sentence, bounds, None, lexicon), synth, synth_y


def best_threshold(probability: np.ndarray, truth: np.ndarray, default: float = 0.5) -> float:
    """The threshold on the grid with the best F1 on dev (ties: nearest to 0.5)."""
    from sklearn.metrics import f1_score

    if truth.sum() == 0 or truth.sum() == len(truth):
        return default
    best, best_key = default, (-1.0, 0.0)
    for t in THRESHOLD_GRID:
        key = (f1_score(truth, probability >= t, zero_division=0.0), -abs(t - 0.5))
        if key > best_key:
            best, best_key = float(t), key
    return best


def _f1(truth, predicted) -> float:
    from sklearn.metrics import f1_score
    return float(f1_score(truth, predicted, zero_division=0.0))


def _sentence_mode(mode: str, data: Dataset, stage2: bool) -> str:
    """The sentence models to fit: "labelled" (learnt from labelled sentences), "mil"
    (multiple-instance selection from the article model) or "off". "auto" is "labelled"
    when the labelled set holds sentence labels, else "off"."""
    if mode not in SENTENCE_MODES:
        raise DanvanError(f"sentence models must be one of {SENTENCE_MODES}, not {mode!r}")
    if not stage2:
        return "off"  # only stage 2 and the best-sentence source read them
    if mode in ("auto", "labelled"):
        if has_enough_labels(data.sentence_levels, data.standalone_levels):
            return "labelled"
        if mode == "labelled":
            raise DanvanError("no theme has enough labelled sentences "
                              "(corpus/labels/raw/sentences_<theme>.jsonl)")
        return "off"
    return mode


def fit_model(data: Dataset, *, features: str = "both", C: float = 4.0, stage2: bool = True,
              sentence: str = "auto", folds: int = 5, seed: int = 0, train_splits=("train",),
              dev_split: str = "dev", lexicon: bool = True,
              synthetic: float = SYNTHETIC, synthetic_dev: bool = True,
              sentence_C: float = SENTENCE_C, labelled_weight: float = LABELLED_WEIGHT,
              mention_negatives: bool = MENTION_NEGATIVES, level2: str = LEVEL2,
              clauses: bool = True, thresholds_on: str = "dev+oof",
              enumeration: str = ENUMERATION) -> ThemeModel:
    """Fit on ``train_splits``, choose sources and thresholds (``thresholds_on``).

    ``clauses``: score the clauses of long sentences too (model.CLAUSE_SCORING), saved with
    the model so that tagging does the same. ``mention_negatives``, ``sentence_C``,
    ``labelled_weight`` and ``level2``: see sentences.fit_labelled_sentence_models (``level2``
    applies to labelled sentence models; it is saved in the meta as "sentence_level2").
    ``enumeration``: what stage 2's lexicon flags call a list (model.lexicon_flags).
    """
    if thresholds_on not in THRESHOLD_DATA:
        raise DanvanError(f"thresholds_on must be one of {THRESHOLD_DATA}, not {thresholds_on!r}")
    train_idx, dev_idx = data.subset(train_splits), data.subset(dev_split)
    if len(train_idx) < 10:
        raise DanvanError(f"only {len(train_idx)} training articles: too few to train")
    tokens, Y = data.tokens, data.levels
    mode = _sentence_mode(sentence, data, stage2)
    sentence = mode != "off"
    sentence_levels = (_sentence_subset(data.sentence_levels, tokens, train_idx)
                       if mode == "labelled" else None)
    standalone = ((data.standalone_tokens, data.standalone_levels)
                  if mode == "labelled" and data.standalone_tokens else None)
    sentence_options = {"C": sentence_C, "labelled_weight": labelled_weight,
                        "mention_negatives": mention_negatives, "level2": level2}
    stage1, sentence_models, conditional = _fit_stage1(
        _take(tokens, train_idx), Y[train_idx], features, C, sentence, calibration_cv=3,
        sentence_levels=sentence_levels, sentence_options=sentence_options,
        standalone=standalone)
    lexicons = data.lexicons if (lexicon and stage2 and any(l[0] for l in data.lexicons)) else None
    clause_scoring = dict(CLAUSE_SCORING) if clauses else None
    meta = {"lexicons": lexicons, "enumeration": enumeration} if lexicons else {}
    if sentence:
        meta["sentence_level2"] = "conditional" if conditional else "joint"
    if clause_scoring:
        meta["clauses"] = clause_scoring
    model = ThemeModel(themes=list(data.themes), stage1=stage1, sentence=sentence_models,
                       meta=meta)
    if stage2:
        folds = max(2, min(folds, len(train_idx) // 5))
        oof, synth, synth_y = _oof_scores(_take(tokens, train_idx), Y[train_idx], features, C,
                                          folds, seed, sentence, lexicons, sentence_levels,
                                          synthetic, sentence_options, clause_scoring,
                                          standalone, enumeration)
        for k in range(len(data.themes)):
            X2, y2 = stage2_features(oof, k), Y[train_idx, k]
            if synth is not None:
                X2 = np.vstack([X2, stage2_features(synth, k)])
                y2 = np.concatenate([y2, synth_y[:, k]])
            combiner = OrdinalLevelClassifier(C=STAGE2_C)
            combiner.fit(X2, y2)
            model.stage2.append(combiner)
    # Thresholds: chosen on dev, where the model has seen no label, and (the default,
    # "dev+oof") on the training articles' out-of-fold scores as well: on dev alone
    # (~320 articles, 20-70 per theme and level) a threshold moved by 0.1-0.3 between two
    # trainings on nearly the same data.
    # Per boundary, the source (stage 2, best sentence, article) with the better F1 decides.
    # Stage 2 and the best sentence read single sentences and carry over to long provincial
    # reports, where the article-level model dilutes a one-paragraph theme; so the article
    # model must beat them on dev by SOURCE_MARGIN to be chosen (dev is national news mostly).
    if len(dev_idx):
        if thresholds_on == "oof" and stage2:
            # Dev left out of every choice, so that dev measures the whole pipeline
            # (for comparing training options; a shipped model uses dev as well).
            parts = [oof] + ([synth] if synth is not None else [])
            dev_scores = concat_scores(parts)
            dev_truth = np.vstack([Y[train_idx]] + ([synth_y] if synth is not None else []))
        else:
            dev_scores, dev_truth = model.scores(_take(tokens, dev_idx)), Y[dev_idx]
            if synthetic and synthetic_dev:  # long reports of dev articles weigh in the choice
                docs, levels = synthetic_reports(tokens, Y, dev_idx,
                                                 int(round(synthetic * len(dev_idx))),
                                                 np.random.default_rng(seed + 1))
                if docs:
                    dev_scores = concat_scores([dev_scores, model.scores(docs)])
                    dev_truth = np.vstack([dev_truth, levels])
            if thresholds_on == "dev+oof" and stage2:
                # The training articles' out-of-fold stage-1 scores weigh in too: five times
                # more articles than dev, so a threshold is not set by a handful of dev calls.
                # (Stage 2 saw these rows, but it is a dozen weights fitted on them.)
                dev_scores = concat_scores([dev_scores, oof])
                dev_truth = np.vstack([dev_truth, Y[train_idx]])
        candidates = model.candidates(dev_scores)
        order = sorted(candidates, key=lambda name: SOURCE_ORDER.index(name))
        for k in range(len(data.themes)):
            truth = dev_truth[:, k]
            picks, thresholds = [], []
            for column, minimum in ((0, 1), (1, 2)):
                best = None
                for name in order:
                    p = candidates[name][k][:, column]
                    t = best_threshold(p, truth >= minimum)
                    f1 = _f1(truth >= minimum, p >= t)
                    margin = SOURCE_MARGIN if name == "article" else 0.0
                    if best is None or f1 > best[0] + margin:
                        best = (f1, name, t)
                picks.append(best[1])
                thresholds.append(best[2])
            model.sources.append(picks)
            model.thresholds.append(thresholds)
    else:
        model.thresholds = [[0.5, 0.5] for _ in data.themes]
    model.meta = {**model.meta, "features": features, "C": C, "stage2": stage2,
                  "sentence": mode,
                  "folds": folds, "seed": seed, "synthetic": synthetic, "stage2_C": STAGE2_C,
                  "synthetic_dev": synthetic_dev, "sentence_C": sentence_C,
                  "labelled_weight": labelled_weight,
                  "mention_negatives": mention_negatives,
                  "standalone_sentences": len(standalone[0]) if standalone else 0,
                  "thresholds_on": thresholds_on,
                  "trained": dt.datetime.now().isoformat(timespec="seconds"),
                  "n_train": int(len(train_idx)), "n_dev": int(len(dev_idx)),
                  "train_splits": list(train_splits)}
    return model


def predict_levels(model: ThemeModel, tokens) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """(levels, cumulative) per theme for pre-segmented articles."""
    cumulative = model.cumulative(model.scores(tokens))
    return model.levels(cumulative), cumulative
