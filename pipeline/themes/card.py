"""Write MODEL_CARD.md beside a saved theme model."""
from __future__ import annotations

import datetime as dt
import platform
from collections import Counter
from pathlib import Path

from .model import ITEM_WORDS
from .sentences import MENTION_SCORE


SENTENCE_NOTE = ("\n  Sentences are scored by per-theme logistic regressions learnt from sentences of "
                 "training articles\n  labelled on their own (corpus/labels/raw/sentences_*.jsonl) "
                 "plus the sentences of level-0\n  articles as negatives.{}")
STANDALONE_NOTE = (" They also learn from {} standalone sentences: labelled\n  sentences of "
                   "shared-corpus articles outside the labelled set (in no split).")


def _sentence_note(meta: dict) -> str:
    if meta.get("sentence") != "labelled":
        return ""
    standalone = meta.get("standalone_sentences")
    return SENTENCE_NOTE.format(STANDALONE_NOTE.format(standalone) if standalone else "")


def _threshold_data(meta: dict) -> str:
    where = meta.get("thresholds_on", "dev")
    if where == "oof" and "dev" in meta.get("train_splits", ()):
        return ("the out-of-fold scores of the train and dev articles (each scored by a model "
                "fitted without it)\n  and of long reports made of them")
    if where == "oof":
        return "the training articles' out-of-fold scores (dev kept out)"
    dev = ("the dev split (its articles and long reports made of them)"
           if meta.get("synthetic") and meta.get("synthetic_dev", True) else "the dev split")
    if where == "dev+oof":
        return dev + " together with the training articles' out-of-fold scores"
    return dev


SYNTHETIC_NOTE = ("\n  Stage 2 also learns from {} synthetic long reports per article (3-8 held-out "
                  "articles of a fold\n  read as one, each theme at its highest level among "
                  "them), so that a theme treated in one\n  paragraph of a long report is not "
                  "taken for a passing mention (pipeline/themes/augment.py).")
MENTION_NOTE = ("\n  The level-2 sentence models also take every unlabelled sentence of the articles "
                "at level 1\n  as a negative (such an article has no substantive sentence on the "
                "theme, by definition).")
CONDITIONAL_NOTE = ("\n  A sentence's P(2) is P(>=1) x P(2 | >=1): the level-2 sentence model is learnt "
                    "from the sentences\n  that name the theme only (labelled at level 1 or 2, and "
                    "the sentences of level-1 articles\n  that the level >= 1 model scores at {} "
                    "or more), so that it learns what makes a sentence\n  treat the theme rather "
                    "than what makes it name it.")
CLAUSE_NOTE = ("\n  A sentence of {min_tokens} tokens or more is also scored clause by clause "
               "(split at {separators}):\n  its P(>=1) is at least its best clause's, so that a "
               "theme named in one field of a\n  report's long enumerating sentence is not "
               "diluted away.")
LEXICON_NOTE = ("\n  Stage 2 also reads the taxonomy's seed lexicon: whether and in how many sentences "
                "the theme is named\n  (stock phrases removed), how many of those {}, the best "
                "sentence P(2) among\n  them, and the article's length.")
ENUMERATION_NOTES = {
    "separators": "are not enumerations (fewer than three separators)",
    "items": ("name it outside a list (a mention is a list item when the stretch\n  between "
              f"separators that holds it has {ITEM_WORDS} words at most, and so does one beside it)")}


def _lexicon_note(meta: dict) -> str:
    if not meta.get("lexicons"):
        return ""
    return LEXICON_NOTE.format(ENUMERATION_NOTES[meta.get("enumeration", "separators")])
NAMES_NOTE = ("\n  And in how many sentences one of the theme's names (the taxonomy's phrases that "
              "name the\n  theme itself, e.g. \"tôn giáo\") is used: a theme named at all is "
              "level 1 at least.")


def _fitted_on(meta: dict) -> str:
    splits = meta.get("train_splits", ["train"])
    if "dev" in splits:
        return ("The model is fitted on train and dev (every training option was chosen on dev "
                "with a\nmodel fitted on train alone); test is only measured, and no dev "
                "figure is given below.")
    return "The model is fitted on train only."


def _clause_note(meta) -> str:
    clauses = meta.get("clauses")
    if not clauses:
        return ""
    return CLAUSE_NOTE.format(min_tokens=clauses["min_tokens"],
                              separators=" ".join(f'"{s}"' for s in clauses["separators"]))


