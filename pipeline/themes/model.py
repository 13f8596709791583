"""The theme model: article-level TF-IDF classifiers, and sentence-level reasoning on top.

Stage 1 is one scikit-learn Pipeline: TF-IDF features of underthesea words
(and syllable n-grams) feeding a MultiOutputClassifier with one calibrated
OrdinalLevelClassifier per theme. It scores whole articles and, with the same
weights, single sentences.

Stage 2 decides the level from what stage 1 says about the article and its
sentences: a theme that is only named in one enumeration gives a high article
score but no sentence that is strongly about it, while a substantive passage
gives at least one such sentence. Per theme, a small OrdinalLevelClassifier
reads [article P(>=1), article P(2), best and second-best sentence P(2), best
sentence P(>=1), how many sentences pass 0.5]; it is trained on out-of-fold
stage-1 scores so that it learns how stage 1 behaves on unseen articles.
With the taxonomy's lexicons (``lexicons``), stage 2 also reads how many sentences
name the theme (its seed lexicon, stock phrases removed), how many of those are not
enumerations, and the article's length: the guideline makes one concrete sentence
level 2 and any mention level 1, whatever the article's length, while a whole-article
average dilutes one paragraph among forty.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

import numpy as np

from ..alternation import factored_alternation
from .features import build_features, document_string, transform_articles_and_sentences
from .ordinal import OrdinalLevelClassifier

N_STAGE2 = 7


def build_stage1(kind: str = "both", C: float = 4.0, calibration_cv: int = 3):
    """Stage 1. With a stage 2 on top, calibration_cv=0 saves time: stage 2 is calibrated."""
    from sklearn.multioutput import MultiOutputClassifier
    from sklearn.pipeline import Pipeline

    return Pipeline([("features", build_features(kind)),
                     ("themes", MultiOutputClassifier(
                         OrdinalLevelClassifier(C=C, calibration_cv=calibration_cv)))])


@dataclass
class Scores:
    """Stage-1 scores of a batch: per theme, article and sentence cumulative probabilities."""

    article: list[np.ndarray]  # per theme: (n_articles, 2) P(>=1), P(2)
    sentence: list[np.ndarray]  # per theme: (n_sentences, 2)
    bounds: np.ndarray  # sentence rows of article i: bounds[i]:bounds[i+1]
    X_sent: object = None  # sentence features, kept for training the sentence models
    # per theme (n_sentences, 2): names the theme (lexicon), names it outside an enumeration;
    # (n_sentences, 3) with the taxonomy's names: and uses one of them
    lexicon: list | None = None


ENUMERATION_SEPARATORS = 3  # a sentence with this many "," / ";" is a list


def _phrase_body(phrase: str) -> str:
    # the segmenter spaces punctuation off ("dân_tộc , tôn_giáo"): a phrase written
    # "dân tộc, tôn giáo" matches with or without that space
    parts = []
    for syllable in phrase.lower().split():
        word, mark = re.fullmatch(r"(.*?)([,;:]?)", syllable).groups()
        parts.append(re.escape(word) + (" ?" if mark and word else "") + re.escape(mark))
    return "[ _]".join(parts)


def _phrase_pattern(phrase: str) -> str:
    """A lexicon phrase as a regex over segmented text: syllables joined by " " or "_",
    bounded by whole words ("người chăm" is not in "người chăm_sóc")."""
    return r"(?<!\w)" + _phrase_body(phrase) + r"(?!\w)"


def _phrases_pattern(phrases) -> re.Pattern:
    """``"|".join(_phrase_pattern(p) for p in phrases)`` with the word bounds taken out of
    the alternation and the phrases' common leading letters factored: the bounds depend on
    the position alone, and factoring keeps the order of the phrases that can match at a
    position, so the same one matches; but the engine skips a position inside a word at
    once, and at a word tries a few first letters instead of every phrase (the ethnicity
    lexicon has some 200)."""
    body = factored_alternation([_phrase_body(p) for p in phrases])
    return re.compile(r"(?<!\w)(?:" + body + r")(?!\w)")


def lexicon_matchers(lexicons) -> list:
    """Per theme, (one pattern for its lexicon, one for its stop phrases, one for its names)
    from [[lexicon], [stop], [names]] entries; None where a list is empty, and for the names
    of an entry without that list (a model trained before names existed: no names column).
    Compiled once per lexicon: tagging asks for them per chunk."""
    return list(_compiled_matchers(tuple(tuple(tuple(part) for part in entry)
                                         for entry in lexicons)))


@lru_cache(maxsize=16)
def _compiled_matchers(lexicons: tuple) -> tuple:
    def pattern(phrases):
        return _phrases_pattern(phrases) if phrases else None
    return tuple((pattern(entry[0]), pattern(entry[1]),
                  (pattern(entry[2]) or _NEVER) if len(entry) > 2 else None)
                 for entry in lexicons)


_NEVER = re.compile(r"(?!)")  # a theme with an empty names list: the column, never set


def lexicon_flags(matchers, sentence_tokens, enumeration: str = "separators") -> list[np.ndarray]:
    """Per theme (n_sentences, 2): the sentence names the theme (its lexicon); it does
    outside a list. A third column where the theme has names: one of them is used.
    ``enumeration`` says what "outside a list" means: "separators" (older models), the
    sentence has fewer than ENUMERATION_SEPARATORS "," / ";"; "items", some mention is not
    an item of a list (see ``list_item``)."""
    if enumeration not in ENUMERATION_MODES:
        raise ValueError(f"enumeration must be one of {ENUMERATION_MODES}, not {enumeration!r}")
    flat = [s for sents in sentence_tokens for s in sents]
    out = [np.zeros((len(flat), 2 if names is None else 3)) for _, _, names in matchers]
    for j, tokens in enumerate(flat):
        low = " ".join("_".join(t.lower().split()) for t in tokens)
        separators = sum(t in (",", ";") for t in tokens)
        for k, (terms, stops, names) in enumerate(matchers):
            text = stops.sub(" ", low) if stops is not None else low
            starts = [m.start() for m in terms.finditer(text)] if terms is not None else []
            if starts:
                outside = (separators < ENUMERATION_SEPARATORS if enumeration == "separators"
                           else not all(list_item(text, starts)))
                out[k][j, :2] = (1.0, float(outside))
            if names is not None and names.search(text):
                out[k][j, 2] = 1.0
    return out


# The guideline: "an item in a list is level 1". A mention is an item when the stretch of
# the sentence between separators that holds it is short and so is a stretch beside it
# ("... công tác dân tộc, tín ngưỡng, tôn giáo"); a mention inside a longer clause is the
# clause's object or subject ("Tăng cường quản lý nhà nước đối với công tác tôn giáo").
ENUMERATION_MODES = ("separators", "items")
ITEM_WORDS = 5  # words (segmented) in a stretch that can be a list item
_ITEM_SEPARATOR = re.compile(r"(?:^| )[,;:…](?= |$)")


def list_item(text: str, starts) -> list[bool]:
    """For each mention starting at ``starts`` in ``text`` (segmented words joined by " "),
    whether it is an item of a list."""
    bounds = [0] + [m.end() for m in _ITEM_SEPARATOR.finditer(text)] + [len(text) + 1]
    words = [sum(any(c.isalnum() for c in w) for w in text[a:b].split())
             for a, b in zip(bounds, bounds[1:])]
    short = [0 < n <= ITEM_WORDS for n in words]
    out = []
    for start in starts:
        i = bisect.bisect_right(bounds, start) - 1
        beside = (i > 0 and short[i - 1]) or (i + 1 < len(short) and short[i + 1])
        out.append(short[i] and beside)
    return out


def _cumulative(estimator: OrdinalLevelClassifier, X) -> np.ndarray:
    cumulative = estimator.cumulative_proba(X)
    # Levels are 0/1/2 but a theme may lack one in training: place columns by level.
    full = np.zeros((X.shape[0], 2))
    for k, level in enumerate(estimator.classes_[1:]):
        if 1 <= level <= 2:
            full[:, int(level) - 1] = cumulative[:, k]
    if 1 not in estimator.classes_ and 2 in estimator.classes_:
        full[:, 0] = full[:, 1]
    return full


def _unit_scores(themes, sentence_models, X, conditional: bool = False) -> list[np.ndarray]:
    """Per theme (n, 2): P(>=1), P(2) of sentences (or clauses) with features ``X``, from the
    sentence models where given (``conditional``: theirs is P(2 | >=1)), else from the
    article model; P(2) never above P(>=1)."""
    if not sentence_models:
        return [_cumulative(estimator, X) for estimator in themes.estimators_]
    from .sentences import score_sentences
    # the article model scores only the themes that lack a sentence model (every sentence,
    # six calibrated regressions a theme: most of the tagging time when done for nothing)
    fallback = [_cumulative(estimator, X) if None in pair else None
                for estimator, pair in zip(themes.estimators_, sentence_models)]
    scores = score_sentences(sentence_models, X, fallback, conditional)
    return [np.column_stack([s[:, 0], np.minimum(s[:, 0], s[:, 1])]) for s in scores]


def stage1_features(stage1, sentence_tokens: Sequence[Sequence[Sequence[str]]]):
    """(features of each article, of each sentence, sentence bounds): article i's sentences
    are rows bounds[i]:bounds[i+1] of the second."""
    sentences = [document_string([s]) for sents in sentence_tokens for s in sents]
    bounds = np.cumsum([0] + [len(s) for s in sentence_tokens])
    # An article's string is its sentences' strings joined (document_string of all its
    # sentences): its features are computed from theirs, each token analysed once.
    joined = [len(s) > 0 for sents in sentence_tokens for s in sents]
    X_docs, X_sent = transform_articles_and_sentences(stage1.named_steps["features"],
                                                      sentences, bounds, joined)
    return X_docs, X_sent, bounds


def stage1_scores(stage1, sentence_tokens: Sequence[Sequence[Sequence[str]]],
                  sentence_models: list | None = None, lexicons=None,
                  clauses: dict | None = None, conditional: bool = False,
                  enumeration: str = "separators") -> Scores:
    """Score articles (all their sentences) and each sentence alone (with the sentence
    models where given, else with the article model). With ``clauses`` (see
    ``CLAUSE_SCORING``), a long sentence's P(>=1) is at least that of its best clause.
    ``conditional``: the level-2 sentence models give P(2 | >=1) (see sentences.py).
    ``enumeration``: what the lexicon flags call a list (see ``lexicon_flags``)."""
    features, themes = stage1.named_steps["features"], stage1.named_steps["themes"]
    X_docs, X_sent, bounds = stage1_features(stage1, sentence_tokens)
    article = [_cumulative(estimator, X_docs) for estimator in themes.estimators_]
    sentence = (_unit_scores(themes, sentence_models, X_sent, conditional) if X_sent is not None
                else [np.zeros((0, 2)) for _ in themes.estimators_])
    if clauses and X_sent is not None:
        sentence = _with_clauses(features, themes, sentence_models, sentence_tokens, sentence,
                                 clauses, conditional)
    lexicon = (lexicon_flags(lexicon_matchers(lexicons), sentence_tokens, enumeration)
               if lexicons else None)
    return Scores(article, sentence, bounds, X_sent, lexicon)


# A provincial report packs a year's work into one sentence of 60-100 words, its fields
# separated by ";" or ":". TF-IDF is normalised per sentence, so a theme named in one
# field of such a sentence weighs little, and its P(>=1) stays low although it is named.
# Scoring each field (clause) alone and keeping the best restores it. Only P(>=1): whether
# the theme is treated (level 2) is a matter of the whole sentence.
CLAUSE_SCORING = {"min_tokens": 20, "separators": [";", ":"], "columns": [0]}
MIN_CLAUSE_TOKENS = 3


def sentence_clauses(tokens, separators) -> list:
    """The runs of ``tokens`` between separators, those of at least MIN_CLAUSE_TOKENS."""
    out, current = [], []
    for token in tokens:
        if token in separators:
            out.append(current)
            current = []
        else:
            current.append(token)
    out.append(current)
    return [c for c in out if len(c) >= MIN_CLAUSE_TOKENS]


def _with_clauses(features, themes, sentence_models, sentence_tokens, sentence, clauses,
                  conditional: bool = False):
    """``sentence`` with each long sentence's columns ``clauses["columns"]`` raised to the
    best of its clauses' scores (same models)."""
    separators = set(clauses["separators"])
    flat = [s for sents in sentence_tokens for s in sents]
    owner, strings = [], []
    for j, tokens in enumerate(flat):
        if len(tokens) >= clauses["min_tokens"]:
            parts = sentence_clauses(tokens, separators)
            if len(parts) > 1:
                owner.extend([j] * len(parts))
                strings.extend(document_string([c]) for c in parts)
    if not strings:
        return sentence
    scored = _unit_scores(themes, sentence_models, features.transform(strings), conditional)
    owner = np.array(owner)
    out = []
    for k, rows in enumerate(sentence):
        rows = rows.copy()
        for column in clauses["columns"]:
            np.maximum.at(rows[:, column], owner, scored[k][:, column])
        rows[:, 1] = np.minimum(rows[:, 0], rows[:, 1])
        out.append(rows)
    return out


