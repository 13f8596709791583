"""``danvan batch``: tag and cite a large input on all cores, or on a Dask cluster."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from ..errors import DanvanError

EXIT_SOME_FAILED = 3


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "batch", help="process a large input in parallel (joblib or Dask), resumably",
        description="Stream JSONL(.gz), WARC, Parquet, a folder of .txt/.html, or - ; write "
                    "tagged articles to OUT/articles.jsonl (or OUT/part-*.jsonl on Dask) and "
                    "failures to OUT/errors*.jsonl. A rerun skips what is already written. "
                    f"Exit code {EXIT_SOME_FAILED} when some articles failed.")
    add_batch_arguments(p)
    p.add_argument("--out", required=True, help="output folder")
    p.set_defaults(func=run_command)


def add_batch_arguments(p) -> None:
    p.add_argument("inputs", nargs="+", help="input files or folders, or - for stdin")
    p.add_argument("--stages", default="themes,citations",
                   help="comma-separated stages after cleaning: themes, citations (default both; "
                        "'none' only cleans)")
    p.add_argument("--model", default=None, help="theme model folder (default: the bundled model)")
    p.add_argument("--workers", type=int, default=None, help="worker processes (default: all cores)")
    p.add_argument("--chunk-size", type=int, default=32, help="articles per task (default 32)")
    p.add_argument("--scheduler", default=None, help="run on a Dask cluster: tcp://HOST:PORT")
    p.add_argument("--dask-local", type=int, default=None, metavar="N",
                   help="run on a local Dask cluster of N worker processes")
    p.add_argument("--retry-errors", action="store_true", help="process again the inputs that failed before")
    p.add_argument("--no-progress", action="store_true", help="no progress bar even on a terminal")


def options_from_args(args):
    from .work import KNOWN_STAGES, BatchOptions

    stages = tuple(s.strip() for s in args.stages.split(",") if s.strip() and s.strip() != "none")
    unknown = [s for s in stages if s not in KNOWN_STAGES]
    if unknown:
        raise DanvanError(f"unknown stage(s) {', '.join(unknown)}; known: {', '.join(KNOWN_STAGES)}")
    if args.workers is not None and args.workers < 1:
        raise DanvanError("--workers must be at least 1")
    if args.chunk_size < 1:
        raise DanvanError("--chunk-size must be at least 1")
    return BatchOptions(stages=stages, model_path=args.model)


def run_command(args) -> int:
    from .progress import count_lines, progress_bar
    from .run import run_batch

    options = options_from_args(args)
    total = None if args.no_progress else count_lines(args.inputs)
    with progress_bar(total, "batch", enabled=False if args.no_progress else None) as advance:
        report = run_batch(args.inputs, args.out, options, workers=args.workers,
                           chunk_size=args.chunk_size, scheduler=args.scheduler,
                           dask_local=args.dask_local, retry_errors=args.retry_errors,
                           on_progress=advance)
    (Path(args.out) / "report.json").write_text(json.dumps(report.as_dict(), indent=2) + "\n")
    print(report.summary(), file=sys.stderr)
    return EXIT_SOME_FAILED if report.failed else 0
