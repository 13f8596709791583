"""Batch throughput against the segmentation floor, scaling, memory, and Dask (issue 8).

On N articles of ../shared/corpus (default 20,000; BENCH_BATCH_N to change):
- the floor: underthesea word_tokenize alone on the same paragraphs, on all cores;
- the same with danvan's decoder of underthesea's model (pipeline.segment.words), which
  the pipeline uses: same words, faster, so end to end can beat the issue's floor;
- end-to-end ``run_batch`` (clean -> themes -> citations -> JSONL), segmentation cache empty;
- ratio end-to-end / floor (aim >= 0.80);
- 1 vs 2 workers on a subset;
- peak RSS of the whole process tree when 10,000 and 20,000 articles are done (aim: flat, < 1.5 GB);
- the same N through a 2-worker Dask LocalCluster.
"""
from __future__ import annotations

import json
import os
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.common import shared_corpus

N = int(os.environ.get("BENCH_BATCH_N", "20000"))
SUBSET = int(os.environ.get("BENCH_BATCH_SUBSET", "2000"))
DASK_N = int(os.environ.get("BENCH_BATCH_DASK_N", str(N)))


def _write_input(path: Path, n: int) -> int:
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        for name in ("vietnews_pool.jsonl", "dantri_unc.jsonl"):
            with open(shared_corpus() / name, encoding="utf-8") as fh:
                for line in fh:
                    if count >= n:
                        return count
                    out.write(line)
                    count += 1
    return count


class RssSampler(threading.Thread):
    """Samples the RSS of this process and all its children; records peaks at marks."""

    def __init__(self):
        super().__init__(daemon=True)
        import psutil

        self.proc = psutil.Process()
        self.peak = 0
        self.stop = threading.Event()

    def total(self) -> int:
        rss = 0
        for p in [self.proc] + self.proc.children(recursive=True):
            try:
                rss += p.memory_info().rss
            except Exception:
                pass
        return rss

    def run(self):
        while not self.stop.is_set():
            self.peak = max(self.peak, self.total())
            time.sleep(0.25)


def _floor(input_path: Path, workers: int, decoder: bool = False) -> tuple[float, int]:
    """Articles/s of word_tokenize alone over every paragraph, on ``workers`` processes:
    underthesea's (the issue's floor), or with ``decoder`` danvan's equivalent one."""
    from joblib import Parallel, delayed

    def chunks():
        batch = []
        with open(input_path, encoding="utf-8") as fh:
            for line in fh:
                batch.append(json.loads(line)["text"])
                if len(batch) == 64:
                    yield batch
                    batch = []
        if batch:
            yield batch

    start = time.perf_counter()
    results = Parallel(n_jobs=workers, backend="loky", return_as="generator", pre_dispatch="2*n_jobs")(
        delayed(_tokenize_chunk)(chunk, decoder) for chunk in chunks())
    articles = tokens = 0
    for n_articles, n_tokens in results:
        articles += n_articles
        tokens += n_tokens
    return articles / (time.perf_counter() - start), tokens


def _tokenize_chunk(texts: list[str], decoder: bool = False) -> tuple[int, int]:
    if decoder:
        from pipeline.segment.words import word_tokenize
    else:
        from underthesea import word_tokenize

    tokens = 0
    for text in texts:
        for para in text.split("\n"):
            if para.strip():
                tokens += len(word_tokenize(para))
    return len(texts), tokens


def _e2e(input_path: Path, out: Path, workers=None, dask_local=None, marks=()):
    from pipeline.batch import BatchOptions, run_batch

    from joblib.externals.loky import get_reusable_executor

    # Uncached run: a fresh segmentation cache, and fresh workers that see it.
    get_reusable_executor().shutdown(wait=True)
    os.environ["DANVAN_CACHE"] = tempfile.mkdtemp(prefix="danvan-cache-")
    sampler = RssSampler()
    sampler.start()
    peaks = {}
    done = [0]

    def on_progress(n):
        done[0] += n
        for mark in marks:
            if mark not in peaks and done[0] >= mark:
                peaks[mark] = sampler.peak

    try:
        report = run_batch([str(input_path)], str(out), BatchOptions(), workers=workers,
                           dask_local=dask_local, chunk_size=32, on_progress=on_progress)
    finally:
        sampler.stop.set()
        sampler.join()
    return report, peaks, sampler.peak


def run() -> str:
    workers = len(os.sched_getaffinity(0))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        n = _write_input(tmp / "in.jsonl", N)
        _write_input(tmp / "subset.jsonl", SUBSET)
        dask_n = _write_input(tmp / "dask.jsonl", DASK_N)
        floor_rate, tokens = _floor(tmp / "in.jsonl", workers)
        decoder_rate, _ = _floor(tmp / "in.jsonl", workers, decoder=True)
        report, peaks, peak_all = _e2e(tmp / "in.jsonl", tmp / "e2e", workers=workers,
                                       marks=(10_000, 20_000))
        e2e_rate = report.written / report.seconds
        one, _, _ = _e2e(tmp / "subset.jsonl", tmp / "one", workers=1)
        two, _, _ = _e2e(tmp / "subset.jsonl", tmp / "two", workers=2)
        dask_report, _, dask_peak = _e2e(tmp / "dask.jsonl", tmp / "dask", dask_local=2)
    mb = 1 / (1 << 20)
    rows = [
        ("articles", f"{n:,} ({tokens:,} tokens)"),
        (f"floor: word_tokenize alone, {workers} workers", f"{floor_rate:.1f} articles/s"),
        (f"end-to-end (clean, themes, citations, write), {workers} workers, cache empty",
         f"{e2e_rate:.1f} articles/s ({report.failed} failed)"),
        ("ratio end-to-end / floor (aim >= 0.80)", f"{e2e_rate / floor_rate:.2f}"),
        (f"danvan's segmentation decoder alone (same words as word_tokenize), {workers} workers",
         f"{decoder_rate:.1f} articles/s"),
        ("ratio end-to-end / danvan's decoder alone", f"{e2e_rate / decoder_rate:.2f}"),
        (f"1 worker, {SUBSET:,} articles", f"{one.written / one.seconds:.1f} articles/s"),
        (f"2 workers, {SUBSET:,} articles", f"{two.written / two.seconds:.1f} articles/s "
                                            f"(x{(two.written / two.seconds) / (one.written / one.seconds):.2f})"),
        ("peak RSS at 10,000 articles", f"{peaks.get(10_000, 0) * mb:.0f} MB"),
        ("peak RSS at 20,000 articles", f"{peaks.get(20_000, peak_all) * mb:.0f} MB"),
        (f"Dask LocalCluster, 2 workers, {dask_n:,} articles",
         f"{dask_report.written / dask_report.seconds:.1f} articles/s, "
                                         f"peak RSS {dask_peak * mb:.0f} MB"),
    ]
    table = "\n".join(f"| {k} | {v} |" for k, v in rows)
    return f"## Batch (issue 8)\n\n| measure | value |\n|---|---|\n{table}\n"