def stage2_features(scores: Scores, theme_index: int) -> np.ndarray:
    art, sent, bounds = scores.article[theme_index], scores.sentence[theme_index], scores.bounds
    out = np.zeros((len(art), N_STAGE2))
    for i in range(len(art)):
        rows = sent[bounds[i]:bounds[i + 1]]
        p2 = np.sort(rows[:, 1])[::-1] if len(rows) else np.zeros(1)
        p1 = rows[:, 0].max() if len(rows) else 0.0
        p1s = np.sort(rows[:, 0])[::-1] if len(rows) else np.zeros(1)
        out[i] = [art[i, 0], art[i, 1], p2[0], p2[1] if len(p2) > 1 else 0.0, p1s[0],
                  p1s[1] if len(p1s) > 1 else 0.0,
                  np.log1p((rows[:, 1] >= 0.5).sum()) if len(rows) else 0.0]
    if scores.lexicon is None:
        return out
    lex = scores.lexicon[theme_index]
    extra = np.zeros((len(art), 5))
    for i in range(len(art)):
        flags, rows = lex[bounds[i]:bounds[i + 1]], sent[bounds[i]:bounds[i + 1]]
        named = flags[:, 0] > 0
        extra[i] = [float(named.any()), np.log1p(named.sum()), np.log1p(flags[:, 1].sum()),
                    rows[named, 1].max() if named.any() else 0.0,
                    np.log1p(len(flags))]
    if lex.shape[1] < 3:
        return np.hstack([out, extra])
    # The guideline makes a theme named at all level 1 at least: a name of the theme in one
    # field of a long enumeration weighs little in TF-IDF, however clear it is.
    by_name = np.zeros((len(art), 2))
    for i in range(len(art)):
        count = lex[bounds[i]:bounds[i + 1], 2].sum()
        by_name[i] = [float(count > 0), np.log1p(count)]
    return np.hstack([out, extra, by_name])


