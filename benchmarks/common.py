"""Helpers shared by the eval and bench scripts."""
from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """../shared beside the checkout (CI clones the repo with shared/ beside it)."""
    path = (REPO / ".." / "shared").resolve()
    if not path.is_dir():
        raise FileNotFoundError(f"{path} not found: the benchmarks read ../shared")
    return path


def shared_corpus() -> Path:
    return shared_dir() / "corpus"


def shared_seeds() -> Path:
    return shared_dir() / "seeds"
