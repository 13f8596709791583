"""Helpers for building the held-out set from real texts of ../shared/corpus.

A sample is a real article (a corpus record, split into its lines) wrapped in
hand-written boilerplate of a CMS family the seeds do not cover. The gold is the
real text that was wrapped (in page order) plus the metadata put on the page.
"""
from __future__ import annotations

import json
import unicodedata
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]


def shared_dir() -> Path:
    for candidate in (REPO / ".." / "shared", Path("/work/shared")):
        if (candidate / "corpus").is_dir():
            return candidate.resolve()
    raise FileNotFoundError("../shared/corpus not found beside the repository")


@lru_cache(maxsize=None)
def _index() -> dict:
    records = {}
    corpus = shared_dir() / "corpus"
    for name in ("vietnews_pool.jsonl", "dantri_unc.jsonl"):
        with open(corpus / name, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                records[rec["id"]] = rec
    return records


def lines_of(source_id: str) -> list[str]:
    """The record's lines; for Dân trí records the 'title' field is the lead paragraph."""
    rec = _index()[source_id]
    lines = [l.strip() for l in rec["text"].split("\n") if l.strip()]
    if source_id.startswith("unc/"):
        lines = [rec["title"].strip()] + lines
    return [unicodedata.normalize("NFC", l) for l in lines]


def parse_order(spec: str) -> list[int]:
    """'0-3,9,4-8' -> [0, 1, 2, 3, 9, 4, 5, 6, 7, 8]."""
    out: list[int] = []
    for part in spec.split(","):
        part = part.strip()
        if "-" in part:
            a, b = part.split("-")
            out.extend(range(int(a), int(b) + 1))
        elif part:
            out.append(int(part))
    return out


def render_body(paragraphs: list[str], sep: str, inserts: dict[int, str] | None = None) -> str:
    """Join paragraphs, putting boilerplate from ``inserts`` after paragraph i (0-based)."""
    inserts = inserts or {}
    chunks = []
    for i, p in enumerate(paragraphs):
        if -1 in inserts and i == 0:
            chunks.append(inserts[-1])
        chunks.append(p)
        if i in inserts:
            chunks.append(inserts[i])
    return sep.join(chunks)


def build_sample(spec: dict) -> tuple[dict, list[str]]:
    """Gold record and paragraph list of one sample spec."""
    lines = lines_of(spec["source"])
    order = parse_order(spec["order"])
    paragraphs = [lines[i] for i in order]
    if spec.get("first_paragraph"):  # a lead prefix the page glues on: gold keeps the real text
        pass
    captions = [lines[i] for i in parse_order(spec.get("captions", ""))]
    for c in captions:
        assert c in paragraphs, (spec["id"], c)
    gold = {
        "id": spec["id"],
        "family": spec["family"],
        "source": spec["source"],
        "title": spec["title"],
        "published": spec["published"],
        "author": spec["author"],
        "province": spec["province"],
        "paragraphs": paragraphs,
        "captions": captions,
    }
    if spec.get("note"):
        gold["note"] = spec["note"]
    return gold, paragraphs