def best_sentence(rows: np.ndarray, bounds: np.ndarray) -> np.ndarray:
    """(n_articles, 2): the highest P(>=1) and P(2) among each article's sentences."""
    out = np.zeros((len(bounds) - 1, rows.shape[1] if rows.ndim == 2 else 2))
    for i in range(len(bounds) - 1):
        if bounds[i + 1] > bounds[i]:
            out[i] = rows[bounds[i]:bounds[i + 1]].max(axis=0)
    return out


@dataclass
class ThemeModel:
    """Everything a tagger needs; saved with skops (see persist.py)."""

    themes: list[str]
    stage1: object  # sklearn Pipeline
    stage2: list = field(default_factory=list)  # per theme OrdinalLevelClassifier, or empty
    sentence: list = field(default_factory=list)  # per theme [LR level>=1, LR level 2] or empty
    thresholds: list = field(default_factory=list)  # per theme [t(>=1), t(2)], chosen on dev
    meta: dict = field(default_factory=dict)
    # Per theme and boundary, which source's probability decides: "stage2", "sentence" or
    # "article" (chosen on dev; empty means stage 2 wherever it exists).
    sources: list = field(default_factory=list)

    @property
    def lexicons(self):
        """[[lexicon], [stop]] per theme when stage 2 reads the lexicon, else None."""
        return self.meta.get("lexicons") or None

    @property
    def conditional(self) -> bool:
        """The level-2 sentence models give P(2 | >=1) (older models: P(2))."""
        return self.meta.get("sentence_level2") == "conditional"

    @property
    def enumeration(self) -> str:
        """What the lexicon flags call a list (models before "items": "separators")."""
        return self.meta.get("enumeration", "separators")

    def scores(self, tokens) -> Scores:
        return stage1_scores(self.stage1, tokens, self.sentence, self.lexicons,
                             self.meta.get("clauses"), self.conditional, self.enumeration)

    def candidates(self, scores: Scores) -> dict[str, list[np.ndarray]]:
        """Per source, per theme (n_articles, 2): P(>=1), P(2)."""
        out = {"article": scores.article}
        if self.sentence:
            # The guideline's rule read literally: the article is at the level of its best
            # sentence, whatever its length.
            out["sentence"] = [best_sentence(rows, scores.bounds) for rows in scores.sentence]
        if self.stage2:
            out["stage2"] = [_cumulative(est, stage2_features(scores, i))
                             for i, est in enumerate(self.stage2)]
        return out

    def cumulative(self, scores: Scores) -> list[np.ndarray]:
        """Per theme (n_articles, 2): final P(>=1), P(2)."""
        candidates = self.candidates(scores)
        default = "stage2" if self.stage2 else "article"
        out = []
        for k in range(len(self.themes)):
            pick = self.sources[k] if self.sources else [default, default]
            columns = np.column_stack([candidates[pick[0]][k][:, 0], candidates[pick[1]][k][:, 1]])
            out.append(columns)
        return out

    def levels(self, cumulative: list[np.ndarray]) -> list[np.ndarray]:
        out = []
        for i, cum in enumerate(cumulative):
            t1, t2 = self.thresholds[i] if self.thresholds else (0.5, 0.5)
            ge1 = cum[:, 0] >= t1
            out.append(ge1.astype(int) + (ge1 & (cum[:, 1] >= t2)).astype(int))
        return out
