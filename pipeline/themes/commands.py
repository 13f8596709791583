"""``danvan train``, ``danvan tag`` and ``danvan evaluate``."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import InputError

# --fit-on: the splits the model learns from, and where its thresholds are chosen. The
# shipped model learns from train and dev, its thresholds chosen on the out-of-fold scores of
# both (each article scored by a model fitted without it): every option was chosen on dev
# with a train-only fit first, and 20% more articles gave dev +0.02 macro-F1 at level 2 then.
FIT_ON = {"train": (("train",), "dev+oof"), "train+dev": (("train", "dev"), "oof")}
DEFAULT_FIT_ON = "train+dev"


def register(subparsers) -> None:
    p = subparsers.add_parser("train", help="train the theme model on the labelled set")
    p.add_argument("--labels", default=None, help="labelled set (default corpus/labels/themes.jsonl)")
    p.add_argument("--out", default=None, help="model directory (default models/themes)")
    p.add_argument("--taxonomy", default=None, help="taxonomy file (default the shipped one)")
    p.add_argument("--features", choices=("both", "words", "syllables"), default="both")
    p.add_argument("--no-stage2", action="store_true",
                   help="decide levels from article scores alone (no sentence-level stage)")
    p.add_argument("--C", type=float, default=4.0, help="inverse regularisation strength")
    p.add_argument("--fit-on", choices=sorted(FIT_ON), default=DEFAULT_FIT_ON,
                   help="the splits the model learns from (default %(default)s: the shipped "
                        "model; 'train' keeps dev for comparing training options)")
    p.set_defaults(func=_train)

    p = subparsers.add_parser("tag", help="tag articles with themes (JSONL out)")
    p.add_argument("input", help="plain text, an Article JSON, or JSONL of articles; - for stdin")
    p.add_argument("--model", default=None, help="model directory (default models/themes)")
    p.add_argument("--no-evidence", action="store_true", help="leave evidence sentences out")
    p.set_defaults(func=_tag)

    p = subparsers.add_parser("evaluate", help="P/R/F1 of the theme model on the test split")
    p.add_argument("--labels", default=None)
    p.add_argument("--model", default=None)
    p.add_argument("--taxonomy", default=None)
    p.add_argument("--split", default="test", choices=("train", "dev", "test"))
    p.add_argument("--no-ablation", action="store_true", help="skip the retrained variants")
    p.add_argument("--no-seeds", action="store_true", help="skip the five seed articles")
    p.set_defaults(func=_evaluate)


def _train(args) -> int:
    from .card import write_model_card
    from .evaluate import evaluate
    from .persist import model_dir, save_model
    from .train import fit_model, load_dataset

    data = load_dataset(args.labels, args.taxonomy)
    train_splits, thresholds_on = FIT_ON[args.fit_on]
    where = ("the dev articles and the training articles' out-of-fold scores"
             if thresholds_on == "dev+oof" else "the training articles' out-of-fold scores")
    print(f"training on {len(data.subset(train_splits))} articles ({args.fit_on}), thresholds "
          f"on {where} (themes: {', '.join(data.themes)})", file=sys.stderr)
    model = fit_model(data, features=args.features, C=args.C, stage2=not args.no_stage2,
                      train_splits=train_splits, thresholds_on=thresholds_on)
    metrics = {}
    for split in ("dev", "test"):
        if split not in train_splits and len(data.subset(split)):
            table, results = evaluate(model, data, split, ablation=False, taxonomy=args.taxonomy)
            metrics[split] = {"table": table, "macro_l2": results["model"]["macro_l2"],
                              "macro_l1": results["model"]["macro_l1"],
                              "keywords_macro_l2": results["keywords"]["macro_l2"],
                              "intervals_95": results["model"]["ci"]}
    model.meta["metrics"] = {s: {k: v for k, v in m.items() if k != "table"}
                             for s, m in metrics.items()}
    model.meta["labels"] = str(args.labels or "corpus/labels/themes.jsonl")
    model.meta["split_sizes"] = {s: int(len(data.subset(s))) for s in ("train", "dev", "test")}
    out = save_model(model, model_dir(args.out))
    write_model_card(out, model, data, {s: m["table"] for s, m in metrics.items()})
    for split, m in metrics.items():
        print(f"{split}: macro-F1 level 2 {m['macro_l2']:.3f}, level>=1 {m['macro_l1']:.3f} "
              f"(keywords level 2 {m['keywords_macro_l2']:.3f})", file=sys.stderr)
    print(f"model saved to {out}", file=sys.stderr)
    return 0


def read_articles(source: str) -> list:
    """Articles from plain text, one Article JSON, or JSONL; ``-`` reads stdin."""
    from ..models import Article

    if source == "-":
        raw, name = sys.stdin.buffer.read(), "stdin"
    else:
        path = Path(source)
        if not path.is_file():
            raise InputError(f"no such file: {source}")
        raw, name = path.read_bytes(), path.name
    if b"\x00" in raw[:4096]:
        raise InputError(f"{name} looks binary, not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{name} is not UTF-8 text") from None
    if not text.strip():
        raise InputError(f"{name} is empty")
    stripped = text.lstrip()
    if stripped.startswith("{"):
        try:
            return [_article_from(json.loads(stripped), name, 1)]
        except json.JSONDecodeError:
            pass  # JSONL: one object per line
        articles = []
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{name}:{number}: not JSON ({exc.msg})") from None
            articles.append(_article_from(data, name, number))
        return articles
    lines = [l.strip() for l in text.splitlines() if l.strip()]
    return [Article(id=Path(name).stem, paragraphs=lines)]


def _article_from(data, name: str, number: int):
    from ..models import Article

    if not isinstance(data, dict):
        raise InputError(f"{name}:{number}: expected a JSON object (an article)")
    data = dict(data)
    data.setdefault("id", f"{name}:{number}")
    if not data.get("paragraphs") and not isinstance(data.get("text"), str):
        raise InputError(f"{name}:{number}: an article needs 'paragraphs' or 'text'")
    try:
        return Article.from_dict(data)
    except (TypeError, ValueError) as exc:
        raise InputError(f"{name}:{number}: not an article ({exc})") from None


def _tag(args) -> int:
    from .tag import load_tagger

    articles = read_articles(args.input)
    tagger = load_tagger(args.model)
    out = sys.stdout
    batch = 64
    for start in range(0, len(articles), batch):
        chunk = articles[start:start + batch]
        for article, tags in zip(chunk, tagger.tag_many(chunk)):
            if args.no_evidence:
                for tag in tags:
                    tag.evidence = []
            article.themes = tags
            out.write(article.to_json() + "\n")
        out.flush()
    return 0


def _evaluate(args) -> int:
    from .evaluate import evaluate, evaluate_seeds
    from .persist import load_model
    from .tag import ThemeTagger
    from .train import load_dataset

    model = load_model(args.model)
    data = load_dataset(args.labels, args.taxonomy)
    if data.themes != model.themes:
        raise InputError(f"the model's themes ({', '.join(model.themes)}) differ from the "
                         f"taxonomy's ({', '.join(data.themes)}): retrain with `danvan train`")
    table, _ = evaluate(model, data, args.split, ablation=not args.no_ablation,
                        taxonomy=args.taxonomy)
    print(table)
    if not args.no_seeds:
        from .evaluate import shared_dir
        if shared_dir() is None:
            print("\n(seed articles skipped: ../shared not found)")
        else:
            seeds, right, total = evaluate_seeds(ThemeTagger(model))
            print(f"\nSeed articles: {right}/{total} calls right\n\n{seeds}")
    return 0
