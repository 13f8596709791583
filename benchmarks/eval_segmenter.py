"""``make eval`` section: danvan's segmentation decoder against underthesea's word_tokenize.

Every sentence of N articles of ../shared/corpus (default 2,000 over both files the
batch benchmark reads; EVAL_SEGMENTER_N to change) is segmented both ways; the target
is no difference at all. Also reports the near ties sent back to underthesea and the
CPU time of each path on one core.
"""
from __future__ import annotations

import json
import os
import time

from benchmarks.common import shared_corpus

N = int(os.environ.get("EVAL_SEGMENTER_N", "2000"))


def _sentences(n: int) -> tuple[int, list[str]]:
    from underthesea import sent_tokenize

    half = (n + 1) // 2
    articles, sentences = 0, []
    for name in ("vietnews_pool.jsonl", "dantri_unc.jsonl"):
        with open(shared_corpus() / name, encoding="utf-8") as fh:
            for line, _ in zip(fh, range(half)):
                record = json.loads(line)
                articles += 1
                for para in [record.get("title") or ""] + (record.get("text") or "").split("\n"):
                    if para.strip():
                        sentences.extend(sent_tokenize(para))
    return articles, sentences


def run() -> tuple[str, bool]:
    from underthesea import word_tokenize as reference

    from pipeline.segment import words

    words.reset()
    segmenter = words.active_segmenter()
    articles, sentences = _sentences(N)
    start = time.process_time()
    expected = [reference(s) for s in sentences]
    reference_seconds = time.process_time() - start
    start = time.process_time()
    got = [words.word_tokenize(s) for s in sentences]
    fast_seconds = time.process_time() - start
    differences = [s for s, a, b in zip(sentences, expected, got) if a != b]
    near_ties = words._decoder.near_ties if words._decoder else 0
    tokens = sum(len(w) for w in expected)
    rows = [
        ("articles / sentences / words", f"{articles:,} / {len(sentences):,} / {tokens:,}"),
        ("path in use", segmenter),
        ("sentences segmented differently (target 0)", f"{len(differences)}"),
        ("near ties sent to word_tokenize", f"{near_ties}"),
        ("underthesea word_tokenize, one core", f"{reference_seconds:.1f} s"),
        ("danvan decoder, one core (caches filling)", f"{fast_seconds:.1f} s "
                                                       f"(x{reference_seconds / fast_seconds:.2f})"),
    ]
    table = "\n".join(f"| {k} | {v} |" for k, v in rows)
    examples = "".join(f"\n- {s[:120]}" for s in differences[:5])
    met = not differences and segmenter == "danvan-crf"
    return (f"## Segmentation decoder (issue 8)\n\n| measure | value |\n|---|---|\n{table}\n"
            + (f"\nDifferent:{examples}\n" if differences else "")), met
