"""Reading the citations stage's directive catalogue, whatever its file format.

The catalogue is owned by the citations stage (``pipeline/data/citations/catalogue.*``);
the store only copies its entries into the ``directives`` table.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "citations"


def load_catalogue_entries(path: str | Path | None = None) -> list[dict]:
    """Entries as dicts (key, number, kind, issuer, issued, term, title ...); [] if none."""
    try:  # prefer the citations stage's own loader when it has one
        from ..citations import catalogue as citations_catalogue  # type: ignore
        loader = getattr(citations_catalogue, "load_catalogue", None)
    except ImportError:
        loader = None
    if loader is not None and path is None:
        entries = loader()
        return [_as_dict(e) for e in (entries.values() if isinstance(entries, dict) else entries)]
    candidates = [Path(path)] if path else sorted(DATA_DIR.glob("catalogue.*"))
    for candidate in candidates:
        if candidate.suffix == ".jsonl":
            return [json.loads(line) for line in candidate.read_text("utf-8").splitlines()
                    if line.strip()]
        if candidate.suffix == ".json":
            data = json.loads(candidate.read_text("utf-8"))
            return list(data.values()) if isinstance(data, dict) else list(data)
        if candidate.suffix in (".csv", ".tsv"):
            with candidate.open(encoding="utf-8", newline="") as handle:
                dialect = "excel-tab" if candidate.suffix == ".tsv" else "excel"
                return [dict(r) for r in csv.DictReader(handle, dialect=dialect)]
    return []


def _as_dict(entry) -> dict:
    if isinstance(entry, dict):
        return entry
    if hasattr(entry, "__dataclass_fields__"):
        from dataclasses import asdict
        return asdict(entry)
    return dict(vars(entry))
