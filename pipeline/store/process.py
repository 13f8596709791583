"""``danvan process``: clean/extract -> themes -> citations -> store, on all cores.

The batch engine (``pipeline.batch``) reads the inputs as a stream and runs the
per-article stages in worker processes (or on Dask); ``StoreSink`` writes each
finished chunk into the corpus in one transaction. A rerun skips what is stored.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

from ..batch import BatchOptions, BatchReport, run_batch
from ..errors import DanvanError


def check_stages(options: BatchOptions) -> None:
    """Fail early, with the way out, when a stage cannot load (rather than per article)."""
    if "themes" in options.stages:
        try:
            from ..themes import load_tagger

            load_tagger(options.model_path)
        except (ImportError, OSError, DanvanError) as exc:
            raise DanvanError(f"the theme model cannot be loaded ({exc}); train one with "
                              "`danvan train` or use --no-themes") from None


def run(paths: list[str | Path], db_path: str | Path, options: BatchOptions = BatchOptions(), *,
        workers: Optional[int] = None, scheduler: Optional[str] = None,
        dask_local: Optional[int] = None, retry_errors: bool = False, chunk_size: int = 32,
        on_progress=None, log=sys.stderr) -> BatchReport:
    """Process every input into the corpus at ``db_path``; returns the batch report."""
    from .schema import open_db
    from .sink import StoreSink
    from .write import checkpoint, set_info

    check_stages(options)

    def report_error(record: dict) -> None:
        print(f"skipped {record['source']}: {record['message']}", file=log)

    sink = StoreSink(db_path, retry_errors=retry_errors)
    report = run_batch([str(p) for p in paths], None, options, sink=sink, workers=workers,
                       scheduler=scheduler, dask_local=dask_local, chunk_size=chunk_size,
                       on_progress=on_progress, on_error=report_error)
    db = open_db(db_path)
    try:
        _store_catalogue_if_any(db)
        set_info(db, last_process_inputs=" ".join(map(str, paths)), last_process_stored=report.written)
        checkpoint(db)
    finally:
        db.close()
    return report


def _store_catalogue_if_any(db) -> None:
    from .catalogue import load_catalogue_entries
    from .write import store_catalogue

    entries = load_catalogue_entries()
    if entries:
        store_catalogue(db, entries)
