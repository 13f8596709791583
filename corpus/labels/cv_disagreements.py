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


def main() -> int:
    from sklearn.model_selection import KFold

    data = load_dataset()
    train = data.subset("train")
    splits = [a.split for a in data.articles]
    predicted = np.full((len(data.articles), len(data.themes)), -1)
    for fit, held in KFold(FOLDS, shuffle=True, random_state=SEED).split(train):
        for article, split in zip(data.articles, splits):  # only this fold's four fifths train
            article.split = "unused" if split == "train" else split
        for i in train[fit]:
            data.articles[i].split = "train"
        model = fit_model(data, thresholds_on="oof")
        levels, _ = predict_levels(model, [data.tokens[i] for i in train[held]])
        predicted[train[held]] = np.column_stack(levels)
    for article, split in zip(data.articles, splits):
        article.split = split
    for i in train:
        for k, theme in enumerate(data.themes):
            if predicted[i, k] != data.levels[i, k]:
                print(json.dumps({"id": data.articles[i].id, "theme": theme,
                                  "label": int(data.levels[i, k]),
                                  "model": int(predicted[i, k])}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
