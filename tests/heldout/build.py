"""Build the held-out set: ``python tests/heldout/build.py`` writes text/ and html/ with gold.jsonl.

The pages are hand-written in text_samples.py and html_samples.py; the article text comes from
../shared/corpus, so the files are regenerated the same way each time.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _corpus import build_sample, render_body  # noqa: E402


def _body(spec: dict, paragraphs: list[str]) -> str:
    paras = list(paragraphs)
    if spec.get("lead_prefix"):
        paras[0] = spec["lead_prefix"] + paras[0]
    inserts = {}
    for k, v in (spec.get("inserts") or {}).items():
        inserts[k] = paragraphs[k] if v == "DUP" else v
    return render_body(paras, spec.get("sep", "\n"), inserts)


def build_text() -> int:
    from text_samples import SAMPLES

    out = HERE / "text"
    out.mkdir(exist_ok=True)
    golds = []
    for spec in SAMPLES:
        gold, paragraphs = build_sample(spec)
        if spec.get("province_ambiguous"):
            gold["province_ambiguous"] = True
        page = spec["page"].replace("{TITLE}", spec["title"]).replace("{BODY}", _body(spec, paragraphs))
        (out / f"{spec['id']}.txt").write_text(page, encoding="utf-8")
        golds.append(gold)
    with open(out / "gold.jsonl", "w", encoding="utf-8") as fh:
        for g in golds:
            fh.write(json.dumps(g, ensure_ascii=False) + "\n")
    return len(golds)


def build_html() -> int:
    try:
        from html_samples import SAMPLES, render_page
    except ImportError:
        return 0
    out = HERE / "html"
    out.mkdir(exist_ok=True)
    golds = []
    for spec in SAMPLES:
        gold, paragraphs = build_sample(spec)
        for key in ("url", "charset", "province_ambiguous"):
            if spec.get(key):
                gold[key] = spec[key]
        data = render_page(spec, paragraphs)
        (out / f"{spec['id']}.html").write_bytes(data)
        golds.append(gold)
    with open(out / "gold.jsonl", "w", encoding="utf-8") as fh:
        for g in golds:
            fh.write(json.dumps(g, ensure_ascii=False) + "\n")
    return len(golds)


if __name__ == "__main__":
    print("text samples:", build_text())
    print("html pages:", build_html())
