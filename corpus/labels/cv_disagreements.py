"""List the train labels that a cross-validated model disagrees with, for a blind re-reading.

Each fold of a 5-fold split of the train articles is tagged by the whole training recipe
(``fit_model``, thresholds on out-of-fold scores) fitted on the other four; dev and test are
never touched, so re-reading what this lists cannot leak into their scores. Writes one line
per disagreeing article x theme: {"id", "theme", "label", "model"}. The model only chooses
what to re-read: the re-reader sees neither the label nor the model's level.

    python corpus/labels/cv_disagreements.py > /tmp/disagreements.jsonl
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from pipeline.themes.train import fit_model, load_dataset, predict_levels  # noqa: E402

FOLDS, SEED = 5, 7


def disagreements(data, folds: int = FOLDS, seed: int = SEED) -> list[dict]:
    """{"id", "theme", "label", "model"} for each train article x theme whose out-of-fold
    level differs from its label. ``data`` (a train.Dataset) is left as it was given."""
    from sklearn.model_selection import KFold

    train = data.subset("train")
    splits = [a.split for a in data.articles]
    predicted = np.full((len(data.articles), len(data.themes)), -1)
    try:
        for fit, held in KFold(folds, shuffle=True, random_state=seed).split(train):
            for article, split in zip(data.articles, splits):  # only four fifths train
                article.split = "unused" if split == "train" else split
            for i in train[fit]:
                data.articles[i].split = "train"
            model = fit_model(data, thresholds_on="oof")
            levels, _ = predict_levels(model, [data.tokens[i] for i in train[held]])
            predicted[train[held]] = np.column_stack(levels)
    finally:
        for article, split in zip(data.articles, splits):
            article.split = split
    return [{"id": data.articles[i].id, "theme": theme, "label": int(data.levels[i, k]),
             "model": int(predicted[i, k])}
            for i in train for k, theme in enumerate(data.themes)
            if predicted[i, k] != data.levels[i, k]]


def main() -> int:
    for row in disagreements(load_dataset()):
        print(json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