def _versions() -> str:
    import numpy
    import scipy
    import sklearn
    import skops
    import underthesea
    return (f"Python {platform.python_version()}, scikit-learn {sklearn.__version__}, "
            f"skops {skops.__version__}, underthesea {underthesea.__version__}, "
            f"numpy {numpy.__version__}, scipy {scipy.__version__}")


def write_model_card(directory: Path, model, data, tables: dict[str, str]) -> Path:
    splits = Counter(a.split for a in data.articles)
    counts = ["| theme | split | level 0 | level 1 | level 2 |", "|---|---|---|---|---|"]
    for k, theme in enumerate(data.themes):
        for split in ("train", "dev", "test"):
            idx = data.subset(split)
            c = Counter(int(x) for x in data.levels[idx, k])
            counts.append(f"| {theme} | {split} | {c[0]} | {c[1]} | {c[2]} |")
    sources = model.sources or [["stage2" if model.stage2 else "article"] * 2] * len(model.themes)
    thresholds = "\n".join(f"| {t} | {th[0]:.3f} ({src[0]}) | {th[1]:.3f} ({src[1]}) |"
                           for t, th, src in zip(model.themes, model.thresholds, sources))
    metrics = "\n\n".join(f"### {split}\n\n{table}" for split, table in tables.items())
    meta = model.meta
    text = f"""# Theme model card

Trained {meta.get('trained', dt.datetime.now().isoformat(timespec='seconds'))} by `danvan train`.

## What it does
Tags an article with the themes {', '.join(f'`{t}`' for t in model.themes)} at three levels
(0 absent, 1 mentioned, 2 substantive; see `../shared/ANNOTATION.md`), with
`score` = P(level 2), `score_mentioned` = P(level >= 1) and evidence sentences.

## Model
- Input: underthesea words of the normalised title and text, sentence by sentence.
- Stage 1: hashed TF-IDF on words (1-2 grams) and syllables (1-3 grams)
  (features: `{meta.get('features')}`), one `OrdinalLevelClassifier` per theme
  (two sigmoid-calibrated logistic regressions: level >= 1, level 2; C={meta.get('C')}).
- Stage 2 ({'on' if meta.get('stage2') else 'off'}): per theme, a small ordinal classifier{f" (C={meta['stage2_C']})" if meta.get('stage2_C') else ''} on
  the article's stage-1 scores and its best sentences' scores, trained on {meta.get('folds')}-fold
  out-of-fold stage-1 scores.{_lexicon_note(meta)}{NAMES_NOTE if any(len(e) > 2 and e[2] for e in meta.get('lexicons') or []) else ''}{_sentence_note(meta)}{MENTION_NOTE if meta.get('sentence') == 'labelled' and meta.get('mention_negatives') and meta.get('sentence_level2') != 'conditional' else ''}{CONDITIONAL_NOTE.format(MENTION_SCORE) if meta.get('sentence_level2') == 'conditional' else ''}{_clause_note(meta)}{SYNTHETIC_NOTE.format(meta.get('synthetic')) if meta.get('synthetic') else ''}
- Per theme and level, the source whose probability decides (article-level stage 1, the best
  sentence, or stage 2) and its threshold are chosen on
  {_threshold_data(meta)}
  (best F1 on a 0.05-0.95 grid):

| theme | threshold level >= 1 | threshold level 2 |
|---|---|---|
{thresholds}

## Data
`{meta.get('labels')}`: {len(data.articles)} articles read and labelled against the guideline
(see `corpus/labels/README.md`), split by a hash of the id: train {splits['train']},
dev {splits['dev']}, test {splits['test']}. {_fitted_on(meta)}

{chr(10).join(counts)}

## Metrics
Per theme precision, recall and F1 at level 2 and at level >= 1; `keywords` is the lexicon
baseline of `pipeline/themes/baseline.py`.

{metrics}

## Limits
The labelled articles are mostly national news (2016-2021) and 2025 legal/portal texts;
provincial Party-committee news is the target domain and is represented only by what the pool
holds. Level 1 vs 2 is the hardest call. Figures on a small test split carry wide error bars.

## Versions
{_versions()}. Saved with skops; loading refuses types outside
`pipeline.themes.persist.TRUSTED_TYPES`.
"""
    path = Path(directory) / "MODEL_CARD.md"
    path.write_text(text, encoding="utf-8")
    return path
