"""Where the time of one article goes in batch mode, on one core (issue 8).

    python -m benchmarks.profile_batch [N] [--profile]

Runs ``pipeline.batch.work.process_chunk`` in this process over N articles of
../shared/corpus/vietnews_pool.jsonl (default 300; a fresh, empty segmentation
cache), after a warm-up chunk that loads underthesea and the model, and times the
same texts through underthesea's ``word_tokenize`` alone, paragraph by paragraph
(the floor of bench_batch). CPU time (``time.process_time``) so that a busy machine
does not skew it. ``--stages`` times the stages (ms per article, inclusive: a
stage's line includes the lines indented under it); ``--profile`` prints the
cProfile functions with the most cumulative time.
"""
from __future__ import annotations

import cProfile
import json
import os
import pstats
import sys
import tempfile
import time

from benchmarks.common import shared_corpus

CHUNK = 32


def load_items(n: int, skip: int = 0):
    from pipeline.batch.read import iter_items

    items = []
    for i, item in enumerate(iter_items([str(shared_corpus() / "vietnews_pool.jsonl")])):
        if i < skip:
            continue
        if len(items) >= n:
            break
        items.append(item)
    return items


def run_chunks(items, options):
    from pipeline.batch.work import process_chunk

    out = []
    for i in range(0, len(items), CHUNK):
        out.extend(process_chunk(items[i:i + CHUNK], options))
    return out


def floor_seconds(items) -> float:
    from underthesea import word_tokenize

    start = time.process_time()
    for item in items:
        for para in item.payload["text"].split("\n"):
            if para.strip():
                word_tokenize(para)
    return time.process_time() - start


class StageTimer:
    """Accumulates CPU time of named functions by wrapping them in place."""

    def __init__(self):
        self.seconds: dict[str, float] = {}
        self._undo = []

    def wrap(self, owner, name: str, label: str) -> None:
        original = getattr(owner, name, None)
        if original is None:  # an older or newer layout of the code: time what exists
            return
        seconds = self.seconds
        seconds.setdefault(label, 0.0)

        def timed(*args, **kwargs):
            start = time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                seconds[label] += time.process_time() - start
        setattr(owner, name, timed)
        self._undo.append((owner, name, original))

    def undo(self) -> None:
        for owner, name, original in reversed(self._undo):
            setattr(owner, name, original)
        self._undo.clear()


def stage_timer() -> StageTimer:
    import underthesea
    from sklearn.pipeline import FeatureUnion

    import pipeline.citations
    import pipeline.segment.segment as segment
    import pipeline.themes.model as model
    import pipeline.batch.work as work
    from pipeline.models import Article
    from pipeline.segment.cache import SegmentCache
    from pipeline.themes.tag import ThemeTagger

    timer = StageTimer()
    for owner, name, label in (
            (work, "_locate", "geo find_province"),
            (ThemeTagger, "tag_many", "themes (segment + tag)"),
            (segment, "_segment_blocks", "  segment"),
            (segment, "word_tokenize", "    word_tokenize (danvan's decoder)"),
            (underthesea, "sent_tokenize", "    sent_tokenize"),
            (segment, "normalize_text", "    normalize_text"),
            (SegmentCache, "get_many", "    cache read"),
            (SegmentCache, "put_many", "    cache write"),
            (model.ThemeModel, "scores", "  stage 1 scores"),
            (model, "transform_articles_and_sentences", "    hashed TF-IDF features"),
            (FeatureUnion, "transform", "    hashed TF-IDF features (plain)"),
            (model, "lexicon_flags", "    lexicon flags"),
            (model.ThemeModel, "cumulative", "  stage 2"),
            (pipeline.citations, "cite_article", "citations"),
            (Article, "to_dict", "Article.to_dict")):
        timer.wrap(owner, name, label)
    return timer


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    profile, stages = "--profile" in argv, "--stages" in argv
    argv = [a for a in argv if a not in ("--profile", "--stages")]
    n = int(argv[0]) if argv else 300
    os.environ["DANVAN_CACHE"] = tempfile.mkdtemp(prefix="danvan-profile-")
    from pipeline.batch.work import BatchOptions

    options = BatchOptions()
    run_chunks(load_items(CHUNK, skip=20_000), options)  # warm-up: imports, model, caches
    items = load_items(n)
    floor = floor_seconds(items)
    profiler = cProfile.Profile() if profile else None
    timer = stage_timer() if stages else None
    start = time.process_time()
    if profiler:
        profiler.enable()
    results = run_chunks(items, options)
    encode_start = time.process_time()
    encoded = "".join(json.dumps(r, ensure_ascii=False) + "\n" for _, r in results)
    encode = time.process_time() - encode_start
    if profiler:
        profiler.disable()
    total = time.process_time() - start
    if timer:
        timer.undo()
    failed = sum(kind != "article" for kind, _ in results)
    print(f"{n} articles ({failed} failed, {len(encoded) >> 10} KiB of JSON)")
    print(f"floor word_tokenize per paragraph: {1000 * floor / n:.1f} ms/article")
    print(f"process_chunk + JSON:              {1000 * total / n:.1f} ms/article"
          f"{' (under cProfile)' if profiler else ''}")
    print(f"ratio floor / end-to-end:          {floor / total:.2f}")
    if timer:
        for label, seconds in timer.seconds.items():
            print(f"  {label:<34} {1000 * seconds / n:6.1f} ms/article")
        print(f"  {'JSON encoding':<34} {1000 * encode / n:6.1f} ms/article")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
