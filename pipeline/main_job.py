"""``make run``: the main job on the bundled sample.

For now: clean the scraped seed articles of ``corpus/sample/seeds`` and extract the
fixture pages of ``tests/fixtures/sites`` when present, and print a summary table.
Later stages (themes, citations, store) extend this orchestrator; it only calls the
stages' public functions.
"""
from __future__ import annotations

import sys
from pathlib import Path

from .errors import DanvanError
from .extract import clean_text, extract_html

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "corpus" / "sample" / "seeds"
PAGES = REPO / "tests" / "fixtures" / "sites"


def clean_sample(folder: Path = SAMPLE) -> list:
    articles = []
    for path in sorted(folder.glob("*.txt")):
        try:
            articles.append(clean_text(path.read_text("utf-8"), source=str(path.relative_to(REPO))))
        except DanvanError as exc:
            print(f"skipped {path.name}: {exc}", file=sys.stderr)
    return articles


def extract_pages(folder: Path = PAGES) -> list:
    articles = []
    for path in sorted(folder.glob("*.html")):
        try:
            articles.append(extract_html(path.read_bytes(), id=path.stem))
        except DanvanError as exc:
            print(f"skipped {path.name}: {exc}", file=sys.stderr)
    return articles


def summary_table(articles) -> str:
    def cut(text, width):
        text = text or "-"
        return text if len(text) <= width else text[:width - 1] + "…"

    rows = [("id", "title", "published", "author", "province", "paras", "via")]
    for a in articles:
        via = a.provenance.get("profile") or a.provenance.get("extractor", "")
        if via == "extract_html":
            via = "generic"
        rows.append((cut(a.id, 22), cut(a.title, 48), a.published or "-", cut(a.author, 18),
                     a.province or "-", str(len(a.paragraphs)), via))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main() -> int:
    cleaned = clean_sample()
    print(f"Cleaned {len(cleaned)} scraped articles from {SAMPLE.relative_to(REPO)}:\n")
    print(summary_table(cleaned))
    if PAGES.is_dir():
        pages = extract_pages()
        print(f"\nExtracted {len(pages)} HTML pages from {PAGES.relative_to(REPO)}:\n")
        print(summary_table(pages))
    return 0 if cleaned else 1


if __name__ == "__main__":
    sys.exit(main())
