"""A progress bar with rate and ETA on a terminal; silent in pipes and CI."""
from __future__ import annotations

import contextlib
import os
import sys
from typing import Callable, Iterator, Optional


def wants_progress() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


@contextlib.contextmanager
def progress_bar(total: Optional[int], label: str, enabled: Optional[bool] = None
                 ) -> Iterator[Callable[[int], None]]:
    """Yields ``advance(n)``; a no-op when not on a terminal."""
    if not (wants_progress() if enabled is None else enabled):
        yield lambda n: None
        return
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)

    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.speed:>6.1f}/s" if total else ""), TimeElapsedColumn(),
               TimeRemainingColumn()]
    with Progress(*columns, console=None, transient=False) as bar:
        task = bar.add_task(label, total=total)
        yield lambda n: bar.advance(task, n)


def count_lines(paths: list[str]) -> Optional[int]:
    """A cheap total for the bar: lines of JSONL inputs, files of folders; None if unknown."""
    from pathlib import Path

    total = 0
    for spec in paths:
        path = Path(spec)
        if spec == "-" or not path.exists():
            return None
        if path.is_dir():
            total += sum(1 for p in path.rglob("*") if p.suffix.lower() in {".txt", ".html", ".htm"})
        elif path.suffix.lower() in {".jsonl", ".ndjson"}:
            with open(path, "rb") as fh:
                total += sum(block.count(b"\n") for block in iter(lambda: fh.read(1 << 20), b""))
        else:
            return None
    return total
