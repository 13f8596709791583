"""``make eval``: citation extraction against the seed gold and the project's labels.

Seeds: ../shared/seeds/gold_citations.jsonl (13 citations, every field must be equal,
nothing else may be reported). Labels: corpus/labels/citations.jsonl (passages of
../shared/corpus labelled by reading; see corpus/labels/CITATIONS.md). Numbered
citations (full and short forms) are scored; named references are not labelled.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipeline.citations import find_citations  # noqa: E402
from pipeline.models import Article  # noqa: E402

LABELS = ROOT / "corpus" / "labels" / "citations.jsonl"
FIELDS = ("kind", "issued", "issuer", "term")
SEED_FIELDS = ("number", "kind", "issued", "issuer", "term", "scope")
TARGET_PRECISION, TARGET_RECALL = 0.95, 0.90


def shared_dir() -> Path | None:
    for candidate in (ROOT / ".." / "shared", ROOT.parent.parent / "shared", Path("/work/shared")):
        if (candidate / "seeds").is_dir():
            return candidate.resolve()
    return None


def align(gold: list[dict], predicted: list) -> tuple[list[tuple[dict, object]], list[dict], list]:
    """Pair gold and predicted citations of the same number and form, in text order."""
    left = list(predicted)
    pairs, missed = [], []
    for want in gold:
        match = next((p for p in left if p.number == want["number"] and p.form == want.get("form", "full")), None)
        if match is None:
            missed.append(want)
        else:
            left.remove(match)
            pairs.append((want, match))
    return pairs, missed, left


def score(records: list[tuple[list[dict], list]], fields) -> dict:
    tp = fp = fn = 0
    right, seen = Counter(), Counter()
    errors = []
    for gold, predicted in records:
        pairs, missed, extra = align(gold, predicted)
        tp, fn, fp = tp + len(pairs), fn + len(missed), fp + len(extra)
        for want, got in pairs:
            for field in fields:
                seen[field] += 1
                if getattr(got, field) == want.get(field):
                    right[field] += 1
                else:
                    errors.append(f"{want['number']} {field}: want {want.get(field)!r}, got {getattr(got, field)!r}")
        errors += [f"missed {m['number']}" for m in missed] + [f"extra {e.number} ({e.surface!r})" for e in extra]
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall,
            "fields": {f: right[f] / seen[f] if seen[f] else 1.0 for f in fields}, "errors": errors}


def seed_records(shared: Path) -> list:
    gold: dict[str, list] = {}
    for line in (shared / "seeds" / "gold_citations.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            gold.setdefault(row["doc"], []).append(row)
    records = []
    for line in (shared / "seeds" / "gold_clean.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        data = json.loads(line)
        article = Article.from_dict(data)
        cites = [c for c in find_citations(article.text, province=article.province, published=article.published)
                 if c.form != "named"]
        records.append((gold.get(data["id"], []), cites))
    return records


def label_records() -> list:
    records = []
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            cites = [c for c in find_citations(row["text"]) if c.form != "named"]
            records.append((row["citations"], cites))
    return records


def _table(name: str, result: dict, fields) -> str:
    cells = " | ".join(f"{result['fields'][f]:.3f}" for f in fields)
    return (f"| {name} | {result['tp'] + result['fn']} | {result['tp']} | {result['fp']} | {result['fn']} | "
            f"{result['precision']:.3f} | {result['recall']:.3f} | {cells} |")


def run() -> tuple[str, bool]:
    lines = ["## Directive citations", ""]
    met = True
    shared = shared_dir()
    header_fields = ("number",) + FIELDS + ("scope",)
    lines.append("| set | gold | found | extra | missed | precision | recall | "
                 + " | ".join(header_fields) + " |")
    lines.append("|" + "---|" * (7 + len(header_fields)))
    if shared is None:
        lines.append("| seeds | ../shared not found: skipped |")
    else:
        seeds = score(seed_records(shared), SEED_FIELDS)
        lines.append(_table("seeds (13 gold)", seeds, SEED_FIELDS))
        met &= seeds["fp"] == 0 and seeds["fn"] == 0 and all(v == 1.0 for v in seeds["fields"].values())
    labels = score(label_records(), FIELDS)
    lines.append(_table(f"labels ({LABELS.name})", {**labels, "fields": {"number": 1.0, **labels["fields"], "scope": float("nan")}},
                        header_fields).replace("nan", "n/a"))
    met &= labels["precision"] >= TARGET_PRECISION and labels["recall"] >= TARGET_RECALL
    lines += ["", f"Targets: seeds exact; labels precision >= {TARGET_PRECISION}, recall >= {TARGET_RECALL}. "
              "Field accuracy is over matched citations (number equal).", "",
              "Label errors (first 25):", ""]
    lines += [f"- {e}" for e in labels["errors"][:25]]
    return "\n".join(lines) + "\n", met


if __name__ == "__main__":
    text, ok = run()
    print(text)
    sys.exit(0 if ok else 1)
