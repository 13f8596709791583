"""Table-driven tests: tests/data/citation_cases.jsonl holds (text, expected) cases
for every form of the guideline and the false-positive traps."""
import json
from pathlib import Path

import pytest

from pipeline.citations import find_citations

CASES = [json.loads(line) for line in
         (Path(__file__).parent / "data" / "citation_cases.jsonl").read_text(encoding="utf-8").splitlines()
         if line.strip()]


def _label(case: dict) -> str:
    return (case.get("note") or case["text"])[:60]


def test_the_table_is_large_enough():
    assert len(CASES) >= 150
    assert sum(1 for c in CASES if not c["expected"]) >= 40  # traps and other negatives


@pytest.mark.parametrize("case", CASES, ids=[_label(c) for c in CASES])
def test_case(case):
    cites = find_citations(case["text"], province=case.get("province"), published=case.get("published"))
    if not case.get("named"):
        cites = [c for c in cites if c.form != "named"]
    expected = case["expected"]
    assert [c.number for c in cites] == [e.get("number") for e in expected], [c.surface for c in cites]
    for cite, want in zip(cites, expected):
        for field, value in want.items():
            assert getattr(cite, field) == value, f"{field} of {cite.surface!r}"
        assert case["text"][cite.start:cite.end] == cite.surface
