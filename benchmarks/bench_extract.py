"""``make bench``: extraction quality and speed on the fixture pages, danvan vs trafilatura alone.

For every page of tests/fixtures/sites (four CMS families with profiles, three CMSs without):
token F1 of the paragraphs against the page's gold, whether title / date / author are exact,
and pages per second, for danvan (profile or generic path as it chooses), danvan forced onto
its generic path, and trafilatura alone (``trafilatura.extract`` with its metadata).
"""
from __future__ import annotations

import json
import time
import warnings
from pathlib import Path

from pipeline.extract import clean_text, extract_html
from pipeline.extract.dates import parse_date
from pipeline.extract.score import token_f1

REPO = Path(__file__).resolve().parents[1]
SITES = REPO / "tests" / "fixtures" / "sites"
SEEDS = REPO / "corpus" / "sample" / "seeds"
ROUNDS = 5


def _pages():
    for gold_path in sorted(SITES.glob("*.gold.json")):
        name = gold_path.name[:-len(".gold.json")]
        yield name, (SITES / f"{name}.html").read_bytes(), json.loads(gold_path.read_text("utf-8"))


def _danvan(page, gold, profile=None):
    a = extract_html(page, url=gold["url"], profile=profile)
    return a.paragraphs, a.title, a.published, a.author


def _trafilatura(page, gold):
    import trafilatura
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = trafilatura.bare_extraction(page, url=gold["url"], with_metadata=True, include_comments=False,
                                          include_tables=True)
    if doc is None:
        return [], None, None, None
    paragraphs = [p for p in (doc.text or "").split("\n") if p.strip()]
    date = parse_date(doc.date) if doc.date else None
    return paragraphs, doc.title, date.iso if date else None, doc.author


def _measure(system, pages):
    rows, start = [], time.perf_counter()
    for _ in range(ROUNDS):
        rows = [(name, system(page, gold), gold) for name, page, gold in pages]
    elapsed = time.perf_counter() - start
    return rows, ROUNDS * len(pages) / elapsed


def run() -> str:
    pages = list(_pages())
    systems = {"danvan": _danvan, "danvan generic path": lambda p, g: _danvan(p, g, "generic"),
               "trafilatura alone": _trafilatura}
    results = {label: _measure(fn, pages) for label, fn in systems.items()}
    out = ["## Extraction: fixture pages, danvan vs trafilatura", "",
           f"{len(pages)} pages (tests/fixtures/sites), {ROUNDS} rounds each, one core. "
           "F1/P/R: token overlap of the paragraphs with the gold; T/D/A: title, date (to the minute "
           "where the page prints one), author exactly right.", "",
           "| page | " + " | ".join(f"{label} F1 (P/R) T D A" for label in systems) + " |",
           "|---|" + "---|" * len(systems)]
    summary = {label: [0.0, 0, 0, 0] for label in systems}
    for i, (name, _, gold) in enumerate(pages):
        cells = []
        for label in systems:
            _, (paragraphs, title, published, author), _ = results[label][0][i]
            f1, p, r = token_f1(paragraphs, gold["paragraphs"])
            t, d, a = title == gold["title"], published == gold["published"], author == gold["author"]
            s = summary[label]
            s[0] += f1
            s[1] += t
            s[2] += d
            s[3] += a
            cells.append(f"{f1:.3f} ({p:.2f}/{r:.2f}) {'✓' if t else '✗'} {'✓' if d else '✗'} {'✓' if a else '✗'}")
        out.append(f"| {name} | " + " | ".join(cells) + " |")
    out += ["", "| system | mean F1 | titles | dates | authors | pages/s |", "|---|---|---|---|---|---|"]
    n = len(pages)
    for label in systems:
        s = summary[label]
        out.append(f"| {label} | {s[0] / n:.3f} | {s[1]}/{n} | {s[2]}/{n} | {s[3]}/{n} | {results[label][1]:.1f} |")
    texts = [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    start = time.perf_counter()
    for _ in range(ROUNDS):
        for text in texts:
            clean_text(text)
    speed = ROUNDS * len(texts) / (time.perf_counter() - start)
    out += ["", f"`clean_text` on the {len(texts)} bundled scraped seeds: {speed:.1f} texts/s."]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(run())
