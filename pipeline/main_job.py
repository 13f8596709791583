"""``make run``: the main job on the bundled sample.

Clean the scraped seed articles of ``corpus/sample/seeds`` and extract the fixture
pages of ``tests/fixtures/sites`` when present (summary tables), then run the whole
pipeline (clean/extract -> themes -> citations -> store) on the bundled sample
(the seeds and ``corpus/sample/articles.jsonl``), build ``corpus.db``, print its
summary and the command that opens the web UI. It only calls the stages' public functions.
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
    stored = build_corpus()
    return 0 if cleaned and stored else 1


def build_corpus(db_path: Path = REPO / "corpus.db") -> int:
    """The whole pipeline on the bundled sample into a fresh ``corpus.db``."""
    import os
    import time

    from .store import open_db
    from .batch import BatchOptions
    from .store.process import run
    from .store.summary import corpus_summary

    # The seeds' scraped texts (not their gold file) and the sample articles.
    inputs = sorted(SAMPLE.glob("*.txt")) + [SAMPLE.parent / "articles.jsonl"]
    options = BatchOptions()
    print(f"\nProcessing {SAMPLE.relative_to(REPO)}/*.txt, "
          f"{inputs[-1].relative_to(REPO)} -> "
          f"{db_path.name} (stages: extract, {', '.join(options.stages)}, store; all cores)")
    building = db_path.with_name(db_path.name + ".building")
    for stale in (building, Path(f"{building}-wal"), Path(f"{building}-shm")):
        stale.unlink(missing_ok=True)
    started = time.perf_counter()
    report = run(inputs, building, options)
    stored = report.written
    os.replace(building, db_path)  # readers never see a half-built corpus
    print(f"stored {stored} articles in {time.perf_counter() - started:.1f} s"
          + (f" ({report.failed} inputs skipped)" if report.failed else "") + "\n")
    db = open_db(db_path)
    try:
        print(corpus_summary(db))
    finally:
        db.close()
    rel = db_path.relative_to(REPO) if db_path.is_relative_to(REPO) else db_path
    print(f"\nOpen the web UI:  .venv/bin/danvan serve {rel}   (then http://127.0.0.1:8001/)")
    print(f"Query it:         .venv/bin/danvan query {rel} --theme religion --search \"ton giao\"")
    return stored


if __name__ == "__main__":
    sys.exit(main())
