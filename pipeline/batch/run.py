"""Run a batch: stream items, skip what is done, process chunks in parallel, write as they finish.

Locally, chunks go to joblib's loky worker processes (each loads the model
once and keeps it). With ``scheduler`` or ``dask_local`` the same
``process_chunk`` runs on a Dask distributed cluster. At most a few chunks per
worker are in flight at any time, so memory stays flat however big the input.
"""
from __future__ import annotations

import collections
import itertools
import os
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Optional

from .read import WorkItem, iter_items
from .work import BatchOptions, process_chunk
from .write import ResultSink


@dataclass
class BatchReport:
    read: int = 0
    skipped_done: int = 0
    skipped_failed: int = 0  # among skipped_done: inputs that failed in an earlier run
    written: int = 0
    failed: int = 0
    failures: collections.Counter = field(default_factory=collections.Counter)
    seconds: float = 0.0

    def as_dict(self) -> dict:
        return {"read": self.read, "skipped_already_done": self.skipped_done,
                "skipped_failed_before": self.skipped_failed, "written": self.written,
                "failed": self.failed, "failures_by_kind": dict(self.failures),
                "seconds": round(self.seconds, 2),
                "articles_per_second": round(self.written / self.seconds, 2) if self.seconds else None}

    def summary(self) -> str:
        kinds = ", ".join(f"{k}: {v}" for k, v in self.failures.most_common()) or "none"
        before = (f" ({self.skipped_failed} of them failed before: --retry-errors to try again)"
                  if self.skipped_failed else "")
        return (f"{self.written} articles written, {self.failed} failed ({kinds}), "
                f"{self.skipped_done} already done{before}, {self.read} read in {self.seconds:.1f} s")


def default_workers() -> int:
    return len(os.sched_getaffinity(0))


def _chunks(items: Iterable[WorkItem], size: int) -> Iterator[list[WorkItem]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def run_batch(inputs: list[str], out_dir: Optional[str], options: BatchOptions = BatchOptions(), *,
              workers: Optional[int] = None, chunk_size: int = 32, scheduler: Optional[str] = None,
              dask_local: Optional[int] = None, retry_errors: bool = False, sink=None,
              on_progress: Optional[Callable[[int], None]] = None,
              on_error: Optional[Callable[[dict], None]] = None) -> BatchReport:
    """Process ``inputs`` into ``out_dir`` (JSONL) or into ``sink`` (e.g. the corpus store)."""
    report = BatchReport()
    started = time.perf_counter()
    distributed = bool(scheduler or dask_local)
    if sink is None:
        sink = ResultSink(out_dir, sharded=distributed, retry_errors=retry_errors)

    def pending() -> Iterator[WorkItem]:
        for item in iter_items(inputs):
            report.read += 1
            if sink.is_done(item.id, item.input_hash):
                report.skipped_done += 1
                report.skipped_failed += sink.failed_before(item.id, item.input_hash)
                if on_progress:
                    on_progress(1)
                continue
            yield item

    def consume(results: list[tuple[str, dict]], shard: Optional[int] = None) -> None:
        sink.write_chunk(results, shard)
        for kind, record in results:
            if kind == "article":
                report.written += 1
            else:
                report.failed += 1
                report.failures[record["error"]] += 1
                if on_error:
                    on_error(record)
        if on_progress:
            on_progress(len(results))

    try:
        chunks = _chunks(pending(), chunk_size)
        if distributed:
            _run_dask(chunks, options, consume, sink, scheduler, dask_local)
        else:
            _run_local(chunks, options, consume, workers or default_workers())
    finally:
        sink.close()
        report.seconds = time.perf_counter() - started
    return report


def _run_local(chunks, options, consume, workers: int) -> None:
    if workers <= 1:
        for chunk in chunks:
            consume(process_chunk(chunk, options))
        return
    from joblib import Parallel, delayed

    parallel = Parallel(n_jobs=workers, backend="loky", return_as="generator",
                        pre_dispatch="2*n_jobs", batch_size=1)
    for results in parallel(delayed(process_chunk)(chunk, options) for chunk in chunks):
        consume(results)


def local_cluster(workers: int):
    """A Dask LocalCluster of ``workers`` single-threaded processes, with no dashboard.

    ``dashboard_address=None`` does not do that (dask/distributed#8136, #7207): the
    scheduler's HTTP server still binds port 8787 on every interface. So the
    dashboard is switched off in the scheduler and its HTTP server (health checks
    only) listens on a free port of the loopback interface.
    """
    from dask.distributed import LocalCluster

    return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                        host="127.0.0.1", dashboard_address="127.0.0.1:0",
                        worker_dashboard_address=None, scheduler_kwargs={"dashboard": False})


# distributed keeps the last messages of every scheduler/worker/client stream for debugging
# (``distributed.admin.low-level-log-length``, 1,000 each), and a compute-task message
# carries its whole chunk: memory then grows with every chunk up to 1,000 of them. A few
# are enough to debug; set while the client and a local cluster are made, which read it.
_DASK_CONFIG = {"distributed.admin.low-level-log-length": 20}


def _run_dask(chunks, options, consume, sink, scheduler, dask_local) -> None:
    import dask

    with dask.config.set(_DASK_CONFIG):
        _run_dask_configured(chunks, options, consume, sink, scheduler, dask_local)


def _run_dask_configured(chunks, options, consume, sink, scheduler, dask_local) -> None:
    from dask.distributed import Client, as_completed

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = local_cluster(dask_local)
        client = Client(cluster)
    try:
        window = 2 * max(1, len(client.scheduler_info().get("workers", {})) or 1)
        shard_of = {}
        running = as_completed()
        for chunk in chunks:
            shard = sink.next_shard
            sink.next_shard += 1
            future = client.submit(process_chunk, chunk, options, pure=False)
            shard_of[future.key] = shard
            running.add(future)
            if running.count() >= window:
                done = next(running)
                consume(done.result(), shard_of.pop(done.key))
        for done in running:
            consume(done.result(), shard_of.pop(done.key))
    finally:
        client.close()
        if cluster:
            cluster.close()
