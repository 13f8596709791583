"""Check that a change to the batch path leaves its results as they were (issue 8).

    python -m benchmarks.check_batch_same save REFERENCE.jsonl   # with the code before
    python -m benchmarks.check_batch_same compare REFERENCE.jsonl  # with the code after

Runs ``pipeline.batch.work.process_chunk`` in chunks of 32 over a fixed sample of
../shared/corpus (300 vietnews articles, 100 dantri articles, 100 party/legal
documents: the last are dense with citations), with an empty segmentation cache,
and saves or compares the records. Compared: theme levels identical and scores
within 1e-6, evidence, citations, province and every other field identical.
Exit code 1 on any difference.
"""
from __future__ import annotations

import json
import math
import os
import sys
import tempfile

from benchmarks.common import shared_corpus

SAMPLE = (("vietnews_pool.jsonl", 300), ("dantri_unc.jsonl", 100), ("party_legal_2025.jsonl", 100))
CHUNK = 32
TOLERANCE = 1e-6


def sample_items():
    from pipeline.batch.read import iter_items

    items = []
    for name, n in SAMPLE:
        for i, item in enumerate(iter_items([str(shared_corpus() / name)])):
            if i >= n:
                break
            items.append(item)
    return items


def run_sample() -> list[list]:
    os.environ["DANVAN_CACHE"] = tempfile.mkdtemp(prefix="danvan-check-")
    from pipeline.batch.work import BatchOptions, process_chunk

    items = sample_items()
    out = []
    for i in range(0, len(items), CHUNK):
        out.extend([kind, record] for kind, record in process_chunk(items[i:i + CHUNK], BatchOptions()))
    return out


def _differences(path: str, old, new) -> list[str]:
    if isinstance(old, float) and isinstance(new, (int, float)):
        return [] if math.isclose(old, new, rel_tol=0, abs_tol=TOLERANCE) else [f"{path}: {old} != {new}"]
    if isinstance(old, dict) and isinstance(new, dict):
        out = [f"{path}.{k}: only in one" for k in set(old) ^ set(new)]
        for key in old.keys() & new.keys():
            out += _differences(f"{path}.{key}", old[key], new[key])
        return out
    if isinstance(old, list) and isinstance(new, list):
        if len(old) != len(new):
            return [f"{path}: {len(old)} items != {len(new)}"]
        return [d for i, (a, b) in enumerate(zip(old, new)) for d in _differences(f"{path}[{i}]", a, b)]
    return [] if old == new else [f"{path}: {old!r:.80} != {new!r:.80}"]


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if len(argv) != 2 or argv[0] not in ("save", "compare"):
        print(__doc__.strip().splitlines()[2:4], file=sys.stderr)
        return 2
    action, path = argv
    records = run_sample()
    if action == "save":
        with open(path, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        print(f"saved {len(records)} records to {path}")
        return 0
    with open(path, encoding="utf-8") as fh:
        reference = [json.loads(line) for line in fh]
    # Round-trip through JSON so that both sides have the same types.
    records = json.loads(json.dumps(records, ensure_ascii=False))
    differences = _differences("", reference, records)
    for line in differences[:40]:
        print(line)
    print(f"{len(records)} records, {len(differences)} differences")
    return 1 if differences else 0


if __name__ == "__main__":
    raise SystemExit(main())
