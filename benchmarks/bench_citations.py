"""``make bench``: citation extraction speed over the whole of ../shared/corpus.

Compares ``find_citations`` (numbers, fields, catalogue, short forms, named
references) with a naive baseline: one regular expression for the three number
shapes and nothing else. Texts are read into memory first; only extraction is timed.
"""
from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipeline.citations import find_citations  # noqa: E402

TARGET_MB_S = 5.0
NAIVE = re.compile(r"\b\d{1,5}\s*(?:/\s*\d{4}\s*)?[-/]\s*[A-ZĐ][A-Za-zĐ]{0,8}\s*[-/]\s*[A-ZĐ][A-Za-zĐ0-9]{0,12}")


def corpus_texts() -> list[tuple[str, list[str]]]:
    for candidate in (ROOT / ".." / "shared" / "corpus", ROOT.parent.parent / "shared" / "corpus",
                      Path("/work/shared/corpus")):
        if candidate.is_dir():
            break
    else:
        return []
    out = []
    for path in sorted(candidate.glob("*.jsonl")):
        with open(path, encoding="utf-8") as handle:  # not splitlines(): texts hold U+2028
            texts = [json.loads(line)["text"] for line in handle if line.strip()]
        out.append((path.name, texts))
    return out


def _time(fn, texts) -> tuple[float, int]:
    start = time.perf_counter()
    found = sum(len(fn(t)) for t in texts)
    return time.perf_counter() - start, found


def run() -> str:
    files = corpus_texts()
    if not files:
        return "## Directive citations\n\n../shared/corpus not found: skipped.\n"
    find_citations("Chỉ thị số 33/CT-TTg")  # load the tables outside the timing
    rows = ["| file | MB | find_citations s | MB/s | citations | naive regex s | naive MB/s | naive matches |",
            "|---|---|---|---|---|---|---|---|"]
    total_mb = total_s = naive_s = 0.0
    total_found = naive_found = 0
    for name, texts in files:
        mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        seconds, found = _time(find_citations, texts)
        n_seconds, n_found = _time(NAIVE.findall, texts)
        rows.append(f"| {name} | {mb:.1f} | {seconds:.1f} | {mb / seconds:.1f} | {found} | {n_seconds:.1f} | "
                    f"{mb / n_seconds:.1f} | {n_found} |")
        total_mb, total_s, naive_s = total_mb + mb, total_s + seconds, naive_s + n_seconds
        total_found, naive_found = total_found + found, naive_found + n_found
    rows.append(f"| **all** | {total_mb:.1f} | {total_s:.1f} | **{total_mb / total_s:.1f}** | {total_found} | "
                f"{naive_s:.1f} | {total_mb / naive_s:.1f} | {naive_found} |")
    verdict = "met" if total_mb / total_s >= TARGET_MB_S else "NOT met"
    return ("## Directive citations\n\n" + "\n".join(rows) +
            f"\n\nTarget >= {TARGET_MB_S} MB/s on one core: {verdict}. The naive baseline only matches number "
            "shapes (no fields, no validation, no short forms or named references).\n")


if __name__ == "__main__":
    print(run())
