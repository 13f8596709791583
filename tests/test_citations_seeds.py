"""The seed gold (../shared/seeds) and the directive catalogue."""
import datetime as dt
import json
from pathlib import Path

import pytest

from pipeline.citations import find_citations
from pipeline.citations.data import tables
from pipeline.models import Article

SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds"
if not SEEDS.is_dir():
    SEEDS = Path("/work/shared/seeds")


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the repository")
def test_seed_citations_are_found_with_every_field_and_nothing_else():
    with open(SEEDS / "gold_citations.jsonl", encoding="utf-8") as handle:
        gold = [json.loads(line) for line in handle if line.strip()]
    fields = ("number", "kind", "issued", "issuer", "term", "scope")
    found = []
    with open(SEEDS / "gold_clean.jsonl", encoding="utf-8") as handle:
        for line in handle:
            article = Article.from_dict(json.loads(line))
            for cite in find_citations(article.text, province=article.province, published=article.published):
                assert article.text[cite.start:cite.end] == cite.surface
                if cite.form != "named":
                    found.append({"doc": article.id, **{f: getattr(cite, f) for f in fields}})
    assert found == gold


def test_catalogue_has_forty_documents_with_valid_fields():
    entries = [e for group in tables().catalogue.values() for e in group]
    assert len(entries) >= 40
    for entry in entries:
        dt.date.fromisoformat(entry.issued)
        assert entry.kind and entry.issuer and entry.title and entry.confidence in ("high", "medium")
        if entry.number.endswith("/TW"):
            assert entry.term, entry.number
    ids = [e.id for e in entries]
    assert len(ids) == len(set(ids)), "two catalogue entries with one identity"


def test_catalogue_fills_title_and_date_the_article_omits():
    cite = find_citations("Chỉ thị số 05-CT/TW của Bộ Chính trị")[0]
    assert cite.issued is None and cite.catalogue_issued == "2016-05-15"
    assert cite.title.startswith("Về đẩy mạnh học tập") and cite.key == "5-CT/TW|XII"
