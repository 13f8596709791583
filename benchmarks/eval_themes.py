"""``make eval``: the committed theme model on the test split and on the five seed articles.

Targets (issue 5): test macro-F1 at level 2 >= 0.90 and at level >= 1 >= 0.97, level 2 at
least 0.10 above the keyword baseline, and at least 18 of the 20 seed calls right.
"""
from __future__ import annotations

TARGET_L2, TARGET_L1, TARGET_MARGIN, TARGET_SEEDS = 0.90, 0.97, 0.10, 18


def run(ablation: bool = True) -> tuple[str, bool]:
    from pipeline.themes.evaluate import evaluate, evaluate_seeds, shared_dir
    from pipeline.themes.persist import load_model, model_dir
    from pipeline.themes.tag import ThemeTagger
    from pipeline.themes.train import load_dataset

    model = load_model()
    data = load_dataset()
    table, results = evaluate(model, data, "test", ablation=ablation)
    l2, l1 = results["model"]["macro_l2"], results["model"]["macro_l1"]
    margin = l2 - results["keywords"]["macro_l2"]
    ci = results["model"]["ci"]  # 95% bootstrap intervals over the test articles
    (l2_lo, l2_hi), (l1_lo, l1_hi) = ci["l2"], ci["l1"]
    m_lo, m_hi = ci["diff vs keywords"]["l2"]
    checks = [(f"test macro-F1 level 2 = {l2:.3f} [95% {l2_lo:.3f}-{l2_hi:.3f}] "
               f"(target >= {TARGET_L2})", l2 >= TARGET_L2),
              (f"test macro-F1 level >= 1 = {l1:.3f} [95% {l1_lo:.3f}-{l1_hi:.3f}] "
               f"(target >= {TARGET_L1})", l1 >= TARGET_L1),
              (f"level 2 above keywords by {margin:+.3f} [95% paired {m_lo:+.3f} to {m_hi:+.3f}] "
               f"(target >= +{TARGET_MARGIN})", margin >= TARGET_MARGIN)]
    seeds = "(seed articles skipped: ../shared not found)"
    if shared_dir() is not None:
        seeds_table, right, total = evaluate_seeds(ThemeTagger(model))
        checks.append((f"seed calls right = {right}/{total} (target >= {TARGET_SEEDS})",
                       right >= TARGET_SEEDS))
        seeds = seeds_table
    summary = "\n".join(f"- {'MET' if ok else 'MISSED'}: {text}" for text, ok in checks)
    markdown = (f"## Themes (model {model_dir()}, trained {model.meta.get('trained')})\n\n"
                f"{summary}\n\n{table}\n\nSeed articles (level, and gold where it differs):\n\n"
                f"{seeds}\n")
    return markdown, all(ok for _, ok in checks)


if __name__ == "__main__":
    print(run()[0])
