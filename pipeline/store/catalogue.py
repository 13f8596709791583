"""Reading the citations stage's directive catalogue into the ``directives`` table.

The catalogue is owned by the citations stage (``pipeline/data/citations/catalogue.*``,
TOML ``[[documents]]`` tables, or JSON/JSONL/CSV); the store copies its entries so
that the web UI lists every catalogued document, cited or not.
"""
from __future__ import annotations

import csv
import json
import re
import tomllib
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "citations"


def load_catalogue_entries(path: str | Path | None = None) -> list[dict]:
    """Entries as dicts with ``key`` (the identity key citations get) and the entry's fields."""
    candidates = [Path(path)] if path else sorted(DATA_DIR.glob("catalogue.*"))
    for candidate in candidates:
        entries = _read(candidate)
        if entries is not None:
            return [_with_key(e) for e in entries if e.get("number") or e.get("key")]
    return []


def _read(path: Path) -> list[dict] | None:
    text = path.read_text("utf-8")
    if path.suffix == ".toml":
        data = tomllib.loads(text)
        return list(data.get("documents") or data.get("directives") or [])
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    if path.suffix == ".json":
        data = json.loads(text)
        return list(data.values()) if isinstance(data, dict) else list(data)
    if path.suffix in (".csv", ".tsv"):
        dialect = "excel-tab" if path.suffix == ".tsv" else "excel"
        return [dict(r) for r in csv.DictReader(text.splitlines(), dialect=dialect)]
    return None


def family(number: str) -> str:
    """party (25-NQ/TW), state_legal (04/2015/NĐ-CP) or state_admin (33/CT-TTg)."""
    if re.match(r"^\d+-", number):
        return "party"
    if re.match(r"^\d+/\d{4}/", number):
        return "state_legal"
    return "state_admin"


def identity_key(entry: dict) -> str:
    """The key the citations stage gives a citation of this central document.

    Number without leading zeros, then the Party term (Party documents) or the year
    (administrative documents); legal documents carry their year in the number.
    """
    number = str(entry["number"])
    kind = family(number)
    key = re.sub(r"(?<![\d])0+(?=\d)", "", number, count=1)
    issued = str(entry.get("issued") or "")
    when = entry.get("term") or issued[:4] if kind == "party" else issued[:4]
    if when and kind != "state_legal":
        key += f"|{when}"
    return key


def _with_key(entry: dict) -> dict:
    entry = dict(entry)
    if entry.get("number"):
        entry.setdefault("family", family(str(entry["number"])))
        entry.setdefault("catalogue_id", f"{entry['number']}|{entry.get('term') or str(entry.get('issued') or '')[:4]}")
    entry.setdefault("key", identity_key(entry) if entry.get("number") else None)
    return entry
