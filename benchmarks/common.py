"""Helpers shared by the eval and bench scripts."""
from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """../shared beside the checkout (CI clones the repo with shared/ beside it);
    $DANVAN_SHARED overrides it, and a worktree one level deeper finds ../../shared."""
    import os

    candidates = [Path(os.environ["DANVAN_SHARED"])] if os.environ.get("DANVAN_SHARED") else []
    candidates += [REPO / ".." / "shared", REPO / ".." / ".." / "shared"]
    for path in candidates:
        if path.resolve().is_dir():
            return path.resolve()
    raise FileNotFoundError(f"{candidates[0].resolve()} not found: the benchmarks read ../shared")


def shared_corpus() -> Path:
    return shared_dir() / "corpus"


def shared_seeds() -> Path:
    return shared_dir() / "seeds"
