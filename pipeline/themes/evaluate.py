"""Evaluate the theme model: per theme P/R/F1 at level 2 and level >= 1, against a keyword
baseline, with the words-vs-syllables ablation, and on the five seed articles."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from ..errors import DanvanError
from ..models import Article
from ..segment import segment_many
from .baseline import keyword_level
from .labels import REPO
from .model import ThemeModel
from .taxonomy import load_taxonomy
from .train import Dataset, fit_model, predict_levels


def prf(truth: np.ndarray, predicted: np.ndarray) -> tuple[float, float, float]:
    from sklearn.metrics import precision_recall_fscore_support
    p, r, f, _ = precision_recall_fscore_support(truth, predicted, average="binary",
                                                 zero_division=0.0)
    return float(p), float(r), float(f)


def score_levels(truth: np.ndarray, predicted: np.ndarray, themes: list[str]) -> dict:
    """{theme: {"l2": (p, r, f1), "l1": (p, r, f1), "n2": .., "n1": ..}, "macro_l2":, "macro_l1":}"""
    out: dict = {}
    for k, theme in enumerate(themes):
        out[theme] = {"l2": prf(truth[:, k] == 2, predicted[:, k] == 2),
                      "l1": prf(truth[:, k] >= 1, predicted[:, k] >= 1),
                      "n2": int((truth[:, k] == 2).sum()), "n1": int((truth[:, k] >= 1).sum())}
    out["macro_l2"] = float(np.mean([out[t]["l2"][2] for t in themes]))
    out["macro_l1"] = float(np.mean([out[t]["l1"][2] for t in themes]))
    return out


BOOTSTRAP_SAMPLES = 1000
BOOTSTRAP_LEVEL = 0.95  # the intervals' coverage (make eval and the model card say "95%")


def _macro_f1_resampled(truth: np.ndarray, predicted: np.ndarray, samples: np.ndarray,
                        minimum: int) -> np.ndarray:
    """Macro-F1 (at level >= ``minimum``) of each resample: ``samples`` holds article rows."""
    t, p = truth[samples] >= minimum, predicted[samples] >= minimum  # (B, n, themes)
    tp = (t & p).sum(axis=1)
    denominator = t.sum(axis=1) + p.sum(axis=1)  # 2TP + FP + FN
    f1 = np.divide(2 * tp, denominator, out=np.zeros(tp.shape), where=denominator > 0)
    return f1.mean(axis=1)


def bootstrap_intervals(truth: np.ndarray, systems: dict[str, np.ndarray], *,
                        reference: str | None = None, samples: int = BOOTSTRAP_SAMPLES,
                        seed: int = 0) -> dict:
    """Percentile intervals of macro-F1 at level 2 and >= 1 over articles drawn with
    replacement: {system: {"l2": (lo, hi), "l1": (lo, hi)}}. With ``reference``, also each
    other system's difference from it on the same resamples (a paired interval, under
    "diff vs <reference>"): the test split is small, and a margin between two systems
    scored on the same articles varies less than either figure alone."""
    rng = np.random.default_rng(seed)
    rows = rng.integers(0, len(truth), size=(samples, len(truth)))
    tail = (1 - BOOTSTRAP_LEVEL) / 2 * 100
    scores = {name: {key: _macro_f1_resampled(truth, predicted, rows, minimum)
                     for key, minimum in (("l2", 2), ("l1", 1))}
              for name, predicted in systems.items()}

    def interval(values):
        return tuple(float(x) for x in np.percentile(values, [tail, 100 - tail]))

    out = {name: {key: interval(v) for key, v in by_key.items()} for name, by_key in scores.items()}
    if reference is not None:
        for name in systems:
            if name != reference:
                out[name][f"diff vs {reference}"] = {
                    key: interval(scores[name][key] - scores[reference][key]) for key in ("l2", "l1")}
    return out


def intervals_markdown(intervals: dict, results: dict, samples: int = BOOTSTRAP_SAMPLES) -> str:
    lines = [f"{BOOTSTRAP_LEVEL:.0%} intervals ({samples:,} bootstrap resamples of the split's "
             "articles):", ""]
    for name, by_key in intervals.items():
        for key, label in (("l2", "level 2"), ("l1", "level >= 1")):
            lo, hi = by_key[key]
            lines.append(f"- {name}, macro-F1 {label}: {results[name]['macro_' + key]:.3f} "
                         f"[{lo:.3f}, {hi:.3f}]")
        for diff_key, diffs in by_key.items():
            if diff_key.startswith("diff vs "):
                other = diff_key[len("diff vs "):]
                for key, label in (("l2", "level 2"), ("l1", "level >= 1")):
                    lo, hi = diffs[key]
                    point = results[name]["macro_" + key] - results[other]["macro_" + key]
                    lines.append(f"- {name} minus {other}, {label}: {point:+.3f} "
                                 f"[{lo:+.3f}, {hi:+.3f}] (paired)")
    return "\n".join(lines)


def model_levels(model: ThemeModel, data: Dataset, idx: np.ndarray) -> np.ndarray:
    levels, _ = predict_levels(model, [data.tokens[i] for i in idx])
    return np.column_stack(levels)


def baseline_levels(data: Dataset, idx: np.ndarray, taxonomy=None) -> np.ndarray:
    themes = {t.label: t for t in load_taxonomy(taxonomy)}
    return np.array([[keyword_level(themes[t], data.articles[i].title, data.articles[i].text)
                      for t in data.themes] for i in idx], dtype=int)


def metrics_table(results: dict[str, dict], themes: list[str]) -> str:
    """One row per system and theme, plus macro rows."""
    rows = ["| system | theme | n (2 / >=1) | P@2 | R@2 | F1@2 | P@>=1 | R@>=1 | F1@>=1 |",
            "|---|---|---|---|---|---|---|---|---|"]
    for system, res in results.items():
        for t in themes:
            r = res[t]
            rows.append(f"| {system} | {t} | {r['n2']} / {r['n1']} | "
                        + " | ".join(f"{x:.3f}" for x in (*r["l2"], *r["l1"])) + " |")
        rows.append(f"| {system} | **macro** | | | | **{res['macro_l2']:.3f}** | | | "
                    f"**{res['macro_l1']:.3f}** |")
    return "\n".join(rows)


def evaluate(model: ThemeModel, data: Dataset, split: str = "test", *, ablation: bool = True,
             taxonomy=None) -> tuple[str, dict]:
    idx = data.subset(split)
    if not len(idx):
        raise DanvanError(f"the labelled set has no '{split}' articles")
    fitted_on = tuple(model.meta.get("train_splits", ("train",)))
    if split in fitted_on:
        raise DanvanError(f"the model learnt from the '{split}' split: its figures there would "
                          f"say nothing; evaluate on a split it did not see (test)")
    truth = data.levels[idx]
    predicted = {"model": model_levels(model, data, idx),
                 "keywords": baseline_levels(data, idx, taxonomy)}
    results = {name: score_levels(truth, levels, data.themes)
               for name, levels in predicted.items()}
    intervals = bootstrap_intervals(truth, predicted, reference="keywords")
    for name, interval in intervals.items():
        results[name]["ci"] = interval
    if ablation:
        # the variants learn from the same splits, their thresholds chosen the same way
        fit = {"train_splits": fitted_on,
               "thresholds_on": model.meta.get("thresholds_on", "dev+oof")}
        for kind in ("words", "syllables"):
            variant = fit_model(data, features=kind, stage2=model.meta.get("stage2", True), **fit)
            results[f"{kind} (retrained)"] = score_levels(
                truth, model_levels(variant, data, idx), data.themes)
        # without stage 2 there are no out-of-fold scores to choose thresholds on: this one
        # learns from train alone and chooses them on dev
        variant = fit_model(data, features=model.meta.get("features", "both"), stage2=False)
        results["article-level only (retrained on train)"] = score_levels(
            truth, model_levels(variant, data, idx), data.themes)
    table = metrics_table(results, data.themes)
    return (f"Split `{split}`: {len(idx)} articles.\n\n{table}\n\n"
            f"{intervals_markdown(intervals, results)}", results)


# ---------------------------------------------------------------------------- seeds

def shared_dir() -> Path | None:
    """``$DANVAN_SHARED``, else the first ``shared/`` beside the repository or a parent."""
    import os
    env = os.environ.get("DANVAN_SHARED")
    candidates = [Path(env)] if env else []
    candidates += [REPO.parent / "shared", REPO.parent.parent / "shared"]
    return next((c.resolve() for c in candidates if (c / "seeds").is_dir()), None)


def seed_articles() -> tuple[list[Article], list[dict]]:
    shared = shared_dir()
    if shared is None:
        raise DanvanError("../shared (the seed articles) is not beside the repository")
    clean = [json.loads(l) for l in open(shared / "seeds" / "gold_clean.jsonl", encoding="utf-8")]
    gold = {g["id"]: g for g in (json.loads(l) for l in
                                 open(shared / "seeds" / "gold_themes.jsonl", encoding="utf-8"))}
    articles = [Article.from_dict(c) for c in clean]
    return articles, [gold[a.id] for a in articles]


def evaluate_seeds(tagger) -> tuple[str, int, int]:
    """Markdown table of the seed calls, calls right, calls in all."""
    articles, gold = seed_articles()
    tags = tagger.tag_many(articles)
    rows = ["| seed | " + " | ".join(tagger.themes) + " |",
            "|---" * (len(tagger.themes) + 1) + "|"]
    right = total = 0
    for article, g, article_tags in zip(articles, gold, tags):
        cells = []
        for tag in article_tags:
            if tag.theme not in g:
                cells.append(f"{tag.level}")
                continue
            ok = tag.level == g[tag.theme]
            right += ok
            total += 1
            cells.append(f"{tag.level}" + ("" if ok else f" (gold {g[tag.theme]})")
                         + f" p2={tag.score:.2f}")
        rows.append(f"| {article.id} | " + " | ".join(cells) + " |")
    return "\n".join(rows), right, total
