"""Batch processing on all cores (joblib) or on a Dask cluster, streaming and resumable."""
from .read import WorkItem, iter_items
from .run import BatchReport, run_batch
from .work import BatchOptions, process_chunk, process_item
from .write import read_results

__all__ = ["BatchOptions", "BatchReport", "WorkItem", "iter_items", "process_chunk",
           "process_item", "read_results", "run_batch"]
